//! Emits the generator function: the state enum, its `GenState` impl, and
//! the resume closure whose arms the lowering produced.
//!
//! Input:
//! ```text
//! #[generator(yield = u64)]
//! fn count(n: u64) { for i in 0..n { r#yield!(i); } }
//! ```
//! Output (shape; `gen-macro/tests/expand/count.expanded.rs` in full):
//! ```text
//! fn count(n: u64) -> Fresh<impl RawGenerator<Yield = u64, Send = (), Throw = NoThrow, Return = ()>> {
//!     enum __GenState<__A0, __T1, __TR> {
//!         __Start { param_0: __A0 },
//!         __Yield0 { gen_iter_0_1: __T1 },   // saved values, last declared first
//!         __Returned(__TR), __Done, __Closed,
//!     }
//!     impl<…> GenState for __GenState<…> { … }
//!     fresh(__GenState::__Start { param_0: n }, move |__gen_state, __gen_arg| {
//!         '__gen_enter: {                  // the start arm enters the loop
//!             match __gen_state {          // by jumping (`lower::entry`)
//!                 __GenState::__Start { .. } => { /* take the arguments; save
//!                     the loop's iterator in __Yield0; break '__gen_enter */ }
//!                 _ => {}
//!             }
//!         }
//!         match __gen_state {
//!             __GenState::__Yield0 { gen_iter_0_1 } => { /* the loop, resumed
//!                 in place: `next` on the saved iterator, return Yielded */ }
//!             _ => resumed_finished(),
//!         }
//!     })
//! }
//! ```
//! One generic parameter per saved binding lets rustc infer every type,
//! closures and `impl Trait` values included; the enum and the closure are
//! in one function body, so inference sees both.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::ext::IdentExt;

use crate::analysis::slots::Analysis;
use crate::front::signature::{Param, Signature};
use crate::lower::Segment;
use crate::marker::PointKind;
use crate::names::{MachineKind, Names, field_name, param_field, param_temp};

pub(crate) struct Emit<'a> {
    pub(crate) names: &'a Names,
    pub(crate) analysis: &'a Analysis,
    pub(crate) signature: &'a Signature,
    pub(crate) types: &'a crate::front::shell::ProtocolTypes,
    /// `#[generator(clone)]`: the state enum derives `Clone`, and the
    /// opaque type says so.
    pub(crate) clone: bool,
    pub(crate) points: &'a [crate::marker::YieldPoint],
    /// The start arm's code, then one continuation per suspension point
    /// (and whether it resumes in place).
    pub(crate) start_body: Segment,
    pub(crate) resume_bodies: Vec<Segment>,
    /// Per point, where its arm goes among the arms (see `body.rs`).
    pub(crate) arm_rank: Vec<usize>,
    /// The lowering made labeled blocks for re-entered loops
    /// (`'__gen_exit_N`).
    pub(crate) exit_labels: bool,
    /// The loops the start arm enters by jumping (see `lower::entry`).
    pub(crate) entered: Vec<crate::lower::entry::Entry>,
    /// Items the body declares, moved out of it (see `desugar::items`).
    pub(crate) items: Vec<syn::Item>,
}

