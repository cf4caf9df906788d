#![allow(missing_docs)] // reached only through `__private`, by generated code
//! Direct self-recursion (`yield_from!(walk(child))` inside `fn walk`) as an
//! explicit stack of frames inside one generator.
//!
//! Each frame is a value of the function's own state enum. When the body
//! reaches a self-recursive `yield_from!`, it saves its live values in that
//! point's variant and returns [`Step::Call`](crate::raw::Step::Call) with the callee's initial
//! state; the driver pushes the caller and runs the callee on top. A value
//! yielded by the top frame goes straight out, a value sent goes straight
//! in, and when the top frame completes, the caller is popped and resumed
//! with the callee's return value (`Resume::Returned`). So a resume
//! costs the same at any depth, recursion depth is bounded by the heap
//! rather than the thread's stack, and a walk over a tree allocates one
//! growing `Vec` instead of one box per node.

#[cfg(feature = "alloc")]
pub use machine::{FrameMachine, fresh_frames};
#[cfg(not(feature = "alloc"))]
pub use without_alloc::fresh_frames;

#[cfg(feature = "alloc")]
mod machine {
    use alloc::vec::Vec;
    use core::marker::PhantomData;

    use crate::machine::{GenState, Protocol};
    use crate::protocol::{GeneratorState, Location, Phase};
    use crate::raw::{Poison, PoisonOnUnwind, RawGenerator, Resume, Step};
    use crate::wrappers::Fresh;

    /// A self-recursive generator: the running frame, the suspended callers
    /// below it (innermost last), and the code shared by all frames.
    pub struct FrameMachine<St: GenState, F, Y, S, E, R> {
        top: St,
        below: Vec<St>,
        resume: F,
        _types: Protocol<Y, S, E, R>,
    }

    impl<St: GenState, F, Y, S, E, R> core::fmt::Debug for FrameMachine<St, F, Y, S, E, R> {
        fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.debug_struct("FrameMachine")
                .field("phase", &self.top.phase())
                .field("depth", &self.below.len())
                .finish()
        }
    }

    impl<St: GenState, F, Y, S, E, R> FrameMachine<St, F, Y, S, E, R> {
        /// Drops the frames innermost first, as unwinding a recursive function
        /// (or closing a chain of `yield from`) would: the top frame's saved
        /// values, then each caller's.
        fn drop_frames(&mut self) {
            self.top.close();
            self.drop_callers();
        }

        /// The callers below the top, innermost (last pushed) first.
        fn drop_callers(&mut self) {
            while let Some(frame) = self.below.pop() {
                drop(frame);
            }
        }
    }

    /// Every frame is copied: the copy goes on from the same innermost
    /// yield with its own stack of callers.
    impl<St: GenState + Clone, F: Clone, Y, S, E, R> Clone for FrameMachine<St, F, Y, S, E, R> {
        fn clone(&self) -> Self {
            FrameMachine {
                top: self.top.clone(),
                below: self.below.clone(),
                resume: self.resume.clone(),
                _types: PhantomData,
            }
        }
    }

    impl<St: GenState, F, Y, S, E, R> Drop for FrameMachine<St, F, Y, S, E, R> {
        fn drop(&mut self) {
            self.drop_frames();
        }
    }

    impl<St, F, Y, S, E, R> RawGenerator for FrameMachine<St, F, Y, S, E, R>
    where
        St: GenState<Return = R>,
        F: FnMut(&mut St, Resume<S, E, R>) -> Step<Y, R, St>,
    {
        type Yield = Y;
        type Send = S;
        type Throw = E;
        type Return = R;

        #[inline]
        fn resume_raw(&mut self, arg: Resume<S, E>) -> GeneratorState<Y, R> {
            let mut arg = arg.with_return_type();
            // If a frame panics, every frame's saved values are dropped
            // (innermost first) and the generator is finished.
            let guard = PoisonOnUnwind(self);
            let machine = &mut *guard.0;
            let result = loop {
                match (machine.resume)(&mut machine.top, arg) {
                    Step::Yielded(value) => break GeneratorState::Yielded(value),
                    Step::Call(callee) => {
                        let caller = core::mem::replace(&mut machine.top, callee);
                        machine.below.push(caller);
                        arg = Resume::Start;
                    }
                    Step::TailCall(callee) => {
                        // The caller saved nothing and is finished.
                        machine.top = callee;
                        arg = Resume::Start;
                    }
                    Step::Complete(value) => match machine.below.pop() {
                        None => break GeneratorState::Complete(value),
                        Some(caller) => {
                            // The finished callee (already in a terminal state)
                            // is dropped here.
                            machine.top = caller;
                            arg = Resume::Returned(value);
                        }
                    },
                }
            };
            core::mem::forget(guard);
            result
        }
        #[inline]
        fn phase(&self) -> Phase {
            // Callers below the top are suspended in it, so the generator's
            // phase is the top frame's.
            self.top.phase()
        }
        #[inline]
        fn complete(&mut self, value: R) {
            self.top.complete(value);
        }
        #[inline]
        fn take_return(&mut self) -> Option<R> {
            self.top.take_return()
        }
        fn name(&self) -> &'static str {
            St::NAME
        }
        /// The innermost frame's: the yield the whole recursion is paused at.
        fn suspension_point(&self) -> Option<&'static Location> {
            self.top.suspension_point()
        }
        #[inline]
        fn close(&mut self) {
            self.drop_frames();
        }
    }

    impl<St: GenState, F, Y, S, E, R> Poison for FrameMachine<St, F, Y, S, E, R> {
        fn poison(&mut self) {
            self.top.poison();
            self.drop_callers();
        }
    }

    /// Entry point of a self-recursive generator's expansion (see
    /// [`crate::machine::fresh`]).
    #[inline(always)]
    pub fn fresh_frames<St, F, Y, S, E, R>(
        state: St,
        resume: F,
    ) -> Fresh<FrameMachine<St, F, Y, S, E, R>>
    where
        St: GenState<Return = R>,
        F: FnMut(&mut St, Resume<S, E, R>) -> Step<Y, R, St>,
    {
        Fresh::from_raw(FrameMachine {
            top: state,
            below: Vec::new(),
            resume,
            _types: PhantomData,
        })
    }
}

/// Without `alloc` there is no `Vec` for the frames: the expansion of a
/// self-recursive generator reaches this instead, and the error says why.
#[cfg(not(feature = "alloc"))]
mod without_alloc {
    use crate::machine::{Stub, stub};
    use crate::raw::{Resume, Step};
    use crate::wrappers::Fresh;

    #[diagnostic::on_unimplemented(
        message = "a generator that calls itself in `yield_from!` keeps its frames in a `Vec`, which needs `gen-runtime`'s `alloc` feature",
        label = "this generator calls itself",
        note = "enable it with `features = [\"alloc\"]` on the `gen-runtime` dependency, or write the recursion as a loop"
    )]
    pub trait FramesNeedAlloc {}

    pub fn fresh_frames<St, F, Y, S, E, R>(_: St, _: F) -> Fresh<Stub<Y, S, E, R>>
    where
        St: FramesNeedAlloc,
        F: FnMut(&mut St, Resume<S, E, R>) -> Step<Y, R, St>,
    {
        stub()
    }
}
