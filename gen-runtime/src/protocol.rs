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
}
