#![allow(missing_docs)] // reached only through `__private`, by generated code
//! What `yield_from!(sub)` drives (PEP 380 delegation).
//!
//! The macro expands `yield_from!(sub)` into a loop over a [`Delegate`]:
//! every value the delegate yields is yielded outward, every value sent in
//! is passed to it, and its return value is the loop's value. A delegate is
//! made from a fresh or started generator (boxed or not) or from any
//! `IntoIterator`; the generator form wins when a value is both (a fresh
//! generator with `send = ()` is also an iterator), by method-resolution
//! order ([`ViaGenerator`] is found before [`ViaIterator`]).

use core::marker::PhantomData;

use crate::bounds::ResumeStartedDelegate;
pub use crate::bounds::SendInto;
use crate::boxed::BoxFrame;
use crate::protocol::{Generator, GeneratorState, NoThrow, Phase};
use crate::raw::{RawGenerator, Resume};
use crate::wrappers::{Fresh, Started};

/// A sub-generator as `yield_from!` drives it.
pub trait Delegate {
    type Yield;
    type Send;
    type Throw;
    type Return;
    /// The first resume: runs a fresh generator to its first yield, resumes
    /// a started one where it is. Also the turn of the `yield_from!` loop
    /// after a hand-off.
    fn first(&mut self) -> GeneratorState<Self::Yield, Self::Return>;
    /// Every later resume, with what the outer generator received.
    fn step(
        &mut self,
        arg: Resume<Self::Send, Self::Throw>,
    ) -> GeneratorState<Self::Yield, Self::Return>;
    /// Whether `yield_from!` first offers this delegate to the driver's
    /// stack (a hand-off point, see `handoff`).
    #[inline(always)]
    fn offers_frame(&self) -> bool {
        false
    }
}

/// What the outer generator was resumed with at the yield of a
/// `yield_from!` loop, which evaluates to the raw resume argument, as the
/// loop's next turn takes it ([`run_with`]): a sent value to resume the
/// delegate with, or `None` for `Start` (the start arm entering the loop
/// by jumping to that yield's arm, the macro's `lower::entry`) and
/// `Handed` (after a hand-off), which leave the next turn the first. So
/// the loop is emitted once, with one call into the delegate, and what it
/// passes on stays in a local of the loop: stored in the delegate, it was
/// written and read back through memory on every item, at every level of
/// a chain. A thrown error is delivered by the expansion before it gets
/// here, and the sent value converted there (`Resume::map_send`), where a
/// delegate that takes other values is reported. The argument comes
/// first because the yield is evaluated first: the delegate is not
/// borrowed across it.
#[inline(always)]
pub fn receive<D: Delegate, E, R>(
    arg: Resume<D::Send, E, R>,
    _: &D,
) -> Option<Resume<D::Send, D::Throw>> {
    match arg {
        Resume::Send(value) => Some(Resume::Send(value)),
        Resume::Start | Resume::Handed => None,
        Resume::Throw(_) | Resume::Returned(_) => crate::raw::resumed_without_value(),
    }
}

/// `None`, typed for `delegate`: the resume of the `yield_from!` loop's
/// first turn (the start arm enters the loop from another arm than the
/// one holding its `let`, so the type must not wait for the loop).
#[inline(always)]
pub fn first_turn<D: Delegate>(_: &D) -> Option<Resume<D::Send, D::Throw>> {
    None
}

/// One turn of the `yield_from!` loop: the delegate resumed with what the
/// loop's yield received ([`receive`], or a thrown error the delegate
/// takes), or its first turn.
#[inline(always)]
pub fn run_with<D: Delegate>(
    delegate: &mut D,
    next: Option<Resume<D::Send, D::Throw>>,
) -> GeneratorState<D::Yield, D::Return> {
    match next {
        Some(resume) => delegate.step(resume),
        None => delegate.first(),
    }
}

/// What a hand-off point gives the driver: the delegate's boxed generator,
/// when it can run on a stack of generators yielding `Y`, receiving `S`
/// and accepting `E` (the outer generator's types).
/// `'f` is the lifetime of the frames the outer machine hands over; a
/// delegate that never offers one puts no bound on it.
pub trait TakeFrame<'f, Y, S, E> {
    #[inline(always)]
    fn take_frame(&mut self) -> Option<BoxFrame<'f, Y, S, E>> {
        None
    }
}

/// A generator delegate: the generator's state machine, and what to
/// resume it with on the next turn: at first `Start` for a fresh one, a
/// unit send for a started one (it resumes where it is), and `None` for
/// one that had finished (its kept return value is the delegation's).
pub struct GeneratorDelegate<G: RawGenerator> {
    raw: G,
    next: Option<Resume<G::Send, G::Throw>>,
}

