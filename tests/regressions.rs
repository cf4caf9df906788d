//! Regression tests, one per bug found by the construct and example work
//! (the bug ids refer to the issue notes). Compiled with `deny(warnings)`:
//! the expansion must not warn on valid user code.
#![deny(warnings)]
// The bodies keep the shapes of the original bug reports.
#![allow(clippy::let_and_return, clippy::single_match)]
use gen_runtime::{GeneratorState, generator};

#[generator(yield = i64, send = i64)]
fn acc_break() -> i64 {
    let mut total = 0;
    loop {
        let v = r#yield!(total);
        if v < 0 {
            break;
        }
        total += v;
    }
    total
}

#[generator(yield = u32)]
fn shadow_let(v: Vec<u32>) {
    for r in v {
        let r = if r > 1 {
            r#yield!(r);
            r * 10
        } else {
            r
        };
        r#yield!(r);
    }
}

#[generator(yield = i32)]
fn arm_continue(v: Vec<Result<i32, i32>>) {
    for r in v {
        let x = match r {
            Ok(x) => x,
            Err(e) => {
                r#yield!(e);
                continue;
            }
        };
        r#yield!(x + 1);
    }
}

#[generator(yield = i32)]
fn yield_then_return(v: Vec<i32>) {
    for x in v {
        if x < 0 {
            r#yield!(x);
            return;
        }
        r#yield!(x * 2);
    }
}

#[generator(yield = usize)]
fn moved_by_map(v: Vec<Option<String>>) {
    for s in v {
        let n = s.map(|s| s.len()).unwrap_or(0);
        if n > 0 {
            r#yield!(n);
        }
    }
}

#[generator(yield = u32)]
fn block_operand() -> u32 {
    let z = {
        r#yield!(1);
        {
            r#yield!(2);
            3
        }
    };
    z + 1
}

#[generator(yield = u32)]
fn labeled_block(n: u32) -> u32 {
    let b = 'block: {
        if n == 0 {
            break 'block 1000;
        }
        r#yield!(n);
        n * 3
    };
    b
}

#[generator(yield = Result<i32, String>)]
fn arm_yield(v: Vec<Result<i32, String>>) {
    for r in v {
        match r {
            Ok(x) => r#yield!(Ok(x)),
            Err(e) => r#yield!(Err(e)),
        }
    }
}

#[generator(yield = u32, send = bool)]
fn while_sent() -> u32 {
    let mut n = 0;
    while r#yield!(n) {
        n += 1;
    }
    n
}

#[generator(yield = u32)]
fn labeled_outer(n: u32) {
    'outer: for i in 0..n {
        for j in 0..i {
            r#yield!(i * 10 + j);
            if j == 2 {
                break 'outer;
            }
        }
    }
}

struct Counter {
    hits: u32,
}
impl Counter {
    #[generator(yield = u32)]
    fn record(&mut self) {
        self.hits += 1;
        r#yield!(self.hits);
        self.hits += 1;
        r#yield!(self.hits);
    }
}

#[generator(yield = u32)]
fn question_in_operand(v: Vec<Option<u32>>) -> Option<()> {
    for x in v {
        r#yield!(x?);
    }
    Some(())
}

#[test]
fn all() {
    let (s, mut g) = acc_break().start();
    assert_eq!(s, GeneratorState::Yielded(0));
    assert_eq!(g.send(5), GeneratorState::Yielded(5));
    assert_eq!(g.send(-1), GeneratorState::Complete(5));
    assert_eq!(shadow_let(vec![1, 2]).collect::<Vec<_>>(), [1, 2, 20]);
    assert_eq!(
        arm_continue(vec![Ok(1), Err(5), Ok(2)]).collect::<Vec<_>>(),
        [2, 5, 3]
    );
    assert_eq!(
        yield_then_return(vec![1, -1, 3]).collect::<Vec<_>>(),
        [2, -1]
    );
    assert_eq!(
        moved_by_map(vec![Some("ab".into()), None]).collect::<Vec<_>>(),
        [2]
    );
    let mut g = block_operand();
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [1, 2]);
    assert_eq!(g.take_return(), Some(4));
    let mut g = labeled_block(0);
    assert_eq!(g.by_ref().count(), 0);
    assert_eq!(g.take_return(), Some(1000));
    let mut g = labeled_block(2);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [2]);
    assert_eq!(g.take_return(), Some(6));
    assert_eq!(arm_yield(vec![Ok(1), Err("e".into())]).count(), 2);
    let (_, mut w) = while_sent().start();
    w.send(true);
    assert_eq!(w.send(false), GeneratorState::Complete(1));
    assert_eq!(
        labeled_outer(5).collect::<Vec<_>>(),
        [10, 20, 21, 30, 31, 32]
    );
    let mut c = Counter { hits: 0 };
    assert_eq!(c.record().collect::<Vec<_>>(), [1, 2]);
    let mut q = question_in_operand(vec![Some(1), None, Some(3)]);
    assert_eq!(q.by_ref().collect::<Vec<_>>(), [1]);
    assert_eq!(q.take_return(), Some(None));
}

/// An endless in-place loop that holds a guard: nothing ever evicts the
/// saved values, so the arm must not declare locals whose type nothing fixes.
#[generator(yield = u32, send = u32)]
fn endless_with_guard(log: gen_workspace::drops::DropLog) {
    let _finally = log.guard("finally");
    let mut total = 0;
    loop {
        total += r#yield!(total);
    }
}

#[test]
fn endless_loop_in_place_closes_cleanly() {
    let log = gen_workspace::drops::DropLog::new();
    let (first, mut g) = endless_with_guard(log.clone()).start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.send(2), GeneratorState::Yielded(2));
    assert_eq!(g.send(3), GeneratorState::Yielded(5));
    assert!(log.dropped().is_empty());
    g.close();
    assert_eq!(log.dropped(), ["finally"]);
}

#[generator(yield = u32)]
fn inner_block() -> u32 {
    let x = 1;
    {
        let x = 2;
        r#yield!(x);
    }
    x
}

#[generator(yield = u32)]
fn for_shadow() -> u32 {
    let i = 100;
    for i in 0..3 {
        r#yield!(i);
        println!("{}", i);
    }
    i
}

#[generator(yield = u32)]
fn match_shadow(opt: Option<u32>) -> u32 {
    let n = 5;
    match opt {
        Some(n) => {
            r#yield!(n);
            r#yield!(n + 1);
        }
        None => {}
    }
    n
}

struct P {
    x: u32,
}

#[generator(yield = u32)]
fn shorthand() -> u32 {
    let x = 7;
    {
        let x = 8;
        r#yield!(x);
        let p = P { x };
        r#yield!(p.x);
    }
    x
}

#[test]
fn shadowing_across_scopes() {
    let mut g = inner_block();
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [2]);
    assert_eq!(g.take_return(), Some(1));
    let mut g = for_shadow();
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(g.take_return(), Some(100));
    let mut g = match_shadow(Some(3));
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [3, 4]);
    assert_eq!(g.take_return(), Some(5));
    let mut g = shorthand();
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [8, 8]);
    assert_eq!(g.take_return(), Some(7));
}

/// `return r#yield!(v)` inside an `if`: the resumed `return` leaves, so the
/// code after the `if` is not emitted after it (no unreachable warning).
#[generator(yield = i32, send = i32)]
fn return_sent(n: i32) -> i32 {
    if n > 0 {
        return r#yield!(n);
    }
    0
}

/// A labeled loop left by a labeled break before its yield: the start
/// segment's copy never loops, which must not warn (clippy::never_loop).
#[generator(yield = u32)]
fn labeled_exit() {
    let mut i = 0;
    'outer: loop {
        i += 1;
        if i == 4 {
            break 'outer;
        }
        r#yield!(i);
    }
}

#[test]
fn return_of_a_sent_value_and_labeled_exits() {
    let (first, mut g) = return_sent(3).start();
    assert_eq!(first, GeneratorState::Yielded(3));
    assert_eq!(g.send(7), GeneratorState::Complete(7));
    let (first, _) = return_sent(0).start();
    assert_eq!(first, GeneratorState::Complete(0));
    assert_eq!(labeled_exit().collect::<Vec<_>>(), [1, 2, 3]);
}

/// The yield macro spelled with its crate path.
#[generator(yield = u32)]
fn path_spelling() {
    gen_runtime::r#yield!(1);
    let sent = ::gen_runtime::r#yield!(2);
    sent
}

#[test]
fn yield_spelled_with_a_path() {
    assert_eq!(path_spelling().collect::<Vec<_>>(), [1, 2]);
}

/// Shadowing in the same block keeps the hidden value where it was declared:
/// it drops after the bindings declared between the two, as in a plain
/// function (the shadowing binding is renamed, the hidden one never moves).
#[generator(yield = u32)]
fn shadow_with_binding_between(log: gen_workspace::drops::DropLog) {
    let x = log.guard("x1");
    let _b = log.guard("b");
    let x = log.guard(format!("x2 after {}", x.name()));
    r#yield!(1);
    let _ = x.name();
}

#[test]
fn same_block_shadowing_keeps_plain_drop_order() {
    let log = gen_workspace::drops::DropLog::new();
    let mut g = shadow_with_binding_between(log.clone());
    assert_eq!(g.next(), Some(1));
    g.close();
    assert_eq!(log.dropped(), ["x2 after x1", "b", "x1"]);

    log.clear();
    assert_eq!(shadow_with_binding_between(log.clone()).count(), 1);
    assert_eq!(log.dropped(), ["x2 after x1", "b", "x1"]);
}

