//! Late initialisation and values given again after a yield (issue 12,
//! items 1 and 6): each body compiles as a plain function, and the
//! generator behaves as that function does (the reference built by
//! `dual!`, whose `r#yield!` records the value and reads the next sent
//! one).
#![deny(warnings)]
#![allow(clippy::let_and_return, clippy::needless_late_init)]
#![allow(clippy::match_bool)]

#[macro_use]
mod support;

dual! {
    // `let last; last = r#yield!(1); last`
    fn late_init / late_init_ref() yield i32, send i32 => i32 {
        let last;
        last = r#yield!(1);
        last
    }
}

dual! {
    // Assigned from a yield on every turn of a loop, read after it.
    fn late_init_in_loop / late_init_in_loop_ref(start: i32) yield i32, send i32 => i32 {
        let mut total = start;
        let mut last;
        loop {
            last = r#yield!(total);
            if last == 0 {
                break;
            }
            total += last;
        }
        total + last
    }
}

dual! {
    // The assignment in a `while` condition block.
    fn late_init_in_while_cond / late_init_in_while_cond_ref() yield i32, send i32 => i32 {
        let mut total = 0;
        let mut last;
        while {
            last = r#yield!(total);
            last != 0
        } {
            total += last;
        }
        total * 10 + last
    }
}

dual! {
    // Declared first, given a value on one branch before the yield and on
    // the other after it.
    fn late_init_on_branches / late_init_on_branches_ref(early: bool) yield u32, send u32 => u32 {
        let x;
        if early {
            x = 5;
            r#yield!(x);
        } else {
            r#yield!(0);
            x = 7;
        }
        x + 1
    }
}

