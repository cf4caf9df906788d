//! Chains of boxed generators (`yield_from!(walk(child).boxed())`, mutual
//! recursion): a `BoxGenerator` runs the boxed generators it delegates to
//! on a stack of its own, so a resume goes straight to the innermost one
//! and the thread's stack does not grow with the depth. Each test checks
//! what nested delegation (Python's `yield from`) would do: the same
//! values, sends and throws reaching the innermost generator, the same drop
//! order, and the plain recursive function as the oracle.
#![deny(warnings)]

use std::panic::{AssertUnwindSafe, catch_unwind};

use gen_runtime::{BoxGenerator, GeneratorState, Phase, generator};
use gen_workspace::drops::DropLog;

// ---- a tree walked through boxes ----------------------------------------------

enum Tree {
    Leaf(u32),
    Node(Vec<Tree>),
}

#[generator(yield = u32)]
fn walk(tree: &Tree) {
    match tree {
        Tree::Leaf(v) => r#yield!(*v),
        Tree::Node(children) => {
            for child in children {
                yield_from!(walk(child).boxed());
            }
        }
    }
}

fn walk_reference(tree: &Tree, out: &mut Vec<u32>) {
    match tree {
        Tree::Leaf(v) => out.push(*v),
        Tree::Node(children) => children.iter().for_each(|c| walk_reference(c, out)),
    }
}

/// A tree of `width`-wide nodes, leaves numbered in order.
fn wide(depth: u32, width: u32, next: &mut u32) -> Tree {
    if depth == 0 {
        *next += 1;
        return Tree::Leaf(*next - 1);
    }
    Tree::Node((0..width).map(|_| wide(depth - 1, width, next)).collect())
}

/// `depth` nodes, each with a leaf and the rest of the chain: the left
/// spine (`leaf_first = false`) puts the chain first.
fn chain(depth: u32, leaf_first: bool) -> Tree {
    let mut tree = Tree::Leaf(depth);
    for i in (0..depth).rev() {
        let leaf = Tree::Leaf(i);
        tree = Tree::Node(if leaf_first {
            vec![leaf, tree]
        } else {
            vec![tree, leaf]
        });
    }
    tree
}

/// Drops a deep chain without recursing, so that the test's own data does
/// not overflow the small stacks below.
fn dismantle(tree: Tree) {
    let mut pending = vec![tree];
    while let Some(tree) = pending.pop() {
        if let Tree::Node(children) = tree {
            pending.extend(children);
        }
    }
}

#[test]
fn the_walk_matches_the_plain_recursive_function() {
    for (depth, width) in [(0, 1), (1, 3), (3, 4), (6, 2)] {
        let tree = wide(depth, width, &mut 0);
        let mut expected = Vec::new();
        walk_reference(&tree, &mut expected);
        assert_eq!(walk(&tree).collect::<Vec<_>>(), expected);
        assert_eq!(walk(&tree).boxed().collect::<Vec<_>>(), expected);
    }
}

#[test]
fn chains_100_000_deep_run_on_a_128_kib_stack() {
    // Nested delegation resumes every level on the way down: at this depth
    // it would overflow the thread's stack on the first item.
    let handle = std::thread::Builder::new()
        .stack_size(128 * 1024)
        .spawn(|| {
            let depth = 100_000;
            for leaf_first in [true, false] {
                let tree = chain(depth, leaf_first);
                let values: Vec<u32> = walk(&tree).boxed().collect();
                assert_eq!(values.len(), depth as usize + 1);
                let mut sorted = values.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, (0..=depth).collect::<Vec<_>>());
                // An unboxed generator at the top: one nested level, then
                // the first boxed one's stack.
                assert_eq!(walk(&tree).count(), depth as usize + 1);
                dismantle(tree);
            }
        })
        .expect("spawn");
    handle.join().expect("the walk ran on a 128 KiB stack");
}

#[test]
fn a_consumer_pulls_only_what_it_needs() {
    let log = DropLog::new();
    let mut g = guarded(log.clone(), 5).boxed();
    assert_eq!(g.state(), Phase::Created);
    assert!(log.dropped().is_empty());
    assert_eq!(g.next(), Some(0));
    // Five boxes are suspended, none finished.
    assert!(log.dropped().is_empty());
    assert_eq!(g.state(), Phase::Suspended);
}

