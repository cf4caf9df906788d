//! Async generators as streams, per item:
//!
//! - `async count`: yield `0..n`;
//! - `async pipeline`: `source(n) → keep multiples of 3 → square → sum`,
//!   three stages, each pulling from the one before;
//!
//! each driven two ways: polled with the no-op waker on the caller's stack
//! (`noop`), and as a task of a tokio current-thread runtime (`tokio`).
//! Implementations: a hand-written `Stream` (a `poll_next` state machine
//! per stage), `futures::stream` (`iter` and its adaptors; `unfold`),
//! ours (`#[generator] async fn`), async-stream (`stream!`), genawaiter's
//! async form (`stack::Gen::async_resume`, count only: it is not a
//! `Stream`). Results are checked for equality before timing.
//!
//! Run: `cargo bench --bench async_streams` (or `bash benches/report.sh`)

use std::future::Future;
use std::hint::black_box;
use std::pin::{Pin, pin};
use std::task::{Context, Poll, Waker};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use futures::{Stream, StreamExt};

const N: u64 = 10_000;

/// Polls `future` to completion with the no-op waker (none of the
/// workloads waits on anything but its own yields).
fn block_on_noop<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut cx) {
            return value;
        }
    }
}

/// Sums a stream's items with `StreamExt::next` (what `async for` is).
async fn sum_stream(stream: impl Stream<Item = u64>) -> u64 {
    let mut stream = pin!(stream);
    let mut sum = 0u64;
    while let Some(x) = stream.next().await {
        sum = sum.wrapping_add(black_box(x));
    }
    sum
}

// ---- count ------------------------------------------------------------------

struct CountStream {
    i: u64,
    n: u64,
}

impl Stream for CountStream {
    type Item = u64;
    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<Option<u64>> {
        if self.i < self.n {
            let i = self.i;
            self.i += 1;
            Poll::Ready(Some(i))
        } else {
            Poll::Ready(None)
        }
    }
}

#[gen_runtime::generator(yield = u64)]
async fn count_ours(n: u64) {
    for i in 0..n {
        r#yield!(i);
    }
}

fn count_async_stream(n: u64) -> impl Stream<Item = u64> {
    async_stream::stream! {
        for i in 0..n {
            yield i;
        }
    }
}

fn count_unfold(n: u64) -> impl Stream<Item = u64> {
    futures::stream::unfold(0u64, move |i| async move { (i < n).then_some((i, i + 1)) })
}

async fn count_genawaiter_body(co: genawaiter::stack::Co<'_, u64>, n: u64) {
    for i in 0..n {
        co.yield_(i).await;
    }
}

async fn sum_genawaiter(n: u64) -> u64 {
    genawaiter::stack::let_gen_using!(g, |co| count_genawaiter_body(co, n));
    let mut sum = 0u64;
    while let genawaiter::GeneratorState::Yielded(x) = g.async_resume().await {
        sum = sum.wrapping_add(black_box(x));
    }
    sum
}

// ---- pipeline -----------------------------------------------------------------

struct KeepMultiplesOf3<S>(S);

impl<S: Stream<Item = u64> + Unpin> Stream for KeepMultiplesOf3<S> {
    type Item = u64;
    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u64>> {
        loop {
            match Pin::new(&mut self.0).poll_next(cx) {
                Poll::Ready(Some(x)) if x % 3 != 0 => continue,
                other => return other,
            }
        }
    }
}

struct Square<S>(S);

impl<S: Stream<Item = u64> + Unpin> Stream for Square<S> {
    type Item = u64;
    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u64>> {
        Pin::new(&mut self.0)
            .poll_next(cx)
            .map(|x| x.map(|x| x.wrapping_mul(x)))
    }
}

fn pipeline_hand(n: u64) -> impl Stream<Item = u64> {
    Square(KeepMultiplesOf3(CountStream { i: 0, n }))
}

fn pipeline_futures(n: u64) -> impl Stream<Item = u64> {
    futures::stream::iter(0..n)
        .filter(|x| std::future::ready(x % 3 == 0))
        .map(|x| x.wrapping_mul(x))
}

#[gen_runtime::generator(yield = u64)]
async fn keep_multiples_of_3(input: impl Stream<Item = u64>) {
    let mut input = pin!(input);
    while let Some(x) = input.next().await {
        if x % 3 == 0 {
            r#yield!(x);
        }
    }
}

#[gen_runtime::generator(yield = u64)]
async fn square(input: impl Stream<Item = u64>) {
    let mut input = pin!(input);
    while let Some(x) = input.next().await {
        r#yield!(x.wrapping_mul(x));
    }
}

fn pipeline_ours(n: u64) -> impl Stream<Item = u64> {
    square(keep_multiples_of_3(count_ours(n)))
}

fn pipeline_async_stream(n: u64) -> impl Stream<Item = u64> {
    let keep = async_stream::stream! {
        let mut input = pin!(count_async_stream(n));
        while let Some(x) = input.next().await {
            if x % 3 == 0 {
                yield x;
            }
        }
    };
    async_stream::stream! {
        let mut input = pin!(keep);
        while let Some(x) = input.next().await {
            yield x.wrapping_mul(x);
        }
    }
}

// ---- timing ---------------------------------------------------------------------

type Sum = fn(u64) -> Pin<Box<dyn Future<Output = u64>>>;

/// `(function id, the summing future)`; the box is made once per run, not
/// per item.
fn count_impls() -> Vec<(&'static str, Sum)> {
    vec![
        ("hand-written", |n| {
            Box::pin(sum_stream(CountStream { i: 0, n }))
        }),
        ("futures iter", |n| {
            Box::pin(sum_stream(futures::stream::iter(0..n)))
        }),
        ("futures unfold", |n| Box::pin(sum_stream(count_unfold(n)))),
        ("ours", |n| Box::pin(sum_stream(count_ours(n)))),
        ("async-stream", |n| {
            Box::pin(sum_stream(count_async_stream(n)))
        }),
        ("genawaiter", |n| Box::pin(sum_genawaiter(n))),
    ]
}

fn pipeline_impls() -> Vec<(&'static str, Sum)> {
    vec![
        ("hand-written", |n| Box::pin(sum_stream(pipeline_hand(n)))),
        ("futures iter", |n| {
            Box::pin(sum_stream(pipeline_futures(n)))
        }),
        ("ours", |n| Box::pin(sum_stream(pipeline_ours(n)))),
        ("async-stream", |n| {
            Box::pin(sum_stream(pipeline_async_stream(n)))
        }),
    ]
}

fn benches(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a tokio runtime");
    for (workload, impls) in [
        ("async count", count_impls()),
        ("async pipeline", pipeline_impls()),
    ] {
        let want = block_on_noop(impls[0].1(N));
        for (name, sum) in &impls {
            assert_eq!(block_on_noop(sum(N)), want, "{workload}: {name} (noop)");
            assert_eq!(runtime.block_on(sum(N)), want, "{workload}: {name} (tokio)");
        }
        for driver in ["noop", "tokio"] {
            let mut group = c.benchmark_group(format!("{workload} ({driver})"));
            group.throughput(Throughput::Elements(N));
            for (name, sum) in &impls {
                group.bench_function(*name, |b| {
                    b.iter(|| {
                        let future = sum(black_box(N));
                        if driver == "noop" {
                            black_box(block_on_noop(future))
                        } else {
                            black_box(runtime.block_on(future))
                        }
                    })
                });
            }
            group.finish();
        }
    }
}

criterion_group!(async_benches, benches);
criterion_main!(async_benches);
