//! `yield_from!` (SPEC §5, PEP 380): delegation to generators and iterables.
#![deny(warnings)]

use gen_runtime::{GeneratorState, generator};
use gen_workspace::drops::DropLog;

/// PEP 380's example: the sub's return value is the expression's value.
#[generator(yield = String)]
fn child() -> &'static str {
    r#yield!("1".to_string());
    r#yield!("2".to_string());
    "done"
}

#[generator(yield = String)]
fn parent() {
    let result = yield_from!(child());
    r#yield!(format!("child said: {result}"));
}

#[test]
fn yielded_values_and_the_return_value_pass_through() {
    assert_eq!(parent().collect::<Vec<_>>(), ["1", "2", "child said: done"]);
}

/// Sent values go to the sub; the chain is three levels deep.
#[generator(yield = i64, send = i64)]
fn summer() -> i64 {
    let mut total = 0;
    loop {
        let v = r#yield!(total);
        if v < 0 {
            return total;
        }
        total += v;
    }
}

#[generator(yield = i64, send = i64)]
fn middle() -> i64 {
    let inner = yield_from!(summer());
    inner * 10
}

#[generator(yield = i64, send = i64)]
fn outer() -> i64 {
    let got = yield_from!(middle());
    got + 1
}

#[test]
fn send_is_forwarded_through_three_levels() {
    let (first, mut g) = outer().start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.send(3), GeneratorState::Yielded(3));
    assert_eq!(g.send(4), GeneratorState::Yielded(7));
    assert_eq!(g.send(-1), GeneratorState::Complete(71));
}

#[generator(yield = u32)]
fn nothing() -> u32 {
    42
}

#[generator(yield = u32)]
fn iterables() -> u32 {
    yield_from!(vec![1, 2]);
    yield_from!(3..5);
    let n = yield_from!(nothing());
    r#yield!(n);
    let mut exhausted = nothing();
    let _ = exhausted.by_ref().count();
    yield_from!(exhausted)
}

#[test]
fn vecs_ranges_immediate_and_exhausted_subs() {
    let mut g = iterables();
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [1, 2, 3, 4, 42]);
    assert_eq!(g.take_return(), Some(42));
}

#[generator(yield = u32)]
fn from_started() {
    let (first, rest) = counting(3).start();
    if let GeneratorState::Yielded(v) = first {
        r#yield!(v * 100);
    }
    yield_from!(rest);
}

#[generator(yield = u32)]
fn counting(n: u32) {
    for i in 0..n {
        r#yield!(i);
    }
}

#[test]
fn a_started_sub_resumes_where_it_is() {
    assert_eq!(from_started().collect::<Vec<_>>(), [0, 1, 2]);
}

#[generator(yield = u32)]
fn in_a_loop() {
    for n in 1..4 {
        yield_from!(counting(n));
    }
}

#[test]
fn a_fresh_sub_per_iteration() {
    assert_eq!(in_a_loop().collect::<Vec<_>>(), [0, 0, 1, 0, 1, 2]);
}

#[generator(yield = u32)]
fn guarded_child(log: DropLog) {
    let _child = log.guard("child");
    loop {
        r#yield!(1);
    }
}

#[generator(yield = u32)]
fn guarded_parent(log: DropLog) {
    let _parent = log.guard("parent");
    yield_from!(guarded_child(log.clone()));
}

#[test]
fn close_closes_the_sub_first() {
    let log = DropLog::new();
    let mut g = guarded_parent(log.clone());
    assert_eq!(g.next(), Some(1));
    g.close();
    assert_eq!(log.dropped(), ["child", "parent"]);
}

#[derive(Debug, PartialEq)]
struct Oops(&'static str);

#[generator(yield = u32, throw = Oops)]
fn catching_child() -> u32 {
    let mut caught = 0;
    loop {
        match r#yield!(caught) {
            Ok(()) => {}
            Err(Oops("stop")) => return caught,
            Err(_) => caught += 1,
        }
    }
}

#[generator(yield = u32, throw = Oops)]
fn throwing_parent() -> Result<u32, Oops> {
    let caught = yield_from!(catching_child())?;
    r#yield!(caught + 100)?;
    // `counting` declares no `throw`: an error thrown while it runs ends the
    // delegation, and `yield_from!` evaluates to `Err`.
    yield_from!(counting(5))?;
    Ok(0)
}

#[test]
fn throw_goes_to_a_sub_that_accepts_it_and_past_one_that_does_not() {
    let (first, mut g) = throwing_parent().start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.throw(Oops("a")), GeneratorState::Yielded(1));
    assert_eq!(g.throw(Oops("b")), GeneratorState::Yielded(2));
    assert_eq!(g.throw(Oops("stop")), GeneratorState::Yielded(102));
    assert_eq!(g.next(), Some(0));
    assert_eq!(
        g.throw(Oops("past")),
        GeneratorState::Complete(Err(Oops("past")))
    );
}

/// PEP 380 through three levels: throw reaches the innermost generator that
/// accepts it; close drops innermost first.
#[generator(yield = u32, throw = Oops)]
fn level3(log: DropLog) -> u32 {
    let _g = log.guard("level3");
    let mut caught = 0;
    loop {
        match r#yield!(caught) {
            Ok(()) => {}
            Err(Oops("done")) => return caught,
            Err(_) => caught += 1,
        }
    }
}

