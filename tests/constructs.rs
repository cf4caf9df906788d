//! Run-pass tests: every control-flow construct with yields inside, each
//! compared against the same body run as a plain function (see `support`).

#[macro_use]
mod support;

// ---------------------------------------------------------------- statements

dual! {
    fn stmts / stmts_ref() yield u32, send () => u32 {
        r#yield!(1);
        r#yield!(2);
        let a = 5;
        r#yield!(a);
        let b = a * 2;
        r#yield!(b + 1);
        a + b
    }
}

#[test]
fn statement_position_yields() {
    let (got, ret) = check_iter!(stmts / stmts_ref());
    assert_eq!(got, [1, 2, 5, 11]);
    assert_eq!(ret, 15);
}

// ------------------------------------------------------- let with patterns

#[derive(Clone, Copy, Debug, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

dual! {
    fn let_tuple / let_tuple_ref() yield i32, send (i32, i32) => i32 {
        let (a, b) = r#yield!(0);
        let (c, _) = r#yield!(a + b);
        let (mut d, e) = r#yield!(c);
        d += e;
        r#yield!(d);
        a + b + c + d
    }
}

#[test]
fn let_tuple_pattern() {
    let (got, ret) = check_send!(
        let_tuple / let_tuple_ref(),
        [(1, 2), (10, 20), (100, 200), (0, 0)]
    );
    assert_eq!(got, [0, 3, 10, 300]);
    assert_eq!(ret, 1 + 2 + 10 + 300);
}

dual! {
    fn let_struct / let_struct_ref() yield i32, send Point => Point {
        let Point { x, y } = r#yield!(-1);
        r#yield!(x * y);
        let Point { x: x2, .. } = r#yield!(x + y);
        Point { x: x2, y }
    }
}

#[test]
fn let_struct_pattern() {
    let sends = [
        Point { x: 2, y: 3 },
        Point { x: 0, y: 0 },
        Point { x: 7, y: 9 },
    ];
    let (got, ret) = check_send!(let_struct / let_struct_ref(), sends);
    assert_eq!(got, [-1, 6, 5]);
    assert_eq!(ret, Point { x: 7, y: 3 });
}

dual! {
    fn let_else_send / let_else_send_ref() yield i32, send Option<i32> => i32 {
        let mut total = 0;
        loop {
            let Some(v) = r#yield!(total) else {
                return -total;
            };
            total += v;
        }
    }
}

#[test]
fn let_else_on_sent_value() {
    let (got, ret) = check_send!(
        let_else_send / let_else_send_ref(),
        [Some(1), Some(2), Some(3), None]
    );
    assert_eq!(got, [0, 1, 3, 6]);
    assert_eq!(ret, -6);
}

dual! {
    fn let_typed / let_typed_ref() yield u64, send u8 => u64 {
        let a: u8 = r#yield!(1);
        let b: u64 = u64::from(r#yield!(2)) * 3;
        let c: Vec<u8> = {
            let third = r#yield!(3);
            vec![a, third]
        };
        b + c.iter().map(|&v| u64::from(v)).sum::<u64>()
    }
}

#[test]
fn let_with_type_annotations() {
    let (_, ret) = check_send!(let_typed / let_typed_ref(), [4u8, 5, 6]);
    assert_eq!(ret, 15 + 4 + 6);
}

// ------------------------------------------------ assignment and compound

dual! {
    fn assign / assign_ref() yield i64, send i64 => i64 {
        let mut x = 0;
        x = r#yield!(x);
        r#yield!(x * 10);
        x = r#yield!(x + 1) + x;
        let mut pair = (0, 0);
        pair.1 = r#yield!(x);
        pair.0 = x;
        pair.0 * 1000 + pair.1
    }
}

#[test]
fn assignment_from_yield() {
    let (got, ret) = check_send!(assign / assign_ref(), [3, 0, 4, 9]);
    assert_eq!(got, [0, 30, 4, 7]);
    assert_eq!(ret, 7009);
}

dual! {
    fn compound / compound_ref() yield i64, send i64 => i64 {
        let mut x = 1;
        x += r#yield!(x);
        x *= r#yield!(x);
        x -= r#yield!(x);
        let mut v = vec![1, 2, 3];
        v[1] += r#yield!(x);
        x + v.iter().sum::<i64>()
    }
}

#[test]
fn compound_assignment_from_yield() {
    let (got, ret) = check_send!(compound / compound_ref(), [2, 5, 1, 100]);
    assert_eq!(got, [1, 3, 15, 14]);
    assert_eq!(ret, 14 + 106);
}

// ------------------------------------------------------------ block tails

dual! {
    fn block_tail / block_tail_ref() yield u32, send () => u32 {
        let a = 2;
        let y = {
            let t = a + 1;
            r#yield!(t);
            t * 10
        };
        r#yield!(y);
        let z: u32 = {
            r#yield!(y + 1);
            {
                let inner = y + a;
                r#yield!(inner);
                inner
            }
        };
        y + z
    }
}

#[test]
fn yields_in_block_tails() {
    let (got, ret) = check_iter!(block_tail / block_tail_ref());
    assert_eq!(got, [3, 30, 31, 32]);
    assert_eq!(ret, 62);
}

// --------------------------------------------- yields as sub-expressions

dual! {
    fn return_yield / return_yield_ref(n: i32) yield i32, send i32 => i32 {
        r#yield!(n);
        if n > 0 {
            return r#yield!(n * 2);
        }
        r#yield!(-1)
    }
}

#[test]
fn return_of_a_yield() {
    let (got, ret) = check_send!(return_yield / return_yield_ref(5), [0, 42]);
    assert_eq!((got, ret), (vec![5, 10], 42));
    let (got, ret) = check_send!(return_yield / return_yield_ref(-5), [0, 7]);
    assert_eq!((got, ret), (vec![-5, -1], 7));
}

dual! {
    fn if_scrutinee / if_scrutinee_ref() yield u32, send bool => u32 {
        let mut hits = 0;
        let mut i = 0;
        while i < 5 {
            if r#yield!(i) {
                hits += 1;
            } else if r#yield!(100 + i) {
                hits += 10;
            }
            i += 1;
        }
        hits
    }
}

