//! What a yield saves is what is used after it, and a saved closure has one
//! type (issue 12, items 5 and 7): a view into a local (`line.trim()`,
//! `v.first()`, `if let Some(rest) = line.strip_prefix(…)`) or a closure
//! that holds nothing with a destructor is saved only when used after the
//! yield, so a dead one neither borrows the generator's own state nor fixes
//! a type; a closure that is saved is defined in one resume arm (a join
//! point, `lower::joins`), however many arms reach its `let`. Each body
//! compiles as a plain function, and the generator behaves as that function
//! does (the reference built by `dual!`).
#![deny(warnings)]

#[macro_use]
mod support;

use gen_runtime::{GeneratorState, generator};
use gen_workspace::drops::DropLog;

dual! {
    // `word` borrows `line`, which is saved at both yields; `word` is dead
    // after the first.
    fn trimmed / trimmed_ref(line: String) yield usize, send () => usize {
        let word = line.trim();
        r#yield!(word.len());
        r#yield!(line.len());
        line.len()
    }
}

dual! {
    fn first_of / first_of_ref(v: Vec<u32>) yield u32, send () => usize {
        let first = v.first();
        r#yield!(first.copied().unwrap_or(0));
        let last = v.last().copied().unwrap_or(0);
        r#yield!(last);
        r#yield!(last + 1);
        v.len()
    }
}

dual! {
    // A view bound by `if let`, used only in the yield's operand.
    fn stripped / stripped_ref(lines: Vec<String>) yield usize, send () => usize {
        let mut total = 0;
        for line in lines {
            if let Some(rest) = line.strip_prefix("a") {
                r#yield!(rest.len());
            }
            r#yield!(line.len());
            total += line.len();
        }
        total
    }
}

dual! {
    // Views bound by `match`, and by `?` on a view.
    fn matched / matched_ref(line: String) yield usize, send () => Option<usize> {
        match line.split_once(',') {
            Some((a, b)) => {
                r#yield!(a.len() + b.len());
            }
            None => {}
        }
        let head = line.get(..1)?;
        r#yield!(head.len());
        r#yield!(line.len());
        Some(line.len())
    }
}

dual! {
    // A view used again after the yield is saved: it borrows nothing of
    // the generator (`line` is a `&'static str`).
    fn view_of_a_reference / view_of_a_reference_ref(line: &'static str) yield usize, send () => usize {
        let word = line.trim();
        r#yield!(1);
        r#yield!(word.len());
        word.len()
    }
}

dual! {
    // A closure that captures nothing, created after a branch that yields,
    // is not saved when it is not called after the next yield: one
    // definition per resume arm is no problem then.
    fn closure_after_a_branch / closure_after_a_branch_ref(c: bool) yield u32, send () => u32 {
        if c {
            r#yield!(0);
        }
        let f = |v: u32| v * 2;
        r#yield!(f(1));
        7
    }
}

dual! {
    // Nor is one that only reads locals, or moves visibly `Copy` values.
    fn closures_over_locals / closures_over_locals_ref(c: bool, k: u32) yield u32, send () => u32 {
        let base = vec![k, k + 1];
        if c {
            r#yield!(0);
        }
        let sum = || base.iter().sum::<u32>();
        let scale = move |v: u32| v * 3;
        r#yield!(scale(sum()));
        base.len() as u32
    }
}

/// A type whose methods hand out views the macro cannot know by name.
#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    text: String,
    count: u32,
}

/// A view with a lifetime, `Copy` like a reference.
#[derive(Clone, Copy, Debug)]
pub struct Heading<'a>(&'a str);

impl Doc {
    fn title(&self) -> &str {
        self.text.lines().next().unwrap_or("")
    }
    fn heading(&self) -> Option<Heading<'_>> {
        self.text.strip_prefix('#').map(Heading)
    }
    fn count_mut(&mut self) -> &mut u32 {
        &mut self.count
    }
}

dual! {
    // Views from the user's own methods, dead after the yield: a plain
    // function holds each across it (nothing to drop), so must the
    // generator, without saving a borrow of `doc` beside `doc`.
    fn user_views / user_views_ref(doc: Doc) yield usize, send () => u32 {
        let mut doc = doc;
        let title = doc.title();
        r#yield!(title.len());
        if let Some(Heading(h)) = doc.heading() {
            r#yield!(h.len());
        }
        let count = doc.count_mut();
        *count += 1;
        // (Not `r#yield!(doc.text.len())` here: a dead `&mut` is kept
        // after the yield's operand runs, so an operand that reads its
        // owner overlaps it, E0502 — a limit in the README.)
        r#yield!(*count as usize);
        r#yield!(doc.text.len());
        doc.count
    }
}

