//! Drop flags: values that only some paths move before a yield.
//!
//! ```text
//! Input:   let a = guard("a"); if give { sink.push(a); } r#yield!(1);
//! Output:  let mut a = DropFlag::new(guard("a"));
//!          if give { sink.push((&mut &mut a).__gen_take()); } r#yield!(1);
//! ```
//!
//! The analysis finds such bindings (`Analysis::needs_flag`): a yield after
//! the branch cannot save `a` by name on one path and not on the other, so
//! without a flag it saved nothing and dropped `a` when the generator
//! suspended. As a `DropFlag`, `a` is saved on every path and holds the
//! value or nothing; it is dropped where the plain function drops it. Every
//! use of the value is rewritten: a move takes it out (`__gen_take`, which
//! copies a `Copy` value instead),
//! an assignment puts one in (`DropFlag::set`), anything else reads it
//! through `(*a)`.
//!
//! The rewrite follows Rust's scopes: from the binding's `let` to the end
//! of its block, except where another binding of the name hides it. Only a
//! binding the rewrite can follow gets a flag: declared by a `let` with a
//! value or without one, or as one of the names a destructuring `let`
//! binds (how `desugar::split` takes a value's fields apart: the pattern
//! binds a hidden name and the flag's `let` follows it); not moved by a closure or named by a `move` closure (a closure
//! that borrows it reads it through the flag); not named in another macro's
//! arguments (other than the std formatting macros, which borrow), in a
//! format string, as a `match`/`if let` scrutinee, or through a field used
//! by value (a field read in place, `r.s.len()`, goes through the flag).
//! Any other keeps the
//! documented behaviour: dropped at the yield.

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use quote::quote;
use syn::visit_mut::{self, VisitMut};
use syn::{Block, Expr, Pat, Stmt};

use crate::known::{BORROWING_MACROS, CONSUMING_METHODS, CONSUMING_PREFIXES};
use crate::marker::{self, YieldPoint};
use crate::operands::{Operand, operands_mut};
use crate::syntax::{format_captures, pat_bindings};

/// Declares the bindings `targets` (their declaring identifiers) as drop
/// flags where the rewrite can follow them; says whether it changed
/// anything.
pub(crate) fn add_drop_flags(
    body: &mut Block,
    points: &mut [YieldPoint],
    targets: &[syn::Ident],
    rt: &syn::Path,
    send_is_copy: bool,
) -> bool {
    let mut changed = false;
    for target in targets {
        let (mut candidate, mut candidate_points) = (body.clone(), points.to_vec());
        let mut flag = Flag {
            name: target.to_string(),
            at: span_key(target),
            rt,
            points: &mut candidate_points,
            active: false,
            found: false,
            ok: true,
            in_closure: false,
            late: false,
            may_need_drop: false,
            send_is_copy,
        };
        flag.block(&mut candidate);
        // A `let x;` that only ever gets `Copy` values has nothing to drop:
        // no flag, and no cost (`let mut last; … last = r#yield!(…);`).
        let worth_it = !flag.late || flag.may_need_drop;
        if flag.ok && flag.found && worth_it {
            *body = candidate;
            points.clone_from_slice(&candidate_points);
            changed = true;
        }
    }
    changed
}

