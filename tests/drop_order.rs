//! Drop order: what a generator drops when it is closed, dropped while
//! suspended, completes, or panics must match what the same body drops as
//! a plain function leaving its scopes at that point (SPEC §3: "in reverse
//! order of declaration — the same order as leaving the scopes in a plain
//! function").
//!
//! `drops! { fn gen / reference (log: DropLog, args) yield T { body } }`
//! writes the body twice. In the reference, `r#yield!(v)` records a marker
//! `<yield k>` in the drop log and returns from the function when `k` is the
//! yield at which the generator is closed: returning there leaves the scopes
//! exactly as closing the generator at that yield must. The driver records
//! the same markers after each yield the generator produces, so the logs
//! also show *when* each value was dropped relative to the yields.

use std::panic::{AssertUnwindSafe, catch_unwind};

use gen_workspace::drops::{DropLog, Guard};

macro_rules! drops {
    ($($t:tt)*) => { drops_impl! { ($) $($t)* } };
}

macro_rules! drops_impl {
    (
        ($d:tt)
        fn $name:ident / $refname:ident ( $log:ident : DropLog $(, $arg:ident : $argty:ty)* $(,)? )
        yield $y:ty
        { $($body:tt)* }
    ) => {
        #[::gen_runtime::generator(yield = $y)]
        // Test bodies, not idiomatic code: no clippy here (as in `dual!`).
        #[allow(clippy::all)]
        fn $name($log: DropLog $(, $arg: $argty)*) { $($body)* }

        #[allow(clippy::all)]
        fn $refname($log: DropLog $(, $arg: $argty)*, __stop: usize) {
            let mut __count = 0usize;
            #[allow(unused_macros)]
            macro_rules! r#yield {
                ($d e:expr) => {{
                    let _value: $y = $d e;
                    __count += 1;
                    drop($log.guard(format!("<yield {}>", __count)));
                    if __count == __stop {
                        return;
                    }
                }};
            }
            $($body)*
        }
    };
}

/// How the driver ends the generator after `k` yields.
#[derive(Clone, Copy, Debug)]
enum End {
    Close,
    Drop,
}

/// Runs `make()` for `k` yields, then closes or drops it; returns the log.
macro_rules! gen_log {
    ($log:ident, $k:expr, $end:expr, $make:expr) => {{
        $log.clear();
        let mut g = $make;
        for i in 1..=$k {
            assert!(g.next().is_some(), "generator ended before yield {i}");
            drop($log.guard(format!("<yield {i}>")));
        }
        match $end {
            End::Close => {
                g.close();
                drop($log.guard("<closed>"));
                drop(g);
            }
            End::Drop => {
                drop(g);
                drop($log.guard("<closed>"));
            }
        }
        $log.dropped()
    }};
}

/// Compares the generator and the reference at every yield (close and
/// drop) and at completion. `$make(log)` builds the generator,
/// `$reference(log, stop)` runs the reference.
macro_rules! compare_all {
    ($make:expr, $reference:expr) => {{
        let log = DropLog::new();
        // Completion.
        log.clear();
        let mut g = $make(log.clone());
        let mut n = 0;
        while g.next().is_some() {
            n += 1;
            drop(log.guard(format!("<yield {n}>")));
        }
        drop(log.guard("<closed>"));
        drop(g);
        let gen_full = log.dropped();
        log.clear();
        $reference(log.clone(), usize::MAX);
        drop(log.guard("<closed>"));
        assert_eq!(gen_full, log.dropped(), "at completion");
        // Every suspension point, closed and dropped.
        for k in 1..=n {
            for end in [End::Close, End::Drop] {
                let got = gen_log!(log, k, end, $make(log.clone()));
                log.clear();
                $reference(log.clone(), k);
                drop(log.guard("<closed>"));
                assert_eq!(got, log.dropped(), "{end:?} at yield {k}");
            }
        }
        (n, gen_full)
    }};
}

// ------------------------------------------------------------------ flat

drops! {
    fn flat / flat_ref(log: DropLog) yield u32 {
        let _a = log.guard("a");
        r#yield!(1);
        let _b = log.guard("b");
        r#yield!(2);
        let _c = log.guard("c");
        r#yield!(3);
    }
}

#[test]
fn flat_locals_drop_in_reverse_declaration_order() {
    let (n, full) = compare_all!(flat, flat_ref);
    assert_eq!(n, 3);
    assert_eq!(
        full,
        [
            "<yield 1>",
            "<yield 2>",
            "<yield 3>",
            "c",
            "b",
            "a",
            "<closed>"
        ]
    );
    let log = DropLog::new();
    assert_eq!(
        gen_log!(log, 2, End::Close, flat(log.clone())),
        ["<yield 1>", "<yield 2>", "b", "a", "<closed>"]
    );
}

// ------------------------------------------------------------ nested scopes

