//! Every `unsafe` block of the async runtime, and the types whose
//! invariants they rely on.
//!
//! An async generator runs its body as a native `async` block, created when
//! the generator is first resumed and pinned inside the generator from then
//! on. The body reaches the generator through a [`Co`] that
//! points at a slot in the same pinned generator: a yield puts its value
//! there and suspends, and a resume puts the sent value (or thrown error)
//! there before polling the body again. Two kinds of `unsafe` follow from
//! that, and nothing else in the crate needs any:
//!
//! - pin projection: reaching the body future (structurally pinned) and
//!   the other fields (not pinned) of a pinned generator or delegate;
//! - the slot: written and read through a raw pointer by the body, and
//!   directly by the generator, never both at once.

use core::cell::UnsafeCell;
use core::future::Future;
use core::marker::PhantomPinned;
use core::pin::Pin;
use core::ptr::NonNull;
use core::task::{Context, Poll};

use crate::raw::Resume;

/// What passes between the body and the generator at a yield: the value
/// a yield puts for the generator to return, and the resume the generator
/// puts for the yield to evaluate to. Two fields rather than one enum, so
/// that each is written and read whole, at the same width (a narrow store
/// followed by a wider load of the same bytes stalls the CPU's store
/// forwarding: it cost 70 % of an item's time in `async count`).
#[derive(Debug)]
pub(crate) struct Slot<Y, S, E> {
    pub(crate) yielded: Option<Y>,
    pub(crate) resumed: Option<Resume<S, E>>,
}

impl<Y, S, E> Slot<Y, S, E> {
    const EMPTY: Self = Slot {
        yielded: None,
        resumed: None,
    };

    #[inline]
    pub(crate) fn clear(&mut self) {
        *self = Self::EMPTY;
    }
}

/// The body of an async generator, from its creation to its end.
pub(crate) enum Body<F, Fut: Future> {
    /// Not started: the closure that creates the body's future.
    Init(F),
    /// Started: the body's future, pinned here until it is dropped.
    Running(Fut),
    /// The body returned; its value until `take_return`.
    Returned(Fut::Output),
    /// Completed and the return value handed out, or the body panicked.
    Done,
    /// Closed before it completed.
    Closed,
}

/// The pinned generator: the body (structurally pinned: the future never
/// moves once created) and the slot the body's `Co` points at.
///
/// Invariants the `unsafe` blocks below rely on:
/// 1. once `body` is `Running`, the generator never moves (it is only used
///    through `Pin<&mut Self>`), so the slot's address is stable and the
///    future stays where it was first polled;
/// 2. `slot` is only touched by the body while it is being polled (a `Co`
///    lives inside the body's future, and the yield future borrows it
///    mutably), and by the generator only while it is not polling;
/// 3. the body is dropped before the slot (field order), and a `Co` never
///    leaves the body: the macro creates it as the closure's argument and
///    the body only lends it out (`&mut`) to futures it awaits.
pub struct AsyncMachine<F, Fut: Future, Y, S, E, N> {
    body: Body<F, Fut>,
    slot: UnsafeCell<Slot<Y, S, E>>,
    /// The body returned `Pending` at a yield (as opposed to inside an
    /// `.await` of its own): the next resume brings a value.
    pub(crate) at_yield: bool,
    /// The generator function's name, as a zero-sized `|| "name"`.
    pub(crate) name: N,
    _pinned: PhantomPinned,
}

// SAFETY: the slot is the only field that is not plainly `Send`/`Sync`
// (it is an `UnsafeCell`, and the `Co` in the body holds a raw pointer to
// it). Moving the generator to another thread moves the slot's contents
// with it, which is sound when `Y`, `S` and `E` are `Send`. Through a
// shared reference nothing reads or writes the slot (every access takes
// `Pin<&mut Self>`), so sharing the generator shares only the body, its
// closure and return value.
unsafe impl<F: Send, Fut: Future + Send, Y: Send, S: Send, E: Send, N: Send> Send
    for AsyncMachine<F, Fut, Y, S, E, N>
