//! Prints, rather than times, each generator's footprint: `size_of_val` of
//! a fresh generator of every kind, the heap bytes creating it allocated,
//! and the heap bytes one full run allocated. The generators are the ones
//! the workload benches time (their files are included as modules; each
//! has a `sizes` function next to its implementations).
//!
//! Output: one JSON object per line (read by `benches/report.sh`).
//! The workload files are included whole, so their `main`s are unused here.
//!
//! Run: `cargo bench --bench size`

// Each included workload file brings its own copy of `common/mod.rs`.
#![allow(clippy::duplicate_mod)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};

#[allow(dead_code)]
#[path = "count.rs"]
mod count;
#[allow(dead_code)]
#[path = "delegate.rs"]
mod delegate;
#[allow(dead_code)]
#[path = "large_state.rs"]
mod large_state;
#[allow(dead_code)]
#[path = "pipeline.rs"]
mod pipeline;
#[allow(dead_code)]
#[path = "send.rs"]
mod send;
#[allow(dead_code)]
#[path = "tree.rs"]
mod tree;

static ALLOCATED: AtomicU64 = AtomicU64::new(0);

/// Counts bytes allocated (`alloc`, `alloc_zeroed`, and the growth of
/// `realloc`), then defers to `System`.
struct CountingAlloc;

// SAFETY: every method forwards to `System` with the caller's own
// arguments, so `System`'s guarantees pass through unchanged; the counter
// is a relaxed atomic, which never allocates.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size() as u64, Ordering::Relaxed);
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size() as u64, Ordering::Relaxed);
        // SAFETY: the caller upholds `GlobalAlloc::alloc_zeroed`'s contract.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller upholds `GlobalAlloc::dealloc`'s contract.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let grown = new_size.saturating_sub(layout.size());
        ALLOCATED.fetch_add(grown as u64, Ordering::Relaxed);
        // SAFETY: the caller upholds `GlobalAlloc::realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: CountingAlloc = CountingAlloc;

fn allocated() -> u64 {
    ALLOCATED.load(Ordering::Relaxed)
}

fn main() {
    // `cargo bench` passes `--bench`; nothing here is timed.
    count::sizes(allocated);
    send::sizes(allocated);
    large_state::sizes(allocated);
    delegate::sizes(allocated);
    tree::sizes(allocated);
    pipeline::sizes(allocated);
}