drops! {
    fn nested / nested_ref(log: DropLog, n: u32) yield u32 {
        let _top = log.guard("top");
        {
            let _outer = log.guard("outer");
            for i in 0..n {
                let _iter = log.guard(format!("iter{i}"));
                r#yield!(i);
                if i % 2 == 0 {
                    let _even = log.guard(format!("even{i}"));
                    r#yield!(100 + i);
                }
                let _after = log.guard(format!("after{i}"));
                r#yield!(200 + i);
            }
            let _tail = log.guard("tail");
            r#yield!(999);
        }
        r#yield!(1000);
        let _end = log.guard("end");
    }
}

#[test]
fn nested_scopes_and_loop_iterations() {
    for n in [0, 1, 3] {
        compare_all!(|log| nested(log, n), |log, stop| nested_ref(log, n, stop));
    }
    let log = DropLog::new();
    // Suspended at `r#yield!(100 + 0)`: even0, iter0, outer, top.
    assert_eq!(
        gen_log!(log, 2, End::Close, nested(log.clone(), 3)),
        [
            "<yield 1>",
            "<yield 2>",
            "even0",
            "iter0",
            "outer",
            "top",
            "<closed>"
        ]
    );
}

// Every exit comes before the yields here; `loops_after` below has them
// after the yields.
drops! {
    fn loops / loops_ref(log: DropLog) yield u32 {
        let _keep = log.guard("keep");
        let mut i = 0;
        'outer: loop {
            i += 1;
            let _o = log.guard(format!("o{i}"));
            if i == 4 {
                break 'outer;
            }
            let mut j = 0;
            while j < 3 {
                let _w = log.guard(format!("w{i}.{j}"));
                j += 1;
                if j == 2 && i == 3 {
                    break;
                }
                r#yield!(j);
            }
            let _t = log.guard(format!("t{i}"));
            r#yield!(10 * i);
        }
        r#yield!(7);
    }
}

#[test]
fn labeled_break_and_continue_drop_like_a_plain_function() {
    let (n, _) = compare_all!(loops, loops_ref);
    assert_eq!(n, 4 + 4 + 2 + 1);
}

// `break`, `continue` and `continue 'outer` *after* a yield in loops that
// hold guards, the inner loop re-entered by the outer loop's continuation.
drops! {
    fn loops_after / loops_after_ref(log: DropLog, n: u32) yield u32 {
        let _keep = log.guard("keep");
        let mut i = 0;
        'outer: loop {
            i += 1;
            let _o = log.guard(format!("o{i}"));
            r#yield!(i);
            if i > n {
                break 'outer;
            }
            let mut j = 0;
            while j < 4 {
                j += 1;
                let _w = log.guard(format!("w{i}.{j}"));
                r#yield!(10 * i + j);
                if j == 1 {
                    continue;
                }
                if j == i {
                    continue 'outer;
                }
                if j == 3 {
                    break;
                }
            }
            for k in 0..2 {
                let _f = log.guard(format!("f{i}.{k}"));
                r#yield!(100 * i + k);
                if k + i == 5 {
                    break 'outer;
                }
            }
            let _t = log.guard(format!("t{i}"));
            r#yield!(1000 * i);
        }
        r#yield!(7);
    }
}

#[test]
fn break_and_continue_after_yields_drop_like_a_plain_function() {
    for n in [0, 1, 2, 3, 5] {
        compare_all!(|log| loops_after(log, n), |log, stop| loops_after_ref(
            log, n, stop
        ));
    }
}

// ---------------------------------------------------------------- shadowing

drops! {
    fn shadow / shadow_ref(log: DropLog) yield u32 {
        let x = log.guard("x1");
        r#yield!(1);
        let x = log.guard(format!("x2 (after {})", x.name()));
        assert!(x.name().starts_with("x2"));
        r#yield!(2);
        let x = log.guard("x3");
        r#yield!(3);
        let _ = x;
    }
}

#[test]
fn shadowed_values_stay_alive_and_drop_in_reverse_order() {
    let (_, full) = compare_all!(shadow, shadow_ref);
    assert_eq!(
        full[full.len() - 4..],
        ["x3", "x2 (after x1)", "x1", "<closed>"]
    );
}

// --------------------------------------------------------------- arguments

drops! {
    fn with_args / with_args_ref(log: DropLog, a: Guard, b: Guard) yield u32 {
        let _local = log.guard("local");
        r#yield!(1);
        let _moved_b = b;
        r#yield!(2);
        let _ = &a;
    }
}

#[test]
fn arguments_drop_after_locals() {
    compare_all!(
        |log: DropLog| {
            let (a, b) = (log.guard("arg a"), log.guard("arg b"));
            with_args(log, a, b)
        },
        |log: DropLog, stop| {
            let (a, b) = (log.guard("arg a"), log.guard("arg b"));
            with_args_ref(log, a, b, stop)
        }
    );
}