impl<G: RawGenerator> GeneratorDelegate<G> {
    #[inline(always)]
    fn new(raw: G, first: Resume<G::Send, G::Throw>) -> Self {
        let next = (!raw.phase().is_finished()).then_some(first);
        GeneratorDelegate { raw, next }
    }
}

/// `#[generator(clone)]` around a `yield_from!` of a `clone` generator:
/// the fork gets its own copy of the delegate, where it is.
impl<G: RawGenerator + Clone> Clone for GeneratorDelegate<G>
where
    Resume<G::Send, G::Throw>: Clone,
{
    fn clone(&self) -> Self {
        GeneratorDelegate {
            raw: self.raw.clone(),
            next: self.next.clone(),
        }
    }
}

impl<G: RawGenerator> core::fmt::Debug for GeneratorDelegate<G> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("GeneratorDelegate")
            .field("phase", &self.raw.phase())
            .finish()
    }
}

impl<G: RawGenerator> Delegate for GeneratorDelegate<G> {
    type Yield = G::Yield;
    type Send = G::Send;
    type Throw = G::Throw;
    type Return = G::Return;

    // The first turn's resume (`Start`, or a unit send to a started
    // generator), once; after a hand-off, the kept return value.
    #[inline]
    fn first(&mut self) -> GeneratorState<G::Yield, G::Return> {
        match self.next.take() {
            Some(arg) => self.raw.resume_delegated(arg),
            None => self.returned(),
        }
    }

    #[inline]
    fn step(&mut self, arg: Resume<G::Send, G::Throw>) -> GeneratorState<G::Yield, G::Return> {
        self.raw.resume_delegated(arg)
    }
}

impl<G: RawGenerator> GeneratorDelegate<G> {
    /// An exhausted generator's kept return value.
    #[cold]
    fn returned(&mut self) -> GeneratorState<G::Yield, G::Return> {
        match self.raw.take_return() {
            Some(value) => GeneratorState::Complete(value),
            None => crate::__private::resumed_finished(),
        }
    }
}

impl<G: RawGenerator, Y, S, E> TakeFrame<'_, Y, S, E> for GeneratorDelegate<G> {}

/// A delegate seen only through the public [`Generator`] trait: a generic
/// `G: Generator`, an `impl Generator`, `&mut G`, `Box<dyn Generator>`.
/// Dropping it closes the generator if it is not finished, so closing the
/// outer generator closes a borrowed delegate too (PEP 380), not only one
/// it owns.
#[derive(Debug)]
pub struct AnyGeneratorDelegate<G: Generator>(G);

impl<G: Generator> Delegate for AnyGeneratorDelegate<G> {
    type Yield = G::Yield;
    type Send = G::Send;
    type Throw = G::Throw;
    type Return = G::Return;

    #[inline]
    fn first(&mut self) -> GeneratorState<G::Yield, G::Return> {
        match self.0.phase() {
            Phase::Created => self.0.prime(),
            // Generic code cannot make a value of `G::Send` to resume a
            // generator suspended at a yield: only a `Started` of the
            // macro's with `send = ()` is checked for that at compile time.
            Phase::Suspended => delegated_started_generic(),
            Phase::Complete | Phase::Closed => match self.0.take_return() {
                Some(value) => GeneratorState::Complete(value),
                None => crate::raw::resumed_finished(),
            },
        }
    }

    #[inline]
    fn step(&mut self, arg: Resume<G::Send, G::Throw>) -> GeneratorState<G::Yield, G::Return> {
        match arg {
            Resume::Send(value) => self.0.resume(value),
            Resume::Throw(error) => self.0.throw(error),
            Resume::Start | Resume::Returned(_) | Resume::Handed => self.first(),
        }
    }
}

impl<G: Generator> Drop for AnyGeneratorDelegate<G> {
    fn drop(&mut self) {
        if !self.0.is_finished() {
            self.0.close();
        }
    }
}

impl<G: Generator, Y, S, E> TakeFrame<'_, Y, S, E> for AnyGeneratorDelegate<G> {}

#[cold]
#[inline(never)]
#[track_caller]
fn delegated_started_generic() -> ! {
    panic!(
        "`yield_from!` of a generic generator that has already started: there is no value to resume it with; delegate to it before it starts, or drive it with `resume(value)`"
    )
}

/// An iterator delegate: yields its items, takes `()`, returns `()`.
#[derive(Debug)]
pub struct IteratorDelegate<I>(I);

impl<I: Iterator> Delegate for IteratorDelegate<I> {
    type Yield = I::Item;
    type Send = ();
    type Throw = NoThrow;
    type Return = ();

