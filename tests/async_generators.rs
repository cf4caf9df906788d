//! Async generators (SPEC §7): `#[generator] async fn` as a `Stream`, the
//! async protocol (`start`, `send`, `throw`, `close`), `yield_from!` of
//! async generators, streams, sync generators and iterables, borrows across
//! `.await`, drops, panics, `Send`, and `try_stream`/`try_iter`.
#![deny(warnings)]

use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use futures::StreamExt;
use futures::stream::FusedStream;
use gen_runtime::{GeneratorState, Phase, generator};
use gen_workspace::drops::DropLog;

/// Counts how often the body ran past its first line.
static ENTERED: AtomicUsize = AtomicUsize::new(0);

#[generator(yield = u32)]
async fn ticks(n: u32) -> u32 {
    ENTERED.fetch_add(1, Ordering::SeqCst);
    for i in 0..n {
        // A real suspension between yields: the executor runs others.
        tokio::task::yield_now().await;
        r#yield!(i);
    }
    n * 10
}

#[tokio::test]
async fn a_stream_of_its_yields_with_the_return_value_kept() {
    let before = ENTERED.load(Ordering::SeqCst);
    let mut g = pin!(ticks(3));
    assert_eq!(
        ENTERED.load(Ordering::SeqCst),
        before,
        "calling runs nothing"
    );
    assert_eq!(g.state(), Phase::Created);
    assert!(!g.is_terminated());
    let mut items = Vec::new();
    while let Some(x) = g.next().await {
        assert_eq!(g.state(), Phase::Suspended);
        items.push(x);
    }
    assert_eq!(items, [0, 1, 2]);
    assert!(g.is_finished() && g.is_terminated());
    assert_eq!(g.as_mut().take_return(), Some(30));
    assert_eq!(g.as_mut().take_return(), None);
    assert_eq!(g.next().await, None, "fused: stays ended");
}

#[test]
fn runs_on_any_executor() {
    let items: Vec<u32> = futures::executor::block_on(ticks(4).collect());
    assert_eq!(items, [0, 1, 2, 3]);
}

#[generator(yield = i64, send = i64)]
async fn running_total() -> i64 {
    let mut total = 0;
    loop {
        let value = r#yield!(total);
        if value == 0 {
            break total;
        }
        total += value;
    }
}

#[tokio::test]
async fn start_then_send() {
    let g = pin!(running_total());
    let (first, mut g) = g.start().await;
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.send(5).await, GeneratorState::Yielded(5));
    assert_eq!(g.send(7).await, GeneratorState::Yielded(12));
    assert_eq!(g.send(0).await, GeneratorState::Complete(12));
    assert!(g.is_finished());
    assert_eq!(g.state(), Phase::Complete);
}

#[derive(Debug, PartialEq)]
struct Reset;

#[generator(yield = u32, send = (), throw = Reset)]
async fn resettable(log: DropLog) -> &'static str {
    let _guard = log.guard("body");
    let mut n = 0;
    loop {
        match r#yield!(n) {
            Ok(()) => n += 1,
            Err(Reset) if n < 100 => n = 100,
            Err(Reset) => return "reset twice",
        }
    }
}

#[tokio::test]
async fn throw_into_the_yield() {
    let log = DropLog::new();
    let g = pin!(resettable(log.clone()));
    let (_, mut g) = g.start().await;
    assert_eq!(g.send(()).await, GeneratorState::Yielded(1));
    assert_eq!(g.throw(Reset).await, GeneratorState::Yielded(100));
    assert_eq!(g.send(()).await, GeneratorState::Yielded(101));
    assert_eq!(
        g.throw(Reset).await,
        GeneratorState::Complete("reset twice")
    );
    assert_eq!(log.dropped(), ["body"]);
}

#[generator(yield = usize)]
async fn lengths<'a>(words: &'a [&'a str]) {
    for word in words {
        // A borrow of a local across an `.await` between two yields.
        let text = word.to_uppercase();
        let view = &text;
        tokio::task::yield_now().await;
        r#yield!(view.len());
    }
}

