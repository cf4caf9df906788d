//! Panic safety: a body that panics right before or right after any of its
//! yields drops every value exactly once, in the order the same body written as a plain
//! function drops them while unwinding; the generator is finished afterwards
//! and iteration returns `None`.

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};

use gen_runtime::{Generator, generator};
use gen_workspace::drops::DropLog;

thread_local! {
    /// Counts down; `tick` panics when it reaches zero.
    static FUSE: Cell<i32> = const { Cell::new(-1) };
}

fn tick() {
    FUSE.with(|fuse| {
        let left = fuse.get();
        fuse.set(left - 1);
        if left == 0 {
            panic!("planned panic");
        }
    });
}

#[generator(yield = u32)]
fn nested(log: DropLog) {
    let _a = log.guard("a");
    for i in 0..3 {
        let _b = log.guard(format!("b{i}"));
        tick();
        r#yield!(i);
        tick();
        {
            let _c = log.guard(format!("c{i}"));
            r#yield!(i * 10);
            tick();
        }
    }
    let _d = log.guard("d");
    tick();
    r#yield!(99);
    tick();
}

/// `nested` as a plain function: a yield records its value.
fn nested_reference(log: DropLog, out: &mut Vec<u32>) {
    let _a = log.guard("a");
    for i in 0..3 {
        let _b = log.guard(format!("b{i}"));
        tick();
        out.push(i);
        tick();
        {
            let _c = log.guard(format!("c{i}"));
            out.push(i * 10);
            tick();
        }
    }
    let _d = log.guard("d");
    tick();
    out.push(99);
    tick();
}

/// Resumes in place (the guard and the counter stay in the state).
#[generator(yield = u32)]
fn in_place(log: DropLog) {
    let _guard = log.guard("guard");
    let mut total: u32 = 0;
    while total < 5 {
        total += 1;
        r#yield!(total);
        tick();
    }
}

fn in_place_reference(log: DropLog, out: &mut Vec<u32>) {
    let _guard = log.guard("guard");
    let mut total: u32 = 0;
    while total < 5 {
        total += 1;
        out.push(total);
        tick();
    }
}

type Outcome = (Vec<String>, Vec<u32>, bool);

fn run_generator<G>(make: impl FnOnce(DropLog) -> G, fuse: i32) -> Outcome
where
    G: Iterator<Item = u32> + Generator,
{
    let log = DropLog::new();
    let mut g = make(log.clone());
    let mut yielded = Vec::new();
    FUSE.with(|f| f.set(fuse));
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        for v in g.by_ref() {
            yielded.push(v);
        }
    }));
    FUSE.with(|f| f.set(-1));
    let panicked = outcome.is_err();
    if panicked {
        assert!(
            g.is_finished(),
            "a generator whose body panicked is finished"
        );
        assert_eq!(g.next(), None, "and yields nothing more");
    }
    drop(g);
    (log.dropped(), yielded, panicked)
}

fn run_reference(body: impl FnOnce(DropLog, &mut Vec<u32>), fuse: i32) -> Outcome {
    let log = DropLog::new();
    let mut yielded = Vec::new();
    FUSE.with(|f| f.set(fuse));
    let outcome = catch_unwind(AssertUnwindSafe(|| body(log.clone(), &mut yielded)));
    FUSE.with(|f| f.set(-1));
    (log.dropped(), yielded, outcome.is_err())
}

fn assert_dropped_once(log: &[String], fuse: i32) {
    let mut names = log.to_vec();
    names.sort();
    names.dedup();
    assert_eq!(
        names.len(),
        log.len(),
        "a value dropped twice (panic at resume {fuse}): {log:?}"
    );
}

#[test]
fn a_panic_after_any_yield_drops_everything_once_in_plain_order() {
    for fuse in 0..12 {
        let got = run_generator(nested, fuse);
        let expected = run_reference(nested_reference, fuse);
        assert_eq!(got, expected, "panic at resume {fuse}");
        assert_dropped_once(&got.0, fuse);
    }
}

#[test]
fn a_panic_in_an_in_place_loop_drops_everything_once_in_plain_order() {
    for fuse in 0..6 {
        let got = run_generator(in_place, fuse);
        let expected = run_reference(in_place_reference, fuse);
        assert_eq!(got, expected, "panic at resume {fuse}");
        assert_dropped_once(&got.0, fuse);
    }
}
