//! large_state: a 256-byte buffer and a dozen locals (the buffer, ten
//! `u64`s and the loop's counter) live across every yield. A lowering that
//! moves the whole state out of the generator and back on each resume pays
//! for the state's size on every item; the target is the hand-written loop.
//! The generators are written as a `for` loop over `0..rounds` with one
//! annotated `let` per local, the shape every macro here handles best
//! (diapause resumes in place only from a `for` loop; ours also from
//! `while`/`loop`, and after tuple-pattern `let`s).
//!
//! Every implementation is an `each_*` function feeding each item to a
//! callback; results are checked for equality before timing.
//!
//! Run: `cargo bench --bench large_state`

use std::hint::black_box;
use std::pin::pin;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use genawaiter::stack::{Co, let_gen_using};
use next_gen::mk_gen;

#[path = "common/mod.rs"]
mod common;
use common::{Sizes, StreamIter};

const ROUNDS: usize = 10_000;

// ---- hand-written (baseline) ------------------------------------------------

struct LargeIter {
    buf: [u8; 256],
    round: usize,
    rounds: usize,
    a: u64,
    b: u64,
    c: u64,
    d: u64,
    e: u64,
    f: u64,
    g: u64,
    h: u64,
    j: u64,
    k: u64,
}

impl Iterator for LargeIter {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        if self.round >= self.rounds {
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
        self.e ^= self.d.rotate_left(7);
        self.f = self.f.wrapping_add(self.e ^ self.a);
        self.g = self.g.wrapping_mul(3).wrapping_add(self.f);
        self.h ^= self.g >> 5;
        self.j = self.j.wrapping_add(self.h);
        self.k = self.k.rotate_left(1) ^ self.j;
        self.round += 1;
        Some(self.a ^ self.k)
    }
}

fn large_hand(rounds: usize) -> LargeIter {
    LargeIter {
        buf: [0; 256],
        round: 0,
        rounds,
        a: 1,
        b: 2,
        c: 3,
        d: 4,
        e: 5,
        f: 6,
        g: 7,
        h: 8,
        j: 9,
        k: 10,
    }
}

fn each_hand(rounds: usize, f: impl FnMut(u64)) {
    large_hand(rounds).for_each(f)
}

// ---- std: `iter::from_fn` over captured locals -------------------------------------

fn large_std(rounds: usize) -> impl Iterator<Item = u64> {
    let mut buf: [u8; 256] = [0; 256];
    let mut a: u64 = 1;
    let mut b: u64 = 2;
    let mut c: u64 = 3;
    let mut d: u64 = 4;
    let mut e: u64 = 5;
    let mut f: u64 = 6;
    let mut g: u64 = 7;
    let mut h: u64 = 8;
    let mut j: u64 = 9;
    let mut k: u64 = 10;
    let mut round = 0;
    std::iter::from_fn(move || {
        if round >= rounds {
            return None;
        }
        let i = round;
        buf[i % 256] = buf[(i * 7) % 256].wrapping_add(i as u8);
        a = a.wrapping_mul(31).wrapping_add(u64::from(buf[i % 256]));
        b ^= a.rotate_left(5);
        c = c.wrapping_add(b);
        d = d.wrapping_add(c >> 3);
        e ^= d.rotate_left(7);
        f = f.wrapping_add(e ^ a);
        g = g.wrapping_mul(3).wrapping_add(f);
        h ^= g >> 5;
        j = j.wrapping_add(h);
        k = k.rotate_left(1) ^ j;
        round += 1;
        Some(a ^ k)
    })
}

fn each_std(rounds: usize, f: impl FnMut(u64)) {
    large_std(rounds).for_each(f)
}

// ---- ours --------------------------------------------------------------------

/// The same generator as a user would write it without thinking of the
/// macro: locals from function calls, no types written (issue 13's shape).
#[gen_runtime::generator(yield = u64)]
fn large_ours_natural(rounds: usize) {
    let mut buf = start_buffer();
    let mut a = seed(1);
    let mut b = seed(2);
    let mut c = seed(3);
    let mut d = seed(4);
    let mut e = seed(5);
    let mut f = seed(6);
    let mut g = seed(7);
    let mut h = seed(8);
    let mut j = seed(9);
    let mut k = seed(10);
    for i in 0..rounds {
        buf[i % 256] = buf[(i * 7) % 256].wrapping_add(i as u8);
        a = a.wrapping_mul(31).wrapping_add(u64::from(buf[i % 256]));
        b ^= a.rotate_left(5);
        c = c.wrapping_add(b);
        d = d.wrapping_add(c >> 3);
        e ^= d.rotate_left(7);
        f = f.wrapping_add(e ^ a);
        g = g.wrapping_mul(3).wrapping_add(f);
        h ^= g >> 5;
        j = j.wrapping_add(h);
        k = k.rotate_left(1) ^ j;
        r#yield!(a ^ k);
    }
}

fn start_buffer() -> [u8; 256] {
    [0; 256]
}

fn seed(x: u64) -> u64 {
    x
}

fn each_ours_natural(rounds: usize, f: impl FnMut(u64)) {
    large_ours_natural(rounds).for_each(f)
}