#[tokio::test]
async fn borrows_across_await_and_borrowed_arguments() {
    let words = ["a", "bcd", "ef"];
    let lens: Vec<usize> = lengths(&words).collect().await;
    assert_eq!(lens, [1, 3, 2]);
}

#[generator(yield = u32)]
async fn guarded(log: DropLog) -> u32 {
    let _first = log.guard("first");
    r#yield!(1);
    let _second = log.guard("second");
    tokio::task::yield_now().await;
    r#yield!(2);
    r#yield!(3);
    0
}

#[tokio::test]
async fn close_drops_what_is_held_once_in_reverse_order() {
    let log = DropLog::new();
    let g = pin!(guarded(log.clone()));
    let (_, mut g) = g.start().await;
    assert_eq!(g.send(()).await, GeneratorState::Yielded(2));
    assert!(log.dropped().is_empty());
    g.close();
    assert_eq!(log.dropped(), ["second", "first"]);
    assert_eq!(g.state(), Phase::Closed);
    g.close();
    assert_eq!(log.dropped().len(), 2, "a second close drops nothing");
}

#[tokio::test]
async fn dropping_an_unstarted_generator_drops_its_arguments() {
    let log = DropLog::new();
    let g = guarded(log.clone());
    drop(g);
    assert!(log.dropped().is_empty(), "the log itself was the argument");
    {
        let mut g = pin!(guarded(log.clone()));
        assert_eq!(g.next().await, Some(1));
    }
    assert_eq!(log.dropped(), ["first"], "dropped with the suspended body");
}

#[tokio::test]
#[should_panic(expected = "generator resumed after completion")]
async fn send_after_completion_panics() {
    let g = pin!(running_total());
    let (_, mut g) = g.start().await;
    assert_eq!(g.send(0).await, GeneratorState::Complete(0));
    let _ = g.send(1).await;
}

#[tokio::test]
#[should_panic(expected = "generator resumed after close")]
async fn send_after_close_panics() {
    let g = pin!(running_total());
    let (_, mut g) = g.start().await;
    g.close();
    let _ = g.send(1).await;
}

#[generator(yield = u32)]
async fn panics_at_second(log: DropLog) {
    let _held = log.guard("held");
    r#yield!(1);
    panic!("boom");
}

#[test]
fn a_panic_finishes_the_generator_and_drops_its_values_once() {
    let log = DropLog::new();
    let mut g = Box::pin(panics_at_second(log.clone()));
    futures::executor::block_on(async {
        assert_eq!(g.next().await, Some(1));
    });
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        futures::executor::block_on(g.next())
    }));
    assert!(result.is_err());
    assert_eq!(log.dropped(), ["held"]);
    assert!(g.is_finished());
    assert_eq!(futures::executor::block_on(g.next()), None);
    drop(g);
    assert_eq!(log.dropped(), ["held"], "dropped once");
}

#[generator(yield = i64, send = i64)]
async fn inner_total(limit: i64) -> i64 {
    let mut total = 0;
    while total < limit {
        total += r#yield!(total);
    }
    total
}

#[generator(yield = i64, send = i64)]
async fn outer_total() -> (i64, i64) {
    let first = yield_from!(inner_total(10));
    let second = yield_from!(inner_total(first));
    (first, second)
}

#[tokio::test]
async fn yield_from_an_async_generator_passes_sends_in_and_returns_its_value() {
    let g = pin!(outer_total());
    let (st, mut g) = g.start().await;
    assert_eq!(st, GeneratorState::Yielded(0));
    assert_eq!(g.send(6).await, GeneratorState::Yielded(6));
    // The first delegate completes with 12; the second starts.
    assert_eq!(g.send(6).await, GeneratorState::Yielded(0));
    assert_eq!(g.send(20).await, GeneratorState::Complete((12, 20)));
}

#[generator(yield = u32)]
fn sync_squares(n: u32) -> u32 {
    for i in 1..=n {
        r#yield!(i * i);
    }
    n
}

