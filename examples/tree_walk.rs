//! An in-order walk of a binary search tree, as a recursive generator.
//!
//! ```python
//! def inorder(node):
//!     if node is not None:
//!         yield from inorder(node.left)
//!         yield node.key
//!         yield from inorder(node.right)
//!
//! root = None
//! for key in [50, 30, 70, 20, 40, 60, 80]:
//!     root = insert(root, key)
//! print(list(inorder(root)))   # [20, 30, 40, 50, 60, 70, 80]
//! print(sum(inorder(big)))     # a tree of 100000 keys, walked lazily
//! ```

use gen_runtime::generator;

#[derive(Debug, Default)]
struct Tree {
    root: Option<Box<Node>>,
}

#[derive(Debug)]
struct Node {
    key: u64,
    left: Option<Box<Node>>,
    right: Option<Box<Node>>,
}

impl Tree {
    fn insert(&mut self, key: u64) {
        let mut slot = &mut self.root;
        while let Some(node) = slot {
            slot = if key < node.key {
                &mut node.left
            } else {
                &mut node.right
            };
        }
        *slot = Some(Box::new(Node {
            key,
            left: None,
            right: None,
        }));
    }
}

/// Calls itself directly: each call is a frame on the generator's own
/// stack (no `.boxed()`), and every resume goes straight to the innermost.
#[generator(yield = u64)]
fn inorder<'a>(node: Option<&'a Node>) {
    if let Some(node) = node {
        yield_from!(inorder(node.left.as_deref()));
        r#yield!(node.key);
        yield_from!(inorder(node.right.as_deref()));
    }
}

fn main() {
    let mut tree = Tree::default();
    for key in [50, 30, 70, 20, 40, 60, 80] {
        tree.insert(key);
    }
    println!("{:?}", inorder(tree.root.as_deref()).collect::<Vec<_>>());

    // A balanced tree of 2^17 - 1 keys, inserted level by level.
    let mut big = Tree::default();
    let levels = 17;
    let n: u64 = (1 << levels) - 1;
    let mut step: u64 = 1 << (levels - 1);
    while step > 0 {
        let mut key = step;
        while key <= n {
            big.insert(key);
            key += 2 * step;
        }
        step /= 2;
    }
    println!("{}", inorder(big.root.as_deref()).sum::<u64>());
}
