//! Scope analysis: resolves every local name in the body to its binding,
//! records how each binding is used (read in place or possibly moved), and
//! decides which bindings each suspension point saves.
//!
//! A binding in scope at a yield is saved when it is used after the yield,
//! or when it cannot have been moved before it (so values with destructors
//! are dropped when their scope ends, as in a plain function). A binding
//! that may have been moved and is not used again is left out: it no longer
//! holds a value on the paths where it was moved.
//!
//! The walk also splits `let` statements that shadow a binding of the same
//! block before a later yield (see [`Walker::split_shadowing_let`]), so both
//! values stay nameable by the code that saves them.

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::format_ident;
use syn::spanned::Spanned;
use syn::{Block, Expr, Ident, Pat, Stmt};

use crate::error::Diagnostics;
use crate::marker::{self, YieldPoint};

pub(crate) type BindingId = usize;

pub(crate) struct Binding {
    /// The declaring identifier; rebinds and saves reuse it (and its
    /// hygiene), so user code refers to the rebound value unchanged.
    pub(crate) ident: Ident,
    pub(crate) mutable: bool,
    /// `let r = &v;`, `let r: &T`, `ref r`, or an argument of reference type:
    /// no destructor, so saved only when used after a yield.
    pub(crate) is_ref: bool,
    /// For `let r = &v…;`: the local `v` it borrows and the borrow's span.
    pub(crate) borrow_of: Option<(BindingId, Span)>,
    /// Scope depth: 0 = arguments, 1 = the body block, +1 per nested scope.
    pub(crate) depth: usize,
    /// The type is visibly `Copy` (a literal initialiser, or a primitive
    /// annotation), so reading it through a reference is always allowed.
    known_copy: bool,
    decl_pos: usize,
    /// Declared without a value (`let x;`).
    no_init: bool,
    /// Named by a `{x}` capture in a format string, which the hygienic
    /// rename of a shadowing binding cannot reach.
    format_captured: bool,
    uses: Vec<Use>,
}

#[derive(Clone, Copy)]
struct Use {
    pos: usize,
    moving: bool,
}

#[derive(Clone, Copy)]
struct LoopRange {
    start: usize,
    end: usize,
}

struct PointScope {
    pos: usize,
    /// Bindings in scope, outermost first, and whether each is nameable
    /// there (not shadowed).
    in_scope: Vec<(BindingId, bool)>,
    loops: Vec<usize>,
}

pub(crate) struct Analysis {
    pub(crate) bindings: Vec<Binding>,
    /// For each suspension point: the saved bindings, in declaration order.
    pub(crate) slots: Vec<Vec<BindingId>>,
    /// For each suspension point: whether its saved values may stay in the
    /// state while the loops around it run (see `lower::inplace`): the point
    /// is in a loop, every saved binding was declared before the outermost
    /// one, and each is only used in place or is visibly `Copy`.
    pub(crate) in_place: Vec<bool>,
    /// Temporary names given to bindings that hide, at a yield, another
    /// binding still needed after it; the expansion turns each back into the
    /// user's name with its own (mixed-site) hygiene.
    pub(crate) hidden_names: HashMap<String, Ident>,
}

/// How an argument enters the body.
pub(crate) enum ArgBinding<'a> {
    /// `x: T`, `mut x: T` or a receiver: one binding.
    Ident {
        ident: Ident,
        mutable: bool,
        is_ref: bool,
        ty: Option<&'a syn::Type>,
    },
    /// `(a, b): (T, U)`: the pattern's bindings.
    Pattern(&'a Pat),
}

