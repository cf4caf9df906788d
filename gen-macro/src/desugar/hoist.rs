//! Yields after other operands: `f(a(), r#yield!(b), c())`.
//!
//! The lowering resumes a suspension point by re-entering the expression
//! around it, which is only faithful when nothing in that expression was
//! evaluated before the yield. So before the analysis, an operand list with
//! a yield after its first operand is split, keeping Rust's left-to-right
//! order: the operands up to and including the last one holding a yield are
//! evaluated into hidden `let`s, then the expression runs on those values.
//!
//! ```text
//! Input:   total = add(base(), r#yield!(x), rest());
//! Output:  total = { let __gen_hoist_0 = base(); let __gen_hoist_1 = r#yield!(x);
//!                    add(__gen_hoist_0, __gen_hoist_1, rest()) };
//! ```
//!
//! The hidden bindings are ordinary locals to the analysis, so a value
//! evaluated before the yield is saved across it like any other. Places
//! that are only borrowed or assigned (a method's receiver `v` in
//! `v.push(…)`, an index base, the left side of `==` or of `=`) are not
//! moved into a binding: they are evaluated after the yield, which reads the
//! same place.

use proc_macro2::Span;
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, Stmt};

use crate::marker::{self, YieldPoint};
use crate::operands::{Operand, is_place, operands_mut};
use crate::syntax::{is_comparison, is_compound_assign, pat_bindings};

pub(crate) fn hoist_body(body: &mut syn::Block, points: &[YieldPoint]) {
    Hoist { next: 0, points }.visit_block_mut(body);
}

struct Hoist<'p> {
    next: usize,
    /// The yields' operands, which may assign places too.
    points: &'p [YieldPoint],
}

impl VisitMut for Hoist<'_> {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        if !marker::contains(&*expr, None) {
            return;
        }
        if let Some(hoisted) = self.hoist_assigned_place(expr) {
            *expr = hoisted;
        } else if let Some(hoisted) = self.hoist(expr) {
            *expr = hoisted;
        }
        visit_mut::visit_expr_mut(self, expr);
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

