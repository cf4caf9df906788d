//! Values whose fields are moved out one by one.
//!
//! A plain function may move `p.items` out of `p` and go on using
//! `p.label`; Rust tracks each field as a place of its own. A generator
//! that saved `p` whole at a later yield would not compile ("use of
//! partially moved value"), and without type information the macro cannot
//! save "what is left of `p`". So before the analysis, such a value is split
//! into the fields the body names: just before the first statement that
//! moves a field out, each field the body names (there or before) is
//! moved into a binding of its own, and `p.f` reads that binding afterwards.
//!
//! ```text
//! Input:   for x in self.items { r#yield!(format!("{}#{x}", self.label)); }
//! Output:  let mut self_label = __self.label; let mut self_items = __self.items;
//!          for x in self_items { r#yield!(format!("{}#{x}", self_label)); }
//! ```
//!
//! Each field binding is then saved where it is live and dropped at the end
//! of the scope, like any local. Fields the body does not name stay in
//! `p`, which is now moved from: they are dropped when the
//! generator next suspends, as any value that may have been moved
//! (see the README's limits).
//!
//! A value is split only when it can be: it is declared once in the body
//! (no shadowing to resolve), it is `self` by value, an argument of a
//! struct or tuple type that is not a smart pointer (moving out of an `Rc`
//! is an error where borrowing through it was not), or a local initialised
//! by a struct or tuple literal; the value is never used whole after the
//! first field move; and a yield follows that move where some field is
//! needed after it, or another field to keep to the end of the scope is
//! known (every field of a literal, or one more field the body names);
//! otherwise nothing needs saving.

use std::collections::HashSet;

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use syn::visit::{self, Visit};
use syn::visit_mut::{self, VisitMut};
use syn::{Block, Expr, Member, Pat, Stmt};

use crate::known::{CONSUMING_METHODS, CONSUMING_PREFIXES};
use crate::marker::{self, PointKind, YieldPoint};
use crate::names::SELF_ALIAS;
use crate::syntax::format_captures;

/// How a value is taken apart into its fields: one `let` whose pattern
/// moves the named fields out, so that the value as a whole is moved there
/// (which the analysis sees) and each field is a binding of its own.
#[derive(Clone)]
pub(crate) enum Shape {
    /// `let Path { f: mut x, .. } = p;` (a struct, `Self`); `deref`: `p` is
    /// a `Box` of it (`= *p`).
    Struct { path: syn::Path, deref: bool },
    /// `let (mut x, _, mut z, ..) = p;`
    Tuple,
}

impl Shape {
    /// The shape of a value of type `ty`, if its fields can be moved out
    /// (see [`fields_movable`]).
    pub(crate) fn of_type(ty: &syn::Type) -> Option<Shape> {
        match ty {
            syn::Type::Tuple(t) if !t.elems.is_empty() => Some(Shape::Tuple),
            syn::Type::Paren(p) => Shape::of_type(&p.elem),
            syn::Type::Group(g) => Shape::of_type(&g.elem),
            syn::Type::Path(p) if p.qself.is_none() && fields_movable(ty) => {
                let last = p.path.segments.last()?;
                if last.ident == "Box"
                    && let syn::PathArguments::AngleBracketed(args) = &last.arguments
                    && let Some(syn::GenericArgument::Type(inner)) = args.args.first()
                {
                    return match Shape::of_type(inner)? {
                        Shape::Struct { path, .. } => Some(Shape::Struct { path, deref: true }),
                        Shape::Tuple => None,
                    };
                }
                let mut path = p.path.clone();
                for segment in &mut path.segments {
                    segment.arguments = syn::PathArguments::None;
                }
                Some(Shape::Struct { path, deref: false })
            }
            _ => None,
        }
    }
}

