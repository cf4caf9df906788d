//! The machine of a generator that delegates with `yield_from!` (not to
//! itself): its closure owns the state enum, so the machine keeps where the
//! body is suspended beside it for the `&self` queries. These tests pin that
//! record against what the plain machine reports: state, suspension point,
//! `Debug`, close, completion, panics and sends, through nested and boxed
//! delegation.
#![deny(warnings)]
// 32 nested generator types go deeper than rustc's default limit of 128
// when it checks auto traits (`Freeze`); see the README's limits.
#![recursion_limit = "256"]

use std::panic::{AssertUnwindSafe, catch_unwind};

use gen_runtime::{Generator, GeneratorState, Location, Phase, generator};
use gen_workspace::drops::DropLog;

fn at(location: Option<&'static Location>) -> (u32, u32) {
    let location = location.expect("suspended");
    assert_eq!(location.file(), file!());
    (location.line(), location.column())
}

#[generator(yield = u32)]
fn inner(log: DropLog, n: u32) {
    let _held = log.guard("inner");
    for i in 0..n {
        r#yield!(i);
    }
}

/// Yields its own line first, then delegates twice.
#[generator(yield = u32)]
fn outer(log: DropLog) -> &'static str {
    let _held = log.guard("outer");
    r#yield!(line!());
    yield_from!(inner(log.clone(), 2));
    yield_from!(inner(log.clone(), 1).boxed());
    "done"
}

#[test]
fn state_and_suspension_point_follow_the_body() {
    let log = DropLog::new();
    let mut g = outer(log.clone());
    assert_eq!(g.state(), Phase::Created);
    assert_eq!(g.suspension_point(), None);
    let line = g.next().expect("the first yield");
    assert_eq!(g.state(), Phase::Suspended);
    assert_eq!(at(g.suspension_point()), (line, 5));
    // Suspended at the first `yield_from!`, whose items come from `inner`.
    assert_eq!(g.next(), Some(0));
    assert_eq!(at(g.suspension_point()), (line + 1, 5));
    assert_eq!(g.next(), Some(1));
    assert_eq!(at(g.suspension_point()), (line + 1, 5));
    // The boxed one, run by this generator (it is not boxed itself).
    assert_eq!(g.next(), Some(0));
    assert_eq!(at(g.suspension_point()), (line + 2, 5));
    assert!(!g.is_finished());
    assert_eq!(g.next(), None);
    assert_eq!(g.state(), Phase::Complete);
    assert_eq!(g.suspension_point(), None);
    assert!(g.is_finished());
    assert_eq!(g.take_return(), Some("done"));
    assert_eq!(g.take_return(), None);
    assert_eq!(g.state(), Phase::Complete);
    assert_eq!(log.dropped(), ["inner", "inner", "outer"]);
}

#[test]
fn debug_shows_the_function_and_where_it_is() {
    let log = DropLog::new();
    let mut g = outer(log);
    assert_eq!(
        format!("{g:?}"),
        r#"Fresh { generator: "outer", state: created }"#
    );
    let line = g.next().expect("the first yield");
    assert_eq!(
        format!("{g:?}"),
        format!(
            r#"Fresh {{ generator: "outer", state: suspended at {}:{line}:5 }}"#,
            file!()
        )
    );
    g.close();
    assert_eq!(
        format!("{g:?}"),
        r#"Fresh { generator: "outer", state: closed }"#
    );
}

#[test]
fn close_drops_the_delegate_and_the_saved_values_once() {
    let log = DropLog::new();
    let mut g = outer(log.clone());
    g.next();
    assert_eq!(g.next(), Some(0));
    g.close();
    assert_eq!(g.state(), Phase::Closed);
    assert_eq!(log.dropped(), ["inner", "outer"]);
    g.close();
    assert_eq!(g.state(), Phase::Closed);
    assert_eq!(g.next(), None);
    assert_eq!(log.dropped(), ["inner", "outer"]);
    // Closing a fresh generator drops its arguments; closing a complete
    // one changes nothing.
    let fresh_log = DropLog::new();
    let mut fresh = outer(fresh_log.clone());
    fresh.close();
    assert_eq!(fresh.state(), Phase::Closed);
    let mut complete = outer(DropLog::new());
    complete.by_ref().for_each(drop);
    complete.close();
    assert_eq!(complete.state(), Phase::Complete);
}

#[test]
fn a_boxed_delegating_generator_hands_its_box_over_and_reports_the_same() {
    let log = DropLog::new();
    let mut g = outer(log.clone()).boxed();
    let line = g.next().expect("the first yield");
    assert_eq!(at(Generator::suspension_point(&g)), (line, 5));
    let rest: Vec<u32> = g.by_ref().collect();
    assert_eq!(rest, [0, 1, 0]);
    assert_eq!(g.state(), Phase::Complete);
    assert_eq!(g.take_return(), Some("done"));
    assert_eq!(log.dropped(), ["inner", "inner", "outer"]);
}

#[generator(yield = u32)]
fn panics_in(log: DropLog, at: u32) {
    let _held = log.guard("held");
    yield_from!(0..at);
    panic!("boom");
}

