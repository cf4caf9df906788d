//! What a yield saves is what is used after it (issue 12, items 5 and 7):
//! a view into a local (`line.trim()`, `v.first()`, `if let Some(rest) =
//! line.strip_prefix(…)`) or a closure that holds nothing with a destructor
//! is saved only when used after the yield, so a dead one neither borrows
//! the generator's own state nor fixes a type. Each body compiles as a plain
//! function, and the generator behaves as that function does (the reference
//! built by `dual!`).
#![deny(warnings)]

#[macro_use]
mod support;

use gen_runtime::generator;
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

#[test]
fn dead_views_are_not_saved() {
    check_iter!(trimmed / trimmed_ref(" ab ".to_string()));
    check_iter!(first_of / first_of_ref(vec![3, 4]));
    check_iter!(first_of / first_of_ref(vec![]));
    check_iter!(stripped / stripped_ref(vec!["abc".into(), "b".into(), "a".into()]));
    check_iter!(matched / matched_ref("ab,c".to_string()));
    check_iter!(matched / matched_ref(String::new()));
    check_iter!(view_of_a_reference / view_of_a_reference_ref(" xyz "));
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