where
    Fut::Output: Send,
{
}
// SAFETY: see `Send` above: `&AsyncMachine` never reaches the slot.
unsafe impl<F: Sync, Fut: Future + Sync, Y, S, E, N: Sync> Sync for AsyncMachine<F, Fut, Y, S, E, N> where
    Fut::Output: Sync
{
}

impl<F, Fut: Future, Y, S, E, N> AsyncMachine<F, Fut, Y, S, E, N> {
    #[inline]
    pub(crate) fn new(name: N, start: F) -> Self {
        AsyncMachine {
            body: Body::Init(start),
            slot: UnsafeCell::new(Slot::EMPTY),
            at_yield: false,
            name,
            _pinned: PhantomPinned,
        }
    }

    #[inline]
    pub(crate) fn body(&self) -> &Body<F, Fut> {
        &self.body
    }

    /// The fields that are not pinned.
    #[inline]
    pub(crate) fn flags(self: Pin<&mut Self>) -> &mut bool {
        // SAFETY: `at_yield` is not structurally pinned; handing out
        // `&mut bool` cannot move anything that is.
        unsafe { &mut self.get_unchecked_mut().at_yield }
    }

    /// Replaces the body, dropping the old one in place (a running future
    /// is dropped where it was pinned, as `Pin` requires).
    #[inline]
    pub(crate) fn set_body(self: Pin<&mut Self>, body: Body<F, Fut>) {
        // SAFETY: assigning drops the old value in place and writes the new
        // one at the same address; no pinned value is moved. The old
        // `Init` closure was never pinned.
        unsafe { self.get_unchecked_mut().body = body };
    }

    /// Moves the return value out, leaving `Done`.
    #[inline]
    pub(crate) fn take_returned(self: Pin<&mut Self>) -> Option<Fut::Output> {
        // SAFETY: only a `Returned` body is moved out of, and its value was
        // never pinned (only a `Running` future is).
        let this = unsafe { self.get_unchecked_mut() };
        if !matches!(this.body, Body::Returned(_)) {
            return None;
        }
        match core::mem::replace(&mut this.body, Body::Done) {
            Body::Returned(value) => Some(value),
            _ => None,
        }
    }

    /// Starts the body: creates its future from the `Init` closure with a
    /// `Co` pointing at the slot, in place.
    #[inline]
    pub(crate) fn start(self: Pin<&mut Self>, create: impl FnOnce(F, Co<Y, S, E>) -> Fut) {
        // SAFETY: the closure is moved out of `Init` (never pinned), and the
        // future is written in place, where it stays (invariant 1). The
        // pointer to the slot stays valid while the future lives
        // (invariant 3).
        let this = unsafe { self.get_unchecked_mut() };
        let Body::Init(_) = this.body else {
            return;
        };
        let Body::Init(start) = core::mem::replace(&mut this.body, Body::Done) else {
            unreachable!()
        };
        let co = Co {
            slot: NonNull::from(&this.slot),
        };
        this.body = Body::Running(create(start, co));
    }