#[test]
fn arguments_drop_in_the_order_of_a_plain_call() {
    fn plain(_a: Guard, _b: Guard) {}
    #[gen_runtime::generator(yield = u8)]
    fn gen_fn(_a: Guard, _b: Guard) {
        r#yield!(0);
    }
    let log = DropLog::new();
    plain(log.guard("a"), log.guard("b"));
    let want = log.dropped();
    assert_eq!(want, ["b", "a"]);
    log.clear();
    let mut g = gen_fn(log.guard("a"), log.guard("b"));
    assert_eq!(g.next(), Some(0));
    assert_eq!(g.next(), None);
    assert_eq!(log.dropped(), want, "at completion");
    log.clear();
    let mut g = gen_fn(log.guard("a"), log.guard("b"));
    assert_eq!(g.next(), Some(0));
    g.close();
    assert_eq!(log.dropped(), want, "closed at the yield");
    log.clear();
    let mut g = gen_fn(log.guard("a"), log.guard("b"));
    g.close();
    assert_eq!(log.dropped(), want, "closed before the first resume");
    log.clear();
    drop(gen_fn(log.guard("a"), log.guard("b")));
    assert_eq!(log.dropped(), want, "dropped before the first resume");
}

// ------------------------------------------------------- moved values

drops! {
    fn moves / moves_ref(log: DropLog) yield u32 {
        let a = log.guard("a");
        let b = log.guard("b");
        let mut bag = Vec::new();
        bag.push(a);
        r#yield!(1);
        drop(b);
        r#yield!(2);
        let c = log.guard("c");
        bag.insert(0, c);
        r#yield!(3);
        let d = log.guard("d");
        r#yield!(4);
        let _ = d;
    }
}

#[test]
fn moved_values_are_not_dropped_twice() {
    compare_all!(moves, moves_ref);
}

drops! {
    fn moves_late / moves_late_ref(log: DropLog) yield u32 {
        let a = log.guard("a");
        let _b = log.guard("b");
        r#yield!(1);
        let taken = a;
        r#yield!(2);
        drop(taken);
        r#yield!(3);
    }
}

#[test]
fn values_moved_after_a_yield_are_kept_until_moved() {
    compare_all!(moves_late, moves_late_ref);
}

// ------------------------------------------------------------------ panics

drops! {
    fn panicky / panicky_ref(log: DropLog, at: u32) yield u32 {
        let _a = log.guard("a");
        {
            let _b = log.guard("b");
            for i in 0..5 {
                let _c = log.guard(format!("c{i}"));
                r#yield!(i);
                if i == at {
                    let _d = log.guard("d");
                    panic!("at {i}");
                }
            }
        }
        r#yield!(100);
    }
}

#[test]
fn panic_drops_like_a_panicking_plain_function() {
    for at in [0, 2, 4, 99] {
        let log = DropLog::new();
        let mut g = panicky(log.clone(), at);
        let mut n = 0;
        let result = catch_unwind(AssertUnwindSafe(|| {
            while g.next().is_some() {
                n += 1;
                drop(log.guard(format!("<yield {n}>")));
            }
        }));
        assert_eq!(result.is_err(), at < 5);
        assert!(g.is_finished());
        drop(log.guard("<after>"));
        drop(g);
        let got = log.dropped();

        log.clear();
        let result = catch_unwind(AssertUnwindSafe(|| {
            panicky_ref(log.clone(), at, usize::MAX)
        }));
        assert_eq!(result.is_err(), at < 5);
        drop(log.guard("<after>"));
        assert_eq!(got, log.dropped(), "panic at {at}");
    }
}

// -------------------------------------------------- conditionally moved

drops! {
    fn maybe_moved / maybe_moved_ref(log: DropLog, give: bool) yield u32 {
        let a = log.guard("a");
        let _b = log.guard("b");
        let mut sink = Vec::new();
        if give {
            sink.push(a);
        }
        r#yield!(1);
        let _c = log.guard("c");
        r#yield!(2);
        drop(sink);
        r#yield!(3);
    }
}

drops! {
    // Moved on one arm of a `match` and in a loop's body that may not run;
    // given a new value after a yield on the path where it was moved.
    fn maybe_moved_twice / maybe_moved_twice_ref(log: DropLog, give: bool) yield u32 {
        let a = log.guard("a");
        let mut b = log.guard("b");
        let mut sink = Vec::new();
        match give {
            true => sink.push(a),
            false => {}
        }
        for _ in 0..u32::from(give) {
            drop(b);
            b = log.guard("b2");
        }
        r#yield!(1);
        let c = log.guard("c");
        if !give {
            drop(c);
        }
        r#yield!(2);
        drop(sink);
        r#yield!(3);
    }
}

drops! {
    // The name is used again by other bindings, before and inside.
    fn maybe_moved_shadowed / maybe_moved_shadowed_ref(log: DropLog, give: bool) yield u32 {
        let a = log.guard("a0");
        drop(a);
        let a = log.guard("a");
        let mut sink = Vec::new();
        if give {
            sink.push(a);
        } else {
            let a = log.guard("inner a");
            r#yield!(a.name().len() as u32);
        }
        r#yield!(1);
        for a in 0..2u32 {
            r#yield!(a);
        }
        drop(sink);
        r#yield!(3);
    }
}

