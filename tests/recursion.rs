//! Direct self-recursion: `yield_from!(walk(child))` inside `fn walk` runs
//! the callee as a new frame on an explicit stack inside one generator
//! (SPEC §5, issue 3). Each test compares with the same code written as a
//! plain recursive function, and checks what the frame stack changes: no
//! stack overflow at any depth, innermost-first drops, and the protocol
//! (send, throw, close, return values) reaching the innermost frame.
#![deny(warnings)]

use std::panic::{AssertUnwindSafe, catch_unwind};

use gen_runtime::{GeneratorState, Phase, generator};
use gen_workspace::drops::DropLog;

// ---- a boxed binary tree ----------------------------------------------------

enum Tree {
    Leaf,
    Node(Box<Tree>, u32, Box<Tree>),
}

/// The in-order walk. `left` is a `&Box<Tree>`: the argument is coerced to
/// the parameter's type, as a call would coerce it.
#[generator(yield = u32)]
fn walk(tree: &Tree) {
    if let Tree::Node(left, value, right) = tree {
        yield_from!(walk(left));
        r#yield!(*value);
        yield_from!(walk(right));
    }
}

fn walk_reference(tree: &Tree, out: &mut Vec<u32>) {
    if let Tree::Node(left, value, right) = tree {
        walk_reference(left, out);
        out.push(*value);
        walk_reference(right, out);
    }
}

/// A balanced tree holding `lo..hi` in order.
fn balanced(lo: u32, hi: u32) -> Tree {
    if lo >= hi {
        return Tree::Leaf;
    }
    let mid = lo + (hi - lo) / 2;
    Tree::Node(
        Box::new(balanced(lo, mid)),
        mid,
        Box::new(balanced(mid + 1, hi)),
    )
}

/// An unbalanced tree from a seeded sequence of insertions (a binary
/// search tree, so its in-order walk is sorted).
fn random_tree(seed: u64, count: usize) -> Tree {
    fn insert(tree: &mut Tree, value: u32) {
        let mut at = tree;
        loop {
            match at {
                Tree::Leaf => {
                    *at = Tree::Node(Box::new(Tree::Leaf), value, Box::new(Tree::Leaf));
                    return;
                }
                Tree::Node(left, here, right) => at = if value < *here { left } else { right },
            }
        }
    }
    let mut state = seed | 1;
    let mut tree = Tree::Leaf;
    for _ in 0..count {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        insert(&mut tree, (state % 1000) as u32);
    }
    tree
}

#[test]
fn in_order_walk_matches_the_plain_recursive_function() {
    for seed in 1..40 {
        let tree = random_tree(seed, seed as usize * 7);
        let mut expected = Vec::new();
        walk_reference(&tree, &mut expected);
        assert_eq!(walk(&tree).collect::<Vec<_>>(), expected, "seed {seed}");
    }
}

#[test]
fn balanced_tree_of_2_pow_20_nodes() {
    let n = 1 << 20;
    let tree = balanced(0, n);
    let mut expected = 0;
    for value in walk(&tree) {
        assert_eq!(value, expected);
        expected += 1;
    }
    assert_eq!(expected, n);
}