// ---- mutual recursion ----------------------------------------------------------

/// Python: `def even(n): yield n; if n: yield from odd(n - 1)`.
#[generator(yield = u32)]
fn even(n: u32) {
    r#yield!(n);
    if n > 0 {
        yield_from!(odd(n - 1).boxed());
    }
}

#[generator(yield = u32)]
fn odd(n: u32) {
    r#yield!(n + 1000);
    if n > 0 {
        yield_from!(even(n - 1).boxed());
    }
}

#[test]
fn mutual_recursion_runs_flat() {
    let expected: Vec<u32> = (0..=6u32)
        .rev()
        .enumerate()
        .map(|(i, n)| if i % 2 == 0 { n } else { n + 1000 })
        .collect();
    assert_eq!(even(6).collect::<Vec<_>>(), expected);
    let handle = std::thread::Builder::new()
        .stack_size(128 * 1024)
        .spawn(|| even(200_000).boxed().count())
        .expect("spawn");
    assert_eq!(handle.join().expect("no stack overflow"), 200_001);
}

// ---- sends, throws and return values ---------------------------------------------

/// Each level adds what it receives to its running total and yields it.
#[generator(yield = i64, send = i64)]
fn summing(depth: u32) {
    let mut total = 0;
    if depth > 0 {
        yield_from!(summing(depth - 1).boxed());
    }
    for _ in 0..2 {
        total += r#yield!(total * 1000 + i64::from(depth));
    }
}

#[test]
fn sends_reach_the_innermost_generator() {
    let (first, mut g) = summing(3).boxed().start();
    // The innermost level (depth 0) yields first and takes the sends.
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.send(5), GeneratorState::Yielded(5000));
    // Depth 0 is done; depth 1 resumes after its `yield_from!`.
    assert_eq!(g.send(7), GeneratorState::Yielded(1));
    assert_eq!(g.send(2), GeneratorState::Yielded(2001));
    assert_eq!(g.send(1), GeneratorState::Yielded(2));
}

#[derive(Debug, PartialEq, Eq)]
struct Oops(u32);

/// Catches a thrown error at its innermost level and yields what it caught.
#[generator(yield = u32, throw = Oops)]
fn catching(depth: u32) {
    if depth > 0 {
        let delegated: Result<(), Oops> = yield_from!(catching(depth - 1).boxed());
        assert_eq!(delegated, Ok(()));
    }
    if let Err(Oops(code)) = r#yield!(depth) {
        let _ = r#yield!(code + 100 * depth);
    }
}

#[test]
fn throws_reach_the_innermost_generator() {
    let (first, mut g) = catching(2).boxed().start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.throw(Oops(7)), GeneratorState::Yielded(7));
    assert_eq!(g.send(()), GeneratorState::Yielded(1));
    assert_eq!(g.throw(Oops(8)), GeneratorState::Yielded(108));
    assert_eq!(g.send(()), GeneratorState::Yielded(2));
    assert_eq!(g.send(()), GeneratorState::Complete(()));
}

/// A sub-generator whose return value the outer body uses is delegated to
/// as before (nested); a chain of them still works.
#[generator(yield = u32)]
fn counting(tree: &Tree) -> usize {
    match tree {
        Tree::Leaf(v) => {
            r#yield!(*v);
            1
        }
        Tree::Node(children) => {
            let mut n = 0;
            for child in children {
                n += yield_from!(counting(child).boxed());
            }
            n
        }
    }
}

#[test]
fn sub_generators_with_return_values_still_delegate() {
    let tree = wide(3, 3, &mut 0);
    let mut g = counting(&tree).boxed();
    assert_eq!(g.by_ref().collect::<Vec<_>>(), (0..27).collect::<Vec<_>>());
    assert_eq!(g.take_return(), Some(27));
}

/// A sub-generator with another throw type is nested too: a throw stops at
/// the `yield_from!`, as `catching_other` shows.
#[generator(yield = u32)]
fn plain(n: u32) {
    for i in 0..n {
        r#yield!(i);
    }
}

#[generator(yield = u32, throw = Oops)]
fn catching_other() -> u32 {
    match yield_from!(plain(3).boxed()) {
        Ok(()) => 0,
        Err(Oops(code)) => code,
    }
}