/// A panic while a hot loop runs in place: the values stay in the state
/// during the resume, so the runtime's guard drops them (once) and the
/// generator is finished afterwards.
#[generator(yield = u32)]
fn panics_in_place(log: gen_workspace::drops::DropLog, at: u32) {
    let _guard = log.guard("guard");
    let mut i: u32 = 0;
    loop {
        i += 1;
        assert!(i != at, "boom at {i}");
        r#yield!(i);
    }
}

#[test]
fn panic_in_an_in_place_loop_drops_saved_values_once() {
    use std::panic::{AssertUnwindSafe, catch_unwind};
    let log = gen_workspace::drops::DropLog::new();
    let mut g = panics_in_place(log.clone(), 3);
    assert_eq!(g.next(), Some(1));
    assert_eq!(g.next(), Some(2));
    let result = catch_unwind(AssertUnwindSafe(|| g.next()));
    assert!(result.is_err());
    assert_eq!(log.dropped(), ["guard"]);
    assert!(g.is_finished());
    assert_eq!(g.next(), None);
    drop(g);
    assert_eq!(log.dropped(), ["guard"]);
}

// ---- yields after other operands (hoisted, left-to-right order kept)

use std::cell::RefCell;

fn add3(a: i32, b: i32, c: i32) -> i32 {
    a * 100 + b * 10 + c
}

#[generator(yield = i32, send = i32)]
fn call_args(log: &RefCell<Vec<&'static str>>) -> i32 {
    let a = || {
        log.borrow_mut().push("a");
        1
    };
    let c = || {
        log.borrow_mut().push("c");
        3
    };
    add3(a(), r#yield!(0), c())
}

#[generator(yield = usize, send = String)]
fn push_sent() -> Vec<String> {
    let mut v = Vec::new();
    v.push(r#yield!(v.len()));
    v.push(r#yield!(v.len()));
    v
}

#[generator(yield = i32, send = i32)]
fn arithmetic() -> i32 {
    let x = 5;
    let y = x * 2 + r#yield!(x);
    let z = (r#yield!(y), y, r#yield!(y + 1));
    z.0 + z.1 + z.2
}

#[test]
fn yields_after_other_operands() {
    let log = RefCell::new(Vec::new());
    let (first, mut g) = call_args(&log).start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(*log.borrow(), ["a"]);
    assert_eq!(g.send(2), GeneratorState::Complete(123));
    assert_eq!(*log.borrow(), ["a", "c"]);

    let (first, mut g) = push_sent().start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.send("x".into()), GeneratorState::Yielded(1));
    assert_eq!(
        g.send("y".into()),
        GeneratorState::Complete(vec!["x".to_string(), "y".to_string()])
    );

    let (first, mut g) = arithmetic().start();
    assert_eq!(first, GeneratorState::Yielded(5));
    assert_eq!(g.send(1), GeneratorState::Yielded(11));
    assert_eq!(g.send(100), GeneratorState::Yielded(12));
    assert_eq!(g.send(7), GeneratorState::Complete(100 + 11 + 7));
}

// ---- realistic shapes: stacks, peekable iterators, map entries, generics

use std::collections::HashMap;

enum Tree {
    Leaf(u32),
    Node(Box<Tree>, Box<Tree>),
}

#[generator(yield = u32)]
fn leaves(root: Tree) {
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match node {
            Tree::Leaf(v) => r#yield!(v),
            Tree::Node(l, r) => {
                stack.push(*r);
                stack.push(*l);
            }
        }
    }
}

#[generator(yield = (String, usize))]
fn runs(words: impl Iterator<Item = String>) {
    let mut it = words.peekable();
    while let Some(w) = it.next() {
        let mut n = 1;
        while it.peek() == Some(&w) {
            it.next();
            n += 1;
        }
        r#yield!((w, n));
    }
}

#[generator(yield = (char, usize))]
fn char_counts(text: &str) -> HashMap<char, usize> {
    let mut counts = HashMap::new();
    for c in text.chars() {
        let n = counts.entry(c).or_insert(0);
        *n += 1;
        let seen = *n;
        r#yield!((c, seen));
    }
    counts
}

#[generator(yield = T)]
fn dedup<T: PartialEq + Clone>(items: Vec<T>) {
    let mut last: Option<T> = None;
    for item in items {
        if last.as_ref() != Some(&item) {
            last = Some(item.clone());
            r#yield!(item);
        }
    }
}

#[generator(yield = Vec<u8>)]
fn chunks(data: Vec<u8>, size: usize) {
    let mut start = 0;
    while start < data.len() {
        let end = (start + size).min(data.len());
        r#yield!(data[start..end].to_vec());
        start = end;
    }
}

#[test]
fn realistic_shapes() {
    let t = Tree::Node(
        Box::new(Tree::Leaf(1)),
        Box::new(Tree::Node(Box::new(Tree::Leaf(2)), Box::new(Tree::Leaf(3)))),
    );
    assert_eq!(leaves(t).collect::<Vec<_>>(), [1, 2, 3]);
    let w = ["a", "a", "b", "a"].iter().map(|s| s.to_string());
    assert_eq!(
        runs(w).collect::<Vec<_>>(),
        [
            ("a".to_string(), 2),
            ("b".to_string(), 1),
            ("a".to_string(), 1)
        ]
    );
    let mut g = char_counts("abca");
    assert_eq!(g.by_ref().map(|(_, n)| n).collect::<Vec<_>>(), [1, 1, 1, 2]);
    assert_eq!(g.take_return().unwrap()[&'a'], 2);
    assert_eq!(dedup(vec![1, 1, 2, 2, 1]).collect::<Vec<_>>(), [1, 2, 1]);
    assert_eq!(chunks(vec![1, 2, 3, 4, 5], 2).count(), 3);
}

// ---- found by the differential tester (tests/differential.rs)

/// A yield statement in a block inside `return`'s operand (seeds 19, 30, 35).
#[generator(yield = u32)]
fn yield_in_return_block() -> u32 {
    return {
        r#yield!(1);
        2
    };
}

#[generator(yield = u32)]
fn yield_in_question_block(opt: fn(u32) -> Option<u32>) -> Option<u32> {
    let x = opt({
        r#yield!(1);
        2
    })?;
    Some(x + 1)
}

/// A yield-free `while let` followed by a yield: the loop's binding does not
/// outlive the loop (seeds 126, 176, 238).
#[generator(yield = u32)]
fn yield_after_while_let(mut v: Vec<u32>) {
    let mut last = 0;
    while let Some(k) = v.pop() {
        last = k;
    }
    r#yield!(last);
}

#[test]
fn differential_tester_findings() {
    let mut g = yield_in_return_block();
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [1]);
    assert_eq!(g.take_return(), Some(2));
    let mut g = yield_in_question_block(Some);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [1]);
    assert_eq!(g.take_return(), Some(Some(3)));
    assert_eq!(yield_after_while_let(vec![3, 4]).collect::<Vec<_>>(), [3]);
}

/// A yield inside another yield's operand: the inner one suspends first.
#[generator(yield = u32, send = u32)]
fn nested_yield() -> u32 {
    let echoed = r#yield!(r#yield!(1) + 10);
    echoed * 2
}

#[test]
fn a_yield_in_a_yield_operand() {
    let (first, mut g) = nested_yield().start();
    assert_eq!(first, GeneratorState::Yielded(1));
    assert_eq!(g.send(5), GeneratorState::Yielded(15));
    assert_eq!(g.send(7), GeneratorState::Complete(14));
}

/// Tuple-pattern `let`s (and a pattern argument) before a loop used to turn
/// off resuming in place, and a value moved only after the loop did too
/// (issue 5). Both now stay in place; the values still reach the code after
/// the loop and drop where a plain function drops them.
#[generator(yield = u64)]
fn tuple_lets_in_place(
    log: gen_workspace::drops::DropLog,
    rounds: usize,
    (mut x, step): (u64, u64),
) -> (usize, u64) {
    let (mut buf, mut a, mut names) = ([0u8; 64], 1u64, Vec::new());
    let (mut b, mut c, guard) = (2u64, 3u64, log.guard("guard"));
    for round in 0..rounds {
        buf[round % 64] = buf[(round * 7) % 64].wrapping_add(round as u8);
        a = a.wrapping_mul(31).wrapping_add(u64::from(buf[round % 64]));
        b = c.wrapping_add(a).wrapping_add(b);
        c = b.wrapping_add(a);
        x = x.wrapping_add(step);
        names.push(log.guard(format!("name {round}")));
        r#yield!(a ^ b ^ c ^ x);
    }
    let kept = names.len();
    drop(names);
    drop(log.guard(guard.name().to_owned() + " seen"));
    (kept, buf.iter().map(|&v| u64::from(v)).sum::<u64>() + a)
}

fn tuple_lets_plain(
    log: gen_workspace::drops::DropLog,
    rounds: usize,
    (mut x, step): (u64, u64),
    out: &mut Vec<u64>,
) -> (usize, u64) {
    let (mut buf, mut a, mut names) = ([0u8; 64], 1u64, Vec::new());
    let (mut b, mut c, guard) = (2u64, 3u64, log.guard("guard"));
    for round in 0..rounds {
        buf[round % 64] = buf[(round * 7) % 64].wrapping_add(round as u8);
        a = a.wrapping_mul(31).wrapping_add(u64::from(buf[round % 64]));
        b = c.wrapping_add(a).wrapping_add(b);
        c = b.wrapping_add(a);
        x = x.wrapping_add(step);
        names.push(log.guard(format!("name {round}")));
        out.push(a ^ b ^ c ^ x);
    }
    let kept = names.len();
    drop(names);
    drop(log.guard(guard.name().to_owned() + " seen"));
    (kept, buf.iter().map(|&v| u64::from(v)).sum::<u64>() + a)
}

