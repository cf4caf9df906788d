#![allow(missing_docs)] // reached only through `__private`, by generated code
//! Chains of boxed generators (`yield_from!(walk(child).boxed())`, mutual
//! recursion) on one flat stack, so a resume costs the same at any depth.
//!
//! Nested delegation resumes every level on the way down: one call per
//! level per item, and as many native stack frames as the chain is deep.
//! Instead, a [`BoxGenerator`](crate::BoxGenerator) keeps a stack of the
//! boxed generators running below it ([`BoxRaw`]) and always resumes the
//! innermost one directly.
//!
//! How a sub-generator gets onto that stack, without the generated code
//! naming any lifetime: when `yield_from!` receives a fresh boxed generator
//! with the outer generator's types and no return value, the body first
//! suspends at a *hand-off point* with the sub-generator saved in its state
//! and returns [`Step::Call`]`(`[`Handoff`]`)`. Its machine
//! ([`HandoffMachine`]) then either
//!
//! - is itself being run by a `BoxRaw` ([`RawGenerator::resume_frame`]):
//!   it takes the sub-generator out of the saved state and returns it; the
//!   stack pushes it and resumes it. When it completes, the outer body is
//!   resumed with [`Resume::Handed`], finds its delegate empty, and goes on
//!   as after a sub-generator that returned `()`; or
//! - is run directly (`resume_raw`, an unboxed generator at the top): it
//!   resumes the body at once with `Handed`, and the body drives the
//!   sub-generator itself, which is one level, below which the boxed
//!   sub-generator's own stack is flat again.
//!
//! The lifetimes work out because the sub-generator is typed in the state
//! (`BoxGenerator<'b, …>`): `Self: 'a` in `resume_frame` gives `'b: 'a`.

use core::marker::PhantomData;

use crate::machine::{GenState, Protocol};
use crate::protocol::{GeneratorState, Location, Phase};
use crate::raw::{PoisonOnUnwind, RawGenerator, Resume, Step};
use crate::wrappers::Fresh;

use crate::boxed::BoxFrame;

/// What a run of a generator on a driver's stack produced: a value, its
/// completion, or a boxed sub-generator handed over to the stack.
pub type FrameStep<'a, Y, S, E, R> = Step<Y, R, BoxFrame<'a, Y, S, E>>;

/// What the body of a generator returns at a hand-off point.
#[derive(Debug, Clone, Copy)]
pub struct Handoff;

/// A generator with hand-off points: the state enum, the resume closure,
/// and `take`, which moves the sub-generator out of the state at a hand-off
/// point (`PhantomData<&'a St>` brings `St: 'a` into the closure, so it can
/// return the sub-generator as a frame that lives for `'a`).
pub struct HandoffMachine<St, F, T, Y, S, E, R> {
    state: St,
    resume: F,
    take: T,
    _types: Protocol<Y, S, E, R>,
}

impl<St: GenState, F, T, Y, S, E, R> core::fmt::Debug for HandoffMachine<St, F, T, Y, S, E, R> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("HandoffMachine")
            .field("phase", &self.state.phase())
            .finish()
    }
}

impl<St: Clone, F: Clone, T: Clone, Y, S, E, R> Clone for HandoffMachine<St, F, T, Y, S, E, R> {
    fn clone(&self) -> Self {
        HandoffMachine {
            state: self.state.clone(),
            resume: self.resume.clone(),
            take: self.take.clone(),
            _types: PhantomData,
        }
    }
}

impl<St, F, T, Y, S, E, R> RawGenerator for HandoffMachine<St, F, T, Y, S, E, R>
where
    St: GenState<Return = R>,
    F: FnMut(&mut St, Resume<S, E>) -> Step<Y, R, Handoff>,
    T: for<'a> FnMut(&mut St, PhantomData<&'a St>) -> Option<BoxFrame<'a, Y, S, E>>,
{
    type Yield = Y;
    type Send = S;
    type Throw = E;
    type Return = R;

    #[inline(always)]
    fn resume_raw(&mut self, mut arg: Resume<S, E>) -> GeneratorState<Y, R> {
        let guard = PoisonOnUnwind(&mut self.state);
        let result = loop {
            match (self.resume)(&mut *guard.0, arg) {
                Step::Yielded(value) => break GeneratorState::Yielded(value),
                Step::Complete(value) => break GeneratorState::Complete(value),
                // No stack to hand the sub-generator to: the body runs it.
                Step::Call(Handoff) | Step::TailCall(Handoff) => arg = Resume::Handed,
            }
        };
        core::mem::forget(guard);
        result
    }

    // The same loop as `resume_raw`, taking the offered sub-generator.
    // Sharing one generic loop between the two made the hot `resume_raw`
    // of a generator whose delegates are never boxed 40 % slower
    // (delegate d1, ours (boxed): 9.7 -> 13.7 µs), so they stay apart.
    #[inline]
    fn resume_frame<'a>(&mut self, mut arg: Resume<S, E>) -> Step<Y, R, BoxFrame<'a, Y, S, E>>
    where
        Self: 'a,
    {
        let guard = PoisonOnUnwind(&mut self.state);
        let result = loop {
            match (self.resume)(&mut *guard.0, arg) {
                Step::Yielded(value) => break Step::Yielded(value),
                Step::Complete(value) => break Step::Complete(value),
                Step::Call(Handoff) | Step::TailCall(Handoff) => {
                    match (self.take)(&mut *guard.0, PhantomData) {
                        Some(frame) => break Step::Call(frame),
                        None => arg = Resume::Handed,
                    }
                }
            }
        };
        core::mem::forget(guard);
        result
    }

    #[inline]
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
    fn name(&self) -> &'static str {
        St::NAME
    }
    fn suspension_point(&self) -> Option<&'static Location> {
        self.state.suspension_point()
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

/// Entry point of the expansion of a generator with hand-off points (see
/// [`crate::machine::fresh`]).
#[inline(always)]
pub fn fresh_handoff<St, F, T, Y, S, E, R>(
    state: St,
    resume: F,
    take: T,
) -> Fresh<HandoffMachine<St, F, T, Y, S, E, R>>
where
    St: GenState<Return = R>,
    F: FnMut(&mut St, Resume<S, E>) -> Step<Y, R, Handoff>,
    T: for<'a> FnMut(&mut St, PhantomData<&'a St>) -> Option<BoxFrame<'a, Y, S, E>>,
{
    Fresh::from_raw(HandoffMachine {
        state,
        resume,
        take,
        _types: PhantomData,
    })
}
