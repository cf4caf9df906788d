//! Two-way communication with `send`, including the priming step.
//!
//! The Python original (seed article "Python Generators — Deep Dive"):
//!
//! ```python
//! def accumulator():
//!     total = 0
//!     while True:
//!         value = yield total
//!         if value is None:
//!             break
//!         total += value
//!
//! acc = accumulator()
//! print(next(acc))     # prime generator, returns 0
//! print(acc.send(10))  # 10
//! print(acc.send(7))   # 17
//! ```
//!
//! Python prints `0`, `10`, `17`. Sending before priming is a `TypeError`
//! at run time in Python ("can't send non-None value to a just-started
//! generator"); here a fresh generator has no `send` at all, so forgetting
//! to prime is a compile error. Python's `send(None)` to stop becomes
//! `send(None)` on an `Option`, and the total comes back as the
//! generator's return value (Python's `StopIteration.value`).

use gen_runtime::{GeneratorState, generator};

#[generator(yield = i64, send = Option<i64>)]
fn accumulator() -> i64 {
    let mut total = 0;
    loop {
        let Some(value) = r#yield!(total) else {
            break;
        };
        total += value;
    }
    total
}

fn show(state: GeneratorState<i64, i64>) {
    match state {
        GeneratorState::Yielded(v) => println!("{v}"),
        GeneratorState::Complete(r) => println!("finished, returned {r}"),
    }
}

fn main() {
    let acc = accumulator();
    // acc.send(Some(10));  // error: cannot `send` to a generator that has not started
    let (first, mut acc) = acc.start(); // prime: next(acc)
    show(first); // 0
    show(acc.send(Some(10))); // 10
    show(acc.send(Some(7))); // 17
    // Python's `acc.send(None)` breaks the loop; the body returns the total.
    show(acc.send(None));
}
