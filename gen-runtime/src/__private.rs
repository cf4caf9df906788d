//! What the code emitted by `#[generator]` calls. Not a public API: it
//! changes with every release of `gen-macro`, which is pinned to this crate.
#![allow(missing_docs)]

use core::convert::Infallible;
use core::marker::PhantomData;

pub use crate::delegate::{
    Delegate, DelegateProbe, GeneratorTag, IteratorTag, SendInto, TakeFrame, ThrowIntoDelegate,
    ThrowPastDelegate, ThrowProbe, ViaFrame, ViaGenerator, ViaIterator, probe,
};
#[cfg(feature = "alloc")]
pub use crate::delegate::{FrameDelegate, FrameTag};
#[cfg(feature = "alloc")]
pub use crate::frames::FrameMachine;
pub use crate::frames::{Step, fresh_frames};
pub use crate::handoff::{BoxFrame, FrameStep, Handoff, HandoffMachine, fresh_handoff};
pub use crate::protocol::{GeneratorState, Phase};
pub use crate::wrappers::Fresh;
pub use core;

/// How the caller resumed the state machine.
///
/// `R` is the generator's return type when it calls itself (see
/// `frames`): a frame is then also resumed with what the frame it called
/// returned. For every other generator it is `Infallible`, so `Returned`
/// cannot be built.
#[derive(Debug)]
pub enum Resume<S, E, R = Infallible> {
    /// First resume through `start()`, or a callee frame's first run:
    /// there is no yield to receive a value.
    Start,
    /// `next()` or `send(value)`.
    Send(S),
    /// `throw(error)` (only with `#[generator(throw = E)]`).
    Throw(E),
    /// The frame this one called (a self-recursive `yield_from!`) returned.
    Returned(R),
    /// At a hand-off point (see `handoff`): the driver ran the offered
    /// boxed sub-generator to completion on its own stack, or declined it.
    Handed,
}

impl<S, E, R> Resume<S, E, R> {
    /// The value sent to a suspended yield of a generator without `throw`.
    /// Only `start` resumes with `Start`, and only the initial state, so
    /// the panic branch is dead code in practice; a `Throw` cannot be built
    /// for such a generator (its `E` is [`NotDeclared`]), and `Returned`
    /// only reaches a self-recursive call point.
    #[inline(always)]
    pub fn into_sent(self) -> S {
        match self {
            Resume::Send(value) => value,
            _ => resumed_without_value(),
        }
    }

    /// What `r#yield!` evaluates to in a generator with `throw = E`.
    #[inline(always)]
    pub fn into_result(self) -> Result<S, E> {
        match self {
            Resume::Send(value) => Ok(value),
            Resume::Throw(error) => Err(error),
            _ => resumed_without_value(),
        }
    }

    /// What a self-recursive `yield_from!` evaluates to.
    #[inline(always)]
    pub fn into_returned(self) -> R {
        match self {
            Resume::Returned(value) => value,
            _ => resumed_without_value(),
        }
    }

    /// What a hand-off point evaluates to: nothing, once the driver says
    /// it is done with the offered sub-generator.
    #[inline(always)]
    pub fn into_handed(self) {
        match self {
            Resume::Handed => {}
            _ => resumed_without_value(),
        }
    }

    /// The same in a generator with `throw = E`, where `yield_from!`
    /// evaluates to `Result<R, E>`: the callee received every thrown error,
    /// so it is always `Ok`.
    #[inline(always)]
    pub fn into_returned_ok(self) -> Result<R, E> {
        Ok(self.into_returned())
    }
}

impl<S, E> Resume<S, E> {
    /// The same resume, as a frame of a self-recursive generator takes it.
    #[inline(always)]
    pub fn with_return_type<R>(self) -> Resume<S, E, R> {
        match self {
            Resume::Start => Resume::Start,
            Resume::Send(value) => Resume::Send(value),
            Resume::Throw(error) => Resume::Throw(error),
            Resume::Returned(never) => match never {},
            Resume::Handed => Resume::Handed,
        }
    }
}

/// The throw type of a generator declared without `throw = E`: it cannot be
/// constructed, so nothing can be thrown into such a generator.
#[derive(Debug)]
pub struct NotDeclared(());

