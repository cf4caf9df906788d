//! `throw` (SPEC §4): Python's `gen.throw(e)`, made explicit: with
//! `throw = E` every `r#yield!` evaluates to `Result<S, E>`.
#![deny(warnings)]

use gen_runtime::{Generator, GeneratorState, generator};
use gen_workspace::drops::DropLog;

#[derive(Debug, PartialEq)]
struct Oops(&'static str);

/// Python:
/// ```python
/// def resilient():
///     n = 0
///     while True:
///         try:
///             yield f"item {n}"
///             n += 1
///         except Oops as e:
///             yield f"recovered from {e}"
/// ```
#[generator(yield = String, throw = Oops)]
fn resilient() {
    let mut n = 0;
    loop {
        match r#yield!(format!("item {n}")) {
            Ok(()) => n += 1,
            Err(Oops(why)) => {
                let _ = r#yield!(format!("recovered from {why}"));
            }
        }
    }
}

#[test]
fn a_caught_error_lets_the_generator_go_on() {
    let (first, mut g) = resilient().start();
    assert_eq!(first, GeneratorState::Yielded("item 0".to_string()));
    assert_eq!(g.next(), Some("item 1".to_string()));
    // `throw` returns what the body yields after handling the error.
    assert_eq!(
        g.throw(Oops("disk")),
        GeneratorState::Yielded("recovered from disk".to_string())
    );
    assert_eq!(g.next(), Some("item 1".to_string()));
    assert_eq!(g.next(), Some("item 2".to_string()));
}

/// The error propagates with `?`: the generator completes with it.
#[generator(yield = u32, send = u32, throw = Oops)]
fn strict(log: DropLog) -> Result<u32, Oops> {
    let _guard = log.guard("guard");
    let mut total = 0;
    loop {
        let v = r#yield!(total)?;
        total += v;
    }
}

#[test]
fn a_propagated_error_completes_the_generator_and_drops_its_values() {
    let log = DropLog::new();
    let (first, mut g) = strict(log.clone()).start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.send(5), GeneratorState::Yielded(5));
    assert!(log.dropped().is_empty());
    assert_eq!(
        g.throw(Oops("bad")),
        GeneratorState::Complete(Err(Oops("bad")))
    );
    assert_eq!(log.dropped(), ["guard"]);
    assert!(g.is_finished());
}

/// Errors convert with `From`, as `?` does in a function.
#[derive(Debug, PartialEq)]
enum AppError {
    Oops(&'static str),
}

impl From<Oops> for AppError {
    fn from(Oops(why): Oops) -> Self {
        AppError::Oops(why)
    }
}

#[generator(yield = u8, throw = Oops)]
fn converting() -> Result<(), AppError> {
    r#yield!(1)?;
    r#yield!(2)?;
    Ok(())
}

#[test]
fn a_propagated_error_converts_with_from() {
    let (_, mut g) = converting().start();
    assert_eq!(g.next(), Some(2));
    assert_eq!(
        g.throw(Oops("late")),
        GeneratorState::Complete(Err(AppError::Oops("late")))
    );
}

#[test]
fn iteration_sees_ok_at_every_yield() {
    let mut g = converting();
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [1, 2]);
    assert_eq!(g.take_return(), Some(Ok(())));
}

#[test]
#[should_panic(expected = "after completion")]
fn throw_after_completion_panics() {
    let (_, mut g) = converting().start();
    let _ = g.next();
    let _ = g.next();
    let _ = g.throw(Oops("too late"));
}

#[test]
#[should_panic(expected = "after close")]
fn throw_after_close_panics() {
    let (_, mut g) = converting().start();
    g.close();
    let _ = g.throw(Oops("closed"));
}

/// Generic code drives any generator through the common trait.
fn throw_via_trait<G: Generator<Throw = Oops>>(
    g: &mut G,
    why: &'static str,
) -> GeneratorState<G::Yield, G::Return> {
    g.throw(Oops(why))
}

#[test]
fn the_generator_trait_throws_too() {
    let (_, mut g) = resilient().start();
    assert_eq!(
        throw_via_trait(&mut g, "trait"),
        GeneratorState::Yielded("recovered from trait".to_string())
    );
}
