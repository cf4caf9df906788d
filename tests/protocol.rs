//! Run-pass tests of the driving protocol (SPEC §3): laziness, start/send,
//! take_return, close, finished generators, panics, phases, size, auto traits.

use std::cell::Cell;
use std::marker::PhantomData;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use gen_runtime::{GeneratorState, Phase, generator};
use gen_workspace::drops::{DropLog, Guard};

#[generator(yield = u64)]
fn count(n: u64) {
    for i in 0..n {
        r#yield!(i);
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

// -------------------------------------------------------------- laziness

#[generator(yield = u32)]
fn counted(runs: &Cell<u32>, resumes: &Cell<u32>) -> &'static str {
    runs.set(runs.get() + 1);
    let mut i = 0;
    loop {
        resumes.set(resumes.get() + 1);
        r#yield!(i);
        i += 1;
    }
}

#[test]
fn body_does_not_run_before_first_resume() {
    let (runs, resumes) = (Cell::new(0), Cell::new(0));
    let g = counted(&runs, &resumes);
    assert_eq!((runs.get(), resumes.get()), (0, 0));
    assert_eq!(g.state(), Phase::Created);
    drop(g);
    assert_eq!(
        runs.get(),
        0,
        "dropping a fresh generator must not run the body"
    );

    let mut g = counted(&runs, &resumes);
    assert_eq!(g.next(), Some(0));
    assert_eq!((runs.get(), resumes.get()), (1, 1));
}

#[test]
fn take_on_an_infinite_generator_pulls_exactly_k_values() {
    let (runs, resumes) = (Cell::new(0), Cell::new(0));
    let got: Vec<u32> = counted(&runs, &resumes).take(5).collect();
    assert_eq!(got, [0, 1, 2, 3, 4]);
    assert_eq!(runs.get(), 1);
    assert_eq!(
        resumes.get(),
        5,
        "take(5) must resume the body exactly 5 times"
    );

    let (runs, resumes) = (Cell::new(0), Cell::new(0));
    assert_eq!(counted(&runs, &resumes).take(0).count(), 0);
    assert_eq!((runs.get(), resumes.get()), (0, 0));
}

#[generator(yield = u32)]
fn side_effects(log: &Cell<u32>) {
    log.set(log.get() * 10 + 1);
    r#yield!(1);
    log.set(log.get() * 10 + 2);
    r#yield!(2);
    log.set(log.get() * 10 + 3);
}

#[test]
fn each_resume_runs_exactly_to_the_next_yield() {
    let log = Cell::new(0);
    let mut g = side_effects(&log);
    assert_eq!(log.get(), 0);
    assert_eq!(g.next(), Some(1));
    assert_eq!(log.get(), 1);
    assert_eq!(g.next(), Some(2));
    assert_eq!(log.get(), 12);
    assert_eq!(g.next(), None);
    assert_eq!(log.get(), 123);
    assert_eq!(g.next(), None);
    assert_eq!(
        log.get(),
        123,
        "a finished generator must not run its body again"
    );
}

// --------------------------------------------------------- start and send

#[test]
fn accumulator_from_the_spec() {
    let (first, mut acc) = accumulator().start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(acc.state(), Phase::Suspended);
    assert_eq!(acc.send(10), GeneratorState::Yielded(10));
    assert_eq!(acc.send(7), GeneratorState::Yielded(17));
    assert!(!acc.is_finished());
    assert_eq!(acc.send(-1), GeneratorState::Complete(17));
    assert!(acc.is_finished());
    assert_eq!(acc.state(), Phase::Complete);
    // The return value was handed out by `send`; nothing is left to take.
    assert_eq!(acc.take_return(), None);
}

#[generator(yield = u32, send = String)]
fn echo() -> Vec<String> {
    let mut seen = Vec::new();
    loop {
        let s = r#yield!(seen.len() as u32);
        if s.is_empty() {
            return seen;
        }
        seen.push(s);
    }
}

#[test]
fn sent_values_are_the_results_of_the_yields() {
    let (first, mut g) = echo().start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.send("a".into()), GeneratorState::Yielded(1));
    assert_eq!(g.send("b".into()), GeneratorState::Yielded(2));
    assert_eq!(
        g.send(String::new()),
        GeneratorState::Complete(vec!["a".to_owned(), "b".to_owned()])
    );
}

#[generator(yield = u8, send = u8)]
fn completes_at_start() -> u8 {
    7
}