#[test]
fn conditionally_moved_values_drop_at_scope_end() {
    for give in [true, false] {
        compare_all!(|log| maybe_moved_shadowed(log, give), |log, stop| {
            maybe_moved_shadowed_ref(log, give, stop)
        });
    }
    // The moved-or-not value keeps a drop flag across the yields: dropped
    // once, at the end of its scope, on the path where nothing moved it.
    for give in [true, false] {
        compare_all!(|log| maybe_moved_twice(log, give), |log, stop| {
            maybe_moved_twice_ref(log, give, stop)
        });
    }
    for give in [true, false] {
        compare_all!(|log| maybe_moved(log, give), |log, stop| maybe_moved_ref(
            log, give, stop
        ));
    }
}

drops! {
    fn if_scopes / if_scopes_ref(log: DropLog, n: u32) yield u32 {
        let _a = log.guard("a");
        if n > 1 {
            let _b = log.guard("b");
            r#yield!(1);
            if n > 2 {
                let _c = log.guard("c");
                r#yield!(2);
            } else {
                let _d = log.guard("d");
                r#yield!(3);
            }
            r#yield!(4);
        } else {
            let e = log.guard("e");
            match n {
                0 => {
                    let _f = log.guard("f");
                    r#yield!(5);
                }
                _ => {
                    let moved = e;
                    r#yield!(6);
                    drop(moved);
                    r#yield!(7);
                }
            }
        }
        r#yield!(8);
    }
}

#[test]
fn branches_drop_like_a_plain_function() {
    for n in 0..4 {
        compare_all!(|log| if_scopes(log, n), |log, stop| if_scopes_ref(
            log, n, stop
        ));
    }
}

// ------------------------------------- loops the start arm enters by jumping
//
// A loop whose body ends with its yield is not emitted in the start arm: the
// start saves what the loop holds at its head and goes on in that yield's
// arm (`lower::entry`). Values before, inside and after such loops, loops
// that run zero times, and loops entered from inside another loop must
// still drop as in the plain function.

drops! {
    fn entered_loops / entered_loops_ref(log: DropLog, n: u32) yield u32 {
        let _a = log.guard("a");
        drop(log.guard("b"));
        let mut names = Vec::new();
        for i in 0..n {
            names.push(log.guard(format!("n{i}")));
            if i % 2 == 0 {
                r#yield!(i);
            } else {
                r#yield!(i * 10);
            }
        }
        let _e = log.guard("e");
        while let Some(g) = names.pop() {
            drop(g);
            r#yield!(100);
        }
    }
}

drops! {
    fn entered_inner_loop / entered_inner_loop_ref(log: DropLog, n: u32) yield u32 {
        let _a = log.guard("a");
        'outer: for i in 0..n {
            let _o = log.guard(format!("o{i}"));
            for j in 0..i {
                if j == 2 {
                    continue 'outer;
                }
                r#yield!(10 * i + j);
            }
        }
    }
}

drops! {
    fn entered_in_branches / entered_in_branches_ref(log: DropLog, flag: bool) yield u32 {
        let _a = log.guard("a");
        let v = if flag {
            let mut k = 0;
            let _k = log.guard("k");
            loop {
                k += 1;
                if k > 3 {
                    break k;
                }
                r#yield!(k);
            }
        } else {
            let _x = log.guard("x");
            for x in 0..2 {
                r#yield!(x + 50);
            }
            7
        };
        r#yield!(v);
    }
}

#[test]
fn loops_entered_from_the_start_drop_like_a_plain_function() {
    for n in [0, 1, 4] {
        let (yields, _) = compare_all!(|log| entered_loops(log, n), |log, stop| {
            entered_loops_ref(log, n, stop)
        });
        assert_eq!(yields, 2 * n as usize);
        let got: Vec<u32> = entered_loops(DropLog::new(), n).collect();
        let odd_even = (0..n).map(|i| if i % 2 == 0 { i } else { i * 10 });
        let want: Vec<u32> = odd_even.chain((0..n).map(|_| 100)).collect();
        assert_eq!(got, want);
    }
    for n in [0, 1, 5] {
        compare_all!(|log| entered_inner_loop(log, n), |log, stop| {
            entered_inner_loop_ref(log, n, stop)
        });
    }
    let got: Vec<u32> = entered_inner_loop(DropLog::new(), 5).collect();
    assert_eq!(got, [10, 20, 21, 30, 31, 40, 41]);
    for flag in [true, false] {
        compare_all!(|log| entered_in_branches(log, flag), |log, stop| {
            entered_in_branches_ref(log, flag, stop)
        });
    }
    let got: Vec<u32> = entered_in_branches(DropLog::new(), true).collect();
    assert_eq!(got, [1, 2, 3, 4]);
    let got: Vec<u32> = entered_in_branches(DropLog::new(), false).collect();
    assert_eq!(got, [50, 51, 7]);
}