#[test]
fn a_consumer_pulls_only_what_it_needs() {
    let tree = balanced(0, 1 << 10);
    assert_eq!(walk(&tree).take(3).collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(walk(&tree).nth(700), Some(700));
}

// ---- degenerate trees: depth bounded by the heap, not the thread's stack ----

/// A tree in an arena (dropping a deep `Box` chain would itself recurse).
struct Arena {
    nodes: Vec<(Option<usize>, u32, Option<usize>)>,
}

#[generator(yield = u32)]
fn walk_arena(arena: &Arena, at: Option<usize>) {
    if let Some(at) = at {
        let (left, value, right) = arena.nodes[at];
        yield_from!(walk_arena(arena, left));
        r#yield!(value);
        yield_from!(walk_arena(arena, right));
    }
}

/// Every node has only a right child (a list): `depth` frames at the end.
fn right_list(depth: usize) -> Arena {
    let nodes = (0..depth)
        .map(|i| (None, i as u32, (i + 1 < depth).then_some(i + 1)))
        .collect();
    Arena { nodes }
}

/// Every node has only a left child: the first value is `depth` frames down.
fn left_list(depth: usize) -> Arena {
    let nodes = (0..depth)
        .map(|i| {
            (
                (i + 1 < depth).then_some(i + 1),
                (depth - 1 - i) as u32,
                None,
            )
        })
        .collect();
    Arena { nodes }
}

#[test]
fn degenerate_trees_10_000_deep() {
    let depth = 10_000;
    for arena in [right_list(depth), left_list(depth)] {
        let values: Vec<u32> = walk_arena(&arena, Some(0)).collect();
        assert_eq!(values, (0..depth as u32).collect::<Vec<_>>());
    }
}

#[test]
fn a_million_frames_deep_on_a_small_thread_stack() {
    // 64 KiB of thread stack: a resume path that recursed per level would
    // overflow after a few hundred levels.
    let handle = std::thread::Builder::new()
        .stack_size(64 * 1024)
        .spawn(|| {
            let depth = 1_000_000;
            let arena = left_list(depth);
            let mut g = walk_arena(&arena, Some(0));
            assert_eq!(g.next(), Some(0));
            assert_eq!(g.by_ref().count(), depth - 1);
            assert!(g.is_finished());
        })
        .expect("spawn");
    handle.join().expect("the walk ran on a 64 KiB stack");
}

// ---- return values ------------------------------------------------------------

/// Yields the values and returns how many there were: every frame uses
/// the return values of the frames it called.
#[generator(yield = u32)]
fn walk_counting(tree: &Tree) -> usize {
    match tree {
        Tree::Leaf => 0,
        Tree::Node(left, value, right) => {
            let on_the_left = yield_from!(walk_counting(left));
            r#yield!(*value);
            let on_the_right = yield_from!(walk_counting(right));
            on_the_left + 1 + on_the_right
        }
    }
}

#[test]
fn return_values_reach_the_caller_frame() {
    for seed in [3, 9, 27] {
        let tree = random_tree(seed, 100);
        let mut expected = Vec::new();
        walk_reference(&tree, &mut expected);
        let mut g = walk_counting(&tree);
        let values: Vec<u32> = g.by_ref().collect();
        assert_eq!(values, expected);
        assert_eq!(g.take_return(), Some(100));
    }
}

/// Python's `flatten` from the seed article, with the nested data owned by
/// the caller and walked by reference.
#[derive(Debug)]
enum Nested {
    Item(i32),
    List(Vec<Nested>),
}

#[generator(yield = i32)]
fn flatten(items: &[Nested]) -> usize {
    let mut depth = 0;
    for item in items {
        match item {
            Nested::Item(x) => r#yield!(*x),
            Nested::List(sub) => depth = depth.max(1 + yield_from!(flatten(sub))),
        }
    }
    depth
}

fn flatten_reference(items: &[Nested], out: &mut Vec<i32>) -> usize {
    let mut depth = 0;
    for item in items {
        match item {
            Nested::Item(x) => out.push(*x),
            Nested::List(sub) => depth = depth.max(1 + flatten_reference(sub, out)),
        }
    }
    depth
}

#[test]
fn flatten_nested_lists_and_report_their_depth() {
    use Nested::{Item, List};
    let data = vec![
        Item(1),
        List(vec![Item(2), List(vec![Item(3), Item(4)]), List(vec![])]),
        Item(5),
        List(vec![List(vec![List(vec![Item(6)])])]),
    ];
    let mut expected = Vec::new();
    let depth = flatten_reference(&data, &mut expected);
    let mut g = flatten(&data);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), expected);
    assert_eq!(expected, [1, 2, 3, 4, 5, 6]);
    assert_eq!(g.take_return(), Some(depth));
    assert_eq!(depth, 3);
}