#[gen_runtime::generator(yield = u64)]
fn large_ours(rounds: usize) {
    let mut buf: [u8; 256] = [0; 256];
    let mut a: u64 = 1;
    let mut b: u64 = 2;
    let mut c: u64 = 3;
    let mut d: u64 = 4;
    let mut e: u64 = 5;
    let mut f: u64 = 6;
    let mut g: u64 = 7;
    let mut h: u64 = 8;
    let mut j: u64 = 9;
    let mut k: u64 = 10;
    for i in 0..rounds {
        buf[i % 256] = buf[(i * 7) % 256].wrapping_add(i as u8);
        a = a.wrapping_mul(31).wrapping_add(u64::from(buf[i % 256]));
        b ^= a.rotate_left(5);
        c = c.wrapping_add(b);
        d = d.wrapping_add(c >> 3);
        e ^= d.rotate_left(7);
        f = f.wrapping_add(e ^ a);
        g = g.wrapping_mul(3).wrapping_add(f);
        h ^= g >> 5;
        j = j.wrapping_add(h);
        k = k.rotate_left(1) ^ j;
        r#yield!(a ^ k);
    }
}

fn each_ours(rounds: usize, f: impl FnMut(u64)) {
    large_ours(rounds).for_each(f)
}

// ---- diapause (every saved local needs a syntactic type) ----------------------------

#[diapause::coroutine(yield = u64)]
fn large_diapause(rounds: usize) {
    let mut buf: [u8; 256] = [0; 256];
    let mut a: u64 = 1;
    let mut b: u64 = 2;
    let mut c: u64 = 3;
    let mut d: u64 = 4;
    let mut e: u64 = 5;
    let mut f: u64 = 6;
    let mut g: u64 = 7;
    let mut h: u64 = 8;
    let mut j: u64 = 9;
    let mut k: u64 = 10;
    for i in 0..rounds {
        buf[i % 256] = buf[(i * 7) % 256].wrapping_add(i as u8);
        a = a.wrapping_mul(31).wrapping_add(u64::from(buf[i % 256]));
        b ^= a.rotate_left(5);
        c = c.wrapping_add(b);
        d = d.wrapping_add(c >> 3);
        e ^= d.rotate_left(7);
        f = f.wrapping_add(e ^ a);
        g = g.wrapping_mul(3).wrapping_add(f);
        h ^= g >> 5;
        j = j.wrapping_add(h);
        k = k.rotate_left(1) ^ j;
        yield_!(a ^ k);
    }
}

fn each_diapause(rounds: usize, f: impl FnMut(u64)) {
    common::diapause_each(large_diapause(rounds), f)
}

// ---- genawaiter (stack) ----------------------------------------------------------

async fn large_genawaiter(co: Co<'_, u64>, rounds: usize) {
    let mut buf: [u8; 256] = [0; 256];
    let mut a: u64 = 1;
    let mut b: u64 = 2;
    let mut c: u64 = 3;
    let mut d: u64 = 4;
    let mut e: u64 = 5;
    let mut f: u64 = 6;
    let mut g: u64 = 7;
    let mut h: u64 = 8;
    let mut j: u64 = 9;
    let mut k: u64 = 10;
    for i in 0..rounds {
        buf[i % 256] = buf[(i * 7) % 256].wrapping_add(i as u8);
        a = a.wrapping_mul(31).wrapping_add(u64::from(buf[i % 256]));
        b ^= a.rotate_left(5);
        c = c.wrapping_add(b);
        d = d.wrapping_add(c >> 3);
        e ^= d.rotate_left(7);
        f = f.wrapping_add(e ^ a);
        g = g.wrapping_mul(3).wrapping_add(f);
        h ^= g >> 5;
        j = j.wrapping_add(h);
        k = k.rotate_left(1) ^ j;
        co.yield_(a ^ k).await;
    }
}

fn each_genawaiter(rounds: usize, f: impl FnMut(u64)) {
    let_gen_using!(it, |co| large_genawaiter(co, rounds));
    it.into_iter().for_each(f)
}

// ---- next-gen ----------------------------------------------------------------------

#[next_gen::generator(yield(u64))]
fn large_next_gen(rounds: usize) {
    let mut buf: [u8; 256] = [0; 256];
    let mut a: u64 = 1;
    let mut b: u64 = 2;
    let mut c: u64 = 3;
    let mut d: u64 = 4;
    let mut e: u64 = 5;
    let mut f: u64 = 6;
    let mut g: u64 = 7;
    let mut h: u64 = 8;
    let mut j: u64 = 9;
    let mut k: u64 = 10;
    for i in 0..rounds {
        buf[i % 256] = buf[(i * 7) % 256].wrapping_add(i as u8);
        a = a.wrapping_mul(31).wrapping_add(u64::from(buf[i % 256]));
        b ^= a.rotate_left(5);
        c = c.wrapping_add(b);
        d = d.wrapping_add(c >> 3);
        e ^= d.rotate_left(7);
        f = f.wrapping_add(e ^ a);
        g = g.wrapping_mul(3).wrapping_add(f);
        h ^= g >> 5;
        j = j.wrapping_add(h);
        k = k.rotate_left(1) ^ j;
        yield_!(a ^ k);
    }
}

