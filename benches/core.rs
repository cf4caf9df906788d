//! Per-item cost of the core lowering against hand-written state machines:
//! `count` (the overhead of one resume), `send` (the accumulator driven by
//! `send`) and `large_state` (a 256-byte buffer
//! and a dozen locals held across every yield: resume must not copy them).
//! Each workload's implementations sit side by side; results are checked
//! for equality before timing.
//!
//! Run: `cargo bench --bench core`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gen_runtime::{GeneratorState, generator};

// ---- count -----------------------------------------------------------------

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

#[generator(yield = u64)]
fn count(n: u64) {
    for i in 0..n {
        r#yield!(i);
    }
}

// ---- large_state -------------------------------------------------------------

const ROUNDS: usize = 10_000;

struct LargeIter {
    buf: [u8; 256],
    round: usize,
    a: u64,
    b: u64,
    c: u64,
    d: u64,
}

impl Iterator for LargeIter {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        if self.round >= ROUNDS {
            return None;
        }
        let i = self.round;
        self.buf[i % 256] = self.buf[(i * 7) % 256].wrapping_add(i as u8);
        self.a = self
            .a
            .wrapping_mul(31)
            .wrapping_add(u64::from(self.buf[i % 256]));
        self.b ^= self.a.rotate_left(5);
        self.c = self.c.wrapping_add(self.b);
        self.d = self.d.wrapping_add(self.c >> 3);
        self.round += 1;
        Some(self.a ^ self.d)
    }
}

#[generator(yield = u64)]
fn large_state() {
    let mut buf = [0u8; 256];
    let mut a: u64 = 1;
    let mut b: u64 = 2;
    let mut c: u64 = 3;
    let mut d: u64 = 4;
    let mut round = 0;
    while round < ROUNDS {
        let i = round;
        buf[i % 256] = buf[(i * 7) % 256].wrapping_add(i as u8);
        a = a.wrapping_mul(31).wrapping_add(u64::from(buf[i % 256]));
        b ^= a.rotate_left(5);
        c = c.wrapping_add(b);
        d = d.wrapping_add(c >> 3);
        round += 1;
        r#yield!(a ^ d);
    }
}

fn large_hand() -> LargeIter {
    LargeIter {
        buf: [0; 256],
        round: 0,
        a: 1,
        b: 2,
        c: 3,
        d: 4,
    }
}

// ---- send (accumulator) -----------------------------------------------------

/// The accumulator as a hand-written state machine: `send` adds to a total
/// and returns it; a negative value ends it.
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

#[generator(yield = i64, send = i64)]
fn accumulator() -> i64 {
    let mut total = 0;
    loop {
        let v = r#yield!(total);
        if v < 0 {
            return total;
        }
        total += v;
    }
}

const SENDS: i64 = 10_000;

fn drive_hand() -> i64 {
    let mut acc = AccumulatorHand {
        total: 0,
        done: false,
    };
    let mut last = 0;
    for v in 0..SENDS {
        if let GeneratorState::Yielded(t) = acc.send(black_box(v)) {
            last = t;
        }
    }
    last
}

fn drive_generator() -> i64 {
    let (_, mut acc) = accumulator().start();
    let mut last = 0;
    for v in 0..SENDS {
        if let GeneratorState::Yielded(t) = acc.send(black_box(v)) {
            last = t;
        }
    }
    last
}

fn benches(c: &mut Criterion) {
    const N: u64 = 10_000;
    assert!(count(N).eq(CountIter { i: 0, n: N }));
    assert!(large_state().eq(large_hand()));

    let mut group = c.benchmark_group("count");
    group.throughput(criterion::Throughput::Elements(N));
    group.bench_function("hand-written", |b| {
        b.iter(|| {
            CountIter {
                i: 0,
                n: black_box(N),
            }
            .for_each(|x| {
                black_box(x);
            })
        })
    });
    group.bench_function("std range", |b| {
        b.iter(|| {
            (0..black_box(N)).for_each(|x| {
                black_box(x);
            })
        })
    });
    group.bench_function("generator", |b| {
        b.iter(|| {
            count(black_box(N)).for_each(|x| {
                black_box(x);
            })
        })
    });
    group.finish();

    assert_eq!(drive_hand(), drive_generator());
    let mut group = c.benchmark_group("send");
    group.throughput(criterion::Throughput::Elements(SENDS as u64));
    group.bench_function("hand-written", |b| b.iter(drive_hand));
    group.bench_function("generator", |b| b.iter(drive_generator));
    group.finish();

    let mut group = c.benchmark_group("large_state");
    group.throughput(criterion::Throughput::Elements(ROUNDS as u64));
    group.bench_function("hand-written", |b| {
        b.iter(|| black_box(large_hand()).fold(0u64, |s, x| s.wrapping_add(x)))
    });
    group.bench_function("generator", |b| {
        b.iter(|| black_box(large_state()).fold(0u64, |s, x| s.wrapping_add(x)))
    });
    group.finish();
}

criterion_group!(core_benches, benches);
criterion_main!(core_benches);