/// Splits the values of `body` whose fields are moved out one by one;
/// `params` names every argument (`__self` for `self`; a `gen_block!`'s
/// captures), with its shape when it may be split. (All count as
/// declarations: a local named like one is declared twice, and is never
/// taken for the only value of its name.) Returns the locals initialised by a literal that
/// names every field and that were not split: a field of one read by value
/// before a yield was a copy (a real move before a yield would have split
/// it), so such a read does not move the value.
pub(crate) fn split_body(
    body: &mut Block,
    points: &mut [YieldPoint],
    params: &[(String, Option<Shape>)],
    copy_yields: bool,
) -> Vec<String> {
    let mut declared = Declarations::default();
    declared.visit_block(body);
    for point in points.iter() {
        declared.visit_expr(&point.operand);
    }
    for (param, _) in params {
        *declared.count.entry(param.clone()).or_default() += 1;
    }
    let names: Vec<String> = params.iter().map(|(name, _)| name.clone()).collect();
    let mut splitter = Splitter {
        points,
        declared,
        params: &names,
        whole: Vec::new(),
        copy_yields,
    };
    for (param, shape) in params {
        if let Some(shape) = shape {
            splitter.split_in(body, 0, param, None, shape);
        }
    }
    splitter.visit_block_mut(body);
    splitter.whole
}

/// Every identifier the body declares or mentions, with how many patterns
/// declare it.
#[derive(Default)]
pub(crate) struct Declarations {
    pub(crate) count: std::collections::HashMap<String, usize>,
    pub(crate) idents: HashSet<String>,
}

impl<'ast> Visit<'ast> for Declarations {
    fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
        *self.count.entry(p.ident.to_string()).or_default() += 1;
        visit::visit_pat_ident(self, p);
    }
    fn visit_ident(&mut self, ident: &'ast syn::Ident) {
        self.idents.insert(ident.to_string());
    }
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        collect_token_idents(mac.tokens.clone(), &mut self.idents);
        visit::visit_macro(self, mac);
    }
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

fn collect_token_idents(tokens: TokenStream, into: &mut HashSet<String>) {
    crate::tokens::any(tokens, &mut |trees, i| {
        if let TokenTree::Ident(ident) = &trees[i] {
            into.insert(ident.to_string());
        }
        false
    });
}

/// The value as its `let` wrote it and every field of the literal that
/// initialised it, when the literal names them all.
type Literal = Option<(syn::Ident, Vec<Member>)>;

struct Splitter<'a> {
    /// A field a yield hands out is copied, not moved (the yield type is
    /// visibly `Copy`).
    copy_yields: bool,
    points: &'a mut [YieldPoint],
    declared: Declarations,
    params: &'a [String],
    /// Values of known shape, declared once, left whole.
    whole: Vec<String>,
}

impl Splitter<'_> {
    fn keep_whole(&mut self, name: &str) {
        if self.declared.count.get(name).copied().unwrap_or(0) == 1 {
            self.whole.push(name.to_owned());
        }
    }
}

