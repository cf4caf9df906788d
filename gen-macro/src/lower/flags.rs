//! Drop flags: values that only some paths move before a yield.
//!
//! ```text
//! Input:   let a = guard("a"); if give { sink.push(a); } r#yield!(1);
//! Output:  let mut a = DropFlag::new(guard("a"));
//!          if give { sink.push(DropFlag::take(&mut a)); } r#yield!(1);
//! ```
//!
//! The analysis finds such bindings (`Analysis::needs_flag`): a yield after
//! the branch cannot save `a` by name on one path and not on the other, so
//! without a flag it saved nothing and dropped `a` when the generator
//! suspended. As a `DropFlag`, `a` is saved on every path and holds the
//! value or nothing; it is dropped where the plain function drops it. Every
//! use of the value is rewritten: a move takes it out (`DropFlag::take`),
//! an assignment puts one in (`DropFlag::set`), anything else reads it
//! through `(*a)`.
//!
//! Only a binding the rewrite can follow gets a flag: declared once in the
//! body by a `let` with a value, not named in a closure, in another
//! macro's arguments (other than the std formatting macros, which borrow),
//! in a format string, as a `match`/`if let` scrutinee, or by a field moved
//! out of it. Any other keeps the documented behaviour: dropped at the
//! yield.

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use quote::quote;
use syn::visit::{self, Visit};
use syn::visit_mut::{self, VisitMut};
use syn::{Block, Expr, Pat, Stmt};

use crate::analysis::syntax::{
    BORROWING_MACROS, CONSUMING_METHODS, CONSUMING_PREFIXES, format_captures, is_comparison,
    is_compound_assign,
};
use crate::lower::split::Declarations;
use crate::marker::{self, YieldPoint};

/// Declares the bindings `names` as drop flags where the rewrite can
/// follow them; says whether it changed anything.
pub(crate) fn add_drop_flags(
    body: &mut Block,
    points: &mut [YieldPoint],
    names: &[String],
    rt: &syn::Path,
) -> bool {
    let mut declared = Declarations::default();
    declared.visit_block(body);
    for point in points.iter() {
        declared.visit_expr(&point.operand);
    }
    let mut changed = false;
    for name in names {
        if declared.count.get(name).copied() != Some(1) {
            continue;
        }
        let mut check = Check {
            name,
            points,
            declared_by_let: false,
            ok: true,
        };
        check.visit_block(body);
        for point in points.iter() {
            check.visit_expr(&point.operand);
        }
        if !(check.ok && check.declared_by_let) {
            continue;
        }
        let mut flag = Flag { name, rt, points };
        flag.block(body);
        changed = true;
    }
    changed
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
    tokens.into_iter().any(|tree| match tree {
        TokenTree::Ident(ident) => ident == name,
        TokenTree::Group(group) => mentions_tokens(group.stream(), name),
        TokenTree::Literal(lit) => format_captures(&lit.to_string()).iter().any(|c| c == name),
        TokenTree::Punct(_) => false,
    })
}

fn formatting_macro(mac: &syn::Macro) -> bool {
    mac.path.segments.last().is_some_and(|s| {
        s.ident != "matches" && BORROWING_MACROS.contains(&s.ident.to_string().as_str())
    })
}

/// Can the rewrite follow every use of `name`?
struct Check<'a> {
    name: &'a str,
    points: &'a [YieldPoint],
    declared_by_let: bool,
    ok: bool,
}

