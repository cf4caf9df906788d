//! Boxed generators: the type erased behind a pointer, for recursion and for
//! storing generators in structs, and the flat stack a boxed generator runs
//! the boxed generators it delegates to on.

#[cfg(feature = "alloc")]
mod erase;
#[cfg(feature = "alloc")]
mod stack;

#[cfg(feature = "alloc")]
pub use erase::{BoxGenerator, BoxSendGenerator, BoxSendStarted, BoxStarted};
#[cfg(feature = "alloc")]
pub use stack::{BoxFrame, BoxRaw};
#[cfg(not(feature = "alloc"))]
pub use without_alloc::BoxFrame;

/// Without `alloc` there are no boxed generators, so nothing is ever handed
/// over: the frame type cannot be built.
#[cfg(not(feature = "alloc"))]
mod without_alloc {
    use core::marker::PhantomData;

    #[derive(Debug)]
    pub enum Never {}

    /// A sub-generator handed over to a stack; uninhabited without `alloc`.
    #[derive(Debug)]
    pub struct BoxFrame<'a, Y, S, E>(Never, PhantomData<(&'a (), fn() -> (Y, S, E))>);
}