#[test]
fn flatten_5000_levels_of_nesting() {
    let mut data = vec![Nested::Item(-1)];
    for level in 0..5000 {
        data = vec![Nested::Item(level), Nested::List(data)];
    }
    let mut g = flatten(&data);
    let values: Vec<i32> = g.by_ref().collect();
    assert_eq!(values.len(), 5001);
    assert_eq!(values[0], 4999);
    assert_eq!(values[5000], -1);
    assert_eq!(g.take_return(), Some(5000));
    drop(g);
    // `Vec<Nested>` drops recursively: take it apart level by level.
    while let Some(Nested::List(inner)) = data.pop() {
        data = inner;
    }
}

// ---- arguments: owned values, generics, `impl Trait` -------------------------

#[generator(yield = String)]
fn labels(n: u32, prefix: String) {
    r#yield!(format!("{prefix}{n}"));
    if n > 0 {
        let deeper = format!("{prefix}-");
        yield_from!(labels(n - 1, deeper));
    }
    r#yield!(format!("{prefix}end"));
}

#[test]
fn owned_arguments_move_into_the_callee() {
    let got: Vec<String> = labels(2, String::from(">")).collect();
    assert_eq!(got, [">2", ">-1", ">--0", ">--end", ">-end", ">end"]);
}

enum GTree<T> {
    Leaf,
    Node(Box<GTree<T>>, T, Box<GTree<T>>),
}

#[generator(yield = T)]
fn walk_generic<'t, T: Clone + 't>(tree: &'t GTree<T>) {
    if let GTree::Node(left, value, right) = tree {
        yield_from!(walk_generic(left));
        r#yield!(value.clone());
        yield_from!(walk_generic(right));
    }
}

#[test]
fn generic_recursion() {
    let leaf = || Box::new(GTree::Leaf);
    let tree = GTree::Node(
        Box::new(GTree::Node(leaf(), "a", leaf())),
        "b",
        Box::new(GTree::Node(leaf(), "c", leaf())),
    );
    assert_eq!(walk_generic(&tree).collect::<String>(), "abc");
}

/// An `impl Trait` parameter cannot be named in the coercion: the argument
/// is passed as it is, with the same type.
#[generator(yield = u32)]
fn repeat_each(values: impl Iterator<Item = u32> + Clone, times: u32) {
    if times > 0 {
        for v in values.clone() {
            r#yield!(v);
        }
        yield_from!(repeat_each(values, times - 1));
    }
}

#[test]
fn impl_trait_arguments() {
    let got: Vec<u32> = repeat_each([1, 2].into_iter(), 3).collect();
    assert_eq!(got, [1, 2, 1, 2, 1, 2]);
}

/// A recursive generator can still delegate to other generators and to
/// iterables; only calls to itself become frames.
#[generator(yield = u32)]
fn ranges(n: u32) {
    if n > 0 {
        yield_from!(0..n);
        yield_from!(ranges(n - 1));
    }
}

#[test]
fn mixed_with_ordinary_delegation() {
    let got: Vec<u32> = ranges(3).collect();
    assert_eq!(got, [0, 1, 2, 0, 1, 0]);
}

// ---- send, throw, close, panics -----------------------------------------------

/// The innermost frame receives what is sent; each level adds one to the
/// return value on the way up.
#[generator(yield = u32, send = u32)]
fn summing(depth: u32) -> u32 {
    if depth == 0 {
        let mut total = 0;
        loop {
            let v = r#yield!(total);
            if v == 0 {
                return total;
            }
            total += v;
        }
    }
    let below = yield_from!(summing(depth - 1));
    r#yield!(below);
    below + 1
}

#[test]
fn send_reaches_the_innermost_frame() {
    let (first, mut g) = summing(3).start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.send(5), GeneratorState::Yielded(5));
    assert_eq!(g.send(7), GeneratorState::Yielded(12));
    // Innermost returns 12; level 1 yields it.
    assert_eq!(g.send(0), GeneratorState::Yielded(12));
    assert_eq!(g.send(0), GeneratorState::Yielded(13));
    assert_eq!(g.send(0), GeneratorState::Yielded(14));
    assert_eq!(g.send(0), GeneratorState::Complete(15));
    assert!(g.is_finished());
}