impl VisitMut for Splitter<'_> {
    fn visit_block_mut(&mut self, block: &mut Block) {
        // Candidates declared in this block, last first, so that inserting
        // statements does not move the ones still to do.
        let locals: Vec<(usize, (String, Literal, Shape))> = block
            .stmts
            .iter()
            .enumerate()
            .filter_map(|(index, stmt)| splittable_local(stmt).map(|local| (index + 1, local)))
            .collect();
        for (from, (name, literal, shape)) in locals.into_iter().rev() {
            if self.params.contains(&name) {
                continue;
            }
            let all_fields = literal.is_some();
            if !self.split_in(block, from, &name, literal, &shape) {
                if all_fields {
                    self.keep_whole(&name);
                }
            } else if let Stmt::Local(local) = &mut block.stmts[from - 1] {
                // `let mut p`: the body's writes to `p.f` now go to the
                // field's own binding.
                local.attrs.push(syn::parse_quote!(#[allow(unused_mut)]));
            }
        }
        visit_mut::visit_block_mut(self, block);
    }
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// `let [mut] p = Struct { … }` or `let [mut] p = (…)`: a value whose
/// type has fields of its own; with `p` as written and all its fields,
/// in order, when the literal lists them all.
fn splittable_local(stmt: &Stmt) -> Option<(String, Literal, Shape)> {
    let Stmt::Local(local) = stmt else {
        return None;
    };
    let Pat::Ident(p) = &local.pat else {
        return None;
    };
    let init = local.init.as_ref()?;
    if p.by_ref.is_some() || p.subpat.is_some() || init.diverge.is_some() {
        return None;
    }
    let (fields, shape) = match literal_of(&init.expr)? {
        Expr::Struct(s) if s.qself.is_none() => {
            let all = s.rest.is_none() && s.dot2_token.is_none();
            let mut path = s.path.clone();
            for segment in &mut path.segments {
                segment.arguments = syn::PathArguments::None;
            }
            let shape = Shape::Struct { path, deref: false };
            (
                all.then(|| s.fields.iter().map(|f| f.member.clone()).collect()),
                shape,
            )
        }
        Expr::Tuple(t) if !t.elems.is_empty() => (
            Some(
                (0..t.elems.len())
                    .map(|index| {
                        Member::Unnamed(syn::Index {
                            index: index as u32,
                            span: p.ident.span(),
                        })
                    })
                    .collect(),
            ),
            Shape::Tuple,
        ),
        _ => return None,
    };
    Some((
        p.ident.to_string(),
        fields.map(|fields| (p.ident.clone(), fields)),
        shape,
    ))
}

/// The struct or tuple literal an initialiser ends in: itself, or the tail
/// of the block the hoisting pass wraps it in when one of its fields yields
/// (`{ let __gen_hoist_0 = …; Rec { g: __gen_hoist_0, n: r#yield!(1) } }`).
fn literal_of(expr: &Expr) -> Option<&Expr> {
    match expr {
        Expr::Struct(_) | Expr::Tuple(_) => Some(expr),
        Expr::Block(b) if b.label.is_none() && b.attrs.is_empty() => match b.block.stmts.last() {
            Some(Stmt::Expr(tail, None)) => literal_of(tail),
            _ => None,
        },
        _ => None,
    }
}

/// A type whose fields can be moved out of a value of it: a struct, a
/// tuple or a `Box` of one, not a smart pointer that derefs to it.
pub(crate) fn fields_movable(ty: &syn::Type) -> bool {
    const DEREF: &[&str] = &["Rc", "Arc", "Cow", "Ref", "RefMut", "Pin", "ManuallyDrop"];
    match ty {
        syn::Type::Tuple(t) => !t.elems.is_empty(),
        syn::Type::Paren(p) => fields_movable(&p.elem),
        syn::Type::Group(g) => fields_movable(&g.elem),
        syn::Type::Path(p) if p.qself.is_none() => p.path.segments.last().is_some_and(|last| {
            let name = last.ident.to_string();
            !DEREF.contains(&name.as_str()) && !name.ends_with("Guard")
        }),
        _ => false,
    }
}

/// What one statement does with `p`, in source order.
#[derive(Clone, Copy, PartialEq)]
enum Event {
    /// A field is moved out (or copied: the macro cannot tell).
    Moved,
    /// A field is named.
    Field,
    /// `p` itself is used.
    Whole,
    /// A suspension point.
    Yield,
}

/// What happens to the value, in source order, with the loops (numbered)
/// around each event.
type Events = Vec<(Event, Vec<usize>)>;

struct Survey<'a> {
    copy_yields: bool,
    name: &'a str,
    points: &'a [YieldPoint],
    events: Events,
    fields: Vec<Member>,
    /// `p` as the user wrote it.
    owner: Option<syn::Ident>,
    loops: Vec<usize>,
    next_loop: usize,
    /// Inside a `move` closure, which takes each field it names by value
    /// (closures capture disjoint fields since edition 2021).
    moving: bool,
}

impl Survey<'_> {
    fn push(&mut self, event: Event) {
        self.events.push((event, self.loops.clone()));
    }

    /// `p.f` (in parentheses or not): `p` as written, and `f`.
    fn field_of(&self, expr: &Expr) -> Option<(syn::Ident, Member)> {
        match expr {
            Expr::Field(f) if is_name(&f.base, self.name) => {
                let Expr::Path(base) = &*f.base else {
                    return None;
                };
                Some((base.path.segments[0].ident.clone(), f.member.clone()))
            }
            Expr::Paren(p) => self.field_of(&p.expr),
            Expr::Group(g) => self.field_of(&g.expr),
            _ => None,
        }
    }

    fn note_field(&mut self, owner: &syn::Ident, member: &Member) {
        // The value is named as the user wrote it, which carries the
        // hygiene of where it was written (a `macro_rules!` body, say).
        self.owner.get_or_insert_with(|| owner.clone());
        if !self.fields.contains(member) {
            self.fields.push(member.clone());
        }
        self.push(if self.moving {
            Event::Moved
        } else {
            Event::Field
        });
    }

    /// `expr` is evaluated to a value that is moved on: a field there is
    /// moved out.
    fn value(&mut self, expr: &Expr) {
        if self.field_of(expr).is_some() {
            self.push(Event::Moved);
        }
    }

    fn in_loop(&mut self, f: impl FnOnce(&mut Self)) {
        self.next_loop += 1;
        self.loops.push(self.next_loop);
        f(self);
        self.loops.pop();
    }

    fn tokens(&mut self, tokens: TokenStream) {
        let trees: Vec<TokenTree> = tokens.into_iter().collect();
        let mut i = 0;
        while i < trees.len() {
            match &trees[i] {
                TokenTree::Ident(ident) if ident == self.name => match token_field(&trees, i) {
                    Some(member) => {
                        let owner = ident.clone();
                        self.note_field(&owner, &member);
                        i += 3;
                        continue;
                    }
                    None => self.push(Event::Whole),
                },
                TokenTree::Group(group) => self.tokens(group.stream()),
                TokenTree::Literal(lit)
                    if format_captures(&lit.to_string())
                        .iter()
                        .any(|captured| captured == self.name) =>
                {
                    self.push(Event::Whole);
                }
                _ => {}
            }
            i += 1;
        }
    }
}