#[test]
fn start_can_complete_immediately() {
    let (first, mut g) = completes_at_start().start();
    assert_eq!(first, GeneratorState::Complete(7));
    assert!(g.is_finished());
    assert_eq!(g.state(), Phase::Complete);
    g.close(); // no-op
    assert_eq!(g.state(), Phase::Complete);
}

#[test]
fn a_started_unit_generator_is_an_iterator_too() {
    let (first, mut g) = count(4).start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.next(), Some(1));
    assert_eq!(g.send(()), GeneratorState::Yielded(2));
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [3]);
    assert_eq!(g.take_return(), Some(()));
    assert_eq!(g.take_return(), None);
}

// ---------------------------------------------------------- take_return

#[generator(yield = u8)]
fn returns_string() -> String {
    r#yield!(1);
    String::from("done")
}

#[test]
fn take_return_hands_out_the_value_once() {
    let mut g = returns_string();
    assert_eq!(g.take_return(), None, "nothing to take before completion");
    assert_eq!(g.next(), Some(1));
    assert_eq!(g.take_return(), None, "nothing to take while suspended");
    assert_eq!(g.next(), None);
    assert_eq!(g.take_return().as_deref(), Some("done"));
    assert_eq!(g.take_return(), None);
    assert_eq!(g.next(), None);
    assert_eq!(g.take_return(), None);
    assert!(g.is_finished());
    assert_eq!(g.state(), Phase::Complete);
}

#[test]
fn the_return_value_is_dropped_with_the_generator_when_not_taken() {
    #[generator(yield = u8)]
    fn returns_guard(log: DropLog) -> Guard {
        r#yield!(0);
        log.guard("ret")
    }
    let log = DropLog::new();
    let mut g = returns_guard(log.clone());
    assert_eq!(g.by_ref().count(), 1);
    assert!(
        log.dropped().is_empty(),
        "the return value is kept until taken"
    );
    drop(g);
    assert_eq!(log.dropped(), ["ret"]);
}

// ------------------------------------------------------------------ close

#[generator(yield = u32)]
fn holds(log: DropLog) -> u32 {
    let _a = log.guard("a");
    r#yield!(1);
    let _b = log.guard("b");
    r#yield!(2);
    3
}

#[test]
fn close_drops_saved_values_and_is_idempotent() {
    let log = DropLog::new();
    let mut g = holds(log.clone());
    assert_eq!(g.next(), Some(1));
    assert_eq!(g.next(), Some(2));
    assert!(log.dropped().is_empty());
    g.close();
    assert_eq!(log.dropped(), ["b", "a"]);
    assert!(g.is_finished());
    assert_eq!(g.state(), Phase::Closed);
    g.close();
    g.close();
    assert_eq!(log.dropped(), ["b", "a"], "close() again must be a no-op");
    assert_eq!(g.next(), None);
    assert_eq!(g.take_return(), None);
    drop(g);
    assert_eq!(
        log.dropped(),
        ["b", "a"],
        "closed values must not be dropped again"
    );
}

#[test]
fn close_on_a_fresh_generator_drops_its_arguments() {
    #[generator(yield = u8)]
    fn takes(_g1: Guard, _g2: Guard) {
        r#yield!(0);
    }
    let log = DropLog::new();
    let mut g = takes(log.guard("g1"), log.guard("g2"));
    assert_eq!(g.state(), Phase::Created);
    g.close();
    assert_eq!(g.state(), Phase::Closed);
    assert_eq!(log.dropped().len(), 2);
    assert_eq!(g.next(), None);
    drop(g);
    assert_eq!(log.dropped().len(), 2);
}

#[test]
fn close_after_completion_is_a_no_op() {
    let log = DropLog::new();
    let mut g = holds(log.clone());
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [1, 2]);
    assert_eq!(log.dropped(), ["b", "a"]);
    g.close();
    assert_eq!(g.state(), Phase::Complete);
    // The return value is still there (close only drops saved locals).
    assert_eq!(g.take_return(), Some(3));
    assert_eq!(log.dropped(), ["b", "a"]);
}

#[test]
fn values_are_dropped_when_the_body_completes_not_when_the_generator_drops() {
    let log = DropLog::new();
    let mut g = holds(log.clone());
    assert_eq!(g.next(), Some(1));
    assert_eq!(g.next(), Some(2));
    assert_eq!(g.next(), None);
    // The generator is still alive, but its locals are gone.
    assert_eq!(log.dropped(), ["b", "a"]);
    drop(g);
    assert_eq!(log.dropped(), ["b", "a"]);
}