#[derive(Debug, PartialEq)]
struct Oops(&'static str);

/// The innermost frame counts thrown errors until `"done"`; `"fail"`
/// propagates with `?`. A self-recursive `yield_from!` evaluates to
/// `Result<R, E>` like any `yield_from!` in a generator with `throw = E`.
#[generator(yield = u32, throw = Oops)]
fn catching(depth: u32) -> Result<u32, Oops> {
    if depth == 0 {
        let mut caught = 0;
        loop {
            match r#yield!(caught) {
                Ok(()) => {}
                Err(Oops("done")) => return Ok(caught),
                Err(Oops("fail")) => return Err(Oops("fail")),
                Err(_) => caught += 1,
            }
        }
    }
    let below = yield_from!(catching(depth - 1))??;
    Ok(below * 10)
}

#[test]
fn throw_reaches_the_innermost_frame_and_return_values_come_back() {
    let (first, mut g) = catching(2).start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.throw(Oops("x")), GeneratorState::Yielded(1));
    assert_eq!(g.throw(Oops("y")), GeneratorState::Yielded(2));
    assert_eq!(g.throw(Oops("done")), GeneratorState::Complete(Ok(200)));
}

#[test]
fn an_error_propagates_through_every_frame_with_question_mark() {
    let (_, mut g) = catching(5).start();
    assert_eq!(
        g.throw(Oops("fail")),
        GeneratorState::Complete(Err(Oops("fail")))
    );
    assert_eq!(g.state(), Phase::Complete);
}

#[generator(yield = u32)]
fn guarded(log: DropLog, depth: u32) {
    let _guard = log.guard(format!("frame{depth}"));
    if depth == 0 {
        loop {
            r#yield!(0);
        }
    }
    yield_from!(guarded(log.clone(), depth - 1));
}

#[test]
fn close_drops_the_innermost_frame_first() {
    let log = DropLog::new();
    let mut g = guarded(log.clone(), 3);
    assert_eq!(g.next(), Some(0));
    assert!(log.dropped().is_empty());
    g.close();
    assert_eq!(log.dropped(), ["frame0", "frame1", "frame2", "frame3"]);
    assert_eq!(g.state(), Phase::Closed);
    assert_eq!(g.next(), None);
}

#[test]
fn drop_drops_the_innermost_frame_first() {
    let log = DropLog::new();
    let mut g = guarded(log.clone(), 3);
    assert_eq!(g.next(), Some(0));
    drop(g);
    assert_eq!(log.dropped(), ["frame0", "frame1", "frame2", "frame3"]);
}

#[test]
fn a_fresh_recursive_generator_runs_nothing() {
    let log = DropLog::new();
    let g = guarded(log.clone(), 3);
    assert_eq!(g.state(), Phase::Created);
    drop(g);
    assert!(log.dropped().is_empty());
}

#[generator(yield = u32)]
fn panicking(log: DropLog, depth: u32) {
    let _guard = log.guard(format!("frame{depth}"));
    r#yield!(depth);
    if depth == 0 {
        panic!("deep down");
    }
    yield_from!(panicking(log.clone(), depth - 1));
    r#yield!(100);
}

fn panicking_reference(log: &DropLog, depth: u32) {
    let _guard = log.guard(format!("frame{depth}"));
    if depth == 0 {
        panic!("deep down");
    }
    panicking_reference(log, depth - 1);
}

#[test]
fn a_panic_deep_down_drops_every_frame_once_innermost_first() {
    let log = DropLog::new();
    let mut g = panicking(log.clone(), 3);
    assert_eq!(g.by_ref().take(4).collect::<Vec<_>>(), [3, 2, 1, 0]);
    let result = catch_unwind(AssertUnwindSafe(|| g.next()));
    assert!(result.is_err());
    let reference = DropLog::new();
    let reference_result = catch_unwind(AssertUnwindSafe(|| panicking_reference(&reference, 3)));
    assert!(reference_result.is_err());
    assert_eq!(log.dropped(), reference.dropped());
    assert_eq!(log.dropped(), ["frame0", "frame1", "frame2", "frame3"]);
    assert!(g.is_finished());
    assert_eq!(g.next(), None);
    drop(g);
    assert_eq!(log.dropped().len(), 4);
}