impl Emit<'_> {
    /// The generator function: its signature with the opaque return type,
    /// and the [`expression`](Self::expression) as its body.
    pub(crate) fn function(&self, attrs: &[syn::Attribute], vis: &syn::Visibility) -> TokenStream {
        let rt = &self.names.rt;
        let sig = &self.signature.sig;
        let (ident, generics, inputs, where_clause) = (
            &sig.ident,
            &sig.generics,
            &sig.inputs,
            &sig.generics.where_clause,
        );
        let (unsafety, fn_token) = (&sig.safety, &sig.fn_token);
        let crate::front::shell::ProtocolTypes {
            yield_ty,
            send_ty,
            throw_ty,
        } = self.types;
        let return_ty = &self.signature.return_ty;

        let captures = if self.signature.lifetimes.is_empty() {
            quote!()
        } else {
            let lifetimes = &self.signature.lifetimes;
            quote!(+ #rt::__private::Captures<(#(&#lifetimes (),)*)>)
        };
        let clone = self
            .clone
            .then(|| quote!(+ #rt::__private::core::clone::Clone));
        let output = quote! {
            #rt::__private::Fresh<
                impl #rt::__private::RawGenerator<Yield = #yield_ty, Send = #send_ty, Throw = #throw_ty, Return = #return_ty> #captures #clone
            >
        };
        let expression = self.expression();
        quote! {
            #(#attrs)*
            #vis #unsafety #fn_token #ident #generics (#inputs) -> #output #where_clause {
                #expression
            }
        }
    }

    /// The fresh generator, as an expression: the state enum, and the call
    /// of the runtime's entry point with the initial state (the arguments,
    /// or a block's captures) and the resume closure. The body of a
    /// generator function, and the whole of a `gen_block!`.
    pub(crate) fn expression(&self) -> TokenStream {
        let items = &self.items;
        let machine = self.machine_expression();
        quote!(#(#items)* #machine)
    }

    /// The state enum and the entry point's call (see [`expression`](Self::expression)).
    fn machine_expression(&self) -> TokenStream {
        let names = self.names;
        let rt = &names.rt;
        let state_enum = &names.state_enum;
        let state = &names.state;
        let arg = &names.arg;
        let crate::front::shell::ProtocolTypes {
            yield_ty,
            send_ty,
            throw_ty,
        } = self.types;
        // A block's return type is inferred from what it completes with; a
        // block that never completes (`loop { yield!(n); … }`) has none to
        // infer, and `()` stands for it.
        let never_completes =
            self.start_body.diverges && self.resume_bodies.iter().all(|segment| segment.diverges);
        let unit: syn::Type = syn::parse_quote!(());
        let return_ty = match &self.signature.return_ty {
            syn::Type::Infer(_) if never_completes => &unit,
            declared => declared,
        };
        let state_def = self.state_enum();
        let params = &self.signature.params;
        let start_fields = params.iter().enumerate().map(|(i, param)| {
            let field = param_field(i);
            let value = param.value();
            quote!(#field: #value)
        });
        let start_pattern = (0..params.len()).map(|i| {
            let field = param_field(i);
            let temp = param_temp(i);
            quote!(#field: #temp)
        });
        let arg_rebinds = params
            .iter()
            .enumerate()
            .map(|(i, param)| self.param_rebind(i, param));
        let start_body = self.completion(&self.start_body);

        let start_arm = quote! {
            #state_enum::__Start { .. } => {
                let #state_enum::__Start { #(#start_pattern),* } =
                    #rt::__private::core::mem::replace(#state, #state_enum::__Done)
                else {
                    #rt::__private::resumed_finished()
                };
                let _ = #arg;
                #(#arg_rebinds)*
                #start_body
            }
        };
        let dispatch = self.dispatch(&start_arm);

        // A recursive generator's closure runs one frame: it can be resumed
        // with the callee's return value, and can return `Step::Call`.
        let arms_return = names.output();
        // An owned machine's body can return `Step::Call(Handoff)` at a
        // hand-off point (see `owned_expression`).
        let (entry, resume_ty, output_ty) = match names.machine {
            MachineKind::Frames => (
                quote!(fresh_frames),
                quote!(#rt::__private::Resume<#send_ty, #throw_ty, #return_ty>),
                quote!(#arms_return<#yield_ty, #return_ty, _>),
            ),
            MachineKind::Owned => (
                quote!(fresh_owned),
                quote!(#rt::__private::Resume<#send_ty, #throw_ty>),
                quote!(#arms_return<#yield_ty, #return_ty, #rt::__private::Handoff>),
            ),
            MachineKind::Plain => (
                quote!(fresh),
                quote!(#rt::__private::Resume<#send_ty, #throw_ty>),
                quote!(#arms_return<#yield_ty, #return_ty>),
            ),
        };
        // `#[generator(clone)]`: the arguments are held by the fresh
        // generator, so each must be `Clone` (see `lower::suspend`).
        let clone_checks = params.iter().filter(|_| self.clone).map(|param| {
            let value = param.value();
            let span = value
                .clone()
                .into_iter()
                .next()
                .map_or_else(Span::call_site, |t| t.span());
            quote::quote_spanned!(span=> #rt::__private::held_by_clone_generator(&#value);)
        });
        // The methods that decide what a save keeps (`lower::suspend`).
        let keep_traits = (!self.analysis.kept_for_drop.is_empty()).then(|| {
            quote!(use #rt::__private::{KeepNothingCopy as _, KeepNothingMut as _, KeepValue as _};)
        });
        let start = quote!(#state_enum::__Start { #(#start_fields),* });
        let at = (names.machine == MachineKind::Owned).then(|| {
            let at = Names::at();
            quote!(, #at: &mut &'static #rt::__private::Location)
        });
        // A loop re-entered from a yield runs the rest of its iteration in
        // a labeled block (see `lower::resume`); when that rest always
        // leaves with `break 'exit value`, clippy sees a block whose tail
        // diverges and would blame the user's `break`.
        let exits = self
            .exit_labels
            .then(|| quote!(#[allow(clippy::diverging_sub_expression)]));
        // Inlined into each entry point (`start`, `send`, `next`, …) in an
        // optimised build, where that is what makes a generator as fast as
        // a hand-written iterator; not forced where debug assertions are on
        // (cargo's dev profile), where the copies only cost build time
        // (about a quarter of LLVM's time in a crate of 500 generators).
        let run = quote! {
            #[cfg_attr(not(debug_assertions), inline(always))]
            #[cfg_attr(debug_assertions, inline)]
            #exits
            move |#state, #arg: #resume_ty #at| -> #output_ty {
                #keep_traits
                #dispatch
            }
        };
        if names.machine == MachineKind::Owned {
            return self.owned_expression(
                &state_def,
                clone_checks,
                &entry,
                &start,
                &run,
                return_ty,
            );
        }
        quote! {
            #state_def
            #(#clone_checks)*
            #rt::__private::#entry(#start, #run)
        }
    }

    /// `MachineKind::Owned`: the closure owns the state enum, so the
    /// machine's type names the state once (see `gen_runtime::owned` for
    /// why that matters to build time).
    /// The closure answers the machine's requests through `serve`, with the
    /// body's arms (`run`) and the arms that take a boxed sub-generator out
    /// of the state at a hand-off point.
    fn owned_expression(
        &self,
        state_def: &TokenStream,
        clone_checks: impl Iterator<Item = TokenStream>,
        entry: &TokenStream,
        start: &TokenStream,
        run: &TokenStream,
        return_ty: &syn::Type,
    ) -> TokenStream {
        let rt = &self.names.rt;
        let owned = format_ident!("__gen_owned", span = Span::mixed_site());
        let request = format_ident!("__gen_request", span = Span::mixed_site());
        let name_fn = format_ident!("__gen_name", span = Span::mixed_site());
        let name = self.signature.sig.ident.unraw().to_string();
        let take = self.take_closure();
        quote! {
            #state_def
            #(#clone_checks)*
            fn #name_fn() -> &'static str {
                #name
            }
            let mut #owned = #rt::__private::owned_state::<_, #return_ty>(#start);
            #rt::__private::#entry(
                #name_fn,
                #[inline(always)]
                move |#request| #rt::__private::serve(&mut #owned, #request, #run, #take),
            )
        }
    }

    /// The match on the state. When the start arm (or a hand-off point's
    /// arm) enters a loop by jumping (see `lower::entry`), it breaks out of
    /// a first match into a second, which holds the other arms ordered by
    /// where their code begins.
    fn dispatch(&self, start_arm: &TokenStream) -> TokenStream {
        let (rt, state) = (&self.names.rt, &self.names.state);
        let mut order: Vec<usize> = (0..self.resume_bodies.len()).collect();
        order.sort_by_key(
            |&index| match self.entered.iter().find(|entry| entry.point == index) {
                Some(entry) => (self.arm_rank[entry.head], 0),
                None => (self.arm_rank[index], 1),
            },
        );
        let (entering, arms): (Vec<usize>, Vec<usize>) = order
            .into_iter()
            .filter(|&index| !self.resume_bodies[index].unreachable)
            .partition(|&index| self.resume_bodies[index].enters);
        let entering = entering
            .into_iter()
            .map(|index| self.resume_arm(index, &self.resume_bodies[index]));
        let arms = arms
            .into_iter()
            .map(|index| self.resume_arm(index, &self.resume_bodies[index]));
        if self.has_joins() {
            // Arms jump to join points by `continue` (see `desugar::joins`);
            // the start arm comes first, the others in the order the start
            // arm reaches them (no entries here), so each closure is typed
            // where it is defined.
            let arg = &self.names.arg;
            let label = crate::names::dispatch_label();
            return quote! {
                #[allow(unused_mut)]
                let mut #arg = #rt::__private::core::option::Option::Some(#arg);
                #label: loop {
                    match #state {
                        #start_arm
                        #(#entering)*
                        #(#arms)*
                        _ => #rt::__private::resumed_finished(),
                    }
                }
            };
        }
        if self.entered.is_empty() {
            return quote! {
                match #state {
                    #start_arm
                    #(#entering)*
                    #(#arms)*
                    _ => #rt::__private::resumed_finished(),
                }
            };
        }
        let label = crate::names::enter_label();
        quote! {
            #label: {
                match #state {
                    #start_arm
                    #(#entering)*
                    _ => {}
                }
            }
            match #state {
                #(#arms)*
                _ => #rt::__private::resumed_finished(),
            }
        }
    }

    fn has_joins(&self) -> bool {
        self.points
            .iter()
            .any(|point| point.kind == PointKind::Join)
    }

    /// The arm resuming at suspension point `index`.
    fn resume_arm(&self, index: usize, segment: &Segment) -> TokenStream {
        let (rt, state, state_enum) = (&self.names.rt, &self.names.state, &self.names.state_enum);
        let variant = Names::variant(index);
        let slots = &self.analysis.facts[index].saves;
        let field = |id: usize| field_name(id, &self.analysis.bindings[id].ident);
        // In place: bind the saved values by reference and leave the state
        // as it is. Otherwise move the variant out of the state.
        let (pattern, moved) = if segment.in_place {
            let fields = slots.iter().map(|&id| {
                let (field, reference) = (field(id), crate::names::ref_name(id));
                quote!(#field: #reference)
            });
            (
                quote!(#state_enum::#variant { #(#fields),* }),
                TokenStream::new(),
            )
        } else {
            let fields = slots.iter().map(|&id| {
                let (field, temp) = (field(id), Names::slot_temp(id));
                quote!(#field: #temp)
            });
            let moved = quote! {
                let #state_enum::#variant { #(#fields),* } =
                    #rt::__private::core::mem::replace(#state, #state_enum::__Done)
                else {
                    #rt::__private::resumed_finished()
                };
            };
            (quote!(#state_enum::#variant { .. }), moved)
        };
        let body = self.completion(segment);
        let take_arg = (segment.reads_arg && self.has_joins()).then(|| {
            let arg = &self.names.arg;
            quote!(let #arg = #rt::__private::resume_arg(&mut #arg);)
        });
        quote! {
            #pattern => {
                #take_arg
                #moved
                #body
            }
        }
    }

    /// `|state| match state { __GenState::__YieldN { delegate_field: d, .. }
    /// => TakeFrame::take_frame(d), …, _ => None }`: one arm per hand-off
    /// point, taking the boxed sub-generator out of the saved delegate.
    fn take_closure(&self) -> TokenStream {
        let names = self.names;
        let (rt, state_enum, state) = (&names.rt, &names.state_enum, &names.state);
        let delegate = format_ident!("__gen_delegate", span = Span::mixed_site());
        let arms = self.points.iter().enumerate().filter_map(|(index, point)| {
            let name = point.delegate.as_ref()?;
            let id = self.analysis.facts[index]
                .saves
                .iter()
                .copied()
                .find(|&id| self.analysis.bindings[id].ident == *name)?;
            let field = field_name(id, &self.analysis.bindings[id].ident);
            let variant = Names::variant(index);
            Some(quote! {
                #state_enum::#variant { #field: #delegate, .. } => {
                    #rt::__private::TakeFrame::take_frame(#delegate)
                }
            })
        });
        quote! {
            |#state| match #state {
                #(#arms)*
                _ => #rt::__private::core::option::Option::None,
            }
        }
    }

    /// An arm's code, completing the generator with its value when it ends.
    /// Code that never ends is emitted as it is: wrapping it in
    /// `let v = …; return Complete(v)` would put its `return`s inside an
    /// expression (clippy's `diverging_sub_expression`).
    fn completion(&self, segment: &Segment) -> TokenStream {
        let rt = &self.names.rt;
        let code = &segment.code;
        if segment.diverges {
            quote! {
                #code
                #[allow(unreachable_code)]
                #rt::__private::resumed_finished()
            }
        } else {
            let complete = self
                .names
                .completion(proc_macro2::Span::call_site(), quote!(__gen_return));
            quote! {
                #[allow(unused_braces)]
                let __gen_return = #code;
                #[allow(unreachable_code)]
                #complete;
            }
        }
    }

    #[allow(clippy::unused_self)]
    fn param_rebind(&self, index: usize, param: &Param) -> TokenStream {
        let temp = param_temp(index);
        match param {
            Param::Receiver { mutable, .. } => {
                let ident = syn::Ident::new(crate::names::SELF_ALIAS, Span::call_site());
                let mutability = mutable.then(|| quote!(mut));
                quote!(#[allow(unused_mut, unused_variables)] let #mutability #ident = #temp;)
            }
            Param::Ident { ident, mutable, .. } => {
                let mutability = mutable.then(|| quote!(mut));
                quote!(#[allow(unused_mut, unused_variables)] let #mutability #ident = #temp;)
            }
            Param::Pattern { pat, .. } => {
                quote!(#[allow(unused_mut, unused_variables)] let #pat = #temp;)
            }
        }
    }

    /// `Clone` of the state enum for `#[generator(clone)]`, bounded by
    /// `HeldByCloneGenerator` rather than `Clone`, so that rustc's check of
    /// the opaque return type reports a value that is not `Clone` with the
    /// runtime's message about held values.
    /// `iterable` is the enum's where-clause; `iterated_slots` the types of
    /// the slots typed from an argument, bounded here by a where-clause.
    fn clone_impl(
        &self,
        param_types: &[syn::Ident],
        slot_types: &[syn::Ident],
        iterable: &TokenStream,
        iterated_slots: &[TokenStream],
    ) -> TokenStream {
        let rt = &self.names.rt;
        let state_enum = &self.names.state_enum;
        let analysis = self.analysis;
        let bound = quote!(#rt::__private::HeldByCloneGenerator);
        let clone = quote!(#rt::__private::core::clone::Clone::clone);
        let params: Vec<_> = (0..param_types.len()).map(param_field).collect();
        let variants = analysis.facts.iter().map(|f| &f.saves).enumerate().map(|(index, slots)| {
            let variant = Names::variant(index);
            let fields: Vec<_> = slots
                .iter()
                .map(|&id| field_name(id, &analysis.bindings[id].ident))
                .collect();
            quote! {
                Self::#variant { #(#fields),* } => Self::#variant { #(#fields: #clone(#fields)),* },
            }
        });
        quote! {
            impl<#(#param_types: #bound,)* #(#slot_types: #bound,)* __TR: #bound>
                #rt::__private::core::clone::Clone
                for #state_enum<#(#param_types,)* #(#slot_types,)* __TR>
            where
                #iterable
                #(#iterated_slots: #bound,)*
            {
                fn clone(&self) -> Self {
                    match self {
                        Self::__Start { #(#params),* } => Self::__Start { #(#params: #clone(#params)),* },
                        #(#variants)*
                        Self::__Returned(value) => Self::__Returned(#clone(value)),
                        Self::__Done => Self::__Done,
                        Self::__Closed => Self::__Closed,
                    }
                }
            }
        }
    }

    /// The state enum: the arguments, one variant per suspension point with
    /// its saved values (fields in reverse declaration order, so dropping
    /// the variant drops them as leaving their scopes would), and the
    /// terminal states.
    fn state_enum(&self) -> TokenStream {
        let rt = &self.names.rt;
        let state_enum = &self.names.state_enum;
        let analysis = self.analysis;
        let param_count = self.signature.params.len();
        let param_types: Vec<_> = (0..param_count)
            .map(|i| format_ident!("__A{}", i))
            .collect();
        let mut saved: Vec<usize> = analysis
            .facts
            .iter()
            .flat_map(|f| &f.saves)
            .copied()
            .collect();
        saved.sort_unstable();
        saved.dedup();
        // The iterator of a `for` over an argument by name is typed from
        // that argument's parameter, not by a parameter of its own: rustc's
        // debuginfo walks a type's parameters as a tree, so a generic stage
        // whose type named its input twice (the argument and the iterator)
        // doubled that walk per stage of a pipeline (see the README's
        // limits). Not for a value kept only to be dropped, which is
        // saved wrapped (`__private::Keep`).
        let iterated_arg = |id: usize| {
            analysis.bindings[id]
                .iterates_arg
                .filter(|_| analysis.kept_for_drop.binary_search(&id).is_err())
        };
        let slot_type = |id: usize| match iterated_arg(id) {
            Some(arg) => {
                // invariant: `iterates_arg` indexes the arguments, one
                // `ArgBinding` per parameter of the signature.
                let arg = &param_types[arg];
                quote!(<#arg as #rt::__private::core::iter::IntoIterator>::IntoIter)
            }
            None => {
                let ty = format_ident!("__T{}", id);
                quote!(#ty)
            }
        };
        let (iterated_slots, own_slots): (Vec<usize>, Vec<usize>) =
            saved.iter().partition(|&&id| iterated_arg(id).is_some());
        let slot_types: Vec<_> = own_slots
            .iter()
            .map(|&id| format_ident!("__T{}", id))
            .collect();
        let mut iterated: Vec<usize> = iterated_slots
            .iter()
            .filter_map(|&id| iterated_arg(id))
            .collect();
        iterated.sort_unstable();
        iterated.dedup();
        // The enum's where-clause, which each impl repeats.
        let iterated = iterated.iter().map(|&arg| &param_types[arg]);
        let iterable = quote!(#(#iterated: #rt::__private::core::iter::IntoIterator,)*);
        let iterated_slots: Vec<TokenStream> =
            iterated_slots.iter().map(|&id| slot_type(id)).collect();

        // Last argument first: a fresh generator dropped or closed drops its
        // arguments as a plain function's return would, in reverse order.
        let start_fields = (0..param_count).rev().map(|i| {
            let field = param_field(i);
            let ty = &param_types[i];
            quote!(#field: #ty)
        });
        let variants = analysis
            .facts
            .iter()
            .map(|f| &f.saves)
            .enumerate()
            .map(|(index, slots)| {
                let variant = Names::variant(index);
                let fields = slots.iter().rev().map(|&id| {
                    let field = field_name(id, &analysis.bindings[id].ident);
                    let ty = slot_type(id);
                    quote!(#field: #ty)
                });
                quote!(#variant { #(#fields),* })
            });
        let generics = quote!(<#(#param_types,)* #(#slot_types,)* __TR>);
        let name = self.signature.sig.ident.unraw().to_string();
        let clone_impl = self
            .clone
            .then(|| self.clone_impl(&param_types, &slot_types, &iterable, &iterated_slots));
        // Each `r#yield!`'s place in the user's source, read off its span,
        // in the order of the variants that stand for them.
        let locations = self.points.iter().map(|point| {
            let (file, line, column) = crate::spans::source_location(point.span);
            quote!(#rt::__private::Location::new(#file, #line, #column))
        });
        // The variants in declaration order, numbered as `GenState::variant`
        // says: the start, the points, returned, done, closed.
        let point_variants = (0..self.points.len()).map(Names::variant);
        let returned_index = self.points.len() + 1;
        let (done_index, closed_index) = (returned_index + 1, returned_index + 2);
        let point_indices = 1..=self.points.len();
        quote! {
            #[allow(non_camel_case_types, dead_code, clippy::large_enum_variant)]
            enum #state_enum #generics where #iterable {
                __Start { #(#start_fields),* },
                #(#variants,)*
                __Returned(__TR),
                __Done,
                __Closed,
            }

            #clone_impl

            impl #generics #rt::__private::GenState for #state_enum #generics where #iterable {
                type Return = __TR;
                const NAME: &'static str = #name;
                const DONE: Self = Self::__Done;
                const CLOSED: Self = Self::__Closed;

                const POINTS: &'static [#rt::__private::Location] = &[#(#locations),*];

                #[inline(always)]
                fn variant(&self) -> usize {
                    match self {
                        Self::__Start { .. } => 0,
                        #(Self::#point_variants { .. } => #point_indices,)*
                        Self::__Returned(_) => #returned_index,
                        Self::__Done => #done_index,
                        Self::__Closed => #closed_index,
                    }
                }

                #[inline]
                fn returned(value: __TR) -> Self {
                    Self::__Returned(value)
                }

                #[inline]
                fn into_returned(self) -> #rt::__private::core::result::Result<__TR, Self> {
                    match self {
                        Self::__Returned(value) => #rt::__private::core::result::Result::Ok(value),
                        other => #rt::__private::core::result::Result::Err(other),
                    }
                }
            }
        }
    }
}
