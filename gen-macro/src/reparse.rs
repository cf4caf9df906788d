//! Re-parsing glue around user code without panicking.
//!
//! `syn::parse_quote!` panics when its tokens do not parse, and tokens that
//! hold user code may not: syn accepts some invalid Rust (`x + y = z`) whose
//! printed form does not parse back. `reparse!` and `reparse_spanned!`
//! return the tokens verbatim instead, so rustc reports the user's own
//! syntax error and the macro never panics.

use proc_macro2::TokenStream;
use syn::parse::Parse;

/// Syntax that can stand for tokens it could not parse.
pub(crate) trait Verbatim: Parse {
    fn verbatim(tokens: TokenStream) -> Self;
}

impl Verbatim for syn::Expr {
    fn verbatim(tokens: TokenStream) -> Self {
        syn::Expr::Verbatim(tokens)
    }
}

impl Verbatim for syn::Stmt {
    fn verbatim(tokens: TokenStream) -> Self {
        syn::Stmt::Expr(syn::Expr::Verbatim(tokens), None)
    }
}

impl Verbatim for syn::Block {
    fn verbatim(tokens: TokenStream) -> Self {
        syn::Block {
            brace_token: syn::token::Brace::default(),
            stmts: vec![syn::Stmt::verbatim(tokens)],
        }
    }
}

pub(crate) fn parse<T: Verbatim>(tokens: TokenStream) -> T {
    syn::parse2(tokens.clone()).unwrap_or_else(|_| T::verbatim(tokens))
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
