//! pipeline: four stages over ~10 MB of log lines generated in memory at
//! start (deterministically): `lines` splits the text, `parse` turns each
//! line into a record (skipping malformed ones), `filter` keeps errors and
//! slow requests, `aggregate` sums them per service and yields one summary
//! per service at the end. Each stage is its own generator (or iterator),
//! pulling from the one before; the time is per input line.
//!
//! The per-line work (`split_line`, `parse`, `keep`, `add`) is shared, so
//! the implementations differ only in how the stages suspend and resume.
//! It carries no inlining hints: the bench measures the code a user writes
//! (issue 13). An earlier version marked it `#[inline(always)]` after a
//! `perf` profile showed `parse` out of line in our chain only (1.11–1.16×);
//! without the hints ours measured 0.90–1.13× of the hand-written chain
//! over four runs (`cargo bench --bench pipeline`, this noisy machine).
//!
//! Run: `cargo bench --bench pipeline`

use std::fmt::Write as _;
use std::hint::black_box;
use std::mem::size_of_val;
use std::pin::{Pin, pin};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use futures_core::Stream;
use genawaiter::stack::{Co, let_gen_using};
use next_gen::mk_gen;

#[path = "common/mod.rs"]
mod common;
use common::{Sizes, StreamIter};

const TEXT_BYTES: usize = 10 << 20;
const SERVICES: usize = 16;

// ---- the input and the per-line work ---------------------------------------------

/// About `bytes` of log lines such as
/// `1700000042 svc-07 ERROR 731ms request id=… path=/api/v1/items/42`,
/// one in a thousand malformed; the same text on every run.
fn make_log(bytes: usize) -> (String, u64) {
    let mut text = String::with_capacity(bytes + 128);
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut ts: u64 = 1_700_000_000;
    let mut lines = 0;
    while text.len() < bytes {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        ts += x % 3;
        lines += 1;
        if lines % 1000 == 0 {
            text.push_str("-- truncated --\n");
            continue;
        }
        let level = match x >> 60 {
            0 => "ERROR",
            1..=3 => "WARN",
            4..=5 => "DEBUG",
            _ => "INFO",
        };
        let service = (x >> 8) % SERVICES as u64;
        let latency = (x >> 20) % 1000;
        let item = (x >> 32) % 10_000;
        writeln!(
            text,
            "{ts} svc-{service:02} {level} {latency}ms request id={x:016x} path=/api/v1/items/{item}"
        )
        .expect("writing to a String");
    }
    (text, lines)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    service: u8,
    error: bool,
    latency_ms: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    service: u8,
    count: u64,
    total_latency_ms: u64,
}

/// The line starting at `start` and where the next one starts.
fn split_line(text: &str, start: usize) -> Option<(&str, usize)> {
    let len = text[start..].find('\n')?;
    Some((&text[start..start + len], start + len + 1))
}

fn parse(line: &str) -> Option<Record> {
    let mut fields = line.split(' ');
    let _timestamp: u64 = fields.next()?.parse().ok()?;
    let service = fields.next()?.strip_prefix("svc-")?.parse().ok()?;
    let error = match fields.next()? {
        "ERROR" => true,
        "WARN" | "INFO" | "DEBUG" => false,
        _ => return None,
    };
    let latency_ms = fields.next()?.strip_suffix("ms")?.parse().ok()?;
    Some(Record {
        service,
        error,
        latency_ms,
    })
}

fn keep(record: &Record) -> bool {
    record.error || record.latency_ms >= 900
}

pub type Totals = [(u64, u64); SERVICES];

fn add(totals: &mut Totals, record: Record) {
    let slot = &mut totals[usize::from(record.service)];
    slot.0 += 1;
    slot.1 += u64::from(record.latency_ms);
}

/// The summary of `service`, if it had any record.
fn summary(totals: &Totals, service: usize) -> Option<Summary> {
    let (count, total_latency_ms) = totals[service];
    (count > 0).then_some(Summary {
        service: service as u8,
        count,
        total_latency_ms,
    })
}

// ---- hand-written (baseline): one Iterator struct per stage ----------------------------

struct Lines<'a> {
    text: &'a str,
    start: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;
    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let (line, next) = split_line(self.text, self.start)?;
        self.start = next;
        Some(line)
    }
}

struct Parse<I>(I);

impl<'a, I: Iterator<Item = &'a str>> Iterator for Parse<I> {
    type Item = Record;
    #[inline]
    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(record) = parse(self.0.next()?) {
                return Some(record);
            }
        }
    }
}

struct Filter<I>(I);

