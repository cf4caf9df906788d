//! What a segment emits where it leaves: at a yield, "save the values in
//! scope in this point's variant, return the yielded value"; at a
//! self-call, the same with the callee's initial state (or, at a tail call,
//! the callee alone); at a loop the start arm enters by jumping
//! (`lower::entry`), "save, break into the second match".

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::Block;
use syn::spanned::Spanned;

use crate::lower::Lowerer;
use crate::marker::PointKind;
use crate::names::{MachineKind, Names, field_name};

impl Lowerer<'_> {
    /// `{ *state = Variant { saved… }; break '__gen_enter; }`: goes on in
    /// the arm of `index`, a loop's tail yield (see `lower::entry`).
    pub(super) fn enter_loop(&self, index: usize) -> Block {
        self.reached.borrow_mut().push(index);
        let span = crate::spans::glue(self.points[index].span);
        let save = self.save(index, span);
        let label = crate::names::enter_label();
        reparse_spanned! {span=>
            {
                #save
                break #label;
            }
        }
    }

    /// `*state = Variant { saved… };`, the values point `index` saves, after
    /// moving the values an in-place loop keeps in the state back out.
    fn save(&self, index: usize, span: Span) -> TokenStream {
        let (state, state_enum) = (&self.names.state, &self.names.state_enum);
        let variant = Names::variant(index);
        let evict = match &self.in_place {
            Some(in_place) if in_place.in_region => self.evict(),
            _ => TokenStream::new(),
        };
        let rt = &self.names.rt;
        let mut kept = Vec::new();
        let fields: Vec<TokenStream> = self.analysis.facts[index]
            .saves
            .iter()
            .map(|&id| {
                let binding = &self.analysis.bindings[id];
                let field = field_name(id, &binding.ident);
                let mut access = binding.ident.clone();
                access.set_span(access.span().located_at(span));
                if self.analysis.kept_for_drop.binary_search(&id).is_err() {
                    return quote!(#field: #access);
                }
                // Method resolution picks what to keep (gen-runtime's
                // `keep.rs`; the traits are imported once, in the resume
                // closure, by `emit::machine`): nothing of a value without a
                // destructor. Before the state is built, whose fields may
                // move what `access` borrows.
                let temp = Names::kept_temp(id);
                kept.push(quote! {
                    let #temp = (&&&#rt::__private::Keep::new(#access)).__gen_kept();
                });
                quote!(#field: #temp)
            })
            .collect();
        let clone_checks = self.clone_checks(index);
        quote_spanned! {span=>
            #evict
            #clone_checks
            #(#kept)*
            *#state = #state_enum::#variant { #(#fields),* };
        }
    }

    /// With `#[generator(clone)]`: a check that each value point `index` is
    /// the first to save is `Clone`, spanned at the value's declaration, so
    /// the error names the value instead of the state enum.
    fn clone_checks(&self, index: usize) -> TokenStream {
        if !self.clone {
            return TokenStream::new();
        }
        let rt = &self.names.rt;
        let facts = &self.analysis.facts;
        let checks = facts[index]
            .saves
            .iter()
            .filter(|&&id| facts.iter().position(|f| f.saves.contains(&id)) == Some(index))
            .map(|&id| {
                let ident = &self.analysis.bindings[id].ident;
                quote_spanned!(ident.span()=> #rt::__private::held_by_clone_generator(&#ident);)
            });
        quote!(#(#checks)*)
    }

    /// `{ let __y: Y = operand; *state = Variant { saved… }; return Yielded(__y); }`
    pub(super) fn suspend(&self, index: usize) -> Block {
        let point = &self.points[index];
        let span = crate::spans::glue(point.span);
        let names = self.names;
        let rt = &names.rt;
        let operand = self.operand(index);
        if point.kind == PointKind::Yield && self.analysis.facts[index].unreachable {
            // Dead code (after a `break`, `continue` or `return`): no path
            // suspends here, so the point has no arm, which would run the
            // code after it a second time (a closure defined there would
            // have two types for one saved value). The operand stays for
            // what it tells type inference.
            let yield_ty = self.yield_ty;
            return reparse_spanned! {span=>
                {
                    let _: #yield_ty = #operand;
                    #rt::__private::resumed_finished()
                }
            };
        }
        self.reached.borrow_mut().push(index);
        let same_point = self
            .in_place
            .as_ref()
            .is_some_and(|in_place| in_place.in_region && in_place.point == index);
        let yield_ty = self.yield_ty;
        let value = format_ident!("__gen_yielded", span = Span::mixed_site());
        let operand_span = operand.span();
        let output = names.output();
        if point.kind == PointKind::Join {
            // Goes on in the join point's arm, in this same resume.
            let save = self.save(index, span);
            let label = crate::names::dispatch_label();
            return reparse_spanned! {span=>
                {
                    #save
                    continue #label;
                }
            };
        }
        let (typed, out) = match point.kind {
            PointKind::Yield => (
                quote_spanned!(operand_span=> let #value: #yield_ty = #operand;),
                quote!(#output::Yielded(#value)),
            ),
            // The callee's frame: the runtime runs it on top of this one;
            // or `Handoff`: the runtime may take the boxed sub-generator.
            PointKind::Call | PointKind::Handoff | PointKind::Join => (
                quote_spanned!(operand_span=> let #value = #operand;),
                quote!(#rt::__private::Step::Call(#value)),
            ),
        };
        if self.analysis.facts[index].tail_call {
            // Nothing saved and nothing left to run: the callee replaces
            // this frame (the state was taken at the start of the arm).
            return reparse_spanned! {span=>
                {
                    #typed
                    return #rt::__private::Step::TailCall(#value);
                }
            };
        }
        // An owned machine keeps where it is suspended beside the state its
        // closure owns (see `gen_runtime::owned`).
        let at = (names.machine == MachineKind::Owned).then(|| {
            let at = Names::at();
            let location = crate::spans::location(rt, point.span);
            quote!(*#at = #location;)
        });
        if same_point {
            // The saved values are already where this yield keeps them.
            return reparse_spanned! {span=>
                {
                    #typed
                    #at
                    return #out;
                }
            };
        }
        let save = self.save(index, span);
        reparse_spanned! {span=>
            {
                #typed
                #save
                #at
                return #out;
            }
        }
    }
}
