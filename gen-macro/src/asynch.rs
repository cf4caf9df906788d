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
//!                  let ret: () = { Co::yield_unit(&mut co, n).await; };
//!                  ret
//!              })
//!          }
//! ```
//!
//! The scan is the synchronous one (`desugar::scan`): it reports yields
//! where they cannot suspend (closures, nested `async` blocks, other
//! macros' arguments) and desugars `yield_from!` into a loop, here with
//! awaited steps. Its markers are then replaced by the awaited yields.

use proc_macro2::{Span, TokenStream};
use quote::format_ident;

use crate::desugar::await_yields::await_yields;
use crate::desugar::scan;
use crate::emit::asynch::{fallback_async, function_with_body};
use crate::error::Diagnostics;
use crate::front::args::Args;
use crate::front::shell::protocol_types;
use crate::front::signature;

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
        Some(format_ident!("into_result"))
    } else if args.send_is_unit() {
        None
    } else {
        Some(format_ident!("into_sent"))
    };
    await_yields(&mut body, &points, &rt, &co, resumed.as_ref());

    let tokens = function_with_body(&attrs, &vis, &signature, &rt, &types, &co, &body);
    if std::env::var_os("GEN_MACRO_DEBUG").is_some() {
        eprintln!("{tokens}");
    }
    tokens
}