/// `p . f` at `trees[i]` (a field, not a method `p . m (…)`).
fn token_field(trees: &[TokenTree], i: usize) -> Option<Member> {
    let (Some(TokenTree::Punct(dot)), Some(member)) = (trees.get(i + 1), trees.get(i + 2)) else {
        return None;
    };
    if dot.as_char() != '.' || dot.spacing() != proc_macro2::Spacing::Alone {
        return None;
    }
    if let Some(TokenTree::Group(g)) = trees.get(i + 3)
        && g.delimiter() == Delimiter::Parenthesis
    {
        return None;
    }
    if let Some(TokenTree::Punct(p)) = trees.get(i + 3)
        && p.as_char() == ':'
    {
        // `p.m::<T>(…)`
        return None;
    }
    match member {
        TokenTree::Ident(ident) => Some(Member::Named(ident.clone())),
        TokenTree::Literal(lit) => {
            syn::parse_str::<syn::Index>(&lit.to_string())
                .ok()
                .map(|index| {
                    Member::Unnamed(syn::Index {
                        index: index.index,
                        span: lit.span(),
                    })
                })
        }
        _ => None,
    }
}

fn is_name(expr: &Expr, name: &str) -> bool {
    matches!(expr, Expr::Path(p) if p.qself.is_none() && p.path.is_ident(name))
}

