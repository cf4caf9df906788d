//! A self-call (`yield_from!(walk(child))`) that is the last thing a
//! generator's body does, with nothing saved across it, runs the callee in
//! the caller's place instead of on top of it: a walk that recurses into
//! its last child keeps no frame per level for it (issue 5: the tree walk).
//! Checked here by the heap the frame stack takes, with a counting
//! allocator that counts the measuring thread only (the test harness's own
//! thread may allocate meanwhile), and against the plain recursive
//! functions.
#![deny(warnings)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicIsize, Ordering};

use gen_runtime::generator;
use gen_workspace::drops::DropLog;

struct PeakAlloc;

/// Heap bytes the measuring thread allocated, net, since the measurement
/// began (negative once it frees what it had before), and the most.
static CURRENT: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

thread_local! {
    /// Set on the thread being measured.
    static MEASURING: Cell<bool> = const { Cell::new(false) };
}

fn measuring() -> bool {
    // (`try_with`: nothing is measured while the thread's locals are torn
    // down.)
    MEASURING.try_with(Cell::get).unwrap_or(false)
}

// SAFETY: every method forwards to `System` with the caller's arguments,
// so `System` upholds the contract; the counters only observe sizes.
unsafe impl GlobalAlloc for PeakAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if measuring() {
            let size = layout.size() as isize;
            let now = CURRENT.fetch_add(size, Ordering::Relaxed) + size;
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if measuring() {
            CURRENT.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        }
        // SAFETY: `ptr` was allocated by `System` with this `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

/// Heap bytes that running `f` on this thread took at its peak, above what
/// was allocated before it.
fn peak_during(f: impl FnOnce()) -> usize {
    CURRENT.store(0, Ordering::Relaxed);
    PEAK.store(0, Ordering::Relaxed);
    MEASURING.with(|m| m.set(true));
    f();
    MEASURING.with(|m| m.set(false));
    PEAK.load(Ordering::Relaxed).max(0) as usize
}

/// A binary tree in an arena: `(left, value, right)`.
struct Arena {
    nodes: Vec<(Option<usize>, u32, Option<usize>)>,
}

/// The last call (into the right child) is a tail call; the first is not.
#[generator(yield = u32)]
fn walk(arena: &Arena, at: Option<usize>) {
    if let Some(at) = at {
        let (left, value, right) = arena.nodes[at];
        yield_from!(walk(arena, left));
        r#yield!(value);
        yield_from!(walk(arena, right));
    }
}

fn walk_plain(arena: &Arena, at: Option<usize>, out: &mut Vec<u32>) {
    if let Some(at) = at {
        let (left, value, right) = arena.nodes[at];
        walk_plain(arena, left, out);
        out.push(value);
        walk_plain(arena, right, out);
    }
}

/// `depth` nodes, each the `left` or the `right` child of the one before.
fn spine(depth: usize, right: bool) -> Arena {
    let next = |i: usize| (i + 1 < depth).then_some(i + 1);
    let nodes = (0..depth)
        .map(|i| {
            if right {
                (None, i as u32, next(i))
            } else {
                (next(i), (depth - 1 - i) as u32, None)
            }
        })
        .collect();
    Arena { nodes }
}

/// A complete tree of `levels` levels, numbered in order.
fn full_tree(levels: u32) -> Arena {
    fn build(
        nodes: &mut Vec<(Option<usize>, u32, Option<usize>)>,
        lo: u32,
        hi: u32,
    ) -> Option<usize> {
        if lo >= hi {
            return None;
        }
        let mid = lo + (hi - lo) / 2;
        let at = nodes.len();
        nodes.push((None, mid, None));
        let left = build(nodes, lo, mid);
        let right = build(nodes, mid + 1, hi);
        nodes[at] = (left, mid, right);
        Some(at)
    }
    let mut nodes = Vec::new();
    build(&mut nodes, 0, (1 << levels) - 1);
    Arena { nodes }
}

/// A tail call whose value is the generator's return value, from either
/// branch of an `if`.
#[generator(yield = u64)]
fn collatz(n: u64, steps: u32) -> u32 {
    r#yield!(n);
    if n == 1 {
        steps
    } else if n.is_multiple_of(2) {
        yield_from!(collatz(n / 2, steps + 1))
    } else {
        yield_from!(collatz(3 * n + 1, steps + 1))
    }
}

fn collatz_plain(n: u64, steps: u32, out: &mut Vec<u64>) -> u32 {
    out.push(n);
    if n == 1 {
        steps
    } else if n.is_multiple_of(2) {
        collatz_plain(n / 2, steps + 1, out)
    } else {
        collatz_plain(3 * n + 1, steps + 1, out)
    }
}

/// A guard alive across the last call: the caller still has something to
/// drop after the callee, so its frame stays, and the guards drop
/// innermost first as in the plain function.
#[generator(yield = u32)]
fn guarded(log: DropLog, depth: u32) {
    let _guard = log.guard(format!("g{depth}"));
    r#yield!(depth);
    if depth > 0 {
        yield_from!(guarded(log.clone(), depth - 1));
    }
}

fn guarded_plain(log: &DropLog, depth: u32, out: &mut Vec<u32>) {
    let _guard = log.guard(format!("g{depth}"));
    out.push(depth);
    if depth > 0 {
        guarded_plain(log, depth - 1, out);
    }
}

#[test]
fn a_last_self_call_replaces_the_callers_frame() {
    // Against the plain function where its recursion fits the stack.
    for arena in [spine(1000, true), spine(1000, false), full_tree(10)] {
        let mut want = Vec::new();
        walk_plain(&arena, Some(0), &mut want);
        assert_eq!(walk(&arena, Some(0)).collect::<Vec<_>>(), want);
    }
    let depth = 100_000;
    let (right, left) = (spine(depth, true), spine(depth, false));
    for arena in [&right, &left] {
        let want: Vec<u32> = (0..depth as u32).collect();
        assert_eq!(walk(arena, Some(0)).collect::<Vec<_>>(), want);
    }

    // Down a right spine every call into a right child is a tail call: the
    // stack holds at most the caller of the (empty) left child, however
    // deep the spine. Down a left spine every frame is kept.
    let short = spine(10, true);
    let short_peak = peak_during(|| assert_eq!(walk(&short, Some(0)).count(), 10));
    let right_peak = peak_during(|| assert_eq!(walk(&right, Some(0)).count(), depth));
    let left_peak = peak_during(|| assert_eq!(walk(&left, Some(0)).count(), depth));
    assert_eq!(right_peak, short_peak, "a right spine kept frames");
    assert!(right_peak <= 256, "{right_peak} bytes for one frame");
    assert!(
        left_peak >= depth * 8,
        "a left spine keeps a frame per level ({left_peak} bytes)"
    );

    for n in [1, 6, 27, 97] {
        let mut want = Vec::new();
        let want_steps = collatz_plain(n, 0, &mut want);
        let mut g = collatz(n, 0);
        assert_eq!(g.by_ref().collect::<Vec<_>>(), want);
        assert_eq!(g.take_return(), Some(want_steps));
    }

    let (log, plain_log) = (DropLog::new(), DropLog::new());
    let mut want = Vec::new();
    guarded_plain(&plain_log, 3, &mut want);
    assert_eq!(guarded(log.clone(), 3).collect::<Vec<_>>(), want);
    assert_eq!(log.dropped(), plain_log.dropped());
    assert_eq!(log.dropped(), ["g0", "g1", "g2", "g3"]);
}
