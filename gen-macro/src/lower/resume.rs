//! Lowering to resume arms.
//!
//! Each suspension point `P` gets one arm of the resume closure holding the
//! code that runs when the generator is resumed there: the *continuation*
//! of `P`. It is the body with everything before `P` cut away: the rest of
//! the statement around `P` (with the sent value in place of the yield), the
//! rest of each enclosing block, and each enclosing loop entered again.
//! Every other yield in it becomes "save the values in scope, return the
//! yielded value". The start arm is the whole body in that form.
//!
//! So the state graph is: one node per suspension point (a variant of the
//! state enum), edges = the yields reachable from its continuation. The code
//! between two yields stays ordinary structured Rust: locals that do not
//! cross a yield are plain locals, loops are loops, borrows between yields
//! work, and LLVM sees the same control flow as in a hand-written iterator.
//!
//! This module builds the arms and lowers the code around the point an arm
//! resumes at (resume mode); the code a segment passes through is lowered in
//! full mode (`lower::full`), and an arm that resumes in a loop may keep the
//! saved values in the state (`lower::inplace`).
//!
//! Desugaring of a loop re-entered from a yield inside it:
//!
//! ```text
//! Input:   'l: loop { A; r#yield!(x); B }      (resuming at the yield)
//! Output:  { { B } 'l: loop { A; save; return Yielded(x) } }
//! ```
//!
//! and when `B` may `break`/`continue` that loop, two labeled blocks that
//! those jumps leave instead:
//! `'exit: { 'next: { B' } 'l: loop { A; … } }`, where `B'` is `B` with
//! `break v` as `break 'exit v` and `continue` as `break 'next`. (A flag
//! tested in the loop would show the borrow checker a first pass through
//! `A; …` that never runs, on which bindings assigned in `B` look unset.)

use proc_macro2::Span;
use quote::{format_ident, quote};
use syn::{Block, Expr, Stmt};

use crate::analysis::slots::Analysis;
use crate::lower::control::{
    block_expr, block_of, block_stmt, breaks_out_of_loop, expr_stmt, is_unit, jumps_to_loop,
    label_is_targeted, let_stmt, loop_or_block, name_expr, paren, rebuild_local, retarget_jumps,
    stmt_always_leaves, stmts_of, strip_unused_labels,
};
use crate::lower::inplace::finish_deferred;
use crate::lower::{Lowerer, Segment};
use crate::marker::{self, PointKind, YieldPoint};
use crate::names::Names;
use crate::operands::{first_operand_leads, first_operand_mut};
use crate::syntax::cond_has_let;