impl<'ast> Visit<'ast> for Survey<'_> {
    fn visit_expr(&mut self, expr: &'ast Expr) {
        if let Some(index) = marker::index_of(expr) {
            if let Some(point) = self.points.get(index) {
                let operand = point.operand.clone();
                // (The operand of a delegation or call point is the
                // delegate, not a value of the yield type.)
                if !(self.copy_yields && point.kind == PointKind::Yield) {
                    self.value(&operand);
                }
                self.visit_expr(&operand);
            }
            self.push(Event::Yield);
            return;
        }
        if is_name(expr, self.name) {
            self.push(Event::Whole);
            return;
        }
        if let Some((owner, member)) = self.field_of(expr) {
            self.note_field(&owner, &member);
            return;
        }
        match expr {
            Expr::Assign(e) => self.value(&e.right),
            Expr::Call(e) => e.args.iter().for_each(|a| self.value(a)),
            Expr::MethodCall(e) => {
                let name = e.method.to_string();
                if CONSUMING_PREFIXES.iter().any(|p| name.starts_with(p))
                    || CONSUMING_METHODS.contains(&name.as_str())
                {
                    self.value(&e.receiver);
                }
                e.args.iter().for_each(|a| self.value(a));
            }
            Expr::Struct(e) => e.fields.iter().for_each(|f| self.value(&f.expr)),
            Expr::Tuple(e) => e.elems.iter().for_each(|a| self.value(a)),
            Expr::Array(e) => e.elems.iter().for_each(|a| self.value(a)),
            Expr::Return(e) => e.expr.iter().for_each(|a| self.value(a)),
            Expr::Break(e) => e.expr.iter().for_each(|a| self.value(a)),
            Expr::Try(e) => self.value(&e.expr),
            Expr::Match(e) => self.value(&e.expr),
            Expr::Let(e) => self.value(&e.expr),
            Expr::ForLoop(e) => {
                self.value(&e.expr);
                self.visit_expr(&e.expr);
                self.in_loop(|s| s.visit_block(&e.body));
                return;
            }
            Expr::While(e) => {
                self.in_loop(|s| {
                    s.visit_expr(&e.cond);
                    s.visit_block(&e.body);
                });
                return;
            }
            Expr::Loop(e) => {
                self.in_loop(|s| s.visit_block(&e.body));
                return;
            }
            Expr::Closure(e) if e.capture.is_some() => {
                let outer = std::mem::replace(&mut self.moving, true);
                self.visit_expr(&e.body);
                self.moving = outer;
                return;
            }
            _ => {}
        }
        visit::visit_expr(self, expr);
    }

    fn visit_local(&mut self, local: &'ast syn::Local) {
        if let Some(init) = &local.init
            && !crate::syntax::pat_declares_copy(&local.pat)
        {
            self.value(&init.expr);
        }
        visit::visit_local(self, local);
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.tokens(mac.tokens.clone());
    }

    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