impl<'ast> Visit<'ast> for Check<'_> {
    fn visit_local(&mut self, local: &'ast syn::Local) {
        let binds = |p: &syn::PatIdent| p.ident == self.name;
        let simple = match &local.pat {
            Pat::Ident(p) => binds(p).then_some(p.by_ref.is_none() && p.subpat.is_none()),
            Pat::Type(t) => match &*t.pat {
                Pat::Ident(p) => binds(p).then_some(p.by_ref.is_none() && p.subpat.is_none()),
                _ => None,
            },
            _ => None,
        };
        if let Some(simple) = simple {
            let with_value = local.init.as_ref().is_some_and(|i| i.diverge.is_none());
            self.declared_by_let = simple && with_value;
            self.ok &= simple && with_value;
        }
        visit::visit_local(self, local);
    }

    fn visit_expr(&mut self, expr: &'ast Expr) {
        if let Some(index) = marker::index_of(expr) {
            if let Some(point) = self.points.get(index) {
                let operand = point.operand.clone();
                self.visit_expr(&operand);
            }
            return;
        }
        match expr {
            Expr::Closure(c) => {
                if mentions_tokens(quote!(#c), self.name) {
                    self.ok = false;
                }
                return;
            }
            Expr::Match(m) if is_name(unparen(&m.expr), self.name) => self.ok = false,
            Expr::Let(l) if is_name(unparen(&l.expr), self.name) => self.ok = false,
            Expr::Field(f) if is_name(unparen(&f.base), self.name) => {
                // A field is read through the flag; moving one out of it
                // cannot be (`(*a).f` is behind a reference).
                self.ok = false;
            }
            _ => {}
        }
        visit::visit_expr(self, expr);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if marker::index_of_mac(mac).is_some() {
            return;
        }
        let tokens = mac.tokens.clone();
        if !formatting_macro(mac) {
            self.ok &= !mentions_tokens(tokens, self.name);
            return;
        }
        // In a formatting macro `a` is borrowed; a `{a}` capture cannot be
        // rewritten.
        let captured = tokens.clone().into_iter().any(|tree| {
            matches!(&tree, TokenTree::Literal(lit)
                if format_captures(&lit.to_string()).iter().any(|c| c == self.name))
        });
        self.ok &= !captured;
    }

    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// The rewrite of one binding's uses.
struct Flag<'a> {
    name: &'a str,
    rt: &'a syn::Path,
    points: &'a mut [YieldPoint],
}

