//! Inspection (SPEC §10): `Debug` shows the generator function's name and
//! where it is — created, suspended at the `file:line:column` of the yield
//! it is paused at, complete, closed — without requiring `Debug` of what it
//! holds; `suspension_point()` returns that place as data (Python's
//! `inspect.getgeneratorstate` and `gi_frame.f_lineno`).
#![deny(warnings)]

use gen_runtime::{Generator, GeneratorState, Location, generator};

/// Holds a value that is not `Debug` across every yield.
struct Opaque(#[allow(dead_code)] u32);

/// Each yield yields its own line, so the test knows where it is.
#[generator(yield = u32)]
fn lines() {
    let _held = Opaque(7);
    r#yield!(line!());
    for _ in 0..2 {
        r#yield!(line!());
    }
}

fn at(location: Option<&'static Location>) -> (&'static str, u32, u32) {
    let location = location.expect("suspended");
    (location.file(), location.line(), location.column())
}

#[test]
fn suspension_point_is_the_yield_the_body_is_paused_at() {
    let mut g = lines();
    assert_eq!(g.suspension_point(), None);
    let first = g.next().expect("first yield");
    assert_eq!(at(g.suspension_point()), (file!(), first, 5));
    let second = g.next().expect("second yield");
    assert_eq!(at(g.suspension_point()), (file!(), second, 9));
    assert_eq!(g.next(), Some(second));
    assert_eq!(at(g.suspension_point()), (file!(), second, 9));
    assert_eq!(g.next(), None);
    assert_eq!(g.suspension_point(), None);
}

#[test]
fn debug_names_the_function_and_its_state() {
    let mut g = lines();
    assert_eq!(
        format!("{g:?}"),
        r#"Fresh { generator: "lines", state: created }"#
    );
    let line = g.next().expect("first yield");
    assert_eq!(
        format!("{g:?}"),
        format!(
            r#"Fresh {{ generator: "lines", state: suspended at {}:{line}:5 }}"#,
            file!()
        )
    );
    g.close();
    assert_eq!(
        format!("{g:?}"),
        r#"Fresh { generator: "lines", state: closed }"#
    );
    let mut g = lines();
    g.by_ref().for_each(drop);
    assert_eq!(
        format!("{g:?}"),
        r#"Fresh { generator: "lines", state: complete }"#
    );
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

#[test]
fn started_and_boxed_generators_show_the_same() {
    let (first, g) = accumulator().start();
    assert_eq!(first, GeneratorState::Yielded(0));
    let shown = format!("{g:?}");
    assert!(
        shown.starts_with(
            r#"Started { generator: "accumulator", state: suspended at tests/inspection.rs:"#
        ),
        "{shown}"
    );
    let mut boxed = g.boxed();
    assert_eq!(format!("{boxed:?}"), shown);
    assert_eq!(boxed.send(-1), GeneratorState::Complete(0));
    assert_eq!(
        format!("{boxed:?}"),
        r#"Started { generator: "accumulator", state: complete }"#
    );
}

enum Tree {
    Leaf(u32),
    Node(Box<Tree>, Box<Tree>),
}

/// A self-recursive generator is paused in its innermost frame.
#[generator(yield = u32)]
fn leaves(tree: &Tree) {
    match tree {
        Tree::Leaf(v) => r#yield!(*v),
        Tree::Node(l, r) => {
            yield_from!(leaves(l));
            yield_from!(leaves(r));
        }
    }
}

#[test]
fn a_recursive_generator_is_paused_in_its_innermost_frame() {
    let tree = Tree::Node(
        Box::new(Tree::Node(Box::new(Tree::Leaf(1)), Box::new(Tree::Leaf(2)))),
        Box::new(Tree::Leaf(3)),
    );
    let mut g = leaves(&tree);
    assert_eq!(g.next(), Some(1));
    // The leaf's `r#yield!`, not the callers' `yield_from!`.
    let (_, line, column) = at(g.suspension_point());
    assert_eq!((line, column), (line!() - 18, 26));
    // Through the trait too.
    assert_eq!(Generator::suspension_point(&g), g.suspension_point());
}