#[generator(yield = u32)]
async fn mixed() -> u32 {
    yield_from!(futures::stream::iter([7, 8]));
    let n = yield_from!(sync_squares(3));
    yield_from!(vec![100, 200]);
    yield_from!(ticks(2));
    n
}

#[tokio::test]
async fn yield_from_streams_sync_generators_and_iterables() {
    let mut g = pin!(mixed());
    let mut items = Vec::new();
    while let Some(x) = g.next().await {
        items.push(x);
    }
    assert_eq!(items, [7, 8, 1, 4, 9, 100, 200, 0, 1]);
    assert_eq!(g.as_mut().take_return(), Some(3));
}

#[generator(yield = u32)]
async fn holds_a_delegate(log: DropLog) {
    let _outer = log.guard("outer");
    yield_from!(guarded(log.clone()));
}

#[tokio::test]
async fn closing_the_outer_generator_closes_the_delegate() {
    let log = DropLog::new();
    let mut g = pin!(holds_a_delegate(log.clone()));
    assert_eq!(g.next().await, Some(1));
    assert_eq!(g.next().await, Some(2));
    g.as_mut().close();
    assert_eq!(log.dropped(), ["second", "first", "outer"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_send_generator_runs_in_a_spawned_task() {
    fn assert_send<T: Send>(_: &T) {}
    let shared = Arc::new(AtomicUsize::new(0));
    let g = ticks(5);
    assert_send(&g);
    let task = tokio::spawn({
        let shared = shared.clone();
        async move {
            let mut g = pin!(g);
            while let Some(x) = g.next().await {
                shared.fetch_add(x as usize, Ordering::SeqCst);
            }
            g.as_mut().take_return()
        }
    });
    assert_eq!(task.await.unwrap(), Some(50));
    assert_eq!(shared.load(Ordering::SeqCst), 10);
}

#[derive(Debug, PartialEq)]
struct ParseError(String);

#[generator(yield = u32)]
async fn parse_all(words: Vec<&'static str>) -> Result<(), ParseError> {
    for word in words {
        let n = word.parse().map_err(|_| ParseError(word.to_owned()))?;
        r#yield!(n);
    }
    Ok(())
}

#[tokio::test]
async fn try_stream_ends_with_the_bodys_error() {
    let items: Vec<_> = parse_all(vec!["1", "2", "x", "4"])
        .try_stream()
        .collect()
        .await;
    assert_eq!(items, [Ok(1), Ok(2), Err(ParseError("x".into()))]);
    let items: Vec<_> = parse_all(vec!["5"]).try_stream().collect().await;
    assert_eq!(items, [Ok(5)]);
}

#[generator(yield = u32)]
fn parse_all_sync(words: Vec<&'static str>) -> Result<(), ParseError> {
    for word in words {
        let n = word.parse().map_err(|_| ParseError(word.to_owned()))?;
        r#yield!(n);
    }
    Ok(())
}

#[test]
fn try_iter_ends_with_the_bodys_error() {
    let items: Vec<_> = parse_all_sync(vec!["3", "y", "5"]).try_iter().collect();
    assert_eq!(items, [Ok(3), Err(ParseError("y".into()))]);
    let items: Result<Vec<u32>, _> = parse_all_sync(vec!["3", "4"]).try_iter().collect();
    assert_eq!(items, Ok(vec![3, 4]));
}

struct Feed {
    items: Vec<u32>,
    label: String,
}

impl Feed {
    #[generator(yield = String)]
    async fn labelled(self) {
        for x in self.items {
            tokio::task::yield_now().await;
            r#yield!(format!("{}#{x}", self.label));
        }
    }
}

#[tokio::test]
async fn a_method_taking_self_by_value() {
    let feed = Feed {
        items: vec![1, 2],
        label: "f".into(),
    };
    let out: Vec<String> = feed.labelled().collect().await;
    assert_eq!(out, ["f#1", "f#2"]);
}

/// A future that is pending until its flag is set, waking nobody: the
/// generator is left suspended inside its own `.await`.
struct Gate(Arc<std::sync::atomic::AtomicBool>);

impl std::future::Future for Gate {
    type Output = ();
    fn poll(self: std::pin::Pin<&mut Self>, _: &mut std::task::Context<'_>) -> std::task::Poll<()> {
        if self.0.load(Ordering::SeqCst) {
            std::task::Poll::Ready(())
        } else {
            std::task::Poll::Pending
        }
    }
}

#[generator(yield = u32)]
async fn waits_at_gate(log: DropLog, gate: Arc<std::sync::atomic::AtomicBool>) -> u32 {
    let _before = log.guard("before");
    r#yield!(1);
    let _waiting = log.guard("waiting");
    Gate(gate).await;
    r#yield!(2);
    3
}

fn poll_once<F: std::future::Future + Unpin>(future: &mut F) -> std::task::Poll<F::Output> {
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    std::pin::Pin::new(future).poll(&mut cx)
}

#[test]
fn dropped_while_pending_inside_an_await() {
    let log = DropLog::new();
    let gate = Arc::new(std::sync::atomic::AtomicBool::new(false));
    {
        let mut g = pin!(waits_at_gate(log.clone(), gate.clone()));
        assert_eq!(futures::executor::block_on(g.next()), Some(1));
        assert!(poll_once(&mut g.next()).is_pending());
        assert_eq!(g.state(), Phase::Suspended);
    }
    assert_eq!(log.dropped(), ["waiting", "before"]);
}

#[test]
fn a_pending_resume_goes_on_when_woken_and_polled_again() {
    let log = DropLog::new();
    let gate = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut g = pin!(waits_at_gate(log.clone(), gate.clone()));
    assert_eq!(futures::executor::block_on(g.next()), Some(1));
    assert!(poll_once(&mut g.next()).is_pending());
    assert!(
        poll_once(&mut g.next()).is_pending(),
        "still waiting, not resumed twice"
    );
    gate.store(true, Ordering::SeqCst);
    assert_eq!(poll_once(&mut g.next()), std::task::Poll::Ready(Some(2)));
    assert_eq!(poll_once(&mut g.next()), std::task::Poll::Ready(None));
    assert_eq!(g.as_mut().take_return(), Some(3));
    assert_eq!(log.dropped(), ["waiting", "before"]);
}

#[generator(yield = u32)]
async fn delegates_to_gate(log: DropLog, gate: Arc<std::sync::atomic::AtomicBool>) -> u32 {
    let _outer = log.guard("outer");
    yield_from!(waits_at_gate(log.clone(), gate))
}

#[test]
fn closed_while_its_delegate_is_pending() {
    let log = DropLog::new();
    let gate = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut g = pin!(delegates_to_gate(log.clone(), gate.clone()));
    assert_eq!(futures::executor::block_on(g.next()), Some(1));
    assert!(poll_once(&mut g.next()).is_pending());
    g.as_mut().close();
    assert_eq!(log.dropped(), ["waiting", "before", "outer"]);
    assert_eq!(g.state(), Phase::Closed);
    assert_eq!(futures::executor::block_on(g.next()), None);
}

#[test]
#[should_panic(expected = "still pending")]
fn a_second_send_while_the_first_is_pending_panics() {
    let gate = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let g = pin!(gated_total(gate));
    futures::executor::block_on(async {
        let (_, mut g) = g.start().await;
        // The first send waits at the gate; its future is dropped.
        assert!(poll_once(&mut g.send(1)).is_pending());
        let _ = poll_once(&mut g.send(2));
    });
}

#[generator(yield = i64, send = i64)]
async fn gated_total(gate: Arc<std::sync::atomic::AtomicBool>) -> i64 {
    let mut total = r#yield!(0);
    Gate(gate).await;
    total += r#yield!(total);
    total
}

async fn fetch_page(page: u32) -> Vec<String> {
    tokio::task::yield_now().await;
    (0..3).map(|i| format!("row {page}.{i}")).collect()
}

// The README's example.
#[generator(yield = String)]
async fn stream_rows(pages: u32) -> u32 {
    let mut rows = 0;
    for page in 0..pages {
        let batch = fetch_page(page).await;
        for row in &batch {
            rows += 1;
            r#yield!(row.clone());
        }
    }
    rows
}

#[tokio::test]
async fn the_readme_example_borrows_across_a_yield() {
    let mut rows = pin!(stream_rows(3));
    let mut seen = Vec::new();
    while let Some(row) = rows.next().await {
        seen.push(row);
    }
    assert_eq!(seen.len(), 9);
    assert_eq!(seen[4], "row 1.1");
    assert_eq!(rows.as_mut().take_return(), Some(9));
}

#[generator(yield = u32, throw = Reset)]
async fn delegates_resettable(log: DropLog) -> Result<&'static str, Reset> {
    let inner = yield_from!(resettable(log.clone()))?;
    Ok(inner)
}

#[tokio::test]
async fn a_throw_reaches_the_async_delegate() {
    let log = DropLog::new();
    let g = pin!(delegates_resettable(log.clone()));
    let (first, mut g) = g.start().await;
    assert_eq!(first, GeneratorState::Yielded(0));
    // The delegate catches the first throw and goes on…
    assert_eq!(g.throw(Reset).await, GeneratorState::Yielded(100));
    // …and returns on the second; its value is `yield_from!`'s.
    assert_eq!(
        g.throw(Reset).await,
        GeneratorState::Complete(Ok("reset twice"))
    );
    assert_eq!(log.dropped(), ["body"]);
}

#[generator(yield = u32, send = u32)]
async fn async_up_to(n: u32) -> u32 {
    for i in 0..n {
        tokio::task::yield_now().await;
        r#yield!(i);
    }
    n * 10
}

#[generator(yield = u32, send = u32)]
async fn async_sized_by_caller() -> u32 {
    let first = yield_from!(async_up_to(r#yield!(100)));
    first + 1
}

#[tokio::test]
async fn a_yield_in_the_operand_of_yield_from_runs_first() {
    let mut g = pin!(async_sized_by_caller());
    let (state, mut started) = g.as_mut().start().await;
    assert_eq!(state, GeneratorState::Yielded(100));
    assert_eq!(started.send(2).await, GeneratorState::Yielded(0));
    assert_eq!(started.send(0).await, GeneratorState::Yielded(1));
    assert_eq!(started.send(0).await, GeneratorState::Complete(21));
}

// A generator that takes nothing in (`send = ()`, no `throw`): its yields
// evaluate to `()` without reading the resume back (`Co::yield_unit`).
// Two yields of one expression still take turns, a yield's `()` is a
// value like any other, and `send(())` drives it as the stream does.
#[generator(yield = u32, send = ())]
async fn unit_yields(log: DropLog) -> u32 {
    let g = log.guard("g");
    let ((), ()) = (r#yield!(1), r#yield!(2));
    let unit: () = r#yield!(3);
    let () = unit;
    tokio::task::yield_now().await;
    r#yield!(g.name().len() as u32);
    7
}

#[tokio::test]
async fn a_generator_that_takes_nothing_in_yields_unit_values() {
    let log = DropLog::new();
    let items: Vec<u32> = unit_yields(log.clone()).collect().await;
    assert_eq!(items, [1, 2, 3, 1]);
    assert_eq!(log.dropped(), ["g"]);

    let g = pin!(unit_yields(log.clone()));
    let (first, mut g) = g.start().await;
    assert_eq!(first, GeneratorState::Yielded(1));
    for expected in [2, 3, 1] {
        assert_eq!(g.send(()).await, GeneratorState::Yielded(expected));
    }
    assert_eq!(g.send(()).await, GeneratorState::Complete(7));
    assert_eq!(log.dropped(), ["g", "g"]);
}