dual! {
    // `s = append(s, r#yield!(i))`: moved into the call before the yield,
    // given a value again after it.
    fn moved_and_given_again / moved_and_given_again_ref(n: u32) yield u32, send u32 => String {
        let mut s = String::new();
        for i in 0..n {
            s = append(s, r#yield!(i));
        }
        s
    }
}

fn append(mut s: String, v: u32) -> String {
    s.push_str(&v.to_string());
    s
}

#[test]
fn late_initialisation_from_a_yield() {
    check_send!(late_init / late_init_ref(), [9]);
    check_send!(late_init_in_loop / late_init_in_loop_ref(1), [2, 3, 0]);
    check_send!(
        late_init_in_while_cond / late_init_in_while_cond_ref(),
        [4, 5, 0]
    );
}

#[test]
fn late_initialisation_on_some_paths() {
    check_send!(late_init_on_branches / late_init_on_branches_ref(true), [1]);
    check_send!(
        late_init_on_branches / late_init_on_branches_ref(false),
        [1]
    );
}

#[test]
fn a_value_moved_before_a_yield_and_given_again_after_it() {
    check_send!(
        moved_and_given_again / moved_and_given_again_ref(3),
        [4, 5, 6]
    );
}

#[gen_runtime::generator(yield = u32, send = u32)]
fn sub(acc: Vec<u32>) -> Vec<u32> {
    let mut acc = acc;
    let v = r#yield!(acc.len() as u32);
    acc.push(v);
    acc
}

/// `acc = yield_from!(sub(acc))`: `acc` moves into the sub-generator and
/// gets its return value back.
#[gen_runtime::generator(yield = u32, send = u32)]
fn threads_through_subs(rounds: u32) -> Vec<u32> {
    let mut acc = Vec::new();
    for _ in 0..rounds {
        acc = yield_from!(sub(acc));
    }
    acc
}

#[test]
fn a_value_moved_into_a_delegate_and_given_back() {
    let (got, ret) = drive!(threads_through_subs(3), [7, 8, 9]);
    assert_eq!(got, [0, 1, 2]);
    assert_eq!(ret, [7, 8, 9]);
}

dual! {
    // `r#yield!((prev, x.clone())); prev = x;`: `prev` moved into the
    // yielded tuple, given `x` after the yield.
    fn pairs / pairs_ref(words: Vec<String>) yield (String, String), send () => String {
        let mut prev = String::from("^");
        for x in words {
            r#yield!((prev, x.clone()));
            prev = x;
        }
        prev
    }
}

#[test]
fn a_value_moved_into_the_yield_and_given_again() {
    let words: Vec<String> = ["a", "b", "c"].map(String::from).into();
    check_iter!(pairs / pairs_ref(words.clone()));
}

dual! {
    // `r#yield! { a }` as a statement in the middle of a block, no `;`
    // (issue 12, item 10), and as the block's tail.
    fn brace_form / brace_form_ref(a: u32) yield u32, send () => u32 {
        r#yield! { a }
        r#yield! { a + 1 }
        let b = a * 2;
        for x in 0..b {
            r#yield! { x * 2 }
            if x > 3 {
                break;
            }
        }
        r#yield! { b }
        b
    }
}

#[test]
fn the_brace_form_of_yield_is_a_statement() {
    check_iter!(brace_form / brace_form_ref(3));
}

dual! {
    // A `match` whose other arm returns (issue 12, item 8): in the segment
    // that suspends in it, nothing after the `match` runs.
    fn diverging_arm / diverging_arm_ref(flag: bool) yield i32, send i32 => i32 {
        let x = match flag {
            true => return 1,
            false => r#yield!(9),
        };
        x + 1
    }
}

dual! {
    // A yield after a `return` (item 8): no arm suspends there, so it has
    // no arm (nothing would give its saved `c` a type: E0282).
    #[allow(unreachable_code, unused_variables)]
    fn yield_after_return / yield_after_return_ref(c: bool) yield u32, send u32 => u32 {
        if c {
            return 1;
        } else {
            return 2;
        }
        let x = r#yield!(2);
        let y = r#yield!(x);
        y
    }
}

dual! {
    // After a loop that only leaves by `return`.
    #[allow(unreachable_code)]
    fn yield_after_an_endless_loop / yield_after_an_endless_loop_ref(c: bool) yield u32, send () => u32 {
        let mut n = 0;
        loop {
            n += 1;
            if c || n > 3 {
                return n;
            }
        }
        for x in vec![n] {
            r#yield!(x);
        }
        0
    }
}

dual! {
    fn yield_in_a_match_arm_in_a_loop / yield_in_a_match_arm_in_a_loop_ref() yield i32, send i32 => i32 {
        let mut acc = 0;
        loop {
            let cmd = r#yield!(acc);
            match cmd {
                0 => return acc,
                _ => acc += r#yield!(cmd),
            }
        }
    }
}

dual! {
    // Found by the differential test: resuming in `return r#yield!(…)`
    // inside an operand (`match … % 1000`): the resumed arm leaves, and
    // the operator around it is not emitted (it typed as `! % i32`).
    fn return_yield_in_an_operand / return_yield_in_an_operand_ref(c: u32) yield u32, send u32 => u32 {
        let f = match c {
            3 => 13u32,
            _ => return r#yield!(15),
        } % 1000;
        let g = {
            loop {
                break match f {
                    13 => 7u32,
                    _ => return r#yield!(16),
                };
            }
        } % 1000;
        f + g
    }
}

dual! {
    // Found by the differential test (seed 70255): a value read by an
    // operator on one arm was given a drop flag, whose initialiser (a
    // labeled block with a yield) lost its yield to a re-parse.
    fn flag_around_a_yielding_initialiser / flag_around_a_yielding_initialiser_ref(h: u32) yield u32, send u32 => u32 {
        let e = r#yield!({
            let mut b = {
                r#yield!(11u32);
                16u32
            };
            r#yield!(match Some(6u32) {
                Some(c) => {
                    b += c;
                    c + b
                }
                None => {
                    let e: u32;
                    if b % 3 == 0 {
                        e = 3u32;
                    } else {
                        e = 4u32;
                    }
                    h + e
                }
            })
        });
        e
    }
}

#[test]
fn diverging_arms_beside_yielding_ones() {
    for c in [true, false] {
        check_send!(
            yield_after_return / yield_after_return_ref(c),
            Vec::<u32>::new()
        );
        check_iter!(yield_after_an_endless_loop / yield_after_an_endless_loop_ref(c));
    }
    check_send!(
        flag_around_a_yielding_initialiser / flag_around_a_yielding_initialiser_ref(2),
        [1, 2, 3]
    );
    check_send!(
        return_yield_in_an_operand / return_yield_in_an_operand_ref(3),
        []
    );
    check_send!(
        return_yield_in_an_operand / return_yield_in_an_operand_ref(4),
        [9]
    );
    check_send!(diverging_arm / diverging_arm_ref(false), [4]);
    check_send!(diverging_arm / diverging_arm_ref(true), []);
    check_send!(
        yield_in_a_match_arm_in_a_loop / yield_in_a_match_arm_in_a_loop_ref(),
        [3, 10, 5, 1, 0]
    );
}

fn take(v: u32) -> u32 {
    v
}

dual! {
    // Found by the differential test (seed 5979): a binding moved, hidden
    // at the yield by an inner one of the same name, then assigned. Its
    // value is saved (renamed) rather than declared again by a name the
    // inner binding hides.
    fn hidden_then_assigned / hidden_then_assigned_ref() yield u32, send () => u32 {
        let mut e = 1u32;
        let t = take(e);
        {
            let e = t + 4;
            r#yield!(e);
        }
        e = 3;
        e + t
    }
}

