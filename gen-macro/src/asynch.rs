//! `#[generator] async fn`: the body stays a native `async` block.
//!
//! An async generator needs no state machine of ours: rustc's own lowering
//! of `async` blocks already suspends at every `.await` and keeps borrows
//! across it. A yield becomes one more `.await`, on a future that hands the
//! value to the generator's caller (see `gen-runtime`'s `asynch` module):
//!
//! ```text
//! Input:   #[generator(yield = u32)] async fn f(n: u32) { r#yield!(n); }
//! Output:  fn f(n: u32) -> AsyncFresh<impl RawAsyncGenerator<Yield = u32, …>> {
//!              async_fresh::<u32, (), NoThrow, (), _, _, _>(|| "f", move |mut co| async move {
//!                  let n = n;
//!                  let ret: () = { (Co::yield_(&mut co, n).await).into_sent(); };
//!                  ret
//!              })
//!          }
//! ```
//!
//! The scan is the synchronous one (`analysis::scan`): it reports yields
//! where they cannot suspend (closures, nested `async` blocks, other
//! macros' arguments) and desugars `yield_from!` into a loop, here with
//! awaited steps. Its markers are then replaced by the awaited yields.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::visit_mut::{self, VisitMut};

use crate::analysis::scan;
use crate::args::Args;
use crate::error::Diagnostics;
use crate::expand::{ProtocolTypes, protocol_types};
use crate::marker::{self, YieldPoint};
use crate::signature::{self, Param};

pub(crate) fn expand_async_fn(args: &Args, function: syn::ItemFn) -> TokenStream {
    let mut cx = Diagnostics::default();
    let syn::ItemFn {
        attrs,
        vis,
        mut sig,
        block,
        ..
    } = function;
    let receiver_mut = sig.inputs.iter().any(|input| {
        matches!(input, syn::FnArg::Receiver(r) if r.mutability.is_some() && matches!(r.kind, syn::ReceiverKind::Value))
    });
    sig.asyncness = None;
    let mut signature = signature::from_syn(sig, &mut cx);
    if receiver_mut && let Some(syn::FnArg::Receiver(receiver)) = signature.sig.inputs.first_mut() {
        // `mut self`: the body's future owns `self` and mutates it in place.
        receiver.mutability = Some(Default::default());
    }
    let rt = args.runtime_path();
    let types = protocol_types(args, &signature, &rt);
    if let Some(span) = args.clone {
        cx.error(
            span,
            "an async generator cannot be `clone`: once started, its body is a pinned future, which cannot be copied",
        );
    }

    let mut body = *block;
    let scan_context = scan::Context {
        rt: &rt,
        throw_declared: args.throw_ty.is_some(),
        // A call of itself would make the body's future contain itself.
        recursion: None,
        types: &types,
        handoff: false,
        yield_spelling: "r#yield!",
        asynchronous: true,
    };
    let points = scan::scan_body(&mut body, &scan_context, &mut cx);
    if let (None, Some(first)) = (&args.yield_ty, points.first()) {
        cx.error(
            Span::call_site(),
            "this generator yields values but does not say their type: add `yield = <type>`, e.g. `#[generator(yield = u64)]`",
        );
        cx.error(first.span, "a value is yielded here");
    }
    if !cx.is_empty() {
        return fallback_async(cx, &attrs, &vis, &signature, &rt, &types);
    }

    let co = format_ident!("__gen_co", span = Span::mixed_site());
    let resumed = if args.throw_ty.is_some() {
        format_ident!("into_result")
    } else {
        format_ident!("into_sent")
    };
    AwaitYields {
        points: &points,
        rt: &rt,
        co: &co,
        resumed: &resumed,
    }
    .visit_block_mut(&mut body);

    let tokens = emit(&attrs, &vis, &signature, &rt, &types, &co, &body);
    if std::env::var_os("GEN_MACRO_DEBUG").is_some() {
        eprintln!("{tokens}");
    }
    tokens
}

/// Replaces each marker by the awaited yield of its operand.
struct AwaitYields<'a> {
    points: &'a [YieldPoint],
    rt: &'a syn::Path,
    co: &'a syn::Ident,
    resumed: &'a syn::Ident,
}

impl VisitMut for AwaitYields<'_> {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        if let Some(index) = marker::index_of(expr)
            && let Some(point) = self.points.get(index)
        {
            let (rt, co, resumed) = (self.rt, self.co, self.resumed);
            let mut operand = point.operand.clone();
            self.visit_expr_mut(&mut operand);
            let glue = crate::spans::glue(point.span);
            // A block of its own: the yield future borrows `co` mutably
            // until the end of its statement, so two yields in one
            // expression (`f(r#yield!(a), r#yield!(b))`) take turns.
            *expr = reparse_spanned!(glue=> {
                let __gen_resumed = #rt::__private::Co::yield_(&mut #co, #operand).await;
                __gen_resumed.#resumed()
            });
            return;
        }
        visit_mut::visit_expr_mut(self, expr);
    }

    fn visit_stmt_mut(&mut self, stmt: &mut syn::Stmt) {
        marker::normalize_stmt(stmt);
        visit_mut::visit_stmt_mut(self, stmt);
    }
}

