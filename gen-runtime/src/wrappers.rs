//! The two faces of a generator: fresh (body not entered) and started.
//!
//! Both are thin wrappers around the macro's state machine; the split moves
//! Python's "can't send non-None value to a just-started generator" from
//! run time to compile time.

use core::fmt;
use core::iter::FusedIterator;

use crate::bounds::{AcceptsThrown, StartBeforeSend, StartBeforeThrow, UnitSend};
use crate::protocol::{Generator, GeneratorState, Location, Phase};
use crate::raw::{RawGenerator, Resume};

/// A generator whose body has not run yet: what a `#[generator]` function
/// returns.
///
/// Iterate it (when it takes no sent values), or call [`Fresh::start`] to run
/// the body to its first yield and get a [`Started`] generator that accepts
/// [`Started::send`].
#[must_use = "a generator does nothing until it is iterated or started"]
pub struct Fresh<G> {
    raw: G,
}

/// A generator that has been started: it accepts sent values.
#[must_use = "a started generator does nothing until it is resumed"]
pub struct Started<G> {
    raw: G,
}

/// A generator declared with `#[generator(clone)]` is `Clone` when every
/// value it holds is: the copy continues from the same suspension point,
/// independently (fork, `tee`, checkpoint and rewind). Without `clone` it
/// is not, so nothing is copied by surprise.
impl<G: Clone> Clone for Fresh<G> {
    fn clone(&self) -> Self {
        Fresh {
            raw: self.raw.clone(),
        }
    }
}

/// See [`Fresh`]'s `Clone`.
impl<G: Clone> Clone for Started<G> {
    fn clone(&self) -> Self {
        Started {
            raw: self.raw.clone(),
        }
    }
}

macro_rules! common_methods {
    () => {
        /// Where the generator is in its life (Python's
        /// `inspect.getgeneratorstate`).
        #[inline]
        pub fn state(&self) -> Phase {
            self.raw.phase()
        }

        /// The `r#yield!` (or `yield_from!`) the body is suspended at, as
        /// `file:line:column` data (Python's `gi_frame.f_lineno`); `None`
        /// unless [`state`](Self::state) is [`Phase::Suspended`].
        #[inline]
        pub fn suspension_point(&self) -> Option<&'static Location> {
            self.raw.suspension_point()
        }

        /// `true` once the body has run: it is suspended at a yield, or
        /// finished.
        #[inline]
        pub fn is_started(&self) -> bool {
            self.raw.phase() != Phase::Created
        }

        /// `true` once the body completed, panicked, or the generator was
        /// closed.
        #[inline]
        pub fn is_finished(&self) -> bool {
            self.raw.phase().is_finished()
        }

        /// The body's return value (Python's `StopIteration.value`), handed
        /// out once after the body completed during iteration.
        #[inline]
        pub fn take_return(&mut self) -> Option<G::Return> {
            self.raw.take_return()
        }

        /// Drops every value saved at the current suspension point, in
        /// reverse order of declaration (so `Drop` guards run like Python's
        /// `finally:`). The generator is finished afterwards; closing again is
        /// a no-op.
        #[inline]
        pub fn close(&mut self) {
            self.raw.close();
        }

        #[inline(always)]
        fn next_item(&mut self) -> Option<G::Yield>
        where
            G::Send: UnitSend,
        {
            if self.raw.phase().is_finished() {
                return None;
            }
            match self
                .raw
                .resume_raw(Resume::Send(<G::Send as UnitSend>::unit()))
            {
                GeneratorState::Yielded(value) => Some(value),
                GeneratorState::Complete(value) => {
                    self.raw.complete(value);
                    None
                }
            }
        }
    };
}

