//! The faces of an async generator: fresh (pinned where it will run) and
//! started, the futures of `start`, `send` and `throw`, and the streams.

use core::fmt;
use core::future::Future;
use core::marker::{PhantomData, PhantomPinned};
use core::pin::Pin;
use core::task::{Context, Poll};

use futures_core::{FusedStream, Stream};

use super::machine::{RawAsyncGenerator, resumed_after};
use super::pin::project_pinned;
use crate::bounds::{AcceptsThrown, StartAsyncBeforeSend, StartAsyncBeforeThrow};
use crate::protocol::{GeneratorState, Phase};
use crate::raw::Resume;

/// An async generator whose body has not run yet: what a `#[generator]
/// async fn` returns.
///
/// Its body is a native `async` block, so it must stay where it first runs:
/// pin it (`core::pin::pin!(gen)`, or `Box::pin(gen)`), then iterate it as a
/// [`Stream`] (when it takes no sent values) or call [`start`](Self::start)
/// for a [`AsyncStarted`] handle that accepts `send` and `throw`.
#[must_use = "an async generator does nothing until it is polled or started"]
pub struct AsyncFresh<G> {
    raw: G,
}

/// Names why an [`AsyncFresh`] is never `Unpin` in the compiler's message
/// when it is polled without being pinned: its body is an `async` block,
/// which may hold borrows of its own locals across `.await` and must stay
/// where it first ran. Pin it with `core::pin::pin!` or `Box::pin`.
#[doc(hidden)]
#[derive(Debug)]
pub struct MustBePinned<G>(PhantomData<fn() -> G>, PhantomPinned);

impl<G> Unpin for AsyncFresh<G> where MustBePinned<G>: Unpin {}

impl<G: RawAsyncGenerator> fmt::Debug for AsyncFresh<G> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AsyncFresh")
            .field("generator", &self.raw.name())
            .field("state", &self.raw.phase())
            .finish()
    }
}

impl<G: RawAsyncGenerator> AsyncFresh<G> {
    #[doc(hidden)]
    #[inline]
    pub fn from_raw(raw: G) -> Self {
        AsyncFresh { raw }
    }

    #[inline]
    pub(crate) fn raw_mut(self: Pin<&mut Self>) -> Pin<&mut G> {
        project_pinned(self, |this| &mut this.raw)
    }

    /// Runs the body to its first yield (Python: `await agen.asend(None)`):
    /// resolves to what it produced and a [`AsyncStarted`] handle, which
    /// accepts `send` and `throw`.
    ///
    /// # Panics
    ///
    /// When the generator is finished (closed, or exhausted as a stream).
    #[track_caller]
    pub fn start(self: Pin<&mut Self>) -> Start<'_, G> {
        let phase = self.raw.phase();
        if phase.is_finished() {
            resumed_after(phase);
        }
        let raw = self.raw_mut();
        if phase == Phase::Created {
            Start {
                raw: Some(raw),
                arg: Some(Resume::Start),
            }
        } else {
            // Already running as a stream: go on from where it is.
            Start {
                raw: Some(raw),
                arg: None,
            }
        }
    }

    /// Where the generator is in its life (Python's
    /// `inspect.getasyncgenstate`).
    #[inline]
    pub fn state(&self) -> Phase {
        self.raw.phase()
    }

    /// `true` once it completed or was closed.
    #[inline]
    pub fn is_finished(&self) -> bool {
        self.raw.phase().is_finished()
    }

    /// Drops the body and what it holds, without running it further
    /// (Python's `aclose()`, synchronous here: dropping is not async).
    #[inline]
    pub fn close(self: Pin<&mut Self>) {
        self.raw_mut().close();
    }

    /// The body's return value, once, after it completed as a stream
    /// (Python's `StopIteration.value`).
    #[inline]
    pub fn take_return(self: Pin<&mut Self>) -> Option<G::Return> {
        self.raw_mut().take_return()
    }

    /// The generator function's name.
    #[inline]
    pub fn name(&self) -> &'static str {
        self.raw.name()
    }

    /// Not available: a fresh async generator must be started before it
    /// can receive a value. This method exists only to explain that error.
    #[doc(hidden)]
    #[inline]
    pub fn send<T>(&self, value: T) -> GeneratorState<G::Yield, G::Return>
    where
        G: StartAsyncBeforeSend,
    {
        let _ = value;
        unreachable!("StartAsyncBeforeSend is never implemented")
    }

    /// Not available: a fresh async generator must be started before an
    /// error can be thrown in. This method exists only to explain that
    /// error.
    #[doc(hidden)]
    #[inline]
    pub fn throw<T>(&self, error: T) -> GeneratorState<G::Yield, G::Return>
    where
        G: StartAsyncBeforeThrow,
    {
        let _ = error;
        unreachable!("StartAsyncBeforeThrow is never implemented")
    }

    /// A stream of `Ok(item)` per yield and, when the body returns
    /// `Err(e)`, `Err(e)` last: the body's error is not swallowed.
    #[inline]
    pub fn try_stream<T>(self) -> TryStream<G>
    where
        G: RawAsyncGenerator<Send = (), Return = Result<(), T>>,
    {
        TryStream { fresh: self }
    }
}

