//! Join points: a closure saved across a yield is defined in one arm.
//!
//! Each resume arm carries its own copy of the code it runs (see
//! `lower::resume`), so a `let` that several arms reach is emitted once per
//! arm. For most values that is harmless, but every closure expression has
//! a type of its own: two copies of `let f = |v| v * 2;` are two types, and
//! when `f` is saved at a later yield the state's slot cannot hold both
//! (E0308 "no two closures, even if identical, have the same type").
//!
//! ```text
//! Input:   if c { r#yield!(0); } let f = |v| v * 2; r#yield!(f(1)); f(2)
//! Output:  if c { r#yield!(0); } __gen_yield!(J); let f = …; …
//! ```
//!
//! A join point `J` before such a `let` (at the start of the code that runs
//! between the last point of its block and the `let`) is a suspension point that does not
//! suspend: code reaching it saves what is live there in `J`'s variant and
//! jumps to `J`'s arm (`continue` of a loop around the match on the state),
//! which holds the only copy of the `let` and what follows it. The start
//! arm, the arm of the yield in the branch, and (in a loop) `J`'s own arm
//! all go there. Only `let`s whose closure may be saved and that more than
//! one arm may reach get a join point; other generators keep a plain match.

use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::visit_mut::{self, VisitMut};
use syn::{Block, Expr, Stmt};

use crate::marker::{self, PointKind, YieldPoint};

/// Puts a join point before each `let` that needs one (see the module
/// docs), but those in `skip` (see [`join_key`]), and numbers all points
/// again in source order. `true` when it added any.
pub(crate) fn add_join_points(
    body: &mut Block,
    points: &mut Vec<YieldPoint>,
    skip: &[String],
) -> bool {
    let mut adder = Adder {
        first_new: points.len(),
        added: Vec::new(),
        skip,
        covered: true,
    };
    adder.block(body);
    if adder.added.is_empty() {
        return false;
    }
    let mut all: Vec<YieldPoint> = std::mem::take(points);
    all.extend(adder.added);
    let mut renumber = Renumber { order: Vec::new() };
    renumber.visit_block_mut(body);
    *points = renumber
        .order
        .into_iter()
        .map(|old| all[old].clone())
        .collect();
    true
}

/// Names the `let` a join point goes before: where it is in the source.
/// (Not its rank among the candidates: leaving one join point out can make
/// a later `let` need one that did not, which renumbers the rest.) A join
/// point's `YieldPoint::span` is its `let`'s span.
pub(crate) fn join_key(span: proc_macro2::Span) -> String {
    format!("{span:?}")
}

struct Adder<'a> {
    first_new: usize,
    added: Vec<YieldPoint>,
    skip: &'a [String],
    /// Only one arm reaches the statement being looked at: the start arm
    /// before any suspension point, or a join point's arm up to the next
    /// point. A point passed, or a loop holding one entered (its head is
    /// reached again from the arms inside), ends that.
    covered: bool,
}

impl Adder<'_> {
    fn block(&mut self, block: &mut Block) {
        // Where the code after the last point of this block starts: a join
        // point anywhere from there to the `let` does the same, and there
        // it saves least (nothing declared since, such as a borrow that
        // would keep it from being saved).
        let mut region_start = 0;
        let mut index = 0;
        while index < block.stmts.len() {
            if self.needs_join(&block.stmts, index)
                && !self.skip.contains(&join_key(block.stmts[index].span()))
            {
                let span = block.stmts[index].span();
                let join = self.first_new + self.added.len();
                self.added.push(YieldPoint {
                    span,
                    operand: syn::parse_quote!(()),
                    kind: PointKind::Join,
                    delegate: None,
                    raw_resume: false,
                });
                let marker = marker::make(join, span);
                block
                    .stmts
                    .insert(region_start, Stmt::Expr(marker, Some(Default::default())));
                self.covered = true;
                index += 1;
            }
            self.stmt(&mut block.stmts[index]);
            if marker::contains(&block.stmts[index], None) {
                region_start = index + 1;
            }
            index += 1;
        }
    }

    /// `let … = <has a closure>;` (or `name = <has a closure>;`) that more
    /// than one arm may run (a point before it, or in a loop around it)
    /// with a point after it in its block.
    fn needs_join(&self, stmts: &[Stmt], index: usize) -> bool {
        let value = match &stmts[index] {
            Stmt::Local(local) => match &local.init {
                Some(init) => &*init.expr,
                None => return false,
            },
            // `g = move |v| v + 1;` for a `let g;` declared earlier.
            Stmt::Expr(Expr::Assign(assign), _) if matches!(&*assign.left, Expr::Path(_)) => {
                &*assign.right
            }
            _ => return false,
        };
        if !has_closure(value) || marker::contains(&stmts[index], None) {
            return false;
        }
        if self.covered {
            return false;
        }
        // Saved at a later point of its block, if at all: for a use after
        // it, or (a closure owning a value) for its destructor. The
        // analysis drops the join point again if nothing is saved.
        stmts[index + 1..].iter().any(|s| marker::contains(s, None))
    }

    fn stmt(&mut self, stmt: &mut Stmt) {
        let mut walk = Walk(self);
        walk.visit_stmt_mut(stmt);
    }
}