#[test]
fn tuple_pattern_lets_resume_in_place() {
    for rounds in [0, 1, 3, 100] {
        let (log, plain_log) = (
            gen_workspace::drops::DropLog::new(),
            gen_workspace::drops::DropLog::new(),
        );
        let mut expected = Vec::new();
        let expected_return = tuple_lets_plain(plain_log.clone(), rounds, (5, 7), &mut expected);
        let mut g = tuple_lets_in_place(log.clone(), rounds, (5, 7));
        assert_eq!(g.by_ref().collect::<Vec<_>>(), expected);
        assert_eq!(g.take_return(), Some(expected_return));
        drop(g);
        assert_eq!(log.dropped(), plain_log.dropped());

        // Closed halfway: each guard drops once.
        if rounds > 1 {
            let log = gen_workspace::drops::DropLog::new();
            let mut g = tuple_lets_in_place(log.clone(), rounds, (5, 7));
            assert_eq!(g.next(), expected.first().copied());
            g.close();
            // In reverse declaration order, as on an early return.
            assert_eq!(log.dropped(), ["guard", "name 0"]);
        }
    }
}

/// The start arm enters a loop whose body ends with a yield by jumping to
/// that yield's arm, so it no longer holds the loop's code (issue 5). The
/// type of `e` is fixed only inside the loop, and the arm of the first
/// yield calls a method on it: the loop's arm must be read before that
/// arm, as the start arm was (found by the differential test, seed 1055).
#[generator(yield = u32)]
fn type_fixed_inside_an_entered_loop(v: Vec<u32>) -> u32 {
    let mut rounds = 0;
    loop {
        rounds += 1;
        if rounds > 2 {
            break;
        }
        for e in v.clone().into_iter().take(3) {
            if e > 8 {
                r#yield!(e);
                if e.is_power_of_two() {
                    r#yield!(e.count_ones());
                }
            }
            r#yield!(e.wrapping_add(3));
        }
    }
    rounds
}

fn type_fixed_inside_an_entered_loop_plain(v: Vec<u32>, out: &mut Vec<u32>) -> u32 {
    let mut rounds = 0;
    loop {
        rounds += 1;
        if rounds > 2 {
            break;
        }
        for e in v.clone().into_iter().take(3) {
            if e > 8 {
                out.push(e);
                if e.is_power_of_two() {
                    out.push(e.count_ones());
                }
            }
            out.push(e.wrapping_add(3));
        }
    }
    rounds
}

#[test]
fn types_fixed_inside_a_loop_entered_by_jumping() {
    for v in [vec![], vec![1, 16, 9, 40], vec![32, 7]] {
        let mut expected = Vec::new();
        let rounds = type_fixed_inside_an_entered_loop_plain(v.clone(), &mut expected);
        let mut g = type_fixed_inside_an_entered_loop(v);
        assert_eq!(g.by_ref().collect::<Vec<_>>(), expected);
        assert_eq!(g.take_return(), Some(rounds));
    }
}

/// Values that may be empty at a loop's head (declared without a value, or
/// moved before it) and given a value inside the loop cannot be saved at
/// the head: such a loop is not entered by jumping, and still compiles.
#[generator(yield = usize)]
fn empty_at_the_loop_head(n: usize) -> String {
    let mut late;
    let mut moved = String::from("moved");
    drop(moved);
    for i in 0..n {
        late = "x".repeat(i);
        moved = format!("{late}!");
        r#yield!(late.len() + moved.len());
    }
    moved = String::from("end");
    moved
}

#[test]
fn values_given_inside_a_loop_are_not_saved_at_its_head() {
    let got: Vec<usize> = empty_at_the_loop_head(4).collect();
    assert_eq!(got, [1, 3, 5, 7]);
    let mut g = empty_at_the_loop_head(0);
    assert_eq!(g.next(), None);
    assert_eq!(g.take_return().as_deref(), Some("end"));
}

// ---- borrows that end before the yield (issue 14) -----------------------

/// A closure without `move` over a local, and an iterator chain over a
/// borrow of one, both used up before the next yield: as in a plain
/// function, the borrows end there, and nothing borrowed is saved.
#[generator(yield = usize)]
fn borrows_that_end_before_the_yield(words: Vec<String>) -> usize {
    let limit = 3;
    let short = |w: &String| w.len() <= limit;
    let count = words.iter().filter(|w| short(w)).count();
    r#yield!(count);
    let doubled = words.iter().map(|w| w.len() * 2);
    let total: usize = doubled.sum();
    r#yield!(total);
    let lookup = |i: usize| words[i].len();
    let first = lookup(0);
    r#yield!(first);
    words.len()
}

#[test]
fn borrows_of_locals_that_end_before_a_yield() {
    let words: Vec<String> = ["a", "abcd", "abc"].map(String::from).into();
    let mut g = borrows_that_end_before_the_yield(words);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [2, 16, 1]);
    assert_eq!(g.take_return(), Some(3));
}

/// A closure without `move` that takes a value with a destructor is not a
/// reference: it keeps that value until the end of its scope, as in a
/// plain function.
#[generator(yield = u32)]
fn closure_owning_a_guard(log: gen_workspace::drops::DropLog) {
    let guard = log.guard("guard");
    let consume = || drop(guard);
    r#yield!(1);
    r#yield!(2);
    drop(consume);
    r#yield!(3);
}

#[test]
fn a_closure_that_takes_a_value_keeps_it() {
    let log = gen_workspace::drops::DropLog::default();
    let mut g = closure_owning_a_guard(log.clone());
    assert_eq!(g.next(), Some(1));
    assert_eq!(g.next(), Some(2));
    assert!(log.dropped().is_empty());
    assert_eq!(g.next(), Some(3));
    assert_eq!(log.dropped(), ["guard"]);
}

/// Differential seed 300206: every arm of a match that is an operand
/// leaves (one suspends, one returns a value computed across a yield), so
/// the start arm must not type `(match …) ^ 0`, whose left side would be
/// `!` (E0277 "no implementation for `() ^ u32`").
#[generator(yield = u32, send = u32)]
#[rustfmt::skip] // the arm must stay `return …` without a `;`
fn every_arm_leaves(c: u32) -> Option<u32> {
    #[allow(clippy::needless_return)]
    return Some(
        match c {
            4 => r#yield!(8),
            _ => return Some({
                let mut turns = 0u32;
                'l: loop {
                    turns += 1;
                    if turns > 3 {
                        break 'l c + turns;
                    }
                    r#yield!(turns);
                }
            }),
        } ^ 1,
    );
}

#[test]
fn a_return_inside_an_operand_leaves_it() {
    let (first, mut g) = every_arm_leaves(7).start();
    assert_eq!(first, GeneratorState::Yielded(1));
    assert_eq!(g.send(0), GeneratorState::Yielded(2));
    assert_eq!(g.send(0), GeneratorState::Yielded(3));
    assert_eq!(g.send(0), GeneratorState::Complete(Some(11)));
    let (first, mut g) = every_arm_leaves(4).start();
    assert_eq!(first, GeneratorState::Yielded(8));
    assert_eq!(g.send(6), GeneratorState::Complete(Some(7)));
}

/// Differential seed 700348: `a` is dead at the yield in the guard, and
/// assigned again only in another arm, so that yield's arm declares it
/// anew (`let mut a;`) and must drop that declaration when nothing there
/// names it. The guard's own `a` is another binding: it used to keep the
/// bare declaration, whose type nothing gave (E0282 at the attribute).
#[generator(yield = u32, send = u32)]
fn guard_binding_shadows_a_dead_local(start: u32) -> u32 {
    let mut a = start;
    let x = r#yield!(a);
    let y = match x {
        1 => match Some(7) {
            Some(a) if r#yield!(a) % 2 == 0 => 1,
            _ => 0,
        },
        c => match c {
            0 => {
                a = 16;
                a
            }
            _ => 2,
        },
    };
    x + y
}

#[test]
fn a_guard_binding_is_not_the_dead_local_it_shadows() {
    let (first, mut g) = guard_binding_shadows_a_dead_local(5).start();
    assert_eq!(first, GeneratorState::Yielded(5));
    assert_eq!(g.send(1), GeneratorState::Yielded(7));
    assert_eq!(g.send(4), GeneratorState::Complete(2));
    let (_, mut g) = guard_binding_shadows_a_dead_local(5).start();
    assert_eq!(g.send(0), GeneratorState::Complete(16));
}

/// Differential seed 318173: the assigned value's yield runs before the
/// index's (Rust evaluates `a[i] = v` value first), so the arm of the
/// index's yield, which reads a receiver saved by the value's arm, comes
/// after it in source order. Arms are emitted in the order the start arm
/// reaches them, so the receiver's type is known where `wrapping_add` is
/// called on it (it was E0282 at the attribute).
#[generator(yield = u32, send = u32)]
fn index_computed_after_the_value(mut a: Vec<u32>) -> Vec<u32> {
    let len = a.len();
    a[(17u32.wrapping_add({
        let mut turns = 0u32;
        loop {
            turns += 1;
            if turns > 2 {
                break r#yield!(13);
            }
        }
    })) as usize
        % len] = r#yield!(14);
    a
}

