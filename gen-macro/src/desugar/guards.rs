//! Yields in match guards.
//!
//! A guard runs after its pattern matched and before the arm is chosen;
//! while it runs, the pattern's bindings are shared views of the
//! scrutinee, and when it is false the next arms are tried on the same,
//! untouched value. A resume arm cannot re-enter a `match` between its
//! pattern and its arm, so before the analysis a `match` whose guard
//! yields is split into matches that each do one of those steps:
//!
//! ```text
//! Input:   match s { A => a, P if g(x) => b, rest… }
//! Output:  match s {
//!              A => a,
//!              _ => if match &s { P_ => g(X), _ => false } {
//!                  match s { P => b, _ => unreachable!() }
//!              } else {
//!                  match s { rest…, _ => unreachable!() }
//!              },
//!          }
//!   where  X = (*match &s { P => x, _ => unreachable!() })
//!   and    P_ is P with its bindings replaced by `_`
//! ```
//!
//! The guard matches a reference to the scrutinee, so its bindings borrow
//! instead of moving, and each read of one matches that reference again
//! (`X`): no view of the scrutinee lives across a yield in the guard, only
//! the scrutinee itself, which the generator saves like any value (a view
//! held across the yield would borrow the generator's own state). The arm
//! then matches the value itself and binds as written. A `_` arm binds
//! nothing, so the scrutinee is still whole inside it. A scrutinee that is
//! not a plain place (`f()`, `v[i]`) is evaluated once, into a hidden
//! binding, first; for `*p` the pointer is.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{format_ident, quote};
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, Pat};

use crate::marker::{self, YieldPoint};
use crate::syntax::pat_bindings;

/// Rewrites every `match` of `body` whose guard yields.
pub(crate) fn lower_guards(body: &mut syn::Block, points: &mut [YieldPoint]) {
    Guards { points, next: 0 }.visit_block_mut(body);
}

struct Guards<'p> {
    points: &'p mut [YieldPoint],
    next: usize,
}

impl VisitMut for Guards<'_> {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        if let Expr::Match(m) = expr
            && let Some(k) = m.arms.iter().position(yielding_guard)
        {
            *expr = self.split(m, k);
        }
        visit_mut::visit_expr_mut(self, expr);
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

fn yielding_guard(arm: &syn::Arm) -> bool {
    matches!(&arm.pat, Pat::Guard(g) if marker::contains(&*g.guard, None))
}

impl Guards<'_> {
    fn split(&mut self, m: &syn::ExprMatch, k: usize) -> Expr {
        let Pat::Guard(guarded) = &m.arms[k].pat else {
            return Expr::Match(m.clone());
        };
        // The scrutinee as a place that can be named again.
        let (setup, place): (TokenStream, Expr) = match &*m.expr {
            e if is_plain_place(e) => (TokenStream::new(), e.clone()),
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => {
                let name = self.fresh("__gen_pointer");
                let pointer = &u.expr;
                (quote!(let #name = #pointer;), syn::parse_quote!(*#name))
            }
            e => {
                let name = self.fresh("__gen_scrutinee");
                (quote!(let #name = #e;), syn::parse_quote!(#name))
            }
        };
        let pat = &guarded.pat;
        let attrs = &m.arms[k].attrs;
        let body = &m.arms[k].body;
        let view_pat = strip_binding_modes((**pat).clone());
        // Spanned at the pattern: a view the guard holds is reported as a
        // borrow made there.
        let view = quote::quote_spanned!(syn::spanned::Spanned::span(&**pat)=> &);
        // The guard reads each binding through a shared view of the
        // scrutinee, matched again where it is read, so that no view lives
        // across the guard's yields (the scrutinee, saved there, does):
        // `x` → `(*match &s { P => x, _ => unreachable!() })`.
        let names: Vec<(String, bool)> = pat_bindings(pat)
            .into_iter()
            .map(|(ident, _, by_ref)| (ident.to_string(), by_ref))
            .collect();
        let rematch = |ident: &syn::Ident, by_ref: bool| -> TokenStream {
            let star = (!by_ref).then(|| quote!(*));
            quote! {
                (#star match #view #place {
                    #[allow(unused_variables)]
                    #view_pat => #ident,
                    #[allow(unreachable_patterns)]
                    _ => ::core::unreachable!(),
                })
            }
        };
        // The test itself binds nothing: a binding named like the
        // scrutinee (`e if r#yield!(e) > 0` on `match e`) would hide the
        // scrutinee from the guard's re-matches.
        let test_pat = without_bindings(view_pat.clone());
        let mut guard = (*guarded.guard).clone();
        let mut deref = Deref {
            names: &names,
            rematch: &rematch,
        };
        deref.visit_expr_mut(&mut guard);
        for index in marker::in_order(&guard) {
            if let Some(point) = self.points.get_mut(index) {
                deref.visit_expr_mut(&mut point.operand);
            }
        }
        let before: Vec<TokenStream> = m.arms[..k].iter().map(arm_tokens).collect();
        let after: Vec<TokenStream> = m.arms[k + 1..].iter().map(arm_tokens).collect();
        let m_attrs = &m.attrs;
        // The guard uses the bindings through the view: the arm itself may
        // not, which is no reason to warn.
        let chosen = quote!(#(#attrs)* #[allow(unused_variables)] #pat => #body,);
        let rest = quote! {
            match #place {
                #(#after)*
                #[allow(unreachable_patterns)]
                _ => ::core::unreachable!(),
            }
        };
        let test = quote! {
            if match #view #place {
                // In parentheses: a guard that starts with a block (a
                // `yield_from!` loop in `yield_from!(…) % 2 == 0`) would
                // end the arm there when the tokens are parsed again.
                #[allow(unused_parens)]
                #test_pat => (#guard),
                #[allow(unreachable_patterns)]
                _ => false,
            } {
                match #place {
                    #chosen
                    #[allow(unreachable_patterns)]
                    _ => ::core::unreachable!(),
                }
            } else {
                #rest
            }
        };
        let whole = if before.is_empty() {
            quote!(#(#m_attrs)* { #setup #test })
        } else {
            quote! {
                #(#m_attrs)* {
                    #setup
                    match #place {
                        #(#before)*
                        #[allow(unreachable_patterns)]
                        _ => #test,
                    }
                }
            }
        };
        crate::reparse::try_parse(whole).unwrap_or_else(|| Expr::Match(m.clone()))
    }

    fn fresh(&mut self, base: &str) -> syn::Ident {
        let name = format_ident!("{}_{}", base, self.next, span = Span::mixed_site());
        self.next += 1;
        name
    }
}

