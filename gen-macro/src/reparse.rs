//! Re-parsing glue around user code: without panicking, and with the
//! suspension markers it holds in the one form every pass expects.
//!
//! `syn::parse_quote!` panics when its tokens do not parse, and tokens that
//! hold user code may not: syn accepts some invalid Rust (`x + y = z`) whose
//! printed form does not parse back. `reparse!` and `reparse_spanned!`
//! return the tokens verbatim instead, so rustc reports the user's own
//! syntax error and the macro never panics.
//!
//! A marker `__gen_yield!(N)` is an expression; printed and parsed again in
//! statement position it comes back as a statement macro. Every parse here
//! turns it back into an expression statement, so no pass re-reads the
//! macro's own output to undo that.

use proc_macro2::TokenStream;
use syn::parse::Parse;

/// Syntax that can stand for tokens it could not parse, and whose markers
/// can be put back into expression form.
pub(crate) trait Verbatim: Parse {
    fn verbatim(tokens: TokenStream) -> Self;
    fn normalize_markers(&mut self);
}

impl Verbatim for syn::Expr {
    fn verbatim(tokens: TokenStream) -> Self {
        syn::Expr::Verbatim(tokens)
    }
    fn normalize_markers(&mut self) {
        syn::visit_mut::VisitMut::visit_expr_mut(&mut Normalize, self);
    }
}

impl Verbatim for syn::Stmt {
    fn verbatim(tokens: TokenStream) -> Self {
        syn::Stmt::Expr(syn::Expr::Verbatim(tokens), None)
    }
    fn normalize_markers(&mut self) {
        syn::visit_mut::VisitMut::visit_stmt_mut(&mut Normalize, self);
    }
}

impl Verbatim for syn::Block {
    fn verbatim(tokens: TokenStream) -> Self {
        syn::Block {
            brace_token: syn::token::Brace::default(),
            stmts: vec![syn::Stmt::verbatim(tokens)],
        }
    }
    fn normalize_markers(&mut self) {
        syn::visit_mut::VisitMut::visit_block_mut(&mut Normalize, self);
    }
}

/// Parses `tokens`, or keeps them verbatim when they do not parse.
pub(crate) fn parse<T: Verbatim>(tokens: TokenStream) -> T {
    try_parse(tokens.clone()).unwrap_or_else(|| T::verbatim(tokens))
}

/// Parses `tokens`, `None` when they do not parse (the caller keeps what
/// it had).
pub(crate) fn try_parse<T: Verbatim>(tokens: TokenStream) -> Option<T> {
    let mut parsed: T = syn::parse2(tokens).ok()?;
    parsed.normalize_markers();
    Some(parsed)
}

/// Turns `__gen_yield!(N);` statement macros back into expression
/// statements, everywhere in a tree.
struct Normalize;

impl syn::visit_mut::VisitMut for Normalize {
    fn visit_stmt_mut(&mut self, stmt: &mut syn::Stmt) {
        if let syn::Stmt::Macro(sm) = stmt
            && crate::marker::index_of_mac(&sm.mac).is_some()
        {
            let expr = syn::Expr::Macro(syn::ExprMacro {
                attrs: std::mem::take(&mut sm.attrs),
                mac: sm.mac.clone(),
            });
            *stmt = syn::Stmt::Expr(expr, sm.semi_token);
        }
        syn::visit_mut::visit_stmt_mut(self, stmt);
    }
}

/// `syn::parse_quote!` that falls back to verbatim tokens.
macro_rules! reparse {
    ($($tt:tt)*) => {
        $crate::reparse::parse(::quote::quote!($($tt)*))
    };
}

/// `syn::parse_quote_spanned!` that falls back to verbatim tokens.
macro_rules! reparse_spanned {
    ($span:expr => $($tt:tt)*) => {
        $crate::reparse::parse(::quote::quote_spanned!($span => $($tt)*))
    };
}
