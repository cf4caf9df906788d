//! Python's `gen.throw(exc)`: one generator catches the error, logs it and
//! goes on; the other lets it propagate and finishes.
//!
//! ```python
//! class Retry(Exception): pass
//!
//! def resilient(jobs):
//!     for job in jobs:
//!         while True:
//!             try:
//!                 yield f"running {job}"
//!                 break
//!             except Retry as e:
//!                 print(f"caught {e}, retrying {job}")
//!
//! def strict(jobs):
//!     done = 0
//!     for job in jobs:
//!         yield f"running {job}"   # an exception thrown here propagates
//!         done += 1
//!     return done
//!
//! g = resilient(["a", "b"])
//! print(next(g))                      # running a
//! print(g.throw(Retry("timeout")))    # caught timeout, retrying a / running a
//! print(next(g))                      # running b
//!
//! s = strict(["a", "b"])
//! print(next(s))                      # running a
//! try:
//!     s.throw(Retry("disk full"))
//! except Retry as e:
//!     print(f"strict failed: {e}")    # strict failed: disk full
//! ```

use gen_runtime::{GeneratorState, generator};

#[derive(Debug)]
struct Retry(&'static str);

/// Catches `Retry` at its yield, logs it, and runs the job again.
#[generator(yield = String, throw = Retry)]
fn resilient(jobs: Vec<&'static str>) {
    for job in jobs {
        loop {
            match r#yield!(format!("running {job}")) {
                Ok(()) => break,
                Err(Retry(why)) => println!("caught {why}, retrying {job}"),
            }
        }
    }
}

/// Propagates the error with `?`: the generator completes with it.
#[generator(yield = String, throw = Retry)]
fn strict(jobs: Vec<&'static str>) -> Result<usize, Retry> {
    let mut done = 0;
    for job in jobs {
        r#yield!(format!("running {job}"))?;
        done += 1;
    }
    Ok(done)
}

fn main() {
    let (first, mut g) = resilient(vec!["a", "b"]).start();
    if let GeneratorState::Yielded(line) = first {
        println!("{line}");
    }
    if let GeneratorState::Yielded(line) = g.throw(Retry("timeout")) {
        println!("{line}");
    }
    if let Some(line) = g.next() {
        println!("{line}");
    }

    let (first, mut s) = strict(vec!["a", "b"]).start();
    if let GeneratorState::Yielded(line) = first {
        println!("{line}");
    }
    match s.throw(Retry("disk full")) {
        GeneratorState::Complete(Err(Retry(why))) => println!("strict failed: {why}"),
        other => println!("unexpected: {other:?}"),
    }
}