#[test]
fn yield_as_if_condition() {
    let sends = [true, false, true, false, false, true, false, false];
    let (got, ret) = check_send!(if_scrutinee / if_scrutinee_ref(), sends);
    assert_eq!(got, [0, 1, 101, 2, 102, 3, 4, 104]);
    assert_eq!(ret, 12);
}

dual! {
    fn match_scrutinee / match_scrutinee_ref() yield String, send u8 => Vec<u8> {
        let mut seen = Vec::new();
        loop {
            match r#yield!(format!("seen {}", seen.len())) {
                0 => break,
                n if n % 2 == 0 => seen.push(n / 2),
                n => {
                    let again = r#yield!(format!("odd {n}"));
                    seen.push(n + again);
                }
            }
        }
        seen
    }
}

#[test]
fn yield_as_match_scrutinee() {
    let (got, ret) = check_send!(match_scrutinee / match_scrutinee_ref(), [4u8, 3, 10, 6, 0]);
    assert_eq!(got, ["seen 0", "seen 1", "odd 3", "seen 2", "seen 3"]);
    assert_eq!(ret, [2, 13, 3]);
}

fn trace(log: &mut Vec<String>, name: &str, v: i32) -> i32 {
    log.push(name.to_owned());
    v
}

dual! {
    fn eval_order / eval_order_ref() yield i32, send i32 => (Vec<String>, i32) {
        let mut log = Vec::new();
        let sum3 = |a: i32, b: i32, c: i32| a * 100 + b * 10 + c;
        // A yield that is not the first operand evaluated (`f(a(), r#yield!(b), c())`,
        // `v.push(r#yield!(x))`, `a + r#yield!(b)`) is rejected: a limitation
        // (see README), B3.
        // Yields in the leftmost position are supported:
        let r = sum3(r#yield!(trace(&mut log, "b", 2)), trace(&mut log, "c", 3), 1);
        let mut v = Vec::new();
        let sent = r#yield!(r);
        v.push(sent);
        let w = r#yield!(v.len() as i32) + v[0];
        v.push(w);
        let t = (r#yield!(7), trace(&mut log, "d", 4), 8);
        let p = [r#yield!(-1), 2];
        let neg = -r#yield!(9);
        let cast = r#yield!(10) as i64 as i32;
        let paren = (r#yield!(11)).abs();
        let both = r#yield!(12) > 0 && r#yield!(13) > 0;
        let either = r#yield!(14) > 0 || r#yield!(15) > 0;
        log.push(format!("{both} {either}"));
        (log, r + v.iter().sum::<i32>() + t.0 + t.1 + t.2 + p[0] + p[1] + neg + cast + paren)
    }
}

#[test]
fn yield_in_arguments_keeps_left_to_right_order() {
    let sends = [5, 6, 7, 8, 9, 10, -11, -12, 1, 1, 0, 0];
    let (got, ret) = check_send!(eval_order / eval_order_ref(), sends);
    assert_eq!(got, [2, 531, 1, 7, -1, 9, 10, 11, 12, 13, 14, 15]);
    assert_eq!(ret.0, ["b", "c", "d", "true false"]);
    // `&&`/`||` short-circuit across yields exactly like the plain function.
    let (got, ret) = check_send!(
        eval_order / eval_order_ref(),
        [5, 6, 7, 8, 9, 10, -11, -12, 0, 1]
    );
    assert_eq!(got.len(), 10);
    assert_eq!(ret.0[3], "false true");
}

fn pick(k: i32) -> fn(i32) -> i32 {
    if k > 0 { |v| v * 2 } else { |v| -v }
}

dual! {
    fn computed_callee / computed_callee_ref() yield i32, send i32 => (Vec<String>, i32) {
        let mut log = Vec::new();
        // The callee is evaluated first, then the arguments.
        let a = pick(r#yield!(1))(trace(&mut log, "arg", 5));
        let b = (pick(r#yield!(2)))(trace(&mut log, "arg2", a));
        (log, a + b)
    }
}

#[test]
fn a_yield_in_a_computed_callee_runs_before_the_arguments() {
    let (got, ret) = check_send!(computed_callee / computed_callee_ref(), [1, -1]);
    assert_eq!(got, [1, 2]);
    assert_eq!(ret, (vec!["arg".to_owned(), "arg2".to_owned()], 10 - 10));
    let (_, ret) = check_send!(computed_callee / computed_callee_ref(), [-1, 1]);
    assert_eq!(ret.1, -5 - 10);
}

// ------------------------------------------------------------- branching

dual! {
    fn branches / branches_ref(n: i32) yield i32, send () => i32 {
        let mut acc = 0;
        if n > 0 {
            r#yield!(1);
            acc += 1;
        } else {
            r#yield!(-1);
            acc -= 1;
        }
        if n % 2 == 0 {
            r#yield!(2);
        }
        if n < -5 {
            r#yield!(10);
        } else if n < 0 {
            let k = n * 2;
            r#yield!(k);
            acc += k;
        } else if n == 0 {
            r#yield!(0);
        } else {
            let big = if n > 100 { r#yield!(100); n / 100 } else { r#yield!(n); n };
            acc += big;
        }
        acc
    }
}

#[test]
fn if_else_and_else_if_chains() {
    for n in [-10, -3, -2, 0, 1, 4, 250, 301] {
        check_iter!(branches / branches_ref(n));
    }
}

dual! {
    fn if_let / if_let_ref(v: Vec<Option<u8>>) yield u8, send () => u32 {
        let mut missing = 0;
        for item in v {
            if let Some(x) = item {
                r#yield!(x);
                if let Some(doubled) = x.checked_mul(2) {
                    r#yield!(doubled);
                } else {
                    r#yield!(255);
                }
            } else {
                missing += 1;
                r#yield!(0);
            }
        }
        missing
    }
}

#[test]
fn if_let_else() {
    let (got, ret) =
        check_iter!(if_let / if_let_ref(vec![Some(1), None, Some(200), Some(3), None]));
    assert_eq!(got, [1, 2, 0, 200, 255, 3, 6, 0]);
    assert_eq!(ret, 2);
}

#[derive(Clone, Debug, PartialEq)]
enum Shape {
    Circle(u32),
    Rect { w: u32, h: u32 },
    Empty,
}

dual! {
    fn matching / matching_ref(shapes: Vec<Shape>) yield String, send () => u32 {
        let mut total = 0;
        for shape in shapes {
            match shape {
                Shape::Circle(r) if r > 10 => {
                    r#yield!(format!("big circle {r}"));
                    total += 3 * r * r;
                }
                Shape::Circle(r) => {
                    let area = 3 * r * r;
                    r#yield!(format!("circle {r}"));
                    r#yield!(format!("area {area}"));
                    total += area;
                }
                Shape::Rect { w, h } if w == h => {
                    total += {
                        r#yield!(format!("square {w}"));
                        w * h
                    };
                }
                Shape::Rect { w, h: height } => {
                    let name = format!("rect {w}x{height}");
                    r#yield!(name.clone());
                    total += w * height;
                    r#yield!(name);
                }
                ref other @ Shape::Empty => {
                    r#yield!(format!("{other:?}"));
                }
            }
        }
        total
    }
}

#[test]
fn match_with_guards_and_bindings() {
    let shapes = vec![
        Shape::Circle(20),
        Shape::Circle(2),
        Shape::Rect { w: 3, h: 3 },
        Shape::Rect { w: 2, h: 5 },
        Shape::Empty,
    ];
    let (got, ret) = check_iter!(matching / matching_ref(shapes.clone()));
    assert_eq!(got.len(), 7);
    assert_eq!(ret, 1200 + 12 + 9 + 10);
}

dual! {
    fn match_value / match_value_ref(xs: Vec<i32>) yield i32, send () => i32 {
        let mut sum = 0;
        for x in xs {
            let y = match x {
                0 => {
                    r#yield!(0);
                    100
                }
                n @ 1..=9 => {
                    r#yield!(n);
                    n * 2
                }
                n if n < 0 => -n,
                n => {
                    let tmp = n / 10;
                    r#yield!(tmp);
                    tmp
                }
            };
            sum += y;
        }
        sum
    }
}

#[test]
fn match_as_a_value_with_yields_in_arms() {
    check_iter!(match_value / match_value_ref(vec![0, 5, -3, 42, 9, 10]));
}

// ------------------------------------------------------------------ loops

dual! {
    fn plain_loop / plain_loop_ref(n: u32) yield u32, send () => u32 {
        let mut i = 0;
        let last = loop {
            if i == n {
                break i * 100;
            }
            r#yield!(i);
            i += 1;
        };
        last
    }
}

dual! {
    fn while_loop / while_loop_ref(n: u32) yield u32, send () => u32 {
        let mut i = n;
        let mut steps = 0;
        while i != 1 {
            r#yield!(i);
            i = if i % 2 == 0 { i / 2 } else { 3 * i + 1 };
            steps += 1;
        }
        steps
    }
}

dual! {
    fn while_let / while_let_ref(stack: Vec<u32>) yield u32, send () => usize {
        let mut stack = stack;
        let mut popped = 0;
        while let Some(top) = stack.pop() {
            r#yield!(top);
            if top > 10 {
                stack.push(top / 10);
                stack.push(top % 10);
            }
            popped += 1;
        }
        popped
    }
}

dual! {
    fn for_loop / for_loop_ref(words: Vec<&'static str>) yield (usize, char), send () => usize {
        let mut n = 0;
        // The iterator owns `words` (a borrowing `words.iter()` would be a
        // borrow of a local across a yield, which the spec rejects).
        for (i, w) in words.into_iter().enumerate() {
            for c in w.chars().rev() {
                r#yield!((i, c));
                n += 1;
            }
        }
        n
    }
}

#[test]
fn loop_while_while_let_for() {
    assert_eq!(
        check_iter!(plain_loop / plain_loop_ref(4)),
        (vec![0, 1, 2, 3], 400)
    );
    assert_eq!(check_iter!(plain_loop / plain_loop_ref(0)), (vec![], 0));
    let (got, ret) = check_iter!(while_loop / while_loop_ref(6));
    assert_eq!(got, [6, 3, 10, 5, 16, 8, 4, 2]);
    assert_eq!(ret, 8);
    check_iter!(while_let / while_let_ref(vec![5, 123, 7]));
    let (got, _) = check_iter!(for_loop / for_loop_ref(vec!["ab", "", "xyz"]));
    assert_eq!(got, [(0, 'b'), (0, 'a'), (2, 'z'), (2, 'y'), (2, 'x')]);
}

dual! {
    fn labeled / labeled_ref(n: u32) yield (u32, u32), send () => u32 {
        let mut found = 0;
        'outer: for i in 0..n {
            let mut j = 0;
            'inner: loop {
                j += 1;
                if j > i {
                    continue 'outer;
                }
                if (i + j) % 3 == 0 {
                    r#yield!((i, j));
                    continue 'inner;
                }
                if i * j == 12 {
                    r#yield!((i, j));
                    found = i * 10 + j;
                    break 'outer;
                }
                r#yield!((j, i));
                if j == 2 {
                    break;
                }
            }
            r#yield!((i, 100));
        }
        found
    }
}

#[test]
fn nested_labeled_loops() {
    for n in [0, 1, 3, 5, 8] {
        check_iter!(labeled / labeled_ref(n));
    }
}

dual! {
    fn break_values / break_values_ref(n: u32) yield u32, send () => (u32, u32, u32) {
        let a = 'search: loop {
            for i in 0..n {
                r#yield!(i);
                if i * i > n {
                    break 'search i;
                }
            }
            break 0;
        };
        let b = 'block: {
            if a == 0 {
                break 'block 1000;
            }
            r#yield!(a);
            if a == 1 {
                break 'block 2000;
            }
            if a % 2 == 0 {
                let half = a / 2;
                r#yield!(half);
                break 'block half;
            }
            r#yield!(a + 1);
            a * 3
        };
        let c = loop {
            r#yield!(b);
            break b + 1;
        };
        (a, b, c)
    }
}

#[test]
fn break_with_value_from_loops_and_labeled_blocks() {
    for n in [0, 1, 2, 5, 10, 17, 40] {
        check_iter!(break_values / break_values_ref(n));
    }
}

dual! {
    fn outer_break / outer_break_ref(n: u32, stop: u32) yield (u32, u32), send () => u32 {
        let mut seen = 0;
        'outer: for i in 0..n {
            'mid: for j in 0..n {
                for k in 0..n {
                    match (i + j + k) % 4 {
                        0 if k == j => {
                            r#yield!((i, j * 10 + k));
                            continue 'mid;
                        }
                        1 if i * j * k >= stop => {
                            r#yield!((i, 1000 + j * 10 + k));
                            break 'outer;
                        }
                        2 if j > i => {
                            r#yield!((j, i));
                            continue 'outer;
                        }
                        _ => {}
                    }
                    r#yield!((100 + i, j * 10 + k));
                    seen += 1;
                    if k > i + j {
                        break 'mid;
                    }
                }
                r#yield!((200 + i, j));
            }
            r#yield!((300 + i, 0));
        }
        seen
    }
}

#[test]
fn labeled_breaks_and_continues_across_nested_for_loops_with_guards() {
    for (n, stop) in [(0, 0), (1, 0), (3, 2), (4, 6), (5, 100)] {
        check_iter!(outer_break / outer_break_ref(n, stop));
    }
    let (got, _) = check_iter!(outer_break / outer_break_ref(4, 6));
    assert!(
        got.iter().any(|&(_, v)| v >= 1000),
        "break 'outer not taken: {got:?}"
    );
}

dual! {
    fn block_operand / block_operand_ref(k: u32) yield u32, send () => u32 {
        let z = {
            r#yield!(1);
            {
                r#yield!(2);
                3
            }
        };
        let w = {
            let t = z * k;
            {
                r#yield!(t);
                {
                    r#yield!(t + 1);
                    t + 2
                }
            }
        };
        z + 1 + w
    }
}

#[test]
fn nested_blocks_with_yields_as_let_initialisers() {
    let (got, ret) = check_iter!(block_operand / block_operand_ref(5));
    assert_eq!((got, ret), (vec![1, 2, 15, 16], 21));
}

dual! {
    fn continue_after_yield / continue_after_yield_ref(limit: u32) yield u32, send () => u32 {
        let mut i = 0;
        let mut skipped = 0;
        loop {
            i += 1;
            r#yield!(i);
            if i % 3 == 0 {
                skipped += 1;
                continue;
            }
            if i > limit {
                break;
            }
            r#yield!(i * 10);
        }
        let mut k = 0;
        while k < limit {
            k += 1;
            r#yield!(k + 1000);
            if k % 2 == 0 {
                continue;
            }
            r#yield!(k + 2000);
        }
        skipped
    }
}

#[test]
fn loops_whose_continuation_continues_or_breaks() {
    for limit in [0, 1, 4, 7] {
        check_iter!(continue_after_yield / continue_after_yield_ref(limit));
    }
}

// ------------------------------------------------------- early exits and ?

dual! {
    fn early_ret / early_ret_ref(xs: Vec<i32>) yield i32, send () => &'static str {
        for x in xs {
            if x == 0 {
                return "zero";
            }
            r#yield!(x);
            if x < 0 {
                r#yield!(-x);
                return "negative";
            }
        }
        r#yield!(999);
        "done"
    }
}

#[test]
fn early_return() {
    assert_eq!(
        check_iter!(early_ret / early_ret_ref(vec![1, 2, 0, 3])).1,
        "zero"
    );
    assert_eq!(
        check_iter!(early_ret / early_ret_ref(vec![1, -2, 3])).1,
        "negative"
    );
    assert_eq!(
        check_iter!(early_ret / early_ret_ref(vec![4])),
        (vec![4, 999], "done")
    );
}

fn parse(s: &str) -> Result<i32, String> {
    s.parse::<i32>().map_err(|e| format!("{s}: {e}"))
}

dual! {
    fn try_result / try_result_ref(items: Vec<&'static str>) yield i32, send () => Result<i32, String> {
        let mut sum = 0;
        for s in items {
            let v = parse(s)?;
            r#yield!(v);
            sum += v;
            let checked = if v > 100 { Err(format!("{v} too big")) } else { Ok(v) };
            r#yield!(checked?);
        }
        Ok(sum)
    }
}

#[test]
fn question_mark_on_result() {
    assert_eq!(
        check_iter!(try_result / try_result_ref(vec!["1", "2"])).1,
        Ok(3)
    );
    let (got, ret) = check_iter!(try_result / try_result_ref(vec!["1", "x", "3"]));
    assert_eq!(got, [1, 1]);
    assert!(ret.unwrap_err().starts_with("x:"));
    let (got, ret) = check_iter!(try_result / try_result_ref(vec!["5", "500", "3"]));
    assert_eq!(got, [5, 5, 500]);
    assert_eq!(ret, Err("500 too big".to_owned()));
}

dual! {
    fn try_option / try_option_ref(v: Vec<u32>) yield u32, send () => Option<u32> {
        let first = *v.first()?;
        r#yield!(first);
        let mut acc = first;
        for i in 1..v.len() {
            let d = v[i].checked_sub(v[i - 1])?;
            r#yield!(d);
            acc = acc.checked_add(d)?;
        }
        Some(acc)
    }
}

#[test]
fn question_mark_on_option() {
    assert_eq!(
        check_iter!(try_option / try_option_ref(vec![])),
        (vec![], None)
    );
    assert_eq!(
        check_iter!(try_option / try_option_ref(vec![1, 3, 6])),
        (vec![1, 2, 3], Some(6))
    );
    assert_eq!(
        check_iter!(try_option / try_option_ref(vec![1, 3, 2, 8])),
        (vec![1, 2], None)
    );
}

// -------------------------------------------- blocks, shadowing, let-else

dual! {
    fn nested / nested_ref() yield String, send () => usize {
        let a = String::from("a");
        {
            let b = a.clone() + "b";
            r#yield!(b.clone());
            {
                let c = b.clone() + "c";
                r#yield!(c.clone());
                {
                    r#yield!(a.clone() + &c);
                }
                r#yield!(c);
            }
            r#yield!(b);
        }
        #[allow(unused_braces)] // the nested blocks are the point
        let len = { { { a.len() } } };
        r#yield!(a);
        len
    }
}

#[test]
fn nested_blocks() {
    let (got, _) = check_iter!(nested / nested_ref());
    assert_eq!(got, ["ab", "abc", "aabc", "abc", "ab", "a"]);
}

dual! {
    fn shadowing / shadowing_ref(x: u32) yield String, send () => String {
        let x = x * 10;
        r#yield!(format!("x={x}"));
        let s = String::from("first");
        let t = &s;
        let s = format!("{t} then second");
        r#yield!(s.clone());
        let n = 1;
        let n = n + 1;
        r#yield!(format!("n={n}"));
        let v = vec![n];
        let v = v.len() + v[0] as usize;
        r#yield!(format!("v={v}"));
        {
            // Shadows the outer `x`, which is used after the block.
            let x = "inner";
            r#yield!(x.to_owned());
        }
        format!("{x} {s} {n} {v}")
    }
}

dual! {
    // The inner `i` hides the outer one, which is used after the loop, and
    // format strings capture both by name: the hidden name the inner one
    // gets reaches `"{i}"` as a named argument.
    fn shadowing_captured / shadowing_captured_ref(n: u32) yield String, send () => String {
        let i = n * 100;
        for i in 0..n {
            r#yield!(format!("inner {i}"));
            let s = format!("{i}{i}, outer? no: {i:>3}");
            r#yield!(s);
        }
        format!("outer {i}")
    }
}

#[test]
fn shadowing_in_body_and_of_an_argument() {
    let (got, ret) = check_iter!(shadowing_captured / shadowing_captured_ref(2));
    assert_eq!(
        got,
        [
            "inner 0",
            "00, outer? no:   0",
            "inner 1",
            "11, outer? no:   1"
        ]
    );
    assert_eq!(ret, "outer 200");
    let (got, ret) = check_iter!(shadowing / shadowing_ref(4));
    assert_eq!(got, ["x=40", "first then second", "n=2", "v=3", "inner"]);
    assert_eq!(ret, "40 first then second 2 3");
}

dual! {
    fn let_else / let_else_ref(items: Vec<&'static str>) yield u32, send () => u32 {
        let mut sum = 0;
        for item in items {
            let Ok(v) = item.parse::<u32>() else {
                r#yield!(0);
                continue;
            };
            let Some(half) = v.checked_div(2).filter(|h| *h > 0) else {
                r#yield!(1);
                if v == 0 {
                    return 999;
                }
                continue;
            };
            r#yield!(half);
            sum += half;
        }
        sum
    }
}

#[test]
fn let_else_in_body() {
    assert_eq!(
        check_iter!(let_else / let_else_ref(vec!["8", "x", "1", "6"])),
        (vec![4, 0, 1, 3], 7)
    );
    assert_eq!(
        check_iter!(let_else / let_else_ref(vec!["8", "0", "6"])),
        (vec![4, 1], 999)
    );
}

// ------------------------------------------- more yields in scrutinees (send)

dual! {
    fn loop_match_scrutinee / loop_match_scrutinee_ref() yield usize, send Option<String> => String {
        let mut all = String::new();
        loop {
            match r#yield!(all.len()) {
                Some(s) => all.push_str(&s),
                None => return all,
            }
        }
    }
}