    #[inline]
    fn first(&mut self) -> GeneratorState<I::Item, ()> {
        self.0
            .next()
            .map_or(GeneratorState::Complete(()), GeneratorState::Yielded)
    }

    #[inline]
    fn step(&mut self, _: Resume<(), NoThrow>) -> GeneratorState<I::Item, ()> {
        self.first()
    }
}

impl<I, Y, S, E> TakeFrame<'_, Y, S, E> for IteratorDelegate<I> {}

/// The generator forms `yield_from!` accepts.
pub trait ToDelegate {
    type Delegate: Delegate;
    fn to_delegate(self) -> Self::Delegate;
}

impl<G: RawGenerator> ToDelegate for Fresh<G> {
    type Delegate = GeneratorDelegate<G>;
    #[inline]
    fn to_delegate(self) -> GeneratorDelegate<G> {
        GeneratorDelegate::new(self.into_raw(), Resume::Start)
    }
}

impl<G: RawGenerator> ToDelegate for Started<G>
where
    G::Send: ResumeStartedDelegate,
{
    type Delegate = GeneratorDelegate<G>;
    #[inline]
    fn to_delegate(self) -> GeneratorDelegate<G> {
        GeneratorDelegate::new(
            self.into_raw(),
            Resume::Send(<G::Send as ResumeStartedDelegate>::unit()),
        )
    }
}

/// Chosen for generators (see the module docs).
#[derive(Debug, Clone, Copy)]
pub struct GeneratorTag;

/// Chosen for any other value implementing [`Generator`].
#[derive(Debug, Clone, Copy)]
pub struct AnyGeneratorTag;

/// Chosen for iterables that are not generators.
#[derive(Debug, Clone, Copy)]
pub struct IteratorTag;

/// `yield_from!`'s operand, seen with the outer generator's yield, send
/// and throw types; `(&&&&probe).delegate_kind()` picks the delegate:
/// [`ViaFrame`] (on `&&&DelegateProbe`) is found first, then
/// [`ViaGenerator`] (a `Fresh` or `Started` of the macro's, on
/// `&&DelegateProbe`), then [`ViaAnyGenerator`] (any other [`Generator`]:
/// a generic `G`, `impl Generator`, `&mut G`, `Box<dyn Generator>`, on
/// `&DelegateProbe`), then [`ViaIterator`].
#[derive(Debug)]
pub struct DelegateProbe<'p, Sub, Y, S, E>(PhantomData<&'p Sub>, Types<Y, S, E>);

/// Probes `sub` as the operand of a `yield_from!` in a generator yielding
/// `Y`, receiving `S` and accepting thrown `E`.
#[inline(always)]
pub fn probe<Y, S, E, Sub>(_: &Sub) -> DelegateProbe<'_, Sub, Y, S, E> {
    DelegateProbe(PhantomData, PhantomData)
}

pub trait ViaGenerator {
    #[inline(always)]
    fn delegate_kind(&self) -> GeneratorTag {
        GeneratorTag
    }
}

impl<G: RawGenerator, Y, S, E> ViaGenerator for &&DelegateProbe<'_, Fresh<G>, Y, S, E> {}
impl<G: RawGenerator, Y, S, E> ViaGenerator for &&DelegateProbe<'_, Started<G>, Y, S, E> {}

pub trait ViaAnyGenerator {
    #[inline(always)]
    fn delegate_kind(&self) -> AnyGeneratorTag {
        AnyGeneratorTag
    }
}

impl<G: Generator, Y, S, E> ViaAnyGenerator for &DelegateProbe<'_, G, Y, S, E> {}

pub trait ViaIterator {
    #[inline(always)]
    fn delegate_kind(&self) -> IteratorTag {
        IteratorTag
    }
}

impl<I: IntoIterator, Y, S, E> ViaIterator for DelegateProbe<'_, I, Y, S, E> {}

impl GeneratorTag {
    #[inline(always)]
    pub fn into_delegate<D: ToDelegate>(self, sub: D) -> D::Delegate {
        sub.to_delegate()
    }
}

impl AnyGeneratorTag {
    #[inline(always)]
    pub fn into_delegate<G: Generator>(self, sub: G) -> AnyGeneratorDelegate<G> {
        AnyGeneratorDelegate(sub)
    }
}

impl IteratorTag {
    #[inline(always)]
    pub fn into_delegate<I: IntoIterator>(self, sub: I) -> IteratorDelegate<I::IntoIter> {
        IteratorDelegate(sub.into_iter())
    }
}

/// Decides at compile time whether an error thrown into the outer
/// generator can be thrown into the delegate: only when the delegate's
/// throw type is the outer one (`T == E`).
#[derive(Debug)]
pub struct ThrowProbe<S, T, E>(Types<S, T, E>);

