//! `close()` and cleanup: a `Drop` guard is Rust's `finally:`.
//!
//! The Python original (seed article "Python Generators — Deep Dive"), with a
//! driver added:
//!
//! ```python
//! def worker():
//!     try:
//!         while True:
//!             item = yield
//!             print("processing", item)
//!     finally:
//!         print("cleanup complete")
//!
//! w = worker()
//! next(w)              # prime
//! w.send("a.log")
//! w.send("b.log")
//! w.close()            # GeneratorExit at the yield -> finally runs
//! print("closed")
//! ```
//!
//! Python prints:
//!
//! ```text
//! processing a.log
//! processing b.log
//! cleanup complete
//! closed
//! ```
//!
//! `close()` drops every value the generator saved at its suspension point,
//! so the guard's `Drop` runs exactly where Python's `finally` would. (Just
//! dropping the generator does the same.)

use gen_runtime::generator;

/// Prints on drop: the `finally:` block.
struct Cleanup;

impl Drop for Cleanup {
    fn drop(&mut self) {
        println!("cleanup complete");
    }
}

#[generator(yield = (), send = &'static str)]
fn worker() {
    let _finally = Cleanup;
    loop {
        let item = r#yield!(());
        println!("processing {item}");
    }
}

fn main() {
    let (_, mut w) = worker().start(); // prime: next(w)
    w.send("a.log");
    w.send("b.log");
    w.close();
    println!("closed");
    assert!(w.is_finished());
}
