//! Resuming in place: the hot path of a loop that yields.
//!
//! By default a resume arm moves the saved values out of the state, runs,
//! and moves them back at the next yield: two copies of the whole variant
//! per item, which a 256-byte buffer makes visible. When a suspension point
//! `P` sits in a loop and every value it saves was declared before that
//! loop (the analysis checks this, and that each is only used in place or is
//! visibly `Copy`), its arm instead matches the state by reference and the
//! loop's code reads and writes the saved values where they are:
//!
//! ```text
//! Input:   let mut buf = [0u8; 256]; loop { buf[i] += 1; r#yield!(buf[0]); }
//! Output:  State::P { buf: __gen_ref_buf } => {
//!              let mut buf;                             // declared where it was
//!              let __r = loop { (*__gen_ref_buf)[i] += 1; return Yielded((*__gen_ref_buf)[0]); };
//!              evict: buf = <moved out of the state>;  // the loop exited
//!              …rest of the body with `buf` a local…
//!          }
//! ```
//!
//! Yielding at `P` again is then just `return`; every other way out of the
//! loop (another yield, `return`, `?`, leaving the loop) first *evicts*: moves
//! the values out of the state into locals declared at their original scope
//! depth, so they drop in the order a plain function would drop them.

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{format_ident, quote};
use syn::visit::{self, Visit};
use syn::visit_mut::{self, VisitMut};
use syn::{Block, Expr, ExprLoop, Ident, Stmt};

use crate::lower::Lowerer;
use crate::lower::control::{block_of, let_stmt, name_expr, stmts_of};
use crate::marker;
use crate::names::{LetMark, Names, field_name, ref_name};
use crate::operands::operands_mut;
use crate::syntax::pat_bindings;

/// The outermost loop on the path from the body to `point`.
pub(crate) fn outer_loop_mut(block: &mut Block, point: usize) -> Option<&mut ExprLoop> {
    block
        .stmts
        .iter_mut()
        .flat_map(stmt_exprs)
        .find_map(|expr| search_loop(expr, point))
}

fn search_loop(expr: &mut Expr, point: usize) -> Option<&mut ExprLoop> {
    if !marker::contains(&*expr, Some(point)) {
        return None;
    }
    if matches!(expr, Expr::Loop(_)) {
        return match expr {
            Expr::Loop(found) => Some(found),
            _ => None,
        };
    }
    direct_children(expr)
        .into_iter()
        .find_map(|child| search_loop(child, point))
}

fn stmt_exprs(stmt: &mut syn::Stmt) -> Vec<&mut Expr> {
    match stmt {
        syn::Stmt::Local(local) => match &mut local.init {
            Some(init) => {
                let mut out = vec![&mut *init.expr];
                if let Some((_, diverge)) = &mut init.diverge {
                    out.push(&mut **diverge);
                }
                out
            }
            None => Vec::new(),
        },
        syn::Stmt::Expr(expr, _) => vec![expr],
        _ => Vec::new(),
    }
}

fn blocks(block: &mut Block) -> Vec<&mut Expr> {
    block.stmts.iter_mut().flat_map(stmt_exprs).collect()
}

/// Sub-expressions of an expression, including those inside its blocks'
/// statements (the blocks on a path to a yield) and its operands.
fn direct_children(expr: &mut Expr) -> Vec<&mut Expr> {
    let mut out: Vec<&mut Expr> = Vec::new();
    match expr {
        Expr::Block(e) => out.extend(blocks(&mut e.block)),
        Expr::Unsafe(e) => out.extend(blocks(&mut e.block)),
        Expr::If(e) => {
            out.push(&mut e.cond);
            out.extend(blocks(&mut e.then_branch));
            if let Some((_, else_branch)) = &mut e.else_branch {
                out.push(else_branch);
            }
        }
        Expr::Match(e) => {
            out.push(&mut e.expr);
            out.extend(e.arms.iter_mut().map(|arm| &mut *arm.body));
        }
        // (With `&&` and `||`, which the operand table leaves out: their
        // right side runs only on some paths.)
        Expr::Binary(e) => {
            out.push(&mut e.left);
            out.push(&mut e.right);
        }
        // The rest evaluate their operands in order.
        _ => out.extend(
            operands_mut(expr)
                .into_iter()
                .flatten()
                .map(|(operand, _)| operand),
        ),
    }
    out
}