#[test]
fn arms_come_in_the_order_the_values_flow() {
    let (first, mut g) = index_computed_after_the_value(vec![4, 11, 8]).start();
    assert_eq!(first, GeneratorState::Yielded(14));
    assert_eq!(g.send(5), GeneratorState::Yielded(13));
    assert_eq!(g.send(1), GeneratorState::Complete(vec![5, 11, 8]));
}

fn vpush(mut v: Vec<u32>, x: u32) -> Vec<u32> {
    v.push(x);
    v
}

/// Differential seeds 305208, 309620, 317347 and 318913: `a`'s initialiser
/// holds a yield, so the hoisting pass makes it a block. `r7 = a.get(1)`
/// was then not known to borrow `a`, and the join point put before the
/// `let` whose initialiser holds a closure saved `r7` beside `a` (E0505).
/// A block's tail now says whether the binding holds its own value, and
/// the join point that would save the borrow is left out.
#[generator(yield = u32, send = u32)]
fn view_of_a_local_initialised_across_a_yield() -> u32 {
    let a = vpush(vec![3], r#yield!(6));
    r#yield!({
        let r7 = a.get(1);
        r7.map_or(5, |x| *x) ^ r#yield!(16)
    });
    a.len() as u32
}

#[test]
fn a_view_of_a_block_initialised_local_is_a_borrow() {
    let (first, mut g) = view_of_a_local_initialised_across_a_yield().start();
    assert_eq!(first, GeneratorState::Yielded(6));
    assert_eq!(g.send(9), GeneratorState::Yielded(16));
    assert_eq!(g.send(3), GeneratorState::Yielded(9 ^ 3));
    assert_eq!(g.send(0), GeneratorState::Complete(2));
}

struct Rec3 {
    n: u32,
}

fn checked(x: u32) -> Option<u32> {
    (x != 3).then_some(x)
}

/// Differential seed 300669: an arm was put before the arm that saves its
/// values, because the order followed points recorded while lowering code
/// that was then dropped; `r.n % 4` then had no known type (E0282). The
/// order now follows the variants each arm's code builds.
#[generator(yield = u32, send = u32)]
fn arms_in_build_order(k: String) -> u32 {
    let Some(c) = checked(r#yield!(r#yield!(5))) else {
        r#yield!({
            'l: loop {
                let Some(f) = checked({
                    let r = Rec3 { n: 0 };
                    if let Some(e) = checked(r#yield!(k.len() as u32)) {
                        if e > 5 {
                            return e;
                        }
                    }
                    if r.n % 4 == 3 {
                        return 99;
                    }
                    18
                }) else {
                    continue 'l;
                };
                if f % 2 == 0 {
                    break 'l f;
                }
            }
        });
        return 0;
    };
    c
}

#[test]
fn each_arm_comes_after_the_arm_that_saves_its_values() {
    let (first, mut g) = arms_in_build_order("abcd".into()).start();
    assert_eq!(first, GeneratorState::Yielded(5));
    assert_eq!(g.send(9), GeneratorState::Yielded(9));
    assert_eq!(g.send(3), GeneratorState::Yielded(4));
    assert_eq!(g.send(1), GeneratorState::Yielded(18));
    assert_eq!(g.send(0), GeneratorState::Complete(0));
    let (_, mut g) = arms_in_build_order(String::new()).start();
    assert_eq!(g.send(9), GeneratorState::Yielded(9));
    assert_eq!(g.send(7), GeneratorState::Complete(7));
}

/// Differential seed 1001110: `k` is moved on one arm (`f2(8, k)`, as far
/// as the macro can tell) and so became a drop flag; on the other arm
/// `k += k` read `k` on the right by taking it out of its flag, and the
/// left side then found the flag empty ("a moved value was used"). A use of
/// a `Copy` value through its flag now copies it, as the plain function does.
#[allow(unused_assignments)] // the bug's shape: `k` is not read after `k += k`
#[generator(yield = u32, send = u32)]
fn copy_value_behind_a_drop_flag(pick: u32) -> u32 {
    let mut k = {
        let mut tries = 0;
        'retry: loop {
            tries += 1;
            if tries > 1 {
                break 'retry r#yield!(10);
            }
        }
    };
    r#yield!(match checked(pick) {
        Some(a) if a > 10 => {
            k += k;
            return a;
        }
        Some(_) => r#yield!(1).wrapping_add(mix(8, k)),
        None => 0,
    });
    3
}

fn mix(a: u32, b: u32) -> u32 {
    a * 31 + b
}

#[test]
fn a_copy_value_behind_a_drop_flag_is_copied_not_taken() {
    let (first, mut g) = copy_value_behind_a_drop_flag(50).start();
    assert_eq!(first, GeneratorState::Yielded(10));
    assert_eq!(g.send(4), GeneratorState::Complete(50));
    let (_, mut g) = copy_value_behind_a_drop_flag(5).start();
    assert_eq!(g.send(4), GeneratorState::Yielded(1));
    assert_eq!(g.send(2), GeneratorState::Yielded(8 * 31 + 4 + 2));
    assert_eq!(g.send(0), GeneratorState::Complete(3));
}

/// Differential seed 1000923: a yield inside the operand of `break 'l …`
/// whose operand also holds `continue 'l`. The analysis took the `break` as
/// leaving the loop, so `c` (read again at the loop head after the
/// `continue`) was not saved at the yield: E0425 "cannot find value `c`".
#[generator(yield = u32, send = u32)]
fn continue_inside_a_break_operand() -> u32 {
    let x = {
        let mut c = 0;
        'l: loop {
            c += 1;
            if c > 2 {
                break 'l 7 + c;
            }
            break 'l match Some(c) {
                Some(v) => {
                    if 15 < r#yield!(19 + v) {
                        continue 'l;
                    }
                    4
                }
                None => 11,
            };
        }
    };
    x
}

#[test]
fn a_continue_inside_a_break_operand_keeps_the_loop_state() {
    let (first, mut g) = continue_inside_a_break_operand().start();
    assert_eq!(first, GeneratorState::Yielded(20));
    assert_eq!(g.send(16), GeneratorState::Yielded(21));
    assert_eq!(g.send(16), GeneratorState::Complete(10));
    let (_, mut g) = continue_inside_a_break_operand().start();
    assert_eq!(g.send(1), GeneratorState::Complete(4));
}

/// Differential seed 900426: the outer `d` is assigned only on the `else`
/// branch, so the yield's arm declares it again without a value; the arm's
/// one use of the name is the shadowing `d`, passed to `format!` as the
/// named argument `d = …` when its capture `"{d}"` is renamed. That name
/// was taken for a use of the outer `d`, the bare `let mut d;` was kept, and
/// rustc could not infer its type (E0282 at the attribute).
#[allow(unused_assignments, unused_variables)] // the bug's shape: the outer `d` is not read
#[generator(yield = String)]
fn shadow_captured_by_a_format_string(pick: Option<u32>) -> u32 {
    let mut d = 7;
    if let Some(d) = pick {
        for b in 0..2u32 {
            r#yield!(format!("{d}-{b}"));
        }
    } else {
        d = 3;
    }
    1
}

#[test]
fn a_renamed_format_capture_is_not_a_use_of_the_outer_binding() {
    let all: Vec<String> = shadow_captured_by_a_format_string(Some(5)).collect();
    assert_eq!(all, ["5-0", "5-1"]);
    assert_eq!(shadow_captured_by_a_format_string(None).count(), 0);
}

/// Differential seed 311681: a `let` whose initialiser holds a closure gets a
/// join point when more than one arm may reach it. A yield in a *sibling*
/// match arm was taken as reaching it, so the join point went in after
/// `let second = k.get(1)` and saved that borrow beside `k` (E0505). An arm
/// of a `match` or `if` now starts from what ran before the `match`.
#[generator(yield = u32, send = u32)]
fn closure_after_a_yield_in_a_sibling_arm(pick: u32) -> u32 {
    let k = vec![6u32, 9];
    let total = r#yield!(match pick {
        2 => r#yield!(1),
        _ => {
            let second = k.get(1);
            let f = second.map_or(5, |x| *x) ^ r#yield!(5);
            drop(k);
            f
        }
    });
    total
}

#[test]
fn a_yield_in_a_sibling_arm_does_not_reach_a_closure() {
    let (first, mut g) = closure_after_a_yield_in_a_sibling_arm(0).start();
    assert_eq!(first, GeneratorState::Yielded(5));
    assert_eq!(g.send(3), GeneratorState::Yielded(9 ^ 3));
    assert_eq!(g.send(40), GeneratorState::Complete(40));
    let (first, mut g) = closure_after_a_yield_in_a_sibling_arm(2).start();
    assert_eq!(first, GeneratorState::Yielded(1));
    assert_eq!(g.send(8), GeneratorState::Yielded(8));
    assert_eq!(g.send(2), GeneratorState::Complete(2));
}

/// Differential seed 316646: `d` is moved on one path only, so it lives in
/// a drop flag; `d.push(sum(&d))` then borrowed `d` mutably through the
/// flag before reading it in the argument (E0502), where the plain function
/// relies on a two-phase borrow. The arguments are now evaluated first.
#[generator(yield = usize)]
fn argument_reads_a_flagged_receiver(give: bool, sink: &mut Vec<Vec<usize>>) -> usize {
    let mut d = vec![5usize];
    d.push(d.iter().sum());
    d.push(d.len());
    if give {
        sink.push(d);
    }
    r#yield!(1);
    sink.len()
}

