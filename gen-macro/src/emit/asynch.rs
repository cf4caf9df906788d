//! Emits an async generator function: its signature with `AsyncFresh` as
//! the return type, and a body that hands the runtime the closure creating
//! the body's future; or, after errors, a stub with that signature.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

use crate::error::Diagnostics;
use crate::front::shell::ProtocolTypes;
use crate::front::signature::{self, Param};

/// The async generator function: the body as the `async` block the
/// runtime's entry point creates, with `co` as its handle.
pub(crate) fn function_with_body(
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
pub(crate) fn fallback_async(
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
