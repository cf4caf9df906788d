//! No lint of the expansion fires on user code. Bodies written on one line
//! are where rustc's `unused_braces` used to fire on the user's braces, with
//! a suggested fix (`cargo fix` applies it) that deleted the function body.
//! This file is compiled under `deny(warnings)` by `cargo test` and under
//! `clippy -D warnings` by CI; the tests check each body still runs.
#![deny(warnings)]

use gen_runtime::generator;

// One line each, as a user may write them: rustfmt would spread them out.
#[rustfmt::skip]
mod one_line {
    use gen_runtime::generator;
    #[generator(yield = u64)]
    pub fn count(n: u64) { for i in 0..n { r#yield!(i); } }
    #[generator(yield = u32)]
    pub fn then_return(n: u32) -> u32 { r#yield!(n); n }
    #[generator(yield = u32, send = u32)]
    pub fn echo(n: u32) -> u32 { let x = r#yield!(n); x }
    #[generator(yield = u32)]
    pub fn countdown(mut n: u32) { while n > 0 { n -= 1; r#yield!(n); } }
    #[generator(yield = u32)]
    pub fn looped(mut n: u32) -> u32 { loop { if n == 0 { break n; } n -= 1; r#yield!(n); } }
    #[generator(yield = u32)]
    pub fn branches(n: u32) { if n > 1 { r#yield!(1); } else { r#yield!(2); } }
    #[generator(yield = u32)]
    pub fn let_else(n: Option<u32>) { let Some(x) = n else { return; }; r#yield!(x); }
    #[generator(yield = u64)]
    pub fn delegate(n: u64) -> u64 { yield_from!(count(n)); n }
    #[generator(yield = u32)]
    pub fn question(s: &str) -> Result<(), std::num::ParseIntError> { let v: u32 = s.parse()?; r#yield!(v); Ok(()) }
    #[generator(yield = u32)]
    pub fn nested_blocks(n: u32) { { let a = n + 1; r#yield!(a); } { r#yield!(n); } }
    #[generator(yield = u64)]
    pub fn recursive(n: u64) { if n > 0 { r#yield!(n); yield_from!(recursive(n - 1)); } }
    #[generator(yield = u32)]
    pub fn tail_yield(n: u32) { r#yield!(n) }
    #[generator(yield = u32)]
    pub fn empty() {}
    // A closure saved after a branch that yields: a join point.
    #[generator(yield = u32, send = u32)]
    pub fn joined(c: bool) -> u32 { if c { r#yield!(0); } let f = move |v: u32| v * 2; let s = r#yield!(f(1)); f(s) }
    // In a loop, with `throw`.
    #[generator(yield = u32, throw = String)]
    pub fn joined_in_a_loop(n: u32) { for i in 0..n { let f = move |v: u32| v + i; let _ = r#yield!(f(1)); let _ = r#yield!(f(2)); } }
    // A loop left with the sent value: resumed, the rest of its turn is a
    // labeled block that always breaks (clippy's `diverging_sub_expression`
    // fired on the user's `break`).
    #[generator(yield = u32, send = u32)]
    pub fn break_with_sent(n: u32) -> u32 { let mut turns = 0; let v = loop { turns += 1; if turns > n { break r#yield!(turns); } }; v + turns }
}

#[generator(yield = u32)]
fn multi_line(n: u32) -> u32 {
    for i in 0..n {
        r#yield!(i);
    }
    n
}

#[test]
fn one_line_bodies_run() {
    use one_line::*;
    assert_eq!(count(3).collect::<Vec<_>>(), [0, 1, 2]);
    let mut g = then_return(4);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [4]);
    assert_eq!(g.take_return(), Some(4));
    let (first, mut g) = echo(1).start();
    assert_eq!(first, gen_runtime::GeneratorState::Yielded(1));
    assert_eq!(g.send(9), gen_runtime::GeneratorState::Complete(9));
    assert_eq!(countdown(3).collect::<Vec<_>>(), [2, 1, 0]);
    assert_eq!(looped(2).collect::<Vec<_>>(), [1, 0]);
    assert_eq!(branches(2).collect::<Vec<_>>(), [1]);
    assert_eq!(let_else(None).count(), 0);
    assert_eq!(let_else(Some(5)).collect::<Vec<_>>(), [5]);
    let (first, mut g) = break_with_sent(1).start();
    assert_eq!(first, gen_runtime::GeneratorState::Yielded(2));
    assert_eq!(g.send(5), gen_runtime::GeneratorState::Complete(7));
    assert_eq!(delegate(2).collect::<Vec<_>>(), [0, 1]);
    assert_eq!(question("7").collect::<Vec<_>>(), [7]);
    let mut bad = question("x");
    assert_eq!(bad.next(), None);
    assert!(bad.take_return().is_some_and(|r| r.is_err()));
    assert_eq!(nested_blocks(1).collect::<Vec<_>>(), [2, 1]);
    assert_eq!(recursive(3).collect::<Vec<_>>(), [3, 2, 1]);
    assert_eq!(tail_yield(8).collect::<Vec<_>>(), [8]);
    assert_eq!(empty().count(), 0);
    let (first, mut g) = joined(true).start();
    assert_eq!(first, gen_runtime::GeneratorState::Yielded(0));
    assert_eq!(g.send(0), gen_runtime::GeneratorState::Yielded(2));
    assert_eq!(g.send(5), gen_runtime::GeneratorState::Complete(10));
    assert_eq!(joined_in_a_loop(2).collect::<Vec<_>>(), [1, 2, 2, 3]);
    assert_eq!(multi_line(2).collect::<Vec<_>>(), [0, 1]);
}
