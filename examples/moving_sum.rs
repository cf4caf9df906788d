//! Frame persistence: locals (`total`, `buf`) survive between resumes, and
//! `send` injects each new value at the suspended `yield`.
//!
//! The Python original (seed article "Python Generators — Deep Dive"), with a
//! driver added:
//!
//! ```python
//! def moving_sum(window):
//!     total = 0
//!     buf = []
//!     while True:
//!         x = yield total
//!         buf.append(x)
//!         total += x
//!         if len(buf) > window:
//!             total -= buf.pop(0)
//!
//! ms = moving_sum(3)
//! print(next(ms))          # prime: runs to the first yield -> 0
//! for x in [1, 2, 3, 4, 5, 10]:
//!     print(x, "->", ms.send(x))
//! ```
//!
//! Python prints:
//!
//! ```text
//! 0
//! 1 -> 1
//! 2 -> 3
//! 3 -> 6
//! 4 -> 9
//! 5 -> 12
//! 10 -> 19
//! ```

use std::collections::VecDeque;

use gen_runtime::{GeneratorState, generator};

#[generator(yield = i64, send = i64)]
fn moving_sum(window: usize) {
    let mut total = 0;
    let mut buf = VecDeque::new();
    loop {
        let x = r#yield!(total);
        buf.push_back(x);
        total += x;
        if buf.len() > window {
            total -= buf.pop_front().unwrap();
        }
    }
}

fn yielded(state: GeneratorState<i64, ()>) -> i64 {
    match state {
        GeneratorState::Yielded(v) => v,
        GeneratorState::Complete(()) => unreachable!("moving_sum never returns"),
    }
}

fn main() {
    // Python: next(ms). `start` consumes the fresh generator and returns
    // the started one, which is the only one with `send`.
    let (first, mut ms) = moving_sum(3).start();
    println!("{}", yielded(first));
    for x in [1, 2, 3, 4, 5, 10] {
        println!("{x} -> {}", yielded(ms.send(x)));
    }
}