#[test]
fn started_generator_close() {
    let log = DropLog::new();
    let (first, mut g) = holds(log.clone()).start();
    assert_eq!(first, GeneratorState::Yielded(1));
    g.close();
    assert_eq!(log.dropped(), ["a"]);
    assert!(g.is_finished());
    assert_eq!(g.state(), Phase::Closed);
}

// ----------------------------------------------- resuming finished generators

#[test]
#[should_panic(expected = "after completion")]
fn send_after_completion_panics() {
    let (_, mut acc) = accumulator().start();
    assert_eq!(acc.send(-1), GeneratorState::Complete(0));
    let _ = acc.send(1);
}

#[test]
#[should_panic(expected = "after close")]
fn send_after_close_panics() {
    let (_, mut acc) = accumulator().start();
    acc.close();
    let _ = acc.send(1);
}

#[test]
#[should_panic(expected = "after close")]
fn start_after_close_panics() {
    let mut g = accumulator();
    g.close();
    let _ = g.start();
}

#[test]
#[should_panic(expected = "after completion")]
fn start_after_completion_by_iteration_panics() {
    let mut g = count(2);
    assert_eq!(g.by_ref().count(), 2);
    let _ = g.start();
}

#[test]
#[should_panic(expected = "after completion")]
fn started_unit_send_after_completion_panics() {
    let (_, mut g) = count(1).start();
    assert_eq!(g.next(), None);
    let _ = g.send(());
}

#[test]
fn iteration_after_completion_or_close_returns_none() {
    let mut g = count(2);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [0, 1]);
    for _ in 0..3 {
        assert_eq!(g.next(), None);
    }
    let mut g = count(5);
    assert_eq!(g.next(), Some(0));
    g.close();
    for _ in 0..3 {
        assert_eq!(g.next(), None);
    }
    // FusedIterator is implemented.
    fn fused<I: std::iter::FusedIterator>(_: &I) {}
    fused(&count(1));
    fused(&count(1).start().1);
}

#[test]
fn size_hint_and_standard_adaptors() {
    let v: Vec<u64> = count(10).filter(|x| x % 3 == 0).map(|x| x * 2).collect();
    assert_eq!(v, [0, 6, 12, 18]);
    assert_eq!(count(100).sum::<u64>(), 4950);
    assert_eq!(count(5).zip(count(3)).count(), 3);
    assert_eq!(count(4).rev_sorted(), [3, 2, 1, 0]);
}

trait RevSorted {
    fn rev_sorted(self) -> Vec<u64>;
}
impl<I: Iterator<Item = u64>> RevSorted for I {
    fn rev_sorted(self) -> Vec<u64> {
        let mut v: Vec<u64> = self.collect();
        v.sort_by(|a, b| b.cmp(a));
        v
    }
}

// ------------------------------------------------------------------ panics

#[generator(yield = u32)]
fn panics_at(log: DropLog, at: u32) -> u32 {
    let _outer = log.guard("outer");
    for i in 0..10 {
        let _inner = log.guard(format!("inner{i}"));
        if i == at {
            panic!("boom at {i}");
        }
        r#yield!(i);
    }
    99
}

fn panics_at_ref(log: DropLog, at: u32, out: &mut Vec<u32>) -> u32 {
    let _outer = log.guard("outer");
    for i in 0..10 {
        let _inner = log.guard(format!("inner{i}"));
        if i == at {
            panic!("boom at {i}");
        }
        out.push(i);
    }
    99
}

#[test]
fn panic_in_the_body_finishes_the_generator_and_drops_values_once() {
    let log = DropLog::new();
    let mut g = panics_at(log.clone(), 2);
    assert_eq!(g.next(), Some(0));
    assert_eq!(g.next(), Some(1));
    assert_eq!(log.dropped(), ["inner0"]);
    let err = catch_unwind(AssertUnwindSafe(|| g.next())).expect_err("the body panics");
    assert_eq!(
        err.downcast_ref::<String>().map(String::as_str),
        Some("boom at 2")
    );
    assert!(g.is_finished());
    assert_eq!(g.state(), Phase::Complete);
    assert_eq!(g.next(), None);
    assert_eq!(g.take_return(), None);
    g.close();
    drop(g);

    let ref_log = DropLog::new();
    let mut out = Vec::new();
    let _ = catch_unwind(AssertUnwindSafe(|| {
        panics_at_ref(ref_log.clone(), 2, &mut out)
    }));
    assert_eq!(out, [0, 1]);
    assert_eq!(log.dropped(), ref_log.dropped());
    assert_eq!(log.dropped(), ["inner0", "inner1", "inner2", "outer"]);
}