#[test]
fn yield_as_loop_match_scrutinee() {
    let sends = [Some("ab".to_owned()), Some("cde".to_owned()), None];
    let (got, ret) = check_send!(loop_match_scrutinee / loop_match_scrutinee_ref(), sends);
    assert_eq!(got, [0, 2, 5]);
    assert_eq!(ret, "abcde");
}

dual! {
    fn while_let_sent / while_let_sent_ref() yield usize, send Option<String> => String {
        let mut all = String::new();
        while let Some(s) = r#yield!(all.len()) {
            all.push_str(&s);
        }
        all
    }
}

dual! {
    fn while_sent / while_sent_ref(step: u32) yield u32, send bool => u32 {
        let mut n = 0;
        while r#yield!(n) {
            n += step;
        }
        n
    }
}

dual! {
    fn loop_break_sent / loop_break_sent_ref() yield u32, send u32 => (u32, u32) {
        let mut total = 0;
        let mut count = 0;
        loop {
            let n = r#yield!(total);
            if n == 0 {
                break;
            }
            count += 1;
            if n % 2 == 1 {
                continue;
            }
            total += n;
        }
        let last = loop {
            let s = r#yield!(count);
            if s > 10 {
                break s;
            }
        };
        (total, last)
    }
}

#[test]
fn while_while_let_and_loop_break_on_a_sent_value() {
    let sends = [
        Some("ab".to_owned()),
        Some(String::new()),
        Some("cde".to_owned()),
        None,
    ];
    let (got, ret) = check_send!(while_let_sent / while_let_sent_ref(), sends);
    assert_eq!((got, ret.as_str()), (vec![0, 2, 2, 5], "abcde"));
    check_send!(while_let_sent / while_let_sent_ref(), [None]);

    let (got, ret) = check_send!(while_sent / while_sent_ref(3), [true, true, false]);
    assert_eq!((got, ret), (vec![0, 3, 6], 6));
    check_send!(while_sent / while_sent_ref(3), [false]);

    let sends = [4, 3, 6, 0, 1, 11];
    let (got, ret) = check_send!(loop_break_sent / loop_break_sent_ref(), sends);
    assert_eq!((got, ret), (vec![0, 4, 4, 10, 3, 3], (10, 11)));
}

