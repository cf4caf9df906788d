//! The operands of each expression kind, in the order Rust evaluates them,
//! each marked as a value, an operator's operand or a place: the one table
//! the passes that follow evaluation order read (hoisting, the lowering's
//! "first operand" and whether it leads the expression's text, the in-place
//! search, and the scope walk, whose generic kinds take how each operand is
//! used from here).
//!
//! Only expressions that evaluate their operands first to last, then
//! themselves, are in the table: a branch, a loop, a block, `&&`/`||`, a
//! closure or an `async` block runs its parts conditionally, repeatedly or
//! later, and each pass handles those itself.

use syn::Expr;

use crate::syntax::{is_comparison, is_compound_assign};

/// How an operand is evaluated by the expression that holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Operand {
    /// A value, moved or copied into the operation: it can be evaluated
    /// early into a binding.
    Value,
    /// A value an operator reads (`n + 1`, `n as u64`, `-n`, `0..n`,
    /// `v[i]`'s index): a value like any other for evaluation order, and
    /// nearly always a `Copy` number, which the scope walk's move tracking
    /// takes into account (`Use::operator`).
    Operator,
    /// A place the operation borrows, assigns or reads through (`v` in
    /// `v.push(x)`, `v[i]`, `&v`, the left side of `==` or `=`).
    Place,
}

