#![allow(missing_docs)] // the methods are reached only by generated code and the runtime
//! The raw protocol between a wrapper ([`Fresh`](crate::Fresh),
//! [`Started`](crate::Started), a box) and the state machine inside it:
//! how it is resumed ([`Resume`]), what one run produces ([`Step`]), and
//! the guard that finishes a machine whose body panicked.

use core::convert::Infallible;

use crate::boxed::BoxFrame;
use crate::handoff::Handoff;
use crate::protocol::{GeneratorState, Location, Phase};

/// How the caller resumed the state machine.
///
/// `R` is the generator's return type when it calls itself (see
/// `frames`): a frame is then also resumed with what the frame it called
/// returned. For every other generator it is `Infallible`, so `Returned`
/// cannot be built.
#[derive(Debug, Clone)]
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
    /// for such a generator (its `E` is [`NoThrow`](crate::NoThrow)), and `Returned`
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

    /// The same resume with the sent value converted (what a
    /// `yield_from!` loop passes on to its delegate).
    #[inline(always)]
    pub fn map_send<T>(self, convert: impl FnOnce(S) -> T) -> Resume<T, E, R> {
        match self {
            Resume::Start => Resume::Start,
            Resume::Send(value) => Resume::Send(convert(value)),
            Resume::Throw(error) => Resume::Throw(error),
            Resume::Returned(value) => Resume::Returned(value),
            Resume::Handed => Resume::Handed,
        }
    }

    /// What a hand-off point evaluates to: nothing, once the driver says
    /// it is done with the offered sub-generator. By reference: the arm
    /// then enters the `yield_from!` loop, which reads the same argument.
    #[inline(always)]
    pub fn expect_handed(&self) {
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

#[cold]
#[inline(never)]
pub(crate) fn resumed_without_value() -> ! {
    panic!("generator resumed without the value its suspension point takes (gen-runtime bug)")
}

/// The state machine inside a generator: what [`Fresh`](crate::Fresh) and
/// [`Started`](crate::Started) drive.
///
/// Its methods are not a public API (they change with every release of
/// `gen-macro`); the trait is public so that a generator's type can be
/// written: `Started<impl RawGenerator<Yield = u32, Send = u32, Throw =
/// NoThrow, Return = ()>>`. Generic code should take the [`Generator`]
/// trait instead, which every wrapper implements.
///
/// [`Generator`]: crate::Generator
pub trait RawGenerator {
    /// What the body yields.
    type Yield;
    /// What a yield evaluates to when the generator is resumed.
    type Send;
    /// What `throw` delivers ([`NoThrow`](crate::NoThrow) when not declared).
    type Throw;
    /// What the body returns.
    type Return;
    #[doc(hidden)]
    fn resume_raw(
        &mut self,
        arg: Resume<Self::Send, Self::Throw>,
    ) -> GeneratorState<Self::Yield, Self::Return>;
    #[doc(hidden)]
    fn phase(&self) -> Phase;
    #[doc(hidden)]
    fn complete(&mut self, value: Self::Return);
    /// The generator function's name, for `Debug`.
    #[doc(hidden)]
    fn name(&self) -> &'static str {
        "generator"
    }
    /// The yield the body is suspended at.
    #[doc(hidden)]
    fn suspension_point(&self) -> Option<&'static Location> {
        None
    }
    #[doc(hidden)]
    fn take_return(&mut self) -> Option<Self::Return>;
    #[doc(hidden)]
    fn close(&mut self);

    /// The body panicked while a driver above this generator ran: drop what
    /// is saved and become finished, as a panic inside `resume_raw` does.
    #[doc(hidden)]
    fn poison(&mut self) {
        self.close();
    }

    /// [`resume_raw`](Self::resume_raw) from the body of a generator that
    /// delegates to this one (`yield_from!`). Inlined, except for a machine
    /// that itself delegates (see `owned`): a delegating body resumes its
    /// delegate from several arms, and inlining a delegating generator
    /// there, level after level, multiplied a release build's code by
    /// that number per level of a chain.
    #[inline(always)]
    #[doc(hidden)]
    fn resume_delegated(
        &mut self,
        arg: Resume<Self::Send, Self::Throw>,
    ) -> GeneratorState<Self::Yield, Self::Return> {
        self.resume_raw(arg)
    }

    /// [`resume_raw`](Self::resume_raw) for a driver that keeps a stack of
    /// boxed generators (a [`BoxGenerator`](crate::BoxGenerator)): instead
    /// of running a boxed sub-generator it delegates to, this generator may
    /// stop at the hand-off point ([`Step::Call`]) and offer it to be run
    /// on that stack ([`take_frame`](Self::take_frame)).
    ///
    /// The step is small (`Handoff` holds nothing), so the driver's one
    /// dynamic call per item returns it in registers; the sub-generator
    /// itself is fetched by a second call, once per hand-off.
    #[inline]
    #[doc(hidden)]
    fn resume_frame(
        &mut self,
        arg: Resume<Self::Send, Self::Throw>,
    ) -> Step<Self::Yield, Self::Return, Handoff> {
        self.resume_raw(arg).into()
    }

    /// After [`resume_frame`](Self::resume_frame) stopped at a hand-off
    /// point: the boxed sub-generator offered there, moved out of the saved
    /// state, or `None` when there is none (the driver then resumes this
    /// generator with [`Resume::Handed`], and the body runs its delegate
    /// itself). `Self: 'a` is what lets the sub-generator, which this
    /// generator owned, live as long as the driver's frames.
    #[inline]
    #[doc(hidden)]
    fn take_frame<'a>(&mut self) -> Option<BoxFrame<'a, Self::Yield, Self::Send, Self::Throw>>
    where
        Self: 'a,
    {
        None
    }
}