/// An arm with its comma, whatever its body.
fn arm_tokens(arm: &syn::Arm) -> TokenStream {
    let (attrs, pat, body) = (&arm.attrs, &arm.pat, &arm.body);
    quote!(#(#attrs)* #pat => #body,)
}

/// A place that can be evaluated again without effects: a local, a field
/// of one, a dereference of one.
fn is_plain_place(expr: &Expr) -> bool {
    match expr {
        Expr::Path(p) => p.qself.is_none() && p.path.get_ident().is_some(),
        Expr::Field(f) => is_plain_place(&f.base),
        Expr::Paren(p) => is_plain_place(&p.expr),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => is_plain_place(&u.expr),
        _ => false,
    }
}

/// `ref x`, `mut x` → `x`: matched through a reference, the bindings take
/// the reference's binding mode (writing one is an error there in 2024).
fn strip_binding_modes(mut pat: Pat) -> Pat {
    struct Strip;
    impl VisitMut for Strip {
        fn visit_pat_ident_mut(&mut self, p: &mut syn::PatIdent) {
            p.by_ref = None;
            p.mutability = None;
            visit_mut::visit_pat_ident_mut(self, p);
        }
    }
    Strip.visit_pat_mut(&mut pat);
    pat
}

/// `x` → `_` and `x @ p` → `p`: the pattern's shape without its bindings.
fn without_bindings(mut pat: Pat) -> Pat {
    struct Strip;
    impl VisitMut for Strip {
        fn visit_pat_mut(&mut self, pat: &mut Pat) {
            if let Pat::Ident(p) = pat {
                let binds = pat_bindings(&Pat::Ident(p.clone()))
                    .iter()
                    .any(|(ident, _, _)| *ident == p.ident);
                if binds {
                    *pat = match p.subpat.take() {
                        Some((_, sub)) => *sub,
                        None => Pat::Wild(syn::PatWild {
                            attrs: Vec::new(),
                            underscore_token: Default::default(),
                        }),
                    };
                }
            }
            visit_mut::visit_pat_mut(self, pat);
        }
    }
    Strip.visit_pat_mut(&mut pat);
    pat
}

/// `x` → the view of the binding `x`, matched again (see `split`).
struct Deref<'a> {
    /// The pattern's bindings, and whether each is `ref` (a reference
    /// already, not dereferenced).
    names: &'a [(String, bool)],
    rematch: &'a dyn Fn(&syn::Ident, bool) -> TokenStream,
}

impl Deref<'_> {
    fn binding(&self, ident: &syn::Ident) -> Option<bool> {
        self.names
            .iter()
            .find(|(name, _)| ident == name)
            .map(|(_, by_ref)| *by_ref)
    }
}

impl Deref<'_> {
    fn tokens(&self, tokens: TokenStream) -> TokenStream {
        crate::tokens::rewrite(tokens, &mut |trees, i, _| match &trees[i] {
            TokenTree::Ident(ident)
                if !crate::tokens::after_dot(trees, i)
                    && !crate::tokens::followed_by(trees, i, ':')
                    && !crate::tokens::followed_by(trees, i, '!') =>
            {
                let by_ref = self.binding(ident)?;
                Some(crate::tokens::Edit::one((self.rematch)(ident, by_ref)))
            }
            _ => None,
        })
    }
}

impl VisitMut for Deref<'_> {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        if let Expr::Path(p) = expr
            && p.qself.is_none()
            && let Some(ident) = p.path.get_ident()
            && let Some(by_ref) = self.binding(ident)
        {
            let tokens = (self.rematch)(&ident.clone(), by_ref);
            // invariant: `rematch` writes a parenthesised `match` over the
            // arm's own pattern, which parsed once already; were it not to
            // parse, the read stays as written and rustc reports it.
            if let Some(rematched) = crate::reparse::try_parse(tokens) {
                *expr = rematched;
            }
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