#[cold]
#[inline(never)]
fn resumed_without_value() -> ! {
    panic!("generator resumed without the value its suspension point takes (gen-runtime bug)")
}

/// Implemented by the state enum the macro emits inside each generator
/// function: the runtime cannot name its variants, so it asks through this.
pub trait GenState {
    type Return;
    fn phase(&self) -> Phase;
    /// Store the body's return value until `take_return`.
    fn complete(&mut self, value: Self::Return);
    fn take_return(&mut self) -> Option<Self::Return>;
    /// Drop the saved values (field order = reverse declaration order).
    fn close(&mut self);
    /// The body panicked: drop what is saved, become finished.
    fn poison(&mut self);
}

/// The protocol's types, carried without being stored: a function pointer
/// type keeps auto traits and variance independent of them.
type Protocol<Y, S, E, R> = PhantomData<fn(S, E) -> (Y, R)>;

/// The object behind a generator: the state enum and the resume closure
/// that owns the code. Built by one generic call so that rustc knows the
/// state's type before it checks the closure body.
pub struct Machine<St, F, Y, S, E, R> {
    state: St,
    resume: F,
    _types: Protocol<Y, S, E, R>,
}

impl<St, F, Y, S, E, R> core::fmt::Debug for Machine<St, F, Y, S, E, R>
where
    St: GenState,
{
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Machine")
            .field("phase", &self.state.phase())
            .finish()
    }
}

/// The raw protocol: what [`Fresh`] and [`crate::Started`] drive.
pub trait RawGenerator {
    type Yield;
    type Send;
    type Throw;
    type Return;
    fn resume_raw(
        &mut self,
        arg: Resume<Self::Send, Self::Throw>,
    ) -> GeneratorState<Self::Yield, Self::Return>;
    fn phase(&self) -> Phase;
    fn complete(&mut self, value: Self::Return);
    fn take_return(&mut self) -> Option<Self::Return>;
    fn close(&mut self);

    /// The body panicked while a driver above this generator ran: drop what
    /// is saved and become finished, as a panic inside `resume_raw` does.
    fn poison(&mut self) {
        self.close();
    }

    /// [`resume_raw`](Self::resume_raw) for a driver that keeps a stack of
    /// boxed generators (a [`BoxGenerator`](crate::BoxGenerator)): instead
    /// of running a boxed sub-generator it delegates to, this generator may
    /// hand it over ([`Step::Call`]) to be run on that stack. `Self: 'a`
    /// is what lets the sub-generator, which this generator owned, live as
    /// long as the driver's frames.
    #[inline]
    fn resume_frame<'a>(
        &mut self,
        arg: Resume<Self::Send, Self::Throw>,
    ) -> FrameStep<'a, Self::Yield, Self::Send, Self::Throw, Self::Return>
    where
        Self: 'a,
    {
        self.resume_raw(arg).into()
    }
}

impl<St, F, Y, S, E, R> RawGenerator for Machine<St, F, Y, S, E, R>
where
    St: GenState<Return = R>,
    F: FnMut(&mut St, Resume<S, E>) -> GeneratorState<Y, R>,
{
    type Yield = Y;
    type Send = S;
    type Throw = E;
    type Return = R;

    #[inline(always)]
    fn resume_raw(&mut self, arg: Resume<S, E>) -> GeneratorState<Y, R> {
        // A resume that updates saved values in place leaves the state at its
        // suspension point while the body runs; if the body panics, the
        // guard drops those values once and marks the generator finished.
        let guard = PoisonOnUnwind(&mut self.state);
        let result = (self.resume)(&mut *guard.0, arg);
        core::mem::forget(guard);
        result
    }
    #[inline(always)]
    fn phase(&self) -> Phase {
        self.state.phase()
    }
    #[inline]
    fn complete(&mut self, value: R) {
        self.state.complete(value);
    }
    #[inline]
    fn take_return(&mut self) -> Option<R> {
        self.state.take_return()
    }
    #[inline]
    fn close(&mut self) {
        self.state.close();
    }
    #[inline]
    fn poison(&mut self) {
        self.state.poison();
    }
}

pub(crate) struct PoisonOnUnwind<'a, St: GenState>(pub(crate) &'a mut St);

