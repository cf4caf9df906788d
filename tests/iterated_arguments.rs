//! A `for` loop over an argument by its name (`for x in input`) saves its
//! iterator typed from the argument's own type (`<A as IntoIterator>::
//! IntoIter`), not by a type parameter of its own, so that a generic
//! stage's type names its input once less (the debug build of a deep
//! pipeline walks that type once per mention; see the README's limits).
//! These are the shapes that typing must get right: every kind of
//! argument a `for` takes, the names that must not be taken for the
//! argument, cloning, and the drop order.
#![deny(warnings)]

use gen_runtime::generator;
use gen_workspace::drops::{DropLog, Guard};

#[generator(yield = u64)]
fn source(n: u64) {
    for i in 0..n {
        r#yield!(i);
    }
}

#[generator(yield = u64)]
fn stage(input: impl Iterator<Item = u64>, k: u64) {
    for x in input {
        if x % (k + 2) != 0 {
            r#yield!(x.wrapping_mul(k + 1));
        }
    }
}

fn stage_plain(input: impl Iterator<Item = u64>, k: u64) -> Vec<u64> {
    input
        .filter(|x| x % (k + 2) != 0)
        .map(|x| x.wrapping_mul(k + 1))
        .collect()
}

#[test]
fn a_deep_generic_pipeline_yields_what_the_adaptors_do() {
    let mut ours: Box<dyn Iterator<Item = u64>> = Box::new(source(200));
    let mut plain: Vec<u64> = (0..200).collect();
    for k in 1..=6 {
        ours = Box::new(stage(ours, k));
        plain = stage_plain(plain.into_iter(), k);
    }
    assert_eq!(ours.collect::<Vec<_>>(), plain);
    // Nested by value, each stage's type holding the one below.
    let nested = stage(stage(stage(stage(source(50), 1), 2), 3), 4);
    let expected = stage_plain(
        stage_plain(
            stage_plain(stage_plain(0..50, 1).into_iter(), 2).into_iter(),
            3,
        )
        .into_iter(),
        4,
    );
    assert_eq!(nested.collect::<Vec<_>>(), expected);
}

#[generator(yield = u32)]
fn over_a_named_generic<I: IntoIterator<Item = u32>>(items: I) {
    for item in items {
        r#yield!(item * 10);
    }
}

#[generator(yield = u32)]
fn over_a_borrowed_slice<'a>(items: &'a [u32]) {
    for item in items {
        r#yield!(*item + 1);
    }
}

#[test]
fn a_generic_parameter_and_a_borrowed_argument_are_iterated() {
    assert_eq!(
        over_a_named_generic(vec![1, 2, 3]).collect::<Vec<_>>(),
        [10, 20, 30]
    );
    assert_eq!(
        over_a_named_generic([4u32, 5]).collect::<Vec<_>>(),
        [40, 50]
    );
    let data = [7, 8, 9];
    assert_eq!(over_a_borrowed_slice(&data).collect::<Vec<_>>(), [8, 9, 10]);
}

#[generator(yield = String)]
fn guards_by_value(log: DropLog, guards: Vec<Guard>) {
    let _outer = log.guard("outer");
    for guard in guards {
        r#yield!(guard.name().to_owned());
    }
}

/// The iterator is saved as the argument's `vec::IntoIter`: closing at a
/// yield drops the current element's guard (a local of the loop body), the
/// elements not reached yet (in the iterator), then `outer`, as a plain
/// function unwinding from that point would.
#[test]
fn closing_drops_the_rest_of_the_iterated_argument_in_order() {
    let log = DropLog::default();
    let guards = vec![log.guard("a"), log.guard("b"), log.guard("c")];
    let mut g = guards_by_value(log.clone(), guards);
    assert_eq!(g.next().as_deref(), Some("a"));
    assert!(log.dropped().is_empty());
    g.close();
    assert_eq!(log.dropped(), ["a", "b", "c", "outer"]);

    let log = DropLog::default();
    let guards = vec![log.guard("a"), log.guard("b")];
    let all: Vec<String> = guards_by_value(log.clone(), guards).collect();
    assert_eq!(all, ["a", "b"]);
    assert_eq!(log.dropped(), ["a", "b", "outer"]);
}

