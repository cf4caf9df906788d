//! Yield markers. The scan pass replaces every `r#yield!(operand)` with
//! `__gen_yield!(N)`, and keeps the operand and span in a side table, so the
//! later passes can find suspension point `N` in any copy of the tree;
//! and whether a block ends with a given point (`ends_with`), which the
//! tail-call plan and the loop entries ask.

use proc_macro2::Span;
use syn::{Block, Expr, ExprMacro, Stmt};

use crate::names::MARKER;

/// One suspension point of the body, in source order.
#[derive(Clone)]
pub(crate) struct YieldPoint {
    /// Span of the `r#yield!` invocation, for diagnostics and glue code.
    pub(crate) span: Span,
    /// The yielded expression (`()` for `r#yield!()`); for a call, the
    /// callee's initial state.
    pub(crate) operand: Expr,
    pub(crate) kind: PointKind,
    /// At a hand-off point: the hidden binding of the `yield_from!`'s
    /// delegate, which the driver takes the sub-generator from.
    pub(crate) delegate: Option<syn::Ident>,
    /// The yield of a `yield_from!` loop: it evaluates to the raw resume
    /// argument, and what follows it in the loop's turn only hands that
    /// to the delegate, where `Start` changes nothing. So the start arm
    /// may enter the loop by jumping to its arm (`lower::entry`).
    pub(crate) raw_resume: bool,
}

/// What the generator does at a suspension point.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum PointKind {
    /// `r#yield!`: hands the operand to the caller.
    Yield,
    /// A self-recursive `yield_from!`: runs a new frame of the generator
    /// itself on top of this one (see `gen_runtime`'s `frames` module), and
    /// evaluates to its return value.
    Call,
    /// Before a `yield_from!` of a boxed generator that can run on the
    /// driver's stack: suspends so that the driver can take it (see
    /// `gen_runtime`'s `handoff` module), and evaluates to `()`.
    Handoff,
    /// Before a `let` of a closure that several arms would reach: saves
    /// and goes on in its own arm, which alone holds the `let` (see
    /// `desugar::joins`). Never seen by the caller; evaluates to `()`.
    Join,
}

pub(crate) fn make(index: usize, span: Span) -> Expr {
    let name = syn::Ident::new(MARKER, span);
    let lit = proc_macro2::Literal::usize_unsuffixed(index);
    Expr::Macro(ExprMacro {
        attrs: Vec::new(),
        mac: syn::Macro {
            path: name.into(),
            bang_token: syn::Token![!](span),
            delimiter: syn::MacroDelimiter::Paren(syn::token::Paren(span)),
            tokens: proc_macro2::TokenTree::Literal(lit).into(),
        },
    })
}

pub(crate) fn index_of_macro(mac: &ExprMacro) -> Option<usize> {
    index_of_mac(&mac.mac)
}

pub(crate) fn index_of_mac(mac: &syn::Macro) -> Option<usize> {
    let ident = mac.path.get_ident()?;
    if ident != MARKER {
        return None;
    }
    syn::parse2::<syn::LitInt>(mac.tokens.clone())
        .ok()?
        .base10_parse()
        .ok()
}

pub(crate) fn index_of(expr: &Expr) -> Option<usize> {
    match expr {
        Expr::Macro(mac) => index_of_macro(mac),
        _ => None,
    }
}

/// Does this syntax tree contain any marker (optionally: marker `which`)?
pub(crate) fn contains<T: ContainsMarker + ?Sized>(node: &T, which: Option<usize>) -> bool {
    let mut finder = Finder {
        which,
        found: false,
    };
    node.visit_with(&mut finder);
    finder.found
}

pub(crate) struct Finder {
    which: Option<usize>,
    found: bool,
}

impl<'ast> syn::visit::Visit<'ast> for Finder {
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if let Some(index) = index_of_mac(mac)
            && self.which.is_none_or(|w| w == index)
        {
            self.found = true;
        }
    }
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// The markers in `node`, in the order they appear in the code (which is
/// not always the order of their indices: a `yield_from!`'s hand-off
/// point comes before its loop's yield but is numbered after it).
pub(crate) fn in_order<T: ContainsMarker + ?Sized>(node: &T) -> Vec<usize> {
    let mut collector = Collector(Vec::new());
    node.collect_with(&mut collector);
    collector.0
}

pub(crate) struct Collector(Vec<usize>);

impl<'ast> syn::visit::Visit<'ast> for Collector {
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        if let Some(index) = index_of_mac(mac) {
            self.0.push(index);
        }
    }
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

pub(crate) trait ContainsMarker {
    fn visit_with(&self, finder: &mut Finder);
    fn collect_with(&self, collector: &mut Collector);
}

macro_rules! contains_marker_impl {
    ($($ty:ty => $method:ident),* $(,)?) => {$(
        impl ContainsMarker for $ty {
            fn visit_with(&self, finder: &mut Finder) {
                syn::visit::Visit::$method(finder, self);
            }
            fn collect_with(&self, collector: &mut Collector) {
                syn::visit::Visit::$method(collector, self);
            }
        }
    )*};
}

contains_marker_impl! {
    Expr => visit_expr,
    syn::Block => visit_block,
    syn::Stmt => visit_stmt,
    syn::Arm => visit_arm,
    syn::Local => visit_local,
}

/// Is yield `point` the last thing `block` does, whichever branch leads to
/// it: its last statement, or inside the last statement's `if`/`match`
/// branch or block that itself ends with it?
pub(crate) fn ends_with(block: &Block, point: usize) -> bool {
    match block.stmts.last() {
        Some(Stmt::Expr(expr, _)) => expr_ends_with(expr, point),
        _ => false,
    }
}

// A marker occurs once in the body, so a branch that does not hold it
// simply does not end with it: no need to check where it is first.
fn expr_ends_with(expr: &Expr, point: usize) -> bool {
    if index_of(expr) == Some(point) {
        return true;
    }
    match expr {
        // A labeled block could be left by `break` past the yield: refused.
        Expr::Block(e) => e.label.is_none() && ends_with(&e.block, point),
        Expr::Paren(e) => expr_ends_with(&e.expr, point),
        Expr::Group(e) => expr_ends_with(&e.expr, point),
        Expr::If(e) => {
            ends_with(&e.then_branch, point)
                || e.else_branch
                    .as_ref()
                    .is_some_and(|(_, branch)| expr_ends_with(branch, point))
        }
        Expr::Match(e) => e.arms.iter().any(|arm| expr_ends_with(&arm.body, point)),
        _ => false,
    }
}
