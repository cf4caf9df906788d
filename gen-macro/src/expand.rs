//! The `#[generator]` pipeline: parse → scan → rewrite → analyse → lower →
//! emit. Every step reports into one `Diagnostics`; when any error was
//! found, the output is the errors plus a stub with the right signature, so
//! callers see no follow-on errors.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};

use crate::analysis::{scan, slots};
use crate::args::Args;
use crate::codegen::Emit;
use crate::error::Diagnostics;
use crate::lower::resume::{Lowerer, MachineKind, Names, Segment};
use crate::lower::{flags, guards, hoist, joins, rewrite, split};
use crate::marker::PointKind;
use crate::signature::{self, Param};

/// The types of the protocol, as the expansion writes them.
pub(crate) struct ProtocolTypes {
    pub(crate) yield_ty: syn::Type,
    pub(crate) send_ty: syn::Type,
    /// `throw = E`, or `__private::NoThrow`.
    pub(crate) throw_ty: syn::Type,
}

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

    let state_enum = format_ident!("__GenState", span = Span::mixed_site());
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

/// The yield, send and throw types as the expansion writes them, elided
/// lifetimes named after the signature's.
pub(crate) fn protocol_types(
    args: &Args,
    signature: &signature::Signature,
    rt: &syn::Path,
) -> ProtocolTypes {
    let unit: syn::Type = syn::parse_quote!(());
    let mut yield_ty = args.yield_ty.clone().unwrap_or_else(|| unit.clone());
    signature.fill_elided(&mut yield_ty);
    let mut send_ty = args.send_ty.clone().unwrap_or_else(|| unit.clone());
    signature.fill_elided(&mut send_ty);
    let mut throw_ty = match &args.throw_ty {
        Some((_, ty)) => ty.clone(),
        None => syn::parse_quote!(#rt::__private::NoThrow),
    };
    signature.fill_elided(&mut throw_ty);
    ProtocolTypes {
        yield_ty,
        send_ty,
        throw_ty,
    }
}

/// What the body core needs from the shell around the body: a function's
/// signature or a block's captures (as parameters), the protocol types,
/// and how to recognise a call of the generator itself.
pub(crate) struct Shell<'a> {
    pub(crate) args: &'a Args,
    pub(crate) signature: &'a signature::Signature,
    pub(crate) types: &'a ProtocolTypes,
    pub(crate) rt: &'a syn::Path,
    pub(crate) state_enum: syn::Ident,
    /// `None` for a `gen_block!`, which has no name to call.
    pub(crate) recursion: Option<scan::Recursion<'a>>,
    /// `r#yield!` in a function, `yield!` in a block (for messages).
    pub(crate) yield_spelling: &'static str,
}

