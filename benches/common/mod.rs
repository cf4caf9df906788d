//! Shared by every workload bench (`mod common;`) and by `size.rs`.
//!
//! - [`StreamIter`]: the cheapest correct synchronous driver for a
//!   `futures_core::Stream` (async-stream): poll with the no-op waker, on
//!   the caller's stack, no executor.
//! - [`Sizes`]: the rows `size.rs` prints (each workload file has a
//!   `sizes` function filling in its own generators, next to their
//!   definitions).
//!   The counting allocator lives in `size.rs` only, so the timed benches
//!   run on the plain system allocator.
//!
//! Each bench includes its own copy, so not every item is used everywhere.

#![allow(dead_code)]

use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use criterion::{BenchmarkGroup, SamplingMode, measurement::WallTime};
use futures_core::Stream;

// ---- driving a Stream synchronously ------------------------------------------

/// Drives a pinned stream as an `Iterator`: one `poll_next` with the no-op
/// waker per item. A generator-shaped stream (async-stream) never returns
/// `Pending` unless it awaits something other than its own yields, which
/// none of the benches do.
#[derive(Debug)]
pub struct StreamIter<'a, S: ?Sized>(pub Pin<&'a mut S>);

impl<S: Stream + ?Sized> Iterator for StreamIter<'_, S> {
    type Item = S::Item;
    #[inline]
    fn next(&mut self) -> Option<S::Item> {
        let mut cx = Context::from_waker(Waker::noop());
        match self.0.as_mut().poll_next(&mut cx) {
            Poll::Ready(item) => item,
            Poll::Pending => unreachable!("a generator-shaped stream never waits"),
        }
    }
}

// ---- driving a diapause coroutine -----------------------------------------------

/// `start` once, then `resume` until `Complete`: diapause's protocol
/// without the status check its `Iter` adaptor makes on every `next`.
pub fn diapause_each<C, Y>(mut c: C, mut f: impl FnMut(Y))
where
    C: diapause::Coroutine<(), Yield = Y>,
{
    let mut state = c.start();
    while let diapause::CoroutineState::Yielded(y) = state {
        f(y);
        state = c.resume(());
    }
}

// ---- criterion settings ----------------------------------------------------------

/// For workloads whose single iteration takes milliseconds (tree,
/// pipeline, deep delegation): ten samples of equal iteration counts
/// instead of criterion's default 100-sample linear ramp, which would need
/// thousands of iterations.
pub fn slow_group(group: &mut BenchmarkGroup<'_, WallTime>) {
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
}

// ---- sizes and allocations -------------------------------------------------------

/// One generator's footprint: `size_of_val` of it freshly created, the
/// heap bytes creating it allocated, and the heap bytes one full run
/// (create, drive to the end, drop) allocated.
#[derive(Debug, Clone)]
pub struct SizeRow {
    pub workload: &'static str,
    pub implementation: &'static str,
    pub size: usize,
    pub alloc_create: u64,
    pub alloc_run: u64,
}

/// What `size.rs` collects from each workload's `sizes` function.
/// `allocated` reads the byte counter of `size.rs`'s counting global
/// allocator.
#[derive(Debug)]
pub struct Sizes {
    pub allocated: fn() -> u64,
    pub rows: Vec<SizeRow>,
}

impl Sizes {
    /// Heap bytes allocated so far.
    pub fn allocated(&self) -> u64 {
        (self.allocated)()
    }

    /// `size_of_val` of what `create` returns, and the bytes creating it
    /// allocated.
    pub fn fresh<T>(&self, create: impl FnOnce() -> T) -> (usize, u64) {
        let before = self.allocated();
        let value = create();
        let bytes = self.allocated() - before;
        (std::mem::size_of_val(&value), bytes)
    }

    /// Prints the rows, one JSON object per line, for `report.sh`.
    pub fn print(&self) {
        for r in &self.rows {
            println!(
                "{{\"workload\":\"{}\",\"implementation\":\"{}\",\"size\":{},\"alloc_create\":{},\"alloc_run\":{}}}",
                r.workload, r.implementation, r.size, r.alloc_create, r.alloc_run
            );
        }
    }

    /// Records one generator: `fresh` is `(size, bytes allocated creating
    /// it)`, `run` creates another one and drives it to the end.
    pub fn record(
        &mut self,
        workload: &'static str,
        implementation: &'static str,
        (size, alloc_create): (usize, u64),
        run: impl FnOnce(),
    ) {
        let before = self.allocated();
        run();
        let alloc_run = self.allocated() - before;
        self.rows.push(SizeRow {
            workload,
            implementation,
            size,
            alloc_create,
            alloc_run,
        });
    }
}

/// A stack genawaiter generator's footprint: its `Shelf` (the future and
/// the airlock, on the caller's stack) plus the `Gen` handle pointing to it.
pub fn genawaiter_size<Y, R, F: std::future::Future>(
    g: &genawaiter::stack::Gen<'_, Y, R, F>,
) -> usize {
    std::mem::size_of::<genawaiter::stack::Shelf<Y, R, F>>() + std::mem::size_of_val(g)
}
