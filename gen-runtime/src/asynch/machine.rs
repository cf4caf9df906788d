#![allow(missing_docs)] // reached only through `__private`, by generated code
//! The async machine's protocol: resuming the pinned body, and the yield
//! future the body awaits.

use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use super::pin::{AsyncMachine, Body, Co};
use super::wrappers::AsyncFresh;
use crate::protocol::{GeneratorState, NoThrow, Phase};
use crate::raw::Resume;

/// The machine behind an async generator (what [`AsyncFresh`] wraps). Its
/// methods are the runtime's business; only its types are public, so that
/// `AsyncFresh<impl RawAsyncGenerator<Yield = …>>` can be written.
pub trait RawAsyncGenerator {
    /// The type of the values it yields.
    type Yield;
    /// The type of the values `send` passes in.
    type Send;
    /// The error type `throw` passes in ([`NoThrow`] when
    /// none was declared).
    type Throw;
    /// The type of the body's return value.
    type Return;

    /// Runs the body until it yields, returns, or waits. `arg` is taken on
    /// the poll that starts a resume; later polls of the same resume pass
    /// `None`.
    #[doc(hidden)]
    fn poll_resume(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<Resume<Self::Send, Self::Throw>>,
    ) -> Poll<GeneratorState<Self::Yield, Self::Return>>;
    #[doc(hidden)]
    fn phase(&self) -> Phase;
    /// Suspended at a yield, waiting for a value (not inside an `.await`
    /// of the body's own).
    #[doc(hidden)]
    fn is_at_yield(&self) -> bool;
    #[doc(hidden)]
    fn complete(self: Pin<&mut Self>, value: Self::Return);
    #[doc(hidden)]
    fn take_return(self: Pin<&mut Self>) -> Option<Self::Return>;
    #[doc(hidden)]
    fn close(self: Pin<&mut Self>);
    #[doc(hidden)]
    fn name(&self) -> &'static str;
}

impl<F, Fut, Y, S, E, N> RawAsyncGenerator for AsyncMachine<F, Fut, Y, S, E, N>
where
    F: FnOnce(Co<Y, S, E>) -> Fut,
    Fut: Future,
    N: Fn() -> &'static str,
{
    type Yield = Y;
    type Send = S;
    type Throw = E;
    type Return = Fut::Output;

    #[inline]
    fn poll_resume(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<Resume<S, E>>,
    ) -> Poll<GeneratorState<Y, Fut::Output>> {
        if self.at_yield {
            // The body is running, suspended at a yield (the flag is set
            // only there): the case of every item but the first, decided
            // without a match on the body's enum.
            let Some(resume) = arg.take() else {
                resumed_without_value()
            };
            self.as_mut().slot().resumed = Some(resume);
            *self.as_mut().flags() = false;
        } else {
            match self.body() {
                Body::Init(_) => {
                    // The first resume: `start`, or the first poll as a
                    // stream.
                    arg.take();
                    self.as_mut().start(|create, co| create(co));
                }
                Body::Running(_) => {
                    if arg.is_some() {
                        resumed_while_running();
                    }
                }
                Body::Returned(_) | Body::Done => resumed_after(Phase::Complete),
                Body::Closed => resumed_after(Phase::Closed),
            }
        }
        match self.as_mut().poll_body(cx) {
            Poll::Ready(value) => {
                self.as_mut().set_body(Body::Done);
                self.as_mut().slot().clear();
                Poll::Ready(GeneratorState::Complete(value))
            }
            Poll::Pending => match self.as_mut().slot().yielded.take() {
                Some(value) => {
                    *self.as_mut().flags() = true;
                    Poll::Ready(GeneratorState::Yielded(value))
                }
                // Waiting inside the body's own `.await`: its future has
                // arranged to be woken.
                None => Poll::Pending,
            },
        }
    }

    #[inline]
    fn phase(&self) -> Phase {
        match self.body() {
            Body::Init(_) => Phase::Created,
            Body::Running(_) => Phase::Suspended,
            Body::Returned(_) | Body::Done => Phase::Complete,
            Body::Closed => Phase::Closed,
        }
    }

    #[inline]
    fn is_at_yield(&self) -> bool {
        self.at_yield
    }

    #[inline]
    fn complete(self: Pin<&mut Self>, value: Fut::Output) {
        self.set_body(Body::Returned(value));
    }

    #[inline]
    fn take_return(self: Pin<&mut Self>) -> Option<Fut::Output> {
        self.take_returned()
    }

    #[inline]
    fn close(mut self: Pin<&mut Self>) {
        if matches!(self.body(), Body::Init(_) | Body::Running(_)) {
            // Drops the arguments, or the body's future with every value it
            // holds, in place.
            self.as_mut().set_body(Body::Closed);
            self.as_mut().slot().clear();
            *self.as_mut().flags() = false;
        }
    }

    #[inline]
    fn name(&self) -> &'static str {
        (self.name)()
    }
}

