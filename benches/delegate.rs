//! delegate: a chain of `depth` generators, each delegating to the next
//! with yield-from; the innermost delegates to a `count(n)` yielding
//! `0..n`. Depths 1, 8 and 32; per-item cost, so the ratio of depth 32 to
//! depth 1 is what delegation costs per level.
//!
//! The depth is a run-time argument, so every implementation recurses: a
//! generator's type cannot contain itself, so each level is boxed (or, for
//! ours (self-recursive), a frame on the runtime's explicit stack).
//!
//! Every implementation is an `each_*` function feeding each item to a
//! callback; results are checked for equality before timing.
//!
//! Run: `cargo bench --bench delegate`

use std::future::Future;
use std::hint::black_box;
use std::pin::{Pin, pin};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use futures_core::Stream;
use genawaiter::stack::{Co, let_gen_using};
use next_gen::mk_gen;

#[path = "common/mod.rs"]
mod common;
use common::{Sizes, StreamIter};

const N: u64 = 10_000;
const DEPTHS: [u32; 3] = [1, 8, 32];

// ---- hand-written (baseline) ------------------------------------------------

struct CountIter {
    i: u64,
    n: u64,
}

impl Iterator for CountIter {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        if self.i < self.n {
            let i = self.i;
            self.i += 1;
            Some(i)
        } else {
            None
        }
    }
}

/// One delegating level: it forwards to what it delegates to until that
/// is exhausted.
struct Level {
    inner: Inner,
}

enum Inner {
    Count(CountIter),
    Level(Box<Level>),
}

impl Iterator for Level {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        match &mut self.inner {
            Inner::Count(count) => count.next(),
            Inner::Level(level) => level.next(),
        }
    }
}

fn chain_hand(depth: u32, n: u64) -> Level {
    let inner = if depth == 1 {
        Inner::Count(CountIter { i: 0, n })
    } else {
        Inner::Level(Box::new(chain_hand(depth - 1, n)))
    };
    Level { inner }
}

fn each_hand(depth: u32, n: u64, f: impl FnMut(u64)) {
    chain_hand(depth, n).for_each(f)
}

// ---- std: boxed `flat_map` levels -------------------------------------------------

fn chain_std(depth: u32, n: u64) -> Box<dyn Iterator<Item = u64>> {
    if depth == 1 {
        Box::new(std::iter::once(n).flat_map(|n| 0..n))
    } else {
        Box::new(std::iter::once(depth - 1).flat_map(move |d| chain_std(d, n)))
    }
}

fn each_std(depth: u32, n: u64, f: impl FnMut(u64)) {
    chain_std(depth, n).for_each(f)
}

// ---- ours --------------------------------------------------------------------

#[gen_runtime::generator(yield = u64)]
fn count_ours(n: u64) {
    for i in 0..n {
        r#yield!(i);
    }
}

/// Each level a `BoxGenerator`: one heap box per level; the outermost box
/// runs the others on its stack, so an item costs one resume of the
/// innermost box at any depth.
#[gen_runtime::generator(yield = u64)]
fn chain_ours_boxed(depth: u32, n: u64) {
    if depth == 1 {
        yield_from!(count_ours(n));
    } else {
        yield_from!(chain_ours_boxed(depth - 1, n).boxed());
    }
}

fn each_ours_boxed(depth: u32, n: u64, f: impl FnMut(u64)) {
    chain_ours_boxed(depth, n).for_each(f)
}

/// Direct self-recursion: the macro runs the levels as frames on the
/// runtime's explicit stack.
#[gen_runtime::generator(yield = u64)]
fn chain_ours_rec(depth: u32, n: u64) {
    if depth == 1 {
        yield_from!(count_ours(n));
    } else {
        yield_from!(chain_ours_rec(depth - 1, n));
    }
}

fn each_ours_rec(depth: u32, n: u64, f: impl FnMut(u64)) {
    chain_ours_rec(depth, n).for_each(f)
}

// ---- diapause: `yield_all!(box sub)` -----------------------------------------------

#[diapause::coroutine(yield = u64)]
fn count_diapause(n: u64) {
    for i in 0u64..n {
        yield_!(i);
    }
}

#[diapause::coroutine(yield = u64)]
fn chain_diapause(depth: u32, n: u64) {
    if depth == 1 {
        yield_all!(count_diapause(n));
    } else {
        let sub: chain_diapause::State = chain_diapause(depth - 1, n);
        yield_all!(box sub);
    }
}

fn each_diapause(depth: u32, n: u64, f: impl FnMut(u64)) {
    common::diapause_each(chain_diapause(depth, n), f)
}

// ---- genawaiter (stack): one generator, levels are boxed futures sharing its `Co` --

async fn count_genawaiter(co: &Co<'_, u64>, n: u64) {
    for i in 0..n {
        co.yield_(i).await;
    }
}

/// genawaiter has no generator-to-generator delegation; its idiom for
/// yield-from is awaiting a sub-future that yields through the same `Co`.
fn chain_genawaiter<'a>(
    co: &'a Co<'_, u64>,
    depth: u32,
    n: u64,
) -> Pin<Box<dyn Future<Output = ()> + 'a>> {
    Box::pin(async move {
        if depth == 1 {
            count_genawaiter(co, n).await
        } else {
            chain_genawaiter(co, depth - 1, n).await
        }
    })
}

fn each_genawaiter(depth: u32, n: u64, f: impl FnMut(u64)) {
    let_gen_using!(
        it,
        |co| async move { chain_genawaiter(&co, depth, n).await }
    );
    it.into_iter().for_each(f)
}

// ---- next-gen: each level iterates a boxed sub-generator and re-yields ------------

