//! Traits that only bound the protocol's methods. They exist for their
//! compile errors: each says, in the user's terms, why a call is refused
//! and what to write instead. None is meant to be implemented outside this
//! crate.

use core::marker::PhantomData;

use crate::protocol::NoThrow;
pub use crate::question::FromResidual;

/// Marks send types for which a generator can be driven as an `Iterator`:
/// only `()`, because `next()` has no value to send.
#[diagnostic::on_unimplemented(
    message = "this generator receives values of type `{Self}` through `send`, so it is not an iterator",
    label = "declared with `send = {Self}`",
    note = "drive it with `.start()` and then `.send(value)`; only generators with `send = ()` implement `Iterator`"
)]
pub trait UnitSend {
    #[doc(hidden)]
    fn unit() -> Self;
}

impl UnitSend for () {
    #[inline(always)]
    fn unit() -> Self {}
}

/// Marks the errors a generator accepts through `throw`: its declared
/// `throw = E`, and nothing for a generator that declared none.
#[diagnostic::on_unimplemented(
    message = "this generator does not accept thrown errors of type `{T}`",
    label = "`throw` needs the generator to declare the error type it accepts",
    note = "declare it with `#[generator(…, throw = {T})]`: every `r#yield!` then evaluates to `Result<S, {T}>`, `Err(e)` when `e` was thrown in"
)]
pub trait AcceptsThrown<T> {
    #[doc(hidden)]
    fn accept(error: T) -> Self;
}

impl<T> AcceptsThrown<T> for T {
    #[inline(always)]
    fn accept(error: T) -> T {
        error
    }
}

/// A second implementation for [`NoThrow`], so that rustc cannot infer
/// the thrown type from the bound alone and reports the message above
/// instead of "expected `NoThrow`".
#[doc(hidden)]
#[derive(Debug)]
pub enum NeverThrown {}

impl AcceptsThrown<NeverThrown> for NoThrow {
    fn accept(error: NeverThrown) -> Self {
        match error {}
    }
}

/// Never implemented: calling `throw` on a fresh generator names this bound
/// so that the compiler's message explains what to do.
#[diagnostic::on_unimplemented(
    message = "cannot `throw` into a generator that has not started",
    label = "this generator has not reached its first `r#yield!` yet",
    note = "call `.start()` first; it runs the body to the first yield and returns `(first_state, started)`, then call `started.throw(error)` (Python: `next(gen)` before `gen.throw(e)`)"
)]
pub trait StartBeforeThrow {}

/// Never implemented: calling `send` on a fresh generator names this bound
/// so that the compiler's message explains what to do.
#[diagnostic::on_unimplemented(
    message = "cannot `send` to a generator that has not started",
    label = "this generator has not reached its first `r#yield!` yet",
    note = "call `.start()` first; it runs the body to the first yield and returns `(first_state, started)`, then call `started.send(value)` (Python: `next(gen)` before `gen.send(x)`)"
)]
pub trait StartBeforeSend {}

/// Never implemented: calling `send` on a fresh async generator names this
/// bound so that the compiler's message explains what to do.
#[diagnostic::on_unimplemented(
    message = "cannot `send` to an async generator that has not started",
    label = "this generator has not reached its first `r#yield!` yet",
    note = "pin it and call `.start().await` first; it runs the body to the first yield and resolves to `(first_state, started)`, then call `started.send(value).await` (Python: `await agen.asend(None)` before `agen.asend(x)`)"
)]
pub trait StartAsyncBeforeSend {}

/// Never implemented: calling `throw` on a fresh async generator names
/// this bound so that the compiler's message explains what to do.
#[diagnostic::on_unimplemented(
    message = "cannot `throw` into an async generator that has not started",
    label = "this generator has not reached its first `r#yield!` yet",
    note = "pin it and call `.start().await` first; it runs the body to the first yield and resolves to `(first_state, started)`, then call `started.throw(error).await` (Python: `await agen.asend(None)` before `agen.athrow(e)`)"
)]
pub trait StartAsyncBeforeThrow {}

/// Marks send types with which `yield_from!` can resume a started
/// generator where it is suspended: only `()`, because no value is at
/// hand for the yield it is paused at.
#[diagnostic::on_unimplemented(
    message = "`yield_from!` cannot resume a started generator that receives values of type `{Self}`",
    label = "this generator was started and takes `send = {Self}`: no value is at hand for the yield it is paused at",
    note = "delegate to the generator before starting it (delegation then starts it, and passes every value sent to the outer generator on to it); only a started generator with `send = ()` can be resumed where it is"
)]
pub trait ResumeStartedDelegate {
    #[doc(hidden)]
    fn unit() -> Self;
}

impl ResumeStartedDelegate for () {
    #[inline(always)]
    fn unit() -> Self {}
}

/// A value sent into the outer generator, passed on to the delegate: the
/// two send types must be the same.
#[diagnostic::on_unimplemented(
    message = "`yield_from!` cannot pass the values this generator receives (`{Self}`) to a delegate that takes `{T}`",
    label = "the delegate takes `{T}`",
    note = "an iterable takes no sent values (`()`): only a generator with `send = ()` can delegate to one; a sub-generator must declare the same `send` type"
)]
pub trait SendInto<T> {
    #[doc(hidden)]
    fn into_send(self) -> T;
}

impl<T> SendInto<T> for T {
    #[inline(always)]
    fn into_send(self) -> T {
        self
    }
}

/// A second implementation, so that rustc cannot infer the target from the
/// value alone: it takes it from the delegate, and a mismatch is reported
/// with the message above.
impl<S> SendInto<Unreachable<S>> for S {
    fn into_send(self) -> Unreachable<S> {
        Unreachable(PhantomData)
    }
}

/// Only names the second implementation of [`SendInto`].
#[derive(Debug)]
pub struct Unreachable<S>(PhantomData<S>);

/// Every value a `#[generator(clone)]` holds across a yield must be
/// `Clone`: the generated code checks each one where it is first saved.
#[diagnostic::on_unimplemented(
    message = "`#[generator(clone)]` needs every value held across a yield to be `Clone`, and `{Self}` is not",
    label = "this value is held across a `r#yield!`",
    note = "implement or derive `Clone` for `{Self}`, end the value's scope before the yield, or leave `clone` out of `#[generator(…)]`"
)]
pub trait HeldByCloneGenerator: Clone {}

impl<T: Clone> HeldByCloneGenerator for T {}

#[doc(hidden)]
#[inline(always)]
pub fn held_by_clone_generator<T: HeldByCloneGenerator>(_: &T) {}