impl Lowerer<'_> {
    /// The body as the start arm runs it. It enters a loop that ends with
    /// its yield by jumping to that yield's arm (`lower::entry`).
    pub(crate) fn start_body(&mut self, body: &Block) -> Segment {
        self.plan_entries(body);
        let (mut block, diverges) = self.full_block(body);
        self.entries.clear();
        self.jumped = false;
        self.allow_unused_mut(&mut block);
        strip_unused_labels(&mut block);
        Segment {
            code: quote!(#block),
            in_place: false,
            diverges,
            reads_arg: false,
            unreachable: false,
            enters: false,
        }
    }

    /// The continuation of suspension point `point`: the body block resumed
    /// there, with the saved values rebound scope by scope. `true` when the
    /// arm resumes in place (and so must bind the saved values by reference).
    pub(crate) fn resume_body(&mut self, body: &Block, point: usize) -> Segment {
        let renamed = self.prepare_in_place(body, point);
        let body = renamed.as_ref().unwrap_or(body);
        // A hand-off point's arm goes on into its `yield_from!` loop (the
        // point before it, see `desugar::scan`): it enters that loop by
        // jumping, as the start arm does, unless it holds saved values by
        // reference, which the jump's save would overwrite, or the start
        // arm does not save its values (the arm sits in the first match,
        // right after the start arm: rustc must know their types there).
        if self.points[point].kind == PointKind::Handoff
            && renamed.is_none()
            && self.start_reached.contains(&point)
        {
            self.plan_entries(body);
            self.entries.retain(|entry| entry.point + 1 == point);
        }
        let args = self.rebinds(point, 0);
        let (mut block, diverges) = self.resume_block(body, point, 1);
        self.allow_unused_mut(&mut block);
        strip_unused_labels(&mut block);
        let body = Stmt::Expr(
            Expr::Block(syn::ExprBlock {
                attrs: Vec::new(),
                label: None,
                block,
            }),
            None,
        );
        let mut arm = Block {
            brace_token: Default::default(),
            stmts: args.into_iter().chain([body]).collect(),
        };
        super::redeclare::prune_redeclared(&mut arm);
        let in_place = self.in_place.take().is_some();
        if in_place {
            finish_deferred(&mut arm, &self.names.state);
        }
        self.entries.clear();
        let enters = std::mem::take(&mut self.jumped);
        Segment {
            code: quote!(#arm),
            in_place,
            diverges,
            reads_arg: self.uses_arg(point),
            unreachable: false,
            enters,
        }
    }

    /// The points the arms lowered since the last call suspend at or jump
    /// to: the expansion follows them from the start to find the arms that
    /// can run (a yield after a `return` has none).
    pub(crate) fn take_reached(&self) -> Vec<usize> {
        std::mem::take(&mut *self.reached.borrow_mut())
    }

    /// A saved (or redeclared) `mut` binding may be mutated only in another
    /// segment; the lint would fire on the copy of its `let` in this one.
    fn allow_unused_mut(&self, block: &mut Block) {
        struct AllowMut<'a>(&'a Analysis);
        impl syn::visit_mut::VisitMut for AllowMut<'_> {
            fn visit_local_mut(&mut self, local: &mut syn::Local) {
                let saved_mut =
                    crate::syntax::pat_bindings(&local.pat)
                        .iter()
                        .any(|(ident, mutable, _)| {
                            *mutable
                                && self
                                    .0
                                    .facts
                                    .iter()
                                    .flat_map(|f| f.saves.iter().chain(&f.redeclared))
                                    .any(|&id| {
                                        let binding = &self.0.bindings[id];
                                        binding.mutable && binding.ident == *ident
                                    })
                        });
                if saved_mut {
                    local.attrs.push(syn::parse_quote!(#[allow(unused_mut)]));
                }
                syn::visit_mut::visit_local_mut(self, local);
            }
            fn visit_item_mut(&mut self, _: &mut syn::Item) {}
        }
        syn::visit_mut::VisitMut::visit_block_mut(&mut AllowMut(self.analysis), block);
    }

    /// `let [mut] x = __gen_slot_N;` for the saved bindings declared at
    /// `depth`, in declaration order (so they drop in reverse, as before).
    fn rebinds(&self, point: usize, depth: usize) -> Vec<Stmt> {
        let deferred = self.in_place.as_ref().is_some_and(|p| p.point == point);
        // Not saved, but given a value after the point: declared again.
        let redeclared = self.analysis.facts[point]
            .redeclared
            .iter()
            .filter(|&&id| self.analysis.bindings[id].depth == depth)
            .map(|&id| {
                let binding = &self.analysis.bindings[id];
                let ident = &binding.ident;
                let mutability = binding.mutable.then(|| quote!(mut));
                let mark = crate::names::LetMark::Redeclared.attr();
                let stmt: Stmt =
                    reparse!(#mark #[allow(unused_mut, unused_variables)] let #mutability #ident;);
                stmt
            });
        let saved = self.analysis.facts[point]
            .saves
            .iter()
            .filter(|&&id| self.analysis.bindings[id].depth == depth)
            .map(|&id| {
                let binding = &self.analysis.bindings[id];
                let ident = &binding.ident;
                let temp = Names::slot_temp(id);
                let mutability = binding.mutable.then(|| quote!(mut));
                if deferred {
                    // Resuming in place: the value stays in the state until
                    // it is evicted into this local.
                    let mark = crate::names::LetMark::Deferred.attr();
                    reparse!(#mark #[allow(unused_mut, unused_variables)] let #mutability #ident;)
                } else {
                    reparse!(#[allow(unused_mut, unused_variables)] let #mutability #ident = #temp;)
                }
            });
        // In declaration order, as the plain function declares them.
        let mut all: Vec<(usize, Stmt)> = self.analysis.facts[point]
            .saves
            .iter()
            .filter(|&&id| self.analysis.bindings[id].depth == depth)
            .copied()
            .zip(saved)
            .chain(
                self.analysis.facts[point]
                    .redeclared
                    .iter()
                    .filter(|&&id| self.analysis.bindings[id].depth == depth)
                    .copied()
                    .zip(redeclared),
            )
            .collect();
        all.sort_by_key(|(id, _)| *id);
        all.into_iter().map(|(_, stmt)| stmt).collect()
    }

    /// What the resumed `r#yield!` evaluates to; at a call point, what
    /// the callee returned.
    fn sent_value(&self, point: usize) -> Expr {
        let YieldPoint { span, kind, .. } = self.points[point];
        let arg = &self.names.arg;
        if kind == PointKind::Join {
            return reparse_spanned!(crate::spans::glue(span)=> ());
        }
        if self.points[point].raw_resume {
            return reparse_spanned!(crate::spans::glue(span)=> #arg);
        }
        if kind == PointKind::Handoff {
            let span = crate::spans::glue(span);
            return reparse_spanned!(span=> #arg.expect_handed());
        }
        if kind == PointKind::Call {
            let span = crate::spans::glue(span);
            return if self.throw_declared {
                reparse_spanned!(span=> #arg.into_returned_ok())
            } else {
                reparse_spanned!(span=> #arg.into_returned())
            };
        }
        if self.throw_declared {
            // At the user's span: an ignored `Result` (a thrown error
            // dropped on the floor) warns at the `r#yield!`.
            return reparse_spanned!(span=> #arg.into_result());
        }
        let span = crate::spans::glue(span);
        if self.send_is_unit {
            reparse_spanned!(span=> ())
        } else {
            reparse_spanned!(span=> #arg.into_sent())
        }
    }

    /// Does the code resumed at `point` read the resume argument?
    pub(super) fn uses_arg(&self, point: usize) -> bool {
        if self.points[point].raw_resume {
            return true;
        }
        match self.points[point].kind {
            PointKind::Join => false,
            PointKind::Yield => self.throw_declared || !self.send_is_unit,
            PointKind::Call | PointKind::Handoff => true,
        }
    }
    // ---- resume mode: the segment starts at `point` inside this code ------

    fn resume_block(&mut self, block: &Block, point: usize, depth: usize) -> (Block, bool) {
        let mut stmts = self.rebinds(point, depth);
        let Some(at) = block
            .stmts
            .iter()
            .position(|s| marker::contains(s, Some(point)))
        else {
            // invariant: callers only pass blocks that contain the point.
            return (block.clone(), false);
        };
        let mut diverges = self.resume_stmt(&block.stmts[at], point, depth, &mut stmts);
        if !diverges {
            let (rest, rest_div) = self.full_stmts(&block.stmts[at + 1..]);
            stmts.extend(rest);
            diverges = rest_div;
        }
        crate::lower::full::drop_unused_late_lets(&mut stmts);
        (
            Block {
                brace_token: crate::spans::glue_braces(block.brace_token),
                stmts,
            },
            diverges,
        )
    }

    fn resume_stmt(
        &mut self,
        stmt: &Stmt,
        point: usize,
        depth: usize,
        out: &mut Vec<Stmt>,
    ) -> bool {
        match stmt {
            Stmt::Local(local) => {
                let Some(init) = &local.init else {
                    return false;
                };
                if marker::contains(&*init.expr, Some(point)) {
                    let (expr, diverges) = self.resume_expr(&init.expr, point, depth);
                    let else_branch = init
                        .diverge
                        .as_ref()
                        // (Not lowered when the initialiser always leaves:
                        // it would be dropped, with the points it reaches.)
                        .filter(|_| !diverges)
                        .map(|(token, block)| (*token, self.full_branch(block)));
                    out.push(rebuild_local(local, expr, else_branch, diverges));
                    diverges
                } else if let Some((_, else_block)) = &init.diverge {
                    // Resumed inside `let … else { … }`: the else block runs
                    // to its end, which diverges, so nothing after it runs.
                    let (resumed, _) = self.resume_expr(else_block, point, depth);
                    out.push(Stmt::Expr(resumed, Some(Default::default())));
                    true
                } else {
                    false
                }
            }
            Stmt::Expr(expr, semi) => {
                let (resumed, diverges) = self.resume_expr(expr, point, depth);
                // A resumed `r#yield!(…)` with nothing to receive is `()`:
                // as a statement or a block's tail it can go.
                let stmt = Stmt::Expr(resumed, *semi);
                let leaves = diverges || stmt_always_leaves(&stmt);
                if !matches!(&stmt, Stmt::Expr(e, _) if is_unit(e)) {
                    out.push(stmt);
                }
                leaves
            }
            Stmt::Item(_) | Stmt::Macro(_) => false,
        }
    }

    /// The expression resumed at `point` inside it, and whether it then
    /// always leaves (suspends, breaks, returns), so that what follows it in
    /// its block is dead in this segment.
    #[allow(clippy::too_many_lines)] // one arm per expression kind
    fn resume_expr(&mut self, expr: &Expr, point: usize, depth: usize) -> (Expr, bool) {
        if marker::index_of(expr) == Some(point) {
            return (self.sent_value(point), false);
        }
        let mut expr = expr.clone();
        match &mut expr {
            Expr::Block(e) => {
                let (block, diverges) = self.resume_block(&e.block, point, depth + 1);
                e.block = block;
                let diverges = diverges && !label_is_targeted(e.label.as_ref(), &e.block);
                (expr, diverges)
            }
            Expr::Unsafe(e) => {
                let (block, diverges) = self.resume_block(&e.block, point, depth + 1);
                e.block = block;
                (expr, diverges)
            }
            Expr::If(e) => {
                if marker::contains(&*e.cond, Some(point)) {
                    let has_let = cond_has_let(&e.cond);
                    let cond_depth = if has_let { depth + 1 } else { depth };
                    let (cond, cond_div) = self.resume_expr(&e.cond, point, cond_depth);
                    // A let chain suspended after one of its `let`s
                    // (`if let Some(x) = a && r#yield!(x) { … }`): the rest
                    // of the chain and the `then` branch see what those
                    // `let`s bound, the `else` branch does not.
                    let rebinds = if has_let {
                        self.rebinds(point, cond_depth)
                    } else {
                        Vec::new()
                    };
                    if cond_div {
                        if rebinds.is_empty() {
                            return (cond, true);
                        }
                        let mut stmts = rebinds;
                        stmts.push(expr_stmt(cond));
                        return (block_of(None, stmts), true);
                    }
                    *e.cond = cond;
                    let (then_branch, then_div) = self.full_block(&e.then_branch);
                    e.then_branch = then_branch;
                    let else_div = match &mut e.else_branch {
                        Some((_, else_branch)) => {
                            let (lowered, diverges) = self.full_branch_div(else_branch);
                            **else_branch = lowered;
                            diverges
                        }
                        None => false,
                    };
                    let diverges = then_div && else_div;
                    if !rebinds.is_empty() {
                        return (chain_with_rebinds(rebinds, e), diverges);
                    }
                    return (expr, diverges);
                }
                if marker::contains(&e.then_branch, Some(point)) {
                    if cond_has_let(&e.cond) {
                        let rebinds = self.rebinds(point, depth + 1);
                        let (then_branch, diverges) =
                            self.resume_block(&e.then_branch, point, depth + 2);
                        let mut stmts = rebinds;
                        stmts.push(block_stmt(then_branch));
                        return (block_of(None, stmts), diverges);
                    }
                    let (then_branch, diverges) =
                        self.resume_block(&e.then_branch, point, depth + 1);
                    return (Expr::Block(block_expr(then_branch)), diverges);
                }
                match &e.else_branch {
                    Some((_, else_branch)) => self.resume_expr(else_branch, point, depth),
                    None => (expr, false),
                }
            }
            Expr::Match(e) => {
                if marker::contains(&*e.expr, Some(point)) {
                    let (scrutinee, scrutinee_div) = self.resume_expr(&e.expr, point, depth);
                    if scrutinee_div {
                        return (scrutinee, true);
                    }
                    *e.expr = scrutinee;
                    let mut all_diverge = !e.arms.is_empty();
                    for arm in &mut e.arms {
                        let (body, diverges) = self.full_branch_div(&arm.body);
                        *arm.body = body;
                        all_diverge &= diverges;
                    }
                    return (expr, all_diverge);
                }
                let Some(arm) = e
                    .arms
                    .iter()
                    .find(|arm| marker::contains(*arm, Some(point)))
                else {
                    return (expr, false);
                };
                if matches!(&arm.pat, syn::Pat::Guard(g) if marker::contains(&*g.guard, Some(point)))
                {
                    return (expr, false); // reported by the full lowering
                }
                let rebinds = self.rebinds(point, depth + 1);
                let (body, diverges) = self.resume_expr(&arm.body, point, depth + 1);
                let mut stmts = rebinds;
                if !is_unit(&body) {
                    stmts.push(expr_stmt(body));
                }
                (block_of(None, stmts), diverges)
            }
            Expr::Loop(e) => {
                let entering_region = self.in_place.as_ref().is_some_and(|p| !p.in_region);
                if !entering_region {
                    return self.resume_loop(e, point, depth);
                }
                if let Some(in_place) = &mut self.in_place {
                    in_place.in_region = true;
                }
                let (mut region, diverges) = self.resume_loop(e, point, depth);
                self.evict_before_returns(&mut region);
                if let Some(in_place) = &mut self.in_place {
                    in_place.in_region = false;
                }
                if diverges {
                    return (region, true);
                }
                let evict = self.evict();
                let value = format_ident!("__gen_loop_value", span = Span::mixed_site());
                let mut stmts = vec![let_stmt(value.clone(), region)];
                stmts.extend(stmts_of(evict));
                stmts.push(expr_stmt(name_expr(value)));
                (block_of(None, stmts), false)
            }
            Expr::Binary(e) if matches!(e.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
                if marker::contains(&*e.left, Some(point)) {
                    let (left, left_div) = self.resume_expr(&e.left, point, depth);
                    if left_div {
                        return (left, true);
                    }
                    *e.left = leading_operand(left);
                    *e.right = self.full_branch(&e.right);
                    (expr, false)
                } else {
                    let (right, diverges) = self.resume_expr(&e.right, point, depth);
                    (paren(right), diverges)
                }
            }
            _ => {
                let mut diverges = false;
                // (The operand that starts the expression's text.)
                let leads = first_operand_leads(&expr);
                if let Some(first) = first_operand_mut(&mut expr)
                    && marker::contains(&*first, Some(point))
                {
                    let (resumed, first_div) = self.resume_expr(first, point, depth);
                    if first_div {
                        // Nothing after the first operand runs.
                        return (resumed, true);
                    }
                    *first = if leads {
                        leading_operand(resumed)
                    } else {
                        resumed
                    };
                }
                // `return r#yield!(x)` resumed: it leaves with the sent
                // value, so what surrounds it (`… % 1000`) is dead, and
                // typing it with the `!` of `return` would fail.
                if matches!(expr, Expr::Return(_) | Expr::Break(_) | Expr::Continue(_)) {
                    diverges = true;
                }
                (expr, diverges)
            }
        }
    }

    /// `'l: loop { … }` resumed inside its body: the rest of this iteration,
    /// then the loop again (see the module docs).
    fn resume_loop(&mut self, e: &syn::ExprLoop, point: usize, depth: usize) -> (Expr, bool) {
        let (cont, cont_div) = self.resume_block(&e.body, point, depth + 1);
        let label = &e.label;
        let label_name = label.as_ref().map(|l| &l.name);
        // The loop again, in full, only where it is entered again: code
        // lowered and then dropped would still count the points it reaches
        // (`Lowerer::reached`), which order the arms.
        if jumps_to_loop(&cont, label_name) {
            // The rest of the iteration runs once, in a block before the
            // loop; its `break`s leave a block around both and its
            // `continue`s leave its own block, into the loop. The borrow
            // checker then sees the paths the plain function has: the rest
            // of the iteration runs once, so what it moves is moved once,
            // and the loop is entered only after it, with what it assigned.
            let n = self.next_label;
            self.next_label += 1;
            let exit = syn::Lifetime::new(&format!("'__gen_exit_{n}"), Span::mixed_site());
            let next = syn::Lifetime::new(&format!("'__gen_next_{n}"), Span::mixed_site());
            let mut cont = cont;
            let jumps = retarget_jumps(&mut cont, label_name, &exit, &next);
            let cont = block_stmt(cont);
            let (rest, diverges) = if cont_div && !jumps.continues {
                (vec![cont], !jumps.breaks)
            } else {
                let (full, _) = self.full_block(&e.body);
                let loop_diverges = !breaks_out_of_loop(&full, label_name);
                let cont = if jumps.continues {
                    expr_stmt(block_of(Some(next), vec![cont]))
                } else {
                    cont
                };
                let again = expr_stmt(Expr::Loop(syn::ExprLoop {
                    attrs: Vec::new(),
                    label: label.clone(),
                    loop_token: Default::default(),
                    body: full,
                }));
                (vec![cont, again], loop_diverges && !jumps.breaks)
            };
            let expr = block_of(jumps.breaks.then_some(exit), rest);
            (expr, diverges)
        } else if cont_div {
            // The rest of the iteration always leaves: the loop is not entered again.
            (Expr::Block(block_expr(cont)), true)
        } else {
            let (full, full_diverges) = self.full_block(&e.body);
            let loop_diverges = !breaks_out_of_loop(&full, label_name);
            (
                {
                    let again = loop_or_block(label.as_ref(), full, full_diverges);
                    block_of(None, vec![block_stmt(cont), expr_stmt(again)])
                },
                loop_diverges,
            )
        }
    }
}

/// A resumed first operand that became a block (`{ let h = …; h > sent }`)
/// goes in parentheses: at the start of a statement, `{ … } && b` would
/// parse as a block statement followed by `&&b`.
fn leading_operand(expr: Expr) -> Expr {
    let block_like = matches!(
        expr,
        Expr::Block(_)
            | Expr::If(_)
            | Expr::Match(_)
            | Expr::Loop(_)
            | Expr::While(_)
            | Expr::ForLoop(_)
            | Expr::Unsafe(_)
            | Expr::Const(_)
    );
    if !block_like {
        return expr;
    }
    Expr::Paren(syn::ExprParen {
        attrs: Vec::new(),
        paren_token: Default::default(),
        expr: Box::new(expr),
    })
}

/// A let chain resumed after one of its `let`s, whose bindings `rebinds`
/// declares again: `{ rebinds; if rest { then } }`. With an `else`, the
/// `else` branch runs after those bindings' scope has ended (as in edition
/// 2024, where a failed chain drops them before `else`, and so that a name
/// the `else` branch reads is not the chain's):
/// `'chain: { { rebinds; if rest { break 'chain then; } } else }`, or,
/// when `then` holds an unlabeled `break`/`continue`,
/// `let taken = { rebinds; if rest { Ok(then) } else { Err(()) } };
/// match taken { Ok(value) => value, Err(()) => else }`.
fn chain_with_rebinds(rebinds: Vec<Stmt>, e: &syn::ExprIf) -> Expr {
    let mut stmts = rebinds;
    let Some((_, else_branch)) = &e.else_branch else {
        stmts.push(expr_stmt(Expr::If(e.clone())));
        return block_of(None, stmts);
    };
    let syn::ExprIf {
        if_token,
        cond,
        then_branch,
        ..
    } = e;
    if !jumps_to_loop(then_branch, None) {
        // `'chain: { { rebinds; if rest { break 'chain then } } else }`:
        // `then` and `else` stay on separate paths, as in the `if`. (Not
        // with an unlabeled `break`/`continue` in `then`, which a labeled
        // block around it would reject, E0695.)
        let label = Names::chain_label();
        stmts.push(expr_stmt(reparse!(
            #if_token #cond {
                break #label #then_branch;
            }
        )));
        let taken = block_of(None, stmts);
        return reparse!(#label: {
            // `break 'chain then` is unreachable when `then` always leaves.
            #[allow(unreachable_code)]
            #taken
            #else_branch
        });
    }
    // Otherwise `then` runs before the `else` decision is taken, so a value
    // it moves counts as maybe moved in `else` (E0382 where `else` uses it).
    stmts.push(expr_stmt(reparse!(
        #if_token #cond {
            ::core::result::Result::Ok(#then_branch)
        } else {
            ::core::result::Result::Err(())
        }
    )));
    let taken = block_of(None, stmts);
    let (outcome, value) = (Names::chain_outcome(), Names::chain_value());
    block_of(
        None,
        stmts_of(quote! {
            // `Ok(then)` is unreachable when `then` always leaves.
            #[allow(unreachable_code)]
            let #outcome = #taken;
            match #outcome {
                ::core::result::Result::Ok(#value) => #value,
                ::core::result::Result::Err(()) => #else_branch,
            }
        }),
    )
}