/// A record whose fields the tests below move and copy out.
struct Rec {
    g: Guard,
    s: String,
    n: u32,
}

fn rec_len(r: &Rec) -> u32 {
    r.n + r.s.len() as u32 + r.g.name().len() as u32
}

drops! {
    // A yield inside the literal wraps it in the hoisting pass's block; a
    // field copied out by the last yield leaves the rest to the scope's end.
    fn field_of_hoisted_literal / field_of_hoisted_literal_ref(log: DropLog) yield u32 {
        let r = Rec { g: log.guard("g"), s: String::from("s"), n: { r#yield!(1); 5 } };
        let _after = log.guard("after");
        r#yield!(r.n);
    }
}

drops! {
    // `r.n` is read by value before `r` is used whole (so it was a copy),
    // and again as the last use of `r`: `r.g` still drops at the end.
    fn field_copied_before_whole_use / field_copied_before_whole_use_ref(log: DropLog, n: u32) yield u32 {
        let r = Rec { g: log.guard("g"), s: String::from("s"), n };
        let first = r.n;
        r#yield!(first + rec_len(&r));
        r#yield!(r.n);
        drop(log.guard("body end"));
    }
}

drops! {
    // A `move` closure takes the field it names, not the whole value.
    fn move_closure_takes_a_field / move_closure_takes_a_field_ref(log: DropLog) yield u32 {
        let r = Rec { g: log.guard("g"), s: String::from("abc"), n: 2 };
        let len = move |k: u32| k + r.s.len() as u32;
        r#yield!(len(1));
        r#yield!(r.n + r.g.name().len() as u32);
    }
}

drops! {
    // The maybe-moved value shadows one that lives across the yields.
    fn maybe_moved_shadowing_a_live_value / maybe_moved_shadowing_a_live_value_ref(log: DropLog, give: bool) yield u32 {
        let c = log.guard("outer c");
        r#yield!(c.name().len() as u32);
        let c = log.guard("c");
        r#yield!(match give {
            true => {
                drop(c);
                1
            }
            false => {
                r#yield!(2);
                3
            }
        });
        r#yield!(4);
    }
}

#[test]
fn fields_and_shadowed_flags_drop_where_a_plain_function_drops_them() {
    compare_all!(field_of_hoisted_literal, field_of_hoisted_literal_ref);
    compare_all!(|log| field_copied_before_whole_use(log, 3), |log, stop| {
        field_copied_before_whole_use_ref(log, 3, stop)
    });
    compare_all!(move_closure_takes_a_field, move_closure_takes_a_field_ref);
    for give in [true, false] {
        compare_all!(
            |log| maybe_moved_shadowing_a_live_value(log, give),
            |log, stop| { maybe_moved_shadowing_a_live_value_ref(log, give, stop) }
        );
    }
}

drops! {
    // A closure that borrows the maybe-moved value reads it through its
    // drop flag.
    fn maybe_moved_read_by_a_closure / maybe_moved_read_by_a_closure_ref(log: DropLog, give: bool) yield u32 {
        let c = log.guard("c");
        let len = |k: u32| k + c.name().len() as u32;
        r#yield!(len(1));
        if give {
            drop(c);
        }
        r#yield!(2);
    }
}

drops! {
    // `r.n` is copied in one arm and `r` used whole in another: `r` is
    // saved whole at the yield after the match.
    fn field_copied_in_one_arm / field_copied_in_one_arm_ref(log: DropLog, n: u32) yield u32 {
        let r = Rec { g: log.guard("g"), s: String::from("s"), n };
        let k = match n {
            0 => {
                let copied = r.n;
                copied
            }
            _ => rec_len(&r),
        };
        r#yield!(k);
        r#yield!(r.n);
    }
}

drops! {
    // The yield is the operand of a `break` that leaves the loop, and its
    // own operand moves `b`: no later turn reads `b`, so nothing saves it.
    fn moved_in_the_operand_of_a_leaving_yield / moved_in_the_operand_of_a_leaving_yield_ref(log: DropLog) yield u32 {
        let b = log.guard("b");
        let mut turns = 0u32;
        loop {
            turns += 1;
            if turns > 2 {
                break r#yield!({
                    drop(b);
                    5
                });
            }
        }
        r#yield!(turns);
    }
}

#[test]
fn closures_arms_and_leaving_yields_drop_where_a_plain_function_drops_them() {
    for give in [true, false] {
        compare_all!(
            |log| maybe_moved_read_by_a_closure(log, give),
            |log, stop| { maybe_moved_read_by_a_closure_ref(log, give, stop) }
        );
    }
    for n in [0, 1] {
        compare_all!(|log| field_copied_in_one_arm(log, n), |log, stop| {
            field_copied_in_one_arm_ref(log, n, stop)
        });
    }
    compare_all!(
        moved_in_the_operand_of_a_leaving_yield,
        moved_in_the_operand_of_a_leaving_yield_ref
    );
}

