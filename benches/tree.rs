//! tree: a recursive in-order walk of a balanced binary tree of 2^20 nodes
//! (keys `0..2^20`, so the walk yields them in order). The baseline is a
//! hand-written iterator with an explicit stack; every generator recurses
//! into each child that exists.
//!
//! Every implementation is an `each_*` function feeding each key to a
//! callback; results are checked for equality before timing.
//!
//! Run: `cargo bench --bench tree`

use std::future::Future;
use std::hint::black_box;
use std::pin::Pin;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use futures_core::Stream;
use genawaiter::stack::{Co, let_gen_using};
use next_gen::mk_gen;

#[path = "common/mod.rs"]
mod common;
use common::{Sizes, StreamIter};

const NODES: u32 = 1 << 20;

struct Node {
    key: u32,
    left: Option<Box<Node>>,
    right: Option<Box<Node>>,
}

/// The balanced tree holding the keys `lo..hi`.
fn build(lo: u32, hi: u32) -> Option<Box<Node>> {
    if lo >= hi {
        return None;
    }
    let mid = lo + (hi - lo) / 2;
    Some(Box::new(Node {
        key: mid,
        left: build(lo, mid),
        right: build(mid + 1, hi),
    }))
}

// ---- hand-written (baseline): explicit stack ----------------------------------------

struct InOrder<'a> {
    stack: Vec<&'a Node>,
    next: Option<&'a Node>,
}

impl<'a> Iterator for InOrder<'a> {
    type Item = u32;
    #[inline]
    fn next(&mut self) -> Option<u32> {
        while let Some(node) = self.next {
            self.stack.push(node);
            self.next = node.left.as_deref();
        }
        let node = self.stack.pop()?;
        self.next = node.right.as_deref();
        Some(node.key)
    }
}

fn walk_hand(root: &Node) -> InOrder<'_> {
    InOrder {
        stack: Vec::new(),
        next: Some(root),
    }
}

fn each_hand(root: &Node, f: impl FnMut(u32)) {
    walk_hand(root).for_each(f)
}

// ---- std: boxed `flat_map`/`chain` per node ------------------------------------------

fn walk_std(node: &Node) -> Box<dyn Iterator<Item = u32> + '_> {
    Box::new(
        node.left
            .as_deref()
            .into_iter()
            .flat_map(walk_std)
            .chain(std::iter::once(node.key))
            .chain(node.right.as_deref().into_iter().flat_map(walk_std)),
    )
}

fn each_std(root: &Node, f: impl FnMut(u32)) {
    walk_std(root).for_each(f)
}

// ---- ours --------------------------------------------------------------------

/// Each subtree a `BoxGenerator`: one heap box and one extra resume per level.
#[gen_runtime::generator(yield = u32)]
fn walk_ours_boxed<'a>(node: &'a Node) {
    if let Some(left) = node.left.as_deref() {
        yield_from!(walk_ours_boxed(left).boxed());
    }
    r#yield!(node.key);
    if let Some(right) = node.right.as_deref() {
        yield_from!(walk_ours_boxed(right).boxed());
    }
}

fn each_ours_boxed(root: &Node, f: impl FnMut(u32)) {
    walk_ours_boxed(root).for_each(f)
}

/// Direct self-recursion: the macro runs the subtrees as frames on the
/// runtime's explicit stack.
#[gen_runtime::generator(yield = u32)]
fn walk_ours_rec<'a>(node: &'a Node) {
    if let Some(left) = node.left.as_deref() {
        yield_from!(walk_ours_rec(left));
    }
    r#yield!(node.key);
    if let Some(right) = node.right.as_deref() {
        yield_from!(walk_ours_rec(right));
    }
}

fn each_ours_rec(root: &Node, f: impl FnMut(u32)) {
    walk_ours_rec(root).for_each(f)
}

// ---- diapause: `yield_all!(box sub)` -----------------------------------------------

#[diapause::coroutine(yield = u32)]
fn walk_diapause<'a>(node: &'a Node) {
    if let Some(left) = node.left.as_deref() {
        let sub: walk_diapause::State<'a> = walk_diapause(left);
        yield_all!(box sub);
    }
    yield_!(node.key);
    if let Some(right) = node.right.as_deref() {
        let sub: walk_diapause::State<'a> = walk_diapause(right);
        yield_all!(box sub);
    }
}

fn each_diapause(root: &Node, f: impl FnMut(u32)) {
    common::diapause_each(walk_diapause(root), f)
}

// ---- genawaiter (stack): one generator, subtrees are boxed futures sharing its `Co` -

fn walk_genawaiter<'a>(
    co: &'a Co<'_, u32>,
    node: &'a Node,
) -> Pin<Box<dyn Future<Output = ()> + 'a>> {
    Box::pin(async move {
        if let Some(left) = node.left.as_deref() {
            walk_genawaiter(co, left).await;
        }
        co.yield_(node.key).await;
        if let Some(right) = node.right.as_deref() {
            walk_genawaiter(co, right).await;
        }
    })
}

fn each_genawaiter(root: &Node, f: impl FnMut(u32)) {
    let_gen_using!(it, |co| async move { walk_genawaiter(&co, root).await });
    it.into_iter().for_each(f)
}