/// Walks a statement in source order for [`Adder`]: notes the points it
/// passes, enters blocks (where joins may go) and loops.
struct Walk<'a, 'b>(&'a mut Adder<'b>);

impl VisitMut for Walk<'_, '_> {
    fn visit_block_mut(&mut self, block: &mut Block) {
        self.0.block(block);
    }
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        if marker::index_of_mac(mac).is_some() {
            self.0.covered = false;
        }
    }
    fn visit_expr_loop_mut(&mut self, e: &mut syn::ExprLoop) {
        if marker::contains(&e.body, None) {
            self.0.covered = false;
        }
        visit_mut::visit_expr_loop_mut(self, e);
    }
    fn visit_expr_while_mut(&mut self, e: &mut syn::ExprWhile) {
        if marker::contains(&*e.cond, None) || marker::contains(&e.body, None) {
            self.0.covered = false;
        }
        visit_mut::visit_expr_while_mut(self, e);
    }
    fn visit_expr_for_loop_mut(&mut self, e: &mut syn::ExprForLoop) {
        if marker::contains(&e.body, None) {
            self.0.covered = false;
        }
        visit_mut::visit_expr_for_loop_mut(self, e);
    }
    /// Each arm starts from what ran before the match (a point in one arm
    /// does not run before another arm), and the code after the match is
    /// covered only if every arm leaves it so. A failed guard falls through
    /// to the next arms, so a point in a guard is passed before them.
    fn visit_expr_match_mut(&mut self, e: &mut syn::ExprMatch) {
        self.visit_expr_mut(&mut e.expr);
        let mut entry = self.0.covered;
        let mut after = true;
        for arm in &mut e.arms {
            self.0.covered = entry;
            // A guard is part of the pattern (`syn::Pat::Guard`).
            self.visit_pat_mut(&mut arm.pat);
            entry &= self.0.covered;
            self.visit_expr_mut(&mut arm.body);
            after &= self.0.covered;
        }
        self.0.covered = after && entry;
    }
    /// Likewise for the two branches of an `if`.
    fn visit_expr_if_mut(&mut self, e: &mut syn::ExprIf) {
        self.visit_expr_mut(&mut e.cond);
        let entry = self.0.covered;
        self.visit_block_mut(&mut e.then_branch);
        let then_covered = self.0.covered;
        self.0.covered = entry;
        if let Some((_, else_branch)) = &mut e.else_branch {
            self.visit_expr_mut(else_branch);
        }
        self.0.covered &= then_covered;
    }
    // A closure's body runs when it is called, not as the body's code.
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// Gives the markers their numbers in source order; `order[new] = old`.
struct Renumber {
    order: Vec<usize>,
}

impl VisitMut for Renumber {
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        if let Some(old) = marker::index_of_mac(mac) {
            let lit = proc_macro2::Literal::usize_unsuffixed(self.order.len());
            mac.tokens = proc_macro2::TokenTree::Literal(lit).into();
            self.order.push(old);
        }
    }
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// A closure, an `async` block or a `gen_block!`: an expression whose
/// every copy has a type of its own.
fn has_closure(expr: &Expr) -> bool {
    struct Find(bool);
    impl Visit<'_> for Find {
        fn visit_expr_closure(&mut self, _: &syn::ExprClosure) {
            self.0 = true;
        }
        fn visit_expr_async(&mut self, _: &syn::ExprAsync) {
            self.0 = true;
        }
        fn visit_macro(&mut self, mac: &syn::Macro) {
            if mac
                .path
                .segments
                .last()
                .is_some_and(|s| s.ident == "gen_block")
            {
                self.0 = true;
            }
        }
        fn visit_item(&mut self, _: &syn::Item) {}
    }
    let mut find = Find(false);
    find.visit_expr(expr);
    find.0
}
