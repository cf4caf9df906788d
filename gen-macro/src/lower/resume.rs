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
//! Desugaring of a loop re-entered from a yield inside it:
//!
//! ```text
//! Input:   'l: loop { A; r#yield!(x); B }      (resuming at the yield)
//! Output:  { { B } 'l: loop { A; save; return Yielded(x) } }
//! ```
//!
//! and when `B` may `break`/`continue` that loop, a first-iteration flag:
//! `{ let mut first = true; 'l: loop { if first { first = false; B } else { A; …; } } }`.

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Block, Expr, Ident, Stmt};

use crate::analysis::scope::{Analysis, BindingId, if_has_let};
use crate::error::Diagnostics;
use crate::lower::inplace;
use crate::marker::{self, YieldPoint};

pub(crate) struct Lowerer<'a> {
    pub(crate) analysis: &'a Analysis,
    pub(crate) points: &'a [YieldPoint],
    pub(crate) cx: &'a mut Diagnostics,
    pub(crate) names: &'a Names,
    pub(crate) yield_ty: &'a syn::Type,
    pub(crate) send_is_unit: bool,
    pub(crate) next_flag: usize,
    /// Set while lowering the continuation of a point that resumes in place.
    pub(crate) in_place: Option<InPlace>,
}

/// The continuation being lowered resumes in place (see `lower::inplace`).
pub(crate) struct InPlace {
    point: usize,
    /// Inside the loop whose code reads the saved values through references.
    in_region: bool,
    /// Yield operands inside that loop, rewritten to use the references.
    operands: HashMap<usize, Expr>,
}

/// Identifiers of the generated glue, shared by lowering and codegen.
pub(crate) struct Names {
    pub(crate) rt: syn::Path,
    pub(crate) state: Ident,
    pub(crate) arg: Ident,
    pub(crate) state_enum: Ident,
}

impl Names {
    pub(crate) fn variant(index: usize) -> Ident {
        format_ident!("__Yield{}", index)
    }
    pub(crate) fn slot_temp(id: BindingId) -> Ident {
        format_ident!("__gen_slot_{}", id, span = Span::mixed_site())
    }
}

/// The code of one resume arm.
pub(crate) struct Segment {
    pub(crate) code: TokenStream,
    /// The arm binds the saved values by reference (see `lower::inplace`).
    pub(crate) in_place: bool,
    /// The code never reaches its end (it always suspends or returns), so
    /// the arm must not wrap it as the generator's return value.
    pub(crate) diverges: bool,
}

/// An expression lowered for one segment.
enum Lowered {
    /// The expression, and whether it always suspends (so the statements
    /// after it are dead in this segment and are dropped).
    Expr(Expr, bool),
    /// The expression reaches yield `N` before anything else happens: the
    /// whole enclosing statement becomes "save and return".
    Suspend(usize),
}