/// The body core, shared by `#[generator]` and `gen_block!`: scan,
/// rewrite, analyse and lower `body`, then emit it with `emit` (a function
/// or an expression). `None` when errors were reported into `cx`.
pub(crate) fn lower_body(
    shell: &Shell<'_>,
    mut body: syn::Block,
    cx: &mut Diagnostics,
    emit: impl FnOnce(&Emit<'_>) -> TokenStream,
) -> Option<TokenStream> {
    let Shell {
        args,
        signature,
        types,
        rt,
        ..
    } = *shell;
    let yield_inferred = matches!(types.yield_ty, syn::Type::Infer(_));
    let mut scan_context = scan::Context {
        rt,
        throw_declared: args.throw_ty.is_some(),
        recursion: shell.recursion.as_ref(),
        types,
        // A hand-off point matches a boxed delegate's yield type with this
        // generator's, which must then be known.
        handoff: !yield_inferred,
        yield_spelling: shell.yield_spelling,
        asynchronous: false,
    };
    // A self-recursive generator keeps its own frames on its stack, and a
    // boxed sub-generator cannot join them: only other generators offer
    // boxed sub-generators to a stack (hand-off points). Whether the body
    // calls itself is known once every `yield_from!` operand is parsed, so
    // a body that turns out to call itself is scanned again, without them.
    let original = body.clone();
    let mut scan_cx = Diagnostics::default();
    let mut points = scan::scan_body(&mut body, &scan_context, &mut scan_cx);
    let calls_itself = points.iter().any(|point| point.kind == PointKind::Call);
    if calls_itself {
        scan_context.handoff = false;
        body = original;
        scan_cx = Diagnostics::default();
        points = scan::scan_body(&mut body, &scan_context, &mut scan_cx);
    }
    cx.extend(scan_cx);
    if yield_inferred && points.is_empty() {
        // Nothing in the block gives the item type a value; rustc's own
        // "type annotations needed" would show the state machine's type.
        cx.error(
            Span::call_site(),
            "this block yields nothing, so its item type cannot be inferred from it: name it with `gen_block!(yield = <type>; { … })`, or use `std::iter::empty()`",
        );
    }
    if let (None, Some(first), false) = (&args.yield_ty, points.first(), yield_inferred) {
        cx.error(
            Span::call_site(),
            "this generator yields values but does not say their type: add `yield = <type>`, e.g. `#[generator(yield = u64)]`",
        );
        cx.error(first.span, "a value is yielded here");
    }
    if !cx.is_empty() {
        return None;
    }

    let names = Names {
        rt: rt.clone(),
        state: format_ident!("__gen_state", span = Span::mixed_site()),
        arg: format_ident!("__gen_arg", span = Span::mixed_site()),
        state_enum: shell.state_enum.clone(),
        machine: if calls_itself {
            MachineKind::Frames
        } else if points.iter().any(|point| point.kind == PointKind::Handoff)
            || signature.has_type_params()
        {
            MachineKind::Owned
        } else {
            MachineKind::Plain
        },
    };
    rewrite::rewrite_body(&mut body, &mut points, rt, &names.output());
    guards::lower_guards(&mut body, &mut points);
    hoist::hoist_body(&mut body);
    let splittable: Vec<(String, split::Shape)> = signature
        .params
        .iter()
        .filter_map(|param| match param {
            Param::Receiver {
                owns_fields: true,
                boxed,
                ..
            } => {
                let path: syn::Path = syn::parse_quote!(Self);
                let shape = split::Shape::Struct {
                    path,
                    deref: *boxed,
                };
                Some((rewrite::SELF_ALIAS.to_string(), shape))
            }
            Param::Ident {
                ident,
                is_ref: false,
                ty,
                ..
            } => split::Shape::of_type(ty).map(|shape| (ident.to_string(), shape)),
            _ => None,
        })
        .collect();
    let whole = split::split_body(&mut body, &mut points, &splittable);
    let arg_bindings: Vec<slots::ArgBinding<'_>> = signature
        .params
        .iter()
        .map(|param| match param {
            Param::Receiver {
                mutable, is_ref, ..
            } => slots::ArgBinding::Ident {
                ident: syn::Ident::new(rewrite::SELF_ALIAS, Span::call_site()),
                mutable: *mutable,
                is_ref: *is_ref,
                ty: None,
            },
            Param::Ident {
                ident,
                mutable,
                is_ref,
                ty,
            } => slots::ArgBinding::Ident {
                ident: ident.clone(),
                mutable: *mutable,
                is_ref: *is_ref,
                ty: (!matches!(**ty, syn::Type::Infer(_))).then_some(&**ty),
            },
            Param::Pattern { pat, ty, .. } => slots::ArgBinding::Pattern { pat, ty },
        })
        .collect();
    // Join points give a closure saved across a yield one definition (see
    // `lower::joins`); one that would have to save a borrow is left out.
    let (unjoined_body, unjoined_points) = (body.clone(), points.clone());
    let mut skipped_joins: Vec<usize> = Vec::new();
    let (mut analysis, first_cx) = loop {
        (body, points) = (unjoined_body.clone(), unjoined_points.clone());
        joins::add_join_points(&mut body, &mut points, &skipped_joins);
        // Values only some paths move before a yield get drop flags, which
        // the analysis then sees as ordinary values (see `lower::flags`).
        let (before_body, before_points) = (body.clone(), points.clone());
        let mut first_cx = Diagnostics::default();
        let mut analysis =
            slots::analyze(&arg_bindings, &whole, &mut body, &mut points, &mut first_cx);
        if !analysis.needs_flag.is_empty() {
            let (mut flagged_body, mut flagged_points) = (before_body, before_points);
            if flags::add_drop_flags(
                &mut flagged_body,
                &mut flagged_points,
                &analysis.needs_flag,
                rt,
            ) {
                body = flagged_body;
                points = flagged_points;
                first_cx = Diagnostics::default();
                analysis =
                    slots::analyze(&arg_bindings, &whole, &mut body, &mut points, &mut first_cx);
            }
        }
        if analysis.refused_joins.is_empty() {
            break (analysis, first_cx);
        }
        // The join points placed are the candidates not skipped, in source
        // order, as `add_join_points` counts them.
        let placed: Vec<usize> = (0..)
            .filter(|candidate| !skipped_joins.contains(candidate))
            .take(points.len())
            .collect();
        let refused: Vec<usize> = analysis
            .refused_joins
            .iter()
            .map(|&index| {
                let nth = points[..index]
                    .iter()
                    .filter(|point| point.kind == PointKind::Join)
                    .count();
                placed[nth]
            })
            .collect();
        skipped_joins.extend(refused);
    };
    cx.extend(first_cx);

    let mut lowerer = Lowerer {
        analysis: &analysis,
        points: &points,
        cx,
        names: &names,
        yield_ty: &types.yield_ty,
        send_is_unit: args.send_is_unit(),
        throw_declared: args.throw_ty.is_some(),
        clone: args.clone.is_some(),
        next_label: 0,
        in_place: None,
        entries: Vec::new(),
        entered: Vec::new(),
        tail_calls: Vec::new(),
        reached: std::cell::RefCell::new(Vec::new()),
    };
    lowerer.plan_tail_calls(&body);
    let start_body = lowerer.start_body(&body);
    let mut reached_from = vec![lowerer.take_reached()];
    let mut resume_bodies: Vec<Segment> = (0..points.len())
        .map(|index| {
            let segment = lowerer.resume_body(&body, index);
            reached_from.push(lowerer.take_reached());
            segment
        })
        .collect();
    let entered = std::mem::take(&mut lowerer.entered);
    // A point no arm from the start suspends at (a yield after a `return`)
    // has no arm: nothing would give its saved values their types.
    let mut reachable = vec![false; points.len()];
    let mut todo = reached_from[0].clone();
    while let Some(point) = todo.pop() {
        if !std::mem::replace(&mut reachable[point], true) {
            todo.extend(reached_from[point + 1].iter().copied());
        }
    }
    for (point, segment) in resume_bodies.iter_mut().enumerate() {
        if !reachable[point] {
            analysis.slots[point].clear();
            segment.unreachable = true;
        }
    }

    if !cx.is_empty() {
        return None;
    }
    let emit_parts = Emit {
        names: &names,
        analysis: &analysis,
        signature,
        types,
        clone: args.clone.is_some(),
        points: &points,
        start_body,
        resume_bodies,
        entered,
    };
    let tokens = restore_hidden_names(emit(&emit_parts), &analysis.hidden_names);
    if std::env::var_os("GEN_MACRO_DEBUG").is_some() {
        eprintln!("{tokens}");
    }
    Some(tokens)
}

/// What the scan needs to recognise the function calling itself in
/// `yield_from!` (its frames are then kept on an explicit stack).
fn recursion<'a>(
    signature: &'a signature::Signature,
    state_enum: &'a syn::Ident,
) -> scan::Recursion<'a> {
    let param_types = signature
        .sig
        .inputs
        .iter()
        .map(|input| match input {
            syn::FnArg::Typed(typed) => {
                (!contains_impl_trait(&typed.ty)).then(|| (*typed.ty).clone())
            }
            syn::FnArg::Receiver(receiver) => receiver_type(receiver),
        })
        .collect();
    let has_receiver = matches!(signature.sig.inputs.first(), Some(syn::FnArg::Receiver(_)));
    scan::Recursion {
        name: &signature.sig.ident,
        param_types,
        has_receiver,
        state_enum,
    }
}