impl<I: Iterator<Item = Record>> Iterator for Filter<I> {
    type Item = Record;
    #[inline]
    fn next(&mut self) -> Option<Record> {
        loop {
            let record = self.0.next()?;
            if keep(&record) {
                return Some(record);
            }
        }
    }
}

// Inline, as the generators hold them: boxing would allocate per run.
#[allow(clippy::large_enum_variant)]
enum Aggregate<I> {
    Reading(I),
    Emitting(Totals, usize),
}

impl<I: Iterator<Item = Record>> Iterator for Aggregate<I> {
    type Item = Summary;
    #[inline]
    fn next(&mut self) -> Option<Summary> {
        if let Aggregate::Reading(records) = self {
            let mut totals = [(0, 0); SERVICES];
            for record in records {
                add(&mut totals, record);
            }
            *self = Aggregate::Emitting(totals, 0);
        }
        let Aggregate::Emitting(totals, service) = self else {
            unreachable!()
        };
        while *service < SERVICES {
            *service += 1;
            if let Some(s) = summary(totals, *service - 1) {
                return Some(s);
            }
        }
        None
    }
}

fn each_hand(text: &str, f: impl FnMut(Summary)) {
    Aggregate::Reading(Filter(Parse(Lines { text, start: 0 }))).for_each(f)
}

// ---- std adaptors ----------------------------------------------------------------

fn each_std(text: &str, f: impl FnMut(Summary)) {
    let totals = text
        .split_terminator('\n')
        .filter_map(parse)
        .filter(keep)
        .fold([(0, 0); SERVICES], |mut totals, record| {
            add(&mut totals, record);
            totals
        });
    (0..SERVICES)
        .filter_map(|s| summary(&totals, s))
        .for_each(f)
}

// ---- ours --------------------------------------------------------------------

#[gen_runtime::generator(yield = &'a str)]
fn lines_ours<'a>(text: &'a str) {
    let mut start = 0;
    while let Some((line, next)) = split_line(text, start) {
        start = next;
        r#yield!(line);
    }
}

#[gen_runtime::generator(yield = Record)]
fn parse_ours<'a>(lines: impl Iterator<Item = &'a str>) {
    for line in lines {
        if let Some(record) = parse(line) {
            r#yield!(record);
        }
    }
}

#[gen_runtime::generator(yield = Record)]
fn filter_ours(records: impl Iterator<Item = Record>) {
    for record in records {
        if keep(&record) {
            r#yield!(record);
        }
    }
}

#[gen_runtime::generator(yield = Summary)]
fn aggregate_ours(records: impl Iterator<Item = Record>) {
    let mut totals = [(0, 0); SERVICES];
    for record in records {
        add(&mut totals, record);
    }
    for service in 0..SERVICES {
        if let Some(s) = summary(&totals, service) {
            r#yield!(s);
        }
    }
}

fn each_ours(text: &str, f: impl FnMut(Summary)) {
    aggregate_ours(filter_ours(parse_ours(lines_ours(text)))).for_each(f)
}

// ---- diapause (stages chained through `diapause::Iter`) ------------------------------

#[diapause::coroutine(yield = &'a str)]
fn lines_diapause<'a>(text: &'a str) {
    let mut start: usize = 0;
    while let Some((line, next)) = split_line(text, start) {
        start = next;
        yield_!(line);
    }
}

#[diapause::coroutine(yield = Record)]
fn parse_diapause<'a, I: Iterator<Item = &'a str>>(lines: I) {
    for line in lines {
        if let Some(record) = parse(line) {
            yield_!(record);
        }
    }
}

#[diapause::coroutine(yield = Record)]
fn filter_diapause<I: Iterator<Item = Record>>(records: I) {
    for record in records {
        if keep(&record) {
            yield_!(record);
        }
    }
}

#[diapause::coroutine(yield = Summary)]
fn aggregate_diapause<I: Iterator<Item = Record>>(records: I) {
    let mut totals: Totals = [(0, 0); SERVICES];
    for record in records {
        add(&mut totals, record);
    }
    for service in 0usize..SERVICES {
        if let Some(s) = summary(&totals, service) {
            yield_!(s);
        }
    }
}

fn each_diapause(text: &str, f: impl FnMut(Summary)) {
    use diapause::Iter;
    let lines = Iter::new(lines_diapause(text));
    let records = Iter::new(filter_diapause(Iter::new(parse_diapause(lines))));
    common::diapause_each(aggregate_diapause(records), f)
}

// ---- genawaiter (stack): one `Gen` per stage, each iterating the one before ----------

async fn lines_genawaiter<'a>(co: Co<'_, &'a str>, text: &'a str) {
    let mut start = 0;
    while let Some((line, next)) = split_line(text, start) {
        start = next;
        co.yield_(line).await;
    }
}