#[test]
fn a_method_argument_may_read_a_flagged_receiver() {
    let mut sink = Vec::new();
    assert_eq!(
        argument_reads_a_flagged_receiver(true, &mut sink).count(),
        1
    );
    assert_eq!(sink, [vec![5, 5, 2]]);
    let mut sink = Vec::new();
    let mut g = argument_reads_a_flagged_receiver(false, &mut sink);
    assert_eq!(g.next(), Some(1));
    assert_eq!(g.next(), None);
    drop(g);
    assert!(sink.is_empty());
}

/// Differential seed 1001646: like 1000923, with a `break` of an inner loop
/// in the operand of `break 'outer …`: control stays in `'outer`, whose
/// next turn reads `turns`, so the yield must save it (E0425 before).
#[generator(yield = u32, send = u32)]
fn break_of_an_inner_loop_inside_a_break_operand() -> u32 {
    let out = {
        let mut turns = 0;
        'outer: loop {
            turns += 1;
            if turns > 3 {
                break 'outer 100;
            }
            for _ in 0..2 {
                break 'outer match r#yield!(turns) {
                    0 => break,
                    v => v,
                };
            }
        }
    };
    out
}

#[test]
fn a_break_of_an_inner_loop_inside_a_break_operand_keeps_the_loop_state() {
    let (first, mut g) = break_of_an_inner_loop_inside_a_break_operand().start();
    assert_eq!(first, GeneratorState::Yielded(1));
    assert_eq!(g.send(0), GeneratorState::Yielded(2));
    assert_eq!(g.send(0), GeneratorState::Yielded(3));
    assert_eq!(g.send(0), GeneratorState::Complete(100));
    let (_, mut g) = break_of_an_inner_loop_inside_a_break_operand().start();
    assert_eq!(g.send(0), GeneratorState::Yielded(2));
    assert_eq!(g.send(7), GeneratorState::Complete(7));
}

/// Differential seed 1003850: three bindings named `f`. Saving the outer
/// one inside the `while let` renames the middle one, and saving that one
/// inside the `for` renames the inner one; the second round of renaming
/// walked a body the first had already renamed, lost the closure's read of
/// the middle `f`, and kept only a `Nothing` for it (E0277 `u32 ^ Nothing`).
#[generator(yield = u32, send = u32)]
fn three_bindings_of_one_name(k: u32) -> Option<u32> {
    let f = 11u32;
    r#yield!(f);
    let mut stack = vec![10u32, 14];
    while let Some(f) = stack.pop() {
        let mix = move |v: u32| v ^ f;
        let d = mix(15);
        for f in 0..3u32 {
            if f + k == d % 3 {
                return Some(r#yield!(f));
            }
        }
    }
    Some(f)
}

#[test]
fn a_binding_renamed_in_two_rounds_keeps_its_reads() {
    let (first, mut g) = three_bindings_of_one_name(0).start();
    assert_eq!(first, GeneratorState::Yielded(11));
    assert_eq!(g.send(0), GeneratorState::Yielded(1));
    assert_eq!(g.send(5), GeneratorState::Complete(Some(5)));
    let (_, mut g) = three_bindings_of_one_name(10).start();
    assert_eq!(g.send(0), GeneratorState::Complete(Some(11)));
}

/// Differential seed 302608: a loop that suspends, in the value assigned to
/// a field. The loop resumes in place, where `rec` is declared first and
/// given its value after the loop, so rustc could not type `rec.n` on the
/// left (E0282). The value is now bound first, as Rust evaluates it first.
#[derive(Debug, PartialEq)]
struct Counted {
    name: String,
    n: u32,
}

#[generator(yield = u32, send = u32)]
fn loop_value_assigned_to_a_field() -> Counted {
    let mut rec = Counted {
        name: String::from("r"),
        n: r#yield!(0),
    };
    let mut turns = 0;
    rec.n = loop {
        let got = r#yield!(turns);
        if got % 4 == 1 {
            break got;
        }
        turns += 1;
    };
    rec.name.push('+');
    rec
}

#[test]
fn a_suspending_loop_may_be_the_value_of_a_field_assignment() {
    let (first, mut g) = loop_value_assigned_to_a_field().start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.send(7), GeneratorState::Yielded(0));
    assert_eq!(g.send(2), GeneratorState::Yielded(1));
    assert_eq!(
        g.send(9),
        GeneratorState::Complete(Counted {
            name: String::from("r+"),
            n: 9
        })
    );
}

/// Differential seed 2003365: a `break` in a `for` loop's iterator
/// expression leaves the loop *around* the `for` (the iterator is evaluated
/// outside it). The lowering's jump walkers counted it as inside the `for`,
/// left it unlabeled in a resume arm, where it then targeted the machine's
/// own dispatch loop (E0308 "expected `GeneratorState<…>`, found `()`").
#[generator(yield = u32)]
fn break_in_a_for_head(mut rows: Vec<u32>) -> u32 {
    let mut seen = 0;
    while let Some(c) = rows.pop() {
        let scale = move |v: u32| v * c;
        r#yield!(scale(1));
        for _ in 0..(if c > 2 { break } else { c }) {
            seen += 1;
        }
    }
    seen
}

#[test]
fn a_break_in_a_for_head_leaves_the_loop_around_it() {
    let mut g = break_in_a_for_head(vec![1, 5, 2]);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [2, 5]);
    assert_eq!(g.take_return(), Some(2));
    let mut g = break_in_a_for_head(vec![1, 2]);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [2, 1]);
    assert_eq!(g.take_return(), Some(3));
}

/// Differential seed 4006879: `k` lives in a drop flag (moved on one path),
/// so its reads are written `(*k)`, and `(*k).strip_prefix('a')` was not
/// seen as a view of `k`: the dead view `rest` was kept at the yield for its
/// drop, a read after `k.push(…)` (E0502). A view through a dereference is
/// a view now.
#[generator(yield = usize)]
fn view_of_a_flagged_value(give: bool, sink: &mut Vec<String>) -> usize {
    let mut k = String::from("abc");
    if let Some(rest) = k.strip_prefix('a') {
        let n = rest.len();
        k.push('!');
        r#yield!(n);
    }
    if give {
        sink.push(k);
    }
    r#yield!(1);
    sink.len()
}

#[test]
fn a_view_through_a_drop_flag_is_a_view() {
    let mut sink = Vec::new();
    let mut g = view_of_a_flagged_value(true, &mut sink);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [2, 1]);
    assert_eq!(g.take_return(), Some(1));
    drop(g);
    assert_eq!(sink, ["abc!"]);
    let mut sink = Vec::new();
    let mut g = view_of_a_flagged_value(false, &mut sink);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [2, 1]);
    assert_eq!(g.take_return(), Some(0));
}

/// Differential seed 4006286 (and the older 301893): `b` is moved inside
/// the operand of `break 'inner …`, itself inside the operand of a `break`
/// of the loop. A later yield in the loop cannot run after the move, but
/// the yield in the inner operand only knew of the inner `break`, so the
/// later yield's save of `b` looked reachable from it, and `b` was saved
/// there after its move (E0382). A point now knows every `break` operand
/// around it.
#[allow(unused_parens)] // rustc requires them, then lints them
#[generator(yield = u32, send = u32)]
fn move_inside_nested_break_operands(log: gen_workspace::drops::DropLog) -> u32 {
    let b = log.guard("b");
    let mut turns = 0u32;
    let v = loop {
        if turns > 1 {
            break ('inner: {
                mix(
                    17,
                    if !b.name().is_empty() {
                        drop(b);
                        if turns > 0 {
                            break 'inner r#yield!(13);
                        }
                        7
                    } else {
                        r#yield!(2)
                    },
                )
            });
        }
        r#yield!(14);
        turns += 1;
    };
    v
}

#[test]
fn a_move_inside_nested_break_operands_is_not_saved_later() {
    let log = gen_workspace::drops::DropLog::new();
    let (first, mut g) = move_inside_nested_break_operands(log.clone()).start();
    assert_eq!(first, GeneratorState::Yielded(14));
    assert_eq!(g.send(0), GeneratorState::Yielded(14));
    assert!(log.dropped().is_empty());
    assert_eq!(g.send(0), GeneratorState::Yielded(13));
    assert_eq!(log.dropped(), ["b"]);
    assert_eq!(g.send(40), GeneratorState::Complete(40));
    assert_eq!(log.dropped(), ["b"]);
}

/// Differential seed 6018829: a `break;` inside the operand of `break 'b …`
/// leaves only the loop around it, and the code after that loop, still in
/// `'b`, runs next. The analysis took the whole rest of `'b` as skipped, so
/// `c`, read there, was not saved at the yield in the operand (E0425).
#[allow(clippy::never_loop, unused_parens)] // rustc requires the parens, then lints them
#[generator(yield = u32, send = u32)]
fn break_inside_a_break_operand(log: gen_workspace::drops::DropLog) -> u32 {
    let g = log.guard("g");
    let c = r#yield!(0);
    let x = 'b: {
        loop {
            break 'b ({
                r#yield!(1);
                break;
            });
        }
        c + g.name().len() as u32
    };
    x
}

