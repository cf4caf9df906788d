//! Python-style generators for stable Rust.
//!
//! `#[generator]` turns a function whose body uses `r#yield!` into a plain
//! enum state machine. Calling the function runs nothing: it returns a
//! [`Fresh`] generator holding the arguments. Drive it like a Python
//! generator (`start`, `send`, `close`, `take_return`) or as an ordinary
//! [`Iterator`] when it takes no sent values.
//!
//! ```
//! use gen_runtime::{generator, GeneratorState};
//!
//! #[generator(yield = u64)]
//! fn count(n: u64) {
//!     for i in 0..n {
//!         r#yield!(i);
//!     }
//! }
//!
//! assert_eq!(count(4).collect::<Vec<_>>(), [0, 1, 2, 3]);
//!
//! #[generator(yield = i64, send = i64)]
//! fn accumulator() -> i64 {
//!     let mut total = 0;
//!     loop {
//!         let v = r#yield!(total);
//!         if v < 0 {
//!             return total;
//!         }
//!         total += v;
//!     }
//! }
//!
//! let (first, mut acc) = accumulator().start(); // Python: next(acc)
//! assert_eq!(first, GeneratorState::Yielded(0));
//! assert_eq!(acc.send(10), GeneratorState::Yielded(10));
//! assert_eq!(acc.send(7), GeneratorState::Yielded(17));
//! assert_eq!(acc.send(-1), GeneratorState::Complete(17));
//! ```
//!
//! [`gen_block!`] is the expression form (a generator expression): it
//! captures what it uses by move, infers its types, and accepts the
//! literal `yield!`. `#[generator(clone)]` (or `gen_block!(clone; …)`)
//! makes a generator `Clone`, to fork it mid-stream; `Debug` and
//! `suspension_point()` show where a generator is paused.
//!
//! ```
//! use gen_runtime::gen_block;
//!
//! let nums = vec![1, 2, 3, 4, 5];
//! let mut odd_squares = gen_block!(clone; {
//!     for x in nums {
//!         if x % 2 == 1 {
//!             yield!(x * x);
//!         }
//!     }
//! });
//! assert_eq!(odd_squares.next(), Some(1));
//! let fork = odd_squares.clone();
//! assert_eq!(odd_squares.collect::<Vec<i32>>(), [9, 25]);
//! assert_eq!(fork.collect::<Vec<i32>>(), [9, 25]);
//! ```
//!
//! `#[generator] async fn` is an async generator: its body may `.await`
//! between yields, and it is a `futures_core::Stream` ([`AsyncFresh`]),
//! with `start().await`, `send(v).await` and `throw(e).await` on the
//! [`AsyncStarted`] handle. Pin it before polling; it runs on any executor
//! and allocates nothing.
//!
//! ```
//! use futures::StreamExt;
//! use gen_runtime::{generator, GeneratorState};
//!
//! async fn double(x: u32) -> u32 {
//!     x * 2
//! }
//!
//! #[generator(yield = u32, send = u32)]
//! async fn doubler() -> u32 {
//!     let mut last = 0;
//!     loop {
//!         let x = r#yield!(double(last).await);
//!         if x == 0 {
//!             return last;
//!         }
//!         last = x;
//!     }
//! }
//!
//! #[generator(yield = u32)]
//! async fn evens(n: u32) {
//!     for i in 0..n {
//!         r#yield!(double(i).await);
//!     }
//! }
//!
//! futures::executor::block_on(async {
//!     assert_eq!(evens(3).collect::<Vec<_>>().await, [0, 2, 4]);
//!
//!     let g = core::pin::pin!(doubler());
//!     let (first, mut g) = g.start().await;
//!     assert_eq!(first, GeneratorState::Yielded(0));
//!     assert_eq!(g.send(5).await, GeneratorState::Yielded(10));
//!     assert_eq!(g.send(0).await, GeneratorState::Complete(5));
//! });
//! ```
#![no_std]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;

mod asynch;
mod boxed;
mod delegate;
mod flag;
mod frames;
mod handoff;
mod keep;
mod machine;
mod owned;
mod protocol;
mod question;
mod raw;
mod wrappers;

#[doc(hidden)]
pub mod __private;
pub mod bounds;

pub use asynch::{AsyncFresh, AsyncStarted, RawAsyncGenerator, Resumed, Start, TryStream};
#[doc(hidden)]
pub use asynch::{IterateAsStream, MustBePinned};
#[cfg(feature = "alloc")]
pub use boxed::{BoxGenerator, BoxSendGenerator, BoxSendStarted, BoxStarted};
pub use gen_macro::{gen_block, generator};
pub use protocol::{Generator, GeneratorState, Location, NoThrow, Phase};
pub use raw::RawGenerator;
pub use wrappers::{Fresh, Started, TryIter};

/// Suspends the generator and hands a value to its caller.
///
/// Only meaningful inside a `#[generator]` function, which rewrites every
/// call. Used anywhere else it is a compile error that says so.
#[macro_export]
macro_rules! r#yield {
    ($($tt:tt)*) => {
        ::core::compile_error!("`r#yield!` can only be used inside a `#[generator]` function")
    };
}

/// Delegates to a sub-generator (Python's `yield from`).
///
/// Only meaningful inside a `#[generator]` function. Used anywhere else it is
/// a compile error that says so.
#[macro_export]
macro_rules! yield_from {
    ($($tt:tt)*) => {
        ::core::compile_error!("`yield_from!` can only be used inside a `#[generator]` function")
    };
}