/// Names that are not the argument, though spelled like it: a shadowing
/// `let` (another type) and a loop over a field of it.
#[generator(yield = u64)]
fn shadowed(input: Vec<u64>) {
    let input = input.into_iter().rev().skip(1);
    for x in input {
        r#yield!(x);
    }
}

struct Pair {
    left: Vec<u64>,
    right: Vec<u64>,
}

#[generator(yield = u64)]
fn over_fields(pair: Pair) {
    for x in pair.left {
        r#yield!(x);
    }
    for x in pair.right {
        r#yield!(x * 2);
    }
}

#[test]
fn a_shadowing_binding_or_a_field_is_not_the_argument() {
    assert_eq!(shadowed(vec![1, 2, 3]).collect::<Vec<_>>(), [2, 1]);
    let pair = Pair {
        left: vec![1, 2],
        right: vec![3],
    };
    assert_eq!(over_fields(pair).collect::<Vec<_>>(), [1, 2, 6]);
}

/// The argument reassigned before the loop keeps its type, and a second
/// loop over the same argument name after the first is another iterator.
#[generator(yield = u64)]
fn reassigned(mut input: Vec<u64>, again: Vec<u64>) {
    if input.is_empty() {
        input = vec![100];
    }
    for x in input {
        r#yield!(x);
    }
    for x in again {
        r#yield!(x + 1);
    }
}

#[test]
fn a_reassigned_argument_and_two_loops_over_arguments() {
    assert_eq!(
        reassigned(Vec::new(), vec![5]).collect::<Vec<_>>(),
        [100, 6]
    );
    assert_eq!(reassigned(vec![1, 2], vec![]).collect::<Vec<_>>(), [1, 2]);
}

/// `#[generator(clone)]`: the copy goes on from the same element.
#[generator(yield = u32, clone)]
fn cloneable(items: Vec<u32>) {
    for item in items {
        r#yield!(item);
    }
}

#[test]
fn a_cloned_generator_goes_on_over_its_own_copy_of_the_argument() {
    let mut g = cloneable(vec![1, 2, 3]);
    assert_eq!(g.next(), Some(1));
    let copy = g.clone();
    assert_eq!(g.collect::<Vec<_>>(), [2, 3]);
    assert_eq!(copy.collect::<Vec<_>>(), [2, 3]);
}

struct Numbers(Vec<u64>);

impl IntoIterator for Numbers {
    type Item = u64;
    type IntoIter = std::vec::IntoIter<u64>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl Numbers {
    /// `self` by value, iterated.
    #[generator(yield = u64)]
    fn doubled(self) {
        for x in self {
            r#yield!(x * 2);
        }
    }
}

#[test]
fn self_by_value_is_iterated() {
    assert_eq!(Numbers(vec![1, 2]).doubled().collect::<Vec<_>>(), [2, 4]);
}

// Iterated on one path inside a yield's operand, after another yield: the
// argument needs a drop flag, so it is bound again as a local (see
// tests/moves.rs) and kept to the end on the other path.
#[generator(yield = u32)]
fn iterated_in_a_yield_operand(log: DropLog, items: impl IntoIterator<Item = Guard>, k: u32) {
    r#yield!(if k == 0 {
        1
    } else {
        r#yield!(17);
        match k {
            1 => {
                for g in items {
                    drop(g);
                }
                15
            }
            _ => 2,
        }
    });
    drop(log.guard("end"));
}

#[test]
fn an_argument_iterated_in_a_yield_operand_is_dropped_at_the_end() {
    let log = DropLog::new();
    let items: Vec<Guard> = (0..2).map(|i| log.guard(format!("a{i}"))).collect();
    let mut g = iterated_in_a_yield_operand(log.clone(), items, 2);
    assert_eq!(g.next(), Some(17));
    assert_eq!(log.dropped(), [] as [&str; 0]);
    assert_eq!(g.next(), Some(2));
    assert_eq!(log.dropped(), [] as [&str; 0]);
    assert_eq!(g.next(), None);
    assert_eq!(log.dropped(), ["end", "a0", "a1"]);
}