/// Checks on the loop's code that the analysis cannot see, for the saved
/// names `names`: no closure, async block or macro mentions them (the
/// rewrite to `(*ref)` does not reach into those), no pattern in the loop
/// rebinds them, and no `break`/`continue` jumps past the loop (which would
/// skip the eviction after it).
pub(crate) fn region_allows(region: &ExprLoop, operands: &[&Expr], names: &[String]) -> bool {
    let mut check = RegionCheck {
        names,
        ok: true,
        labels: Vec::new(),
        opaque: 0,
    };
    if let Some(label) = &region.label {
        check.labels.push(label.name.ident.to_string());
    }
    check.visit_block(&region.body);
    for operand in operands {
        check.visit_expr(operand);
    }
    check.ok
}

struct RegionCheck<'a> {
    names: &'a [String],
    ok: bool,
    labels: Vec<String>,
    /// Inside a closure or async block.
    opaque: usize,
}

impl RegionCheck<'_> {
    fn mentions(&self, tokens: TokenStream) -> bool {
        crate::tokens::any(tokens, &mut |trees, i| match &trees[i] {
            TokenTree::Ident(ident) => self.names.iter().any(|n| ident == n),
            TokenTree::Literal(lit) => {
                let text = lit.to_string();
                self.names.iter().any(|n| text.contains(&format!("{{{n}")))
            }
            _ => false,
        })
    }
}

impl<'ast> Visit<'ast> for RegionCheck<'_> {
    fn visit_expr(&mut self, expr: &'ast Expr) {
        match expr {
            Expr::Closure(_) | Expr::Async(_) => {
                self.opaque += 1;
                visit::visit_expr(self, expr);
                self.opaque -= 1;
            }
            Expr::Path(p) if self.opaque > 0 => {
                if p.path
                    .get_ident()
                    .is_some_and(|i| self.names.iter().any(|n| i == n))
                {
                    self.ok = false;
                }
            }
            Expr::Break(b) => {
                if let Some(label) = &b.label {
                    self.ok &= self.labels.contains(&label.ident.to_string());
                }
                visit::visit_expr(self, expr);
            }
            Expr::Continue(c) => {
                if let Some(label) = &c.label {
                    self.ok &= self.labels.contains(&label.ident.to_string());
                }
            }
            _ => visit::visit_expr(self, expr),
        }
    }
    fn visit_label(&mut self, label: &'ast syn::Label) {
        self.labels.push(label.name.ident.to_string());
    }
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if marker::index_of_mac(mac).is_none() && self.mentions(mac.tokens.clone()) {
            self.ok = false;
        }
    }
    fn visit_pat(&mut self, pat: &'ast syn::Pat) {
        if pat_bindings(pat)
            .iter()
            .any(|(ident, ..)| self.names.iter().any(|n| ident == n))
        {
            self.ok = false;
        }
        visit::visit_pat(self, pat);
    }
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// Rewrites every use of a saved name inside the loop to `(*__gen_ref_N)`.
pub(crate) fn rename_region(region: &mut ExprLoop, refs: &HashMap<String, syn::Ident>) {
    Rename { refs }.visit_expr_loop_mut(region);
}

pub(crate) fn rename_expr(expr: &mut Expr, refs: &HashMap<String, syn::Ident>) {
    Rename { refs }.visit_expr_mut(expr);
}

struct Rename<'a> {
    refs: &'a HashMap<String, syn::Ident>,
}

impl Rename<'_> {
    fn deref(&self, ident: &syn::Ident) -> Option<Expr> {
        let reference = self.refs.get(&ident.to_string())?;
        let mut reference = reference.clone();
        reference.set_span(reference.span().located_at(ident.span()));
        let span = crate::spans::glue(ident.span());
        Some(reparse_spanned!(span=> (*#reference)))
    }
}

impl VisitMut for Rename<'_> {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        if let Expr::Path(p) = expr
            && p.qself.is_none()
            && let Some(replacement) = p.path.get_ident().and_then(|i| self.deref(i))
        {
            *expr = replacement;
            return;
        }
        visit_mut::visit_expr_mut(self, expr);
    }
    fn visit_field_value_mut(&mut self, field: &mut syn::FieldValue) {
        // `S { x }` is shorthand for `S { x: x }`.
        if field.colon_token.is_none()
            && let syn::Member::Named(name) = &field.member
            && let Some(replacement) = self.deref(name)
        {
            field.colon_token = Some(Default::default());
            field.expr = replacement;
            return;
        }
        visit_mut::visit_field_value_mut(self, field);
    }
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// Indices of the yields inside an expression.
pub(crate) fn markers_in(expr: &ExprLoop) -> Vec<usize> {
    struct Collect(Vec<usize>);
    impl<'ast> Visit<'ast> for Collect {
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if let Some(index) = marker::index_of_mac(mac) {
                self.0.push(index);
            }
        }
    }
    let mut collect = Collect(Vec::new());
    collect.visit_expr_loop(expr);
    collect.0
}