dual! {
    fn try_sent / try_sent_ref() yield u32, send Result<u32, String> => Result<u32, String> {
        let mut sum = 0;
        for i in 0..3 {
            let v = r#yield!(i)?;
            sum += v;
        }
        Ok(sum)
    }
}

#[test]
fn question_mark_on_a_sent_value() {
    assert_eq!(
        check_send!(try_sent / try_sent_ref(), [Ok(1), Ok(2), Ok(3)]).1,
        Ok(6)
    );
    let (got, ret) = check_send!(try_sent / try_sent_ref(), [Ok(1), Err("bad".to_owned())]);
    assert_eq!((got, ret), (vec![0, 1], Err("bad".to_owned())));
}

dual! {
    fn for_over_sent / for_over_sent_ref() yield u32, send Vec<u32> => u32 {
        let mut total = 0;
        for x in r#yield!(0) {
            total += x;
            r#yield!(total);
        }
        total
    }
}

#[test]
fn yield_as_for_iterable() {
    let (got, ret) = check_send!(
        for_over_sent / for_over_sent_ref(),
        [vec![1, 2, 3], vec![], vec![], vec![]]
    );
    assert_eq!((got, ret), (vec![0, 1, 3, 6], 6));
}

// --------------------------------- plain references not used after a yield