#[test]
fn a_panic_in_the_body_finishes_the_generator_and_drops_once() {
    let log = DropLog::new();
    let mut g = panics_in(log.clone(), 1);
    assert_eq!(g.next(), Some(0));
    let result = catch_unwind(AssertUnwindSafe(|| g.next()));
    assert!(result.is_err());
    assert_eq!(g.state(), Phase::Complete);
    assert_eq!(log.dropped(), ["held"]);
    g.close();
    assert_eq!(log.dropped(), ["held"]);
}

#[generator(yield = u32, send = u32)]
fn running_sums(start: u32) -> u32 {
    let mut total = start;
    total += yield_from!(adder(total));
    total += r#yield!(total);
    total
}

#[generator(yield = u32, send = u32)]
fn adder(base: u32) -> u32 {
    let x = r#yield!(base);
    let y = r#yield!(base + x);
    x + y
}

#[test]
fn sends_reach_the_delegate_and_its_return_value_comes_back() {
    let (first, mut g) = running_sums(10).start();
    assert_eq!(first, GeneratorState::Yielded(10));
    let (line, _) = at(g.suspension_point());
    assert_eq!(g.send(1), GeneratorState::Yielded(11));
    assert_eq!(at(g.suspension_point()).0, line);
    assert_eq!(g.send(2), GeneratorState::Yielded(13));
    assert_eq!(at(g.suspension_point()).0, line + 1);
    assert_eq!(g.send(4), GeneratorState::Complete(17));
    assert_eq!(g.state(), Phase::Complete);
}

// A chain of 32 distinct delegating generators. Each machine names the
// generator below it once; when it named it twice (the state beside a
// closure typed over it), revealing the chain's types took about 3.5 times
// longer per level, and this file would not finish building.
#[generator(yield = u64)]
fn level0(n: u64) {
    for i in 0..n {
        r#yield!(i);
    }
}
#[generator(yield = u64)]
fn level1(n: u64) {
    yield_from!(level0(n));
}
#[generator(yield = u64)]
fn level2(n: u64) {
    yield_from!(level1(n));
}
#[generator(yield = u64)]
fn level3(n: u64) {
    yield_from!(level2(n));
}
#[generator(yield = u64)]
fn level4(n: u64) {
    yield_from!(level3(n));
}
#[generator(yield = u64)]
fn level5(n: u64) {
    yield_from!(level4(n));
}
#[generator(yield = u64)]
fn level6(n: u64) {
    yield_from!(level5(n));
}
#[generator(yield = u64)]
fn level7(n: u64) {
    yield_from!(level6(n));
}
#[generator(yield = u64)]
fn level8(n: u64) {
    yield_from!(level7(n));
}
#[generator(yield = u64)]
fn level9(n: u64) {
    yield_from!(level8(n));
}
#[generator(yield = u64)]
fn level10(n: u64) {
    yield_from!(level9(n));
}
#[generator(yield = u64)]
fn level11(n: u64) {
    yield_from!(level10(n));
}
#[generator(yield = u64)]
fn level12(n: u64) {
    yield_from!(level11(n));
}
#[generator(yield = u64)]
fn level13(n: u64) {
    yield_from!(level12(n));
}
#[generator(yield = u64)]
fn level14(n: u64) {
    yield_from!(level13(n));
}
#[generator(yield = u64)]
fn level15(n: u64) {
    yield_from!(level14(n));
}
#[generator(yield = u64)]
fn level16(n: u64) {
    yield_from!(level15(n));
}
#[generator(yield = u64)]
fn level17(n: u64) {
    yield_from!(level16(n));
}
#[generator(yield = u64)]
fn level18(n: u64) {
    yield_from!(level17(n));
}
#[generator(yield = u64)]
fn level19(n: u64) {
    yield_from!(level18(n));
}
#[generator(yield = u64)]
fn level20(n: u64) {
    yield_from!(level19(n));
}
#[generator(yield = u64)]
fn level21(n: u64) {
    yield_from!(level20(n));
}
#[generator(yield = u64)]
fn level22(n: u64) {
    yield_from!(level21(n));
}
#[generator(yield = u64)]
fn level23(n: u64) {
    yield_from!(level22(n));
}
#[generator(yield = u64)]
fn level24(n: u64) {
    yield_from!(level23(n));
}
#[generator(yield = u64)]
fn level25(n: u64) {
    yield_from!(level24(n));
}
#[generator(yield = u64)]
fn level26(n: u64) {
    yield_from!(level25(n));
}
#[generator(yield = u64)]
fn level27(n: u64) {
    yield_from!(level26(n));
}
#[generator(yield = u64)]
fn level28(n: u64) {
    yield_from!(level27(n));
}
#[generator(yield = u64)]
fn level29(n: u64) {
    yield_from!(level28(n));
}
#[generator(yield = u64)]
fn level30(n: u64) {
    yield_from!(level29(n));
}
#[generator(yield = u64)]
fn level31(n: u64) {
    yield_from!(level30(n));
}
#[generator(yield = u64)]
fn level32(n: u64) {
    yield_from!(level31(n));
}

#[test]
fn a_chain_of_32_distinct_generators_builds_and_runs() {
    assert_eq!(level32(5).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
    assert_eq!(level32(1000).sum::<u64>(), 499_500);
}