#[cold]
#[inline(never)]
#[track_caller]
fn resumed_when_finished(phase: Phase) -> ! {
    match phase {
        Phase::Closed => panic!("generator resumed after close"),
        _ => panic!("generator resumed after completion"),
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn primed_twice(phase: Phase) -> ! {
    match phase {
        Phase::Created => unreachable!("a created generator can be primed"),
        Phase::Suspended => panic!("generator primed after it started"),
        finished => resumed_when_finished(finished),
    }
}

impl<G: RawGenerator> Fresh<G> {
    #[doc(hidden)]
    #[inline(always)]
    pub fn from_raw(raw: G) -> Self {
        Fresh { raw }
    }

    #[doc(hidden)]
    #[inline(always)]
    pub fn into_raw(self) -> G {
        self.raw
    }

    /// Runs the body to its first yield (Python: `next(gen)`), returning
    /// what it produced and the started generator, which accepts `send`.
    ///
    /// # Panics
    ///
    /// When the generator was already finished (closed, or completed while
    /// being iterated).
    #[track_caller]
    pub fn start(mut self) -> (GeneratorState<G::Yield, G::Return>, Started<G>) {
        let phase = self.raw.phase();
        if phase.is_finished() {
            resumed_when_finished(phase);
        }
        let first = self.raw.resume_raw(Resume::Start);
        (first, Started { raw: self.raw })
    }

    /// The started generator, once the body has run: a fresh generator
    /// partly iterated (`by_ref().take(k)`) is suspended at a yield, and
    /// as a [`Started`] it accepts `throw` (and `send`). A generator that
    /// has not started is handed back unchanged; call [`Fresh::start`].
    ///
    /// # Errors
    ///
    /// When the body has not run yet.
    pub fn into_started(self) -> Result<Started<G>, Self> {
        if self.raw.phase() == Phase::Created {
            Err(self)
        } else {
            Ok(Started { raw: self.raw })
        }
    }

    /// Not available: a fresh generator must be started before it can
    /// receive a value. This method exists only to explain that error.
    #[doc(hidden)]
    pub fn send<T>(&mut self, value: T) -> GeneratorState<G::Yield, G::Return>
    where
        G: StartBeforeSend,
    {
        let _ = value;
        unreachable!("StartBeforeSend is never implemented")
    }

    /// Not available: a fresh generator must be started before an error can
    /// be thrown in. This method exists only to explain that error.
    #[doc(hidden)]
    pub fn throw<T>(&mut self, error: T) -> GeneratorState<G::Yield, G::Return>
    where
        G: StartBeforeThrow,
    {
        let _ = error;
        unreachable!("StartBeforeThrow is never implemented")
    }

    common_methods!();
}

impl<G: RawGenerator> Started<G> {
    #[doc(hidden)]
    #[inline(always)]
    pub fn from_raw(raw: G) -> Self {
        Started { raw }
    }

    #[doc(hidden)]
    #[inline(always)]
    pub fn into_raw(self) -> G {
        self.raw
    }

    /// Resumes the body; `value` becomes the result of the `r#yield!` it is
    /// suspended at (Python: `gen.send(value)`).
    ///
    /// # Panics
    ///
    /// With "generator resumed after completion" or "generator resumed after
    /// close" when the generator is finished.
    #[inline]
    #[track_caller]
    pub fn send(&mut self, value: G::Send) -> GeneratorState<G::Yield, G::Return> {
        let phase = self.raw.phase();
        if phase.is_finished() {
            resumed_when_finished(phase);
        }
        self.raw.resume_raw(Resume::Send(value))
    }

    /// Resumes the body with an error at the `r#yield!` it is suspended at
    /// (Python: `gen.throw(error)`): that yield evaluates to `Err(error)`.
    /// The body may handle it and yield again (returned here), or propagate
    /// it with `?`, completing the generator.
    ///
    /// Only for generators declared with `throw = E`; for others the call is
    /// a compile error that says how to declare it.
    ///
    /// # Panics
    ///
    /// With "generator resumed after completion" or "generator resumed after
    /// close" when the generator is finished.
    #[inline]
    #[track_caller]
    pub fn throw<T>(&mut self, error: T) -> GeneratorState<G::Yield, G::Return>
    where
        G::Throw: AcceptsThrown<T>,
    {
        let phase = self.raw.phase();
        if phase.is_finished() {
            resumed_when_finished(phase);
        }
        self.raw
            .resume_raw(Resume::Throw(<G::Throw as AcceptsThrown<T>>::accept(error)))
    }

    common_methods!();
}

impl<G: RawGenerator> Generator for Fresh<G> {
    type Yield = G::Yield;
    type Send = G::Send;
    type Throw = G::Throw;
    type Return = G::Return;

    #[track_caller]
    fn prime(&mut self) -> GeneratorState<G::Yield, G::Return> {
        let phase = self.raw.phase();
        if phase != Phase::Created {
            primed_twice(phase);
        }
        self.raw.resume_raw(Resume::Start)
    }

    /// The first resume of a fresh generator ignores `arg`, as Python's
    /// `gen.send(None)` does.
    #[track_caller]
    fn resume(&mut self, arg: G::Send) -> GeneratorState<G::Yield, G::Return> {
        let phase = self.raw.phase();
        if phase.is_finished() {
            resumed_when_finished(phase);
        }
        let resume = if phase == Phase::Created {
            Resume::Start
        } else {
            Resume::Send(arg)
        };
        self.raw.resume_raw(resume)
    }

    /// # Panics
    ///
    /// When the generator has not started (there is no yield to throw at),
    /// or is finished.
    #[track_caller]
    fn throw(&mut self, error: G::Throw) -> GeneratorState<G::Yield, G::Return> {
        let phase = self.raw.phase();
        if phase.is_finished() {
            resumed_when_finished(phase);
        }
        assert!(
            phase != Phase::Created,
            "cannot throw into a generator that has not started"
        );
        self.raw.resume_raw(Resume::Throw(error))
    }
    fn phase(&self) -> Phase {
        self.raw.phase()
    }
    fn take_return(&mut self) -> Option<G::Return> {
        self.raw.take_return()
    }
    fn close(&mut self) {
        self.raw.close();
    }
    fn suspension_point(&self) -> Option<&'static Location> {
        self.raw.suspension_point()
    }
}

impl<G: RawGenerator> Generator for Started<G> {
    type Yield = G::Yield;
    type Send = G::Send;
    type Throw = G::Throw;
    type Return = G::Return;

    /// # Panics
    ///
    /// Always: a started generator has run to its first yield already.
    #[track_caller]
    fn prime(&mut self) -> GeneratorState<G::Yield, G::Return> {
        primed_twice(self.raw.phase())
    }

    #[track_caller]
    fn resume(&mut self, arg: G::Send) -> GeneratorState<G::Yield, G::Return> {
        self.send(arg)
    }

    #[track_caller]
    fn throw(&mut self, error: G::Throw) -> GeneratorState<G::Yield, G::Return> {
        Started::throw(self, error)
    }
    fn phase(&self) -> Phase {
        self.raw.phase()
    }
    fn take_return(&mut self) -> Option<G::Return> {
        self.raw.take_return()
    }
    fn close(&mut self) {
        self.raw.close();
    }
    fn suspension_point(&self) -> Option<&'static Location> {
        self.raw.suspension_point()
    }
}