#[next_gen::generator(yield(u64))]
fn count_next_gen(n: u64) {
    for i in 0..n {
        yield_!(i);
    }
}

#[next_gen::generator(yield(u64))]
fn chain_next_gen(depth: u32, n: u64) {
    if depth == 1 {
        mk_gen!(let sub = count_next_gen(n));
        for x in sub {
            yield_!(x);
        }
    } else {
        mk_gen!(let sub = box chain_next_gen(depth - 1, n));
        for x in sub {
            yield_!(x);
        }
    }
}

fn each_next_gen(depth: u32, n: u64, f: impl FnMut(u64)) {
    mk_gen!(let it = chain_next_gen(depth, n));
    it.for_each(f)
}

// ---- async-stream: each level `for await`s a boxed sub-stream and re-yields -------

fn count_async_stream(n: u64) -> impl Stream<Item = u64> {
    async_stream::stream! {
        for i in 0..n {
            yield i;
        }
    }
}

fn chain_async_stream(depth: u32, n: u64) -> Pin<Box<dyn Stream<Item = u64>>> {
    Box::pin(async_stream::stream! {
        if depth == 1 {
            let sub = pin!(count_async_stream(n));
            for await x in sub {
                yield x;
            }
        } else {
            for await x in chain_async_stream(depth - 1, n) {
                yield x;
            }
        }
    })
}

fn each_async_stream(depth: u32, n: u64, f: impl FnMut(u64)) {
    StreamIter(chain_async_stream(depth, n).as_mut()).for_each(f)
}

// ---- checks, timing, sizes -----------------------------------------------------

type Each = fn(u32, u64, &mut dyn FnMut(u64));

/// `(name, implementation)`, in table order.
const IMPLS: &[(&str, Each)] = &[
    ("hand-written", |d, n, f| each_hand(d, n, f)),
    ("std", |d, n, f| each_std(d, n, f)),
    ("ours (boxed)", |d, n, f| each_ours_boxed(d, n, f)),
    ("ours (self-recursive)", |d, n, f| each_ours_rec(d, n, f)),
    ("diapause", |d, n, f| each_diapause(d, n, f)),
    ("genawaiter", |d, n, f| each_genawaiter(d, n, f)),
    ("next-gen", |d, n, f| each_next_gen(d, n, f)),
    ("async-stream", |d, n, f| each_async_stream(d, n, f)),
];

fn benches(c: &mut Criterion) {
    let expected: Vec<u64> = (0..N).collect();
    for depth in DEPTHS {
        for (name, each) in IMPLS {
            let mut got = Vec::new();
            each(depth, N, &mut |x| got.push(x));
            assert_eq!(got, expected, "{name}, depth {depth}");
        }
    }

    for depth in DEPTHS {
        let mut group = c.benchmark_group(format!("delegate d{depth}"));
        group.throughput(Throughput::Elements(N));
        common::slow_group(&mut group);
        macro_rules! bench {
            ($name:literal, $each:ident) => {
                group.bench_function($name, |b| {
                    b.iter(|| {
                        $each(black_box(depth), black_box(N), |x| {
                            black_box(x);
                        })
                    })
                });
            };
        }
        bench!("hand-written", each_hand);
        bench!("std", each_std);
        bench!("ours (boxed)", each_ours_boxed);
        bench!("ours (self-recursive)", each_ours_rec);
        bench!("diapause", each_diapause);
        bench!("genawaiter", each_genawaiter);
        bench!("next-gen", each_next_gen);
        bench!("async-stream", each_async_stream);
        group.finish();
    }
}

/// Prints the footprint of a fresh chain of each kind at each depth (see
/// `size.rs`); the hand-written chain is built eagerly, the others one
/// level at a time as they run.
#[allow(dead_code)] // called by size.rs, which includes this file
pub(crate) fn sizes(allocated: fn() -> u64) {
    let s = &mut Sizes {
        allocated,
        rows: Vec::new(),
    };
    for (w, depth) in [("delegate d1", 1), ("delegate d8", 8), ("delegate d32", 32)] {
        let run = |each: Each| {
            move || {
                each(depth, N, &mut |x| {
                    black_box(x);
                })
            }
        };
        let fresh = s.fresh(|| chain_hand(depth, N));
        s.record(w, "hand-written", fresh, run(IMPLS[0].1));
        let fresh = s.fresh(|| chain_std(depth, N));
        s.record(w, "std", fresh, run(IMPLS[1].1));
        let fresh = s.fresh(|| chain_ours_boxed(depth, N));
        s.record(w, "ours (boxed)", fresh, run(IMPLS[2].1));
        let fresh = s.fresh(|| chain_ours_rec(depth, N));
        s.record(w, "ours (self-recursive)", fresh, run(IMPLS[3].1));
        let fresh = s.fresh(|| chain_diapause(depth, N));
        s.record(w, "diapause", fresh, run(IMPLS[4].1));
        let fresh = {
            let before = s.allocated();
            let_gen_using!(
                it,
                |co| async move { chain_genawaiter(&co, depth, N).await }
            );
            (common::genawaiter_size(it), s.allocated() - before)
        };
        s.record(w, "genawaiter", fresh, run(IMPLS[5].1));
        let fresh = {
            let before = s.allocated();
            mk_gen!(let it = chain_next_gen(depth, N));
            (std::mem::size_of_val(&*it), s.allocated() - before)
        };
        s.record(w, "next-gen", fresh, run(IMPLS[6].1));
        let fresh = s.fresh(|| chain_async_stream(depth, N));
        s.record(w, "async-stream", fresh, run(IMPLS[7].1));
    }
    s.print();
}

criterion_group!(delegate_benches, benches);
criterion_main!(delegate_benches);