/// The type of `self`, `&'a self`, `&'a mut self` or `self: T`.
fn receiver_type(receiver: &syn::Receiver) -> Option<syn::Type> {
    Some(match &receiver.kind {
        syn::ReceiverKind::Value => syn::parse_quote!(Self),
        syn::ReceiverKind::Reference(_, lifetime, mutability) => {
            syn::parse_quote!(& #lifetime #mutability Self)
        }
        syn::ReceiverKind::Typed(_, ty) if !contains_impl_trait(ty) => (**ty).clone(),
        _ => return None,
    })
}

/// `impl Trait` cannot be written in a `let`'s type.
fn contains_impl_trait(ty: &syn::Type) -> bool {
    struct Finder(bool);
    impl<'ast> syn::visit::Visit<'ast> for Finder {
        fn visit_type_impl_trait(&mut self, _: &'ast syn::TypeImplTrait) {
            self.0 = true;
        }
    }
    let mut finder = Finder(false);
    syn::visit::Visit::visit_type(&mut finder, ty);
    finder.0
}

/// Gives renamed shadowing bindings their names back, with mixed-site
/// hygiene: they no longer hide the outer binding from the code that saves
/// it, and user code inside their scope (its tokens renamed alike) still
/// finds them.
fn restore_hidden_names(
    tokens: TokenStream,
    hidden: &std::collections::HashMap<String, syn::Ident>,
) -> TokenStream {
    if hidden.is_empty() {
        return tokens;
    }
    tokens
        .into_iter()
        .map(|tt| match tt {
            proc_macro2::TokenTree::Ident(ident) => match hidden.get(&ident.to_string()) {
                Some(original) => {
                    let mut restored = original.clone();
                    restored.set_span(Span::mixed_site().located_at(ident.span()));
                    proc_macro2::TokenTree::Ident(restored)
                }
                None => proc_macro2::TokenTree::Ident(ident),
            },
            proc_macro2::TokenTree::Group(group) => {
                let mut new = proc_macro2::Group::new(
                    group.delimiter(),
                    restore_hidden_names(group.stream(), hidden),
                );
                new.set_span(group.span());
                proc_macro2::TokenTree::Group(new)
            }
            other => other,
        })
        .collect()
}

/// The errors, plus the function with its generator signature and a body
/// that type-checks, so call sites do not pile up follow-on errors.
fn fallback(
    cx: Diagnostics,
    attrs: &[syn::Attribute],
    vis: &syn::Visibility,
    signature: &signature::Signature,
    rt: &syn::Path,
    types: &ProtocolTypes,
    clone: bool,
) -> TokenStream {
    let clone = clone.then(|| quote!(+ #rt::__private::core::clone::Clone));
    let ProtocolTypes {
        yield_ty,
        send_ty,
        throw_ty,
    } = types;
    let errors = cx.into_compile_errors();
    let sig = &signature.sig;
    let (ident, generics, inputs, where_clause) = (
        &sig.ident,
        &sig.generics,
        &sig.inputs,
        &sig.generics.where_clause,
    );
    let (unsafety, fn_token) = (&sig.safety, &sig.fn_token);
    let return_ty = &signature.return_ty;
    quote! {
        #errors
        #(#attrs)*
        #[allow(unused_variables, clippy::all)]
        #vis #unsafety #fn_token #ident #generics (#inputs)
            -> #rt::__private::Fresh<impl #rt::__private::RawGenerator<Yield = #yield_ty, Send = #send_ty, Throw = #throw_ty, Return = #return_ty> #clone>
            #where_clause
        {
            #rt::__private::stub()
        }
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