impl Splitter<'_> {
    /// Splits `name`, declared before `block.stmts[from]`, if it is
    /// partly moved from there on and needed after a yield. `literal`: the
    /// fields of the struct or tuple literal that gave it its value, in
    /// order (all of them are known, so none is left behind). Says whether
    /// it did.
    fn split_in(
        &mut self,
        block: &mut Block,
        from: usize,
        name: &str,
        literal: Literal,
        shape: &Shape,
    ) -> bool {
        if self.declared.count.get(name).copied().unwrap_or(0) != 1 {
            return false;
        }
        // Each statement's events and the fields it names.
        let mut owner = literal.as_ref().map(|(ident, _)| ident.clone());
        let surveys: Vec<(Events, Vec<Member>)> = block
            .stmts
            .iter()
            .skip(from)
            .map(|stmt| {
                let mut survey = Survey {
                    copy_yields: self.copy_yields,
                    name,
                    points: self.points,
                    events: Vec::new(),
                    fields: Vec::new(),
                    owner: None,
                    loops: Vec::new(),
                    next_loop: 0,
                    moving: false,
                };
                survey.visit_stmt(stmt);
                if owner.is_none() {
                    owner = survey.owner;
                }
                (survey.events, survey.fields)
            })
            .collect();
        let has = |events: &Events, event: Event| events.iter().any(|(e, _)| *e == event);
        // Split as early as the value allows (right after its last use as
        // a whole), so that the field bindings take its place among the
        // locals and are dropped where it would have been. A field read by
        // value before a use of the whole was a copy (or on another path):
        // the plain function compiled, so it did not leave the value
        // partly moved there.
        let split_at = surveys
            .iter()
            .rposition(|(events, _)| has(events, Event::Whole))
            .map_or(0, |last_whole| last_whole + 1);
        let Some(first_move) = surveys[split_at..]
            .iter()
            .position(|(events, _)| has(events, Event::Moved))
            .map(|at| split_at + at)
        else {
            return false;
        };
        let Some(owner) = owner else { return false };
        let events: Vec<&(Event, Vec<usize>)> = surveys[first_move..]
            .iter()
            .flat_map(|(events, _)| events)
            .collect();
        let moved = events
            .iter()
            .position(|(e, _)| *e == Event::Moved)
            .unwrap_or(0);
        // A field needed after a yield that follows the move: named later
        // in the source, or in a loop around that yield.
        let needed_across = events
            .iter()
            .enumerate()
            .skip(moved)
            .any(|(y, (e, loops))| {
                *e == Event::Yield
                    && events.iter().enumerate().any(|(f, (fe, floops))| {
                        matches!(fe, Event::Field | Event::Moved)
                            && (f > y || loops.iter().any(|l| floops.contains(l)))
                    })
            });
        // The fields it is taken apart into: every field of its literal,
        // and every field the body names, also before the split (read
        // there, not moved: the value was still used whole after).
        let literal_known = literal.is_some();
        let mut fields: Vec<Member> = literal.map(|(_, fields)| fields).unwrap_or_default();
        for (_, named) in &surveys {
            for member in named {
                if !fields.contains(member) {
                    fields.push(member.clone());
                }
            }
        }
        // Splitting also keeps the fields nobody names again to the end of
        // the scope, where a plain function drops them (saving the value
        // whole could not compile, leaving it unsaved would drop them at
        // the yield): all of them with a literal, the ones the body names
        // otherwise (worth it once a field besides the moved one is named).
        let yield_after = events.iter().skip(moved).any(|(e, _)| *e == Event::Yield);
        if !(needed_across || (yield_after && (literal_known || fields.len() > 1))) {
            return false;
        }
        let at = from + split_at;
        let base = if name == SELF_ALIAS { "self" } else { name };
        let bindings: Vec<(Member, syn::Ident)> = fields
            .iter()
            .map(|member| {
                let field = match member {
                    Member::Named(ident) => ident.to_string(),
                    Member::Unnamed(index) => index.index.to_string(),
                };
                let mut fresh = format!("{base}_{field}");
                while self.declared.idents.contains(&fresh) {
                    fresh.push('_');
                }
                self.declared.idents.insert(fresh.clone());
                (member.clone(), syn::Ident::new(&fresh, member_span(member)))
            })
            .collect();
        let mut rename = Rename {
            name,
            bindings: &bindings,
        };
        for stmt in &mut block.stmts[at..] {
            rename.visit_stmt_mut(stmt);
            for index in marker::in_order(&*stmt) {
                if let Some(point) = self.points.get_mut(index) {
                    rename.visit_expr_mut(&mut point.operand);
                }
            }
        }
        // Bindings declared between the value and the split would be
        // dropped before the fields if these were declared at the split,
        // where a plain function drops them after the value: declare the
        // fields right after the value then, and assign them at the split
        // (`Rec { g: p_g, .. } = p;`).
        let declared_between = block.stmts[from..at]
            .iter()
            .any(|stmt| matches!(stmt, Stmt::Local(_)));
        let Some(split) = split_stmt(shape, &bindings, &owner, !declared_between) else {
            return false;
        };
        block.stmts.insert(at, split);
        if declared_between {
            // Last named first, so that the first named is dropped first.
            let declarations = bindings.iter().rev().map(|(_, binding)| -> Stmt {
                syn::parse_quote! {
                    #[allow(unused_mut, unused_assignments)]
                    let mut #binding;
                }
            });
            block.stmts.splice(from..from, declarations);
        }
        true
    }
}