dual! {
    // Found by the differential test (seed 5100): the yield is in a loop
    // inside the value assigned to `a`, and the loop reads `a` again
    // before the assignment completes: `a` is still live at the yield.
    fn loop_in_the_assigned_value / loop_in_the_assigned_value_ref(a0: u32) yield u32, send () => u32 {
        let mut a = a0;
        a = {
            let mut n = 0;
            loop {
                n += a;
                if n > 5 {
                    break n;
                }
                r#yield!(n);
            }
        };
        a
    }
}

dual! {
    // Found by the differential test (seed 510): resumed inside a loop, the
    // rest of the iteration assigns `h` and leaves the loop; `h` is dead at
    // the yield. Its later reads come only after the assignment, and the
    // resumed code must show the borrow checker no path to them without it.
    fn assigned_then_break / assigned_then_break_ref(n: u32) yield u32, send u32 => u32 {
        let mut h = n;
        let mut turns = 0;
        let out = loop {
            turns += 1;
            if turns > 3 {
                break h * 100;
            }
            if h % 2 == 1 {
                h = h + r#yield!(h) + 1;
                if h > 8 {
                    break h;
                }
                continue;
            }
            r#yield!(h + 1000);
        };
        out + h
    }
}

dual! {
    // Found by the differential test (seed 1563): the assignment after the
    // yield is inside a `while` loop, which may not run; the value before it
    // is read again on the next turn of the outer loop.
    fn assigned_in_a_loop_that_may_not_run / assigned_in_a_loop_that_may_not_run_ref(rounds: u32) yield u32, send () => u32 {
        let mut e = 5u32;
        let mut outer = 0;
        while outer < rounds {
            outer += 1;
            r#yield!(e);
            let mut inner = 0;
            while inner < outer % 2 {
                inner += 1;
                e = outer * 10;
            }
        }
        e
    }
}

dual! {
    // Found by the differential test (seed 3174): `d` is dead at the second
    // yield (given a value after the loop), but a `?` before that keeps it
    // saved at the first, which the loop reaches from the second: what one
    // yield saves must hold a value at every yield that leads to it.
    fn saved_where_a_later_yield_leads / saved_where_a_later_yield_leads_ref(rounds: u32) yield u32, send () => Option<u32> {
        let f = 3u32;
        let mut turn = 0;
        'outer: loop {
            turn += 1;
            let mut d = f + turn;
            r#yield!(d);
            for b in 0..rounds {
                for k in 0..2u32 {
                    if b == 5 {
                        break 'outer;
                    }
                    r#yield!(k);
                }
                let d = b * 2;
                r#yield!(Some(d).filter(|_| turn < 4)?);
            }
            d = 2;
            if d + turn > 6 {
                break;
            }
        }
        Some(turn)
    }
}

dual! {
    // Found by the differential test (seeds 13518, 16222): the yield is in
    // the value assigned to `b`, on a path that jumps past the assignment
    // (`continue`), so `b` is read again at the loop head unchanged.
    fn assigned_value_jumps_past / assigned_value_jumps_past_ref(n: u32) yield u32, send u32 => u32 {
        let mut b = n;
        for k in 0..3u32 {
            let a = b % 10;
            b = match k {
                0 => {
                    r#yield!(a);
                    continue;
                }
                1 => r#yield!(a + 100),
                _ => 7,
            };
        }
        b
    }
}

dual! {
    // Found while timing the expansion on a scratch crate: `last` gets its
    // value in an inner loop, and is read only after that assignment. At
    // the yield after the inner loop (which may not have run) it may hold
    // nothing, and nothing reads what it holds: it is not saved there.
    fn late_init_in_an_inner_loop / late_init_in_an_inner_loop_ref(n: u64) yield u64, send u64 => u64 {
        let mut total = 0u64;
        let mut last;
        'outer: for i in 0..n {
            let mut j = 0;
            while j < i {
                last = r#yield!(i + j);
                if last == 0 {
                    break 'outer;
                }
                if last % 3 == 0 {
                    j += 2;
                    continue;
                }
                total += last;
                j += 1;
            }
            let s = format!("{i}");
            total += r#yield!(s.len() as u64);
        }
        total
    }
}

dual! {
    // Found by the differential test (seed 303706): `h` is dead at both
    // yields and assigned only after the second, under an inner `h`'s
    // initialiser. The first yield's arm never reaches the assignment, so
    // it must not declare `h` with nothing to give it a type.
    fn assigned_only_past_a_later_yield / assigned_only_past_a_later_yield_ref(
        pick: Option<u32>
    ) yield u32, send () => u32 {
        let mut h = 18u32;
        let r: u32 = match pick {
            Some(b) => {
                r#yield!(h);
                let h: u32 = take({
                    let mut turns = 0u32;
                    loop {
                        turns += 1;
                        if turns > 2 {
                            break 7u32;
                        }
                        r#yield!(turns);
                        h = b;
                        if h > 100 {
                            break h;
                        }
                    }
                });
                h
            }
            None => h,
        };
        r
    }
}

