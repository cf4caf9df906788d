//! `gen_block!` (SPEC §6): generator expressions. Each test translates a
//! behaviour of CPython's generator expressions (the Python program and its
//! output quoted), or a use of the whole protocol from a block.
#![deny(warnings)]

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gen_runtime::{GeneratorState, Phase, gen_block, generator};
use gen_workspace::drops::DropLog;

/// ```python
/// nums = [1, 2, 3, 4, 5]
/// print(list(x * x for x in nums if x % 2))  # [1, 9, 25]
/// ```
#[test]
fn squares_of_odd_numbers() {
    let nums = vec![1, 2, 3, 4, 5];
    let odd_squares: Vec<i32> = gen_block! {
        for x in nums {
            if x % 2 == 1 {
                yield!(x * x);
            }
        }
    }
    .collect();
    assert_eq!(odd_squares, [1, 9, 25]);
}

/// Laziness: nothing runs before the first `next()`, and each `next()` runs
/// exactly to the next yield.
///
/// ```python
/// log = []
/// def f(x):
///     log.append(x)
///     return x
/// g = (f(x) for x in range(3))
/// print(log)        # []
/// next(g)
/// print(log)        # [0]
/// ```
#[test]
fn lazy_until_the_first_next() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let seen = log.clone();
    let f = move |x: u32| {
        seen.borrow_mut().push(x);
        x
    };
    let mut g = gen_block! {
        for x in 0..3 {
            yield!(f(x));
        }
    };
    assert!(log.borrow().is_empty());
    assert_eq!(g.next(), Some(0));
    assert_eq!(*log.borrow(), [0]);
    assert_eq!(g.state(), Phase::Suspended);
}

/// Single pass: a generator expression is consumed by the first consumer.
///
/// ```python
/// g = (x for x in range(3))
/// print(sum(g))  # 3
/// print(sum(g))  # 0: exhausted
/// ```
/// In Rust the first consumer takes the generator by value; `by_ref()`
/// keeps it, and it is exhausted (fused) afterwards.
#[test]
fn single_pass() {
    let mut g = gen_block! {
        for x in 0..3u32 {
            yield!(x);
        }
    };
    assert_eq!(g.by_ref().sum::<u32>(), 3);
    assert_eq!(g.by_ref().sum::<u32>(), 0);
    assert!(g.is_finished());
}

/// `take(k)` pulls exactly k values from an infinite generator expression.
#[test]
fn take_pulls_exactly_k() {
    let pulled = Cell::new(0);
    let pulled = &pulled;
    let naturals = gen_block! {
        let mut n = 0u64;
        loop {
            pulled.set(pulled.get() + 1);
            yield!(n);
            n += 1;
        }
    };
    assert_eq!(naturals.take(4).collect::<Vec<_>>(), [0, 1, 2, 3]);
    assert_eq!(pulled.get(), 4);
}

/// Nested `for`s, as in `((x, y) for x in xs for y in ys)`.
///
/// ```python
/// print(list((x, y) for x in "ab" for y in range(2)))
/// # [('a', 0), ('a', 1), ('b', 0), ('b', 1)]
/// ```
#[test]
fn nested_fors() {
    let pairs: Vec<(char, u32)> = gen_block! {
        for x in ['a', 'b'] {
            for y in 0..2 {
                yield!((x, y));
            }
        }
    }
    .collect();
    assert_eq!(pairs, [('a', 0), ('a', 1), ('b', 0), ('b', 1)]);
}

/// `sum`, `any`, `all` consume generator expressions; `any` stops early.
///
/// ```python
/// print(sum(x for x in range(5)))           # 10
/// print(any(x > 2 for x in range(10**9)))   # True, after 4 values
/// print(all(x < 3 for x in range(5)))       # False
/// ```
#[test]
fn sum_any_all_consumers() {
    assert_eq!(
        gen_block! { for x in 0..5u64 { yield!(x); } }.sum::<u64>(),
        10
    );
    let pulled = Cell::new(0u64);
    let pulled = &pulled;
    let found = gen_block! {
        for x in 0..1_000_000_000u64 {
            pulled.set(x + 1);
            yield!(x > 2);
        }
    }
    .any(|b| b);
    assert!(found);
    assert_eq!(pulled.get(), 4);
    assert!(!gen_block! { for x in 0..5 { yield!(x < 3); } }.all(|b| b));
}

/// Capture semantics. Python evaluates the first `for`'s iterable at once
/// and looks everything else up late:
///
/// ```python
/// xs = [1, 2]
/// k = 10
/// g = (x * k for x in xs)
/// xs = [7]         # no effect: the iterable was evaluated at creation
/// k = 100          # takes effect: k is looked up when the body runs
/// print(list(g))   # [100, 200]
/// ```
///
/// A `gen_block!` captures by move, like a `move` closure: it owns what it
/// uses from the moment it is created, so later assignments to the
/// caller's variables cannot reach it (they are other values).
#[test]
fn captures_by_move_at_creation() {
    let xs = vec![1, 2];
    let mut k = 10;
    let g = gen_block! {
        for x in xs {
            yield!(x * k);
        }
    };
    k = 100;
    assert_eq!(k, 100);
    assert_eq!(g.collect::<Vec<_>>(), [10, 20]);
}

/// The yield type comes from the use site when the block does not fix it.
#[test]
fn the_item_type_is_inferred_from_the_use_site() {
    let v: Vec<i64> = gen_block! {
        yield!(1);
        yield!(2);
    }
    .collect();
    assert_eq!(v, [1, 2]);
    // A block without yields names its item type.
    let empty: Vec<String> = gen_block!(yield = String; {}).collect();
    assert!(empty.is_empty());
}