#[generator(yield = u32, throw = Oops)]
fn level2(log: DropLog) -> Result<u32, Oops> {
    let _g = log.guard("level2");
    let inner = yield_from!(level3(log.clone()))?;
    Ok(inner * 10)
}

#[generator(yield = u32, throw = Oops)]
fn level1(log: DropLog) -> Result<u32, Oops> {
    let _g = log.guard("level1");
    let middle = yield_from!(level2(log.clone()))??;
    Ok(middle + 1)
}

#[test]
fn throw_and_return_pass_through_three_levels() {
    let log = DropLog::new();
    let (first, mut g) = level1(log.clone()).start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.throw(Oops("x")), GeneratorState::Yielded(1));
    assert_eq!(g.throw(Oops("y")), GeneratorState::Yielded(2));
    assert_eq!(g.throw(Oops("done")), GeneratorState::Complete(Ok(21)));
    assert_eq!(log.dropped(), ["level3", "level2", "level1"]);
}

#[test]
fn close_through_three_levels_drops_innermost_first() {
    let log = DropLog::new();
    let (_, mut g) = level1(log.clone()).start();
    assert!(log.dropped().is_empty());
    g.close();
    assert_eq!(log.dropped(), ["level3", "level2", "level1"]);
}

#[generator(yield = u32, send = u32)]
fn up_to(n: u32) -> u32 {
    for i in 0..n {
        r#yield!(i);
    }
    n * 10
}

/// A yield in the operand runs before the delegation starts, as the
/// operand of `yield from` is evaluated first in Python.
#[generator(yield = u32, send = u32)]
fn sized_by_caller() -> u32 {
    let first = yield_from!(up_to(r#yield!(100)));
    let second = yield_from!(up_to(r#yield!(first) + 1));
    first + second
}

#[test]
fn a_yield_in_the_operand_runs_before_the_delegation() {
    let (state, mut g) = sized_by_caller().start();
    assert_eq!(state, GeneratorState::Yielded(100));
    // Two items from the first delegate, which returns 20.
    assert_eq!(g.send(2), GeneratorState::Yielded(0));
    assert_eq!(g.send(0), GeneratorState::Yielded(1));
    assert_eq!(g.send(0), GeneratorState::Yielded(20));
    // Then 1 + 1 items from the second.
    assert_eq!(g.send(1), GeneratorState::Yielded(0));
    assert_eq!(g.send(0), GeneratorState::Yielded(1));
    assert_eq!(g.send(0), GeneratorState::Complete(40));
}

/// Yields `v` once and returns what it was sent.
#[generator(yield = u32, send = u32)]
fn ask(v: u32) -> u32 {
    r#yield!(v)
}

/// A delegation as a match guard's first operand, and as a statement in a
/// guard's block: the guard runs after its pattern matched, and a false
/// guard goes on to the next arm with the value untouched. (The guard's
/// block started with the `yield_from!` loop, and the arm ended there
/// when the macro parsed its rewrite again: "not supported yet".)
#[generator(yield = u32, send = u32)]
fn classify(items: Vec<Option<u32>>) -> Vec<&'static str> {
    let mut out = Vec::new();
    for item in items {
        let what = match item {
            Some(k) if yield_from!(ask(k)) % 2 == 0 => "even answer",
            Some(k)
                if {
                    let big = k > 10;
                    yield_from!(ask(k * 100));
                    big
                } =>
            {
                "big"
            }
            Some(_) => "other",
            None => "none",
        };
        out.push(what);
    }
    out
}

/// The same, as a plain function: each delegation is one value out and
/// one sent value in.
fn classify_plain(
    items: Vec<Option<u32>>,
    sent: &mut impl Iterator<Item = u32>,
    out_values: &mut Vec<u32>,
) -> Vec<&'static str> {
    let mut ask = |v: u32| {
        out_values.push(v);
        sent.next().expect("a value for each yield")
    };
    let mut out = Vec::new();
    for item in items {
        let what = match item {
            Some(k) if ask(k) % 2 == 0 => "even answer",
            Some(k)
                if {
                    let big = k > 10;
                    ask(k * 100);
                    big
                } =>
            {
                "big"
            }
            Some(_) => "other",
            None => "none",
        };
        out.push(what);
    }
    out
}

#[test]
fn a_delegation_in_a_match_guard_runs_where_the_guard_runs() {
    let items = vec![Some(3), Some(12), None, Some(5)];
    let sent = [4, 1, 1, 7, 9];
    let mut values = Vec::new();
    let want = classify_plain(items.clone(), &mut sent.iter().copied(), &mut values);
    assert_eq!(want, ["even answer", "big", "none", "other"]);

    let (mut state, mut g) = classify(items).start();
    let mut got = Vec::new();
    let mut sent = sent.iter().copied();
    let ret = loop {
        match state {
            GeneratorState::Yielded(v) => {
                got.push(v);
                state = g.send(sent.next().expect("a value for each yield"));
            }
            GeneratorState::Complete(r) => break r,
        }
    };
    assert_eq!(got, values);
    assert_eq!(ret, want);
}
