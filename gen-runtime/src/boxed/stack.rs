//! The stack a [`BoxGenerator`](crate::BoxGenerator) keeps of the boxed
//! generators handed over to it (see `handoff`), and its driver loop.

use alloc::boxed::Box;
use alloc::vec::Vec;

use crate::handoff::Handoff;
use crate::protocol::{GeneratorState, Location, Phase};
use crate::raw::{Poison, PoisonOnUnwind, RawGenerator, Resume, Step};
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
    // No field implies `Y: 'a` and the like: a hand-off machine names
    // `BoxFrame<'static, Y, …>` when it can hand over nothing, whatever
    // `Y` is. The impls that need them (`resume_frame`) say so.
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

impl<'a, Y: 'a, S: 'a, E: 'a, R: 'a> BoxRaw<'a, Y, S, E, R> {
    pub(crate) fn new(bottom: DynRaw<'a, Y, S, E, R>) -> Self {
        BoxRaw {
            frames: Frames(Vec::new()),
            bottom,
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

    /// Runs the stack until a frame yields or the bottom generator
    /// completes, starting from `ran`. The caller holds the poison guard.
    #[inline(never)]
    fn drive(&mut self, mut ran: Ran<Y, R>) -> GeneratorState<Y, R> {
        loop {
            let arg = match ran {
                Ran::Frame(step) => match step {
                    Step::Yielded(value) => return GeneratorState::Yielded(value),
                    Step::Complete(()) => {
                        // The finished frame's values are already dropped.
                        self.frames.0.pop();
                        Resume::Handed
                    }
                    Step::Call(Handoff) | Step::TailCall(Handoff) => {
                        // Not empty: only the top frame ran.
                        match self.frames.0.last_mut().and_then(|top| top.take_frame()) {
                            Some(frame) => {
                                self.push(frame);
                                Resume::Start
                            }
                            None => Resume::Handed,
                        }
                    }
                },
                Ran::Bottom(step) => match step {
                    Step::Yielded(value) => return GeneratorState::Yielded(value),
                    Step::Complete(value) => return GeneratorState::Complete(value),
                    Step::Call(Handoff) | Step::TailCall(Handoff) => {
                        match self.bottom.take_frame() {
                            Some(frame) => {
                                self.push(frame);
                                Resume::Start
                            }
                            None => Resume::Handed,
                        }
                    }
                },
            };
            ran = match self.frames.0.last_mut() {
                Some(top) => Ran::Frame(top.resume_frame(arg)),
                None => Ran::Bottom(self.bottom.resume_frame(arg)),
            };
        }
    }
}

/// Where [`BoxRaw::drive`] starts: what the top frame's run produced, or
/// what the bottom generator's did.
enum Ran<Y, R> {
    Frame(Step<Y, (), Handoff>),
    Bottom(Step<Y, R, Handoff>),
}

impl<'a, Y: 'a, S: 'a, E: 'a, R: 'a> RawGenerator for BoxRaw<'a, Y, S, E, R> {
    type Yield = Y;
    type Send = S;
    type Throw = E;
    type Return = R;

    /// An item costs one dynamic call: the innermost frame's
    /// `resume_frame` (the bottom generator's when there are no frames),
    /// inlined into whoever resumes the box. Anything but a yielded value
    /// (a frame completing or handing over a sub-generator) goes to the
    /// out-of-line `drive`.
    #[inline]
    fn resume_raw(&mut self, arg: Resume<S, E>) -> GeneratorState<Y, R> {
        // A panic in any frame drops every frame (innermost first) and
        // finishes the generator, as it would through nested calls.
        let guard = PoisonOnUnwind(self);
        let stack = &mut *guard.0;
        let result = match stack.frames.0.last_mut() {
            Some(top) => match top.resume_frame(arg) {
                Step::Yielded(value) => GeneratorState::Yielded(value),
                step => stack.drive(Ran::Frame(step)),
            },
            None => match stack.bottom.resume_frame(arg) {
                Step::Yielded(value) => GeneratorState::Yielded(value),
                step => stack.drive(Ran::Bottom(step)),
            },
        };
        core::mem::forget(guard);
        result
    }
    #[inline]
    fn phase(&self) -> Phase {
        // The generators on the stack are suspended inside the bottom
        // one's `yield_from!`: while there are any, it is suspended too,
        // and iterating needs no dynamic call to ask it before each item.
        if self.frames.0.is_empty() {
            self.bottom.phase()
        } else {
            Phase::Suspended
        }
    }
    #[inline]
    fn complete(&mut self, value: R) {
        self.bottom.complete(value);
    }
    #[inline]
    fn take_return(&mut self) -> Option<R> {
        self.bottom.take_return()
    }
    fn name(&self) -> &'static str {
        self.bottom.name()
    }
    /// The bottom generator's: its `yield_from!` while frames run above.
    fn suspension_point(&self) -> Option<&'static Location> {
        self.bottom.suspension_point()
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

impl<'a, Y: 'a, S: 'a, E: 'a, R: 'a> Poison for BoxRaw<'a, Y, S, E, R> {
    fn poison(&mut self) {
        RawGenerator::poison(self);
    }
}
