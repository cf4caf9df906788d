//! `boxed()`: a generator's type erased behind a pointer.
//!
//! Boxing keeps the wrapper: `Fresh<G>::boxed()` is a [`BoxGenerator`] (a
//! `Fresh` around a boxed state machine) and `Started<G>::boxed()` a
//! [`BoxStarted`], so a boxed generator has the same protocol as the one it
//! boxes, and whether it was started stays in its type.

use alloc::boxed::Box;

use super::{BoxFrame, BoxRaw};
use crate::handoff::Handoff;
use crate::protocol::{GeneratorState, Location, NoThrow, Phase};
use crate::raw::{RawGenerator, Resume, Step};
use crate::wrappers::{Fresh, Started};

/// A boxed fresh generator: yields `Y`, receives `S`, returns `R`, accepts
/// thrown `E`.
///
/// It runs the boxed generators it delegates to (`yield_from!` of a fresh
/// `BoxGenerator` with the same `Y`, `S` and `E` that returns `()`) on a
/// stack of its own, so recursion through boxes costs the same per item at
/// any depth and does not grow the thread's stack.
pub type BoxGenerator<'a, Y, S = (), R = (), E = NoThrow> = Fresh<BoxRaw<'a, Y, S, E, R>>;

/// A boxed started generator.
pub type BoxStarted<'a, Y, S = (), R = (), E = NoThrow> = Started<BoxRaw<'a, Y, S, E, R>>;

/// A `Send` state machine behind a pointer. It runs the boxed generators
/// it delegates to itself, one level each: the stack of a [`BoxGenerator`]
/// holds frames that need not be `Send`.
pub type DynRawSend<'a, Y, S, E, R> =
    Box<dyn RawGenerator<Yield = Y, Send = S, Throw = E, Return = R> + Send + 'a>;

/// A boxed fresh generator that is `Send`.
pub type BoxSendGenerator<'a, Y, S = (), R = (), E = NoThrow> = Fresh<DynRawSend<'a, Y, S, E, R>>;

/// A boxed started generator that is `Send`.
pub type BoxSendStarted<'a, Y, S = (), R = (), E = NoThrow> = Started<DynRawSend<'a, Y, S, E, R>>;

impl<G: RawGenerator + ?Sized> RawGenerator for Box<G> {
    type Yield = G::Yield;
    type Send = G::Send;
    type Throw = G::Throw;
    type Return = G::Return;

    #[inline]
    fn resume_raw(
        &mut self,
        arg: Resume<G::Send, G::Throw>,
    ) -> GeneratorState<G::Yield, G::Return> {
        (**self).resume_raw(arg)
    }
    #[inline]
    fn phase(&self) -> Phase {
        (**self).phase()
    }
    #[inline]
    fn complete(&mut self, value: G::Return) {
        (**self).complete(value);
    }
    #[inline]
    fn take_return(&mut self) -> Option<G::Return> {
        (**self).take_return()
    }
    fn name(&self) -> &'static str {
        (**self).name()
    }
    fn suspension_point(&self) -> Option<&'static Location> {
        (**self).suspension_point()
    }
    #[inline]
    fn close(&mut self) {
        (**self).close();
    }
    #[inline]
    fn poison(&mut self) {
        (**self).poison();
    }
    #[inline]
    fn resume_frame(
        &mut self,
        arg: Resume<G::Send, G::Throw>,
    ) -> Step<G::Yield, G::Return, Handoff> {
        (**self).resume_frame(arg)
    }
    #[inline]
    fn take_frame<'b>(&mut self) -> Option<BoxFrame<'b, G::Yield, G::Send, G::Throw>>
    where
        Self: 'b,
    {
        (**self).take_frame()
    }
}

macro_rules! boxing_methods {
    ($wrapper:ident, $boxed:ident, $boxed_send:ident) => {
        impl<G: RawGenerator> $wrapper<G> {
            /// Moves the generator to the heap behind a `dyn` pointer: a
            /// nameable type with the same protocol, for recursion
            /// (`yield_from!(walk(child).boxed())`) and for struct fields.
            pub fn boxed<'a>(self) -> $boxed<'a, G::Yield, G::Send, G::Return, G::Throw>
            where
                G: 'a,
            {
                $wrapper::from_raw(BoxRaw::new(Box::new(self.into_raw())))
            }

            /// [`boxed`](Self::boxed), keeping `Send` (the generator's saved
            /// values are all `Send`).
            pub fn boxed_send<'a>(self) -> $boxed_send<'a, G::Yield, G::Send, G::Return, G::Throw>
            where
                G: Send + 'a,
            {
                let raw: DynRawSend<'a, G::Yield, G::Send, G::Throw, G::Return> =
                    Box::new(self.into_raw());
                $wrapper::from_raw(raw)
            }
        }
    };
}

boxing_methods!(Fresh, BoxGenerator, BoxSendGenerator);
boxing_methods!(Started, BoxStarted, BoxSendStarted);