drops! {
    // Maybe moved, then hidden by a loop's own binding of the name at every
    // yield: still dropped once, at the end of its scope.
    fn maybe_moved_then_hidden / maybe_moved_then_hidden_ref(log: DropLog, give: bool) yield u32 {
        let b = log.guard("b");
        if give {
            drop(b);
        }
        for b in 0..2u32 {
            r#yield!(b);
        }
        r#yield!(9);
    }
}

drops! {
    // A move in a `break` operand leaves the loop: the code after the
    // `break` in the loop never sees `b` moved, and `b` is saved there.
    fn moved_only_on_the_way_out / moved_only_on_the_way_out_ref(log: DropLog) yield u32 {
        let b = log.guard("b");
        let mut turns = 0u32;
        let out = loop {
            turns += 1;
            if turns > 2 {
                break {
                    drop(b);
                    turns
                };
            }
            r#yield!(turns);
        };
        r#yield!(out);
    }
}

drops! {
    // Moved in a `break` operand in one branch only: the loop is left
    // there, so the move runs once, and `d` needs a drop flag for the
    // other branch, where it lives to the end.
    fn moved_on_the_way_out_of_one_branch / moved_on_the_way_out_of_one_branch_ref(log: DropLog, c: bool) yield u32 {
        let d = log.guard("d");
        if c {
            r#yield!(1);
        } else {
            r#yield!({
                let mut turns = 0u32;
                loop {
                    turns += 1;
                    if turns > 1 {
                        break match d.name().len() as u32 {
                            3 => 0u32,
                            _ => {
                                drop(d);
                                1
                            }
                        };
                    }
                }
            });
        }
        r#yield!(17);
    }
}

#[test]
fn hidden_and_leaving_moves_drop_where_a_plain_function_drops_them() {
    for c in [true, false] {
        compare_all!(
            |log| moved_on_the_way_out_of_one_branch(log, c),
            |log, stop| { moved_on_the_way_out_of_one_branch_ref(log, c, stop) }
        );
    }
    for give in [true, false] {
        compare_all!(|log| maybe_moved_then_hidden(log, give), |log, stop| {
            maybe_moved_then_hidden_ref(log, give, stop)
        });
    }
    compare_all!(moved_only_on_the_way_out, moved_only_on_the_way_out_ref);
}

drops! {
    // `c` is moved inside a `for` loop with no yield, on some paths: moved
    // on every turn, so it is `Copy` and needs no drop flag (a flag would
    // be empty on the second turn), even where another `c` hides it.
    fn copied_in_a_plain_loop / copied_in_a_plain_loop_ref(log: DropLog, n: u32) yield u32 {
        let c = n;
        let mut sum = 0;
        for i in 0..3u32 {
            let d;
            if i % 2 == 0 {
                d = c;
            } else {
                d = c + 1;
            }
            sum += d;
        }
        let c = log.guard("c");
        r#yield!(sum);
        r#yield!(c.name().len() as u32);
    }
}

#[test]
fn values_moved_in_loops_without_yields_are_copies() {
    compare_all!(|log| copied_in_a_plain_loop(log, 4), |log, stop| {
        copied_in_a_plain_loop_ref(log, 4, stop)
    });
}

// ------------------------------------- late initialisation, split values

/// A record whose fields the body moves out one by one.
#[derive(Debug)]
pub struct Pair {
    first: Guard,
    second: Guard,
}

drops! {
    // `let g; g = …;`: given a value on every path to the yields, so kept
    // to the end of its scope, not dropped at the first yield.
    fn late_init_guard / late_init_guard_ref(log: DropLog) yield u32 {
        let _early = log.guard("early");
        let late;
        late = log.guard("late");
        r#yield!(1);
        let _after = log.guard("after");
        r#yield!(2);
        drop(log.guard(format!("{}!", late.name())));
        r#yield!(3);
    }
}

fn first_name(pair: &Pair) -> &str {
    pair.first.name()
}

drops! {
    // Seed 303923: `pair` is split into its fields after `_later` is
    // declared (its last use as a whole is after that); the fields still
    // drop where `pair` would, after `_later`.
    fn split_after_a_later_local / split_after_a_later_local_ref(log: DropLog) yield u32 {
        let pair = Pair { first: log.guard("first"), second: log.guard("second") };
        let _later = log.guard("later");
        r#yield!(1);
        assert_eq!(first_name(&pair), "first");
        let taken = pair.second;
        r#yield!(2);
        drop(taken);
        r#yield!(pair.first.name().len() as u32);
    }
}

/// A record with a `Copy` field.
#[derive(Debug)]
pub struct Counted {
    // Held for its drop, which the log records.
    #[allow(dead_code)]
    guard: Guard,
    n: u32,
}