type Types<S, T, E> = PhantomData<fn() -> (S, T, E)>;

impl<S, T, E> ThrowProbe<S, T, E> {
    #[inline(always)]
    pub(crate) fn types() -> Self {
        ThrowProbe(PhantomData)
    }

    #[inline(always)]
    pub fn new<D: Delegate<Send = S, Throw = T>>(_: &D, _: &E) -> Self {
        ThrowProbe(PhantomData)
    }
}

/// The delegate accepts the error: throw it there.
pub trait ThrowIntoDelegate<S, E> {
    fn deliver(&self, error: E) -> Result<Resume<S, E>, E>;
}

impl<S, E> ThrowIntoDelegate<S, E> for ThrowProbe<S, E, E> {
    #[inline(always)]
    fn deliver(&self, error: E) -> Result<Resume<S, E>, E> {
        Ok(Resume::Throw(error))
    }
}

/// The delegate does not accept it: `yield_from!` evaluates to `Err(error)`.
pub trait ThrowPastDelegate<S, T, E> {
    fn deliver(&self, error: E) -> Result<Resume<S, T>, E>;
}

impl<S, T, E> ThrowPastDelegate<S, T, E> for &ThrowProbe<S, T, E> {
    #[inline(always)]
    fn deliver(&self, error: E) -> Result<Resume<S, T>, E> {
        Err(error)
    }
}

#[cfg(feature = "alloc")]
pub use frame::{FrameDelegate, FrameTag, ViaFrame};

/// Without `alloc` there are no boxed generators to hand over: the trait
/// the expansion imports has no implementations.
#[cfg(not(feature = "alloc"))]
pub trait ViaFrame {}

/// A fresh boxed generator with the outer generator's types that returns
/// `()`: offered to the driver's stack at a hand-off point (see `handoff`),
/// run as an ordinary delegate if the driver has no stack.
#[cfg(feature = "alloc")]
mod frame {
    use super::{Delegate, DelegateProbe, TakeFrame};
    use crate::boxed::{BoxFrame, BoxGenerator, BoxRaw};
    use crate::protocol::GeneratorState;
    use crate::raw::{RawGenerator, Resume};
    use crate::wrappers::Fresh;

    /// Chosen for a boxed generator that can run on the driver's stack.
    #[derive(Debug, Clone, Copy)]
    pub struct FrameTag;

    /// Found before [`ViaGenerator`](super::ViaGenerator), and only where
    /// the generated code imports it (not in a self-recursive generator,
    /// whose stack holds its own frames).
    pub trait ViaFrame {
        #[inline(always)]
        fn delegate_kind(&self) -> FrameTag {
            FrameTag
        }
    }

    impl<Y, S, E> ViaFrame for &&&DelegateProbe<'_, BoxGenerator<'_, Y, S, (), E>, Y, S, E> {}

    impl FrameTag {
        #[inline(always)]
        pub fn into_delegate<'b, Y: 'b, S: 'b, E: 'b>(
            self,
            sub: BoxGenerator<'b, Y, S, (), E>,
        ) -> FrameDelegate<'b, Y, S, E> {
            FrameDelegate(Some(sub.into_raw()))
        }
    }

    /// The boxed generator, until the driver takes it.
    #[derive(Debug)]
    pub struct FrameDelegate<'b, Y, S, E>(Option<BoxRaw<'b, Y, S, E, ()>>);

    impl<'b, Y: 'b, S: 'b, E: 'b> Delegate for FrameDelegate<'b, Y, S, E> {
        type Yield = Y;
        type Send = S;
        type Throw = E;
        type Return = ();

        /// Runs the generator here when the driver did not take it; once
        /// it was taken and ran to completion, there is nothing left.
        #[inline]
        fn first(&mut self) -> GeneratorState<Y, ()> {
            match &mut self.0 {
                Some(raw) => raw.resume_raw(Resume::Start),
                None => GeneratorState::Complete(()),
            }
        }

        #[inline]
        fn step(&mut self, arg: Resume<S, E>) -> GeneratorState<Y, ()> {
            match &mut self.0 {
                Some(raw) => raw.resume_raw(arg),
                None => GeneratorState::Complete(()),
            }
        }

        #[inline(always)]
        fn offers_frame(&self) -> bool {
            true
        }
    }

    impl<'b: 'f, 'f, Y: 'b, S: 'b, E: 'b> TakeFrame<'f, Y, S, E> for FrameDelegate<'b, Y, S, E> {
        #[inline]
        fn take_frame(&mut self) -> Option<BoxFrame<'f, Y, S, E>> {
            // `'b: 'f`: the box may live as long as the driver's stack.
            self.0.take().map(Fresh::from_raw)
        }
    }
}