async fn parse_genawaiter<'a>(co: Co<'_, Record>, lines: impl Iterator<Item = &'a str>) {
    for line in lines {
        if let Some(record) = parse(line) {
            co.yield_(record).await;
        }
    }
}

async fn filter_genawaiter(co: Co<'_, Record>, records: impl Iterator<Item = Record>) {
    for record in records {
        if keep(&record) {
            co.yield_(record).await;
        }
    }
}

async fn aggregate_genawaiter(co: Co<'_, Summary>, records: impl Iterator<Item = Record>) {
    let mut totals = [(0, 0); SERVICES];
    for record in records {
        add(&mut totals, record);
    }
    for service in 0..SERVICES {
        if let Some(s) = summary(&totals, service) {
            co.yield_(s).await;
        }
    }
}

fn each_genawaiter(text: &str, f: impl FnMut(Summary)) {
    let_gen_using!(lines, |co| lines_genawaiter(co, text));
    let_gen_using!(parsed, |co| parse_genawaiter(co, lines.into_iter()));
    let_gen_using!(kept, |co| filter_genawaiter(co, parsed.into_iter()));
    let_gen_using!(summaries, |co| aggregate_genawaiter(co, kept.into_iter()));
    summaries.into_iter().for_each(f)
}

// ---- next-gen: one stack-pinned generator per stage ------------------------------------

#[next_gen::generator(yield(&'a str))]
fn lines_next_gen<'a>(text: &'a str) {
    let mut start = 0;
    while let Some((line, next)) = split_line(text, start) {
        start = next;
        yield_!(line);
    }
}

#[next_gen::generator(yield(Record))]
fn parse_next_gen<'a, I: Iterator<Item = &'a str>>(lines: I) {
    for line in lines {
        if let Some(record) = parse(line) {
            yield_!(record);
        }
    }
}

#[next_gen::generator(yield(Record))]
fn filter_next_gen<I: Iterator<Item = Record>>(records: I) {
    for record in records {
        if keep(&record) {
            yield_!(record);
        }
    }
}

#[next_gen::generator(yield(Summary))]
fn aggregate_next_gen<I: Iterator<Item = Record>>(records: I) {
    let mut totals = [(0, 0); SERVICES];
    for record in records {
        add(&mut totals, record);
    }
    for service in 0..SERVICES {
        if let Some(s) = summary(&totals, service) {
            yield_!(s);
        }
    }
}

fn each_next_gen(text: &str, f: impl FnMut(Summary)) {
    mk_gen!(let lines = lines_next_gen(text));
    mk_gen!(let parsed = parse_next_gen(lines));
    mk_gen!(let kept = filter_next_gen(parsed));
    mk_gen!(let summaries = aggregate_next_gen(kept));
    summaries.for_each(f)
}

// ---- async-stream: one stack-pinned stream per stage -----------------------------------

fn lines_async_stream(text: &str) -> impl Stream<Item = &str> {
    async_stream::stream! {
        let mut start = 0;
        while let Some((line, next)) = split_line(text, start) {
            start = next;
            yield line;
        }
    }
}

fn parse_async_stream<'a>(
    lines: impl Stream<Item = &'a str> + Unpin,
) -> impl Stream<Item = Record> {
    async_stream::stream! {
        for await line in lines {
            if let Some(record) = parse(line) {
                yield record;
            }
        }
    }
}

fn filter_async_stream(records: impl Stream<Item = Record> + Unpin) -> impl Stream<Item = Record> {
    async_stream::stream! {
        for await record in records {
            if keep(&record) {
                yield record;
            }
        }
    }
}

fn aggregate_async_stream(
    records: impl Stream<Item = Record> + Unpin,
) -> impl Stream<Item = Summary> {
    async_stream::stream! {
        let mut totals = [(0, 0); SERVICES];
        for await record in records {
            add(&mut totals, record);
        }
        for service in 0..SERVICES {
            if let Some(s) = summary(&totals, service) {
                yield s;
            }
        }
    }
}

fn each_async_stream(text: &str, f: impl FnMut(Summary)) {
    let lines: Pin<&mut _> = pin!(lines_async_stream(text));
    let parsed = pin!(parse_async_stream(lines));
    let kept = pin!(filter_async_stream(parsed));
    let summaries = pin!(aggregate_async_stream(kept));
    StreamIter(summaries).for_each(f)
}

// ---- checks, timing, sizes -----------------------------------------------------

type Each = fn(&str, &mut dyn FnMut(Summary));