/// The future of [`AsyncFresh::start`].
#[must_use = "futures do nothing unless awaited"]
pub struct Start<'a, G: RawAsyncGenerator> {
    raw: Option<Pin<&'a mut G>>,
    arg: Option<Resume<G::Send, G::Throw>>,
}

impl<G: RawAsyncGenerator> fmt::Debug for Start<'_, G> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Start").finish_non_exhaustive()
    }
}

// The resume argument is moved, never pinned.
impl<G: RawAsyncGenerator> Unpin for Start<'_, G> {}

impl<'a, G: RawAsyncGenerator> Future for Start<'a, G> {
    type Output = (GeneratorState<G::Yield, G::Return>, AsyncStarted<'a, G>);

    #[inline]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self;
        let raw = this
            .raw
            .as_mut()
            .expect("`start` polled after it completed");
        match raw.as_mut().poll_resume(cx, &mut this.arg) {
            Poll::Ready(state) => {
                let raw = this.raw.take().expect("checked above");
                Poll::Ready((state, AsyncStarted { raw }))
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

/// A started async generator: accepts `send` and `throw` (Python's
/// `asend` and `athrow`).
#[must_use = "a started generator does nothing until it is resumed"]
pub struct AsyncStarted<'a, G> {
    raw: Pin<&'a mut G>,
}

impl<G: RawAsyncGenerator> fmt::Debug for AsyncStarted<'_, G> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AsyncStarted")
            .field("generator", &self.raw.name())
            .field("state", &self.raw.phase())
            .finish()
    }
}

impl<G: RawAsyncGenerator> AsyncStarted<'_, G> {
    /// Resumes the body with `value` as the value of the `r#yield!` it is
    /// suspended at (Python: `await agen.asend(value)`).
    ///
    /// # Panics
    ///
    /// When polled after the generator finished, or while the future of
    /// an earlier `send`/`throw` was dropped before it completed.
    #[inline]
    pub fn send(&mut self, value: G::Send) -> Resumed<'_, G> {
        Resumed {
            raw: self.raw.as_mut(),
            arg: Some(Resume::Send(value)),
        }
    }

    /// Raises `error` at the `r#yield!` the body is suspended at, which
    /// evaluates to `Err(error)` (Python: `await agen.athrow(error)`).
    /// Needs `#[generator(throw = E)]`.
    #[inline]
    pub fn throw<T>(&mut self, error: T) -> Resumed<'_, G>
    where
        G::Throw: AcceptsThrown<T>,
    {
        Resumed {
            raw: self.raw.as_mut(),
            arg: Some(Resume::Throw(G::Throw::accept(error))),
        }
    }

    /// Drops the body and what it holds (Python's `aclose()`).
    #[inline]
    pub fn close(&mut self) {
        self.raw.as_mut().close();
    }

    /// Where the generator is in its life.
    #[inline]
    pub fn state(&self) -> Phase {
        self.raw.phase()
    }

    /// `true` once it completed or was closed.
    #[inline]
    pub fn is_finished(&self) -> bool {
        self.raw.phase().is_finished()
    }

    /// The body's return value, once, after it completed as a stream.
    #[inline]
    pub fn take_return(&mut self) -> Option<G::Return> {
        self.raw.as_mut().take_return()
    }

    /// The generator function's name.
    #[inline]
    pub fn name(&self) -> &'static str {
        self.raw.name()
    }
}

/// The future of [`AsyncStarted::send`] and [`AsyncStarted::throw`].
#[must_use = "futures do nothing unless awaited"]
pub struct Resumed<'a, G: RawAsyncGenerator> {
    raw: Pin<&'a mut G>,
    arg: Option<Resume<G::Send, G::Throw>>,
}

impl<G: RawAsyncGenerator> fmt::Debug for Resumed<'_, G> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Resumed").finish_non_exhaustive()
    }
}

// The resume argument is moved, never pinned.
impl<G: RawAsyncGenerator> Unpin for Resumed<'_, G> {}