#[test]
fn phases_while_frames_are_stacked() {
    let tree = balanced(0, 8);
    let mut g = walk(&tree);
    assert_eq!(g.state(), Phase::Created);
    assert_eq!(g.next(), Some(0));
    assert_eq!(g.state(), Phase::Suspended);
    assert_eq!(g.by_ref().count(), 7);
    assert_eq!(g.state(), Phase::Complete);
}

#[test]
fn a_recursive_generator_can_be_boxed() {
    let tree = balanced(0, 16);
    let boxed: gen_runtime::BoxGenerator<'_, u32> = walk(&tree).boxed();
    assert_eq!(boxed.collect::<Vec<_>>(), (0..16).collect::<Vec<_>>());
}

// ---- methods: `self.name(…)` and `Self::name(…)` -----------------------------

/// A tree stored in a struct: the walk is a method that calls itself on
/// the same receiver with another node.
struct Forest {
    nodes: Vec<(Option<usize>, char, Option<usize>)>,
}

impl Forest {
    #[generator(yield = char)]
    fn walk_from(&self, at: Option<usize>) -> usize {
        let Some(at) = at else { return 0 };
        let (left, value, right) = self.nodes[at];
        let on_the_left = yield_from!(self.walk_from(left));
        r#yield!(value);
        let on_the_right = yield_from!(Self::walk_from(self, right));
        on_the_left + 1 + on_the_right
    }

    #[generator(yield = u32)]
    fn countdown(n: u32) {
        if n > 0 {
            r#yield!(n);
            yield_from!(Self::countdown(n - 1));
        }
    }
}

#[test]
fn methods_call_themselves_through_self() {
    let forest = Forest {
        nodes: vec![
            (Some(1), 'b', Some(2)),
            (None, 'a', None),
            (None, 'c', Some(3)),
            (None, 'd', None),
        ],
    };
    let mut g = forest.walk_from(Some(0));
    assert_eq!(g.by_ref().collect::<String>(), "abcd");
    assert_eq!(g.take_return(), Some(4));
    assert_eq!(Forest::countdown(3).collect::<Vec<_>>(), [3, 2, 1]);
}

/// What the error for `for x in f(n - 1) { r#yield!(x) }` suggests to
/// transform the callee's values: iterate over the boxed call.
#[generator(yield = u32)]
fn scaled_countdown(n: u32) {
    if n > 0 {
        r#yield!(n);
        for x in scaled_countdown(n - 1).boxed() {
            r#yield!(x * 10);
        }
    }
}

#[test]
fn iterating_over_a_boxed_call_of_itself() {
    assert_eq!(scaled_countdown(3).collect::<Vec<_>>(), [3, 20, 100]);
}

/// A call of itself whose generator does not live across a yield needs
/// neither: the state does not contain it.
#[generator(yield = usize)]
fn sizes(n: usize) {
    if n > 0 {
        let below = sizes(n - 1).count();
        r#yield!(below);
    }
}

#[test]
fn a_call_of_itself_consumed_between_yields() {
    assert_eq!(sizes(3).collect::<Vec<_>>(), [1]);
}

/// A yield in the recursive call's arguments runs before the call.
#[generator(yield = u32, send = u32)]
fn ask_depth(depth: u32) -> u32 {
    if depth > 0 {
        let below = yield_from!(ask_depth(r#yield!(depth) - 1));
        return below + 1;
    }
    100
}

#[test]
fn a_yield_in_the_arguments_of_a_recursive_call_runs_first() {
    let (state, mut g) = ask_depth(3).start();
    assert_eq!(state, GeneratorState::Yielded(3));
    // Each level asks what to pass on; its child's depth is one less.
    assert_eq!(g.send(2), GeneratorState::Yielded(1));
    assert_eq!(g.send(1), GeneratorState::Complete(102));
}