#[test]
fn dead_views_are_not_saved() {
    check_iter!(trimmed / trimmed_ref(" ab ".to_string()));
    check_iter!(first_of / first_of_ref(vec![3, 4]));
    check_iter!(first_of / first_of_ref(vec![]));
    check_iter!(stripped / stripped_ref(vec!["abc".into(), "b".into(), "a".into()]));
    check_iter!(matched / matched_ref("ab,c".to_string()));
    check_iter!(matched / matched_ref(String::new()));
    check_iter!(view_of_a_reference / view_of_a_reference_ref(" xyz "));
    for text in ["#one\ntwo", "plain", ""] {
        let doc = Doc {
            text: text.to_string(),
            count: 4,
        };
        check_iter!(user_views / user_views_ref(doc.clone()));
    }
}

#[test]
fn dead_closures_without_destructors_are_not_saved() {
    check_iter!(closure_after_a_branch / closure_after_a_branch_ref(true));
    check_iter!(closure_after_a_branch / closure_after_a_branch_ref(false));
    check_iter!(closures_over_locals / closures_over_locals_ref(true, 4));
    check_iter!(closures_over_locals / closures_over_locals_ref(false, 4));
}

/// A guard made by a method of a local (`log.guard(…)`) is not a view: it
/// lives to the end of its scope, as in a plain function, though nothing
/// uses it after the yield. So does a closure that owns a guard.
#[generator(yield = u32)]
fn guards_live_to_their_scope_end(log: DropLog) {
    {
        let _held = log.guard("held");
        let owned = log.guard("owned");
        let keeper = move || owned.name().len();
        r#yield!(keeper() as u32);
        r#yield!(2);
        drop(log.guard("inner end"));
    }
    r#yield!(3);
}

#[test]
fn values_with_destructors_keep_their_drop_order() {
    let log = DropLog::new();
    let mut g = guards_live_to_their_scope_end(log.clone());
    assert_eq!(g.next(), Some(5));
    assert_eq!(g.next(), Some(2));
    assert!(
        log.dropped().is_empty(),
        "dropped at a yield: {:?}",
        log.dropped()
    );
    assert_eq!(g.next(), Some(3));
    assert_eq!(log.dropped(), ["inner end", "owned", "held"]);
    assert_eq!(g.next(), None);
}

// Saved closures reached by several arms (item 7).

dual! {
    // The case, with the closure called after the next yield.
    fn closure_held / closure_held_ref(c: bool) yield u32, send () => u32 {
        if c {
            r#yield!(0);
        }
        let f = |v: u32| v * 2;
        r#yield!(f(1));
        f(5)
    }
}

dual! {
    // An iterator holding a closure, after an optional yield.
    fn map_after_a_branch / map_after_a_branch_ref(c: bool, rows: Vec<u32>) yield u32, send () => u32 {
        if c {
            r#yield!(0);
        }
        let mut total = 0;
        for x in rows.into_iter().map(|r| r * 10) {
            total += x;
            r#yield!(x);
        }
        total
    }
}

dual! {
    // Defined in a loop that yields after it: the start and the last
    // yield both run the `let` again.
    fn closure_in_a_loop / closure_in_a_loop_ref(n: u32) yield u32, send () => u32 {
        let mut i = 0;
        while i < n {
            let f = move |v: u32| v * 2 + i;
            r#yield!(f(1));
            r#yield!(f(2));
            i += 1;
        }
        i
    }
}

dual! {
    // Sent values, a closure owning a `String`, two closures in a row,
    // and a branch that yields between them and their use.
    fn closures_with_sends / closures_with_sends_ref(n: u32) yield String, send u32 => String {
        let mut log = String::new();
        for round in 0..n {
            let k = r#yield!(format!("round {round}"));
            if k % 2 == 0 {
                r#yield!("even".to_string());
            }
            let tag = format!("<{k}>");
            let label = move |v: u32| format!("{tag}{v}");
            let double = |v: u32| v * 2;
            if k > 2 {
                let extra = r#yield!(label(k));
                log.push_str(&label(double(extra)));
            }
            let last = r#yield!(label(double(k)));
            log.push_str(&label(last));
        }
        log
    }
}

dual! {
    // A borrow made after the branch and used after the closure: the join
    // point goes before the borrow, which it could not save.
    fn borrow_after_the_branch / borrow_after_the_branch_ref(c: bool, line: String) yield usize, send () => usize {
        if c {
            r#yield!(0);
        }
        let word = line.trim();
        let f = move |v: usize| v + 1;
        r#yield!(f(word.len()));
        f(1)
    }
}

dual! {
    // A closure assigned to a binding declared earlier: the join point goes
    // before the assignment (the README listed this as E0308 before).
    fn closure_assigned_late / closure_assigned_late_ref(c: bool) yield u32, send () => u32 {
        let g;
        if c {
            r#yield!(0);
        }
        g = move |v: u32| v + 1;
        r#yield!(g(1));
        g(2)
    }
}

dual! {
    // The same in a loop, assigned again on every turn.
    fn closure_assigned_late_in_a_loop / closure_assigned_late_in_a_loop_ref(n: u32) yield u32, send () => u32 {
        let mut g;
        let mut i = 0;
        loop {
            g = move |v: u32| v * 10 + i;
            r#yield!(g(1));
            i += 1;
            if i >= n {
                break;
            }
        }
        g(2)
    }
}