/// The same with a `continue` in the operand: the loop runs again and may
/// then end normally, so nothing after the operand is skipped.
#[allow(unused_parens)]
#[generator(yield = u32, send = u32)]
fn continue_inside_a_labeled_block_break(log: gen_workspace::drops::DropLog) -> u32 {
    let g = log.guard("g");
    let c = r#yield!(0);
    let mut turns = 0;
    let x = 'b: {
        loop {
            if turns == 2 {
                break;
            }
            break 'b ({
                turns += r#yield!(turns);
                if turns > 0 {
                    continue;
                }
                100
            });
        }
        c + g.name().len() as u32
    };
    x
}

#[test]
fn code_after_a_loop_left_from_a_break_operand_sees_saved_values() {
    let log = gen_workspace::drops::DropLog::new();
    let (first, mut g) = break_inside_a_break_operand(log.clone()).start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.send(40), GeneratorState::Yielded(1));
    assert!(log.dropped().is_empty());
    assert_eq!(g.send(7), GeneratorState::Complete(41));
    assert_eq!(log.dropped(), ["g"]);

    let log = gen_workspace::drops::DropLog::new();
    let (first, mut g) = continue_inside_a_labeled_block_break(log.clone()).start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.send(40), GeneratorState::Yielded(0));
    assert_eq!(g.send(1), GeneratorState::Yielded(1));
    assert!(log.dropped().is_empty());
    assert_eq!(g.send(1), GeneratorState::Complete(41));
    assert_eq!(log.dropped(), ["g"]);
    // Sending 0 leaves `'b` with the operand's value.
    let (_, mut g) = continue_inside_a_labeled_block_break(log.clone()).start();
    g.send(40);
    assert_eq!(g.send(0), GeneratorState::Complete(100));
}

/// Differential seed 6018829: a closure without `move` that uses a local as
/// an operator's operand (`v ^ c`) borrows it, as it does any `Copy` value
/// it uses by value. It was taken as possibly owning `c`, and so saved at a
/// later yield to be dropped at the end of its scope, beside the `c` it
/// borrows (E0597), although nothing calls it after the yield.
#[generator(yield = u32, send = u32)]
fn closure_over_an_operand_dead_at_a_yield() -> u32 {
    match r#yield!(0) {
        c if c > 2 => {
            let cl = |v: u32| v ^ c;
            let first = cl(1);
            r#yield!(first);
            c
        }
        _ => 0,
    }
}

#[test]
fn a_closure_borrowing_an_operand_is_not_saved_when_dead() {
    let (_, mut g) = closure_over_an_operand_dead_at_a_yield().start();
    assert_eq!(g.send(6), GeneratorState::Yielded(7));
    assert_eq!(g.send(0), GeneratorState::Complete(6));
}

/// Differential seeds 7013641 and 7016073: a method's receiver is a place,
/// left to be read after the yields in the arguments (`v.push(…)` borrows
/// `v`). But when an argument assigns that place, the plain function
/// compiles only because the receiver's value was read first (a `Copy`
/// value, or `self` by value): the generator read it after the assignment
/// and yielded `255 + …` instead of `5 + …`.
#[generator(yield = u32)]
fn receiver_assigned_in_an_argument() -> u32 {
    let mut r = (5u32, 0u32);
    let mut v = vec![1u32];
    r#yield!(r.0.wrapping_add({
        r.0 ^= 250;
        r#yield!(r.0);
        r.0
    }));
    // A receiver the arguments only read stays a place.
    v.push({
        let n = v.len() as u32;
        r#yield!(n);
        n
    });
    let total = r.0 + v.len() as u32;
    // An element assigned through an index, and a comparison's left side.
    let mut w = [7u32, 8];
    r#yield!(w[0].wrapping_add({
        w[0] = 100;
        r#yield!(w[0]);
        w[0]
    }));
    r#yield!(u32::from(
        w[1] == {
            w[1] += 1;
            r#yield!(w[1]);
            w[1]
        }
    ));
    total + w[0] + w[1]
}

#[test]
fn a_receiver_assigned_in_an_argument_is_read_first() {
    let mut g = receiver_assigned_in_an_argument();
    let items: Vec<u32> = g.by_ref().collect();
    assert_eq!(items, [255, 5 + 255, 1, 100, 7 + 100, 9, 0]);
    assert_eq!(g.take_return(), Some(255 + 2 + 100 + 9));
}

/// Differential seed 7017044: a loop that resumes in place keeps its saved
/// values in the state, and a `return` in it moves them out first, so they
/// drop after the loop's own locals. A `?` inside the returned value
/// (`return Some(x.checked_sub(10)?)`) leaves with a completion of its own,
/// which skipped that: the generator said `Complete` but still held `g`,
/// dropped only with the generator.
#[generator(yield = u32, send = u32)]
fn question_mark_inside_a_returned_value(log: gen_workspace::drops::DropLog) -> Option<u32> {
    let g = log.guard("g");
    loop {
        match r#yield!(g.name().len() as u32) {
            0 => continue,
            x => return Some(x.checked_sub(10)?),
        }
    }
}

#[test]
fn a_question_mark_inside_a_returned_value_drops_the_saved_values() {
    let log = gen_workspace::drops::DropLog::new();
    let (first, mut g) = question_mark_inside_a_returned_value(log.clone()).start();
    assert_eq!(first, GeneratorState::Yielded(1));
    assert_eq!(g.send(0), GeneratorState::Yielded(1));
    assert_eq!(g.send(3), GeneratorState::Complete(None));
    assert!(g.is_finished());
    assert_eq!(log.dropped(), ["g"]);

    let log = gen_workspace::drops::DropLog::new();
    let (_, mut g) = question_mark_inside_a_returned_value(log.clone()).start();
    assert_eq!(g.send(15), GeneratorState::Complete(Some(5)));
    assert!(g.is_finished());
    assert_eq!(log.dropped(), ["g"]);
}

/// The place of a compound assignment is written, not read: an assignment
/// to it in the value does not make it a value to read first (a hidden
/// copy assigned in its stead was E0384, "cannot assign twice").
#[generator(yield = u32, send = u32)]
fn compound_assignment_target_assigned_in_its_value() -> u32 {
    let mut d = 6u32;
    d ^= {
        d = r#yield!(d);
        3
    };
    d
}

#[test]
fn a_compound_assignment_target_stays_a_place() {
    let (first, mut g) = compound_assignment_target_assigned_in_its_value().start();
    assert_eq!(first, GeneratorState::Yielded(6));
    // As rustc orders a primitive `d ^= v`: `v` first, then `d` is read.
    assert_eq!(g.send(8), GeneratorState::Complete(8 ^ 3));
}

/// The same with the assignment inside the yield's own operand.
#[generator(yield = u32, send = u32)]
fn receiver_assigned_in_a_yield_operand() -> u32 {
    let mut r = (5u32, 0u32);
    let x = r.0.wrapping_add(r#yield!({
        r.0 ^= 250;
        r.0
    }));
    x
}

#[test]
fn a_receiver_assigned_in_a_yield_operand_is_read_first() {
    let (first, mut g) = receiver_assigned_in_a_yield_operand().start();
    assert_eq!(first, GeneratorState::Yielded(255));
    assert_eq!(g.send(1), GeneratorState::Complete(6));
}

/// Items declared in the body are visible in all of it, as in a plain
/// function: `helper(K)` after a yield named nothing (E0425) while the
/// items were left in the arm of the code before the yield. A nested
/// `#[generator] fn` owns its yields (they were "cannot suspend the
/// generator from inside a nested item").
#[generator(yield = u32)]
fn items_in_the_body() {
    r#yield!(helper(1));
    fn helper(x: u32) -> u32 {
        x * 3
    }
    const K: u32 = 4;
    r#yield!(helper(K));
    use std::cmp::max;
    #[generator(yield = u32)]
    fn inner() {
        r#yield!(7);
        r#yield!(max(K, 8));
    }
    yield_from!(inner());
    {
        fn local() -> u32 {
            1
        }
        r#yield!(local());
    }
    {
        // Same name in another block: each stays in its block.
        fn local() -> u32 {
            2
        }
        r#yield!(local());
    }
    macro_rules! twice {
        ($e:expr) => {
            $e * 2
        };
    }
    r#yield!(0);
    r#yield!(twice!(max(1, 2)));
    struct Row {
        n: u32,
    }
    impl Row {
        fn n(&self) -> u32 {
            self.n
        }
    }
    let row = Row { n: 9 };
    r#yield!(0);
    r#yield!(row.n());
}

#[test]
fn items_in_the_body_are_visible_after_a_yield() {
    let got: Vec<u32> = items_in_the_body().collect();
    assert_eq!(got, [3, 12, 7, 8, 1, 2, 0, 4, 0, 9]);
}