/// `(name, implementation)`, in table order.
const IMPLS: &[(&str, Each)] = &[
    ("hand-written", |t, f| each_hand(t, f)),
    ("std", |t, f| each_std(t, f)),
    ("ours", |t, f| each_ours(t, f)),
    ("diapause", |t, f| each_diapause(t, f)),
    ("genawaiter", |t, f| each_genawaiter(t, f)),
    ("next-gen", |t, f| each_next_gen(t, f)),
    ("async-stream", |t, f| each_async_stream(t, f)),
];

fn benches(c: &mut Criterion) {
    let (text, lines) = make_log(TEXT_BYTES);
    let mut expected = Vec::new();
    each_hand(&text, |s| expected.push(s));
    assert_eq!(expected.len(), SERVICES);
    for (name, each) in IMPLS {
        let mut got = Vec::new();
        each(&text, &mut |s| got.push(s));
        assert_eq!(got, expected, "{name}");
    }

    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Elements(lines));
    common::slow_group(&mut group);
    macro_rules! bench {
        ($name:literal, $each:ident) => {
            group.bench_function($name, |b| {
                b.iter(|| {
                    $each(black_box(&text), |s| {
                        black_box(s);
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

/// Prints the footprint of the four stages of each kind, freshly chained
/// (see `size.rs`): the sum of the stages' sizes where each stage is pinned
/// on its own and borrows the one before (genawaiter, next-gen,
/// async-stream), the outermost stage's where stages nest by value.
#[allow(dead_code)] // called by size.rs, which includes this file
pub(crate) fn sizes(allocated: fn() -> u64) {
    const W: &str = "pipeline";
    let s = &mut Sizes {
        allocated,
        rows: Vec::new(),
    };
    let (text, _) = make_log(TEXT_BYTES);
    let text = text.as_str();
    let run = |each: Each| {
        move || {
            each(text, &mut |s| {
                black_box(s);
            })
        }
    };
    let fresh = s.fresh(|| Aggregate::Reading(Filter(Parse(Lines { text, start: 0 }))));
    s.record(W, "hand-written", fresh, run(IMPLS[0].1));
    let fresh = s.fresh(|| aggregate_ours(filter_ours(parse_ours(lines_ours(text)))));
    s.record(W, "ours", fresh, run(IMPLS[2].1));
    let fresh = s.fresh(|| {
        use diapause::Iter;
        let lines = Iter::new(lines_diapause(text));
        let records = Iter::new(filter_diapause(Iter::new(parse_diapause(lines))));
        aggregate_diapause(records)
    });
    s.record(W, "diapause", fresh, run(IMPLS[3].1));
    let fresh = {
        let before = s.allocated();
        let_gen_using!(lines, |co| lines_genawaiter(co, text));
        let size = common::genawaiter_size(lines);
        let_gen_using!(parsed, |co| parse_genawaiter(co, lines.into_iter()));
        let size = size + common::genawaiter_size(parsed);
        let_gen_using!(kept, |co| filter_genawaiter(co, parsed.into_iter()));
        let size = size + common::genawaiter_size(kept);
        let_gen_using!(summaries, |co| aggregate_genawaiter(co, kept.into_iter()));
        let size = size + common::genawaiter_size(summaries);
        (size, s.allocated() - before)
    };
    s.record(W, "genawaiter", fresh, run(IMPLS[4].1));
    let fresh = {
        let before = s.allocated();
        mk_gen!(let lines = lines_next_gen(text));
        let size = size_of_val(&*lines);
        mk_gen!(let parsed = parse_next_gen(lines));
        let size = size + size_of_val(&*parsed);
        mk_gen!(let kept = filter_next_gen(parsed));
        let size = size + size_of_val(&*kept);
        mk_gen!(let summaries = aggregate_next_gen(kept));
        let size = size + size_of_val(&*summaries);
        (size, s.allocated() - before)
    };
    s.record(W, "next-gen", fresh, run(IMPLS[5].1));
    let fresh = {
        let before = s.allocated();
        let lines: Pin<&mut _> = pin!(lines_async_stream(text));
        let size = size_of_val(&*lines);
        let parsed = pin!(parse_async_stream(lines));
        let size = size + size_of_val(&*parsed);
        let kept = pin!(filter_async_stream(parsed));
        let size = size + size_of_val(&*kept);
        let summaries = pin!(aggregate_async_stream(kept));
        let size = size + size_of_val(&*summaries);
        (size, s.allocated() - before)
    };
    s.record(W, "async-stream", fresh, run(IMPLS[6].1));
    s.print();
}

criterion_group!(pipeline_benches, benches);
criterion_main!(pipeline_benches);