dual! {
    fn refs_between_yields / refs_between_yields_ref() yield usize, send () => Vec<u32> {
        let mut v = vec![1, 2, 3];
        let r = &v;
        let n = r.len();
        r#yield!(n);
        let m = &mut v;
        m.push(4);
        r#yield!(v.len());
        let first: &u32 = &v[0];
        let f = *first as usize;
        r#yield!(f);
        v
    }
}

#[test]
fn references_that_end_before_a_yield() {
    assert_eq!(
        check_iter!(refs_between_yields / refs_between_yields_ref()),
        (vec![3, 4, 1], vec![1, 2, 3, 4])
    );
}

// ------------------------------------------------ yields in assigned places

/// Records the order in which operands are evaluated.
fn note(log: &mut Vec<&'static str>, what: &'static str, v: usize) -> usize {
    log.push(what);
    v
}

dual! {
    // The assigned value first, then the place's index expressions left to
    // right, as rustc evaluates `place = value`.
    fn assigned_places / assigned_places_ref(n: usize) yield usize, send usize => (Vec<Vec<u32>>, Vec<&'static str>) {
        let mut order = Vec::new();
        let mut grid = vec![vec![0u32; n]; n];
        grid[r#yield!(10)][r#yield!(11)] = r#yield!(12) as u32;
        let row = note(&mut order, "row", 1);
        grid[row][r#yield!(13) % n] = note(&mut order, "value", 7) as u32;
        grid[note(&mut order, "first", 0)][r#yield!(14) % n] = 9;
        let mut counts = vec![0u32; n];
        for _ in 0..3 {
            counts[r#yield!(15) % n] += 1;
        }
        *counts.get_mut(r#yield!(16) % n).unwrap() = 40;
        grid.push(counts);
        (grid, order)
    }
}

#[test]
fn yields_in_assigned_places() {
    let sends = [5, 2, 0, 1, 2, 0, 1, 1, 2];
    let (got, (grid, order)) = check_send!(assigned_places / assigned_places_ref(3), sends);
    assert_eq!(got, [12, 10, 11, 13, 14, 15, 15, 15, 16]);
    // The value (sent 5) is asked for first, then the row (2), the column (0).
    assert_eq!(grid[2][0], 5);
    assert_eq!(grid[3], [1, 2, 40]);
    assert_eq!(order, ["row", "value", "first"]);
}

// ------------------------------------------------------ yields in match guards

dual! {
    // A guard that asks the caller: the arm is chosen by the sent value.
    fn guard_asks / guard_asks_ref(items: Vec<u32>) yield u32, send bool => u32 {
        let mut kept = 0;
        for item in items {
            match item {
                0 => kept += 100,
                n if r#yield!(n) => kept += n,
                n if n % 2 == 0 && r#yield!(n + 1000) => kept += 2 * n,
                _ => {}
            }
        }
        kept
    }
}

dual! {
    // Bindings that are not `Copy`: the guard sees them by reference, the
    // chosen arm moves them; a guard that is false leaves the value whole
    // for the next arms. The scrutinee is a call, evaluated once.
    fn guard_views / guard_views_ref(words: Vec<String>) yield usize, send bool => Vec<String> {
        let mut out = Vec::new();
        let mut words = words.into_iter();
        loop {
            match words.next() {
                Some(w) if w.is_empty() => out.push(String::from("<empty>")),
                Some(w) if r#yield!(w.len()) => out.push(w + "!"),
                Some(w) => out.push(w),
                None => break,
            }
        }
        out
    }
}

dual! {
    // Bindings read on both sides of the guard's yields (the trybuild case
    // `yield-in-match-guard` before): each read matches the scrutinee
    // again, so no view lives across a yield. `w` is not `Copy`; `n` is.
    fn guard_reads_after_its_yield / guard_reads_after_its_yield_ref(words: Vec<String>) yield usize, send usize => Vec<String> {
        let mut out = Vec::new();
        for word in words {
            match (word, 3usize) {
                (w, n) if w.len() > r#yield!(w.len() + n) && r#yield!(w.len()) > n => out.push(w),
                (w, _) => out.push(w.to_uppercase()),
            }
        }
        out
    }
}

#[test]
fn yields_in_match_guards() {
    let words = || vec![String::from("abcd"), String::from("xy")];
    let (got, out) = check_send!(
        guard_reads_after_its_yield / guard_reads_after_its_yield_ref(words()),
        [2, 9, 5]
    );
    assert_eq!(got, [7, 4, 5]);
    assert_eq!(out, ["abcd", "XY"]);
    let sends = [true, false, true, false, false, true];
    let (got, kept) = check_send!(guard_asks / guard_asks_ref(vec![3, 0, 4, 6, 5]), sends);
    assert_eq!(got, [3, 4, 1004, 6, 1006, 5]);
    assert_eq!(kept, 3 + 100 + 8 + 5);
    let words = || {
        vec![
            String::from("ab"),
            String::new(),
            String::from("c"),
            String::from("def"),
        ]
    };
    let (got, out) = check_send!(guard_views / guard_views_ref(words()), [true, false, true]);
    assert_eq!(got, [2, 1, 3]);
    assert_eq!(out, ["ab!", "<empty>", "c", "def!"]);
}

// ------------------------------------------------- yields inside let chains

/// A value that notes its drop in the log it was made with.
struct Noted(
    &'static str,
    std::rc::Rc<std::cell::RefCell<Vec<&'static str>>>,
);

impl Drop for Noted {
    fn drop(&mut self) {
        self.1.borrow_mut().push(self.0);
    }
}

dual! {
    // A yield after a `let` of the chain sees what it bound; the `else`
    // branch does not (it reads the outer `x`), and a chain that fails
    // after binding a value drops it before `else` runs (edition 2024).
    fn let_chains / let_chains_ref(a: Option<u32>, log: std::rc::Rc<std::cell::RefCell<Vec<&'static str>>>) yield u32, send bool => u32 {
        let x = 100;
        if let Some(x) = a && r#yield!(x + 1) {
            r#yield!(x + 2);
        }
        if let Some(y) = a && let Some(z) = Some(y * 2) && r#yield!(y + z) {
            r#yield!(z);
        } else {
            r#yield!(x);
        }
        let mut items = vec![1u32, 2, 3].into_iter();
        while let Some(v) = items.next() && r#yield!(v * 10) {
            r#yield!(v);
        }
        if let Some(n) = Some(Noted("chain", log.clone())) && r#yield!(7) {
            log.borrow_mut().push(n.0);
        } else {
            log.borrow_mut().push("else");
        }
        log.borrow_mut().push("end");
        x
    }
}

#[test]
fn yields_inside_let_chains() {
    use std::{cell::RefCell, rc::Rc};
    for (answer, yields) in [(true, 11), (false, 5)] {
        let (log, log_ref) = (
            Rc::new(RefCell::new(Vec::new())),
            Rc::new(RefCell::new(Vec::new())),
        );
        let sends = std::iter::repeat_n(answer, yields);
        let (mut got, ret) = drive!(let_chains(Some(3), log.clone()), sends.clone());
        got.push(ret);
        let mut want = Vec::new();
        let ret_ref = let_chains_ref(Some(3), log_ref.clone(), &mut want, &mut sends.clone());
        want.push(ret_ref);
        assert_eq!(got, want);
        assert_eq!(log, log_ref);
        if answer {
            assert_eq!(got, [4, 5, 9, 6, 10, 1, 20, 2, 30, 3, 7, 100]);
            assert_eq!(*log.borrow(), ["chain", "chain", "end"]);
        } else {
            assert_eq!(got, [4, 9, 100, 10, 7, 100]);
            assert_eq!(*log.borrow(), ["chain", "else", "end"]);
        }
    }
}

// ------------------------------------ more patterns and operand positions

#[derive(Clone, Debug, PartialEq)]
struct Pair(String, String);

dual! {
    // Slice, `ref`, `@` and tuple-struct patterns, and yields as elements
    // of every kind of literal, as indices, ranges, casts and a callee's
    // arguments, each after an operand that must be kept across it.
    fn patterns_and_positions / patterns_and_positions_ref(arr: [String; 2], p: Pair, v: Vec<u32>) yield u32, send u32 => (String, u32) {
        let [a, b] = arr;
        r#yield!(a.len() as u32);
        let ref c = b;
        let c_len = c.len() as u32;
        let whole @ 1..=9 = r#yield!(c_len) else { return (b, 0) };
        let first = p.0;
        r#yield!(first.len() as u32);
        let second = p.1;
        let array = [whole, r#yield!(2)];
        let repeated = [r#yield!(3); 2];
        let tuple = (array[0], r#yield!(4));
        let index = v[r#yield!(5) as usize % v.len()];
        let range = (tuple.0..r#yield!(6)).count() as u32;
        let cast = r#yield!(7) as u64;
        let add_one = |x: u32| x + 1;
        #[allow(unused_parens)]
        let called = (add_one)(r#yield!(8));
        let max = std::cmp::max(index, r#yield!(9));
        let picked = [10u32, 20][r#yield!(10) as usize % 2];
        let total = array[1] + repeated[1] + tuple.1 + index + range + cast as u32 + called + max + picked;
        (format!("{b}{first}{second}"), total)
    }
}

#[test]
fn more_patterns_and_operand_positions() {
    let sends = [0, 5, 0, 4, 3, 6, 1, 9, 7, 2, 8, 1];
    let (a, p, v) = (
        ["ab".to_string(), "c".to_string()],
        Pair("def".into(), "g".into()),
        vec![5, 6, 7],
    );
    // (`check_send!` evaluates each argument once per side.)
    let (got, (text, _)) = check_send!(
        patterns_and_positions / patterns_and_positions_ref(a.clone(), p.clone(), v.clone()),
        sends
    );
    assert_eq!(got, [2, 1, 3, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert_eq!(text, "cdefg");
}
