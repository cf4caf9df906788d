//! chain: delegation through N *distinct* generators, `l_k` doing
//! `yield_from!(l_{k-1}(n))` down to `l0`, which counts (issue 13's
//! "delegation between distinct generators"). Unlike `delegate`, where one
//! generator calls itself and the runtime keeps the levels on one stack,
//! each level here is a generator of its own type holding the one below.
//!
//! The baseline is what a hand-written chain of iterator structs does,
//! each level's `next` calling the level below: LLVM inlines it flat. std
//! is the same depth of `.map(|x| x)` adaptors.
//!
//! Run: `cargo bench --bench chain`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "common/mod.rs"]
mod common;

const N: u64 = 10_000;

// ---- ours: 33 distinct generators -------------------------------------------

#[gen_runtime::generator(yield = u64)]
fn l0(n: u64) {
    for i in 0..n {
        r#yield!(i);
    }
}

/// `levels!(l0 => l1, l2, …)`: each a generator delegating to the one
/// before it.
macro_rules! levels {
    ($below:ident => $name:ident $(, $rest:ident)*) => {
        #[gen_runtime::generator(yield = u64)]
        fn $name(n: u64) {
            yield_from!($below(n));
        }
        levels!($name => $($rest),*);
    };
    ($below:ident => ) => {};
}

levels!(l0 => l1, l2, l3, l4, l5, l6, l7, l8, l9, l10, l11, l12, l13, l14, l15, l16,
    l17, l18, l19, l20, l21, l22, l23, l24, l25, l26, l27, l28, l29, l30, l31, l32);

fn each_ours(depth: u32, n: u64, f: impl FnMut(u64)) {
    match depth {
        8 => l8(n).for_each(f),
        32 => l32(n).for_each(f),
        _ => unreachable!("depths 8 and 32"),
    }
}

// ---- hand-written: a struct per level ---------------------------------------

struct Count {
    i: u64,
    n: u64,
}

impl Iterator for Count {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        if self.i < self.n {
            self.i += 1;
            Some(self.i - 1)
        } else {
            None
        }
    }
}

/// One level: passes on what the level below yields.
struct Level<I>(I);

impl<I: Iterator<Item = u64>> Iterator for Level<I> {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        self.0.next()
    }
}

/// `nest!(e; x x x)`: `e` wrapped in three levels of `$wrap`.
macro_rules! nest {
    ($wrap:ident; $e:expr; ) => { $e };
    ($wrap:ident; $e:expr; $_h:tt $($t:tt)*) => { nest!($wrap; $wrap!($e); $($t)*) };
}

macro_rules! level {
    ($e:expr) => {
        Level($e)
    };
}

macro_rules! mapped {
    ($e:expr) => {
        $e.map(|x: u64| x)
    };
}

fn each_hand(depth: u32, n: u64, f: impl FnMut(u64)) {
    let count = Count { i: 0, n };
    match depth {
        8 => nest!(level; count; x x x x x x x x).for_each(f),
        32 => nest!(level; count;
            x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x)
        .for_each(f),
        _ => unreachable!("depths 8 and 32"),
    }
}

fn each_std(depth: u32, n: u64, f: impl FnMut(u64)) {
    match depth {
        8 => nest!(mapped; (0..n); x x x x x x x x).for_each(f),
        32 => nest!(mapped; (0..n);
            x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x)
        .for_each(f),
        _ => unreachable!("depths 8 and 32"),
    }
}

type Each = fn(u32, u64, &mut dyn FnMut(u64));

const IMPLS: &[(&str, Each)] = &[
    ("hand-written", |d, n, f| each_hand(d, n, f)),
    ("std", |d, n, f| each_std(d, n, f)),
    ("ours", |d, n, f| each_ours(d, n, f)),
];

fn benches(c: &mut Criterion) {
    let expected: Vec<u64> = (0..N).collect();
    for depth in [8, 32] {
        for (name, each) in IMPLS {
            let mut got = Vec::new();
            each(depth, N, &mut |x| got.push(x));
            assert_eq!(got, expected, "{name}, depth {depth}");
        }
        let mut group = c.benchmark_group(format!("chain d{depth}"));
        group.throughput(Throughput::Elements(N));
        common::slow_group(&mut group);
        // Called directly, so that each consumer is inlined as a user's
        // `for` loop would be (the table above is only for the checks).
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
        bench!("ours", each_ours);
        group.finish();
    }
}

criterion_group!(chain, benches);
criterion_main!(chain);