impl<G: RawAsyncGenerator> Future for Resumed<'_, G> {
    type Output = GeneratorState<G::Yield, G::Return>;

    #[track_caller]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self;
        this.raw.as_mut().poll_resume(cx, &mut this.arg)
    }
}

/// Names the mistake of iterating an async generator synchronously: the
/// `Iterator` implementation below requires it, and it is never
/// implemented, so `for x in agen()` reports this message.
#[diagnostic::on_unimplemented(
    message = "an async generator is a `Stream`, not an `Iterator`",
    label = "this is an async generator: its values arrive asynchronously",
    note = "pin it and poll it as a stream: `let mut s = core::pin::pin!(gen); while let Some(x) = s.next().await {{ … }}` (with `futures::StreamExt`), or `gen.collect::<Vec<_>>().await`; for a synchronous generator, remove `async` from the function"
)]
pub trait IterateAsStream {}

impl<G: RawAsyncGenerator> Iterator for AsyncFresh<G>
where
    G: IterateAsStream,
{
    type Item = G::Yield;

    #[inline]
    fn next(&mut self) -> Option<G::Yield> {
        unreachable!("IterateAsStream is never implemented")
    }
}

/// One step of a generator driven as a stream: `Send = ()`.
#[inline]
fn poll_next_item<G>(mut raw: Pin<&mut G>, cx: &mut Context<'_>) -> Poll<Option<G::Yield>>
where
    G: RawAsyncGenerator<Send = ()>,
{
    // Suspended at a yield is the case of every item but the first: asked
    // first, it spares the phase (a match on the body's enum) per item.
    let mut arg = if raw.is_at_yield() {
        Some(Resume::Send(()))
    } else {
        let phase = raw.phase();
        if phase.is_finished() {
            return Poll::Ready(None);
        }
        (phase == Phase::Created).then_some(Resume::Start)
    };
    match raw.as_mut().poll_resume(cx, &mut arg) {
        Poll::Ready(GeneratorState::Yielded(item)) => Poll::Ready(Some(item)),
        Poll::Ready(GeneratorState::Complete(value)) => {
            raw.complete(value);
            Poll::Ready(None)
        }
        Poll::Pending => Poll::Pending,
    }
}

/// `async for x in agen`: each yielded value, until the body returns (its
/// return value is then kept for [`AsyncFresh::take_return`]).
impl<G: RawAsyncGenerator<Send = ()>> Stream for AsyncFresh<G> {
    type Item = G::Yield;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<G::Yield>> {
        poll_next_item(self.raw_mut(), cx)
    }
}

impl<G: RawAsyncGenerator<Send = ()>> FusedStream for AsyncFresh<G> {
    #[inline]
    fn is_terminated(&self) -> bool {
        self.raw.phase().is_finished()
    }
}

/// A started generator iterated on as a stream.
impl<G: RawAsyncGenerator<Send = ()>> Stream for AsyncStarted<'_, G> {
    type Item = G::Yield;

    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<G::Yield>> {
        poll_next_item(self.raw.as_mut(), cx)
    }
}

impl<G: RawAsyncGenerator<Send = ()>> FusedStream for AsyncStarted<'_, G> {
    #[inline]
    fn is_terminated(&self) -> bool {
        self.raw.phase().is_finished()
    }
}

/// See [`AsyncFresh::try_stream`].
#[must_use = "streams do nothing unless polled"]
pub struct TryStream<G> {
    fresh: AsyncFresh<G>,
}

impl<G: RawAsyncGenerator> fmt::Debug for TryStream<G> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TryStream")
            .field("generator", &self.fresh)
            .finish()
    }
}

impl<G, T> Stream for TryStream<G>
where
    G: RawAsyncGenerator<Send = (), Return = Result<(), T>>,
{
    type Item = Result<G::Yield, T>;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        // Once the error was handed out, the return value is gone and the
        // generator finished: the stream ends.
        let fresh = project_pinned(self, |this| &mut this.fresh);
        poll_try(fresh.raw_mut(), cx)
    }
}

#[inline]
fn poll_try<G, T>(raw: Pin<&mut G>, cx: &mut Context<'_>) -> Poll<Option<Result<G::Yield, T>>>
where
    G: RawAsyncGenerator<Send = (), Return = Result<(), T>>,
{
    let mut raw = raw;
    match poll_next_item(raw.as_mut(), cx) {
        Poll::Ready(Some(item)) => Poll::Ready(Some(Ok(item))),
        Poll::Ready(None) => match raw.take_return() {
            Some(Err(error)) => Poll::Ready(Some(Err(error))),
            _ => Poll::Ready(None),
        },
        Poll::Pending => Poll::Pending,
    }
}
