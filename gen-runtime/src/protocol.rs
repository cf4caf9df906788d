//! The protocol every generator speaks, whatever wraps it.

/// What one resume of a generator produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GeneratorState<Y, R> {
    /// The body reached an `r#yield!(value)` and is suspended there.
    Yielded(Y),
    /// The body finished and returned this value.
    Complete(R),
}

/// Where a generator is in its life (Python's `inspect.getgeneratorstate`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    /// Created, body not entered yet (`GEN_CREATED`).
    Created,
    /// Suspended at a yield (`GEN_SUSPENDED`).
    Suspended,
    /// Ran to completion, returned, or panicked (`GEN_CLOSED`).
    Complete,
    /// Closed by `close()` before it completed (`GEN_CLOSED`).
    Closed,
}

impl Phase {
    /// `true` once the generator can produce nothing more.
    #[inline]
    #[must_use]
    pub fn is_finished(self) -> bool {
        matches!(self, Phase::Complete | Phase::Closed)
    }
}

/// Where a generator is suspended: the `r#yield!` (or `yield_from!`) it is
/// paused at, as `file:line:column` (Python's `gi_frame.f_lineno`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Location {
    file: &'static str,
    line: u32,
    column: u32,
}

impl Location {
    #[doc(hidden)]
    #[must_use]
    pub const fn new(file: &'static str, line: u32, column: u32) -> Self {
        Location { file, line, column }
    }

    /// The source file, as `file!()` names it.
    #[must_use]
    pub const fn file(&self) -> &'static str {
        self.file
    }

    /// The line, from 1.
    #[must_use]
    pub const fn line(&self) -> u32 {
        self.line
    }

    /// The column, from 1.
    #[must_use]
    pub const fn column(&self) -> u32 {
        self.column
    }
}

impl core::fmt::Display for Location {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// The common protocol of fresh, started and boxed generators.
///
/// Generic user code and the runtime's adaptors use this trait; the wrappers
/// also expose every method inherently, so calling them needs no import.
pub trait Generator {
    /// The type of `r#yield!(value)`'s `value`.
    type Yield;
    /// The type a caller sends in; `r#yield!` evaluates to it.
    type Send;
    /// The error type `throw` delivers (`throw = E`); a type that cannot be
    /// built for generators that declared none.
    type Throw;
    /// The value the body returns when it completes.
    type Return;

    /// Runs a generator that has not started to its first yield, in place
    /// (Python's priming `next(gen)`; [`Fresh::start`](crate::Fresh::start)
    /// does the same by value). `yield_from!` uses it to start a generic
    /// delegate, for which no value of `Send` is at hand.
    ///
    /// # Panics
    ///
    /// When the generator has already started, completed, or was closed.
    fn prime(&mut self) -> GeneratorState<Self::Yield, Self::Return>;

    /// Resumes the body with `arg` as the value of the yield it is suspended
    /// at (ignored on the first resume).
    ///
    /// # Panics
    ///
    /// When the generator has completed or was closed.
    fn resume(&mut self, arg: Self::Send) -> GeneratorState<Self::Yield, Self::Return>;

    /// Resumes the body with `error` at the yield it is suspended at, which
    /// then evaluates to `Err(error)`.
    ///
    /// # Panics
    ///
    /// When the generator has not started, has completed, or was closed.
    fn throw(&mut self, error: Self::Throw) -> GeneratorState<Self::Yield, Self::Return>;

    /// Where the generator is in its life.
    fn phase(&self) -> Phase;

    /// Hands out the return value once, after the body completed.
    fn take_return(&mut self) -> Option<Self::Return>;

    /// Drops every value saved at the current suspension point, in reverse
    /// order of declaration. A no-op when already finished.
    fn close(&mut self);

    /// `true` once the generator completed, panicked or was closed.
    #[inline]
    fn is_finished(&self) -> bool {
        self.phase().is_finished()
    }

    /// The yield the generator is suspended at; `None` unless
    /// [`phase`](Self::phase) is [`Phase::Suspended`].
    #[inline]
    fn suspension_point(&self) -> Option<&'static Location> {
        None
    }
}

/// The throw type of a generator declared without `throw = E`. No value of
/// it can be built, so nothing can be thrown into such a generator. Name it
/// where a type must spell out every part of the protocol:
///
/// ```
/// use gen_runtime::{generator, Generator, GeneratorState, NoThrow};
///
/// #[generator(yield = u32)]
/// fn count(n: u32) {
///     for i in 0..n {
///         r#yield!(i);
///     }
/// }
///
/// let mut gens: Vec<Box<dyn Generator<Yield = u32, Send = (), Throw = NoThrow, Return = ()>>> =
///     vec![Box::new(count(2)), Box::new(count(3))];
/// let mut total = 0;
/// for g in &mut gens {
///     let mut state = g.prime();
///     while let GeneratorState::Yielded(v) = state {
///         total += v;
///         state = g.resume(());
///     }
/// }
/// assert_eq!(total, 0 + 1 + 0 + 1 + 2);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct NoThrow(());

/// A generator borrowed mutably is a generator: generic code can drive it
/// (or `yield_from!(&mut g)` delegate to it) and the owner keeps it, with
/// its return value, afterwards.
impl<G: Generator + ?Sized> Generator for &mut G {
    type Yield = G::Yield;
    type Send = G::Send;
    type Throw = G::Throw;
    type Return = G::Return;

    #[inline]
    #[track_caller]
    fn prime(&mut self) -> GeneratorState<G::Yield, G::Return> {
        (**self).prime()
    }
    #[inline]
    #[track_caller]
    fn resume(&mut self, arg: G::Send) -> GeneratorState<G::Yield, G::Return> {
        (**self).resume(arg)
    }
    #[inline]
    #[track_caller]
    fn throw(&mut self, error: G::Throw) -> GeneratorState<G::Yield, G::Return> {
        (**self).throw(error)
    }
    #[inline]
    fn phase(&self) -> Phase {
        (**self).phase()
    }
    #[inline]
    fn take_return(&mut self) -> Option<G::Return> {
        (**self).take_return()
    }
    #[inline]
    fn close(&mut self) {
        (**self).close();
    }
    #[inline]
    fn suspension_point(&self) -> Option<&'static Location> {
        (**self).suspension_point()
    }
}

/// `Box<dyn Generator<…>>`, for collections of generators of different
/// kinds that generic code drives.
#[cfg(feature = "alloc")]
impl<G: Generator + ?Sized> Generator for alloc::boxed::Box<G> {
    type Yield = G::Yield;
    type Send = G::Send;
    type Throw = G::Throw;
    type Return = G::Return;

    #[inline]
    #[track_caller]
    fn prime(&mut self) -> GeneratorState<G::Yield, G::Return> {
        (**self).prime()
    }
    #[inline]
    #[track_caller]
    fn resume(&mut self, arg: G::Send) -> GeneratorState<G::Yield, G::Return> {
        (**self).resume(arg)
    }
    #[inline]
    #[track_caller]
    fn throw(&mut self, error: G::Throw) -> GeneratorState<G::Yield, G::Return> {
        (**self).throw(error)
    }
    #[inline]
    fn phase(&self) -> Phase {
        (**self).phase()
    }
    #[inline]
    fn take_return(&mut self) -> Option<G::Return> {
        (**self).take_return()
    }
    #[inline]
    fn close(&mut self) {
        (**self).close();
    }
    #[inline]
    fn suspension_point(&self) -> Option<&'static Location> {
        (**self).suspension_point()
    }
}
