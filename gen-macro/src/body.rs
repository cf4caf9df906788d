//! The body core, shared by `#[generator]` and `gen_block!`: a block with
//! `r#yield!` in, the generator as an expression out. It runs the pipeline
//! front → desugar → analysis → lower → emit; every step reports into one
//! `Diagnostics`.

use proc_macro2::{Span, TokenStream};

use crate::analysis::slots;
use crate::desugar::{flags, guards, hoist, items, joins, rewrite, scan, split};
use crate::emit::machine::Emit;
use crate::error::Diagnostics;
use crate::front::shell::Shell;
use crate::front::signature::Param;
use crate::lower::{Lowerer, Segment};
use crate::marker::{PointKind, YieldPoint};
use crate::names::{self, MachineKind, Names};

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

    let machine = if calls_itself {
        MachineKind::Frames
    } else if points.iter().any(|point| point.kind == PointKind::Handoff)
        || signature.has_type_params()
    {
        MachineKind::Owned
    } else {
        MachineKind::Plain
    };
    let names = Names::new(rt, &shell.state_enum, machine);
    let items = items::take_items(&mut body);
    rewrite::rewrite_body(&mut body, &mut points, &names);
    guards::lower_guards(&mut body, &mut points);
    hoist::hoist_body(&mut body, &points);
    // Every argument, with its shape where its fields may be moved out one
    // by one. (A `gen_block!`'s captures are arguments of unknown type; a
    // local of the same name must not be taken for the only one: `let p =
    // Pair { a: p.a, b: p.b };` in a block then read the captured `p`'s
    // fields as copies, and saved it after they moved, E0382.)
    let splittable: Vec<(String, Option<split::Shape>)> = signature
        .params
        .iter()
        .flat_map(|param| match param {
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
                vec![(names::SELF_ALIAS.to_string(), Some(shape))]
            }
            Param::Receiver { .. } => Vec::new(),
            Param::Ident {
                ident, is_ref, ty, ..
            } => {
                let shape = if *is_ref {
                    None
                } else {
                    split::Shape::of_type(ty)
                };
                vec![(ident.to_string(), shape)]
            }
            Param::Pattern { pat, .. } => crate::syntax::pat_bindings(pat)
                .into_iter()
                .map(|(ident, _, _)| (ident.to_string(), None))
                .collect(),
        })
        .collect();
    // A local or a field a yield hands out is copied, not moved, when the
    // yield type is visibly `Copy`.
    let copy_yields = crate::syntax::type_is_known_copy(&types.yield_ty);
    let whole = split::split_body(&mut body, &mut points, &splittable, copy_yields);
    let arg_bindings: Vec<slots::ArgBinding<'_>> = signature
        .params
        .iter()
        .map(|param| match param {
            Param::Receiver {
                mutable, is_ref, ..
            } => slots::ArgBinding::Ident {
                ident: syn::Ident::new(names::SELF_ALIAS, Span::call_site()),
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
    let mut skipped_joins: Vec<String> = Vec::new();
    let analyze = |body: &mut syn::Block, points: &mut Vec<YieldPoint>, cx: &mut Diagnostics| {
        slots::analyze(&arg_bindings, &whole, copy_yields, body, points, cx)
    };
    let (mut analysis, first_cx) = loop {
        (body, points) = (unjoined_body.clone(), unjoined_points.clone());
        joins::add_join_points(&mut body, &mut points, &skipped_joins);
        // Values only some paths move before a yield get drop flags, which
        // the analysis then sees as ordinary values (see `lower::flags`).
        let (before_body, before_points) = (body.clone(), points.clone());
        let mut first_cx = Diagnostics::default();
        let mut analysis = analyze(&mut body, &mut points, &mut first_cx);
        if !analysis.needs_flag.is_empty() {
            let (mut flagged_body, mut flagged_points) = (before_body, before_points);
            flags::rebind_arguments(&mut flagged_body, &signature.params, &analysis.needs_flag);
            if flags::add_drop_flags(
                &mut flagged_body,
                &mut flagged_points,
                &analysis.needs_flag,
                rt,
                crate::syntax::type_is_known_copy(&types.send_ty),
            ) {
                body = flagged_body;
                points = flagged_points;
                first_cx = Diagnostics::default();
                analysis = analyze(&mut body, &mut points, &mut first_cx);
            }
        }
        if analysis.refused_joins.is_empty() {
            break (analysis, first_cx);
        }
        skipped_joins.extend(
            analysis
                .refused_joins
                .iter()
                .map(|&index| joins::join_key(points[index].span)),
        );
    };
    cx.extend(first_cx);
    slots::plan_tail_calls(&mut analysis, &points, &body, args.throw_ty.is_some());

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
        jumped: false,
        start_reached: Vec::new(),
        reached: std::cell::RefCell::new(Vec::new()),
    };
    let start_body = lowerer.start_body(&body);
    let mut reached_from = vec![lowerer.take_reached()];
    lowerer.start_reached = reached_from[0].clone();
    let mut resume_bodies: Vec<Segment> = (0..points.len())
        .map(|index| {
            let segment = lowerer.resume_body(&body, index);
            reached_from.push(lowerer.take_reached());
            segment
        })
        .collect();
    let entered = std::mem::take(&mut lowerer.entered);
    let exit_labels = lowerer.next_label > 0;
    // The arms in the order a search from the start arm first reaches
    // them: the arm that first saves a point's values comes before that
    // point's arm, so rustc knows their types where the arm reads them
    // (a method call on a value whose type is not known yet is E0282).
    // A point the search never reaches (a yield after a `return`) has no
    // arm: nothing would give its saved values their types.
    let mut arm_rank = vec![usize::MAX; points.len()];
    let mut queue: std::collections::VecDeque<usize> = reached_from[0].iter().copied().collect();
    let mut next_rank = 0;
    while let Some(point) = queue.pop_front() {
        if arm_rank[point] == usize::MAX {
            arm_rank[point] = next_rank;
            next_rank += 1;
            queue.extend(reached_from[point + 1].iter().copied());
        }
    }
    for (point, segment) in resume_bodies.iter_mut().enumerate() {
        if arm_rank[point] == usize::MAX {
            analysis.facts[point].saves.clear();
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
        arm_rank,
        exit_labels,
        entered,
        items,
    };
    let tokens = restore_hidden_names(emit(&emit_parts), &analysis.hidden_names);
    if std::env::var_os("GEN_MACRO_DEBUG").is_some() {
        eprintln!("{tokens}");
    }
    Some(tokens)
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
    crate::tokens::rewrite(tokens, &mut |trees, i, _| match &trees[i] {
        proc_macro2::TokenTree::Ident(ident) => {
            let mut restored = hidden.get(&ident.to_string())?.clone();
            restored.set_span(Span::mixed_site().located_at(ident.span()));
            Some(crate::tokens::Edit::one(proc_macro2::TokenTree::Ident(
                restored,
            )))
        }
        _ => None,
    })
}
