//! count: yield `0..n`, the cost of one resume + one yield per item.
//!
//! Every implementation is an `each_*` function feeding each item to a
//! callback; results are checked for equality before timing.
//!
//! Run: `cargo bench --bench count` (or `bash benches/report.sh` for all)

use std::hint::black_box;
use std::pin::pin;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use genawaiter::stack::{Co, let_gen_using};
use next_gen::mk_gen;

#[path = "common/mod.rs"]
mod common;
use common::{Sizes, StreamIter};

const N: u64 = 10_000;

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

fn each_hand(n: u64, f: impl FnMut(u64)) {
    CountIter { i: 0, n }.for_each(f)
}

// ---- std ---------------------------------------------------------------------

fn each_std(n: u64, f: impl FnMut(u64)) {
    (0..n).for_each(f)
}

// ---- ours --------------------------------------------------------------------

#[gen_runtime::generator(yield = u64)]
fn count_ours(n: u64) {
    for i in 0..n {
        r#yield!(i);
    }
}

fn each_ours(n: u64, f: impl FnMut(u64)) {
    count_ours(n).for_each(f)
}

// ---- diapause ----------------------------------------------------------------

#[diapause::coroutine(yield = u64)]
fn count_diapause(n: u64) {
    for i in 0u64..n {
        yield_!(i);
    }
}

fn each_diapause(n: u64, f: impl FnMut(u64)) {
    common::diapause_each(count_diapause(n), f)
}

// ---- genawaiter (stack) ----------------------------------------------------------

async fn count_genawaiter(co: Co<'_, u64>, n: u64) {
    for i in 0..n {
        co.yield_(i).await;
    }
}

fn each_genawaiter(n: u64, f: impl FnMut(u64)) {
    let_gen_using!(g, |co| count_genawaiter(co, n));
    g.into_iter().for_each(f)
}

// ---- next-gen ----------------------------------------------------------------------

#[next_gen::generator(yield(u64))]
fn count_next_gen(n: u64) {
    for i in 0..n {
        yield_!(i);
    }
}

fn each_next_gen(n: u64, f: impl FnMut(u64)) {
    mk_gen!(let g = count_next_gen(n));
    g.for_each(f)
}

// ---- async-stream ------------------------------------------------------------------

fn count_async_stream(n: u64) -> impl futures_core::Stream<Item = u64> {
    async_stream::stream! {
        for i in 0..n {
            yield i;
        }
    }
}

fn each_async_stream(n: u64, f: impl FnMut(u64)) {
    StreamIter(pin!(count_async_stream(n))).for_each(f)
}

// ---- checks, timing, sizes -----------------------------------------------------

type Each = fn(u64, &mut dyn FnMut(u64));

/// `(name, implementation)`, in table order.
const IMPLS: &[(&str, Each)] = &[
    ("hand-written", |n, f| each_hand(n, f)),
    ("std", |n, f| each_std(n, f)),
    ("ours", |n, f| each_ours(n, f)),
    ("diapause", |n, f| each_diapause(n, f)),
    ("genawaiter", |n, f| each_genawaiter(n, f)),
    ("next-gen", |n, f| each_next_gen(n, f)),
    ("async-stream", |n, f| each_async_stream(n, f)),
];

fn benches(c: &mut Criterion) {
    let expected: Vec<u64> = (0..N).collect();
    for (name, each) in IMPLS {
        let mut got = Vec::new();
        each(N, &mut |x| got.push(x));
        assert_eq!(got, expected, "{name}");
    }

    let mut group = c.benchmark_group("count");
    group.throughput(Throughput::Elements(N));
    macro_rules! bench {
        ($name:literal, $each:ident) => {
            group.bench_function($name, |b| {
                b.iter(|| {
                    $each(black_box(N), |x| {
                        black_box(x);
                    })
                })
            });
        };
    }
    bench!("hand-written", each_hand);
    bench!("std", each_std);
    bench!("ours", each_ours);
    bench!("diapause", each_diapause);
    bench!("genawaiter", each_genawaiter);
    bench!("next-gen", each_next_gen);
    bench!("async-stream", each_async_stream);
    group.finish();
}

/// Prints the footprint of a fresh `count(N)` of each kind (see `size.rs`).
#[allow(dead_code)] // called by size.rs, which includes this file
pub(crate) fn sizes(allocated: fn() -> u64) {
    const W: &str = "count";
    let s = &mut Sizes {
        allocated,
        rows: Vec::new(),
    };
    let run = |each: fn(u64, &mut dyn FnMut(u64))| {
        move || {
            each(N, &mut |x| {
                black_box(x);
            })
        }
    };
    s.record(
        W,
        "hand-written",
        s.fresh(|| CountIter { i: 0, n: N }),
        run(IMPLS[0].1),
    );
    s.record(W, "std", s.fresh(|| 0..N), run(IMPLS[1].1));
    s.record(W, "ours", s.fresh(|| count_ours(N)), run(IMPLS[2].1));
    s.record(
        W,
        "diapause",
        s.fresh(|| count_diapause(N)),
        run(IMPLS[3].1),
    );
    let fresh = {
        let before = s.allocated();
        let_gen_using!(g, |co| count_genawaiter(co, N));
        (common::genawaiter_size(g), s.allocated() - before)
    };
    s.record(W, "genawaiter", fresh, run(IMPLS[4].1));
    let fresh = {
        let before = s.allocated();
        mk_gen!(let g = count_next_gen(N));
        (std::mem::size_of_val(&*g), s.allocated() - before)
    };
    s.record(W, "next-gen", fresh, run(IMPLS[5].1));
    s.record(
        W,
        "async-stream",
        s.fresh(|| count_async_stream(N)),
        run(IMPLS[6].1),
    );
    s.print();
}

criterion_group!(count_benches, benches);
criterion_main!(count_benches);
