//! Source-to-source rewrites that run before the scope analysis, so every
//! later pass sees one loop form and one exit form:
//!
//! - `for` and `while` loops that contain a yield become `loop`s;
//! - `return e` and `e?` complete the generator instead of returning from the
//!   resume closure;
//! - `self` becomes `__self`, because the body runs in a closure that gets
//!   the receiver from the saved state.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, Path};

use crate::marker::{self, YieldPoint};
use crate::names::{Names, SELF_ALIAS};

/// Rewrites the body and the yields' operands (kept aside by the scan).
pub(crate) fn rewrite_body(body: &mut syn::Block, points: &mut [YieldPoint], names: &Names) {
    let mut rewriter = Rewriter {
        rt: &names.rt,
        names,
        in_closure: 0,
        next_iter: 0,
    };
    rewriter.visit_block_mut(body);
    for point in points {
        rewriter.visit_expr_mut(&mut point.operand);
    }
}

struct Rewriter<'a> {
    rt: &'a Path,
    names: &'a Names,
    /// Depth of closures/async blocks: `return` and `?` there are theirs.
    in_closure: usize,
    next_iter: usize,
}

impl Rewriter<'_> {
    /// Desugar `'l: for PAT in EXPR { BODY }` into
    /// `{ let mut __it = IntoIterator::into_iter(EXPR);
    ///    'l: loop { let PAT = match Iterator::next(&mut __it) { Some(v) => v, None => break }; BODY } }`
    /// (the rustc lowering of `for`, minus the `match` that keeps temporaries
    /// of EXPR alive: here they end at the `let`). The iterator is an
    /// ordinary binding, so it is saved across yields like any other.
    fn desugar_for(&mut self, for_loop: syn::ExprForLoop) -> Expr {
        let rt = self.rt;
        let span = crate::spans::glue(for_loop.for_token.span);
        let iter = crate::names::hidden_iterator(self.next_iter, span);
        self.next_iter += 1;
        let next = format_ident!("__gen_next", span = Span::mixed_site());
        let label = &for_loop.label;
        let pat = &for_loop.pat;
        let expr = &for_loop.expr;
        let stmts = &for_loop.body.stmts;
        let attrs = &for_loop.attrs;
        reparse_spanned! {span=>
            #(#attrs)*
            {
                let mut #iter = #rt::__private::core::iter::IntoIterator::into_iter(#expr);
                #label loop {
                    let #pat = match #rt::__private::core::iter::Iterator::next(&mut #iter) {
                        #rt::__private::core::option::Option::Some(#next) => #next,
                        #rt::__private::core::option::Option::None => break,
                    };
                    #(#stmts)*
                }
            }
        }
    }

    /// Desugar `'l: while COND { BODY }` into
    /// `'l: loop { if COND { BODY } else { break; } }`, which keeps `let`
    /// chains in COND working.
    fn desugar_while(while_loop: syn::ExprWhile) -> Expr {
        let span = crate::spans::glue(while_loop.while_token.span);
        let label = &while_loop.label;
        let cond = &while_loop.cond;
        let body = &while_loop.body;
        let attrs = &while_loop.attrs;
        reparse_spanned! {span=>
            #(#attrs)*
            #label loop {
                if #cond #body else { break; }
            }
        }
    }

    fn complete(&self, span: Span, value: TokenStream) -> TokenStream {
        self.names.completion(span, value)
    }
}

impl VisitMut for Rewriter<'_> {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        match expr {
            Expr::ForLoop(_) | Expr::While(_) if marker::contains(&*expr, None) => {
                let placeholder = Expr::Verbatim(TokenStream::new());
                *expr = match std::mem::replace(expr, placeholder) {
                    Expr::ForLoop(for_loop) => self.desugar_for(for_loop),
                    Expr::While(while_loop) => Self::desugar_while(while_loop),
                    other => other,
                };
                self.visit_expr_mut(expr);
            }
            Expr::Closure(_) | Expr::Async(_) => {
                self.in_closure += 1;
                visit_mut::visit_expr_mut(self, expr);
                self.in_closure -= 1;
            }
            Expr::Return(ret) if self.in_closure == 0 => {
                if let Some(value) = &mut ret.expr {
                    self.visit_expr_mut(value);
                }
                let span = crate::spans::glue(ret.return_token.span);
                let value = match &ret.expr {
                    Some(value) => quote!(#value),
                    None => quote_spanned!(span=> ()),
                };
                let tokens = self.complete(span, value);
                *expr = reparse!(#tokens);
            }
            Expr::Try(try_expr) if self.in_closure == 0 => {
                self.visit_expr_mut(&mut try_expr.expr);
                let rt = self.rt;
                let span = crate::spans::glue(try_expr.question_token.span);
                let inner = &try_expr.expr;
                let value = format_ident!("__gen_value", span = Span::mixed_site());
                let residual = format_ident!("__gen_residual", span = Span::mixed_site());
                // Spanned on `?`, so a return type that cannot absorb the
                // residual is reported there.
                let rt_here = respan(quote!(#rt), span);
                let exit = self.complete(
                    span,
                    quote_spanned!(span=> #rt_here::__private::FromResidual::from_residual(#residual)),
                );
                // Desugar `e?` into the stable equivalent of rustc's
                // `match Try::branch(e) { Continue(v) => v, Break(r) => return FromResidual::from_residual(r) }`.
                *expr = reparse_spanned! {span=>
                    match #rt::__private::Try::branch(#inner) {
                        #rt::__private::core::ops::ControlFlow::Continue(#value) => #value,
                        #rt::__private::core::ops::ControlFlow::Break(#residual) => #exit,
                    }
                };
            }
            Expr::Path(path) if path.qself.is_none() && path.path.is_ident("self") => {
                let span = path.path.span();
                let ident = syn::Ident::new(SELF_ALIAS, span);
                path.path = ident.into();
            }
            _ => visit_mut::visit_expr_mut(self, expr),
        }
    }

    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        mac.tokens = rename_self_tokens(std::mem::take(&mut mac.tokens));
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tt| {
            tt.set_span(span);
            tt
        })
        .collect()
}

/// `self` inside macro arguments (`println!("{}", self.x)`), except in
/// paths (`self::module`).
fn rename_self_tokens(tokens: TokenStream) -> TokenStream {
    crate::tokens::rewrite(tokens, &mut |trees, i, _| match &trees[i] {
        // (`self::item` is a path, not the receiver.)
        TokenTree::Ident(ident)
            if ident == "self" && !crate::tokens::followed_by(trees, i, ':') =>
        {
            let alias = syn::Ident::new(SELF_ALIAS, ident.span());
            Some(crate::tokens::Edit::one(TokenTree::Ident(alias)))
        }
        _ => None,
    })
}