dual! {
    // Seed 319736: a `break` inside a `let … else` block that ends in
    // `return` leaves the block first; the yield before it reaches the code
    // after the labeled block, where `b` is saved again.
    fn break_out_of_let_else / break_out_of_let_else_ref(
        pick: Option<u32>,
        leave: bool
    ) yield u32, send () => Option<u32> {
        let b = (13u32).wrapping_add(u32::from(leave));
        r#yield!('b2: {
            let Some(a) = pick else {
                r#yield!({
                    if leave {
                        break 'b2 ({
                            r#yield!(b);
                            7u32
                        });
                    }
                    4u32
                });
                return None;
            };
            a
        });
        Some(b)
    }
}

dual! {
    // Seed 304374: the `break` out of the `return` operand is in a loop, so
    // the yield after it in the loop reaches it on the next turn; `c` is
    // saved there for the code after the labeled block.
    fn break_out_of_a_returning_loop / break_out_of_a_returning_loop_ref(
        leave_at: u32
    ) yield u32, send u32 => u32 {
        let c;
        c = (3u32).wrapping_add(leave_at);
        'b3: {
            if leave_at < 100 {
                return r#yield!({
                    let mut turns = 0u32;
                    loop {
                        turns += 1;
                        if turns > 3 {
                            break turns;
                        }
                        let mut c = {
                            if turns == leave_at {
                                break 'b3;
                            }
                            r#yield!(turns);
                            turns
                        };
                        c %= 7;
                        assert_eq!(c, turns % 7);
                    }
                });
            }
        }
        r#yield!(c);
        c
    }
}

dual! {
    // Differential seed 4007722: `c` is dead at the second yield and given
    // a value again on the next turn, so that arm declares `let mut c;`
    // again; the arm then named `c` only through `while let Some(c)` and
    // `let Some(c)` patterns, which were taken for uses of it, and the bare
    // declaration had nothing to type it (E0282 at the attribute).
    fn redeclared_beside_while_let / redeclared_beside_while_let_ref(rounds: u32) yield u32, send u32 => u32 {
        let mut c: u32 = 1;
        let mut total = c;
        for h in 0..rounds {
            let Some(c) = Some({
                let mut w = vec![17u32, 11];
                while let Some(c) = w.pop() {
                    total += c;
                }
                c = r#yield!(h);
                c + 1
            }) else {
                return 0;
            };
            if c % 2 == 0 {
                total += match Some(h) {
                    Some(x) if x > 5 => x,
                    Some(_) => r#yield!(14),
                    None => 0,
                };
            }
        }
        total
    }
}

#[test]
fn shapes_found_by_the_differential_test() {
    check_send!(
        redeclared_beside_while_let / redeclared_beside_while_let_ref(3),
        [1, 2, 3, 4, 5, 6]
    );
    check_send!(
        redeclared_beside_while_let / redeclared_beside_while_let_ref(2),
        [2, 7, 1]
    );
    check_iter!(hidden_then_assigned / hidden_then_assigned_ref());
    check_iter!(loop_in_the_assigned_value / loop_in_the_assigned_value_ref(2));
    for (n, sends) in [(1, 3), (2, 3), (3, 2), (9, 1)] {
        let sent = [1, 4, 2].into_iter().take(sends);
        check_send!(assigned_then_break / assigned_then_break_ref(n), sent);
    }
    check_iter!(assigned_in_a_loop_that_may_not_run / assigned_in_a_loop_that_may_not_run_ref(4));
    check_send!(
        late_init_in_an_inner_loop / late_init_in_an_inner_loop_ref(3),
        [1, 1, 1, 1, 1, 1]
    );
    check_send!(
        assigned_value_jumps_past / assigned_value_jumps_past_ref(7),
        [5, 6]
    );
    for rounds in [0, 2, 7] {
        check_iter!(saved_where_a_later_yield_leads / saved_where_a_later_yield_leads_ref(rounds));
    }
    for (leave_at, yields) in [(1, 1), (2, 2), (3, 3), (9, 4), (200, 1)] {
        check_send!(
            break_out_of_a_returning_loop / break_out_of_a_returning_loop_ref(leave_at),
            (10..).take(yields)
        );
    }
    for pick in [None, Some(4), Some(200)] {
        check_iter!(assigned_only_past_a_later_yield / assigned_only_past_a_later_yield_ref(pick));
        for leave in [false, true] {
            check_iter!(break_out_of_let_else / break_out_of_let_else_ref(pick, leave));
        }
    }
}