// ---- next-gen: each node iterates boxed sub-generators and re-yields ---------------

#[next_gen::generator(yield(u32))]
fn walk_next_gen<'a>(node: &'a Node) {
    if let Some(left) = node.left.as_deref() {
        mk_gen!(let sub = box walk_next_gen(left));
        for key in sub {
            yield_!(key);
        }
    }
    yield_!(node.key);
    if let Some(right) = node.right.as_deref() {
        mk_gen!(let sub = box walk_next_gen(right));
        for key in sub {
            yield_!(key);
        }
    }
}

fn each_next_gen(root: &Node, f: impl FnMut(u32)) {
    mk_gen!(let it = walk_next_gen(root));
    it.for_each(f)
}

// ---- async-stream: each node `for await`s boxed sub-streams and re-yields ----------

fn walk_async_stream(node: &Node) -> Pin<Box<dyn Stream<Item = u32> + '_>> {
    Box::pin(async_stream::stream! {
        if let Some(left) = node.left.as_deref() {
            for await key in walk_async_stream(left) {
                yield key;
            }
        }
        yield node.key;
        if let Some(right) = node.right.as_deref() {
            for await key in walk_async_stream(right) {
                yield key;
            }
        }
    })
}

fn each_async_stream(root: &Node, f: impl FnMut(u32)) {
    StreamIter(walk_async_stream(root).as_mut()).for_each(f)
}

// ---- checks, timing, sizes -----------------------------------------------------

type Each = fn(&Node, &mut dyn FnMut(u32));

/// `(name, implementation)`, in table order.
const IMPLS: &[(&str, Each)] = &[
    ("hand-written", |t, f| each_hand(t, f)),
    ("std", |t, f| each_std(t, f)),
    ("ours (boxed)", |t, f| each_ours_boxed(t, f)),
    ("ours (self-recursive)", |t, f| each_ours_rec(t, f)),
    ("diapause", |t, f| each_diapause(t, f)),
    ("genawaiter", |t, f| each_genawaiter(t, f)),
    ("next-gen", |t, f| each_next_gen(t, f)),
    ("async-stream", |t, f| each_async_stream(t, f)),
];

fn benches(c: &mut Criterion) {
    let tree = build(0, NODES).expect("a non-empty tree");
    for (name, each) in IMPLS {
        let mut expected = 0..NODES;
        each(&tree, &mut |key| {
            assert_eq!(Some(key), expected.next(), "{name}")
        });
        assert_eq!(expected.next(), None, "{name}");
    }

    let mut group = c.benchmark_group("tree");
    group.throughput(Throughput::Elements(u64::from(NODES)));
    common::slow_group(&mut group);
    macro_rules! bench {
        ($name:literal, $each:ident) => {
            group.bench_function($name, |b| {
                b.iter(|| {
                    $each(black_box(&tree), |key| {
                        black_box(key);
                    })
                })
            });
        };
    }
    bench!("hand-written", each_hand);
    bench!("std", each_std);
    bench!("ours (boxed)", each_ours_boxed);
    bench!("ours (self-recursive)", each_ours_rec);
    bench!("diapause", each_diapause);
    bench!("genawaiter", each_genawaiter);
    bench!("next-gen", each_next_gen);
    bench!("async-stream", each_async_stream);
    group.finish();
}

/// Prints the footprint of a fresh walk of each kind (see `size.rs`).
#[allow(dead_code)] // called by size.rs, which includes this file
pub(crate) fn sizes(allocated: fn() -> u64) {
    const W: &str = "tree";
    let s = &mut Sizes {
        allocated,
        rows: Vec::new(),
    };
    let tree = build(0, NODES).expect("a non-empty tree");
    let tree = &*tree;
    let run = |each: Each| {
        move || {
            each(tree, &mut |key| {
                black_box(key);
            })
        }
    };
    s.record(
        W,
        "hand-written",
        s.fresh(|| walk_hand(tree)),
        run(IMPLS[0].1),
    );
    s.record(W, "std", s.fresh(|| walk_std(tree)), run(IMPLS[1].1));
    let fresh = s.fresh(|| walk_ours_boxed(tree));
    s.record(W, "ours (boxed)", fresh, run(IMPLS[2].1));
    let fresh = s.fresh(|| walk_ours_rec(tree));
    s.record(W, "ours (self-recursive)", fresh, run(IMPLS[3].1));
    let fresh = s.fresh(|| walk_diapause(tree));
    s.record(W, "diapause", fresh, run(IMPLS[4].1));
    let fresh = {
        let before = s.allocated();
        let_gen_using!(it, |co| async move { walk_genawaiter(&co, tree).await });
        (common::genawaiter_size(it), s.allocated() - before)
    };
    s.record(W, "genawaiter", fresh, run(IMPLS[5].1));
    let fresh = {
        let before = s.allocated();
        mk_gen!(let it = walk_next_gen(tree));
        (std::mem::size_of_val(&*it), s.allocated() - before)
    };
    s.record(W, "next-gen", fresh, run(IMPLS[6].1));
    let fresh = s.fresh(|| walk_async_stream(tree));
    s.record(W, "async-stream", fresh, run(IMPLS[7].1));
    s.print();
}

criterion_group!(tree_benches, benches);
criterion_main!(tree_benches);