#[generator(yield = u32)]
fn count(n: u32) -> u32 {
    for i in 0..n {
        r#yield!(i);
    }
    n
}

/// `yield_from!` of iterables and generators, with the sub-generator's
/// return value; the block's own value is its return value.
#[test]
fn yield_from_and_the_return_value() {
    let mut g = gen_block! {
        yield_from!(vec![10, 20]);
        let n = yield_from!(count(2));
        n * 100
    };
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [10, 20, 0, 1]);
    assert_eq!(g.take_return(), Some(200));
}

/// The whole protocol: start, send, close, boxed; `r#yield!` works too.
#[test]
fn send_start_and_close_from_a_block() {
    let (first, mut acc) = gen_block!(yield = i64, send = i64; {
        let mut total = 0;
        loop {
            let v = r#yield!(total);
            if v < 0 {
                break total;
            }
            total += v;
        }
    })
    .start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(acc.send(5), GeneratorState::Yielded(5));
    assert_eq!(acc.send(-1), GeneratorState::Complete(5));

    let log = DropLog::default();
    let guard_log = log.clone();
    let mut g = gen_block! {
        let _guard = guard_log.guard("guard");
        for i in 0..10 {
            yield!(i);
        }
    }
    .boxed();
    assert_eq!(g.next(), Some(0));
    assert!(log.dropped().is_empty());
    g.close();
    assert_eq!(log.dropped(), ["guard"]);
    assert_eq!(g.next(), None);
}

/// The block owns what it captured: a captured value with a destructor is
/// dropped when the block's body is done with it, or at close.
#[test]
fn captured_values_are_dropped_once() {
    let log = DropLog::default();
    let owned = log.guard("captured");
    let g = gen_block! {
        let moved = owned;
        yield!(moved.name().len());
    };
    assert!(log.dropped().is_empty());
    drop(g);
    assert_eq!(log.dropped(), ["captured"]);
}

/// `clone` forks a block mid-stream.
#[test]
fn a_block_with_clone_forks() {
    let text = String::from("a b c");
    let mut words = gen_block!(clone; {
        for w in text.split(' ').map(str::to_owned).collect::<Vec<_>>() {
            yield!(w);
        }
    });
    assert_eq!(words.next().as_deref(), Some("a"));
    let rest: Vec<String> = words.clone().collect();
    assert_eq!(rest, ["b", "c"]);
    assert_eq!(words.collect::<Vec<_>>(), rest);
}

struct Grid {
    rows: Vec<Vec<u8>>,
}

impl Grid {
    /// `self` in a block is captured like any other value.
    fn cells(self) -> impl Iterator<Item = u8> {
        gen_block! {
            for row in self.rows {
                yield_from!(row);
            }
        }
    }
}

#[test]
fn self_is_captured() {
    let grid = Grid {
        rows: vec![vec![1, 2], vec![3]],
    };
    assert_eq!(grid.cells().collect::<Vec<_>>(), [1, 2, 3]);
}

/// A block inside a generator function, or inside another block, is a
/// generator of its own: its `yield!`s suspend it, not the one around it.
#[generator(yield = u32)]
fn tens(n: u32) {
    let inner = gen_block! {
        for i in 0..n {
            yield!(i * 10);
        }
    };
    yield_from!(inner);
    r#yield!(n);
}

#[test]
fn blocks_nest_in_generators_and_blocks() {
    assert_eq!(tens(3).collect::<Vec<_>>(), [0, 10, 20, 3]);
    // The inner block is used up before the outer one yields: a block (or
    // closure) held across a yield of a loop it is created in would be
    // created in two resume arms, two types (see the README's limits).
    let pairs: Vec<(u32, u32)> = gen_block! {
        for x in 0..2u32 {
            let ys: Vec<u32> = gen_block! {
                for y in 0..2u32 {
                    yield!(y);
                }
            }
            .collect();
            for y in ys {
                yield!((x, y));
            }
        }
    }
    .collect();
    assert_eq!(pairs, [(0, 0), (0, 1), (1, 0), (1, 1)]);
}

/// A `gen_block!` kept across a yield after a branch that yields: each copy
/// of the block would be a type of its own, so its `let` gets a join point
/// (as a closure's does) and is emitted once.
#[generator(yield = u32)]
fn block_after_a_branch(c: bool, n: u32) -> u32 {
    if c {
        r#yield!(0);
    }
    let mut inner = gen_block!(yield = u32; {
        for i in 0..n {
            r#yield!(i * 10);
        }
    });
    let a = inner.next().unwrap_or(99);
    r#yield!(a);
    inner.count() as u32
}

#[test]
fn a_block_kept_across_a_yield_after_a_branch() {
    let mut g = block_after_a_branch(true, 3);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [0, 0]);
    assert_eq!(g.take_return(), Some(2));
    let mut g = block_after_a_branch(false, 3);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [0]);
    assert_eq!(g.take_return(), Some(2));
}

struct Pair {
    a: String,
    b: String,
}

/// A capture shadowed by a literal built from its fields, as a `move`
/// closure may do: the block's local `p` was taken for the only value
/// named `p` (the capture did not count as a declaration), so the
/// capture's field reads were taken as copies and the moved-from capture
/// was saved at the yields (E0382 "use of partially moved value").
#[test]
fn a_capture_rebuilt_from_its_fields_under_its_own_name() {
    let p = Pair {
        a: String::from("a"),
        b: String::from("bb"),
    };
    let g = gen_block!(yield = usize; {
        let p = Pair { a: p.a, b: p.b };
        r#yield!(p.a.len());
        r#yield!(p.b.len());
    });
    assert_eq!(g.collect::<Vec<_>>(), [1, 2]);
}