#[test]
fn saved_closures_have_one_definition() {
    check_iter!(closure_assigned_late / closure_assigned_late_ref(true));
    check_iter!(closure_assigned_late / closure_assigned_late_ref(false));
    check_iter!(closure_assigned_late_in_a_loop / closure_assigned_late_in_a_loop_ref(3));
    check_iter!(closure_assigned_late_in_a_loop / closure_assigned_late_in_a_loop_ref(1));
    check_iter!(borrow_after_the_branch / borrow_after_the_branch_ref(true, " ab ".into()));
    check_iter!(borrow_after_the_branch / borrow_after_the_branch_ref(false, "x".into()));
    check_iter!(closure_held / closure_held_ref(true));
    check_iter!(closure_held / closure_held_ref(false));
    check_iter!(map_after_a_branch / map_after_a_branch_ref(true, vec![1, 2]));
    check_iter!(map_after_a_branch / map_after_a_branch_ref(false, vec![3]));
    check_iter!(closure_in_a_loop / closure_in_a_loop_ref(3));
    check_iter!(closure_in_a_loop / closure_in_a_loop_ref(0));
    // k = 4: "even", then `extra`; k = 1: neither; k = 3: only `extra`.
    check_send!(
        closures_with_sends / closures_with_sends_ref(3),
        [4, 0, 5, 6, 1, 7, 3, 8, 9]
    );
}

#[derive(Debug, PartialEq)]
struct Oops(u32);

/// With `throw`, a join point's arm reads no resume argument; the arms
/// that jump to it read theirs once.
#[generator(yield = u32, throw = Oops)]
fn closure_after_a_caught_error(n: u32) -> u32 {
    let mut caught = 0;
    for i in 0..n {
        if let Err(Oops(code)) = r#yield!(i) {
            caught += code;
        }
        let scale = move |v: u32| v * 10 + caught;
        if let Err(Oops(code)) = r#yield!(scale(i)) {
            caught += code;
        }
        r#yield!(scale(100)).ok();
    }
    caught
}

#[test]
fn join_points_with_throw() {
    let (first, mut g) = closure_after_a_caught_error(2).start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.throw(Oops(1)), GeneratorState::Yielded(1));
    assert_eq!(g.next(), Some(1001));
    assert_eq!(g.next(), Some(1));
    // `scale` of the second turn sees the error caught in it.
    assert_eq!(g.throw(Oops(2)), GeneratorState::Yielded(13));
    assert_eq!(g.next(), Some(1003));
    assert_eq!(g.next(), None);
    assert_eq!(g.take_return(), Some(3));
}

/// What a join point saves is moved through it, not dropped there: the
/// guards are dropped once, where a plain function drops them, also when
/// the generator is closed after the jump.
#[generator(yield = usize)]
fn guards_through_a_join(log: DropLog, c: bool) {
    let outer = log.guard("outer");
    if c {
        r#yield!(0);
    }
    let inner = log.guard("inner");
    let describe = move |n: usize| inner.name().len() + n;
    r#yield!(describe(outer.name().len()));
    r#yield!(describe(1));
}

#[test]
fn join_points_keep_drop_order() {
    for c in [false, true] {
        let log = DropLog::new();
        let got: Vec<usize> = guards_through_a_join(log.clone(), c).collect();
        let mut want = vec![10, 6];
        if c {
            want.insert(0, 0);
        }
        assert_eq!(got, want);
        assert_eq!(log.dropped(), ["inner", "outer"]);

        let log = DropLog::new();
        let mut g = guards_through_a_join(log.clone(), c);
        g.next();
        if c {
            g.next();
        }
        assert!(log.dropped().is_empty());
        g.close();
        assert_eq!(log.dropped(), ["inner", "outer"]);
    }
}

/// A self-recursive generator (whose arms run as frames) jumps to a join
/// point as any other.
#[generator(yield = u32)]
fn recursive_with_a_closure(depth: u32, c: bool) {
    if c {
        r#yield!(100 + depth);
    }
    let f = move |v: u32| v + depth;
    if depth > 0 {
        yield_from!(recursive_with_a_closure(depth - 1, !c));
    }
    r#yield!(f(1));
    r#yield!(f(2));
}

#[test]
fn join_points_in_recursive_generators() {
    fn reference(depth: u32, c: bool, out: &mut Vec<u32>) {
        if c {
            out.push(100 + depth);
        }
        let f = move |v: u32| v + depth;
        if depth > 0 {
            reference(depth - 1, !c, out);
        }
        out.push(f(1));
        out.push(f(2));
    }
    for c in [false, true] {
        let mut want = Vec::new();
        reference(3, c, &mut want);
        assert_eq!(recursive_with_a_closure(3, c).collect::<Vec<_>>(), want);
    }
}
