#![allow(missing_docs)] // reached only through `__private`, by generated code
//! `yield_from!` in an async generator: the same loop as in a synchronous
//! one (see `crate::delegate`), whose steps are awaited. Besides the
//! synchronous delegates it takes another async generator (sends, throws
//! and close go in, its return value comes out) and any `Stream`.
//!
//! The probe, called as `(&&&&&probe).delegate_kind()`, gains two levels
//! above the synchronous ones: [`ViaAsyncGenerator`] (on
//! `&&&&DelegateProbe`), then [`ViaStream`] (on `&&&DelegateProbe`, where
//! `ViaFrame` sits, which is not imported: an async generator has no stack
//! to hand boxed frames to), then the synchronous [`ViaGenerator`],
//! [`ViaAnyGenerator`] and [`ViaIterator`].
//!
//! [`ViaGenerator`]: crate::delegate::ViaGenerator
//! [`ViaAnyGenerator`]: crate::delegate::ViaAnyGenerator
//! [`ViaIterator`]: crate::delegate::ViaIterator

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use futures_core::Stream;

use super::machine::RawAsyncGenerator;
use super::pin::{project_pinned, project_unpinned};
use super::wrappers::AsyncFresh;
use crate::delegate::{
    AnyGeneratorTag, Delegate, DelegateProbe, GeneratorTag, IteratorTag, ThrowProbe, ToDelegate,
};
use crate::protocol::{Generator, GeneratorState, NoThrow};
use crate::raw::Resume;

/// A sub-generator as an async `yield_from!` drives it.
pub trait AsyncDelegate {
    type Yield;
    type Send;
    type Throw;
    type Return;
    /// The first resume; `begun` is set once it has been passed on.
    fn poll_first(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        begun: &mut bool,
    ) -> Poll<GeneratorState<Self::Yield, Self::Return>>;
    /// Every later resume; `arg` is taken when it has been passed on.
    fn poll_step(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<Resume<Self::Send, Self::Throw>>,
    ) -> Poll<GeneratorState<Self::Yield, Self::Return>>;
}

/// Awaited for the delegate's first resume.
#[inline]
pub fn first<D: AsyncDelegate>(
    mut delegate: Pin<&mut D>,
) -> impl Future<Output = GeneratorState<D::Yield, D::Return>> {
    let mut begun = false;
    core::future::poll_fn(move |cx| delegate.as_mut().poll_first(cx, &mut begun))
}

/// Awaited for each later resume of the delegate.
#[inline]
pub fn step<D: AsyncDelegate>(
    mut delegate: Pin<&mut D>,
    arg: Resume<D::Send, D::Throw>,
) -> impl Future<Output = GeneratorState<D::Yield, D::Return>> {
    let mut arg = Some(arg);
    core::future::poll_fn(move |cx| delegate.as_mut().poll_step(cx, &mut arg))
}

/// A synchronous delegate (generator or iterator): each step is ready at
/// once. Not pinned: it moves its values as it likes.
#[derive(Debug)]
pub struct SyncDelegate<D>(D);

impl<D: Delegate> AsyncDelegate for SyncDelegate<D> {
    type Yield = D::Yield;
    type Send = D::Send;
    type Throw = D::Throw;
    type Return = D::Return;

    #[inline]
    fn poll_first(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        begun: &mut bool,
    ) -> Poll<GeneratorState<D::Yield, D::Return>> {
        *begun = true;
        Poll::Ready(project_unpinned(self, |this| &mut this.0).first())
    }

    #[inline]
    fn poll_step(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        arg: &mut Option<Resume<D::Send, D::Throw>>,
    ) -> Poll<GeneratorState<D::Yield, D::Return>> {
        let arg = arg
            .take()
            .expect("a delegate step polled after it completed");
        Poll::Ready(project_unpinned(self, |this| &mut this.0).step(arg))
    }
}

/// Another async generator: resumed in place (structurally pinned).
/// Dropping it (the outer generator closed) closes it.
#[derive(Debug)]
pub struct AsyncGeneratorDelegate<G: RawAsyncGenerator>(AsyncFresh<G>);

impl<G: RawAsyncGenerator> AsyncDelegate for AsyncGeneratorDelegate<G> {
    type Yield = G::Yield;
    type Send = G::Send;
    type Throw = G::Throw;
    type Return = G::Return;