/// Entry point of every async expansion: the generator's name and the
/// closure that creates the body's future from its `Co`.
#[inline]
pub fn async_fresh<Y, S, E, R, F, Fut, N>(
    name: N,
    create: F,
) -> AsyncFresh<AsyncMachine<F, Fut, Y, S, E, N>>
where
    F: FnOnce(Co<Y, S, E>) -> Fut,
    Fut: Future<Output = R>,
    N: Fn() -> &'static str,
{
    AsyncFresh::from_raw(AsyncMachine::new(name, create))
}

impl<Y, S, E> Co<Y, S, E> {
    /// What `r#yield!(value)` awaits: hands `value` to the generator's
    /// caller and suspends until the next resume, whose value or error it
    /// evaluates to.
    #[inline]
    pub fn yield_(&mut self, value: Y) -> YieldNow<'_, Y, S, E> {
        // Put at once (the body is being polled): the future then holds no
        // copy of the value, only whether it has been polled.
        self.put(value);
        YieldNow {
            co: self,
            polled: false,
        }
    }
}

impl<Y> Co<Y, (), NoThrow> {
    /// What `r#yield!(value)` awaits in a generator that takes nothing in
    /// (`send = ()`, no `throw`): the next resume can only send `()`, so
    /// the yield does not read it back from the slot (a load through the
    /// slot's pointer, a store and two branches on every item: a fifth of
    /// what a stage of a stream pipeline costs per item).
    #[inline]
    pub fn yield_unit(&mut self, value: Y) -> YieldUnit<'_, Y> {
        self.put(value);
        YieldUnit {
            _co: PhantomData,
            polled: false,
        }
    }
}

/// The future of one `r#yield!` in a generator that takes nothing in:
/// pending once (the generator returns the value), then ready. It borrows
/// the `Co` as [`YieldNow`] does, so that two yields of one expression
/// still take turns.
#[must_use = "a yield does nothing unless awaited"]
pub struct YieldUnit<'a, Y> {
    _co: PhantomData<&'a mut Co<Y, (), NoThrow>>,
    polled: bool,
}

impl<Y> core::fmt::Debug for YieldUnit<'_, Y> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("YieldUnit")
            .field("polled", &self.polled)
            .finish()
    }
}

impl<Y> Future for YieldUnit<'_, Y> {
    type Output = ();

    #[inline]
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<()> {
        // As `YieldNow`: the first poll hands the value over; the body is
        // polled again only by a resume at this yield, which brings `()`
        // (the generator panics on a resume without a value before it
        // polls the body).
        if self.polled {
            Poll::Ready(())
        } else {
            self.polled = true;
            Poll::Pending
        }
    }
}

/// The future of one `r#yield!`: pending once (the generator returns the
/// value), then ready with what the next resume brought.
#[must_use = "a yield does nothing unless awaited"]
pub struct YieldNow<'a, Y, S, E> {
    co: &'a mut Co<Y, S, E>,
    polled: bool,
}

impl<Y, S, E> core::fmt::Debug for YieldNow<'_, Y, S, E> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("YieldNow")
            .field("polled", &self.polled)
            .finish()
    }
}

impl<Y, S, E> Future for YieldNow<'_, Y, S, E> {
    type Output = Resume<S, E>;

    #[inline]
    fn poll(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Resume<S, E>> {
        let this = &mut *self;
        if !this.polled {
            // No waker: the generator returns the value (put when the
            // future was made) to its caller at once, and the next resume
            // polls the body again.
            this.polled = true;
            return Poll::Pending;
        }
        match this.co.take_resumed() {
            Some(resume) => Poll::Ready(resume),
            None => Poll::Pending,
        }
    }
}

#[cold]
#[track_caller]
fn resumed_without_value() -> ! {
    panic!("async generator resumed at a yield without a value")
}

#[cold]
#[track_caller]
fn resumed_while_running() -> ! {
    panic!(
        "async generator resumed while a previous resume is still pending: await each `send`/`throw` to completion before the next one"
    )
}

#[cold]
#[track_caller]
pub(crate) fn resumed_after(phase: Phase) -> ! {
    if phase == Phase::Closed {
        panic!("generator resumed after close")
    }
    panic!("generator resumed after completion")
}

impl<F, Fut, Y, S, E, N> core::fmt::Debug for AsyncMachine<F, Fut, Y, S, E, N>
where
    F: FnOnce(Co<Y, S, E>) -> Fut,
    Fut: Future,
    N: Fn() -> &'static str,
{
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("AsyncMachine")
            .field("phase", &self.phase())
            .finish()
    }
}
