//! `boxed()`: a generator behind a pointer, with the same protocol.
#![deny(warnings)]

use gen_runtime::{BoxGenerator, BoxSendGenerator, BoxStarted, GeneratorState, generator};

#[generator(yield = u64)]
fn count(n: u64) -> u64 {
    for i in 0..n {
        r#yield!(i);
    }
    n
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

/// Generators of different bodies stored side by side.
struct Pipeline<'a> {
    stages: Vec<BoxGenerator<'a, u64, (), u64>>,
}

#[test]
fn boxed_generators_keep_the_protocol_and_fit_in_structs() {
    let mut p = Pipeline {
        stages: vec![count(2).boxed(), count(3).boxed()],
    };
    let mut all = Vec::new();
    let mut returns = Vec::new();
    for stage in &mut p.stages {
        all.extend(stage.by_ref());
        returns.push(stage.take_return());
    }
    assert_eq!(all, [0, 1, 0, 1, 2]);
    assert_eq!(returns, [Some(2), Some(3)]);

    let (first, acc) = accumulator().start();
    assert_eq!(first, GeneratorState::Yielded(0));
    let mut acc: BoxStarted<'_, i64, i64, i64> = acc.boxed();
    assert_eq!(acc.send(4), GeneratorState::Yielded(4));
    assert_eq!(acc.send(-1), GeneratorState::Complete(4));
}

#[test]
fn a_boxed_send_generator_crosses_threads() {
    let g: BoxSendGenerator<'static, u64, (), u64> = count(4).boxed_send();
    let total: u64 = std::thread::spawn(move || g.sum()).join().unwrap();
    assert_eq!(total, 6);
}

enum Tree {
    Leaf(u32),
    Node(Vec<Tree>),
}

/// Recursion through `boxed()`: the seed article's recursive generator.
#[generator(yield = u32)]
fn walk<'a>(tree: &'a Tree) {
    match tree {
        Tree::Leaf(v) => r#yield!(*v),
        Tree::Node(children) => {
            for child in children {
                let mut sub = walk(child).boxed();
                while let Some(v) = sub.next() {
                    r#yield!(v);
                }
            }
        }
    }
}

#[test]
fn recursion_through_boxed_generators() {
    let tree = Tree::Node(vec![
        Tree::Leaf(1),
        Tree::Node(vec![Tree::Leaf(2), Tree::Leaf(3)]),
        Tree::Leaf(4),
    ]);
    assert_eq!(walk(&tree).collect::<Vec<_>>(), [1, 2, 3, 4]);
}
