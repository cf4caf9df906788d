//! The operands of each expression kind, in the order Rust evaluates them,
//! each marked as a value or a place: the one table the passes that follow
//! evaluation order read (hoisting, the lowering's "first operand", the
//! in-place search, the scope walk's generic kinds).
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
    /// A place the operation borrows, assigns or reads through (`v` in
    /// `v.push(x)`, `v[i]`, `&v`, the left side of `==` or `=`).
    Place,
}

/// The operands `expr` evaluates before itself, in evaluation order, with
/// how it uses each. Empty for the kinds outside the table (see the module
/// docs) and for leaves.
///
/// Two orders are Rust's own: an assignment evaluates its value before the
/// place it assigns; a compound assignment (`a += b`) evaluates the value
/// first for primitive operands and the place first otherwise, which the
/// syntax cannot tell apart: the place is listed first, and
/// [`first_operand_mut`] picks the value where the place has no effects.
pub(crate) fn operands_mut(expr: &mut Expr) -> Vec<(&mut Expr, Operand)> {
    use Operand::{Place, Value};
    let place_or_value = |e: &Expr| if is_place(e) { Place } else { Value };
    match expr {
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
        Expr::Binary(e) => {
            if matches!(e.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) {
                Vec::new()
            } else if is_comparison(&e.op) {
                // Comparisons borrow both sides.
                let left = place_or_value(&e.left);
                let right = place_or_value(&e.right);
                vec![(&mut *e.left, left), (&mut *e.right, right)]
            } else if is_compound_assign(&e.op) {
                // `place op= value`: the place is assigned, never moved.
                vec![(&mut *e.left, Place), (&mut *e.right, Value)]
            } else {
                vec![(&mut *e.left, Value), (&mut *e.right, Value)]
            }
        }
        Expr::Index(e) => vec![(&mut *e.expr, Place), (&mut *e.index, Value)],
        Expr::Range(e) => {
            let mut ops = Vec::new();
            if let Some(start) = &mut e.start {
                ops.push((&mut **start, Value));
            }
            if let Some(end) = &mut e.end {
                ops.push((&mut **end, Value));
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
        Expr::Cast(e) => vec![(&mut *e.expr, Value)],
        Expr::Repeat(e) => vec![(&mut *e.expr, Value)],
        Expr::Try(e) => vec![(&mut *e.expr, Value)],
        Expr::Await(e) => vec![(&mut *e.base, Value)],
        Expr::Unary(e) => vec![(&mut *e.expr, Value)],
        Expr::Return(e) => e.expr.iter_mut().map(|e| (&mut **e, Value)).collect(),
        Expr::Break(e) => e.expr.iter_mut().map(|e| (&mut **e, Value)).collect(),
        _ => Vec::new(),
    }
}

/// The operand `expr` evaluates first, when it is in the table: nothing
/// else of `expr` has run before it, so a yield there can be resumed by
/// entering `expr` again. For `place op= value` with a place that has no
/// effects, the value (evaluated first for the primitive operands it
/// nearly always has, and harmless to evaluate first otherwise).
pub(crate) fn first_operand_mut(expr: &mut Expr) -> Option<&mut Expr> {
    let value_first =
        matches!(expr, Expr::Binary(e) if is_compound_assign(&e.op) && is_place(&e.left));
    let mut operands = operands_mut(expr).into_iter();
    if value_first {
        operands.next();
    }
    operands.next().map(|(first, _)| first)
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
