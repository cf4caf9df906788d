//! Full mode of the lowering: code a segment passes through from its start
//! (the whole body in the start arm, the rest of each block after the
//! resumed statement in a resume arm). Every yield in it becomes "save the
//! values in scope, return the yielded value"; the statements after a
//! statement that always suspends are dead in that segment and are dropped.
//!
//! Only the operand an expression evaluates first may hold a yield, because
//! nothing else has run before it; a yield elsewhere is reported.

use proc_macro2::TokenStream;
use syn::spanned::Spanned;
use syn::{Block, Expr, Stmt};

use crate::lower::Lowerer;
use crate::lower::control::{
    block_expr, breaks_out_of_loop, expr_always_leaves, label_is_targeted, loop_or_block,
    marker_span, rebuild_local, stmt_always_leaves,
};
use crate::marker;
use crate::operands::first_operand_mut;
use crate::syntax::is_compound_assign;

/// An expression lowered for one segment.
enum Lowered {
    /// The expression, and whether it always suspends (so the statements
    /// after it are dead in this segment and are dropped).
    Expr(Expr, bool),
    /// The expression reaches yield `N` (or a loop entered by jumping to
    /// the arm of its tail yield) before anything else happens: the whole
    /// enclosing statement becomes "save and return" (or "save and jump").
    Suspend(Leave),
}

#[derive(Clone, Copy)]
enum Leave {
    Yield(usize),
    /// See `lower::entry`.
    EnterLoop(usize),
}