impl Hoist<'_> {
    fn fresh(&mut self) -> syn::Ident {
        let name = crate::names::hoisted(self.next);
        self.next += 1;
        name
    }

    /// `v[r#yield!(i)] = x`, `*slot(r#yield!(k)) = x`: a yield in the place
    /// being assigned. Rust evaluates the assigned value first, then the
    /// place's operands (index expressions, the pointer dereferenced) left
    /// to right; those up to the last that yields go into hidden `let`s
    /// in that order, and the assignment runs on them:
    ///
    /// ```text
    /// Input:   v[r#yield!(i)] = x;
    /// Output:  { let __gen_hoist_0 = x; let __gen_hoist_1 = r#yield!(i);
    ///            v[__gen_hoist_1] = __gen_hoist_0 };
    /// ```
    ///
    /// A compound assignment (`v[r#yield!(i)] += x`) evaluates the value
    /// first for primitive operands and last otherwise, which the macro
    /// cannot tell apart: it is rewritten only when the value has no
    /// effects to order (a literal or a local), and reported otherwise.
    fn hoist_assigned_place(&mut self, expr: &mut Expr) -> Option<Expr> {
        let (place, value, compound) = match expr {
            Expr::Assign(e) => (&mut *e.left, &mut *e.right, false),
            Expr::Binary(e) if is_compound_assign(&e.op) => (&mut *e.left, &mut *e.right, true),
            _ => return None,
        };
        if !marker::contains(&*place, None) {
            return (!compound && Self::loop_value_into_a_part(place, value))
                .then(|| self.value_first(expr));
        }
        if compound && (marker::contains(&*value, None) || !(is_place(value) || is_literal(value)))
        {
            return None;
        }
        let mut lets: Vec<Stmt> = Vec::new();
        let span = crate::spans::glue(Span::call_site());
        if !compound {
            let name = self.fresh();
            let rhs = std::mem::replace(value, name_in_place_of(&name, value));
            lets.push(reparse_spanned!(span=> let #name = #rhs;));
        }
        let mut slots = Vec::new();
        place_operands(place, &mut slots);
        let last = slots.iter().rposition(|op| marker::contains(&**op, None))?;
        for op in slots.into_iter().take(last + 1) {
            let name = self.fresh();
            let operand = std::mem::replace(op, name_in_place_of(&name, op));
            lets.push(reparse_spanned!(span=> #[allow(unused_mut)] let mut #name = #operand;));
        }
        let rest = expr.clone();
        Some(reparse_spanned!(span=> { #(#lets)* #rest }))
    }

    /// `r.n = loop { … r#yield!(…) … }`: a loop that suspends in the value
    /// assigned to a part of a binding. The loop may resume in place, where
    /// the binding is declared first and given its value only after the
    /// loop; rustc types the place before the value and could not infer the
    /// binding's type there (E0282, differential seed 302608). The value is
    /// bound first, which is the order Rust evaluates them in anyway:
    /// `{ let __gen_hoist_0 = loop { … }; r.n = __gen_hoist_0 }`.
    fn loop_value_into_a_part(place: &Expr, value: &Expr) -> bool {
        struct SuspendingLoop(bool);
        impl<'ast> syn::visit::Visit<'ast> for SuspendingLoop {
            fn visit_expr(&mut self, expr: &'ast Expr) {
                let body = match expr {
                    Expr::Loop(e) => Some(&e.body),
                    Expr::While(e) => Some(&e.body),
                    Expr::ForLoop(e) => Some(&e.body),
                    Expr::Closure(_) | Expr::Async(_) => return,
                    _ => None,
                };
                self.0 |= body.is_some_and(|b| marker::contains(b, None));
                syn::visit::visit_expr(self, expr);
            }
            fn visit_item(&mut self, _: &'ast syn::Item) {}
        }
        let mut found = SuspendingLoop(false);
        syn::visit::Visit::visit_expr(&mut found, value);
        !matches!(place, Expr::Path(_)) && found.0
    }

    /// `{ let __gen_hoist_N = value; place = __gen_hoist_N }` for an
    /// assignment `place = value`.
    fn value_first(&mut self, expr: &mut Expr) -> Expr {
        let name = self.fresh();
        let span = crate::spans::glue(Span::call_site());
        let Expr::Assign(e) = expr else {
            // invariant: called for an assignment only.
            return expr.clone();
        };
        let read = name_in_place_of(&name, &e.right);
        let value = std::mem::replace(&mut *e.right, read);
        let rest = expr.clone();
        reparse_spanned!(span=> { let #name = #value; #rest })
    }

    /// The replacement block for `expr`, when its yield is not in its first
    /// operand.
    fn hoist(&mut self, expr: &mut Expr) -> Option<Expr> {
        // (The places a method call or comparison reads, not the one an
        // assignment writes.)
        let reads_places = match &*expr {
            Expr::MethodCall(_) => true,
            Expr::Binary(b) => is_comparison(&b.op),
            _ => false,
        };
        let mut operands = operands_mut(expr)?;
        let holds_yield = |op: &Expr| marker::contains(op, None);
        let last_yield = operands.iter().rposition(|(op, _)| holds_yield(op))?;
        let in_place = operands
            .iter()
            .any(|(op, kind)| *kind == Operand::Place && holds_yield(op));
        if last_yield == 0 || in_place {
            // Only the first operand yields, or a place does (reported by
            // the lowering).
            return None;
        }
        // A place that a later operand assigns (`r.n.wrapping_add({ r.n ^= 1;
        // r#yield!(0) })`) cannot have been borrowed across it: the plain
        // function compiles only if it read the place's value first (a
        // `Copy` value, or a method taking `self`). So is it read here.
        for index in 0..last_yield {
            if reads_places
                && operands[index].1 == Operand::Place
                && let Some(path) = place_path(operands[index].0)
                && operands[index + 1..=last_yield]
                    .iter()
                    .any(|(later, _)| assigns_overlapping(later, &path, self.points))
            {
                operands[index].1 = Operand::Value;
            }
        }
        let mut lets: Vec<Stmt> = Vec::new();
        for (op, kind) in operands.iter_mut().take(last_yield + 1) {
            if *kind == Operand::Place {
                continue;
            }
            let span = crate::spans::glue(Span::call_site());
            let name = crate::names::hoisted(self.next);
            self.next += 1;
            let read = name_in_place_of(&name, op);
            let value = std::mem::replace(&mut **op, read);
            lets.push(reparse_spanned!(span=> let #name = #value;));
        }
        let rest = expr.clone();
        let span = crate::spans::glue(Span::call_site());
        Some(reparse_spanned!(span=> { #(#lets)* #rest }))
    }
}

/// The operands a place expression evaluates, in order: index expressions,
/// and the value at its root when that is not a local (`slot(k)` in
/// `*slot(k)`, `f()` in `f()[0]`).
fn place_operands<'e>(place: &'e mut Expr, out: &mut Vec<&'e mut Expr>) {
    let deref = matches!(place, Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)));
    let root = !deref
        && !matches!(
            place,
            Expr::Path(_) | Expr::Paren(_) | Expr::Field(_) | Expr::Index(_)
        );
    if root {
        out.push(place);
        return;
    }
    match place {
        Expr::Path(_) => {}
        Expr::Paren(p) => place_operands(&mut p.expr, out),
        Expr::Field(f) => place_operands(&mut f.base, out),
        Expr::Index(e) => {
            place_operands(&mut e.expr, out);
            out.push(&mut *e.index);
        }
        Expr::Unary(u) => place_operands(&mut u.expr, out),
        _ => {}
    }
}

fn is_literal(expr: &Expr) -> bool {
    match expr {
        Expr::Lit(_) => true,
        Expr::Paren(p) => is_literal(&p.expr),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => is_literal(&u.expr),
        _ => false,
    }
}

/// The local and the fields a place expression names (`r.a.b` → `["r",
/// "a", "b"]`), through parentheses and dereferences; an index ends it
/// (`v[i].x` → `["v"]`: any element).
fn place_path(expr: &Expr) -> Option<Vec<String>> {
    match expr {
        Expr::Path(p) if p.qself.is_none() => Some(vec![p.path.get_ident()?.to_string()]),
        Expr::Field(f) => {
            let mut path = place_path(&f.base)?;
            if path.last().is_some_and(|last| last != "[]") {
                path.push(match &f.member {
                    syn::Member::Named(name) => name.to_string(),
                    syn::Member::Unnamed(index) => index.index.to_string(),
                });
            }
            Some(path)
        }
        Expr::Index(i) => {
            let mut path = place_path(&i.expr)?;
            path.push("[]".to_owned());
            Some(path)
        }
        Expr::Paren(p) => place_path(&p.expr),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => place_path(&u.expr),
        _ => None,
    }
}

/// Does `expr` assign to (`=`, `op=`) or borrow mutably a place that
/// overlaps `path` (one is a prefix of the other)? Closures are not
/// looked into: they run when called.
fn assigns_overlapping(expr: &Expr, path: &[String], points: &[YieldPoint]) -> bool {
    struct Find<'p> {
        path: &'p [String],
        points: &'p [YieldPoint],
        found: bool,
    }
    impl Find<'_> {
        fn overlaps(&self, place: &Expr) -> bool {
            place_path(place).is_some_and(|other| {
                let shared = other.len().min(self.path.len());
                other[..shared]
                    .iter()
                    .zip(&self.path[..shared])
                    .all(|(a, b)| a == b || a == "[]" || b == "[]")
            })
        }
    }
    impl<'ast> syn::visit::Visit<'ast> for Find<'_> {
        fn visit_expr(&mut self, expr: &'ast Expr) {
            match expr {
                Expr::Assign(a) if self.overlaps(&a.left) => self.found = true,
                Expr::Binary(b) if is_compound_assign(&b.op) && self.overlaps(&b.left) => {
                    self.found = true;
                }
                Expr::Reference(r) if r.mutability.is_some() && self.overlaps(&r.expr) => {
                    self.found = true;
                }
                Expr::Closure(_) | Expr::Async(_) => return,
                _ => {}
            }
            syn::visit::visit_expr(self, expr);
        }
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if let Some(point) = marker::index_of_mac(mac).and_then(|i| self.points.get(i)) {
                self.visit_expr(&point.operand);
            }
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
        // A binding of the place's root name hides it: what follows names
        // another value (`let h: u32; … h = r#yield!(9);` inside the
        // operand does not assign the `h` read before it).
        fn visit_block(&mut self, block: &'ast syn::Block) {
            for stmt in &block.stmts {
                self.visit_stmt(stmt);
                if let syn::Stmt::Local(local) = stmt
                    && self.binds_root(&local.pat)
                {
                    return;
                }
            }
        }
        fn visit_arm(&mut self, arm: &'ast syn::Arm) {
            if !self.binds_root(&arm.pat) {
                syn::visit::visit_arm(self, arm);
            }
        }
    }
    impl Find<'_> {
        fn binds_root(&self, pat: &syn::Pat) -> bool {
            pat_bindings(pat)
                .iter()
                .any(|(ident, ..)| self.path.first().is_some_and(|root| ident == root))
        }
    }
    let mut find = Find {
        path,
        points,
        found: false,
    };
    syn::visit::Visit::visit_expr(&mut find, expr);
    find.found
}

/// The hidden binding `name`, read where `operand` was: located at the
/// operand, so that rustc's errors about its value (a yield's sent value
/// of the wrong type) point at the user's code, not at the attribute.
fn name_in_place_of(name: &syn::Ident, operand: &Expr) -> Expr {
    let mut located = name.clone();
    located.set_span(name.span().located_at(syn::spanned::Spanned::span(operand)));
    reparse!(#located)
}