fn each_next_gen(rounds: usize, f: impl FnMut(u64)) {
    mk_gen!(let it = large_next_gen(rounds));
    it.for_each(f)
}

// ---- async-stream ------------------------------------------------------------------

fn large_async_stream(rounds: usize) -> impl futures_core::Stream<Item = u64> {
    async_stream::stream! {
        let mut buf: [u8; 256] = [0; 256];
        let mut a: u64 = 1;
        let mut b: u64 = 2;
        let mut c: u64 = 3;
        let mut d: u64 = 4;
        let mut e: u64 = 5;
        let mut f: u64 = 6;
        let mut g: u64 = 7;
        let mut h: u64 = 8;
        let mut j: u64 = 9;
        let mut k: u64 = 10;
        for i in 0..rounds {
            buf[i % 256] = buf[(i * 7) % 256].wrapping_add(i as u8);
            a = a.wrapping_mul(31).wrapping_add(u64::from(buf[i % 256]));
            b ^= a.rotate_left(5);
            c = c.wrapping_add(b);
            d = d.wrapping_add(c >> 3);
            e ^= d.rotate_left(7);
            f = f.wrapping_add(e ^ a);
            g = g.wrapping_mul(3).wrapping_add(f);
            h ^= g >> 5;
            j = j.wrapping_add(h);
            k = k.rotate_left(1) ^ j;
            yield a ^ k;
        }
    }
}

fn each_async_stream(rounds: usize, f: impl FnMut(u64)) {
    StreamIter(pin!(large_async_stream(rounds))).for_each(f)
}

// ---- checks, timing, sizes -----------------------------------------------------

type Each = fn(usize, &mut dyn FnMut(u64));

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
    let expected: Vec<u64> = large_hand(ROUNDS).collect();
    for (name, each) in IMPLS {
        let mut got = Vec::new();
        each(ROUNDS, &mut |x| got.push(x));
        assert_eq!(got, expected, "{name}");
    }

    let mut group = c.benchmark_group("large_state");
    group.throughput(Throughput::Elements(ROUNDS as u64));
    macro_rules! bench {
        ($name:literal, $each:ident) => {
            group.bench_function($name, |b| {
                b.iter(|| {
                    let mut sum = 0u64;
                    $each(black_box(ROUNDS), |x| sum = sum.wrapping_add(x));
                    sum
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

    // The natural form, against the same baseline (table row
    // `large_state natural`).
    let mut got = Vec::new();
    each_ours_natural(ROUNDS, |x| got.push(x));
    assert_eq!(got, expected, "ours (natural)");
    let mut natural = c.benchmark_group("large_state natural");
    natural.throughput(Throughput::Elements(ROUNDS as u64));
    natural.bench_function("hand-written", |b| {
        b.iter(|| {
            let mut sum = 0u64;
            each_hand(black_box(ROUNDS), |x| sum = sum.wrapping_add(x));
            sum
        })
    });
    natural.bench_function("ours", |b| {
        b.iter(|| {
            let mut sum = 0u64;
            each_ours_natural(black_box(ROUNDS), |x| sum = sum.wrapping_add(x));
            sum
        })
    });
    natural.finish();
}

/// Prints the footprint of a fresh `large_state` of each kind (see `size.rs`).
#[allow(dead_code)] // called by size.rs, which includes this file
pub(crate) fn sizes(allocated: fn() -> u64) {
    const W: &str = "large_state";
    let s = &mut Sizes {
        allocated,
        rows: Vec::new(),
    };
    let run = |each: Each| {
        move || {
            each(ROUNDS, &mut |x| {
                black_box(x);
            })
        }
    };
    s.record(
        W,
        "hand-written",
        s.fresh(|| large_hand(ROUNDS)),
        run(IMPLS[0].1),
    );
    s.record(W, "std", s.fresh(|| large_std(ROUNDS)), run(IMPLS[1].1));
    s.record(W, "ours", s.fresh(|| large_ours(ROUNDS)), run(IMPLS[2].1));
    let fresh = s.fresh(|| large_diapause(ROUNDS));
    s.record(W, "diapause", fresh, run(IMPLS[3].1));
    let fresh = {
        let before = s.allocated();
        let_gen_using!(it, |co| large_genawaiter(co, ROUNDS));
        (common::genawaiter_size(it), s.allocated() - before)
    };
    s.record(W, "genawaiter", fresh, run(IMPLS[4].1));
    let fresh = {
        let before = s.allocated();
        mk_gen!(let it = large_next_gen(ROUNDS));
        (std::mem::size_of_val(&*it), s.allocated() - before)
    };
    s.record(W, "next-gen", fresh, run(IMPLS[5].1));
    let fresh = s.fresh(|| large_async_stream(ROUNDS));
    s.record(W, "async-stream", fresh, run(IMPLS[6].1));
    s.print();
}

criterion_group!(large_state_benches, benches);
criterion_main!(large_state_benches);
