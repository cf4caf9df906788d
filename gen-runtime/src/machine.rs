#![allow(missing_docs)] // reached only through `__private`, by generated code
//! The plain machine: the state enum the macro emits and the resume
//! closure that owns the body's code, plus the stub that stands in for a
//! generator whose expansion reported errors.

use core::marker::PhantomData;

use crate::protocol::{GeneratorState, Location, Phase};
use crate::raw::{RawGenerator, Resume, resumed_finished};
use crate::wrappers::Fresh;

/// Implemented by the state enum the macro emits inside each generator
/// function: the runtime cannot name its variants, so it asks through this.
/// The enum supplies the few facts only it knows; the lifecycle built on
/// them is written here once, not emitted per generator (less for rustc to
/// check for each one).
pub trait GenState: Sized {
    type Return;
    /// The generator function's name.
    const NAME: &'static str;
    /// Finished, nothing held: after the return value was taken, or a panic.
    const DONE: Self;
    /// Closed before it completed.
    const CLOSED: Self;
    /// Where each suspension point is in the source, in the order of the
    /// variants that stand for them.
    const POINTS: &'static [Location];
    /// Which variant this is, in declaration order: 0 is the start,
    /// `1..=POINTS.len()` the suspension points, then the returned value,
    /// done and closed. The one method that reads the variant, so that a
    /// generator gives rustc one match to check, not one per question
    /// (`phase`, `suspension_point`).
    fn variant(&self) -> usize;
    /// The state that holds the body's return value.
    fn returned(value: Self::Return) -> Self;
    /// The return value, if this is the state that holds it.
    fn into_returned(self) -> Result<Self::Return, Self>;

    #[cfg_attr(not(debug_assertions), inline(always))]
    #[cfg_attr(debug_assertions, inline)]
    fn phase(&self) -> Phase {
        // (Wrapping: no overflow check for a debug build to compile.)
        let variant = self.variant();
        let points = Self::POINTS.len();
        if variant == 0 {
            Phase::Created
        } else if variant <= points {
            Phase::Suspended
        } else if variant == points.wrapping_add(3) {
            Phase::Closed
        } else {
            Phase::Complete
        }
    }

    /// The `r#yield!` the state is suspended at.
    #[inline]
    fn suspension_point(&self) -> Option<&'static Location> {
        // The start (0) wraps around to an index past the end.
        Self::POINTS.get(self.variant().wrapping_sub(1))
    }

    /// Store the body's return value until `take_return`.
    #[inline]
    fn complete(&mut self, value: Self::Return) {
        *self = Self::returned(value);
    }

    #[inline]
    fn take_return(&mut self) -> Option<Self::Return> {
        // (Only a finished state is replaced: a suspended one may be large.)
        if self.phase() != Phase::Complete {
            return None;
        }
        match core::mem::replace(self, Self::DONE).into_returned() {
            Ok(value) => Some(value),
            Err(done) => {
                *self = done;
                None
            }
        }
    }

    /// Drop the saved values (field order = reverse declaration order).
    #[inline]
    fn close(&mut self) {
        if matches!(self.phase(), Phase::Created | Phase::Suspended) {
            *self = Self::CLOSED;
        }
    }

    /// The body panicked: drop what is saved, become finished.
    #[cold]
    fn poison(&mut self) {
        *self = Self::DONE;
    }
}

/// Finishes the state of a plain machine whose body panicked: the guard
/// [`Machine::resume_raw`] holds while the body runs. Its own type, not
/// `PoisonOnUnwind` (which the other machines use): a debug build then
/// compiles one small drop per generator rather than a drop, a trait
/// method and the `GenState` method it forwards to.
struct FinishOnUnwind<'a, St: GenState>(&'a mut St);

impl<St: GenState> Drop for FinishOnUnwind<'_, St> {
    // Runs only while unwinding: the normal path forgets the guard.
    fn drop(&mut self) {
        *self.0 = St::DONE;
    }
}

/// The protocol's types, carried without being stored: a function pointer
/// type keeps auto traits and variance independent of them.
pub(crate) type Protocol<Y, S, E, R> = PhantomData<fn(S, E) -> (Y, R)>;

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

/// `#[generator(clone)]`: the state enum derives `Clone`, and the resume
/// closure captures nothing, so the copy continues from the same
/// suspension point on its own.
impl<St: Clone, F: Clone, Y, S, E, R> Clone for Machine<St, F, Y, S, E, R> {
    fn clone(&self) -> Self {
        Machine {
            state: self.state.clone(),
            resume: self.resume.clone(),
            _types: PhantomData,
        }
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

    #[cfg_attr(not(debug_assertions), inline(always))]
    #[cfg_attr(debug_assertions, inline)]
    fn resume_raw(&mut self, arg: Resume<S, E>) -> GeneratorState<Y, R> {
        // A resume that updates saved values in place leaves the state at its
        // suspension point while the body runs; if the body panics, the
        // guard drops those values once and marks the generator finished.
        let guard = FinishOnUnwind(&mut self.state);
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

/// What a generator function expands to when the macro reported errors:
/// the right type, so callers see no follow-on errors. Never resumed,
/// because the crate does not compile.
pub fn stub<Y, S, E, R>() -> Fresh<Stub<Y, S, E, R>> {
    Fresh::from_raw(Stub(PhantomData))
}

#[derive(Debug)]
pub struct Stub<Y, S, E, R>(Protocol<Y, S, E, R>);

impl<Y, S, E, R> Clone for Stub<Y, S, E, R> {
    fn clone(&self) -> Self {
        Stub(PhantomData)
    }
}

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