drops! {
    // Seed 502805: `rec.n` read by value on every turn of a loop proves
    // the field `Copy`, not `rec`: `rec` is still kept to its scope end.
    fn field_read_in_a_loop / field_read_in_a_loop_ref(log: DropLog) yield u32 {
        let rec = Counted { guard: log.guard("rec"), n: 3 };
        let mut turns = 0;
        loop {
            turns += 1;
            if turns > 2 {
                break;
            }
            r#yield!(rec.n);
        }
        r#yield!(7);
        r#yield!(count_of(&rec));
        r#yield!(8);
    }
}

fn count_of(rec: &Counted) -> u32 {
    rec.n
}

#[test]
fn late_and_split_values_drop_where_the_plain_function_drops_them() {
    let (n, full) = compare_all!(field_read_in_a_loop, field_read_in_a_loop_ref);
    assert_eq!(n, 5);
    assert_eq!(full.iter().filter(|e| *e == "rec").count(), 1);
    assert_eq!(full[full.len() - 2], "rec");
    let (n, full) = compare_all!(late_init_guard, late_init_guard_ref);
    assert_eq!(n, 3);
    assert_eq!(
        full,
        [
            "<yield 1>",
            "<yield 2>",
            "late!",
            "<yield 3>",
            "after",
            "late",
            "early",
            "<closed>"
        ]
    );
    let (n, full) = compare_all!(split_after_a_later_local, split_after_a_later_local_ref);
    assert_eq!(n, 3);
    assert_eq!(
        full,
        [
            "<yield 1>",
            "<yield 2>",
            "second",
            "<yield 3>",
            "later",
            "first",
            "<closed>"
        ]
    );
}

drops! {
    // A `let g;` given a value on one branch only before the yields: the
    // plain function keeps a drop flag, and drops "a" at the end of the
    // scope (or "c" at the next assignment) if that branch ran. The
    // generator saves the binding as a `DropFlag` holding a value or
    // nothing; before, it dropped the value when it first suspended.
    fn late_on_some_paths / late_on_some_paths_ref(log: DropLog, give: bool) yield u32 {
        let _g;
        if give {
            _g = log.guard("a");
        }
        r#yield!(1);
        drop(log.guard("mid"));
        r#yield!(2);
        let mut h;
        if !give {
            h = log.guard("c");
            r#yield!(h.name().len() as u32);
        }
        h = log.guard("d");
        r#yield!(4);
        drop(h);
        r#yield!(5);
    }
}

#[test]
fn late_values_given_on_some_paths_drop_where_the_plain_function_drops_them() {
    let (n, full) = compare_all!(|log| late_on_some_paths(log, true), |log, stop| {
        late_on_some_paths_ref(log, true, stop)
    });
    assert_eq!(n, 4);
    assert_eq!(
        full,
        [
            "<yield 1>",
            "mid",
            "<yield 2>",
            "<yield 3>",
            "d",
            "<yield 4>",
            "a",
            "<closed>"
        ]
    );
    let (n, full) = compare_all!(|log| late_on_some_paths(log, false), |log, stop| {
        late_on_some_paths_ref(log, false, stop)
    });
    assert_eq!(n, 5);
    assert_eq!(
        full,
        [
            "<yield 1>",
            "mid",
            "<yield 2>",
            "<yield 3>",
            "c",
            "<yield 4>",
            "d",
            "<yield 5>",
            "<closed>"
        ]
    );
}

drops! {
    // A value moved into a yield's operand, then `return`: the code after
    // the `return` (a read of the value on the next turn) never runs after
    // the yield. The value holds nothing there; it used to be saved anyway
    // (E0382, "use of moved value"). The initialisation flow
    // (`analysis::flow`) sees the value moved on every path to the yield.
    fn moved_then_return / moved_then_return_ref(log: DropLog, stop_at: usize) yield u32 {
        let names = vec![log.guard("a"), log.guard("b"), log.guard("c")];
        let mut seen = 0usize;
        for g in names {
            if seen == stop_at {
                r#yield!({
                    let len = g.name().len() as u32;
                    drop(g);
                    len
                });
                drop(log.guard("after the last"));
                return;
            }
            seen += 1;
            r#yield!(g.name().len() as u32 + 10);
        }
    }
}

drops! {
    // Moved inside a labeled block with no `break`: moved on every path,
    // so no drop flag (the old analysis took the block for a branch and
    // kept one, always empty at the yield).
    fn moved_in_a_labeled_block / moved_in_a_labeled_block_ref(log: DropLog) yield u32 {
        let c = log.guard("c");
        let d = log.guard("d");
        'b: {
            drop(c);
            break 'b;
        }
        r#yield!(1);
        drop(log.guard("between"));
        r#yield!(d.name().len() as u32);
    }
}