impl Flag<'_> {
    fn block(&mut self, block: &mut Block) {
        for stmt in &mut block.stmts {
            self.stmt(stmt);
        }
    }

    fn stmt(&mut self, stmt: &mut Stmt) {
        match stmt {
            Stmt::Local(local) => {
                let declares = match &mut local.pat {
                    Pat::Ident(p) => p.ident == self.name,
                    Pat::Type(t) => matches!(&*t.pat, Pat::Ident(p) if p.ident == self.name),
                    _ => false,
                };
                if let Some(init) = &mut local.init {
                    self.expr(&mut init.expr, true);
                    if let Some((_, diverge)) = &mut init.diverge {
                        self.expr(diverge, true);
                    }
                }
                if declares {
                    self.declare(local);
                }
            }
            Stmt::Expr(expr, _) => self.expr(expr, true),
            Stmt::Macro(mac) => self.mac(&mut mac.mac),
            Stmt::Item(_) => {}
        }
    }

    /// `let [mut] a[: T] = v;` → `let mut a[: DropFlag<T>] = DropFlag::new(v);`
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
        if let Some(init) = &mut local.init {
            let value = &init.expr;
            *init.expr = syn::parse_quote!(#rt::__private::DropFlag::new(#value));
        }
        local.attrs.push(syn::parse_quote!(#[allow(unused_mut)]));
    }

    /// Rewrites `expr`; `value`: its value is moved on (an argument, an
    /// initialiser, an operand), so `a` there is a move.
    fn expr(&mut self, expr: &mut Expr, value: bool) {
        let (rt, name) = (self.rt, self.name);
        if is_name(expr, name) {
            let ident = syn::Ident::new(name, syn::spanned::Spanned::span(&*expr));
            *expr = if value {
                syn::parse_quote!(#rt::__private::DropFlag::take(&mut #ident))
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
            Expr::Assign(e) if is_name(unparen(&e.left), name) => {
                self.expr(&mut e.right, true);
                let ident = syn::Ident::new(name, syn::spanned::Spanned::span(&*e.left));
                let right = &e.right;
                *expr = syn::parse_quote!(#rt::__private::DropFlag::set(&mut #ident, #right));
            }
            Expr::Assign(e) => {
                self.expr(&mut e.right, true);
                self.expr(&mut e.left, false);
            }
            Expr::Reference(e) => self.expr(&mut e.expr, false),
            Expr::RawAddr(e) => self.expr(&mut e.expr, false),
            Expr::MethodCall(e) => {
                let method = e.method.to_string();
                let consuming = CONSUMING_PREFIXES.iter().any(|p| method.starts_with(p))
                    || CONSUMING_METHODS.contains(&method.as_str());
                self.expr(&mut e.receiver, consuming);
                e.args.iter_mut().for_each(|a| self.expr(a, true));
            }
            Expr::Binary(e) => {
                let operands = if is_comparison(&e.op) {
                    (false, false)
                } else if is_compound_assign(&e.op) {
                    (false, true)
                } else {
                    (true, true)
                };
                self.expr(&mut e.left, operands.0);
                self.expr(&mut e.right, operands.1);
            }
            Expr::Index(e) => {
                self.expr(&mut e.expr, false);
                self.expr(&mut e.index, true);
            }
            Expr::Field(e) => self.expr(&mut e.base, false),
            Expr::Unary(e) => {
                let deref = matches!(e.op, syn::UnOp::Deref(_));
                self.expr(&mut e.expr, !deref);
            }
            Expr::Paren(e) => self.expr(&mut e.expr, value),
            Expr::Group(e) => self.expr(&mut e.expr, value),
            Expr::Block(e) => self.tail_block(&mut e.block, value),
            Expr::Unsafe(e) => self.tail_block(&mut e.block, value),
            Expr::If(e) => {
                self.expr(&mut e.cond, true);
                self.tail_block(&mut e.then_branch, value);
                if let Some((_, else_branch)) = &mut e.else_branch {
                    self.expr(else_branch, value);
                }
            }
            Expr::Match(e) => {
                self.expr(&mut e.expr, false);
                for arm in &mut e.arms {
                    if let Pat::Guard(g) = &mut arm.pat {
                        self.expr(&mut g.guard, true);
                    }
                    self.expr(&mut arm.body, value);
                }
            }
            Expr::Let(e) => self.expr(&mut e.expr, false),
            Expr::Loop(e) => self.block(&mut e.body),
            Expr::While(e) => {
                self.expr(&mut e.cond, true);
                self.block(&mut e.body);
            }
            Expr::ForLoop(e) => {
                self.expr(&mut e.expr, true);
                self.block(&mut e.body);
            }
            Expr::Macro(e) => self.mac(&mut e.mac),
            Expr::Closure(_) | Expr::Async(_) | Expr::Const(_) => {}
            _ => {
                // Calls, literals of tuples, arrays and structs, `return`,
                // `break`, `?`, casts, ranges: their operands are values.
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
        let last = block.stmts.len().saturating_sub(1);
        for (index, stmt) in block.stmts.iter_mut().enumerate() {
            match stmt {
                Stmt::Expr(expr, None) if index == last => self.expr(expr, value),
                other => self.stmt(other),
            }
        }
    }

    /// In a formatting macro, `a` is borrowed: `(*a)`.
    fn mac(&mut self, mac: &mut syn::Macro) {
        if marker::index_of_mac(mac).is_some() || !formatting_macro(mac) {
            return;
        }
        mac.tokens = deref_tokens(std::mem::take(&mut mac.tokens), self.name);
    }
}

fn deref_tokens(tokens: TokenStream, name: &str) -> TokenStream {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(trees.len());
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(ident)
                if ident == name
                    && !matches!(i.checked_sub(1).map(|j| &trees[j]),
                        Some(TokenTree::Punct(p)) if p.as_char() == '.') =>
            {
                let inner = quote!(*#ident);
                out.push(TokenTree::Group(Group::new(Delimiter::Parenthesis, inner)));
            }
            TokenTree::Group(group) => {
                let mut new = Group::new(group.delimiter(), deref_tokens(group.stream(), name));
                new.set_span(group.span());
                out.push(TokenTree::Group(new));
            }
            other => out.push(other.clone()),
        }
    }
    out.into_iter().collect()
}
