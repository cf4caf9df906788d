//! Generic code over generators (SPEC §3: the common trait is what generic
//! code uses): functions that take any `Generator`, `yield_from!` of a
//! generic or `impl Generator` operand, `&mut G`, and `Box<dyn Generator>`.
#![deny(warnings)]

use gen_runtime::{Generator, GeneratorState, NoThrow, Phase, generator};
use gen_workspace::drops::DropLog;

#[generator(yield = u32)]
fn count(n: u32) -> u32 {
    for i in 0..n {
        r#yield!(i);
    }
    n
}

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

/// Drives any generator that takes no sent values to completion.
fn drain<G: Generator<Send = ()>>(mut g: G) -> (Vec<G::Yield>, G::Return) {
    let mut out = Vec::new();
    let mut state = g.prime();
    loop {
        match state {
            GeneratorState::Yielded(v) => out.push(v),
            GeneratorState::Complete(r) => return (out, r),
        }
        state = g.resume(());
    }
}

#[test]
fn a_generic_function_drives_fresh_and_borrowed_generators() {
    assert_eq!(drain(count(3)), (vec![0, 1, 2], 3));
    let mut g = count(2);
    assert_eq!(drain(&mut g), (vec![0, 1], 2));
    assert_eq!(g.state(), Phase::Complete);
}

/// `yield_from!` of a generic operand: the body is the same for every `G`.
#[generator(yield = G::Yield, send = G::Send)]
fn twice<G>(first: G, second: G) -> (G::Return, G::Return)
where
    G: Generator<Throw = NoThrow>,
{
    let a = yield_from!(first);
    let b = yield_from!(second);
    (a, b)
}

#[test]
fn yield_from_a_generic_generator() {
    let mut g = twice(count(2), count(3));
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [0, 1, 0, 1, 2]);
    assert_eq!(g.take_return(), Some((2, 3)));
}

#[test]
fn sent_values_reach_a_generic_delegate() {
    let (first, mut g) = twice(summer(), summer()).start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.send(5), GeneratorState::Yielded(5));
    assert_eq!(g.send(-1), GeneratorState::Yielded(0));
    assert_eq!(g.send(7), GeneratorState::Yielded(7));
    assert_eq!(g.send(-1), GeneratorState::Complete((5, 7)));
}

/// `impl Generator` in argument position.
#[generator(yield = u32)]
fn labelled(inner: impl Generator<Yield = u32, Send = (), Throw = NoThrow, Return = u32>) -> u32 {
    let n = yield_from!(inner);
    r#yield!(100 + n);
    n * 2
}

#[test]
fn yield_from_an_impl_generator_argument() {
    let mut g = labelled(count(2));
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [0, 1, 102]);
    assert_eq!(g.take_return(), Some(4));
}

/// `yield_from!` of a generator the caller lends (`&mut G` is a
/// `Generator`): the caller keeps it, and its return value is still the
/// expression's value. (A generator that borrows one of its own locals
/// across a yield is a compile error, as every such borrow is.)
#[generator(yield = u32)]
fn delegate_to_borrowed<G>(sub: &mut G) -> u32
where
    G: Generator<Yield = u32, Send = (), Throw = NoThrow, Return = u32>,
{
    let returned = yield_from!(sub);
    r#yield!(returned + 10);
    returned
}

#[test]
fn yield_from_a_mutable_borrow() {
    let mut sub = count(3);
    let mut g = delegate_to_borrowed(&mut sub);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [0, 1, 2, 13]);
    assert_eq!(g.take_return(), Some(3));
    drop(g);
    assert!(sub.is_finished());
}

#[test]
fn boxed_dyn_generators_of_different_kinds_in_one_vec() {
    type Dyn = dyn Generator<Yield = u32, Send = (), Throw = NoThrow, Return = u32>;
    let gens: Vec<Box<Dyn>> = vec![
        Box::new(count(2)),
        Box::new(labelled(count(1))),
        Box::new(count(0)),
    ];
    let results: Vec<_> = gens.into_iter().map(drain).collect();
    assert_eq!(results, [(vec![0, 1], 2), (vec![0, 101], 2), (vec![], 0)]);
}

#[generator(yield = u32)]
fn chain_all(
    gens: Vec<Box<dyn Generator<Yield = u32, Send = (), Throw = NoThrow, Return = u32>>>,
) -> u32 {
    let mut sum = 0;
    for g in gens {
        sum += yield_from!(g);
    }
    sum
}

#[test]
fn yield_from_boxed_dyn_generators() {
    let mut g = chain_all(vec![Box::new(count(2)), Box::new(count(3))]);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [0, 1, 0, 1, 2]);
    assert_eq!(g.take_return(), Some(5));
}

#[generator(yield = u32)]
fn guarded(log: DropLog, n: u32) {
    let _guard = log.guard("sub");
    for i in 0..n {
        r#yield!(i);
    }
}

#[generator(yield = u32)]
fn delegate_borrowed<G: Generator<Yield = u32, Send = (), Throw = NoThrow, Return = ()>>(
    log: DropLog,
    sub: &mut G,
) {
    let _outer = log.guard("outer");
    yield_from!(sub);
}

/// PEP 380: closing the delegating generator closes the delegate first,
/// even when the delegate is only borrowed.
#[test]
fn closing_the_outer_closes_a_borrowed_delegate_first() {
    let log = DropLog::default();
    let mut sub = guarded(log.clone(), 10);
    let mut g = delegate_borrowed(log.clone(), &mut sub);
    assert_eq!(g.next(), Some(0));
    assert_eq!(g.next(), Some(1));
    g.close();
    assert_eq!(log.dropped(), ["sub", "outer"]);
    drop(g);
    assert_eq!(sub.state(), Phase::Closed);
}

#[test]
fn priming_twice_panics() {
    let mut g = count(2);
    assert_eq!(Generator::prime(&mut g), GeneratorState::Yielded(0));
    let error = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        Generator::prime(&mut g);
    }))
    .expect_err("priming a started generator must panic");
    let message = error.downcast_ref::<&str>().copied().unwrap_or_default();
    assert!(message.contains("primed after it started"), "{message}");
}

#[test]
fn a_generic_delegate_that_already_started_and_takes_values_is_refused_at_run_time() {
    let mut sub = summer();
    assert_eq!(Generator::prime(&mut sub), GeneratorState::Yielded(0));
    let outer = twice(sub, summer());
    let error = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let _ = outer.start();
    }))
    .expect_err("no value is at hand to resume a started generic delegate");
    let message = error.downcast_ref::<&str>().copied().unwrap_or_default();
    assert!(message.contains("already started"), "{message}");
}
