//! send: the accumulator. Each value sent in is added to a running total,
//! which is yielded back; the driver primes the generator, sends
//! `0..SENDS` and keeps the last total.
//!
//! Not here: std (an `Iterator` takes no input) and async-stream (a
//! `Stream`'s `poll_next` takes no value; it would need a side channel).
//!
//! Run: `cargo bench --bench send`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gen_runtime::GeneratorState;
use genawaiter::stack::{Co, let_gen_using};
use next_gen::mk_gen;

#[path = "common/mod.rs"]
mod common;
use common::Sizes;

const SENDS: i64 = 10_000;

// ---- hand-written (baseline) ------------------------------------------------

/// `send` adds to a total and returns it; a negative value ends it.
struct AccumulatorHand {
    total: i64,
    done: bool,
}

impl AccumulatorHand {
    #[inline]
    fn send(&mut self, v: i64) -> GeneratorState<i64, i64> {
        assert!(!self.done, "resumed after completion");
        if v < 0 {
            self.done = true;
            return GeneratorState::Complete(self.total);
        }
        self.total += v;
        GeneratorState::Yielded(self.total)
    }
}

fn drive_hand(sends: i64) -> i64 {
    // Priming is a no-op for the hand-written machine: its first "yield"
    // is the initial total.
    let mut acc = AccumulatorHand {
        total: 0,
        done: false,
    };
    let mut last = 0;
    for v in 0..sends {
        if let GeneratorState::Yielded(t) = acc.send(black_box(v)) {
            last = t;
        }
    }
    last
}

// ---- ours --------------------------------------------------------------------

#[gen_runtime::generator(yield = i64, send = i64)]
fn accumulator_ours() -> i64 {
    let mut total = 0;
    loop {
        let v = r#yield!(total);
        if v < 0 {
            return total;
        }
        total += v;
    }
}

fn drive_ours(sends: i64) -> i64 {
    let (_, mut acc) = accumulator_ours().start();
    let mut last = 0;
    for v in 0..sends {
        if let GeneratorState::Yielded(t) = acc.send(black_box(v)) {
            last = t;
        }
    }
    last
}

// ---- diapause ----------------------------------------------------------------

#[diapause::coroutine(yield = i64, resume = i64)]
fn accumulator_diapause() -> i64 {
    let mut total: i64 = 0;
    loop {
        let v = yield_!(total);
        if v < 0 {
            return total;
        }
        total += v;
    }
}

fn drive_diapause(sends: i64) -> i64 {
    use diapause::{Coroutine, CoroutineState};
    let mut acc = accumulator_diapause();
    let _ = acc.start();
    let mut last = 0;
    for v in 0..sends {
        if let CoroutineState::Yielded(t) = acc.resume(black_box(v)) {
            last = t;
        }
    }
    last
}

// ---- genawaiter (stack) ----------------------------------------------------------

async fn accumulator_genawaiter(co: Co<'_, i64, i64>) -> i64 {
    let mut total = 0;
    loop {
        let v = co.yield_(total).await;
        if v < 0 {
            return total;
        }
        total += v;
    }
}

fn drive_genawaiter(sends: i64) -> i64 {
    use genawaiter::GeneratorState;
    let_gen_using!(acc, accumulator_genawaiter);
    // genawaiter drops the first resume argument (nothing awaits it yet).
    let _ = acc.resume_with(0);
    let mut last = 0;
    for v in 0..sends {
        if let GeneratorState::Yielded(t) = acc.resume_with(black_box(v)) {
            last = t;
        }
    }
    last
}

// ---- next-gen ----------------------------------------------------------------------

#[next_gen::generator(yield(i64), resume(i64))]
fn accumulator_next_gen() -> i64 {
    let mut total = 0;
    loop {
        let v = yield_!(total);
        if v < 0 {
            return total;
        }
        total += v;
    }
}

fn drive_next_gen(sends: i64) -> i64 {
    use next_gen::prelude::GeneratorState;
    mk_gen!(let mut acc = accumulator_next_gen());
    // next-gen ignores the first resume argument (nothing awaits it yet).
    let _ = acc.as_mut().resume(0);
    let mut last = 0;
    for v in 0..sends {
        if let GeneratorState::Yielded(t) = acc.as_mut().resume(black_box(v)) {
            last = t;
        }
    }
    last
}

// ---- checks, timing, sizes -----------------------------------------------------

type Drive = fn(i64) -> i64;

/// `(name, driver)`, in table order.
const IMPLS: &[(&str, Drive)] = &[
    ("hand-written", drive_hand),
    ("ours", drive_ours),
    ("diapause", drive_diapause),
    ("genawaiter", drive_genawaiter),
    ("next-gen", drive_next_gen),
];

fn benches(c: &mut Criterion) {
    let expected = (0..SENDS).sum::<i64>();
    for (name, drive) in IMPLS {
        assert_eq!(drive(SENDS), expected, "{name}");
    }

    let mut group = c.benchmark_group("send");
    group.throughput(Throughput::Elements(SENDS as u64));
    macro_rules! bench {
        ($name:literal, $drive:ident) => {
            group.bench_function($name, |b| b.iter(|| $drive(black_box(SENDS))));
        };
    }
    bench!("hand-written", drive_hand);
    bench!("ours", drive_ours);
    bench!("diapause", drive_diapause);
    bench!("genawaiter", drive_genawaiter);
    bench!("next-gen", drive_next_gen);
    group.finish();
}

/// Prints the footprint of a fresh accumulator of each kind (see `size.rs`).
#[allow(dead_code)] // called by size.rs, which includes this file
pub(crate) fn sizes(allocated: fn() -> u64) {
    const W: &str = "send";
    let s = &mut Sizes {
        allocated,
        rows: Vec::new(),
    };
    let run = |drive: Drive| {
        move || {
            black_box(drive(SENDS));
        }
    };
    let fresh = s.fresh(|| AccumulatorHand {
        total: 0,
        done: false,
    });
    s.record(W, "hand-written", fresh, run(drive_hand));
    s.record(W, "ours", s.fresh(accumulator_ours), run(drive_ours));
    let fresh = s.fresh(accumulator_diapause);
    s.record(W, "diapause", fresh, run(drive_diapause));
    let fresh = {
        let before = s.allocated();
        let_gen_using!(g, accumulator_genawaiter);
        (common::genawaiter_size(g), s.allocated() - before)
    };
    s.record(W, "genawaiter", fresh, run(drive_genawaiter));
    let fresh = {
        let before = s.allocated();
        mk_gen!(let g = accumulator_next_gen());
        (std::mem::size_of_val(&*g), s.allocated() - before)
    };
    s.record(W, "next-gen", fresh, run(drive_next_gen));
    s.print();
}

criterion_group!(send_benches, benches);
criterion_main!(send_benches);