/// The continuation being lowered resumes in place (see the module docs).
pub(crate) struct InPlace {
    pub(super) point: usize,
    /// Inside the loop whose code reads the saved values through references.
    pub(super) in_region: bool,
    /// Yield operands inside that loop, rewritten to use the references.
    pub(super) operands: HashMap<usize, Expr>,
}

impl Lowerer<'_> {
    /// When `point` can resume in place, the body with the loop around it
    /// rewritten to use the saved values through references.
    pub(super) fn prepare_in_place(&mut self, body: &Block, point: usize) -> Option<Block> {
        if !self.analysis.facts[point].in_place {
            return None;
        }
        let slots = &self.analysis.facts[point].saves;
        let names: Vec<String> = slots
            .iter()
            .map(|&id| self.analysis.bindings[id].ident.to_string())
            .collect();
        let refs: HashMap<String, Ident> = slots
            .iter()
            .map(|&id| (self.analysis.bindings[id].ident.to_string(), ref_name(id)))
            .collect();
        let mut body = body.clone();
        let region = outer_loop_mut(&mut body, point)?;
        let inside = markers_in(region);
        let operands: Vec<&Expr> = inside
            .iter()
            .filter_map(|&i| self.points.get(i).map(|p| &p.operand))
            .collect();
        if !region_allows(region, &operands, &names) {
            return None;
        }
        rename_region(region, &refs);
        let operands = inside
            .iter()
            .filter_map(|&i| {
                let mut operand = self.points.get(i)?.operand.clone();
                rename_expr(&mut operand, &refs);
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

    pub(super) fn operand(&self, index: usize) -> &Expr {
        let renamed = self
            .in_place
            .as_ref()
            .filter(|p| p.in_region)
            .and_then(|p| p.operands.get(&index));
        renamed.unwrap_or(&self.points[index].operand)
    }

    /// Moves the values saved at the in-place point out of the state into
    /// the locals declared for them; the state becomes `__Done`.
    pub(super) fn evict(&self) -> TokenStream {
        let Some(in_place) = &self.in_place else {
            return TokenStream::new();
        };
        let names = self.names;
        let (rt, state, state_enum) = (&names.rt, &names.state, &names.state_enum);
        let variant = Names::variant(in_place.point);
        let slots = &self.analysis.facts[in_place.point].saves;
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
    pub(super) fn evict_before_returns(&self, expr: &mut Expr) {
        struct Returns<'a> {
            evict: &'a [Stmt],
        }
        impl syn::visit_mut::VisitMut for Returns<'_> {
            fn visit_expr_mut(&mut self, expr: &mut Expr) {
                match expr {
                    Expr::Closure(_) | Expr::Async(_) => {}
                    Expr::Return(ret) if crate::names::is_completion(ret) => {
                        let Some(mut value) = ret.expr.take() else {
                            return;
                        };
                        // (A `?` in the value leaves with a completion of
                        // its own, which must evict too.)
                        self.visit_expr_mut(&mut value);
                        let value_name =
                            format_ident!("__gen_completion", span = Span::mixed_site());
                        ret.expr = Some(Box::new(name_expr(value_name.clone())));
                        let ret = Stmt::Expr(expr.clone(), Some(Default::default()));
                        let mut stmts = vec![let_stmt(value_name, *value)];
                        stmts.extend(self.evict.iter().cloned());
                        stmts.push(ret);
                        *expr = block_of(None, stmts);
                    }
                    _ => syn::visit_mut::visit_expr_mut(self, expr),
                }
            }
            fn visit_item_mut(&mut self, _: &mut syn::Item) {}
        }
        let evict = stmts_of(self.evict());
        syn::visit_mut::VisitMut::visit_expr_mut(&mut Returns { evict: &evict }, expr);
    }
}

/// The `let x;` declarations an in-place arm makes for its saved values are
/// only needed when some path evicts the values into them (and then they
/// take their type from that assignment). A loop that never ends and only
/// yields never evicts: drop the declarations, whose type nothing fixes.
pub(super) fn finish_deferred(arm: &mut Block, state: &Ident) {
    struct Finish {
        keep: bool,
    }
    impl syn::visit_mut::VisitMut for Finish {
        fn visit_block_mut(&mut self, block: &mut Block) {
            let is_deferred =
                |attrs: &[syn::Attribute]| LetMark::Deferred.position(attrs).is_some();
            if self.keep {
                for stmt in &mut block.stmts {
                    if let Stmt::Local(local) = stmt
                        && let Some(mark) = LetMark::Deferred.position(&local.attrs)
                    {
                        local.attrs.remove(mark);
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
    let keep = crate::syntax::block_mentions(arm, &state.to_string());
    syn::visit_mut::VisitMut::visit_block_mut(&mut Finish { keep }, arm);
}
