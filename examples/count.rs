//! The iterator protocol: a generator is an `Iterator`, and calling the
//! generator function runs nothing until the first `next()`.
//!
//! The Python original (seed article "Python Generators — Deep Dive"):
//!
//! ```python
//! def numbers():
//!     yield 1
//!     yield 2
//!
//! g = numbers()
//! print(next(g))  # 1
//! print(next(g))  # 2
//! print(next(g, "exhausted"))  # StopIteration -> default
//!
//! def count(n):
//!     print("count starts")     # runs at the first next(), not at the call
//!     for i in range(n):
//!         yield i
//!
//! c = count(5)
//! print("created")
//! print(sum(c))  # 10
//! ```
//!
//! Python prints:
//!
//! ```text
//! 1
//! 2
//! exhausted
//! created
//! count starts
//! 10
//! ```

use gen_runtime::generator;

#[generator(yield = u32)]
fn numbers() {
    r#yield!(1);
    r#yield!(2);
}

#[generator(yield = u64)]
fn count(n: u64) {
    println!("count starts");
    for i in 0..n {
        r#yield!(i);
    }
}

fn main() {
    let mut g = numbers();
    println!("{}", g.next().unwrap());
    println!("{}", g.next().unwrap());
    // Python's `next(g, default)`: an exhausted generator yields `None`.
    println!(
        "{}",
        g.next().map_or("exhausted".to_string(), |v| v.to_string())
    );

    let c = count(5);
    println!("created");
    println!("{}", c.sum::<u64>());
}