/// A callee in parentheses is used when the call happens, after its
/// arguments: `(f)(r#yield!(x))` needs `f` after the yield (it was not
/// saved there: E0425).
#[generator(yield = u32, send = u32)]
fn parenthesised_callee() -> u32 {
    let f = |x: u32| x + 1;
    #[allow(unused_parens)]
    let call = (f)(r#yield!(10));
    call
}

#[test]
fn a_parenthesised_callee_is_saved_across_a_yield_in_its_arguments() {
    let (first, mut g) = parenthesised_callee().start();
    assert_eq!(first, GeneratorState::Yielded(10));
    assert_eq!(g.send(4), GeneratorState::Complete(5));
}

fn some(x: u32) -> Option<u32> {
    Some(x)
}

/// A let chain whose rest suspends inside a loop (differential seed 60):
/// the code resumed in that loop never gets back to the `then` branch by
/// falling through, and lost the chain's binding `k` (E0425).
#[generator(yield = u32, send = u32)]
fn let_chain_suspended_in_a_loop() -> u32 {
    if let Some(k) = some(9)
        && {
            for _ in 0..2u32 {
                r#yield!(1);
                r#yield!(k);
            }
            8
        } == 8
    {
        r#yield!(100);
    }
    0
}

#[test]
fn a_let_chain_suspended_in_a_loop_keeps_its_binding() {
    let (first, mut g) = let_chain_suspended_in_a_loop().start();
    assert_eq!(first, GeneratorState::Yielded(1));
    assert_eq!(g.send(0), GeneratorState::Yielded(9));
    assert_eq!(g.send(0), GeneratorState::Yielded(1));
    assert_eq!(g.send(0), GeneratorState::Yielded(9));
    assert_eq!(g.send(0), GeneratorState::Yielded(100));
    assert_eq!(g.send(0), GeneratorState::Complete(0));
}

/// A let chain binding the name of a value that keeps a drop flag: the
/// operands after the `let` read the new binding (differential seed
/// 9000411: the flag pass took `a > 1` for the flagged `a`, E0599).
#[generator(yield = u32)]
fn let_chain_hides_a_flagged_binding(give: bool) -> usize {
    let a = String::from("kept");
    let mut sink = Vec::new();
    if give {
        sink.push(a);
    }
    r#yield!(1);
    if let Some(a) = Some(3u32)
        && a > 1
    {
        r#yield!(a);
    }
    sink.len()
}

#[test]
fn a_let_chain_hides_a_flagged_binding_after_its_let() {
    for give in [false, true] {
        let mut g = let_chain_hides_a_flagged_binding(give);
        assert_eq!(g.by_ref().collect::<Vec<_>>(), [1, 3]);
        assert_eq!(g.take_return(), Some(usize::from(give)));
    }
}

/// A closure called with an argument that suspends in a loop (differential
/// seeds 9009876, 9012419, 9012545): the loop resumed in place declared the
/// closure late, inside the argument, after the call that needs its type
/// (E0282 "type must be known at this point").
#[generator(yield = u32, send = u32)]
fn closure_called_around_a_loop_that_suspends() -> u32 {
    let c = String::from("ab");
    let add_len = move |v: u32| v ^ (c.len() as u32);
    let x = add_len({
        let mut total = 0u32;
        loop {
            if total > 1 {
                break total;
            }
            total += r#yield!(1);
        }
    });
    x + add_len(0)
}

#[test]
fn a_closure_called_around_a_loop_that_suspends_keeps_its_type() {
    let (first, mut g) = closure_called_around_a_loop_that_suspends().start();
    assert_eq!(first, GeneratorState::Yielded(1));
    assert_eq!(g.send(1), GeneratorState::Yielded(1));
    // `add_len(2)` is `2 ^ 2`, then `add_len(0)` is 2.
    assert_eq!(g.send(1), GeneratorState::Complete(2));
}

/// A let chain resumed in its condition whose `then` branch moves a value
/// the `else` branch uses (differential seed 9001432): the resumed chain
/// ran `then` before deciding on `else`, so the move counted on both paths
/// (E0382).
#[generator(yield = u32, send = u32)]
fn let_chain_moves_in_then_uses_in_else(n: Option<u32>) -> usize {
    let kept = String::from("kept");
    let mut sink = Vec::new();
    if let Some(k) = n
        && r#yield!(k) > 1
    {
        sink.push(kept);
    } else {
        r#yield!(kept.len() as u32);
    }
    sink.len()
}

#[test]
fn a_let_chain_moves_in_then_and_uses_in_else() {
    let (first, mut g) = let_chain_moves_in_then_uses_in_else(Some(5)).start();
    assert_eq!(first, GeneratorState::Yielded(5));
    assert_eq!(g.send(2), GeneratorState::Complete(1));
    let (first, mut g) = let_chain_moves_in_then_uses_in_else(Some(5)).start();
    assert_eq!(first, GeneratorState::Yielded(5));
    assert_eq!(g.send(0), GeneratorState::Yielded(4));
    assert_eq!(g.send(0), GeneratorState::Complete(0));
}

/// A receiver whose name a binding inside the argument shadows and
/// assigns (differential seeds 9006909, 9008515, 9014694): `h = …` there
/// is the inner `h`, so the outer one stays a place (it was moved into a
/// hidden binding: E0596, then E0382).
#[generator(yield = u32, send = u32)]
fn receiver_shadowed_in_its_argument() -> Vec<u32> {
    let mut h = vec![7];
    h.push(match r#yield!(0) {
        0 => {
            r#yield!(h.len() as u32);
            1
        }
        _ => {
            let h: u32;
            h = r#yield!(9);
            h
        }
    });
    h
}

#[test]
fn a_receiver_shadowed_in_its_argument_stays_a_place() {
    let (first, mut g) = receiver_shadowed_in_its_argument().start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.send(0), GeneratorState::Yielded(1));
    assert_eq!(g.send(0), GeneratorState::Complete(vec![7, 1]));
    let (_, mut g) = receiver_shadowed_in_its_argument().start();
    assert_eq!(g.send(5), GeneratorState::Yielded(9));
    assert_eq!(g.send(4), GeneratorState::Complete(vec![7, 4]));
}

/// Differential seed 9117895: `a` is dead across the operand's yields and
/// assigned again only after the outer yield. The inner yield's arm
/// declares it anew and must drop that declaration, though a `for`
/// pattern of the same name and a field `.a` appear in the arm: neither
/// assigns the dead local (both used to keep the bare `let mut a;`, E0282).
// (The closure is the seed's shape: a capture of the `for` pattern.)
#[allow(clippy::redundant_closure_call)]
#[generator(yield = u32, send = u32)]
fn dead_local_named_by_a_for_pattern_and_a_field() -> u32 {
    struct Pair {
        a: u32,
    }
    let mut a: u32 = 17;
    let got = r#yield!({
        let first = r#yield!(a);
        let mut total = first;
        for a in 0..3u32 {
            let add = move |v: u32| v ^ a;
            total = add(total);
        }
        let pair = Pair { a: total };
        pair.a
    });
    a = 3;
    got + a
}

#[test]
fn a_dead_local_is_not_kept_alive_by_names_that_are_not_it() {
    let (first, mut g) = dead_local_named_by_a_for_pattern_and_a_field().start();
    assert_eq!(first, GeneratorState::Yielded(17));
    // 10 ^ 0 ^ 1 ^ 2 = 9
    assert_eq!(g.send(10), GeneratorState::Yielded(9));
    assert_eq!(g.send(100), GeneratorState::Complete(103));
}

/// Differential seed 9208292: closures saved across yields get join
/// points; one refused join point (here the first loop's, whose closure
/// would be saved with a borrow) was remembered by its rank among the
/// candidates, and leaving it out made another `let` a candidate, which
/// renumbered the rest: the join point of `add` was left out instead, two
/// arms defined `add`, and its slot got two closure types (E0308
/// "expected closure, found a different closure"). Join points are now
/// named by where their `let` is. The yield after `break 'outer` is dead
/// code: it has no resume arm.
#[allow(unreachable_code, unused_variables)]
#[generator(yield = u32, clone)]
fn closures_after_a_refused_join(take: usize) -> u32 {
    let mut rounds = 0;
    'outer: loop {
        let mut w = vec![15u32, 5, 6];
        while let Some(h) = w.pop() {
            let first = move |v: u32| v.wrapping_mul(3) ^ 1u32;
            rounds += first(1);
            break 'outer;
            let second = |v: u32| v.wrapping_mul(3) ^ h;
            r#yield!(second(h));
        }
    }
    for e in vec![10u32, 16, 14].into_iter().take(take) {
        let add = move |v: u32| v.wrapping_add(e) ^ 13;
        r#yield!(14);
        rounds += add(1);
    }
    for h in 0..3u32 {
        let mix = move |v: u32| v.wrapping_add(h) ^ 46;
        r#yield!(mix(h));
    }
    rounds
}

#[test]
fn a_refused_join_point_leaves_the_others_in_place() {
    let mut g = closures_after_a_refused_join(2);
    let yielded: Vec<u32> = g.by_ref().collect();
    let ret = g.take_return().expect("completed");
    // (0 + 0) ^ 46, (1 + 1) ^ 46, (2 + 2) ^ 46
    assert_eq!(yielded, [14, 14, 46, 44, 42]);
    // (3 ^ 1) + (11 ^ 13) + (17 ^ 13)
    assert_eq!(ret, 2 + (11 ^ 13) + (17 ^ 13));
}

fn nonzero(v: u32) -> Option<u32> {
    (v != 0).then_some(v)
}

/// Differential seed 9600750: `b` is given a new value in the `else`
/// block of a `let … else` inside a loop, after the yield in its
/// scrutinee. A positional guess took that assignment for one on every
/// path out of the yield and did not save `b` there, but the path where
/// the pattern matches goes back to the loop's condition, which reads
/// `b` (E0381 "used binding is possibly-uninitialized"). The liveness
/// decides now.
#[generator(yield = u32, send = u32)]
fn assigned_in_a_let_else_block_only() -> u32 {
    let mut b = r#yield!(0);
    let Some(total) = nonzero(if b < 10 {
        let mut sum = 0;
        while b < 5 {
            let Some(step) = nonzero(r#yield!(sum)) else {
                r#yield!({
                    b = 1;
                    100
                });
                break;
            };
            sum += step;
        }
        sum
    } else {
        b
    }) else {
        return b;
    };
    r#yield!(total)
}