#[test]
fn values_moved_on_every_path_are_not_saved() {
    for stop_at in 0..4 {
        let (_, full) = compare_all!(|log| moved_then_return(log, stop_at), |log, stop| {
            moved_then_return_ref(log, stop_at, stop)
        });
        if stop_at == 1 {
            assert_eq!(
                full,
                [
                    "<yield 1>",
                    "a",
                    "b",
                    "<yield 2>",
                    "after the last",
                    "c",
                    "<closed>"
                ]
            );
        }
    }
    let (n, full) = compare_all!(moved_in_a_labeled_block, moved_in_a_labeled_block_ref);
    assert_eq!(n, 2);
    assert_eq!(
        full,
        ["c", "<yield 1>", "between", "<yield 2>", "d", "<closed>"]
    );
}

drops! {
    // A field moved out on some paths only, never named again: the plain
    // function keeps a drop flag for it and drops it with the rest of the
    // value at the end of the scope. The split value's field gets a
    // `DropFlag` like a plain `let` (it was dropped at the first yield).
    fn field_moved_on_some_paths / field_moved_on_some_paths_ref(log: DropLog, give: bool) yield u32 {
        let r = Rec { g: log.guard("g"), s: String::from("abc"), n: 2 };
        if give {
            drop(r.g);
        }
        r#yield!(1);
        drop(log.guard("between"));
        r#yield!(r.n + r.s.len() as u32);
    }
}

/// `self` by value, a field moved out on one branch.
struct Owner {
    first: Guard,
    second: Guard,
}

impl Owner {
    #[gen_runtime::generator(yield = u32)]
    fn drain(self, give: bool) {
        if give {
            drop(self.first);
        }
        r#yield!(1);
        r#yield!(self.second.name().len() as u32);
    }

    fn drain_ref(self, give: bool, log: &DropLog) {
        if give {
            drop(self.first);
        }
        drop(log.guard("<yield 1>"));
        let _ = self.second.name().len();
        drop(log.guard("<yield 2>"));
    }
}

#[test]
fn fields_moved_on_some_paths_drop_where_the_plain_function_drops_them() {
    for give in [false, true] {
        let (n, _) = compare_all!(|log| field_moved_on_some_paths(log, give), |log, stop| {
            field_moved_on_some_paths_ref(log, give, stop)
        });
        assert_eq!(n, 2);
        let log = DropLog::new();
        let owner = |log: &DropLog| Owner {
            first: log.guard("first"),
            second: log.guard("second"),
        };
        for (k, x) in owner(&log).drain(give).enumerate() {
            let _ = x;
            drop(log.guard(format!("<yield {}>", k + 1)));
        }
        let got = log.dropped();
        log.clear();
        owner(&log).drain_ref(give, &log);
        assert_eq!(got, log.dropped(), "give = {give}");
    }
}

drops! {
    // A value read through a field (`r.s.len()`, in place) and moved whole
    // on one path only: it keeps a drop flag, read as `(*r).s`. (The flag
    // pass used to refuse any field, and the value was dropped at the
    // first yield on the path that did not move it.)
    fn field_read_then_moved_on_some_paths / field_read_then_moved_on_some_paths_ref(log: DropLog, give: bool) yield u32 {
        let r = Rec { g: log.guard("g"), s: String::from("abc"), n: 2 };
        let len = r.s.len() as u32;
        if give {
            drop(r);
        }
        r#yield!(len);
        drop(log.guard("between"));
        r#yield!(1);
    }
}

#[test]
fn a_value_read_through_a_field_keeps_its_drop_flag() {
    for give in [false, true] {
        let (n, full) = compare_all!(
            |log| field_read_then_moved_on_some_paths(log, give),
            |log, stop| { field_read_then_moved_on_some_paths_ref(log, give, stop) }
        );
        assert_eq!(n, 2);
        if !give {
            assert_eq!(full, ["<yield 1>", "between", "<yield 2>", "g", "<closed>"]);
        }
    }
}

drops! {
    // Differential seed 9370206 (found once the generator wrote a value
    // moved in a yield's operand before a `return`): moved in one arm of a
    // `match` (on a path that returns, and at the end of the arm), kept in
    // another, then a yield after the `match`. Only the flow saw it may
    // have been moved there; it was dropped at that yield instead of at the
    // end of the body on the path that kept it.
    fn moved_in_one_match_arm / moved_in_one_match_arm_ref(log: DropLog, k: u32) yield u32 {
        let d = log.guard("d");
        match k {
            0 => {
                r#yield!(d.name().len() as u32);
            }
            1..=9 => {
                let mut w = vec![4u32];
                while let Some(x) = w.pop() {
                    if k == 3 {
                        r#yield!({
                            let n = d.name().len() as u32;
                            drop(d);
                            n
                        });
                        return;
                    }
                    r#yield!(x);
                }
                'b: {
                    drop(d);
                    break 'b;
                }
            }
            _ => {}
        }
        drop(log.guard("after"));
        r#yield!(10);
    }
}

#[test]
fn a_value_moved_in_one_match_arm_drops_where_the_plain_function_drops_it() {
    for k in [0, 2, 3, 20] {
        compare_all!(|log| moved_in_one_match_arm(log, k), |log, stop| {
            moved_in_one_match_arm_ref(log, k, stop)
        });
    }
}
