//! An async generator allocates nothing: not when it is created, started,
//! resumed or delegating, nor per item (SPEC §7). Counted with a global
//! allocator, while polling with a no-op waker.
#![deny(warnings)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::future::Future;
use std::pin::pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Waker};

use futures::Stream;
use gen_runtime::{GeneratorState, generator};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// Set on the thread being measured: the test harness's own thread may
    /// allocate meanwhile (it did, once, under valgrind on a loaded
    /// machine), and that is not the generator's.
    static COUNTING: Cell<bool> = const { Cell::new(false) };
}

// SAFETY: forwards to the system allocator, counting calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // (`try_with`: no count while the thread's locals are torn down.)
        if COUNTING.try_with(Cell::get).unwrap_or(false) {
            ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        }
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[generator(yield = u64, send = u64)]
async fn accumulate(start: u64) -> u64 {
    let mut total = start;
    loop {
        let value = r#yield!(total);
        if value == 0 {
            return total;
        }
        total += value;
    }
}

#[generator(yield = u64)]
async fn numbers(n: u64) -> u64 {
    yield_from!(0..n);
    yield_from!(futures::stream::iter([100, 200]));
    n
}

#[test]
fn creating_driving_and_delegating_allocate_nothing() {
    // The test harness may allocate on this thread before the first
    // measurement, and on its own thread at any time; only what this
    // thread does between the two reads counts.
    let mut cx = Context::from_waker(Waker::noop());
    COUNTING.with(|counting| counting.set(true));
    let before = ALLOCATIONS.load(Ordering::SeqCst);

    let mut items = 0u64;
    let mut g = pin!(numbers(1000));
    while let Poll::Ready(Some(x)) = g.as_mut().poll_next(&mut cx) {
        items += x;
    }
    assert_eq!(g.as_mut().take_return(), Some(1000));

    let g = pin!(accumulate(1));
    let mut start = pin!(g.start());
    let Poll::Ready((first, mut g)) = start.as_mut().poll(&mut cx) else {
        panic!("pending")
    };
    assert_eq!(first, GeneratorState::Yielded(1));
    for value in 1..=100 {
        let mut send = pin!(g.send(value));
        assert!(matches!(
            send.as_mut().poll(&mut cx),
            Poll::Ready(GeneratorState::Yielded(_))
        ));
    }

    let after = ALLOCATIONS.load(Ordering::SeqCst);
    COUNTING.with(|counting| counting.set(false));
    assert_eq!(items, 999 * 1000 / 2 + 300);
    assert_eq!(after - before, 0, "allocations while creating and driving");
}