#[test]
fn a_value_assigned_in_a_let_else_block_is_saved_for_the_path_that_matches() {
    let (first, mut g) = assigned_in_a_let_else_block_only().start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.send(2), GeneratorState::Yielded(0));
    // The pattern matches: back to `while b < 5`, which reads `b`.
    assert_eq!(g.send(3), GeneratorState::Yielded(3));
    assert_eq!(g.send(4), GeneratorState::Yielded(7));
    // `None`: the `else` block assigns `b` and leaves the loop.
    assert_eq!(g.send(0), GeneratorState::Yielded(100));
    assert_eq!(g.send(9), GeneratorState::Yielded(7));
    // (The last yield's sent value is the return value.)
    assert_eq!(g.send(8), GeneratorState::Complete(8));

    // Nothing summed: the outer `else` returns the `b` the inner one set.
    let (_, mut g) = assigned_in_a_let_else_block_only().start();
    assert_eq!(g.send(2), GeneratorState::Yielded(0));
    assert_eq!(g.send(0), GeneratorState::Yielded(100));
    assert_eq!(g.send(9), GeneratorState::Complete(1));

    // `b` too large for the loop: it is the total.
    let (_, mut g) = assigned_in_a_let_else_block_only().start();
    assert_eq!(g.send(12), GeneratorState::Yielded(12));
    assert_eq!(g.send(5), GeneratorState::Complete(5));
}

#[generator(yield = u32)]
fn echo(v: u32) {
    r#yield!(v);
}

/// Differential seed 10409843 (E0308 "expected `Nothing`, found
/// `DropFlag<Guard>`"): `late`, given a value on some paths, is held across
/// a `yield_from!` only to be dropped, so each point saves it through the
/// `Keep` probe, which picks by the value's type. The start arm enters the
/// outer loop by jumping to the arm of its tail yield, and the arms after
/// it were ordered from the first suspension point inside the loop taken
/// by index: the delegation's loop yield, numbered before its hand-off
/// point but written after it. So the hand-off's arm was read first, with
/// `late` from a slot of a type not known yet, and the probe chose
/// `Nothing`. The first point is now taken in code order.
#[generator(yield = u32)]
fn held_across_a_delegation_in_an_entered_loop(
    log: gen_workspace::drops::DropLog,
    give: bool,
    turns: u32,
) {
    let mut turn = 0;
    loop {
        turn += 1;
        if turn > turns {
            break;
        }
        let x = {
            let _late;
            if give {
                _late = log.guard("late");
            }
            yield_from!(echo(turn * 10));
            turn
        };
        r#yield!(x);
    }
}

#[test]
fn a_value_held_across_a_delegation_in_an_entered_loop_keeps_its_drop_flag() {
    use gen_workspace::drops::DropLog;
    let plain = |log: DropLog, give: bool, turns: u32| {
        let mut out = Vec::new();
        for turn in 1..=turns {
            let x = {
                let _late;
                if give {
                    _late = log.guard("late");
                }
                out.push(turn * 10);
                drop(log.guard(format!("<{}>", out.len())));
                turn
            };
            out.push(x);
            drop(log.guard(format!("<{}>", out.len())));
        }
        out
    };
    for give in [true, false] {
        assert_same_as_plain(
            |log| held_across_a_delegation_in_an_entered_loop(log, give, 2),
            |log| plain(log, give, 2),
            &format!("give {give}"),
        );
    }
}

/// `[a, b] = [b, a];` assigns `a` and `b` (2026-12-07, found when the
/// scope walk moved to the operand table): an array in the place of an
/// assignment destructures, as a tuple does, and its elements are places
/// assigned, not values moved. The walk took them for moved values (a
/// tuple there was already right), so after the swap neither guard was
/// saved at the last yield and both were dropped there instead of at the
/// end: the plain function logs `<1> <2> <3> b a`, the generator logged
/// `<1> <2> b a <3>`.
#[generator(yield = String)]
fn swapped_by_array_destructuring(log: gen_workspace::drops::DropLog) {
    let mut a = log.guard("a");
    let mut b = log.guard("b");
    r#yield!(format!("{}{}", a.name(), b.name()));
    [a, b] = [b, a];
    r#yield!(format!("{}{}", a.name(), b.name()));
    (a, b) = (b, a);
    r#yield!(format!("{}{}", a.name(), b.name()));
}

#[test]
fn an_array_assigned_by_destructuring_holds_its_elements_across_a_yield() {
    use gen_workspace::drops::DropLog;
    let plain = |log: DropLog| {
        let mut out = Vec::new();
        let mut a = log.guard("a");
        let mut b = log.guard("b");
        out.push(format!("{}{}", a.name(), b.name()));
        drop(log.guard(format!("<{}>", out.len())));
        [a, b] = [b, a];
        out.push(format!("{}{}", a.name(), b.name()));
        drop(log.guard(format!("<{}>", out.len())));
        (a, b) = (b, a);
        out.push(format!("{}{}", a.name(), b.name()));
        drop(log.guard(format!("<{}>", out.len())));
        out
    };
    let got = assert_same_as_plain(swapped_by_array_destructuring, plain, "");
    assert_eq!(got, ["ab", "ba", "ab"]);
}

/// A value with a drop flag (moved on some paths before a yield) assigned
/// by a destructuring assignment (seed 10920229, the first programs with
/// `(d, h) = (h, d)`): the flag rewrite took `h` in the pattern for a value
/// read (E0070 "invalid left-hand side of assignment"). The pattern now
/// assigns a temporary that goes into the flag after it, one per flagged
/// name (two flagged names in one pattern then declared one temporary
/// twice: E0384).
#[generator(yield = String)]
fn swapped_then_moved_on_some_paths(log: gen_workspace::drops::DropLog, give: bool) {
    let mut a = log.guard("a");
    let mut b = log.guard("b");
    (a, b) = (b, a);
    r#yield!(format!("{}{}", a.name(), b.name()));
    if give {
        drop(a);
        drop(b);
    }
    r#yield!(String::from("end"));
}

#[test]
fn a_value_with_a_drop_flag_is_assigned_by_destructuring() {
    use gen_workspace::drops::DropLog;
    let plain = |log: DropLog, give: bool| {
        let mut out = Vec::new();
        let mut a = log.guard("a");
        let mut b = log.guard("b");
        (a, b) = (b, a);
        out.push(format!("{}{}", a.name(), b.name()));
        drop(log.guard(format!("<{}>", out.len())));
        if give {
            drop(a);
            drop(b);
        }
        out.push(String::from("end"));
        drop(log.guard(format!("<{}>", out.len())));
        out
    };
    for give in [true, false] {
        assert_same_as_plain(
            |log| swapped_then_moved_on_some_paths(log, give),
            |log| plain(log, give),
            &format!("give {give}"),
        );
    }
}

struct TwoGuards {
    x: gen_workspace::drops::Guard,
    y: gen_workspace::drops::Guard,
}

/// The same through a struct pattern in shorthand (`TwoGuards { x, y } =
/// …`): the temporary that takes a flagged name's place must be written
/// out (`x: temporary`), or the shorthand still names the flag itself, a
/// `DropFlag<Guard>` where a `Guard` is assigned (E0308).
#[generator(yield = String)]
fn struct_destructured_then_moved_on_some_paths(log: gen_workspace::drops::DropLog, give: bool) {
    let mut x = log.guard("x");
    let mut y = log.guard("y");
    TwoGuards { x, y } = TwoGuards { x: y, y: x };
    r#yield!(format!("{}{}", x.name(), y.name()));
    if give {
        drop(x);
    }
    r#yield!(y.name().to_string());
}

#[test]
fn a_value_with_a_drop_flag_is_assigned_by_a_struct_pattern_in_shorthand() {
    use gen_workspace::drops::DropLog;
    let plain = |log: DropLog, give: bool| {
        let mut out = Vec::new();
        let mut x = log.guard("x");
        let mut y = log.guard("y");
        TwoGuards { x, y } = TwoGuards { x: y, y: x };
        out.push(format!("{}{}", x.name(), y.name()));
        drop(log.guard(format!("<{}>", out.len())));
        if give {
            drop(x);
        }
        out.push(y.name().to_string());
        drop(log.guard(format!("<{}>", out.len())));
        out
    };
    for give in [true, false] {
        assert_same_as_plain(
            |log| struct_destructured_then_moved_on_some_paths(log, give),
            |log| plain(log, give),
            &format!("give {give}"),
        );
    }
}

/// Runs a generator and the same body written as a plain function on
/// fresh drop logs, and compares what they yield and when each value is
/// dropped: after each item a guard `<n>` is dropped (`plain` drops the
/// same guards where it pushes its items), so the log shows which values
/// were held across which yields. Returns the items.
fn assert_same_as_plain<T: PartialEq + std::fmt::Debug, I: IntoIterator<Item = T>>(
    generator: impl FnOnce(gen_workspace::drops::DropLog) -> I,
    plain: impl FnOnce(gen_workspace::drops::DropLog) -> Vec<T>,
    case: &str,
) -> Vec<T> {
    use gen_workspace::drops::DropLog;
    let reference = DropLog::new();
    let want = plain(reference.clone());
    let log = DropLog::new();
    let mut got = Vec::new();
    for x in generator(log.clone()) {
        got.push(x);
        drop(log.guard(format!("<{}>", got.len())));
    }
    assert_eq!(got, want, "{case}");
    assert_eq!(log.dropped(), reference.dropped(), "{case}");
    got
}