fn emit(
    attrs: &[syn::Attribute],
    vis: &syn::Visibility,
    signature: &signature::Signature,
    rt: &syn::Path,
    types: &ProtocolTypes,
    co: &syn::Ident,
    body: &syn::Block,
) -> TokenStream {
    let return_ty = &signature.return_ty;
    // Every argument moves into the body's future, as in an `async fn`,
    // and is dropped with it, used or not.
    let bind_args = signature.params.iter().map(|param| match param {
        Param::Receiver { .. } => quote! {
            #[allow(unused_variables, clippy::no_effect_underscore_binding)]
            let _ = &self;
        },
        Param::Ident { ident, mutable, .. } => {
            let mutability = mutable.then(|| quote!(mut));
            quote! {
                #[allow(unused_variables, unused_mut)]
                let #mutability #ident = #ident;
            }
        }
        Param::Pattern { name, pat, .. } => quote! {
            #[allow(unused_variables, unused_mut)]
            let #pat = #name;
        },
    });
    let ret = format_ident!("__gen_return", span = Span::mixed_site());
    let stmts = &body.stmts;
    let create = quote! {
        move |mut #co| async move {
            #(#bind_args)*
            // The body's value as the future's output, named, so that `?`
            // and `return` in it know what they convert to.
            #[allow(unused_braces, clippy::let_unit_value)]
            let #ret: #return_ty = { #(#stmts)* };
            #[allow(unreachable_code)]
            #ret
        }
    };
    function(
        attrs,
        vis,
        signature,
        rt,
        types,
        TokenStream::new(),
        &create,
    )
}

/// The generator function: its signature with the async generator as the
/// return type, and a body that calls the runtime's entry point with the
/// function's name and `create`, the closure that makes the body's future.
fn function(
    attrs: &[syn::Attribute],
    vis: &syn::Visibility,
    signature: &signature::Signature,
    rt: &syn::Path,
    types: &ProtocolTypes,
    before: TokenStream,
    create: &TokenStream,
) -> TokenStream {
    let output = output_type(signature, rt, types);
    let ProtocolTypes {
        yield_ty,
        send_ty,
        throw_ty,
    } = types;
    let return_ty = &signature.return_ty;
    let sig = &signature.sig;
    let (ident, generics, inputs, where_clause) = (
        &sig.ident,
        &sig.generics,
        &sig.inputs,
        &sig.generics.where_clause,
    );
    let (unsafety, fn_token) = (&sig.safety, &sig.fn_token);
    let name = ident.to_string();
    quote! {
        #before
        #(#attrs)*
        #vis #unsafety #fn_token #ident #generics (#inputs) -> #output #where_clause {
            #rt::__private::async_fresh::<#yield_ty, #send_ty, #throw_ty, #return_ty, _, _, _>(
                || #name,
                #create,
            )
        }
    }
}

fn output_type(
    signature: &signature::Signature,
    rt: &syn::Path,
    types: &ProtocolTypes,
) -> TokenStream {
    let ProtocolTypes {
        yield_ty,
        send_ty,
        throw_ty,
    } = types;
    let return_ty = &signature.return_ty;
    let captures = if signature.lifetimes.is_empty() {
        quote!()
    } else {
        let lifetimes = &signature.lifetimes;
        quote!(+ #rt::__private::Captures<(#(&#lifetimes (),)*)>)
    };
    quote! {
        #rt::__private::AsyncFresh<
            impl #rt::__private::RawAsyncGenerator<Yield = #yield_ty, Send = #send_ty, Throw = #throw_ty, Return = #return_ty> #captures
        >
    }
}

/// The errors, plus the function with its async generator signature and a
/// body that type-checks, so callers see no follow-on errors. The crate
/// does not compile, so the body never runs: it waits forever.
fn fallback_async(
    cx: Diagnostics,
    attrs: &[syn::Attribute],
    vis: &syn::Visibility,
    signature: &signature::Signature,
    rt: &syn::Path,
    types: &ProtocolTypes,
) -> TokenStream {
    let errors = cx.into_compile_errors();
    let create = quote! {
        move |_| async move { loop { #rt::__private::core::future::pending::<()>().await } }
    };
    let attrs: Vec<syn::Attribute> = attrs
        .iter()
        .cloned()
        .chain(std::iter::once(
            syn::parse_quote!(#[allow(unused_variables, clippy::all)]),
        ))
        .collect();
    function(&attrs, vis, signature, rt, types, errors, &create)
}
