//! `#[generator(clone)]` (SPEC §10): a generator is a plain value, so it can
//! be copied mid-stream and each copy continues on its own from the same
//! suspension point — something Python's generators cannot do. Every use
//! case is checked against a plain re-run from scratch.
#![deny(warnings)]

use std::cell::Cell;
use std::rc::Rc;

use gen_runtime::{GeneratorState, generator};

// ---- tee: two independent iterators, no buffering ---------------------------

#[generator(yield = u64, clone)]
fn fib() {
    let (mut a, mut b) = (0u64, 1u64);
    loop {
        r#yield!(a);
        (a, b) = (b, a + b);
    }
}

#[test]
fn tee_without_buffering() {
    let mut first = fib();
    assert_eq!(first.by_ref().take(5).collect::<Vec<_>>(), [0, 1, 1, 2, 3]);
    let second = first.clone();
    // Each copy goes on from the sixth value, as a fresh run would.
    let expected: Vec<u64> = fib().skip(5).take(5).collect();
    assert_eq!(first.take(5).collect::<Vec<_>>(), expected);
    assert_eq!(second.take(5).collect::<Vec<_>>(), expected);
}

// ---- backtracking: fork at every choice point -------------------------------

/// Walks a path of `depth` binary choices; at each choice point it yields
/// the path so far and receives the branch to take. Returns the path's
/// cost, which depends on every choice.
#[generator(yield = Vec<bool>, send = bool, clone)]
fn path(depth: usize) -> u32 {
    let mut taken = Vec::new();
    let mut cost = 0u32;
    for level in 0..depth {
        let right = r#yield!(taken.clone());
        cost = cost * 3 + if right { 2 } else { 1 } + u32::try_from(level).unwrap_or(0);
        taken.push(right);
    }
    cost
}

/// Explores every branch by forking the generator at each choice point.
fn explore<G>(g: gen_runtime::Started<G>, out: &mut Vec<u32>)
where
    G: gen_runtime::RawGenerator<Yield = Vec<bool>, Send = bool, Return = u32> + Clone,
{
    for choice in [false, true] {
        let mut branch = g.clone();
        match branch.send(choice) {
            GeneratorState::Yielded(_) => explore(branch, out),
            GeneratorState::Complete(cost) => out.push(cost),
        }
    }
}

/// The same search without forking: every path replayed from the start.
fn replay_all(depth: usize) -> Vec<u32> {
    (0..1u32 << depth)
        .map(|bits| {
            let (mut state, mut g) = path(depth).start();
            let mut level = 0;
            while let GeneratorState::Yielded(_) = state {
                state = g.send(bits >> (depth - 1 - level) & 1 == 1);
                level += 1;
            }
            match state {
                GeneratorState::Complete(cost) => cost,
                GeneratorState::Yielded(_) => unreachable!(),
            }
        })
        .collect()
}

#[test]
fn backtracking_search_forks_at_each_choice_point() {
    let (first, g) = path(4).start();
    assert_eq!(first, GeneratorState::Yielded(vec![]));
    let mut costs = Vec::new();
    explore(g, &mut costs);
    assert_eq!(costs.len(), 16);
    assert_eq!(costs, replay_all(4));
}

// ---- checkpoint and rewind of a parser ---------------------------------------

/// Tokens of a tiny arithmetic language, one per resume.
#[generator(yield = String, clone)]
fn tokens(text: String) {
    let chars: Vec<char> = text.chars().collect();
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        at += 1;
        if c.is_ascii_digit() {
            let mut number = c.to_string();
            while at < chars.len() && chars[at].is_ascii_digit() {
                number.push(chars[at]);
                at += 1;
            }
            r#yield!(number);
        } else if !c.is_whitespace() {
            r#yield!(c.to_string());
        }
    }
}

/// `a + b` when the next three tokens are a sum; otherwise the tokenizer is
/// rewound to the checkpoint taken before trying, and `None` returned.
fn try_sum<G>(toks: &mut gen_runtime::Fresh<G>) -> Option<u64>
where
    G: gen_runtime::RawGenerator<Yield = String, Send = ()> + Clone,
{
    let checkpoint = toks.clone();
    let parsed = (|| {
        let a: u64 = toks.next()?.parse().ok()?;
        (toks.next()? == "+").then_some(())?;
        let b: u64 = toks.next()?.parse().ok()?;
        Some(a + b)
    })();
    if parsed.is_none() {
        *toks = checkpoint;
    }
    parsed
}

#[test]
fn checkpoint_and_rewind_a_parser() {
    let mut toks = tokens("12 + 30 7 * 2".to_string());
    assert_eq!(try_sum(&mut toks), Some(42));
    // `7 * 2` is not a sum: the tokenizer is back before `7`.
    assert_eq!(try_sum(&mut toks), None);
    assert_eq!(toks.collect::<Vec<_>>(), ["7", "*", "2"]);
}

// ---- every held value is cloned once and dropped once ------------------------

/// Counts the values alive: made, cloned and dropped.
struct Counted {
    live: Rc<Cell<i32>>,
}

impl Counted {
    fn new(live: &Rc<Cell<i32>>) -> Self {
        live.set(live.get() + 1);
        Counted { live: live.clone() }
    }
}

impl Clone for Counted {
    fn clone(&self) -> Self {
        Counted::new(&self.live)
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.live.set(self.live.get() - 1);
    }
}

#[generator(yield = u32, clone)]
fn holds_two(live: Rc<Cell<i32>>) {
    let a = Counted::new(&live);
    r#yield!(1);
    let b = Counted::new(&live);
    r#yield!(2);
    drop(a);
    r#yield!(3);
    drop(b);
}

#[test]
fn clones_drop_what_they_hold_exactly_once() {
    let live = Rc::new(Cell::new(0));
    let mut g = holds_two(live.clone());
    assert_eq!(g.next(), Some(1));
    assert_eq!(g.next(), Some(2));
    assert_eq!(live.get(), 2);
    let mut copy = g.clone();
    assert_eq!(live.get(), 4, "the copy holds its own `a` and `b`");
    assert_eq!(copy.next(), Some(3));
    assert_eq!(live.get(), 3, "the copy dropped its `a`");
    copy.close();
    assert_eq!(live.get(), 2, "close dropped the copy's `b`");
    drop(copy);
    assert_eq!(live.get(), 2, "and nothing twice");
    assert_eq!(g.collect::<Vec<_>>(), [3]);
    assert_eq!(live.get(), 0);
}

#[test]
fn a_fresh_generator_clones_its_arguments() {
    let template = tokens("1 + 2".to_string());
    let a: Vec<String> = template.clone().collect();
    let b: Vec<String> = template.collect();
    assert_eq!(a, b);
}

/// A self-recursive generator copies every frame.
enum Tree {
    Leaf(u32),
    Node(Box<Tree>, Box<Tree>),
}

#[generator(yield = u32, clone)]
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
fn a_recursive_generator_forks_with_its_frames() {
    let tree = Tree::Node(
        Box::new(Tree::Node(Box::new(Tree::Leaf(1)), Box::new(Tree::Leaf(2)))),
        Box::new(Tree::Node(Box::new(Tree::Leaf(3)), Box::new(Tree::Leaf(4)))),
    );
    let mut g = leaves(&tree);
    assert_eq!(g.next(), Some(1));
    let copy = g.clone();
    assert_eq!(g.collect::<Vec<_>>(), [2, 3, 4]);
    assert_eq!(copy.collect::<Vec<_>>(), [2, 3, 4]);
}