impl Lowerer<'_> {
    /// The body as the start arm runs it.
    pub(crate) fn start_body(&mut self, body: &Block) -> Segment {
        let (mut block, diverges) = self.full_block(body);
        self.allow_unused_mut(&mut block);
        strip_unused_labels(&mut block);
        Segment {
            code: quote!(#block),
            in_place: false,
            diverges,
        }
    }

    /// The continuation of suspension point `point`: the body block resumed
    /// there, with the saved values rebound scope by scope. `true` when the
    /// arm resumes in place (and so must bind the saved values by reference).
    pub(crate) fn resume_body(&mut self, body: &Block, point: usize) -> Segment {
        let renamed = self.prepare_in_place(body, point);
        let body = renamed.as_ref().unwrap_or(body);
        let args = self.rebinds(point, 0);
        let (mut block, diverges) = self.resume_block(body, point, 1);
        self.allow_unused_mut(&mut block);
        strip_unused_labels(&mut block);
        let in_place = self.in_place.take().is_some();
        let mut code = quote!({ #(#args)* #block });
        if in_place {
            code = finish_deferred(code, &self.names.state);
        }
        Segment {
            code,
            in_place,
            diverges,
        }
    }

    /// When `point` can resume in place, the body with the loop around it
    /// rewritten to use the saved values through references.
    fn prepare_in_place(&mut self, body: &Block, point: usize) -> Option<Block> {
        if !self.analysis.in_place[point] {
            return None;
        }
        let slots = &self.analysis.slots[point];
        let names: Vec<String> = slots
            .iter()
            .map(|&id| self.analysis.bindings[id].ident.to_string())
            .collect();
        let refs: HashMap<String, Ident> = slots
            .iter()
            .map(|&id| {
                (
                    self.analysis.bindings[id].ident.to_string(),
                    inplace::ref_name(id),
                )
            })
            .collect();
        let mut body = body.clone();
        let region = inplace::outer_loop_mut(&mut body, point)?;
        let inside = inplace::markers_in(region);
        let operands: Vec<&Expr> = inside
            .iter()
            .filter_map(|&i| self.points.get(i).map(|p| &p.operand))
            .collect();
        if !inplace::region_allows(region, &operands, &names) {
            return None;
        }
        inplace::rename_region(region, &refs);
        let operands = inside
            .iter()
            .filter_map(|&i| {
                let mut operand = self.points.get(i)?.operand.clone();
                inplace::rename_expr(&mut operand, &refs);
                Some((i, operand))
            })
            .collect();
        self.in_place = Some(InPlace {
            point,
            in_region: false,
            operands,
        });
        Some(body)
    }

    fn operand(&self, index: usize) -> &Expr {
        let renamed = self
            .in_place
            .as_ref()
            .filter(|p| p.in_region)
            .and_then(|p| p.operands.get(&index));
        renamed.unwrap_or(&self.points[index].operand)
    }

    /// Moves the values saved at the in-place point out of the state into
    /// the locals declared for them; the state becomes `__Done`.
    fn evict(&self) -> TokenStream {
        let Some(in_place) = &self.in_place else {
            return TokenStream::new();
        };
        let names = self.names;
        let (rt, state, state_enum) = (&names.rt, &names.state, &names.state_enum);
        let variant = Names::variant(in_place.point);
        let slots = &self.analysis.slots[in_place.point];
        let fields = slots.iter().map(|&id| {
            let field = field_name(id, &self.analysis.bindings[id].ident);
            let temp = Names::slot_temp(id);
            quote!(#field: #temp)
        });
        let assigns = slots.iter().map(|&id| {
            let ident = &self.analysis.bindings[id].ident;
            let temp = Names::slot_temp(id);
            quote!(#ident = #temp;)
        });
        quote! {
            #[allow(unreachable_code, unused_assignments)]
            {
                let #state_enum::#variant { #(#fields),* } =
                    #rt::__private::core::mem::replace(#state, #state_enum::__Done)
                else {
                    #rt::__private::resumed_finished()
                };
                #(#assigns)*
            }
        }
    }

    /// Inside the in-place loop, `return` (and `?`) evict before completing,
    /// so the saved values drop after the loop's own locals, as in a plain
    /// function.
    fn evict_before_returns(&self, expr: &mut Expr) {
        struct Returns<'a> {
            evict: &'a TokenStream,
        }
        impl syn::visit_mut::VisitMut for Returns<'_> {
            fn visit_expr_mut(&mut self, expr: &mut Expr) {
                match expr {
                    Expr::Closure(_) | Expr::Async(_) => {}
                    Expr::Return(ret) if is_completion(ret) => {
                        let Some(value) = ret.expr.take() else { return };
                        let evict = self.evict;
                        let value_name =
                            format_ident!("__gen_completion", span = Span::mixed_site());
                        *expr = syn::parse_quote!({
                            let #value_name = #value;
                            #evict
                            return #value_name;
                        });
                    }
                    _ => syn::visit_mut::visit_expr_mut(self, expr),
                }
            }
            fn visit_item_mut(&mut self, _: &mut syn::Item) {}
        }
        let evict = self.evict();
        syn::visit_mut::VisitMut::visit_expr_mut(&mut Returns { evict: &evict }, expr);
    }

    /// A saved `mut` binding may be mutated only in another segment; the
    /// lint would fire on the copy of its `let` in this one.
    fn allow_unused_mut(&self, block: &mut Block) {
        struct AllowMut<'a>(&'a Analysis);
        impl syn::visit_mut::VisitMut for AllowMut<'_> {
            fn visit_local_mut(&mut self, local: &mut syn::Local) {
                let saved_mut = crate::analysis::scope::pat_bindings(&local.pat).iter().any(
                    |(ident, mutable, _)| {
                        *mutable
                            && self.0.slots.iter().flatten().any(|&id| {
                                let binding = &self.0.bindings[id];
                                binding.mutable && binding.ident == *ident
                            })
                    },
                );
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
        self.analysis.slots[point]
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
                    syn::parse_quote!(#[__gen_deferred] #[allow(unused_mut, unused_variables)] let #mutability #ident;)
                } else {
                    syn::parse_quote!(#[allow(unused_mut, unused_variables)] let #mutability #ident = #temp;)
                }
            })
            .collect()
    }

    /// `{ let __y: Y = operand; *state = Variant { saved… }; return Yielded(__y); }`
    fn suspend(&self, index: usize) -> Block {
        let point = &self.points[index];
        let span = crate::spans::glue(point.span);
        let names = self.names;
        let rt = &names.rt;
        let state = &names.state;
        let state_enum = &names.state_enum;
        let variant = Names::variant(index);
        let operand = self.operand(index);
        let (same_point, evict) = match &self.in_place {
            Some(in_place) if in_place.in_region => (in_place.point == index, self.evict()),
            _ => (false, TokenStream::new()),
        };
        let yield_ty = self.yield_ty;
        let value = format_ident!("__gen_yielded", span = Span::mixed_site());
        let fields = self.analysis.slots[index].iter().map(|&id| {
            let binding = &self.analysis.bindings[id];
            let field = field_name(id, &binding.ident);
            let mut access = binding.ident.clone();
            access.set_span(access.span().located_at(span));
            quote!(#field: #access)
        });
        let operand_span = operand.span();
        let typed = quote_spanned!(operand_span=> let #value: #yield_ty = #operand;);
        if same_point {
            // The saved values are already where this yield keeps them.
            return syn::parse_quote_spanned! {span=>
                {
                    #typed
                    return #rt::__private::GeneratorState::Yielded(#value);
                }
            };
        }
        syn::parse_quote_spanned! {span=>
            {
                #typed
                #evict
                *#state = #state_enum::#variant { #(#fields),* };
                return #rt::__private::GeneratorState::Yielded(#value);
            }
        }
    }

    fn sent_value(&self, span: Span) -> Expr {
        let span = crate::spans::glue(span);
        if self.send_is_unit {
            syn::parse_quote_spanned!(span=> ())
        } else {
            let arg = &self.names.arg;
            syn::parse_quote_spanned!(span=> #arg.into_sent())
        }
    }

    fn not_supported(&mut self, expr: &Expr) {
        let span = marker_span(expr, self.points).unwrap_or_else(|| expr.span());
        self.cx.error(
            span,
            "`r#yield!` in this position is not supported yet: bind it first with `let value = r#yield!(…);` and use `value` here",
        );
    }

    // ---- full mode: a segment passes through this code ------------------

    fn full_block(&mut self, block: &Block) -> (Block, bool) {
        let (stmts, diverges) = self.full_stmts(&block.stmts);
        (
            Block {
                brace_token: block.brace_token,
                stmts,
            },
            diverges,
        )
    }

    fn full_stmts(&mut self, stmts: &[Stmt]) -> (Vec<Stmt>, bool) {
        let mut out = Vec::with_capacity(stmts.len());
        for stmt in stmts {
            let diverges = self.full_stmt(stmt, &mut out);
            if diverges {
                return (out, true);
            }
        }
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
                    Lowered::Suspend(index) => {
                        out.push(Stmt::Expr(
                            Expr::Block(block_expr(self.suspend(index))),
                            None,
                        ));
                        true
                    }
                    Lowered::Expr(expr, diverges) => {
                        let else_branch = init
                            .diverge
                            .as_ref()
                            .map(|(token, block)| (*token, self.full_branch(block)));
                        out.push(rebuild_local(local, expr, else_branch, diverges));
                        diverges
                    }
                }
            }
            Stmt::Expr(expr, semi) => match self.full_expr(expr) {
                Lowered::Suspend(index) => {
                    out.push(Stmt::Expr(
                        Expr::Block(block_expr(self.suspend(index))),
                        None,
                    ));
                    true
                }
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

    /// A conditionally executed child (a branch, an arm body): a yield there
    /// suspends inside the branch.
    fn full_branch(&mut self, expr: &Expr) -> Expr {
        self.full_branch_div(expr).0
    }

    fn full_branch_div(&mut self, expr: &Expr) -> (Expr, bool) {
        match self.full_expr(expr) {
            Lowered::Suspend(index) => (Expr::Block(block_expr(self.suspend(index))), true),
            Lowered::Expr(expr, diverges) => (expr, diverges),
        }
    }

    #[allow(clippy::too_many_lines)] // one arm per expression kind
    fn full_expr(&mut self, expr: &Expr) -> Lowered {
        if !marker::contains(expr, None) {
            return Lowered::Expr(expr.clone(), false);
        }
        if let Some(index) = marker::index_of(expr) {
            return Lowered::Suspend(index);
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
                if let Some(index) = self.full_operand(&mut e.cond) {
                    return Lowered::Suspend(index);
                }
                let (then_branch, then_div) = self.full_block(&e.then_branch);
                e.then_branch = then_branch;
                let else_div = match &mut e.else_branch {
                    Some((_, else_branch)) => match self.full_expr(else_branch) {
                        Lowered::Suspend(index) => {
                            **else_branch = Expr::Block(block_expr(self.suspend(index)));
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
                if let Some(index) = self.full_operand(&mut e.expr) {
                    return Lowered::Suspend(index);
                }
                let mut all_diverge = !e.arms.is_empty();
                for arm in &mut e.arms {
                    if let syn::Pat::Guard(guarded) = &arm.pat
                        && marker::contains(&*guarded.guard, None)
                    {
                        self.not_supported(&guarded.guard);
                    }
                    match self.full_expr(&arm.body) {
                        Lowered::Suspend(index) => {
                            *arm.body = Expr::Block(block_expr(self.suspend(index)))
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
                let (body, body_diverges) = self.full_block(&e.body);
                let label_name = e.label.as_ref().map(|l| &l.name);
                let diverges = !breaks_out_of_loop(&body, label_name);
                return Lowered::Expr(
                    loop_or_block(e.label.as_ref(), body, body_diverges),
                    diverges,
                );
            }
            Expr::Binary(e) if matches!(e.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
                if let Some(index) = self.full_operand(&mut e.left) {
                    return Lowered::Suspend(index);
                }
                *e.right = self.full_branch(&e.right);
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
                        Lowered::Suspend(index) => Some(Lowered::Suspend(index)),
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
                    Some(Lowered::Suspend(index)) => return Lowered::Suspend(index),
                    Some(Lowered::Expr(_, diverges)) => diverges,
                    None => false,
                }
            }
        };
        Lowered::Expr(expr, diverges)
    }

    /// Lowers a leading operand in place; `Some(N)` when it suspends first.
    fn full_operand(&mut self, operand: &mut Expr) -> Option<usize> {
        match self.full_expr(operand) {
            Lowered::Suspend(index) => Some(index),
            Lowered::Expr(lowered, _) => {
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
        (
            Block {
                brace_token: block.brace_token,
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
            return (self.sent_value(self.points[point].span), false);
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
                    let cond_depth = if if_has_let(&e.cond) {
                        depth + 1
                    } else {
                        depth
                    };
                    let (cond, cond_div) = self.resume_expr(&e.cond, point, cond_depth);
                    if cond_div {
                        return (cond, true);
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
                    return (expr, then_div && else_div);
                }
                if marker::contains(&e.then_branch, Some(point)) {
                    if if_has_let(&e.cond) {
                        let rebinds = self.rebinds(point, depth + 1);
                        let (then_branch, diverges) =
                            self.resume_block(&e.then_branch, point, depth + 2);
                        return (syn::parse_quote!({ #(#rebinds)* #then_branch }), diverges);
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
                if is_unit(&body) {
                    return (syn::parse_quote!({ #(#rebinds)* }), diverges);
                }
                (syn::parse_quote!({ #(#rebinds)* #body }), diverges)
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
                let wrapped = syn::parse_quote!({
                    let #value = #region;
                    #evict
                    #value
                });
                (wrapped, false)
            }
            Expr::Binary(e) if matches!(e.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
                if marker::contains(&*e.left, Some(point)) {
                    let (left, left_div) = self.resume_expr(&e.left, point, depth);
                    if left_div {
                        return (left, true);
                    }
                    *e.left = left;
                    *e.right = self.full_branch(&e.right);
                    (expr, false)
                } else {
                    let (right, diverges) = self.resume_expr(&e.right, point, depth);
                    (syn::parse_quote!((#right)), diverges)
                }
            }
            _ => {
                let mut diverges = false;
                if let Some(first) = first_operand_mut(&mut expr)
                    && marker::contains(&*first, Some(point))
                {
                    let (resumed, first_div) = self.resume_expr(first, point, depth);
                    if first_div {
                        // Nothing after the first operand runs.
                        return (resumed, true);
                    }
                    *first = resumed;
                    diverges = false;
                }
                (expr, diverges)
            }
        }
    }

    /// `'l: loop { … }` resumed inside its body: the rest of this iteration,
    /// then the loop again (see the module docs).
    fn resume_loop(&mut self, e: &syn::ExprLoop, point: usize, depth: usize) -> (Expr, bool) {
        let (cont, cont_div) = self.resume_block(&e.body, point, depth + 1);
        let (full, full_diverges) = self.full_block(&e.body);
        let label = &e.label;
        let label_name = label.as_ref().map(|l| &l.name);
        let loop_diverges = !breaks_out_of_loop(&full, label_name);
        if jumps_to_loop(&cont, label_name) {
            // The rest of the iteration runs once, inside the loop: what it
            // moves (saved values rebound in the loop body, the sent value)
            // is handed over through an `Option` taken on the first pass, so
            // the borrow checker sees it moved once, not once per iteration.
            let flag = format_ident!("__gen_first_{}", self.next_flag, span = Span::mixed_site());
            self.next_flag += 1;
            let deferred = self.in_place.as_ref().is_some_and(|p| p.point == point);
            let mut moved: Vec<Ident> = if deferred {
                Vec::new()
            } else {
                self.analysis.slots[point]
                    .iter()
                    .filter(|&&id| self.analysis.bindings[id].depth > depth)
                    .map(|&id| Names::slot_temp(id))
                    .collect()
            };
            if !self.send_is_unit {
                moved.push(self.names.arg.clone());
            }
            let rt = &self.names.rt;
            let expr = syn::parse_quote!({
                let mut #flag = #rt::__private::core::option::Option::Some((#(#moved,)*));
                #label loop {
                    if let #rt::__private::core::option::Option::Some((#(#moved,)*)) = #flag.take() { #cont } else #full
                }
            });
            (
                expr,
                loop_diverges && !breaks_out_of_loop(&cont, label_name),
            )
        } else if cont_div {
            // The rest of the iteration always leaves: the loop is not entered again.
            (Expr::Block(block_expr(cont)), true)
        } else {
            (
                {
                    let again = loop_or_block(label.as_ref(), full, full_diverges);
                    syn::parse_quote!({ #cont #again })
                },
                loop_diverges,
            )
        }
    }
}

/// The `let x;` declarations an in-place arm makes for its saved values are
/// only needed when some path evicts the values into them (and then they
/// take their type from that assignment). A loop that never ends and only
/// yields never evicts: drop the declarations, whose type nothing fixes.
fn finish_deferred(tokens: TokenStream, state: &Ident) -> TokenStream {
    fn mentions(tokens: TokenStream, ident: &Ident) -> bool {
        tokens.into_iter().any(|tt| match tt {
            proc_macro2::TokenTree::Ident(i) => i == *ident,
            proc_macro2::TokenTree::Group(g) => mentions(g.stream(), ident),
            _ => false,
        })
    }
    struct Finish {
        keep: bool,
    }
    impl syn::visit_mut::VisitMut for Finish {
        fn visit_block_mut(&mut self, block: &mut Block) {
            let is_deferred = |attrs: &[syn::Attribute]| {
                attrs.iter().any(|a| a.path().is_ident("__gen_deferred"))
            };
            if self.keep {
                for stmt in &mut block.stmts {
                    if let Stmt::Local(local) = stmt {
                        local.attrs.retain(|a| !a.path().is_ident("__gen_deferred"));
                    }
                }
            } else {
                block.stmts.retain(
                    |stmt| !matches!(stmt, Stmt::Local(local) if is_deferred(&local.attrs)),
                );
            }
            syn::visit_mut::visit_block_mut(self, block);
        }
    }
    let keep = mentions(tokens.clone(), state);
    let Ok(mut block) = syn::parse2::<Block>(tokens.clone()) else {
        return tokens;
    };
    syn::visit_mut::VisitMut::visit_block_mut(&mut Finish { keep }, &mut block);
    quote!(#block)
}

/// `let PAT = EXPR [else …];` with a lowered initialiser; when it always
/// leaves, the pattern never binds, so only the expression is kept.
fn rebuild_local(
    local: &syn::Local,
    expr: Expr,
    else_branch: Option<(syn::Token![else], Expr)>,
    diverges: bool,
) -> Stmt {
    if diverges {
        return Stmt::Expr(expr, Some(Default::default()));
    }
    let mut local = local.clone();
    if let Some(init) = &mut local.init {
        *init.expr = expr;
        init.diverge = else_branch.map(|(token, block)| (token, Box::new(block)));
    }
    Stmt::Local(local)
}

/// `'l: loop { body }` as a segment emits it. A copy whose body always
/// leaves without `continue` never loops (it suspends, returns or breaks on
/// its first pass); a labeled one becomes the labeled block it then is, its
/// unlabeled `break`s naming the label, since clippy's `never_loop` sees the
/// user's label (which keeps its span for hygiene) and cannot know the loop
/// is a copy.
fn loop_or_block(label: Option<&syn::Label>, mut body: Block, body_diverges: bool) -> Expr {
    let span = crate::spans::glue(Span::call_site());
    let Some(label) = label else {
        return syn::parse_quote_spanned!(span=> loop #body);
    };
    if !body_diverges || has_continue(&body, &label.name) {
        return syn::parse_quote_spanned!(span=> #label loop #body);
    }
    struct Relabel<'l>(&'l syn::Lifetime, usize);
    impl syn::visit_mut::VisitMut for Relabel<'_> {
        fn visit_expr_mut(&mut self, expr: &mut Expr) {
            match expr {
                Expr::Break(b) if b.label.is_none() && self.1 == 0 => {
                    b.label = Some(self.0.clone());
                    syn::visit_mut::visit_expr_break_mut(self, b);
                }
                Expr::Loop(_) | Expr::While(_) | Expr::ForLoop(_) => {
                    self.1 += 1;
                    syn::visit_mut::visit_expr_mut(self, expr);
                    self.1 -= 1;
                }
                Expr::Closure(_) | Expr::Async(_) => {}
                _ => syn::visit_mut::visit_expr_mut(self, expr),
            }
        }
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    syn::visit_mut::VisitMut::visit_block_mut(&mut Relabel(&label.name, 0), &mut body);
    syn::parse_quote_spanned!(span=> #label #body)
}

/// A `continue` of the loop labeled `label` (labeled, or unlabeled at the
/// top level of its body)?
fn has_continue(body: &Block, label: &syn::Lifetime) -> bool {
    struct Continues<'l> {
        label: &'l syn::Lifetime,
        depth: usize,
        found: bool,
    }
    impl<'ast> syn::visit::Visit<'ast> for Continues<'_> {
        fn visit_expr(&mut self, expr: &'ast Expr) {
            match expr {
                Expr::Continue(c) => match &c.label {
                    Some(l) => self.found |= l.ident == self.label.ident,
                    None => self.found |= self.depth == 0,
                },
                Expr::Loop(_) | Expr::While(_) | Expr::ForLoop(_) => {
                    self.depth += 1;
                    syn::visit::visit_expr(self, expr);
                    self.depth -= 1;
                }
                Expr::Closure(_) | Expr::Async(_) => {}
                _ => syn::visit::visit_expr(self, expr),
            }
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut continues = Continues {
        label,
        depth: 0,
        found: false,
    };
    syn::visit::Visit::visit_block(&mut continues, body);
    continues.found
}

fn is_unit(expr: &Expr) -> bool {
    matches!(expr, Expr::Tuple(t) if t.elems.is_empty())
}

/// A statement after which nothing in its block runs: `break`, `continue`,
/// `return`, or a panicking macro.
fn stmt_always_leaves(stmt: &Stmt) -> bool {
    let leaves_macro = |mac: &syn::Macro| {
        mac.path.segments.last().is_some_and(|s| {
            matches!(
                s.ident.to_string().as_str(),
                "panic" | "unreachable" | "todo" | "unimplemented"
            )
        })
    };
    match stmt {
        Stmt::Expr(Expr::Break(_) | Expr::Continue(_) | Expr::Return(_), _) => true,
        Stmt::Expr(Expr::Macro(mac), _) => leaves_macro(&mac.mac),
        Stmt::Macro(mac) => leaves_macro(&mac.mac),
        _ => false,
    }
}

/// A segment keeps only part of a labeled loop or block; when the part it
/// keeps never jumps to the label, the label goes (it would warn as unused).
fn strip_unused_labels(block: &mut Block) {
    struct Strip;
    impl syn::visit_mut::VisitMut for Strip {
        fn visit_expr_mut(&mut self, expr: &mut Expr) {
            syn::visit_mut::visit_expr_mut(self, expr);
            match expr {
                Expr::Loop(e) => {
                    if let Some(label) = &e.label
                        && !label_used(&e.body, &label.name)
                    {
                        e.label = None;
                    }
                }
                Expr::Block(e) => {
                    if let Some(label) = &e.label
                        && !label_used(&e.block, &label.name)
                    {
                        e.label = None;
                    }
                }
                _ => {}
            }
        }
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    syn::visit_mut::VisitMut::visit_block_mut(&mut Strip, block);
}

/// Does any `break 'label` or `continue 'label` inside `block` name `label`?
fn label_used(block: &Block, label: &syn::Lifetime) -> bool {
    struct Uses<'l> {
        label: &'l syn::Lifetime,
        found: bool,
    }
    impl<'ast> syn::visit::Visit<'ast> for Uses<'_> {
        fn visit_lifetime(&mut self, lifetime: &'ast syn::Lifetime) {
            self.found |= lifetime.ident == self.label.ident;
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut uses = Uses {
        label,
        found: false,
    };
    syn::visit::Visit::visit_block(&mut uses, block);
    uses.found
}

/// Does a `break 'label` inside `block` target this labeled block?
fn label_is_targeted(label: Option<&syn::Label>, block: &Block) -> bool {
    let Some(label) = label else { return false };
    struct Targets<'l> {
        label: &'l syn::Lifetime,
        found: bool,
    }
    impl<'ast> syn::visit::Visit<'ast> for Targets<'_> {
        fn visit_expr_break(&mut self, b: &'ast syn::ExprBreak) {
            self.found |= b
                .label
                .as_ref()
                .is_some_and(|l| l.ident == self.label.ident);
            syn::visit::visit_expr_break(self, b);
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut targets = Targets {
        label: &label.name,
        found: false,
    };
    syn::visit::Visit::visit_block(&mut targets, block);
    targets.found
}

/// `return GeneratorState::Complete(…)`: a user `return` or `?` after the
/// rewrite pass.
fn is_completion(ret: &syn::ExprReturn) -> bool {
    let Some(value) = &ret.expr else { return false };
    let Expr::Call(call) = &**value else {
        return false;
    };
    let Expr::Path(path) = &*call.func else {
        return false;
    };
    let mut segments = path.path.segments.iter().rev();
    segments.next().is_some_and(|s| s.ident == "Complete")
        && segments.next().is_some_and(|s| s.ident == "GeneratorState")
}

/// The operand evaluated first by an expression that evaluates its operands
/// in order (calls, operators, `let` initialisers, …).
fn first_operand_mut(expr: &mut Expr) -> Option<&mut Expr> {
    let right_first =
        matches!(expr, Expr::Binary(e) if is_compound_assign(&e.op) && is_simple_place(&e.left));
    Some(match expr {
        Expr::Array(e) => e.elems.first_mut()?,
        Expr::Assign(e) => &mut e.right,
        Expr::Binary(e) => {
            if right_first {
                &mut e.right
            } else {
                &mut e.left
            }
        }
        Expr::Break(e) => e.expr.as_mut()?,
        Expr::Call(e) => e.args.first_mut()?,
        Expr::Cast(e) => &mut e.expr,
        Expr::Field(e) => &mut e.base,
        Expr::Group(e) => &mut e.expr,
        Expr::Index(e) => &mut e.expr,
        Expr::Let(e) => &mut e.expr,
        Expr::MethodCall(e) => &mut e.receiver,
        Expr::Paren(e) => &mut e.expr,
        Expr::Range(e) => e.start.as_mut().or(e.end.as_mut())?,
        Expr::RawAddr(e) => &mut e.expr,
        Expr::Reference(e) => &mut e.expr,
        Expr::Repeat(e) => &mut e.expr,
        Expr::Return(e) => e.expr.as_mut()?,
        Expr::Struct(e) => match e.fields.first_mut() {
            Some(field) => &mut field.expr,
            None => e.rest.as_mut()?,
        },
        Expr::Try(e) => &mut e.expr,
        Expr::Tuple(e) => e.elems.first_mut()?,
        Expr::Unary(e) => &mut e.expr,
        _ => return None,
    })
}

fn is_compound_assign(op: &syn::BinOp) -> bool {
    use syn::BinOp;
    matches!(
        op,
        BinOp::AddAssign(_)
            | BinOp::SubAssign(_)
            | BinOp::MulAssign(_)
            | BinOp::DivAssign(_)
            | BinOp::RemAssign(_)
            | BinOp::BitXorAssign(_)
            | BinOp::BitAndAssign(_)
            | BinOp::BitOrAssign(_)
            | BinOp::ShlAssign(_)
            | BinOp::ShrAssign(_)
    )
}

/// A place whose evaluation has no side effects (`x`, `x.field`, `(*x)`).
fn is_simple_place(expr: &Expr) -> bool {
    match expr {
        Expr::Path(_) => true,
        Expr::Field(f) => is_simple_place(&f.base),
        Expr::Paren(p) => is_simple_place(&p.expr),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => is_simple_place(&u.expr),
        _ => false,
    }
}

fn block_expr(block: Block) -> syn::ExprBlock {
    syn::ExprBlock {
        attrs: Vec::new(),
        label: None,
        block,
    }
}

pub(crate) fn field_name(id: BindingId, ident: &Ident) -> Ident {
    let name = ident.to_string();
    let name = name.trim_start_matches("r#").trim_start_matches('_');
    format_ident!("{}_{}", name, id)
}

fn marker_span(expr: &Expr, points: &[YieldPoint]) -> Option<Span> {
    struct First<'p> {
        points: &'p [YieldPoint],
        span: Option<Span>,
    }
    impl<'ast> syn::visit::Visit<'ast> for First<'_> {
        fn visit_expr_macro(&mut self, mac: &'ast syn::ExprMacro) {
            if self.span.is_none()
                && let Some(index) = marker::index_of_macro(mac)
            {
                self.span = self.points.get(index).map(|p| p.span);
            }
        }
    }
    let mut first = First { points, span: None };
    syn::visit::Visit::visit_expr(&mut first, expr);
    first.span
}

/// Does `block` contain a `break`/`continue` that leaves or restarts the
/// loop whose body it is (labeled with `label`, or unlabeled at top level)?
fn jumps_to_loop(block: &Block, label: Option<&syn::Lifetime>) -> bool {
    jumps(block, label, true)
}

/// Does `block` contain a `break` out of the loop whose body it is? When it
/// does not, the loop never ends and what follows it is dead.
fn breaks_out_of_loop(block: &Block, label: Option<&syn::Lifetime>) -> bool {
    jumps(block, label, false)
}

fn jumps(block: &Block, label: Option<&syn::Lifetime>, count_continue: bool) -> bool {
    struct Jumps<'l> {
        label: Option<&'l syn::Lifetime>,
        loop_depth: usize,
        count_continue: bool,
        found: bool,
    }
    impl Jumps<'_> {
        fn check(&mut self, target: Option<&syn::Lifetime>) {
            match target {
                None => self.found |= self.loop_depth == 0,
                Some(target) => self.found |= self.label.is_some_and(|l| l.ident == target.ident),
            }
        }
    }
    impl<'ast> syn::visit::Visit<'ast> for Jumps<'_> {
        fn visit_expr(&mut self, expr: &'ast Expr) {
            match expr {
                Expr::Break(b) => {
                    self.check(b.label.as_ref());
                    syn::visit::visit_expr(self, expr);
                }
                Expr::Continue(c) if self.count_continue => self.check(c.label.as_ref()),
                Expr::Loop(_) | Expr::While(_) | Expr::ForLoop(_) => {
                    self.loop_depth += 1;
                    syn::visit::visit_expr(self, expr);
                    self.loop_depth -= 1;
                }
                Expr::Closure(_) | Expr::Async(_) => {}
                _ => syn::visit::visit_expr(self, expr),
            }
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut jumps = Jumps {
        label,
        loop_depth: 0,
        count_continue,
        found: false,
    };
    syn::visit::Visit::visit_block(&mut jumps, block);
    jumps.found
}
