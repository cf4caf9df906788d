//! Values moved out of bindings (issue 12): methods the macro does not
//! know (item 9), fields moved out one by one (item 2). Each body compiles
//! as a plain function, and the generator behaves as that function does
//! (the reference built by `dual!`).
#![deny(warnings)]

#[macro_use]
mod support;

use gen_runtime::generator;
use gen_workspace::drops::DropLog;

/// A builder whose `build` takes `self`: a name the macro cannot know.
#[derive(Debug)]
pub struct Builder {
    n: u32,
}

#[derive(Debug)]
pub struct Built {
    n: u32,
}

impl Builder {
    fn scale(self, k: u32) -> Builder {
        Builder { n: self.n * k }
    }
    fn build(self) -> Built {
        Built { n: self.n * 10 }
    }
}

dual! {
    // Given to a function by value, `builder` is moved: nothing holds it
    // at the yields. (`builder.build()` would be taken to borrow it; see
    // tests/ui/placement/unknown-method-consumes-value-in-scope.rs.)
    fn consumed_by_a_call / consumed_by_a_call_ref(n: u32) yield u32, send () => u32 {
        let builder = Builder { n };
        let built = Builder::build(builder);
        r#yield!(1);
        r#yield!(built.n);
        built.n + 1
    }
}

dual! {
    // By-value style: each method's result is stored back under the same
    // name, which is taken to consume the value it shadows.
    fn rebound_by_value / rebound_by_value_ref(n: u32) yield u32, send () => u32 {
        let builder = Builder { n };
        let builder = builder.scale(2);
        r#yield!(builder.n);
        let builder = builder.scale(3).scale(1);
        r#yield!(builder.n);
        let built = Builder::build(builder);
        r#yield!(built.n);
        built.n
    }
}

/// A state that steps by value: `state = state.step()`.
#[derive(Debug, PartialEq)]
pub struct Stepper(u32);

impl Stepper {
    fn step(self) -> Stepper {
        Stepper(self.0 + 1)
    }
    fn get(&self) -> u32 {
        self.0
    }
}

dual! {
    // Consumed and given a new value on every turn of the loop around the
    // yield: the loop cannot keep `state` in the generator's own storage
    // (a value behind a reference cannot be moved out of), so it does not.
    fn stepped_in_a_loop / stepped_in_a_loop_ref(n: u32) yield u32, send () => Stepper {
        let mut state = Stepper(0);
        for _ in 0..n {
            state = state.step();
            r#yield!(state.get());
        }
        state
    }
}

dual! {
    // `Iterator::take` consumes the iterator; the name is also `Option`'s
    // borrowing `take`, so the macro cannot tell from it.
    fn iterator_taken / iterator_taken_ref(n: u32) yield u32, send () {
        let it = 0..n;
        let first = it.take(3);
        for x in first {
            r#yield!(x);
        }
    }
}

#[generator(yield = u32)]
fn numbers(n: u32) {
    for i in 0..n {
        r#yield!(i);
    }
}

#[generator(yield = u32)]
fn delegates_boxed(n: u32) {
    // `boxed` takes the fresh generator by value.
    let sub = numbers(n);
    yield_from!(sub.boxed());
    r#yield!(100);
}

#[generator(yield = u32)]
fn delegates_started(n: u32) {
    // `start` takes the fresh generator by value too.
    let sub = numbers(n);
    let (first, mut rest) = sub.start();
    if let gen_runtime::GeneratorState::Yielded(v) = first {
        r#yield!(v + 50);
    }
    while let Some(v) = rest.next() {
        r#yield!(v);
    }
}

#[test]
fn methods_that_consume_their_receiver() {
    check_iter!(consumed_by_a_call / consumed_by_a_call_ref(4));
    check_iter!(rebound_by_value / rebound_by_value_ref(4));
    let (_, state) = check_iter!(stepped_in_a_loop / stepped_in_a_loop_ref(5));
    assert_eq!(state, Stepper(5));
    check_iter!(iterator_taken / iterator_taken_ref(10));
    assert_eq!(delegates_boxed(3).collect::<Vec<_>>(), [0, 1, 2, 100]);
    assert_eq!(delegates_started(3).collect::<Vec<_>>(), [50, 1, 2]);
}

#[generator(yield = usize)]
fn borrowed_by_known_methods(log: DropLog) {
    let mut names = vec![log.guard("names")];
    names.push(log.guard("more"));
    let text = log.guard("text");
    // `len`, `push` and `to_…` borrow: the values stay where they are and
    // are dropped when their scope ends, as in a plain function.
    r#yield!(names.len());
    r#yield!(text.to_owned().name().len());
    drop(log.guard("end"));
}

#[generator(yield = usize)]
fn borrowed_by_unknown_methods(log: DropLog) {
    let text = log.guard("text");
    r#yield!(text.name().len());
    r#yield!(0);
}

#[generator(yield = usize)]
fn kept_by_a_later_drop(log: DropLog) {
    let text = log.guard("text");
    r#yield!(text.name().len());
    r#yield!(0);
    drop(text);
}

#[test]
fn values_only_borrowed_by_methods_keep_their_drop_order() {
    let log = DropLog::new();
    let mut g = borrowed_by_known_methods(log.clone());
    assert_eq!(g.next(), Some(2));
    assert_eq!(g.next(), Some(4));
    assert_eq!(
        log.dropped(),
        ["text"],
        "only the clone is dropped at a yield"
    );
    assert_eq!(g.next(), None);
    assert_eq!(log.dropped(), ["text", "end", "text", "names", "more"]);
}

#[test]
fn a_value_last_used_by_an_unknown_method_lives_to_the_end_of_its_scope() {
    // `name` takes `&self`, which the macro cannot see: it assumes a
    // borrow, and keeps `text` until its scope ends, as a plain function.
    fn kept_to_the_end(log: &DropLog, mut g: impl Iterator<Item = usize>) {
        assert_eq!(g.next(), Some(4));
        assert_eq!(g.next(), Some(0));
        assert!(log.dropped().is_empty());
        assert_eq!(g.next(), None);
        assert_eq!(log.dropped(), ["text"]);
    }
    let log = DropLog::new();
    kept_to_the_end(&log, borrowed_by_unknown_methods(log.clone()));
    let log = DropLog::new();
    kept_to_the_end(&log, kept_by_a_later_drop(log.clone()));
}