impl Lowerer<'_> {
    fn not_supported(&mut self, expr: &Expr) {
        let span = marker_span(expr, self.points).unwrap_or_else(|| expr.span());
        self.cx.error(
            span,
            "`r#yield!` in this position is not supported yet: bind it first with `let value = r#yield!(…);` and use `value` here",
        );
    }

    pub(super) fn full_block(&mut self, block: &Block) -> (Block, bool) {
        let (stmts, diverges) = self.full_stmts(&block.stmts);
        (
            Block {
                brace_token: crate::spans::glue_braces(block.brace_token),
                stmts,
            },
            diverges,
        )
    }

    pub(super) fn full_stmts(&mut self, stmts: &[Stmt]) -> (Vec<Stmt>, bool) {
        let mut out = Vec::with_capacity(stmts.len());
        for stmt in stmts {
            let diverges = self.full_stmt(stmt, &mut out);
            if diverges {
                drop_unused_late_lets(&mut out);
                return (out, true);
            }
        }
        drop_unused_late_lets(&mut out);
        (out, false)
    }

    /// Pushes the lowered statement; `true` when it always suspends.
    fn full_stmt(&mut self, stmt: &Stmt, out: &mut Vec<Stmt>) -> bool {
        if !marker::contains(stmt, None) {
            out.push(stmt.clone());
            return stmt_always_leaves(stmt);
        }
        match stmt {
            Stmt::Local(local) => {
                let Some(init) = &local.init else {
                    out.push(stmt.clone());
                    return false;
                };
                match self.full_expr(&init.expr) {
                    Lowered::Suspend(leave) => self.push_suspend(leave, out),
                    Lowered::Expr(expr, diverges) => {
                        let else_branch = init
                            .diverge
                            .as_ref()
                            // (Not lowered when the initialiser always leaves:
                            // it would be dropped, with the points it reaches.)
                            .filter(|_| !diverges)
                            .map(|(token, block)| (*token, self.full_branch(block)));
                        out.push(rebuild_local(local, expr, else_branch, diverges));
                        diverges
                    }
                }
            }
            Stmt::Expr(expr, semi) => match self.full_expr(expr) {
                Lowered::Suspend(leave) => self.push_suspend(leave, out),
                Lowered::Expr(expr, diverges) => {
                    let stmt = Stmt::Expr(expr, *semi);
                    let leaves = diverges || stmt_always_leaves(&stmt);
                    out.push(stmt);
                    leaves
                }
            },
            Stmt::Item(_) | Stmt::Macro(_) => {
                out.push(stmt.clone());
                false
            }
        }
    }

    /// The statement that reaches yield `index` first becomes "save and
    /// return"; nothing after it runs in this segment.
    fn push_suspend(&mut self, leave: Leave, out: &mut Vec<Stmt>) -> bool {
        out.push(Stmt::Expr(Expr::Block(block_expr(self.leave(leave))), None));
        true
    }

    fn leave(&self, leave: Leave) -> Block {
        match leave {
            Leave::Yield(index) => self.suspend(index),
            Leave::EnterLoop(index) => self.enter_loop(index),
        }
    }

    /// A conditionally executed child (a branch, an arm body): a yield there
    /// suspends inside the branch.
    pub(super) fn full_branch(&mut self, expr: &Expr) -> Expr {
        self.full_branch_div(expr).0
    }

    pub(super) fn full_branch_div(&mut self, expr: &Expr) -> (Expr, bool) {
        match self.full_expr(expr) {
            Lowered::Suspend(leave) => (Expr::Block(block_expr(self.leave(leave))), true),
            Lowered::Expr(expr, diverges) => (expr, diverges),
        }
    }

    #[allow(clippy::too_many_lines)] // one arm per expression kind
    fn full_expr(&mut self, expr: &Expr) -> Lowered {
        if !marker::contains(expr, None) {
            return Lowered::Expr(expr.clone(), expr_always_leaves(expr));
        }
        if let Some(index) = marker::index_of(expr) {
            return Lowered::Suspend(Leave::Yield(index));
        }
        let mut expr = expr.clone();
        let diverges = match &mut expr {
            Expr::Block(e) => {
                let (block, diverges) = self.full_block(&e.block);
                e.block = block;
                diverges && !label_is_targeted(e.label.as_ref(), &e.block)
            }
            Expr::Unsafe(e) => {
                let (block, diverges) = self.full_block(&e.block);
                e.block = block;
                diverges
            }
            Expr::If(e) => {
                if let Some(first) = self.full_operand(&mut e.cond) {
                    return first;
                }
                let (then_branch, then_div) = self.full_block(&e.then_branch);
                e.then_branch = then_branch;
                let else_div = match &mut e.else_branch {
                    Some((_, else_branch)) => match self.full_expr(else_branch) {
                        Lowered::Suspend(leave) => {
                            **else_branch = Expr::Block(block_expr(self.leave(leave)));
                            true
                        }
                        Lowered::Expr(lowered, diverges) => {
                            **else_branch = lowered;
                            diverges
                        }
                    },
                    None => false,
                };
                then_div && else_div
            }
            Expr::Match(e) => {
                if let Some(first) = self.full_operand(&mut e.expr) {
                    return first;
                }
                let mut all_diverge = !e.arms.is_empty();
                for arm in &mut e.arms {
                    if let syn::Pat::Guard(guarded) = &arm.pat
                        && marker::contains(&*guarded.guard, None)
                    {
                        self.not_supported(&guarded.guard);
                    }
                    match self.full_expr(&arm.body) {
                        Lowered::Suspend(leave) => {
                            *arm.body = Expr::Block(block_expr(self.leave(leave)))
                        }
                        Lowered::Expr(lowered, diverges) => {
                            *arm.body = lowered;
                            all_diverge &= diverges;
                        }
                    }
                }
                all_diverge
            }
            Expr::Loop(e) => {
                if let Some(target) = self.entry_of(e) {
                    return Lowered::Suspend(Leave::EnterLoop(target));
                }
                let (body, body_diverges) = self.full_block(&e.body);
                let label_name = e.label.as_ref().map(|l| &l.name);
                let diverges = !breaks_out_of_loop(&body, label_name);
                return Lowered::Expr(
                    loop_or_block(e.label.as_ref(), body, body_diverges),
                    diverges,
                );
            }
            Expr::Binary(e) if matches!(e.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
                if let Some(first) = self.full_operand(&mut e.left) {
                    return first;
                }
                *e.right = self.full_branch(&e.right);
                false
            }
            // A yield left in an assigned place (see `desugar::hoist`).
            Expr::Assign(syn::ExprAssign { left, .. }) if marker::contains(&**left, None) => {
                let left = (**left).clone();
                self.not_supported(&left);
                false
            }
            Expr::Binary(b) if is_compound_assign(&b.op) && marker::contains(&*b.left, None) => {
                let span = marker_span(&b.left, self.points).unwrap_or_else(|| b.left.span());
                let op = quote::ToTokens::to_token_stream(&b.op);
                self.cx.error(
                    span,
                    format!("`r#yield!` in the place of `{op}` whose value is computed: Rust evaluates that value before the place for primitive operands and after it otherwise, and the macro cannot tell which applies here\nhelp: bind the yield's value first (`let i = r#yield!(…);`), or the value (`let x = …;`)"),
                );
                false
            }
            _ => {
                // Evaluate-in-order expressions: only the first operand may
                // hold a yield, because nothing else has run before it.
                let Some(first) = first_operand_mut(&mut expr) else {
                    self.not_supported(&expr);
                    return Lowered::Expr(expr, false);
                };
                let first_has = marker::contains(&*first, None);
                let result = if first_has {
                    match self.full_expr(first) {
                        Lowered::Suspend(leave) => Some(Lowered::Suspend(leave)),
                        // Nothing after the first operand runs.
                        Lowered::Expr(lowered, true) => return Lowered::Expr(lowered, true),
                        Lowered::Expr(lowered, false) => {
                            *first = lowered;
                            Some(Lowered::Expr(Expr::Verbatim(TokenStream::new()), false))
                        }
                    }
                } else {
                    None
                };
                if self.rest_has_marker(&expr) {
                    self.not_supported(&expr);
                }
                match result {
                    Some(Lowered::Suspend(leave)) => return Lowered::Suspend(leave),
                    // `return f(r#yield!(x))` leaves once its operand is
                    // evaluated: what surrounds it is dead, and typing it
                    // with the `!` of `return` would fail (`(match … {
                    // 0 => r#yield!(1), _ => return f(r#yield!(2)) }) ^ k`).
                    Some(Lowered::Expr(..)) | None
                        if matches!(expr, Expr::Return(_) | Expr::Break(_) | Expr::Continue(_)) =>
                    {
                        true
                    }
                    Some(Lowered::Expr(_, diverges)) => diverges,
                    None => false,
                }
            }
        };
        Lowered::Expr(expr, diverges)
    }

    /// Lowers a leading operand in place; `Some` with what replaces the
    /// whole expression when the operand suspends or always leaves (nothing
    /// after it runs).
    fn full_operand(&mut self, operand: &mut Expr) -> Option<Lowered> {
        match self.full_expr(operand) {
            Lowered::Suspend(leave) => Some(Lowered::Suspend(leave)),
            Lowered::Expr(lowered, true) => Some(Lowered::Expr(lowered, true)),
            Lowered::Expr(lowered, false) => {
                *operand = lowered;
                None
            }
        }
    }

    /// Does an evaluate-in-order expression hold a marker outside its first
    /// operand?
    fn rest_has_marker(&self, expr: &Expr) -> bool {
        let mut expr = expr.clone();
        if let Some(first) = first_operand_mut(&mut expr) {
            *first = Expr::Verbatim(TokenStream::new());
        }
        marker::contains(&expr, None)
    }
}

/// Removes `let x;` when the rest of the lowered block never names `x`:
/// the segment suspends before `x` gets a value (`let last; last =
/// r#yield!(1);` leaves at the yield), so the declaration does nothing
/// there, and with no value and no use rustc could not infer its type.
pub(super) fn drop_unused_late_lets(stmts: &mut Vec<Stmt>) {
    let mut index = 0;
    while index < stmts.len() {
        let unused = match &stmts[index] {
            Stmt::Local(local) if local.init.is_none() => match &local.pat {
                syn::Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => {
                    let name = p.ident.to_string();
                    !stmts[index + 1..]
                        .iter()
                        .any(|stmt| crate::syntax::stmt_mentions(stmt, &name))
                }
                _ => false,
            },
            _ => false,
        };
        if unused {
            stmts.remove(index);
        } else {
            index += 1;
        }
    }
}