#[test]
fn a_sub_generator_without_the_throw_type_does_not_receive_throws() {
    let (first, mut g) = catching_other().start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.throw(Oops(9)), GeneratorState::Complete(9));
}

/// Boxed generators of other kinds in the same chain: `boxed_send()` and
/// already-started ones are delegated to as before. (A generator cannot
/// box itself with `boxed_send()`: rustc cannot tell whether its own
/// opaque type is `Send` inside its body.)
#[generator(yield = u32)]
fn mixed(depth: u32) {
    r#yield!(depth);
    if depth == 0 {
        return;
    }
    match depth % 3 {
        0 => yield_from!(mixed(depth - 1).boxed()),
        1 => {
            yield_from!(plain(2).boxed_send());
            yield_from!(mixed(depth - 1).boxed());
        }
        _ => {
            let (first, rest) = mixed(depth - 1).boxed().start();
            if let GeneratorState::Yielded(v) = first {
                r#yield!(v);
            }
            yield_from!(rest);
        }
    }
}

#[test]
fn send_boxes_and_started_boxes_mix_with_the_stack() {
    let mut expected = Vec::new();
    for depth in (0..=9).rev() {
        expected.push(depth);
        if depth % 3 == 1 {
            expected.extend([0, 1]);
        }
    }
    assert_eq!(mixed(9).boxed().collect::<Vec<_>>(), expected);
}

// ---- drops, close and panics --------------------------------------------------------

#[generator(yield = u32)]
fn guarded(log: DropLog, depth: u32) {
    let _guard = log.guard(format!("box{depth}"));
    if depth == 0 {
        loop {
            r#yield!(0);
        }
    }
    yield_from!(guarded(log.clone(), depth - 1).boxed());
}

#[test]
fn close_drops_the_innermost_generator_first() {
    let log = DropLog::new();
    let mut g = guarded(log.clone(), 3).boxed();
    assert_eq!(g.next(), Some(0));
    g.close();
    assert_eq!(log.dropped(), ["box0", "box1", "box2", "box3"]);
    assert_eq!(g.state(), Phase::Closed);
    assert_eq!(g.next(), None);

    // The same through an unboxed generator at the top.
    let log = DropLog::new();
    let mut g = guarded(log.clone(), 3);
    assert_eq!(g.next(), Some(0));
    g.close();
    assert_eq!(log.dropped(), ["box0", "box1", "box2", "box3"]);
}

#[test]
fn drop_drops_the_innermost_generator_first() {
    let log = DropLog::new();
    let mut g = guarded(log.clone(), 3).boxed();
    assert_eq!(g.next(), Some(0));
    drop(g);
    assert_eq!(log.dropped(), ["box0", "box1", "box2", "box3"]);
}

#[generator(yield = u32)]
fn panicking(log: DropLog, depth: u32) {
    let _guard = log.guard(format!("box{depth}"));
    r#yield!(depth);
    if depth == 0 {
        panic!("deep down");
    }
    yield_from!(panicking(log.clone(), depth - 1).boxed());
    r#yield!(100);
}

fn panicking_reference(log: &DropLog, depth: u32) {
    let _guard = log.guard(format!("box{depth}"));
    if depth == 0 {
        panic!("deep down");
    }
    panicking_reference(log, depth - 1);
}

#[test]
fn a_panic_deep_down_drops_every_generator_once_innermost_first() {
    let reference = DropLog::new();
    assert!(catch_unwind(AssertUnwindSafe(|| panicking_reference(&reference, 3))).is_err());

    let log = DropLog::new();
    let mut g: BoxGenerator<'_, u32> = panicking(log.clone(), 3).boxed();
    assert_eq!(g.by_ref().take(4).collect::<Vec<_>>(), [3, 2, 1, 0]);
    assert!(catch_unwind(AssertUnwindSafe(|| g.next())).is_err());
    assert_eq!(log.dropped(), reference.dropped());
    assert!(g.is_finished());
    assert_eq!(g.next(), None);
    drop(g);
    assert_eq!(log.dropped().len(), 4);
}

// ---- the stack's slow path: frames that finish or hand over without yielding ----
//
// An item is one call into the innermost frame; everything else (a frame
// completing, a frame handing over its boxed sub-generator, no frames at
// all) is taken care of out of line. These run that path on every resume.

