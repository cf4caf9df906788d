//! The `#[generator]` driver: parses the attribute and the function,
//! sends an `async fn` to `asynch`, and runs the body core (`body`) inside
//! the function's shell. When any error was found, the output is the errors
//! plus a stub with the right signature, so callers see no follow-on
//! errors.

use proc_macro2::TokenStream;

use crate::body::lower_body;
use crate::emit::stub::fallback;
use crate::error::Diagnostics;
use crate::front::args::Args;
use crate::front::shell::{ProtocolTypes, Shell, protocol_types, recursion};
use crate::front::signature;
use crate::names;

pub(crate) fn generator(args: TokenStream, item: TokenStream) -> TokenStream {
    let args: Args = match syn::parse2(args) {
        Ok(args) => args,
        Err(error) => {
            let mut cx = Diagnostics::default();
            cx.push(error);
            return fallback_for_tokens(cx, item);
        }
    };
    let function: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(function) => function,
        Err(error) => {
            let mut tokens = error.to_compile_error();
            tokens.extend(item);
            return tokens;
        }
    };
    expand_fn(&args, function)
}

fn expand_fn(args: &Args, function: syn::ItemFn) -> TokenStream {
    if function.sig.asyncness.is_some() {
        return crate::asynch::expand_async_fn(args, function);
    }
    let mut cx = Diagnostics::default();
    let syn::ItemFn {
        attrs,
        vis,
        sig,
        block,
        ..
    } = function;
    let signature = signature::from_syn(sig, &mut cx);
    let rt = args.runtime_path();
    let body = *block;

    let state_enum = names::state_enum();
    let types = protocol_types(args, &signature, &rt);

    let clone = args.clone.is_some();
    let recursion = recursion(&signature, &state_enum);
    let tokens = lower_body(
        &Shell {
            args,
            signature: &signature,
            types: &types,
            rt: &rt,
            state_enum: state_enum.clone(),
            recursion: Some(recursion),
            yield_spelling: "r#yield!",
        },
        body,
        &mut cx,
        |emit| emit.function(&attrs, &vis),
    );
    match tokens {
        Some(tokens) => tokens,
        None => fallback(cx, &attrs, &vis, &signature, &rt, &types, clone),
    }
}

fn fallback_for_tokens(cx: Diagnostics, item: TokenStream) -> TokenStream {
    let mut cx = cx;
    let function: syn::ItemFn = match syn::parse2(item.clone()) {
        Ok(function) => function,
        Err(error) => {
            cx.push(error);
            let mut tokens = cx.into_compile_errors();
            tokens.extend(item);
            return tokens;
        }
    };
    let syn::ItemFn {
        attrs, vis, sig, ..
    } = function;
    let signature = signature::from_syn(sig, &mut cx);
    let rt: syn::Path = syn::parse_quote!(::gen_runtime);
    let types = ProtocolTypes {
        yield_ty: syn::parse_quote!(()),
        send_ty: syn::parse_quote!(()),
        throw_ty: syn::parse_quote!(#rt::__private::NoThrow),
    };
    fallback(cx, &attrs, &vis, &signature, &rt, &types, false)
}