/// The operands `expr` evaluates before itself, in evaluation order, with
/// how it uses each; `None` for the kinds outside the table (see the
/// module docs) and for leaves.
///
/// Two orders are Rust's own: an assignment evaluates its value before the
/// place it assigns; a compound assignment (`a += b`) evaluates the value
/// first for primitive operands and the place first otherwise, which the
/// syntax cannot tell apart: the place is listed first, and
/// [`first_operand_mut`] picks the value where the place has no effects.
pub(crate) fn operands_mut(expr: &mut Expr) -> Option<Vec<(&mut Expr, Operand)>> {
    use Operand::{Operator, Place, Value};
    let place_or_value = |e: &Expr| if is_place(e) { Place } else { Value };
    let operands = match expr {
        Expr::Array(e) => e.elems.iter_mut().map(|e| (e, Value)).collect(),
        Expr::Tuple(e) => e.elems.iter_mut().map(|e| (e, Value)).collect(),
        Expr::Call(e) => {
            // A named function is not evaluated; a computed callee is, first.
            let mut ops = Vec::new();
            if !is_place(&e.func) {
                ops.push((&mut *e.func, Value));
            }
            ops.extend(e.args.iter_mut().map(|a| (a, Value)));
            ops
        }
        Expr::MethodCall(e) => {
            let receiver = place_or_value(&e.receiver);
            let mut ops = vec![(&mut *e.receiver, receiver)];
            ops.extend(e.args.iter_mut().map(|a| (a, Value)));
            ops
        }
        // Evaluated only on some paths: outside the table.
        Expr::Binary(e) if matches!(e.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => return None,
        Expr::Binary(e) => {
            if is_comparison(&e.op) {
                // Comparisons borrow both sides.
                let left = place_or_value(&e.left);
                let right = place_or_value(&e.right);
                vec![(&mut *e.left, left), (&mut *e.right, right)]
            } else if is_compound_assign(&e.op) {
                // `place op= value`: the place is assigned, never moved.
                vec![(&mut *e.left, Place), (&mut *e.right, Value)]
            } else {
                vec![(&mut *e.left, Operator), (&mut *e.right, Operator)]
            }
        }
        Expr::Index(e) => vec![(&mut *e.expr, Place), (&mut *e.index, Operator)],
        Expr::Range(e) => {
            let mut ops = Vec::new();
            if let Some(start) = &mut e.start {
                ops.push((&mut **start, Operator));
            }
            if let Some(end) = &mut e.end {
                ops.push((&mut **end, Operator));
            }
            ops
        }
        Expr::Struct(e) => {
            let mut ops: Vec<(&mut Expr, Operand)> =
                e.fields.iter_mut().map(|f| (&mut f.expr, Value)).collect();
            if let Some(rest) = &mut e.rest {
                ops.push((&mut **rest, Value));
            }
            ops
        }
        // `place = value`: the value is evaluated first.
        Expr::Assign(e) => vec![(&mut *e.right, Value), (&mut *e.left, Place)],
        // One operand each.
        Expr::Field(e) => {
            let base = place_or_value(&e.base);
            vec![(&mut *e.base, base)]
        }
        Expr::Reference(e) => {
            let inner = place_or_value(&e.expr);
            vec![(&mut *e.expr, inner)]
        }
        Expr::RawAddr(e) => vec![(&mut *e.expr, Place)],
        Expr::Let(e) => {
            let scrutinee = place_or_value(&e.expr);
            vec![(&mut *e.expr, scrutinee)]
        }
        Expr::Paren(e) => vec![(&mut *e.expr, Value)],
        Expr::Group(e) => vec![(&mut *e.expr, Value)],
        Expr::Cast(e) => vec![(&mut *e.expr, Operator)],
        // (The length is a constant: it cannot name a local or yield.)
        Expr::Repeat(e) => vec![(&mut *e.expr, Value)],
        Expr::Try(e) => vec![(&mut *e.expr, Value)],
        Expr::Await(e) => vec![(&mut *e.base, Value)],
        // `*p` reads through the place `p`; `-n` and `!b` are operators.
        Expr::Unary(e) => {
            let inner = if matches!(e.op, syn::UnOp::Deref(_)) {
                Place
            } else {
                Operator
            };
            vec![(&mut *e.expr, inner)]
        }
        Expr::Return(e) => e.expr.iter_mut().map(|e| (&mut **e, Value)).collect(),
        Expr::Break(e) => e.expr.iter_mut().map(|e| (&mut **e, Value)).collect(),
        _ => return None,
    };
    Some(operands)
}

/// The operand `expr` evaluates first, when it is in the table: nothing
/// else of `expr` has run before it, so a yield there can be resumed by
/// entering `expr` again. For `place op= value` with a place that has no
/// effects, the value (evaluated first for the primitive operands it
/// nearly always has, and harmless to evaluate first otherwise).
pub(crate) fn first_operand_mut(expr: &mut Expr) -> Option<&mut Expr> {
    let value_first =
        matches!(expr, Expr::Binary(e) if is_compound_assign(&e.op) && is_place(&e.left));
    let mut operands = operands_mut(expr)?.into_iter();
    if value_first {
        operands.next();
    }
    operands.next().map(|(first, _)| first)
}

/// Whether [`first_operand_mut`] starts the expression's text (`a` in
/// `a + b`, `f()` in `f()(x)`, `v` in `v.len()`): a block put there must
/// be parenthesised, or at the start of a statement `{ … } && b` parses
/// as a block statement followed by `&&b`. (Also `true` for an
/// assignment, whose first operand is its right side: conservative.)
pub(crate) fn first_operand_leads(expr: &Expr) -> bool {
    match expr {
        Expr::Call(call) => !is_place(&call.func),
        Expr::Binary(_)
        | Expr::MethodCall(_)
        | Expr::Field(_)
        | Expr::Index(_)
        | Expr::Cast(_)
        | Expr::Try(_)
        | Expr::Await(_)
        | Expr::Range(_)
        | Expr::Assign(_) => true,
        _ => false,
    }
}

/// A place expression without side effects: a local, a field of one, a
/// dereference of one.
pub(crate) fn is_place(expr: &Expr) -> bool {
    match expr {
        Expr::Path(_) => true,
        Expr::Field(f) => is_place(&f.base),
        Expr::Paren(p) => is_place(&p.expr),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => is_place(&u.expr),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{Operand, first_operand_mut, operands_mut};

    fn parse(src: &str) -> syn::Expr {
        syn::parse_str(src).unwrap_or_else(|e| panic!("{src}: {e}"))
    }

    /// The operands of `src`, printed, with their kinds; `None` outside
    /// the table.
    fn listed(src: &str) -> Option<Vec<(String, Operand)>> {
        let mut expr = parse(src);
        let operands = operands_mut(&mut expr)?;
        Some(
            operands
                .into_iter()
                .map(|(op, kind)| (quote::quote!(#op).to_string(), kind))
                .collect(),
        )
    }

    fn operands(src: &str) -> Vec<(String, Operand)> {
        listed(src).unwrap_or_else(|| panic!("{src} is not in the table"))
    }

    #[test]
    fn the_table_lists_the_kinds_that_evaluate_their_operands_in_order() {
        let listed_kinds = [
            "a + b",
            "a == b",
            "a += b",
            "[a]",
            "(a,)",
            "g()(a)",
            "v.m(a)",
            "v[i]",
            "a..b",
            "S { f: a }",
            "a = b",
            "p.f",
            "&a",
            "&raw const a",
            "(a)",
            "a as u8",
            "[a; 3]",
            "a?",
            "a.await",
            "-a",
            "*a",
            "return a",
            "break a",
        ];
        for src in listed_kinds {
            assert!(!operands(src).is_empty(), "{src}");
        }
        let unlisted = [
            "a && b",
            "a || b",
            "if a { b }",
            "{ a }",
            "loop { a }",
            "|x| a",
            "a",
        ];
        for src in unlisted {
            assert!(listed(src).is_none(), "{src}");
        }
        // In the table with nothing to evaluate.
        assert_eq!(operands("return"), []);
    }

    #[test]
    fn operands_come_in_evaluation_order_with_their_use() {
        use Operand::{Operator, Place, Value};
        let op = |s: &str, k| (s.to_string(), k);
        // An assignment evaluates its value first.
        assert_eq!(
            operands("p.f = g(x)"),
            [op("g (x)", Value), op("p . f", Place)]
        );
        // A compound assignment lists its place first.
        assert_eq!(operands("n += k"), [op("n", Place), op("k", Value)]);
        assert_eq!(operands("a * b"), [op("a", Operator), op("b", Operator)]);
        assert_eq!(operands("a < g()"), [op("a", Place), op("g ()", Value)]);
        assert_eq!(operands("v[i]"), [op("v", Place), op("i", Operator)]);
        assert_eq!(operands("*p"), [op("p", Place)]);
        assert_eq!(operands("!b"), [op("b", Operator)]);
        // A named callee is not evaluated; a computed one is, first.
        assert_eq!(operands("f(a)"), [op("a", Value)]);
        assert_eq!(operands("g()(a)"), [op("g ()", Value), op("a", Value)]);
        assert_eq!(operands("v.push(a)"), [op("v", Place), op("a", Value)]);
        // The length of `[x; N]` is a constant, not an operand.
        assert_eq!(operands("[x; N]"), [op("x", Value)]);
    }

    #[test]
    fn the_first_operand_of_a_compound_assignment_to_a_plain_place_is_its_value() {
        let mut expr = parse("n += g()");
        let first = first_operand_mut(&mut expr).map(|e| quote::quote!(#e).to_string());
        assert_eq!(first.as_deref(), Some("g ()"));
        let mut expr = parse("v[g()] += 1");
        let first = first_operand_mut(&mut expr).map(|e| quote::quote!(#e).to_string());
        assert_eq!(first.as_deref(), Some("v [g ()]"));
    }
}
