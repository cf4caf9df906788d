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

use crate::__private::{GenState, PoisonOnUnwind, RawGenerator, Resume};
use crate::frames::Step;
use crate::protocol::{GeneratorState, Phase};
use crate::wrappers::Fresh;

#[cfg(feature = "alloc")]
pub use stack::{BoxFrame, BoxRaw};
#[cfg(not(feature = "alloc"))]
pub use without_alloc::BoxFrame;

/// What a run of a generator on a driver's stack produced: a value, its
/// completion, or a boxed sub-generator handed over to the stack.
pub type FrameStep<'a, Y, S, E, R> = Step<Y, R, BoxFrame<'a, Y, S, E>>;

/// What the body of a generator returns at a hand-off point.
#[derive(Debug, Clone, Copy)]
pub struct Handoff;

type Protocol<Y, S, E, R> = PhantomData<fn(S, E) -> (Y, R)>;

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
/// [`crate::__private::fresh`]).
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

#[cfg(feature = "alloc")]
mod stack {
    use alloc::boxed::Box;
    use alloc::vec::Vec;
    use core::marker::PhantomData;

    use crate::__private::{RawGenerator, Resume};
    use crate::frames::Step;
    use crate::protocol::{GeneratorState, Phase};
    use crate::wrappers::Fresh;

    type DynRaw<'a, Y, S, E, R> =
        Box<dyn RawGenerator<Yield = Y, Send = S, Throw = E, Return = R> + 'a>;

    /// A boxed generator and the stack of boxed generators it delegates
    /// to, innermost last; what [`BoxGenerator`](crate::BoxGenerator)
    /// wraps.
    pub struct BoxRaw<'a, Y, S, E, R> {
        // Fields drop in order: the frames (innermost first), then the
        // generator that delegated to them.
        frames: Frames<'a, Y, S, E>,
        bottom: DynRaw<'a, Y, S, E, R>,
        /// `Y: 'a` and the like, which `resume_frame` on the boxes needs:
        /// true of every boxed generator (`G: 'a` implies them), and
        /// implied by this field wherever a `BoxRaw` is named.
        _outlives: PhantomData<&'a (Y, S, E, R)>,
    }

    /// The handed-over generators, innermost last.
    struct Frames<'a, Y, S, E>(Vec<DynRaw<'a, Y, S, E, ()>>);

    impl<Y, S, E> Frames<'_, Y, S, E> {
        /// Closes the frames innermost first, as unwinding nested
        /// delegations would: each sub-generator's saved values are dropped
        /// before those of the generator that delegated to it.
        fn close(&mut self) {
            while let Some(mut frame) = self.0.pop() {
                frame.close();
            }
        }
    }

    impl<Y, S, E> Drop for Frames<'_, Y, S, E> {
        fn drop(&mut self) {
            self.close();
        }
    }

    /// A sub-generator handed over to a stack: a fresh boxed generator
    /// that returns nothing.
    pub type BoxFrame<'a, Y, S, E> = Fresh<BoxRaw<'a, Y, S, E, ()>>;

    impl<Y, S, E, R> core::fmt::Debug for BoxRaw<'_, Y, S, E, R> {
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.debug_struct("BoxRaw")
                .field("phase", &self.bottom.phase())
                .field("depth", &self.frames.0.len())
                .finish()
        }
    }

    impl<'a, Y, S, E, R> BoxRaw<'a, Y, S, E, R> {
        pub(crate) fn new(bottom: DynRaw<'a, Y, S, E, R>) -> Self {
            BoxRaw {
                frames: Frames(Vec::new()),
                bottom,
                _outlives: PhantomData,
            }
        }

        /// Puts a handed-over sub-generator (and whatever it already runs
        /// on its own stack) on top.
        fn push(&mut self, frame: BoxFrame<'a, Y, S, E>) {
            let BoxRaw {
                bottom, mut frames, ..
            } = frame.into_raw();
            self.frames.0.push(bottom);
            self.frames.0.append(&mut frames.0);
        }
    }

    impl<'a, Y, S, E, R> RawGenerator for BoxRaw<'a, Y, S, E, R> {
        type Yield = Y;
        type Send = S;
        type Throw = E;
        type Return = R;

        fn resume_raw(&mut self, mut arg: Resume<S, E>) -> GeneratorState<Y, R> {
            // A panic in any frame drops every frame (innermost first) and
            // finishes the generator, as it would through nested calls.
            let guard = PoisonStackOnUnwind(self);
            let stack = &mut *guard.0;
            let result = loop {
                let handed: BoxFrame<'a, Y, S, E> = match stack.frames.0.last_mut() {
                    Some(top) => match top.resume_frame(arg) {
                        Step::Yielded(value) => break GeneratorState::Yielded(value),
                        Step::Complete(()) => {
                            // The finished frame's values are already dropped.
                            stack.frames.0.pop();
                            arg = Resume::Handed;
                            continue;
                        }
                        Step::Call(frame) | Step::TailCall(frame) => frame,
                    },
                    None => match stack.bottom.resume_frame(arg) {
                        Step::Yielded(value) => break GeneratorState::Yielded(value),
                        Step::Complete(value) => break GeneratorState::Complete(value),
                        Step::Call(frame) | Step::TailCall(frame) => frame,
                    },
                };
                stack.push(handed);
                arg = Resume::Start;
            };
            core::mem::forget(guard);
            result
        }
        #[inline]
        fn phase(&self) -> Phase {
            // The generators on the stack are suspended inside the bottom
            // one's `yield_from!`.
            self.bottom.phase()
        }
        #[inline]
        fn complete(&mut self, value: R) {
            self.bottom.complete(value);
        }
        #[inline]
        fn take_return(&mut self) -> Option<R> {
            self.bottom.take_return()
        }
        fn close(&mut self) {
            self.frames.close();
            self.bottom.close();
        }
        fn poison(&mut self) {
            self.frames.close();
            self.bottom.poison();
        }
    }

    struct PoisonStackOnUnwind<'s, 'a, Y, S, E, R>(&'s mut BoxRaw<'a, Y, S, E, R>);

    impl<Y, S, E, R> Drop for PoisonStackOnUnwind<'_, '_, Y, S, E, R> {
        // Runs only while unwinding: the normal path forgets the guard.
        fn drop(&mut self) {
            self.0.poison();
        }
    }
}

/// Without `alloc` there are no boxed generators, so nothing is ever handed
/// over: the frame type cannot be built.
#[cfg(not(feature = "alloc"))]
mod without_alloc {
    use core::marker::PhantomData;

    #[derive(Debug)]
    pub enum Never {}

    #[derive(Debug)]
    pub struct BoxFrame<'a, Y, S, E>(Never, PhantomData<&'a (Y, S, E)>);
}