    /// Polls a running body. A panic inside it drops the body in place and
    /// leaves the generator finished (`Done`).
    #[inline]
    pub(crate) fn poll_body(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Fut::Output> {
        // SAFETY: the body is only reached through `Pin<&mut Self>`; the
        // pointer is used for the guard and the poll below, within this
        // exclusive borrow.
        let body: *mut Body<F, Fut> = unsafe { &raw mut self.get_unchecked_mut().body };
        let guard = DoneOnUnwind(body);
        // SAFETY: `body` is valid and not aliased (see above).
        let Body::Running(future) = (unsafe { &mut *body }) else {
            unreachable!("poll_body on a body that is not running")
        };
        // SAFETY: the future is structurally pinned: it is never moved
        // while it lives (invariant 1), only dropped in place.
        let result = unsafe { Pin::new_unchecked(future) }.poll(cx);
        core::mem::forget(guard);
        result
    }

    /// The slot, while the body is not being polled (invariant 2).
    #[inline]
    pub(crate) fn slot(self: Pin<&mut Self>) -> &mut Slot<Y, S, E> {
        // SAFETY: `&mut self` means the body is not being polled (polling
        // borrows the generator mutably for the whole poll), so nothing
        // else accesses the slot (invariant 2). The slot is not pinned.
        unsafe { &mut *self.get_unchecked_mut().slot.get() }
    }
}

/// Drops the body in place if its poll unwinds.
struct DoneOnUnwind<F, Fut: Future>(*mut Body<F, Fut>);

impl<F, Fut: Future> Drop for DoneOnUnwind<F, Fut> {
    fn drop(&mut self) {
        // SAFETY: the pointer is to the body of a generator borrowed
        // mutably for the duration of the poll that is unwinding; the
        // future's borrow ended with the unwinding `poll` call. Assigning
        // drops the future in place.
        unsafe { *self.0 = Body::Done };
    }
}

/// The body's handle to its generator: what `r#yield!` and `yield_from!`
/// expand to use. Only the macro creates one (as the argument of the body's
/// closure), and the body only lends it out.
pub struct Co<Y, S, E> {
    slot: NonNull<UnsafeCell<Slot<Y, S, E>>>,
}

impl<Y, S, E> core::fmt::Debug for Co<Y, S, E> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Co")
    }
}

// SAFETY: a `Co` is the pointer to a slot holding `Y`, `S` or `E` values;
// it moves with the body's future, into the generator that owns the slot,
// so sending it sends those values.
unsafe impl<Y: Send, S: Send, E: Send> Send for Co<Y, S, E> {}
// SAFETY: every method takes `&mut self`: a shared `Co` gives access to
// nothing.
unsafe impl<Y, S, E> Sync for Co<Y, S, E> {}

impl<Y, S, E> Co<Y, S, E> {
    /// Puts a yielded value in the slot.
    #[inline]
    pub(crate) fn put(&mut self, value: Y) {
        // SAFETY: called from the yield future's `poll`, while the body is
        // being polled, when the generator does not touch the slot
        // (invariant 2); the pointer is valid while the body lives
        // (invariant 3). `&mut self` rules out a second `Co` access.
        unsafe { (*self.slot.as_ref().get()).yielded = Some(value) };
    }

    /// Takes what the generator put in the slot for this yield.
    #[inline]
    pub(crate) fn take_resumed(&mut self) -> Option<Resume<S, E>> {
        // SAFETY: as in `put`.
        unsafe { (*self.slot.as_ref().get()).resumed.take() }
    }
}

/// Pin projection for a delegate that wraps one value: structural for a
/// future-like delegate (an async generator, a stream), which is polled in
/// place.
#[inline]
pub(crate) fn project_pinned<Outer, Inner>(
    outer: Pin<&mut Outer>,
    field: impl FnOnce(&mut Outer) -> &mut Inner,
) -> Pin<&mut Inner> {
    // SAFETY: used only for fields that are structurally pinned: their
    // wrapper never moves them out and drops them in place, and does not
    // implement `Unpin` unless they do (auto trait).
    unsafe { outer.map_unchecked_mut(field) }
}

/// Pin projection for a field that is never pinned (a synchronous
/// delegate, which moves its values freely).
#[inline]
pub(crate) fn project_unpinned<Outer, Inner>(
    outer: Pin<&mut Outer>,
    field: impl FnOnce(&mut Outer) -> &mut Inner,
) -> &mut Inner {
    // SAFETY: the field is not structurally pinned: nothing ever makes a
    // `Pin` to it, so moving out of it breaks no promise.
    field(unsafe { outer.get_unchecked_mut() })
}