pub(crate) fn analyze(
    args: &[ArgBinding<'_>],
    body: &mut Block,
    points: &mut [YieldPoint],
    cx: &mut Diagnostics,
) -> Analysis {
    // A binding hidden at a yield by an inner binding of the same name, and
    // needed after it, cannot be saved by name there. Such inner bindings are
    // renamed (and the walk repeated) until every saved value is nameable.
    let mut renames: HashMap<BindingId, (Ident, Ident)> = HashMap::new();
    let mut round = 0;
    loop {
        round += 1;
        let mut local_cx = Diagnostics::default();
        let (analysis, conflicts) = analyze_once(args, body, points, &renames, &mut local_cx);
        let fresh: Vec<(BindingId, Ident)> = conflicts
            .into_iter()
            .filter(|(id, _)| !renames.contains_key(id))
            .collect();
        if fresh.is_empty() || round == 4 {
            cx.extend(local_cx);
            return analysis;
        }
        for (id, original) in fresh {
            let hidden = format_ident!(
                "{}__gen_shadow{}",
                original.to_string().trim_start_matches("r#"),
                id
            );
            renames.insert(id, (original, hidden));
        }
    }
}

type Conflicts = Vec<(BindingId, Ident)>;

fn analyze_once(
    args: &[ArgBinding<'_>],
    body: &mut Block,
    points: &mut [YieldPoint],
    renames: &HashMap<BindingId, (Ident, Ident)>,
    cx: &mut Diagnostics,
) -> (Analysis, Conflicts) {
    let mut walker = Walker {
        bindings: Vec::new(),
        frames: vec![Vec::new()],
        loops: Vec::new(),
        loop_stack: Vec::new(),
        points: points.iter().map(|_| None).collect(),
        operands: points,
        renames,
        pos: 0,
        force_move: 0,
        next_hidden: 0,
    };
    for arg in args {
        match arg {
            ArgBinding::Ident {
                ident,
                mutable,
                is_ref,
                ty,
            } => {
                let id = walker.declare(ident.clone(), *mutable, false);
                walker.bindings[id].is_ref = *is_ref;
                walker.bindings[id].known_copy = ty.is_some_and(type_is_known_copy);
            }
            ArgBinding::Pattern(pat) => walker.declare_pat(pat, false, None, false),
        }
    }
    walker.walk_block(body);

    let mut slots = Vec::with_capacity(walker.points.len());
    let mut in_place = Vec::with_capacity(walker.points.len());
    let mut conflicts = Vec::new();
    for (index, point) in walker.points.iter().enumerate() {
        let Some(point) = point else {
            // A marker the walk never reached cannot be lowered either; the
            // lowering reports it.
            slots.push(Vec::new());
            in_place.push(false);
            continue;
        };
        let saved = walker.saved_at(point, walker.operands[index].span, &mut conflicts, cx);
        in_place.push(walker.can_stay_in_place(point, &saved));
        slots.push(saved);
    }
    let hidden_names = renames
        .values()
        .map(|(original, hidden)| (hidden.to_string(), original.clone()))
        .collect();
    let analysis = Analysis {
        bindings: walker.bindings,
        slots,
        in_place,
        hidden_names,
    };
    (analysis, conflicts)
}

/// How a use of a name may treat its value.
#[derive(Clone, Copy, PartialEq)]
enum Ctx {
    /// The value may be moved (or copied) out.
    Move,
    /// The place is only read, borrowed or assigned to.
    Place,
}

struct Walker<'p> {
    bindings: Vec<Binding>,
    /// Bindings of each open scope, in declaration order.
    frames: Vec<Vec<BindingId>>,
    loops: Vec<LoopRange>,
    loop_stack: Vec<usize>,
    points: Vec<Option<PointScope>>,
    operands: &'p mut [YieldPoint],
    /// Bindings to give a hidden name: binding id → (user's name, hidden).
    renames: &'p HashMap<BindingId, (Ident, Ident)>,
    pos: usize,
    /// Inside a `move` closure every captured name is moved.
    force_move: usize,
    next_hidden: usize,
}

impl Walker<'_> {
    fn tick(&mut self) -> usize {
        self.pos += 1;
        self.pos
    }

    fn depth(&self) -> usize {
        self.frames.len() - 1
    }

    fn declare(&mut self, ident: Ident, mutable: bool, no_init: bool) -> BindingId {
        let id = self.bindings.len();
        let ident = match self.renames.get(&id) {
            Some((_, hidden)) => hidden.clone(),
            None => ident,
        };
        let decl_pos = self.tick();
        let depth = self.depth();
        self.bindings.push(Binding {
            ident,
            mutable,
            is_ref: false,
            borrow_of: None,
            depth,
            known_copy: false,
            decl_pos,
            no_init,
            format_captured: false,
            uses: Vec::new(),
        });
        if let Some(frame) = self.frames.last_mut() {
            frame.push(id);
        }
        id
    }

    fn declare_pat(
        &mut self,
        pat: &Pat,
        is_ref: bool,
        borrow_of: Option<(BindingId, Span)>,
        no_init: bool,
    ) {
        for (ident, mutable, by_ref) in pat_bindings(pat) {
            let id = self.declare(ident, mutable, no_init);
            self.bindings[id].is_ref = is_ref || by_ref;
            if is_ref {
                self.bindings[id].borrow_of = borrow_of;
            }
        }
    }

    fn lookup(&self, name: &str) -> Option<BindingId> {
        self.frames
            .iter()
            .rev()
            .flat_map(|frame| frame.iter().rev())
            .copied()
            .find(|&id| self.bindings[id].ident == name)
    }

    /// Records a use of `name`; returns the hidden name to write instead
    /// when the binding it resolves to was renamed.
    fn use_name(&mut self, name: &str, ctx: Ctx) -> Option<Ident> {
        let id = self.lookup_user_name(name)?;
        let pos = self.tick();
        let moving = ctx == Ctx::Move || self.force_move > 0;
        self.bindings[id].uses.push(Use { pos, moving });
        self.renames.get(&id).map(|(_, hidden)| hidden.clone())
    }

    /// Resolves a name as the user wrote it: a renamed binding still
    /// answers to its original name until shadowed.
    fn lookup_user_name(&self, name: &str) -> Option<BindingId> {
        self.frames
            .iter()
            .rev()
            .flat_map(|frame| frame.iter().rev())
            .copied()
            .find(|&id| match self.renames.get(&id) {
                Some((original, _)) => original == name,
                None => self.bindings[id].ident == name,
            })
    }

    /// Writes the hidden names of renamed bindings declared from `first_new`
    /// on into the pattern that declared them.
    fn rename_in_pat(&self, pat: &mut Pat, first_new: BindingId) {
        struct RenamePat<'a>(Vec<&'a (Ident, Ident)>);
        impl syn::visit_mut::VisitMut for RenamePat<'_> {
            fn visit_pat_ident_mut(&mut self, p: &mut syn::PatIdent) {
                if let Some((_, hidden)) = self.0.iter().find(|(original, _)| *original == p.ident)
                {
                    let mut hidden = hidden.clone();
                    hidden.set_span(p.ident.span());
                    p.ident = hidden;
                }
                syn::visit_mut::visit_pat_ident_mut(self, p);
            }
        }
        let targets: Vec<_> = (first_new..self.bindings.len())
            .filter_map(|id| self.renames.get(&id))
            .collect();
        if !targets.is_empty() {
            syn::visit_mut::VisitMut::visit_pat_mut(&mut RenamePat(targets), pat);
        }
    }

    fn in_frame(&mut self, f: impl FnOnce(&mut Self)) {
        self.frames.push(Vec::new());
        f(self);
        self.frames.pop();
    }

    fn walk_block(&mut self, block: &mut Block) {
        self.in_frame(|w| w.walk_stmts(&mut block.stmts));
    }

    fn walk_stmts(&mut self, stmts: &mut Vec<Stmt>) {
        let has_marker_after: Vec<bool> = {
            let mut after = vec![false; stmts.len()];
            let mut seen = false;
            for (i, stmt) in stmts.iter().enumerate().rev() {
                after[i] = seen;
                seen = seen || marker::contains(stmt, None);
            }
            after
        };
        let old = std::mem::take(stmts);
        for (i, stmt) in old.into_iter().enumerate() {
            match stmt {
                Stmt::Local(local)
                    if has_marker_after[i]
                        && local.init.is_some()
                        && !is_split_remainder(&local) =>
                {
                    self.split_shadowing_let(local, stmts);
                }
                mut stmt => {
                    self.walk_stmt(&mut stmt);
                    stmts.push(stmt);
                }
            }
        }
    }

    /// Bindings the `let` would shadow whose values must stay nameable for
    /// a later yield: those of the same block, or arguments shadowed at the
    /// top of the body (both stay hidden for the rest of their scope).
    fn shadowed_in_same_scope(&self, pat: &Pat) -> Vec<BindingId> {
        let depth = self.depth();
        pat_bindings(pat)
            .into_iter()
            .filter_map(|(ident, ..)| {
                let id = self.lookup_user_name(&ident.to_string())?;
                let old_depth = self.bindings[id].depth;
                (old_depth == depth || (old_depth == 0 && depth == 1)).then_some(id)
            })
            .collect()
    }

    /// Desugar `let PAT = INIT;` that shadows a binding `x` of the same
    /// block into `let __tmp = INIT; let __alias = x; let PAT = __tmp;`.
    /// The old value is moved to a hidden name after INIT has used it, so a
    /// later yield can save both. Done only when `x` was not moved already.
    fn split_shadowing_let(&mut self, mut local: syn::Local, out: &mut Vec<Stmt>) {
        let shadowed = self.shadowed_in_same_scope(&local.pat);
        if shadowed.is_empty() {
            let mut stmt = Stmt::Local(local);
            self.walk_stmt(&mut stmt);
            out.push(stmt);
            return;
        }
        let span = crate::spans::glue(local.let_token.span);
        let (ref_init, borrow_of) = self.reference_init(&local);
        let tmp = format_ident!(
            "__gen_tmp_{}",
            self.next_hidden,
            span = Span::mixed_site().located_at(span)
        );
        self.next_hidden += 1;
        let Some(init) = local.init.take() else {
            // Callers only pass `let`s with an initialiser.
            let mut stmt = Stmt::Local(local);
            self.walk_stmt(&mut stmt);
            out.push(stmt);
            return;
        };
        let (pat, ty) = match local.pat {
            Pat::Type(pat_type) => (*pat_type.pat, Some(pat_type.ty)),
            pat => (pat, None),
        };
        let ty = ty.map(|ty| quote::quote!(: #ty));
        let init_expr = &init.expr;
        let mut first: Stmt = syn::parse_quote_spanned!(span=> let #tmp #ty = #init_expr;);
        marker::normalize_all(&mut first);
        self.walk_stmt(&mut first);
        out.push(first);
        for old in shadowed {
            let binding = &self.bindings[old];
            let moved = binding.no_init || binding.uses.iter().any(|u| u.moving);
            if moved {
                continue;
            }
            let name = binding.ident.clone();
            let alias = format_ident!(
                "__gen_alias_{}",
                self.next_hidden,
                span = Span::mixed_site().located_at(span)
            );
            self.next_hidden += 1;
            let mut stmt: Stmt = syn::parse_quote_spanned!(span=> let #alias = #name;);
            self.walk_stmt(&mut stmt);
            out.push(stmt);
        }
        let diverge = init.diverge.map(|(else_token, mut block)| {
            self.walk_expr(&mut block, Ctx::Move);
            (else_token, block)
        });
        self.use_name(&tmp.to_string(), Ctx::Move);
        let first_new = self.bindings.len();
        self.declare_pat(&pat, ref_init, borrow_of, false);
        let mut pat = pat;
        self.rename_in_pat(&mut pat, first_new);
        let tmp_expr: Expr = syn::parse_quote!(#tmp);
        local.pat = pat;
        local.init = Some(syn::LocalInit {
            eq_token: init.eq_token,
            expr: Box::new(tmp_expr),
            diverge,
        });
        out.push(Stmt::Local(local));
    }

    /// Is this `let` a plain reference (`= &x…`, `: &T`), and to which local?
    fn reference_init(&self, local: &syn::Local) -> (bool, Option<(BindingId, Span)>) {
        let annotated_ref =
            matches!(&local.pat, Pat::Type(t) if matches!(*t.ty, syn::Type::Reference(_)));
        let Some(init) = &local.init else {
            return (annotated_ref, None);
        };
        let owned_root = |place: &Expr| {
            let root = place_root(place).and_then(|name| self.lookup_user_name(&name));
            root.filter(|&id| !self.bindings[id].is_ref)
        };
        match &*init.expr {
            Expr::Reference(reference) => (
                true,
                owned_root(&reference.expr).map(|id| (id, reference.span())),
            ),
            // A desugared `for` over a borrow of a local: the hidden iterator
            // borrows that local for the whole loop.
            Expr::Call(call) if is_hidden_iterator(&local.pat) => {
                let Some(iterable) = call.args.first() else {
                    return (false, None);
                };
                let borrowed = match iterable {
                    Expr::Reference(reference) => owned_root(&reference.expr),
                    Expr::MethodCall(m)
                        if BORROWING_ITERATORS.contains(&m.method.to_string().as_str()) =>
                    {
                        owned_root(&m.receiver)
                    }
                    _ => None,
                };
                match borrowed {
                    Some(id) => (true, Some((id, iterable.span()))),
                    None => (false, None),
                }
            }
            _ => (annotated_ref, None),
        }
    }

    fn walk_stmt(&mut self, stmt: &mut Stmt) {
        match stmt {
            Stmt::Local(local) => {
                let (is_ref, borrow_of) = self.reference_init(local);
                let no_init = local.init.is_none();
                if let Some(init) = &mut local.init {
                    let ctx = if matches!(local.pat, Pat::Wild(_)) {
                        Ctx::Place
                    } else {
                        Ctx::Move
                    };
                    self.walk_expr(&mut init.expr, ctx);
                    if let Some((_, diverge)) = &mut init.diverge {
                        self.walk_expr(diverge, Ctx::Move);
                    }
                }
                let pat = local.pat.clone();
                let first_new = self.bindings.len();
                self.declare_pat(&pat, is_ref, borrow_of, no_init);
                self.rename_in_pat(&mut local.pat, first_new);
                if local_is_known_copy(local) {
                    for binding in &mut self.bindings[first_new..] {
                        binding.known_copy = true;
                    }
                }
            }
            Stmt::Expr(expr, _) => self.walk_expr(expr, Ctx::Move),
            Stmt::Macro(mac) => self.walk_macro(&mut mac.mac),
            Stmt::Item(_) => {}
        }
    }

    fn walk_macro(&mut self, mac: &mut syn::Macro) {
        let borrows = mac
            .path
            .segments
            .last()
            .is_some_and(|s| BORROWING_MACROS.contains(&s.ident.to_string().as_str()));
        let ctx = if borrows { Ctx::Place } else { Ctx::Move };
        mac.tokens = self.walk_tokens(std::mem::take(&mut mac.tokens), ctx);
    }

    /// Names inside macro arguments, including `{name}` captures in format
    /// strings, count as uses. Returns the tokens with renamed bindings'
    /// hidden names written in.
    fn walk_tokens(&mut self, tokens: TokenStream, ctx: Ctx) -> TokenStream {
        tokens
            .into_iter()
            .map(|tt| match tt {
                TokenTree::Ident(ident) => match self.use_name(&ident.to_string(), ctx) {
                    Some(mut hidden) => {
                        hidden.set_span(ident.span());
                        TokenTree::Ident(hidden)
                    }
                    None => TokenTree::Ident(ident),
                },
                TokenTree::Group(group) => {
                    let mut new = proc_macro2::Group::new(
                        group.delimiter(),
                        self.walk_tokens(group.stream(), ctx),
                    );
                    new.set_span(group.span());
                    TokenTree::Group(new)
                }
                TokenTree::Literal(lit) => {
                    for name in format_captures(&lit.to_string()) {
                        if let Some(id) = self.lookup_user_name(&name) {
                            self.bindings[id].format_captured = true;
                        }
                        self.use_name(&name, Ctx::Place);
                    }
                    TokenTree::Literal(lit)
                }
                TokenTree::Punct(p) => TokenTree::Punct(p),
            })
            .collect()
    }

    fn record_point(&mut self, index: usize) {
        let pos = self.tick();
        let mut in_scope = Vec::new();
        for frame in &self.frames {
            for &id in frame {
                in_scope.push(id);
            }
        }
        let in_scope = in_scope
            .iter()
            .map(|&id| {
                let name = &self.bindings[id].ident;
                let visible = self.lookup(&name.to_string()) == Some(id);
                (id, visible)
            })
            .collect();
        if let Some(slot) = self.points.get_mut(index) {
            *slot = Some(PointScope {
                pos,
                in_scope,
                loops: self.loop_stack.clone(),
            });
        }
    }

    #[allow(clippy::too_many_lines)] // one arm per expression kind
    fn walk_expr(&mut self, expr: &mut Expr, ctx: Ctx) {
        match expr {
            Expr::Macro(mac) => {
                if let Some(index) = marker::index_of_macro(mac) {
                    if index < self.operands.len() {
                        let placeholder = Expr::Verbatim(TokenStream::new());
                        let mut operand =
                            std::mem::replace(&mut self.operands[index].operand, placeholder);
                        self.walk_expr(&mut operand, Ctx::Move);
                        self.operands[index].operand = operand;
                    }
                    self.record_point(index);
                } else {
                    self.walk_macro(&mut mac.mac);
                }
            }
            Expr::Path(path) => {
                if path.qself.is_none()
                    && let Some(ident) = path.path.get_ident()
                    && let Some(mut hidden) = self.use_name(&ident.to_string(), ctx)
                {
                    hidden.set_span(ident.span());
                    path.path = hidden.into();
                }
            }
            Expr::Array(e) => e
                .elems
                .iter_mut()
                .for_each(|e| self.walk_expr(e, Ctx::Move)),
            Expr::Assign(e) => {
                self.walk_expr(&mut e.right, Ctx::Move);
                self.walk_expr(&mut e.left, Ctx::Place);
            }
            Expr::Binary(e) => {
                use syn::BinOp;
                let (left, right) = match e.op {
                    BinOp::Eq(_)
                    | BinOp::Ne(_)
                    | BinOp::Lt(_)
                    | BinOp::Le(_)
                    | BinOp::Gt(_)
                    | BinOp::Ge(_) => (Ctx::Place, Ctx::Place),
                    BinOp::AddAssign(_)
                    | BinOp::SubAssign(_)
                    | BinOp::MulAssign(_)
                    | BinOp::DivAssign(_)
                    | BinOp::RemAssign(_)
                    | BinOp::BitXorAssign(_)
                    | BinOp::BitAndAssign(_)
                    | BinOp::BitOrAssign(_)
                    | BinOp::ShlAssign(_)
                    | BinOp::ShrAssign(_) => (Ctx::Place, Ctx::Move),
                    _ => (Ctx::Move, Ctx::Move),
                };
                self.walk_expr(&mut e.left, left);
                self.walk_expr(&mut e.right, right);
            }
            Expr::Block(e) => self.walk_block(&mut e.block),
            Expr::Unsafe(e) => self.walk_block(&mut e.block),
            Expr::Const(e) => self.walk_block(&mut e.block),
            Expr::Break(e) => {
                if let Some(value) = &mut e.expr {
                    self.walk_expr(value, Ctx::Move);
                }
            }
            Expr::Call(e) => {
                self.walk_expr(&mut e.func, Ctx::Place);
                e.args.iter_mut().for_each(|a| self.walk_expr(a, Ctx::Move));
            }
            Expr::Cast(e) => self.walk_expr(&mut e.expr, Ctx::Move),
            Expr::Closure(closure) => {
                let is_move = closure.capture.is_some();
                if is_move {
                    self.force_move += 1;
                }
                let inputs = closure.inputs.clone();
                self.in_frame(|w| {
                    for input in &inputs {
                        w.declare_pat(input, false, None, false);
                    }
                    w.walk_expr(&mut closure.body, Ctx::Move);
                });
                if is_move {
                    self.force_move -= 1;
                }
            }
            Expr::Async(e) => {
                let is_move = e.capture.is_some();
                if is_move {
                    self.force_move += 1;
                }
                self.walk_block(&mut e.block);
                if is_move {
                    self.force_move -= 1;
                }
            }
            Expr::Await(e) => self.walk_expr(&mut e.base, Ctx::Move),
            Expr::Field(e) => self.walk_expr(&mut e.base, ctx),
            Expr::ForLoop(e) => {
                self.walk_expr(&mut e.expr, Ctx::Move);
                let pat = (*e.pat).clone();
                self.in_frame(|w| {
                    w.declare_pat(&pat, false, None, false);
                    w.walk_block(&mut e.body);
                });
            }
            Expr::Group(e) => self.walk_expr(&mut e.expr, ctx),
            Expr::Paren(e) => self.walk_expr(&mut e.expr, ctx),
            Expr::If(e) => {
                let has_let = cond_has_let(&e.cond);
                if has_let {
                    self.in_frame(|w| {
                        w.walk_expr(&mut e.cond, Ctx::Move);
                        w.walk_block(&mut e.then_branch);
                    });
                } else {
                    self.walk_expr(&mut e.cond, Ctx::Move);
                    self.walk_block(&mut e.then_branch);
                }
                if let Some((_, else_branch)) = &mut e.else_branch {
                    self.walk_expr(else_branch, Ctx::Move);
                }
            }
            Expr::Let(e) => {
                // Only inside an `if` condition, whose frame is open.
                self.walk_expr(&mut e.expr, Ctx::Move);
                let pat = (*e.pat).clone();
                let first_new = self.bindings.len();
                self.declare_pat(&pat, false, None, false);
                self.rename_in_pat(&mut e.pat, first_new);
            }
            Expr::Index(e) => {
                self.walk_expr(&mut e.expr, Ctx::Place);
                self.walk_expr(&mut e.index, Ctx::Move);
            }
            Expr::Loop(e) => {
                let id = self.loops.len();
                let start = self.tick();
                self.loops.push(LoopRange { start, end: start });
                self.loop_stack.push(id);
                self.walk_block(&mut e.body);
                self.loop_stack.pop();
                self.loops[id].end = self.tick();
            }
            Expr::While(e) => {
                self.walk_expr(&mut e.cond, Ctx::Move);
                self.walk_block(&mut e.body);
            }
            Expr::Match(e) => {
                self.walk_expr(&mut e.expr, Ctx::Move);
                for arm in &mut e.arms {
                    let pat = arm.pat.clone();
                    self.in_frame(|w| {
                        let first_new = w.bindings.len();
                        w.declare_pat(&pat, false, None, false);
                        w.rename_in_pat(&mut arm.pat, first_new);
                        if let Pat::Guard(guarded) = &mut arm.pat {
                            w.walk_expr(&mut guarded.guard, Ctx::Move);
                        }
                        w.walk_expr(&mut arm.body, Ctx::Move);
                    });
                }
            }
            Expr::MethodCall(e) => {
                let name = e.method.to_string();
                let consuming = CONSUMING_PREFIXES.iter().any(|p| name.starts_with(p))
                    || CONSUMING_METHODS.contains(&name.as_str());
                let receiver = if consuming { Ctx::Move } else { Ctx::Place };
                self.walk_expr(&mut e.receiver, receiver);
                e.args.iter_mut().for_each(|a| self.walk_expr(a, Ctx::Move));
            }
            Expr::Range(e) => {
                if let Some(start) = &mut e.start {
                    self.walk_expr(start, Ctx::Move);
                }
                if let Some(end) = &mut e.end {
                    self.walk_expr(end, Ctx::Move);
                }
            }
            Expr::RawAddr(e) => self.walk_expr(&mut e.expr, Ctx::Place),
            Expr::Reference(e) => self.walk_expr(&mut e.expr, Ctx::Place),
            Expr::Repeat(e) => {
                self.walk_expr(&mut e.expr, Ctx::Move);
                self.walk_expr(&mut e.len, Ctx::Move);
            }
            Expr::Return(e) => {
                if let Some(value) = &mut e.expr {
                    self.walk_expr(value, Ctx::Move);
                }
            }
            Expr::Struct(e) => {
                for field in &mut e.fields {
                    let shorthand = field.colon_token.is_none();
                    let before =
                        matches!(&field.expr, Expr::Path(p) if p.path.get_ident().is_some());
                    self.walk_expr(&mut field.expr, Ctx::Move);
                    // `S { x }` whose `x` was renamed becomes `S { x: hidden }`.
                    if shorthand
                        && before
                        && !matches!(&field.member, syn::Member::Named(m) if matches!(&field.expr, Expr::Path(p) if p.path.is_ident(m)))
                    {
                        field.colon_token = Some(Default::default());
                    }
                }
                if let Some(rest) = &mut e.rest {
                    self.walk_expr(rest, Ctx::Move);
                }
            }
            Expr::Try(e) => self.walk_expr(&mut e.expr, Ctx::Move),
            Expr::TryBlock(e) => self.walk_block(&mut e.block),
            Expr::Tuple(e) => e
                .elems
                .iter_mut()
                .for_each(|e| self.walk_expr(e, Ctx::Move)),
            Expr::Unary(e) => {
                let inner = if matches!(e.op, syn::UnOp::Deref(_)) {
                    Ctx::Place
                } else {
                    Ctx::Move
                };
                self.walk_expr(&mut e.expr, inner);
            }
            Expr::Yield(e) => {
                if let Some(value) = &mut e.expr {
                    self.walk_expr(value, Ctx::Move);
                }
            }
            Expr::Verbatim(tokens) => *tokens = self.walk_tokens(std::mem::take(tokens), Ctx::Move),
            _ => {}
        }
    }

    /// `id` is needed after `point` but hidden there by inner bindings of the
    /// same name: those get hidden names in the next round of the analysis,
    /// unless a format string captures one by name (`"{x}"` would then read
    /// the outer value).
    fn hidden_at_yield(
        &self,
        id: BindingId,
        point: &PointScope,
        conflicts: &mut Conflicts,
        cx: &mut Diagnostics,
    ) {
        let name = self.user_name(id);
        for &(other, _) in &point.in_scope {
            if other <= id || self.user_name(other) != name {
                continue;
            }
            let hider = &self.bindings[other];
            if hider.format_captured {
                cx.error(
                    self.bindings[id].ident.span(),
                    format!(
                        "`{name}` is hidden at a `r#yield!` by another `{name}` that a format string captures (`{{{name}}}`), and used again after it; rename one of the two bindings"
                    ),
                );
                return;
            }
            conflicts.push((
                other,
                self.renames
                    .get(&other)
                    .map_or_else(|| hider.ident.clone(), |(o, _)| o.clone()),
            ));
        }
    }

    fn user_name(&self, id: BindingId) -> String {
        match self.renames.get(&id) {
            Some((original, _)) => original.to_string(),
            None => self.bindings[id].ident.to_string(),
        }
    }

    fn can_stay_in_place(&self, point: &PointScope, saved: &[BindingId]) -> bool {
        let Some(&outermost) = point.loops.first() else {
            return false;
        };
        let loop_start = self.loops[outermost].start;
        !saved.is_empty()
            && saved.iter().all(|&id| {
                let binding = &self.bindings[id];
                binding.decl_pos < loop_start
                    && !binding.is_ref
                    && (binding.known_copy || binding.uses.iter().all(|u| !u.moving))
            })
    }

    /// The bindings saved at one suspension point (see the module docs).
    fn saved_at(
        &self,
        point: &PointScope,
        yield_span: Span,
        conflicts: &mut Conflicts,
        cx: &mut Diagnostics,
    ) -> Vec<BindingId> {
        let mut saved = Vec::new();
        for &(id, visible) in &point.in_scope {
            let binding = &self.bindings[id];
            let enclosing_loops: Vec<LoopRange> = point
                .loops
                .iter()
                .map(|&l| self.loops[l])
                .filter(|l| l.start > binding.decl_pos)
                .collect();
            let in_loop = |u: &Use| {
                enclosing_loops
                    .iter()
                    .any(|l| l.start <= u.pos && u.pos <= l.end)
            };
            let live = binding.uses.iter().any(|u| u.pos > point.pos || in_loop(u));
            let moved = binding.no_init
                || binding
                    .uses
                    .iter()
                    .any(|u| u.moving && (u.pos < point.pos || (u.pos > point.pos && in_loop(u))));
            let store = if binding.is_ref {
                live
            } else if !visible {
                if live {
                    self.hidden_at_yield(id, point, conflicts, cx);
                }
                false
            } else {
                live || !moved
            };
            if store
                && binding.is_ref
                && let Some((owner, borrow_span)) = binding.borrow_of
                && point.in_scope.iter().any(|&(other, _)| other == owner)
            {
                let owner_name = &self.bindings[owner].ident;
                let (message, at_yield) = if binding.ident.to_string().starts_with(HIDDEN_ITERATOR)
                {
                    (
                        format!(
                            "this `for` loop iterates over a borrow of `{owner_name}` and suspends inside; values that live across a yield are moved into the generator, so they cannot stay borrowed across it\nhelp: iterate over an owned value (`for x in {owner_name}`, `{owner_name}.into_iter()`), or over indices, or collect what the loop needs first"
                        ),
                        format!("`{owner_name}` is still borrowed by the loop at this yield"),
                    )
                } else {
                    (
                        format!(
                            "`{}` borrows `{owner_name}` and is used after a `r#yield!`; values that live across a yield are moved into the generator, so they cannot be borrowed across it\nhelp: end the borrow's scope before the yield, e.g. put `let {} = …;` and its uses in a block `{{ … }}`, or store an index or a clone instead",
                            binding.ident, binding.ident
                        ),
                        format!("`{}` is still borrowed at this yield", binding.ident),
                    )
                };
                let mut error = syn::Error::new(borrow_span, message);
                error.combine(syn::Error::new(yield_span, at_yield));
                cx.push(error);
                continue;
            }
            if store {
                saved.push(id);
            }
        }
        saved
    }
}

/// `let x = 0;`, `let x: u64 = …;`, `let buf = [0u8; 256];`: the binding
/// is `Copy` whatever the rest of the program does.
fn local_is_known_copy(local: &syn::Local) -> bool {
    match &local.pat {
        Pat::Type(pat_type) => {
            matches!(*pat_type.pat, Pat::Ident(_)) && type_is_known_copy(&pat_type.ty)
        }
        Pat::Ident(p) if p.subpat.is_none() && p.by_ref.is_none() => local
            .init
            .as_ref()
            .is_some_and(|init| init.diverge.is_none() && expr_is_copy_literal(&init.expr)),
        _ => false,
    }
}

fn type_is_known_copy(ty: &syn::Type) -> bool {
    const PRIMITIVES: &[&str] = &[
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
        "f32", "f64", "bool", "char",
    ];
    match ty {
        syn::Type::Path(p) => {
            p.qself.is_none()
                && p.path
                    .get_ident()
                    .is_some_and(|i| PRIMITIVES.contains(&i.to_string().as_str()))
        }
        syn::Type::Array(a) => type_is_known_copy(&a.elem),
        syn::Type::Tuple(t) => t.elems.iter().all(type_is_known_copy),
        syn::Type::Reference(r) => r.mutability.is_none(),
        syn::Type::Paren(p) => type_is_known_copy(&p.elem),
        _ => false,
    }
}

fn expr_is_copy_literal(expr: &Expr) -> bool {
    match expr {
        Expr::Lit(lit) => !matches!(
            lit.lit,
            syn::Lit::Str(_) | syn::Lit::ByteStr(_) | syn::Lit::CStr(_)
        ),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => expr_is_copy_literal(&u.expr),
        Expr::Repeat(r) => expr_is_copy_literal(&r.expr),
        Expr::Array(a) => a.elems.iter().all(expr_is_copy_literal),
        Expr::Tuple(t) => t.elems.iter().all(expr_is_copy_literal),
        Expr::Paren(p) => expr_is_copy_literal(&p.expr),
        _ => false,
    }
}

/// `let PAT = __gen_tmp_N;`: the last part of an already split `let`.
fn is_split_remainder(local: &syn::Local) -> bool {
    local.init.as_ref().is_some_and(|init| {
        matches!(&*init.expr, Expr::Path(p) if p.path.get_ident().is_some_and(|i| i.to_string().starts_with("__gen_tmp_")))
    })
}

/// Name prefix of the iterator a desugared `for` loop keeps.
const HIDDEN_ITERATOR: &str = "__gen_iter_";

fn is_hidden_iterator(pat: &Pat) -> bool {
    matches!(pat, Pat::Ident(p) if p.ident.to_string().starts_with(HIDDEN_ITERATOR))
}

/// Methods that return an iterator borrowing their receiver.
const BORROWING_ITERATORS: &[&str] = &[
    "iter",
    "iter_mut",
    "chars",
    "char_indices",
    "bytes",
    "lines",
    "split",
    "split_whitespace",
    "windows",
    "chunks",
    "chunks_exact",
    "keys",
    "values",
    "values_mut",
    "drain",
];

/// Macros whose arguments are only borrowed (formatting and assertions).
const BORROWING_MACROS: &[&str] = &[
    "println",
    "print",
    "eprintln",
    "eprint",
    "format",
    "format_args",
    "write",
    "writeln",
    "panic",
    "assert",
    "assert_eq",
    "assert_ne",
    "debug_assert",
    "debug_assert_eq",
    "debug_assert_ne",
    "unreachable",
    "todo",
    "unimplemented",
    "matches",
];

/// Method names that conventionally take `self` by value.
const CONSUMING_PREFIXES: &[&str] = &["into", "unwrap", "expect"];

/// Common by-value methods of `Option`, `Result` and `Iterator`: a local
/// used as their receiver may have been moved.
const CONSUMING_METHODS: &[&str] = &[
    "map",
    "map_err",
    "map_or",
    "map_or_else",
    "and_then",
    "or_else",
    "and",
    "or",
    "xor",
    "ok",
    "err",
    "ok_or",
    "ok_or_else",
    "filter",
    "flatten",
    "zip",
    "unzip",
    "transpose",
    "collect",
    "sum",
    "product",
    "count",
    "fold",
    "last",
    "max",
    "min",
    "max_by",
    "min_by",
    "max_by_key",
    "min_by_key",
    "rev",
    "skip",
    "step_by",
    "chain",
    "enumerate",
    "peekable",
    "cycle",
    "fuse",
    "inspect",
    "for_each",
    "filter_map",
    "flat_map",
    "skip_while",
    "take_while",
    "map_while",
    "scan",
    "partition",
    "reduce",
    "join",
];

fn cond_has_let(cond: &Expr) -> bool {
    match cond {
        Expr::Let(_) => true,
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            cond_has_let(&b.left) || cond_has_let(&b.right)
        }
        Expr::Paren(p) => cond_has_let(&p.expr),
        Expr::Group(g) => cond_has_let(&g.expr),
        _ => false,
    }
}

pub(crate) fn if_has_let(cond: &Expr) -> bool {
    cond_has_let(cond)
}

/// The local at the root of a place expression: `v` in `&v`, `&v.a[i]`.
fn place_root(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Path(p) if p.qself.is_none() => p.path.get_ident().map(ToString::to_string),
        Expr::Field(f) => place_root(&f.base),
        Expr::Index(i) => place_root(&i.expr),
        Expr::Paren(p) => place_root(&p.expr),
        _ => None,
    }
}

/// `(ident, mutable, by_ref)` for each binding a pattern introduces.
/// An identifier starting with an uppercase letter is taken to name a
/// constant or unit variant, as rustc's resolution would in practice.
pub(crate) fn pat_bindings(pat: &Pat) -> Vec<(Ident, bool, bool)> {
    let mut out = Vec::new();
    collect_pat(pat, &mut out);
    out
}

fn collect_pat(pat: &Pat, out: &mut Vec<(Ident, bool, bool)>) {
    match pat {
        Pat::Ident(p) => {
            let name = p.ident.to_string();
            let looks_like_path = name.starts_with(|c: char| c.is_uppercase())
                && p.by_ref.is_none()
                && p.mutability.is_none()
                && p.subpat.is_none();
            if !looks_like_path {
                out.push((p.ident.clone(), p.mutability.is_some(), p.by_ref.is_some()));
            }
            if let Some((_, sub)) = &p.subpat {
                collect_pat(sub, out);
            }
        }
        Pat::Or(p) => {
            if let Some(first) = p.cases.first() {
                collect_pat(first, out);
            }
        }
        Pat::Paren(p) => collect_pat(&p.pat, out),
        Pat::Reference(p) => collect_pat(&p.pat, out),
        Pat::Slice(p) => p.elems.iter().for_each(|p| collect_pat(p, out)),
        Pat::Struct(p) => p.fields.iter().for_each(|f| collect_pat(&f.pat, out)),
        Pat::Tuple(p) => p.elems.iter().for_each(|p| collect_pat(p, out)),
        Pat::TupleStruct(p) => p.elems.iter().for_each(|p| collect_pat(p, out)),
        Pat::Type(p) => collect_pat(&p.pat, out),
        Pat::Guard(p) => collect_pat(&p.pat, out),
        _ => {}
    }
}

/// Names captured inline by a format string literal: `"{x}"`, `"{x:?}"`.
fn format_captures(lit: &str) -> Vec<String> {
    if !lit.starts_with('"') && !lit.starts_with('r') {
        return Vec::new();
    }
    let mut names = Vec::new();
    let mut chars = lit.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '{' {
            continue;
        }
        if chars.peek() == Some(&'{') {
            chars.next();
            continue;
        }
        let mut name = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_alphanumeric() || c == '_' {
                name.push(c);
                chars.next();
            } else {
                break;
            }
        }
        if name.starts_with(|c: char| c.is_alphabetic() || c == '_') {
            names.push(name);
        }
    }
    names
}