impl<St: GenState> Drop for PoisonOnUnwind<'_, St> {
    // Runs only while unwinding: the normal path forgets the guard.
    fn drop(&mut self) {
        self.0.poison();
    }
}

/// Entry point of every expansion: the initial state first, then the
/// closure, so the closure's parameter type is known when rustc checks it.
#[inline(always)]
pub fn fresh<St, F, Y, S, E, R>(state: St, resume: F) -> Fresh<Machine<St, F, Y, S, E, R>>
where
    St: GenState<Return = R>,
    F: FnMut(&mut St, Resume<S, E>) -> GeneratorState<Y, R>,
{
    Fresh::from_raw(Machine {
        state,
        resume,
        _types: PhantomData,
    })
}

/// Lets an opaque return type mention lifetimes it captures on edition 2021
/// (edition 2024 captures them without this).
pub trait Captures<T: ?Sized> {}
impl<T: ?Sized, U: ?Sized> Captures<T> for U {}

/// `?` inside a generator body: the body's `return` becomes "complete with
/// this value", so `?` is lowered to `branch` + `from_residual` here
/// (mirrors the unstable `core::ops::Try`).
pub trait Try {
    type Output;
    type Residual;
    fn branch(self) -> core::ops::ControlFlow<Self::Residual, Self::Output>;
}

#[diagnostic::on_unimplemented(
    message = "the `?` operator can only be used in a generator that returns `Result` or `Option`",
    label = "this generator returns `{Self}`",
    note = "declare the generator's return value, e.g. `-> Result<(), E>`; `?` then completes the generator with the error"
)]
pub trait FromResidual<Residual> {
    fn from_residual(residual: Residual) -> Self;
}

impl<T, E> Try for Result<T, E> {
    type Output = T;
    type Residual = Result<core::convert::Infallible, E>;
    #[inline(always)]
    fn branch(self) -> core::ops::ControlFlow<Self::Residual, T> {
        match self {
            Ok(value) => core::ops::ControlFlow::Continue(value),
            Err(error) => core::ops::ControlFlow::Break(Err(error)),
        }
    }
}

impl<T> Try for Option<T> {
    type Output = T;
    type Residual = Option<core::convert::Infallible>;
    #[inline(always)]
    fn branch(self) -> core::ops::ControlFlow<Self::Residual, T> {
        match self {
            Some(value) => core::ops::ControlFlow::Continue(value),
            None => core::ops::ControlFlow::Break(None),
        }
    }
}

impl<T, E, F: From<E>> FromResidual<Result<core::convert::Infallible, E>> for Result<T, F> {
    #[inline(always)]
    fn from_residual(residual: Result<core::convert::Infallible, E>) -> Self {
        match residual {
            Err(error) => Err(From::from(error)),
        }
    }
}

impl<T> FromResidual<Option<core::convert::Infallible>> for Option<T> {
    #[inline(always)]
    fn from_residual(_: Option<core::convert::Infallible>) -> Self {
        None
    }
}

/// Reached when a terminal state is resumed; the wrappers check the phase
/// first, so only a bug gets here.
#[cold]
#[inline(never)]
pub fn resumed_finished() -> ! {
    panic!("generator resumed after completion")
}

/// What a generator function expands to when the macro reported errors:
/// the right type, so callers see no follow-on errors. Never resumed,
/// because the crate does not compile.
pub fn stub<Y, S, E, R>() -> Fresh<Stub<Y, S, E, R>> {
    Fresh::from_raw(Stub(PhantomData))
}

#[derive(Debug)]
pub struct Stub<Y, S, E, R>(Protocol<Y, S, E, R>);

impl<Y, S, E, R> RawGenerator for Stub<Y, S, E, R> {
    type Yield = Y;
    type Send = S;
    type Throw = E;
    type Return = R;
    fn resume_raw(&mut self, _: Resume<S, E>) -> GeneratorState<Y, R> {
        resumed_finished()
    }
    fn phase(&self) -> Phase {
        Phase::Closed
    }
    fn complete(&mut self, _: R) {}
    fn take_return(&mut self) -> Option<R> {
        None
    }
    fn close(&mut self) {}
}