/// What one run of a frame produced.
#[derive(Debug)]
pub enum Step<Y, R, St> {
    /// The frame yielded: the whole generator yields.
    Yielded(Y),
    /// The frame completed: its caller (if any) receives the value.
    Complete(R),
    /// The frame called the generator itself: run this frame on top.
    Call(St),
    /// The same as `Call` from the last thing a frame does, with nothing
    /// saved: the callee's return value is the frame's, so the callee
    /// replaces the frame instead of going on top of it.
    TailCall(St),
}

impl<Y, R, F> From<GeneratorState<Y, R>> for Step<Y, R, F> {
    #[inline(always)]
    fn from(state: GeneratorState<Y, R>) -> Self {
        match state {
            GeneratorState::Yielded(value) => Step::Yielded(value),
            GeneratorState::Complete(value) => Step::Complete(value),
        }
    }
}

/// Reached when a terminal state is resumed; the wrappers check the phase
/// first, so only a bug gets here.
#[cold]
#[inline(never)]
pub fn resumed_finished() -> ! {
    panic!("generator resumed after completion")
}

/// The resume argument, in a machine whose arms jump to one another (join
/// points): the arm that takes it runs once per resume, but the borrow
/// checker sees the loop around the arms, so it is held in an `Option`.
#[inline(always)]
pub fn resume_arg<A>(held: &mut Option<A>) -> A {
    match held.take() {
        Some(arg) => arg,
        None => resumed_finished(),
    }
}

/// Finishes a machine whose body panicked: what a guard calls while
/// unwinding.
pub(crate) trait Poison {
    /// Drop what is saved and become finished.
    fn poison(&mut self);
}

/// Poisons the value it holds if dropped while unwinding; the normal path
/// `forget`s it. One guard for every machine: the plain and hand-off
/// machines guard their state enum, the frame machine and the box stack
/// guard themselves.
pub(crate) struct PoisonOnUnwind<'a, T: Poison + ?Sized>(pub(crate) &'a mut T);

impl<T: Poison + ?Sized> Drop for PoisonOnUnwind<'_, T> {
    // Runs only while unwinding: the normal path forgets the guard.
    fn drop(&mut self) {
        self.0.poison();
    }
}