#[test]
fn panic_on_the_first_resume() {
    let log = DropLog::new();
    let mut g = panics_at(log.clone(), 0);
    assert!(catch_unwind(AssertUnwindSafe(|| g.next())).is_err());
    assert_eq!(log.dropped(), ["inner0", "outer"]);
    assert!(g.is_finished());
    assert_eq!(g.next(), None);
    drop(g);
    assert_eq!(log.dropped(), ["inner0", "outer"]);
}

#[test]
#[should_panic(expected = "after completion")]
fn send_after_a_panic_panics() {
    #[generator(yield = u8, send = u8)]
    fn explodes() {
        let v = r#yield!(0);
        if v == 1 {
            panic!("explode");
        }
    }
    let (_, mut g) = explodes().start();
    assert!(catch_unwind(AssertUnwindSafe(|| g.send(1))).is_err());
    assert!(g.is_finished());
    let _ = g.send(2);
}

#[test]
fn panic_while_started_via_start() {
    let log = DropLog::new();
    let g = panics_at(log.clone(), 0);
    assert!(
        catch_unwind(AssertUnwindSafe(move || {
            let _ = g.start();
        }))
        .is_err()
    );
    assert_eq!(log.dropped(), ["inner0", "outer"]);
}

// ------------------------------------------------------------------ phases

#[test]
fn state_phases() {
    let mut g = count(2);
    assert_eq!(g.state(), Phase::Created);
    assert!(!g.is_finished());
    assert_eq!(g.next(), Some(0));
    assert_eq!(g.state(), Phase::Suspended);
    assert_eq!(g.next(), Some(1));
    assert_eq!(g.state(), Phase::Suspended);
    assert_eq!(g.next(), None);
    assert_eq!(g.state(), Phase::Complete);
    assert!(g.is_finished());
    let _ = g.take_return();
    assert_eq!(
        g.state(),
        Phase::Complete,
        "taking the return value keeps the phase"
    );

    let mut g = count(2);
    g.close();
    assert_eq!(g.state(), Phase::Closed);

    let mut g = count(2);
    g.next();
    g.close();
    assert_eq!(g.state(), Phase::Closed);

    // An empty body completes on its first resume.
    let mut g = count(0);
    assert_eq!(g.state(), Phase::Created);
    assert_eq!(g.next(), None);
    assert_eq!(g.state(), Phase::Complete);
    assert!(Phase::Closed.is_finished() && Phase::Complete.is_finished());
    assert!(!Phase::Created.is_finished() && !Phase::Suspended.is_finished());
}

#[test]
fn debug_output_is_available() {
    let g = count(1);
    let s = format!("{g:?}");
    assert!(s.contains("created"), "{s}");
    let (_, g) = count(3).start();
    let s = format!("{g:?}");
    assert!(s.contains("suspended at"), "{s}");
}

// -------------------------------------------------------------------- size

#[test]
fn generator_is_no_larger_than_its_saved_state_plus_a_tag() {
    // At its only yield `count` saves the `for` loop's iterator, a
    // `Range<u64>` (16 bytes); `i` is consumed by the yield and `n` by
    // `0..n`, so neither needs to be stored there. The fresh state holds
    // `n` (8 bytes). The largest variant is therefore 16 bytes, plus one
    // tag for the variant (Created/Suspended/Returned/Done/Closed) padded
    // to 8 bytes: the SPEC's "largest set of values stored at any one
    // suspension point plus 8 bytes". The resume code is a closure that
    // captures nothing, so it adds no bytes.
    let g = count(10);
    let size = std::mem::size_of_val(&g);
    assert!(
        size <= std::mem::size_of::<std::ops::Range<u64>>() + 8,
        "count(10) is {size} bytes"
    );
    let (_, started) = count(10).start();
    assert_eq!(std::mem::size_of_val(&started), size);

    // A generator that saves nothing but its arguments.
    #[generator(yield = u8)]
    fn tiny(x: u8) {
        r#yield!(x);
    }
    assert!(
        std::mem::size_of_val(&tiny(1)) <= 8 + 1,
        "{}",
        std::mem::size_of_val(&tiny(1))
    );
}