    #[inline]
    fn poll_first(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        begun: &mut bool,
    ) -> Poll<GeneratorState<G::Yield, G::Return>> {
        let mut arg = (!*begun).then_some(Resume::Start);
        *begun = true;
        let raw = project_pinned(self, |this| &mut this.0).raw_mut();
        raw.poll_resume(cx, &mut arg)
    }

    #[inline]
    fn poll_step(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<Resume<G::Send, G::Throw>>,
    ) -> Poll<GeneratorState<G::Yield, G::Return>> {
        let raw = project_pinned(self, |this| &mut this.0).raw_mut();
        raw.poll_resume(cx, arg)
    }
}

/// A stream: yields its items, takes `()`, returns `()`.
#[derive(Debug)]
pub struct StreamDelegate<St>(St);

impl<St: Stream> AsyncDelegate for StreamDelegate<St> {
    type Yield = St::Item;
    type Send = ();
    type Throw = NoThrow;
    type Return = ();

    #[inline]
    fn poll_first(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        begun: &mut bool,
    ) -> Poll<GeneratorState<St::Item, ()>> {
        *begun = true;
        match project_pinned(self, |this| &mut this.0).poll_next(cx) {
            Poll::Ready(Some(item)) => Poll::Ready(GeneratorState::Yielded(item)),
            Poll::Ready(None) => Poll::Ready(GeneratorState::Complete(())),
            Poll::Pending => Poll::Pending,
        }
    }

    #[inline]
    fn poll_step(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<Resume<(), NoThrow>>,
    ) -> Poll<GeneratorState<St::Item, ()>> {
        arg.take();
        let mut begun = true;
        self.poll_first(cx, &mut begun)
    }
}

/// Chosen for an async generator.
#[derive(Debug, Clone, Copy)]
pub struct AsyncGeneratorTag;

/// Chosen for any other `Stream`.
#[derive(Debug, Clone, Copy)]
pub struct StreamTag;

pub trait ViaAsyncGenerator {
    #[inline(always)]
    fn delegate_kind(&self) -> AsyncGeneratorTag {
        AsyncGeneratorTag
    }
}

impl<G: RawAsyncGenerator, Y, S, E> ViaAsyncGenerator
    for &&&&DelegateProbe<'_, AsyncFresh<G>, Y, S, E>
{
}

pub trait ViaStream {
    #[inline(always)]
    fn delegate_kind(&self) -> StreamTag {
        StreamTag
    }
}

impl<St: Stream, Y, S, E> ViaStream for &&&DelegateProbe<'_, St, Y, S, E> {}

impl AsyncGeneratorTag {
    #[inline(always)]
    pub fn into_async_delegate<G: RawAsyncGenerator>(
        self,
        sub: AsyncFresh<G>,
    ) -> AsyncGeneratorDelegate<G> {
        AsyncGeneratorDelegate(sub)
    }
}

impl StreamTag {
    #[inline(always)]
    pub fn into_async_delegate<St: Stream>(self, sub: St) -> StreamDelegate<St> {
        StreamDelegate(sub)
    }
}

impl GeneratorTag {
    #[inline(always)]
    pub fn into_async_delegate<D: ToDelegate>(self, sub: D) -> SyncDelegate<D::Delegate> {
        SyncDelegate(self.into_delegate(sub))
    }
}

impl AnyGeneratorTag {
    #[inline(always)]
    pub fn into_async_delegate<G: Generator>(
        self,
        sub: G,
    ) -> SyncDelegate<crate::delegate::AnyGeneratorDelegate<G>> {
        SyncDelegate(self.into_delegate(sub))
    }
}

impl IteratorTag {
    #[inline(always)]
    pub fn into_async_delegate<I: IntoIterator>(
        self,
        sub: I,
    ) -> SyncDelegate<crate::delegate::IteratorDelegate<I::IntoIter>> {
        SyncDelegate(self.into_delegate(sub))
    }
}

impl<S, T, E> ThrowProbe<S, T, E> {
    /// [`ThrowProbe::new`] for an async delegate.
    #[inline(always)]
    pub fn new_async<D: AsyncDelegate<Send = S, Throw = T>>(_: &Pin<&mut D>, _: &E) -> Self {
        ThrowProbe::types()
    }
}