/// The arguments bound again as the body's first statements, in their
/// order (`let items = items;`), when one of `targets` is an argument: an
/// argument has no `let` of the body for its flag to go on. All of them,
/// not only the flagged one, so that they still drop in reverse order
/// after the body's other locals, as a plain function's arguments do (the
/// receiver first, dropped last). A receiver by reference has nothing to
/// bind again.
pub(crate) fn rebind_arguments(
    body: &mut Block,
    params: &[crate::front::signature::Param],
    targets: &[syn::Ident],
) {
    use crate::front::signature::Param;
    let mut bindings: Vec<(syn::Ident, bool)> = Vec::new();
    for param in params {
        match param {
            Param::Receiver {
                mutable,
                is_ref: false,
                ..
            } => bindings.push((
                syn::Ident::new(crate::names::SELF_ALIAS, proc_macro2::Span::call_site()),
                *mutable,
            )),
            Param::Receiver { .. } => {}
            Param::Ident { ident, mutable, .. } => bindings.push((ident.clone(), *mutable)),
            Param::Pattern { pat, .. } => bindings.extend(
                pat_bindings(pat)
                    .into_iter()
                    .filter(|(_, _, by_ref)| !by_ref)
                    .map(|(ident, mutable, _)| (ident, mutable)),
            ),
        }
    }
    let is_target = |ident: &syn::Ident| {
        targets
            .iter()
            .any(|t| t == ident && span_key(t) == span_key(ident))
    };
    if !bindings.iter().any(|(ident, _)| is_target(ident)) {
        return;
    }
    let lets = bindings.iter().map(|(ident, mutable)| -> Stmt {
        let mutability = mutable.then(|| quote!(mut));
        syn::parse_quote!(#[allow(unused_mut)] let #mutability #ident = #ident;)
    });
    body.stmts.splice(0..0, lets);
}

/// Tells two identifiers of one name apart: where the user wrote them.
fn span_key(ident: &syn::Ident) -> String {
    format!("{:?}", ident.span())
}

fn binds(pat: &Pat, name: &str) -> bool {
    pat_bindings(pat).iter().any(|(ident, _, _)| ident == name)
}

fn is_name(expr: &Expr, name: &str) -> bool {
    matches!(expr, Expr::Path(p) if p.qself.is_none() && p.path.is_ident(name))
}

fn unparen(expr: &Expr) -> &Expr {
    match expr {
        Expr::Paren(p) => unparen(&p.expr),
        Expr::Group(g) => unparen(&g.expr),
        other => other,
    }
}

fn mentions_tokens(tokens: TokenStream, name: &str) -> bool {
    crate::tokens::any(tokens, &mut |trees, i| match &trees[i] {
        TokenTree::Ident(ident) => ident == name,
        TokenTree::Literal(lit) => format_captures(&lit.to_string()).iter().any(|c| c == name),
        _ => false,
    })
}

/// `a.push(a.len())` through the flag: rustc's two-phase borrow lets the
/// plain function read `a` in the arguments while `a` is reserved for the
/// call, but not through `DerefMut` (E0502). The arguments are evaluated
/// first, as they are in the plain function, and kept to the end of the
/// call as a `match` scrutinee keeps them:
/// `match (args…,) { (t0, …,) => (*a).push(t0, …) }`.
fn args_first(call: &syn::ExprMethodCall) -> Expr {
    let temps: Vec<syn::Ident> = (0..call.args.len())
        .map(|i| quote::format_ident!("__gen_arg_{}", i, span = proc_macro2::Span::mixed_site()))
        .collect();
    let args = call.args.iter();
    let mut call = call.clone();
    call.args = temps
        .iter()
        .map(|t| -> Expr { syn::parse_quote!(#t) })
        .collect();
    reparse!(match (#(#args,)*) { (#(#temps,)*) => #call })
}

fn formatting_macro(mac: &syn::Macro) -> bool {
    mac.path.segments.last().is_some_and(|s| {
        s.ident != "matches" && BORROWING_MACROS.contains(&s.ident.to_string().as_str())
    })
}

/// The rewrite of one binding's uses.
struct Flag<'a> {
    name: String,
    /// Where its `let` names it (see `span_key`).
    at: String,
    rt: &'a syn::Path,
    points: &'a mut [YieldPoint],
    /// The name refers to the binding here.
    active: bool,
    /// Its `let` was seen.
    found: bool,
    /// Every use could be rewritten.
    ok: bool,
    /// Inside a closure that borrows its captures.
    in_closure: bool,
    /// Declared without a value (`let x;`).
    late: bool,
    /// Given a value that may have a destructor: one that is neither a
    /// literal nor the sent value of a `Copy` send type.
    may_need_drop: bool,
    send_is_copy: bool,
}

impl Flag<'_> {
    fn block(&mut self, block: &mut Block) {
        let outer = self.active;
        let mut index = 0;
        while index < block.stmts.len() {
            if let Some(flag) = self.stmt(&mut block.stmts[index]) {
                // The flag's own `let`, after the destructuring one.
                block.stmts.insert(index + 1, flag);
                index += 1;
            }
            index += 1;
        }
        self.active = outer;
    }

    /// Runs `f` where the name is hidden when `hidden`.
    /// An `if`/`while` condition: in a let chain, what a `let` binds hides
    /// the name in the operands after it (`let Some(a) = x && a > 1`).
    fn condition(&mut self, cond: &mut Expr, name: &str) {
        let mut hidden = false;
        self.chain_operands(cond, name, &mut hidden);
    }

    fn chain_operands(&mut self, operand: &mut Expr, name: &str, hidden: &mut bool) {
        match operand {
            Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
                self.chain_operands(&mut b.left, name, hidden);
                self.chain_operands(&mut b.right, name, hidden);
            }
            _ => {
                self.hidden_if(*hidden, |f| f.expr(operand, true));
                if let Expr::Let(l) = operand {
                    *hidden |= binds(&l.pat, name);
                }
            }
        }
    }

    fn hidden_if(&mut self, hidden: bool, f: impl FnOnce(&mut Self)) {
        let outer = self.active;
        if hidden {
            self.active = false;
        }
        f(self);
        self.active = outer;
    }

    /// Rewrites one statement; returns a statement to insert after it
    /// (the flag of a binding a destructuring `let` declares).
    fn stmt(&mut self, stmt: &mut Stmt) -> Option<Stmt> {
        match stmt {
            Stmt::Local(local) => {
                if let Some(init) = &mut local.init {
                    self.expr(&mut init.expr, true);
                    if let Some((_, diverge)) = &mut init.diverge {
                        self.expr(diverge, true);
                    }
                }
                if binds(&local.pat, &self.name) {
                    let target = match &local.pat {
                        Pat::Ident(p) => Some(p),
                        Pat::Type(t) => match &*t.pat {
                            Pat::Ident(p) => Some(p),
                            _ => None,
                        },
                        _ => None,
                    }
                    .filter(|p| p.ident == self.name && span_key(&p.ident) == self.at);
                    match target {
                        Some(p) => {
                            let simple = p.by_ref.is_none() && p.subpat.is_none();
                            // (`let x;` starts as an empty flag.)
                            let no_else = local.init.as_ref().is_none_or(|i| i.diverge.is_none());
                            self.ok &= simple && no_else && !self.found;
                            self.late = local.init.is_none();
                            self.found = true;
                            self.active = true;
                            self.declare(local);
                        }
                        None => return self.destructured(local),
                    }
                }
                None
            }
            Stmt::Expr(expr, _) => {
                self.expr(expr, true);
                None
            }
            Stmt::Macro(mac) => {
                self.mac(&mut mac.mac);
                None
            }
            Stmt::Item(_) => None,
        }
    }

    /// The binding is one of several a pattern declares (`let Rec { a,
    /// b } = r;`, how `desugar::split` takes a value's fields apart): the
    /// pattern binds a hidden name instead, and the flag follows,
    /// `let mut a = DropFlag::new(hidden);`. Another binding of the name
    /// in the pattern only hides it.
    fn destructured(&mut self, local: &mut syn::Local) -> Option<Stmt> {
        struct Find<'n> {
            name: &'n str,
            at: &'n str,
            hidden: syn::Ident,
            found: Option<syn::Ident>,
            simple: bool,
        }
        impl VisitMut for Find<'_> {
            fn visit_pat_ident_mut(&mut self, p: &mut syn::PatIdent) {
                if p.ident == self.name && span_key(&p.ident) == self.at && self.found.is_none() {
                    self.simple = p.by_ref.is_none() && p.subpat.is_none();
                    self.found = Some(std::mem::replace(&mut p.ident, self.hidden.clone()));
                    p.mutability = None;
                    return;
                }
                visit_mut::visit_pat_ident_mut(self, p);
            }
        }
        let no_else = local.init.as_ref().is_some_and(|i| i.diverge.is_none());
        let mut find = Find {
            name: &self.name,
            at: &self.at,
            hidden: quote::format_ident!(
                "__gen_flagged_{}",
                self.name.trim_start_matches("r#"),
                span = proc_macro2::Span::mixed_site()
            ),
            found: None,
            simple: false,
        };
        let mut pat = local.pat.clone();
        find.visit_pat_mut(&mut pat);
        let Some(ident) = find.found else {
            self.active = false;
            return None;
        };
        if !(find.simple && no_else) || self.found {
            self.ok = false;
            return None;
        }
        local.pat = pat;
        self.found = true;
        self.active = true;
        let (rt, hidden) = (self.rt, &find.hidden);
        Some(syn::parse_quote! {
            #[allow(unused_mut)]
            let mut #ident = #rt::__private::DropFlag::new(#hidden);
        })
    }

    /// `let [mut] a[: T] = v;` → `let mut a[: DropFlag<T>] = DropFlag::new(v);`,
    /// and `let a;` → `let mut a = DropFlag::empty();`.
    fn declare(&mut self, local: &mut syn::Local) {
        let rt = self.rt;
        match &mut local.pat {
            Pat::Ident(p) => p.mutability = Some(Default::default()),
            Pat::Type(t) => {
                if let Pat::Ident(p) = &mut *t.pat {
                    p.mutability = Some(Default::default());
                }
                let ty = &t.ty;
                *t.ty = syn::parse_quote!(#rt::__private::DropFlag<#ty>);
            }
            _ => {}
        }
        match &mut local.init {
            Some(init) => {
                let value = &init.expr;
                *init.expr = reparse!(#rt::__private::DropFlag::new(#value));
            }
            None => {
                local.init = Some(syn::LocalInit {
                    eq_token: Default::default(),
                    expr: Box::new(syn::parse_quote!(#rt::__private::DropFlag::empty())),
                    diverge: None,
                });
            }
        }
        local.attrs.push(syn::parse_quote!(#[allow(unused_mut)]));
    }

    /// Rewrites `expr`; `value`: its value is moved on (an argument, an
    /// initialiser, an operand), so `a` there is a move.
    fn expr(&mut self, expr: &mut Expr, value: bool) {
        let rt = self.rt;
        let name = self.name.clone();
        let name = name.as_str();
        if self.active && is_name(expr, name) {
            if value && self.in_closure {
                // Taken by the closure when it is made, not when called.
                self.ok = false;
                return;
            }
            let ident = syn::Ident::new(name, syn::spanned::Spanned::span(&*expr));
            *expr = if value {
                // A `Copy` value is copied, not taken (see the runtime's
                // `TakeCopy`): the plain function never moves one.
                syn::parse_quote!({
                    use #rt::__private::{TakeCopy as _, TakeMove as _};
                    (&mut &mut #ident).__gen_take()
                })
            } else {
                syn::parse_quote!((*#ident))
            };
            return;
        }
        if let Some(index) = marker::index_of(expr) {
            if let Some(point) = self.points.get_mut(index) {
                let mut operand = point.operand.clone();
                self.expr(&mut operand, true);
                if let Some(point) = self.points.get_mut(index) {
                    point.operand = operand;
                }
            }
            return;
        }
        match expr {
            Expr::Assign(e) if self.active && is_name(unparen(&e.left), name) => {
                let copy_value = matches!(unparen(&e.right), Expr::Lit(_))
                    || (self.send_is_copy && marker::index_of(unparen(&e.right)).is_some());
                self.may_need_drop |= !copy_value;
                self.expr(&mut e.right, true);
                let ident = syn::Ident::new(name, syn::spanned::Spanned::span(&*e.left));
                let right = &e.right;
                // The value first, as the assignment evaluates it (a yield
                // in it stays the first thing its statement does).
                let value =
                    quote::format_ident!("__gen_value", span = proc_macro2::Span::mixed_site());
                *expr = reparse!({
                    let #value = #right;
                    #rt::__private::DropFlag::set(&mut #ident, #value)
                });
            }
            // `(d, a) = (a, d)`, `[d, a] = …`: `a` is one of the places a
            // destructuring assignment assigns. The pattern assigns a
            // temporary in its place, which goes into the flag after it,
            // in the order the plain assignment drops and assigns.
            Expr::Assign(e)
                if self.active
                    && !is_name(unparen(&e.left), name)
                    && destructures(&e.left, name) =>
            {
                self.may_need_drop = true;
                self.expr(&mut e.right, true);
                let ident = syn::Ident::new(name, syn::spanned::Spanned::span(&*e.left));
                // (One per name: another flagged name of the same pattern
                // is rewritten by its own pass, around this block.)
                let assigned = quote::format_ident!(
                    "__gen_assigned_{}",
                    name,
                    span = proc_macro2::Span::mixed_site()
                );
                replace_destructured(&mut e.left, name, &assigned);
                self.expr(&mut e.left, false);
                *expr = reparse!({
                    let #assigned;
                    #expr;
                    #rt::__private::DropFlag::set(&mut #ident, #assigned)
                });
            }
            Expr::MethodCall(e) => {
                let method = e.method.to_string();
                let consuming = CONSUMING_PREFIXES.iter().any(|p| method.starts_with(p))
                    || CONSUMING_METHODS.contains(&method.as_str());
                let two_phase = self.active
                    && !consuming
                    && is_name(unparen(&e.receiver), name)
                    && e.args.iter().any(|a| mentions_tokens(quote!(#a), name));
                self.expr(&mut e.receiver, consuming);
                e.args.iter_mut().for_each(|a| self.expr(a, true));
                if two_phase {
                    *expr = args_first(e);
                }
            }
            Expr::Field(e) if self.active && is_name(unparen(&e.base), name) => {
                if value {
                    // A field through the flag could not be moved out of it.
                    self.ok = false;
                } else {
                    // Read, borrowed or assigned in place (`r.s.len()`,
                    // `&r.s`, `r.n = 1`): through the flag, `(*r).s`. (A
                    // field moved out before could not be: the plain
                    // function moves the whole value on another path.)
                    self.expr(&mut e.base, false);
                }
            }
            Expr::Field(e) => self.expr(&mut e.base, false),
            Expr::Paren(e) => self.expr(&mut e.expr, value),
            Expr::Group(e) => self.expr(&mut e.expr, value),
            Expr::Block(e) => self.tail_block(&mut e.block, value),
            Expr::Unsafe(e) => self.tail_block(&mut e.block, value),
            Expr::If(e) => {
                self.condition(&mut e.cond, name);
                let hidden = lets_bind(&e.cond, name);
                self.hidden_if(hidden, |f| f.tail_block(&mut e.then_branch, value));
                if let Some((_, else_branch)) = &mut e.else_branch {
                    self.expr(else_branch, value);
                }
            }
            Expr::Match(e) => {
                if self.active && is_name(unparen(&e.expr), name) {
                    self.ok = false;
                }
                self.expr(&mut e.expr, false);
                for arm in &mut e.arms {
                    let hidden = binds(&arm.pat, name);
                    self.hidden_if(hidden, |f| {
                        if let Pat::Guard(g) = &mut arm.pat {
                            f.expr(&mut g.guard, true);
                        }
                        f.expr(&mut arm.body, value);
                    });
                }
            }
            Expr::Let(e) => {
                if self.active && is_name(unparen(&e.expr), name) {
                    self.ok = false;
                }
                self.expr(&mut e.expr, false);
            }
            Expr::Loop(e) => self.block(&mut e.body),
            Expr::While(e) => {
                self.condition(&mut e.cond, name);
                let hidden = lets_bind(&e.cond, name);
                self.hidden_if(hidden, |f| f.block(&mut e.body));
            }
            Expr::ForLoop(e) => {
                self.expr(&mut e.expr, true);
                let hidden = binds(&e.pat, name);
                self.hidden_if(hidden, |f| f.block(&mut e.body));
            }
            Expr::Macro(e) => self.mac(&mut e.mac),
            Expr::Closure(c) => {
                let hidden = c.inputs.iter().any(|p| binds(p, name));
                if self.active && !hidden && mentions_tokens(quote!(#c), name) {
                    if c.capture.is_some() {
                        // `move` takes the value when the closure is made.
                        self.ok = false;
                    } else {
                        // A closure that borrows the value reads it through
                        // the flag; one that would take it is refused.
                        let outer = std::mem::replace(&mut self.in_closure, true);
                        self.expr(&mut c.body, true);
                        self.in_closure = outer;
                    }
                }
            }
            Expr::Async(_) | Expr::Const(_) => {
                if self.active && mentions_tokens(quote!(#expr), name) {
                    self.ok = false;
                }
            }
            // Assignments, operators, literals of tuples, arrays and
            // structs, `&`, `return`, `break`, `?`, `.await`: as the operand
            // table says. (Not calls, whose callee the table leaves out
            // when it is a place: a flagged closure that is called is taken
            // out of its flag, below.)
            _ => {
                if !matches!(expr, Expr::Call(_))
                    && let Some(operands) = operands_mut(expr)
                {
                    for (operand, kind) in operands {
                        self.expr(operand, kind != Operand::Place);
                    }
                    return;
                }
                // Calls (callee and arguments), literals and the rest:
                // their operands are values.
                struct Operands<'f, 'a>(&'f mut Flag<'a>);
                impl VisitMut for Operands<'_, '_> {
                    fn visit_expr_mut(&mut self, expr: &mut Expr) {
                        self.0.expr(expr, true);
                    }
                    fn visit_block_mut(&mut self, block: &mut Block) {
                        self.0.block(block);
                    }
                    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
                }
                visit_mut::visit_expr_mut(&mut Operands(self), expr);
            }
        }
    }

    /// A block whose tail is the value of the expression around it.
    fn tail_block(&mut self, block: &mut Block, value: bool) {
        let outer = self.active;
        let mut index = 0;
        while index < block.stmts.len() {
            let last = index + 1 == block.stmts.len();
            match &mut block.stmts[index] {
                Stmt::Expr(expr, None) if last => self.expr(expr, value),
                other => {
                    if let Some(flag) = self.stmt(other) {
                        block.stmts.insert(index + 1, flag);
                        index += 1;
                    }
                }
            }
            index += 1;
        }
        self.active = outer;
    }

    /// In a formatting macro, `a` is borrowed: `(*a)`. A capture in its
    /// format string, or `a` in another macro, cannot be rewritten.
    fn mac(&mut self, mac: &mut syn::Macro) {
        if let Some(index) = marker::index_of_mac(mac) {
            // A yield written as a statement: its operand is a value.
            if let Some(point) = self.points.get_mut(index) {
                let mut operand = point.operand.clone();
                self.expr(&mut operand, true);
                if let Some(point) = self.points.get_mut(index) {
                    point.operand = operand;
                }
            }
            return;
        }
        if !self.active {
            return;
        }
        let tokens = std::mem::take(&mut mac.tokens);
        if !formatting_macro(mac) {
            self.ok &= !mentions_tokens(tokens.clone(), &self.name);
            mac.tokens = tokens;
            return;
        }
        let captured = tokens.clone().into_iter().any(|tree| {
            matches!(&tree, TokenTree::Literal(lit)
                if format_captures(&lit.to_string()).contains(&self.name))
        });
        self.ok &= !captured;
        mac.tokens = deref_tokens(tokens, &self.name);
    }
}

/// Does a condition bind `name` (`if let Some(name) = …`, also in a chain)?
fn lets_bind(cond: &Expr, name: &str) -> bool {
    match cond {
        Expr::Let(l) => binds(&l.pat, name),
        Expr::Binary(b) => lets_bind(&b.left, name) || lets_bind(&b.right, name),
        Expr::Paren(p) => lets_bind(&p.expr, name),
        Expr::Group(g) => lets_bind(&g.expr, name),
        _ => false,
    }
}

/// Is `name` one of the places the destructuring pattern `target` (a
/// tuple, array or struct literal on the left of `=`) assigns?
fn destructures(target: &Expr, name: &str) -> bool {
    match target {
        Expr::Path(_) => is_name(target, name),
        Expr::Paren(p) => destructures(&p.expr, name),
        Expr::Tuple(t) => t.elems.iter().any(|e| destructures(e, name)),
        Expr::Array(a) => a.elems.iter().any(|e| destructures(e, name)),
        Expr::Struct(s) => s.fields.iter().any(|f| destructures(&f.expr, name)),
        _ => false,
    }
}

/// Puts `with` in place of `name` where [`destructures`] found it.
fn replace_destructured(target: &mut Expr, name: &str, with: &syn::Ident) {
    match target {
        Expr::Path(_) if is_name(target, name) => {
            *target = reparse!(#with);
        }
        Expr::Paren(p) => replace_destructured(&mut p.expr, name, with),
        Expr::Tuple(t) => t
            .elems
            .iter_mut()
            .for_each(|e| replace_destructured(e, name, with)),
        Expr::Array(a) => a
            .elems
            .iter_mut()
            .for_each(|e| replace_destructured(e, name, with)),
        Expr::Struct(s) => {
            for field in &mut s.fields {
                if destructures(&field.expr, name) {
                    replace_destructured(&mut field.expr, name, with);
                    // `S { a }` is printed as its member alone: write the
                    // temporary out (`S { a: temporary }`).
                    field.colon_token = Some(Default::default());
                }
            }
        }
        _ => {}
    }
}

fn deref_tokens(tokens: TokenStream, name: &str) -> TokenStream {
    crate::tokens::rewrite(tokens, &mut |trees, i, _| match &trees[i] {
        TokenTree::Ident(ident) if ident == name && !crate::tokens::after_dot(trees, i) => {
            let inner = quote!(*#ident);
            let group = Group::new(Delimiter::Parenthesis, inner);
            Some(crate::tokens::Edit::one(TokenTree::Group(group)))
        }
        _ => None,
    })
}