#[test]
fn size_does_not_double_count_values_that_live_in_different_states() {
    #[generator(yield = u8)]
    fn two_phases() {
        {
            let a = [1u8; 64];
            r#yield!(a[0]);
        }
        let b = [2u8; 64];
        r#yield!(b[1]);
    }
    let size = std::mem::size_of_val(&two_phases());
    assert!(size <= 64 + 8, "two_phases is {size} bytes");
}

// ------------------------------------------------------------- auto traits

/// `probe(&value).is_send()` is `true` exactly when the value is `Send`
/// (an inherent method with a `Send` bound wins over the trait fallback).
struct Probe<'a, T>(PhantomData<&'a T>);
fn probe<T>(_: &T) -> Probe<'_, T> {
    Probe(PhantomData)
}
impl<T: Send> Probe<'_, T> {
    fn is_send(&self) -> bool {
        true
    }
}
impl<T: Sync> Probe<'_, T> {
    fn is_sync(&self) -> bool {
        true
    }
}
trait NotSendOrSync {
    fn is_send(&self) -> bool {
        false
    }
    fn is_sync(&self) -> bool {
        false
    }
}
impl<T> NotSendOrSync for Probe<'_, T> {}

fn assert_send<T: Send>(_: &T) {}
fn assert_sync<T: Sync>(_: &T) {}
fn assert_unpin<T: Unpin>(_: &T) {}

#[generator(yield = u64)]
fn holds_rc(n: u64) {
    let shared = Rc::new(n);
    for i in 0..*shared {
        r#yield!(i + *shared);
    }
}

#[generator(yield = u64)]
fn rc_only_before_yields(n: u64) {
    let tmp = Rc::new(n);
    let m = *tmp;
    drop(tmp);
    r#yield!(m);
}

#[test]
fn auto_traits_follow_the_saved_values() {
    // Stores only `u64`s / a `Range<u64>`: Send + Sync + Unpin.
    let g = count(3);
    assert_send(&g);
    assert_sync(&g);
    assert_unpin(&g);
    let (_, started) = count(3).start();
    assert_send(&started);
    assert_sync(&started);
    assert_unpin(&started);
    assert!(probe(&g).is_send() && probe(&g).is_sync());
    // A generator can be moved to another thread and driven there.
    let h = std::thread::spawn(move || g.collect::<Vec<_>>());
    assert_eq!(h.join().unwrap(), [0, 1, 2]);

    // Stores an `Rc` across its yields: neither Send nor Sync
    // (`assert_send(&holds_rc(1))` is a compile error).
    let g = holds_rc(2);
    assert!(!probe(&g).is_send());
    assert!(!probe(&g).is_sync());
    assert_unpin(&g);
    assert_eq!(g.collect::<Vec<_>>(), [2, 3]);

    // An `Rc` that never lives across a yield is not stored.
    let g = rc_only_before_yields(5);
    assert!(
        probe(&g).is_send(),
        "an Rc dropped before any yield must not make the generator !Send"
    );
}

#[generator(yield = u8)]
fn holds_pinned(v: Vec<u8>) {
    let fut = std::marker::PhantomPinned;
    for x in v {
        r#yield!(x);
    }
    let _ = &fut;
}

#[test]
fn unpin_follows_the_saved_values() {
    // `PhantomPinned` saved across the yields makes the generator !Unpin;
    // it can still be driven by value (nothing is self-referential).
    let g = holds_pinned(vec![1, 2]);
    assert_eq!(g.collect::<Vec<_>>(), [1, 2]);
}

/// Throws into a fresh generator that was partly iterated: `into_started`
/// gives the started face, which accepts `throw`.
#[generator(yield = u32, throw = String)]
fn retrying() -> Vec<String> {
    let mut errors = Vec::new();
    for i in 0.. {
        match r#yield!(i) {
            Ok(()) => {}
            Err(e) if e == "stop" => break,
            Err(e) => errors.push(e),
        }
    }
    errors
}

#[test]
fn a_partly_iterated_fresh_generator_becomes_started() {
    let g = retrying();
    assert!(!g.is_started());
    let g = g.into_started().expect_err("not started: handed back");
    let mut g = g;
    assert_eq!(g.by_ref().take(2).collect::<Vec<_>>(), [0, 1]);
    assert!(g.is_started());
    let mut g = g.into_started().expect("suspended at a yield");
    assert_eq!(g.throw("late".to_string()), GeneratorState::Yielded(2));
    assert_eq!(g.next(), Some(3));
    assert_eq!(
        g.throw("stop".to_string()),
        GeneratorState::Complete(vec!["late".to_string()])
    );
    assert!(g.is_started() && g.is_finished());
}