#[test]
fn empty_sub_generators_complete_on_the_stack() {
    // Boxes that yield nothing complete on their first resume, some right
    // after handing over a box that yields nothing either.
    let tree = Tree::Node(vec![
        Tree::Node(vec![]),
        Tree::Node(vec![Tree::Node(vec![]), Tree::Leaf(0)]),
        Tree::Node(vec![Tree::Node(vec![Tree::Node(vec![])])]),
        Tree::Leaf(1),
        Tree::Node(vec![Tree::Node(vec![]), Tree::Node(vec![])]),
        Tree::Leaf(2),
        Tree::Node(vec![]),
    ]);
    let mut expected = Vec::new();
    walk_reference(&tree, &mut expected);
    assert_eq!(expected, [0, 1, 2]);
    assert_eq!(walk(&tree).boxed().collect::<Vec<_>>(), expected);
    assert_eq!(walk(&tree).collect::<Vec<_>>(), expected);

    // Nothing at all: the bottom hands over a box that hands over one
    // more, and all of them complete within the first resume.
    let empty = Tree::Node(vec![Tree::Node(vec![Tree::Node(vec![])])]);
    let mut g = walk(&empty).boxed();
    assert_eq!(g.next(), None);
    assert!(g.is_finished());
    assert_eq!(g.state(), Phase::Complete);
    assert_eq!(g.next(), None);
}

/// Yields once at the bottom, then each level yields its depth after its
/// sub-generator finished; level `fail_at` panics there instead.
#[generator(yield = u32)]
fn failing_after(log: DropLog, depth: u32, fail_at: u32) {
    let _guard = log.guard(format!("box{depth}"));
    if depth > 0 {
        yield_from!(failing_after(log.clone(), depth - 1, fail_at).boxed());
    }
    assert_ne!(depth, fail_at, "level {depth} fails");
    r#yield!(depth);
}

#[test]
fn a_panic_after_a_frame_completed_drops_the_rest_once() {
    // Depth 3, level 2 fails: boxes 0 and 1 complete (and drop) first.
    let log = DropLog::new();
    let mut g: BoxGenerator<'_, u32> = failing_after(log.clone(), 3, 2).boxed();
    assert_eq!(g.next(), Some(0));
    assert_eq!(g.next(), Some(1));
    assert_eq!(log.dropped(), ["box0"]);
    assert!(catch_unwind(AssertUnwindSafe(|| g.next())).is_err());
    assert_eq!(log.dropped(), ["box0", "box1", "box2", "box3"]);
    assert!(g.is_finished());
    assert_eq!(g.next(), None);
    drop(g);
    assert_eq!(log.dropped().len(), 4);

    // The bottom generator itself fails, with no frame left above it.
    let log = DropLog::new();
    let mut g = failing_after(log.clone(), 2, 2).boxed();
    assert_eq!(g.by_ref().take(2).collect::<Vec<_>>(), [0, 1]);
    assert!(catch_unwind(AssertUnwindSafe(|| g.next())).is_err());
    assert_eq!(log.dropped(), ["box0", "box1", "box2"]);
    assert!(g.is_finished());
}

#[test]
fn a_chain_is_suspended_while_frames_run_on_its_stack() {
    let log = DropLog::new();
    let mut g = failing_after(log.clone(), 2, u32::MAX).boxed();
    assert_eq!(g.state(), Phase::Created);
    // Boxes 1 and 0 on the stack.
    assert_eq!(g.next(), Some(0));
    assert_eq!(g.state(), Phase::Suspended);
    // Box 1 alone.
    assert_eq!(g.next(), Some(1));
    assert_eq!(g.state(), Phase::Suspended);
    assert!(!g.is_finished());
    // No frames: the bottom generator yields itself.
    assert_eq!(g.next(), Some(2));
    assert_eq!(g.state(), Phase::Suspended);
    assert_eq!(g.next(), None);
    assert_eq!(g.state(), Phase::Complete);
    assert_eq!(log.dropped(), ["box0", "box1", "box2"]);

    let mut g = failing_after(DropLog::new(), 2, u32::MAX).boxed();
    assert_eq!(g.next(), Some(0));
    g.close();
    assert_eq!(g.state(), Phase::Closed);
    assert!(g.is_finished());
}