fn member_span(member: &Member) -> Span {
    match member {
        Member::Named(ident) => ident.span(),
        Member::Unnamed(index) => index.span,
    }
}

/// Writes the field bindings for `p.f`.
struct Rename<'a> {
    name: &'a str,
    bindings: &'a [(Member, syn::Ident)],
}

impl Rename<'_> {
    fn binding(&self, member: &Member) -> Option<&syn::Ident> {
        self.bindings
            .iter()
            .find(|(m, _)| m == member)
            .map(|(_, binding)| binding)
    }

    /// `p.f` in macro arguments becomes `f`'s binding, as in expressions.
    fn tokens(&self, tokens: TokenStream) -> TokenStream {
        crate::tokens::rewrite(tokens, &mut |trees, i, _| match &trees[i] {
            TokenTree::Ident(ident) if ident == self.name => {
                let member = token_field(trees, i)?;
                let mut binding = self.binding(&member)?.clone();
                binding.set_span(ident.span());
                Some(crate::tokens::Edit {
                    with: TokenTree::Ident(binding).into(),
                    consumed: 3,
                })
            }
            _ => None,
        })
    }
}

impl VisitMut for Rename<'_> {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        if let Expr::Field(f) = expr
            && is_name(&f.base, self.name)
            && let Some(binding) = self.binding(&f.member)
        {
            let mut binding = binding.clone();
            binding.set_span(member_span(&f.member));
            *expr = syn::parse_quote!(#binding);
            return;
        }
        visit_mut::visit_expr_mut(self, expr);
    }

    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        if marker::index_of_mac(mac).is_none() {
            mac.tokens = self.tokens(std::mem::take(&mut mac.tokens));
        }
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// The statement that takes `owner` apart into `bindings`: a `let` whose
/// pattern declares them (`let Path { f: mut p_f, .. } = p;`), or, when
/// they were declared earlier, a destructuring assignment (`Path { f: p_f,
/// .. } = p;`). `None` for a tuple with named fields.
fn split_stmt(
    shape: &Shape,
    bindings: &[(Member, syn::Ident)],
    owner: &syn::Ident,
    declare: bool,
) -> Option<Stmt> {
    let mutability = declare.then(|| quote::quote!(mut));
    let stmt = match shape {
        // Bound last-named first, so that the first named is dropped first
        // (a plain function drops fields in declaration order).
        Shape::Struct { path, deref } => {
            let fields = bindings
                .iter()
                .rev()
                .map(|(member, binding)| quote::quote!(#member: #mutability #binding));
            let value = if *deref {
                quote::quote!(*#owner)
            } else {
                quote::quote!(#owner)
            };
            quote::quote!(#path { #(#fields,)* .. } = #value)
        }
        // (Positional: the elements are dropped last first.)
        Shape::Tuple => {
            let mut len = 0;
            for (member, _) in bindings {
                match member {
                    Member::Unnamed(index) => len = len.max(index.index as usize + 1),
                    Member::Named(_) => return None,
                }
            }
            let elements = (0..len).map(|position| {
                match bindings.iter().find(|(member, _)| {
                    matches!(member, Member::Unnamed(i) if i.index as usize == position)
                }) {
                    Some((_, binding)) => quote::quote!(#mutability #binding),
                    None => quote::quote!(_),
                }
            });
            quote::quote!((#(#elements,)* ..) = #owner)
        }
    };
    Some(if declare {
        syn::parse_quote! {
            #[allow(unused_mut, unused_assignments)]
            let #stmt;
        }
    } else {
        syn::parse_quote!(#stmt;)
    })
}