impl<G: RawGenerator> Fresh<G> {
    /// An iterator of `Ok(item)` per yield and, when the body returns
    /// `Err(e)`, `Err(e)` last: the body's error is not swallowed (a
    /// generator that returns `Result<(), E>`, used as a pipeline stage).
    pub fn try_iter<E>(self) -> TryIter<G>
    where
        G: RawGenerator<Return = Result<(), E>>,
        G::Send: UnitSend,
    {
        TryIter { fresh: self }
    }
}

/// See [`Fresh::try_iter`].
#[must_use = "iterators are lazy and do nothing unless consumed"]
pub struct TryIter<G> {
    fresh: Fresh<G>,
}

impl<G: RawGenerator> fmt::Debug for TryIter<G> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryIter")
            .field("generator", &self.fresh.raw.name())
            .field("state", &self.fresh.raw.phase())
            .finish()
    }
}

impl<G, E> Iterator for TryIter<G>
where
    G: RawGenerator<Return = Result<(), E>>,
    G::Send: UnitSend,
{
    type Item = Result<G::Yield, E>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        match self.fresh.next_item() {
            Some(item) => Some(Ok(item)),
            // Once handed out, the error is gone: the iterator ends.
            None => match self.fresh.raw.take_return() {
                Some(Err(error)) => Some(Err(error)),
                _ => None,
            },
        }
    }
}

impl<G, E> FusedIterator for TryIter<G>
where
    G: RawGenerator<Return = Result<(), E>>,
    G::Send: UnitSend,
{
}

impl<G> Iterator for Fresh<G>
where
    G: RawGenerator,
    G::Send: UnitSend,
{
    type Item = G::Yield;

    #[inline(always)]
    fn next(&mut self) -> Option<G::Yield> {
        self.next_item()
    }
}

impl<G> Iterator for Started<G>
where
    G: RawGenerator,
    G::Send: UnitSend,
{
    type Item = G::Yield;

    #[inline(always)]
    fn next(&mut self) -> Option<G::Yield> {
        self.next_item()
    }
}

impl<G> FusedIterator for Fresh<G>
where
    G: RawGenerator,
    G::Send: UnitSend,
{
}

impl<G> FusedIterator for Started<G>
where
    G: RawGenerator,
    G::Send: UnitSend,
{
}

/// A generator's state as `Debug` shows it: `created`, `suspended at
/// file:line:column`, `complete`, `closed`.
struct StateOf<'a, G>(&'a G);

impl<G: RawGenerator> fmt::Debug for StateOf<'_, G> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0.phase(), self.0.suspension_point()) {
            (Phase::Created, _) => f.write_str("created"),
            (Phase::Suspended, Some(at)) => write!(f, "suspended at {at}"),
            (Phase::Suspended, None) => f.write_str("suspended"),
            (Phase::Complete, _) => f.write_str("complete"),
            (Phase::Closed, _) => f.write_str("closed"),
        }
    }
}

/// The generator function's name and where it is, e.g.
/// `Started { generator: "accumulator", state: suspended at src/lib.rs:7:17 }`,
/// without requiring `Debug` of the values it holds.
impl<G: RawGenerator> fmt::Debug for Fresh<G> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fresh")
            .field("generator", &self.raw.name())
            .field("state", &StateOf(&self.raw))
            .finish()
    }
}

/// See [`Fresh`]'s `Debug`.
impl<G: RawGenerator> fmt::Debug for Started<G> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Started")
            .field("generator", &self.raw.name())
            .field("state", &StateOf(&self.raw))
            .finish()
    }
}
