//! Async generators: `#[generator] async fn` (SPEC §7).
//!
//! The body of an async generator is a native `async` block, so `.await`
//! and borrows across it work as in any `async fn`. A yield is a future
//! the body awaits: it puts the value in a slot of the generator and stays
//! pending once, and the generator, seeing the value, returns it to its
//! caller; the next resume puts the sent value (or thrown error) in the
//! slot and polls the body again. The slot lives in the generator itself,
//! which is pinned while the body runs: no thread-local, no allocation.
//!
//! - `pin`: every `unsafe` block (pin projection, the slot);
//! - `machine`: the resume protocol and the yield future;
//! - `wrappers`: [`AsyncFresh`], [`AsyncStarted`], their futures and the
//!   `Stream` implementations;
//! - `delegate`: `yield_from!` inside an async generator.

pub(crate) mod delegate;
pub(crate) mod machine;
pub(crate) mod pin;
pub(crate) mod wrappers;

pub use machine::RawAsyncGenerator;
pub use wrappers::{
    AsyncFresh, AsyncStarted, IterateAsStream, MustBePinned, Resumed, Start, TryStream,
};
