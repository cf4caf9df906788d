//! Every identifier the expansion makes up, and the kind of machine it
//! targets: one place to read what a `__gen_` name in an expansion is, and
//! to change one without breaking a pass that recognises it later.
//!
//! Names a user's code must not see are `Span::mixed_site()`; names user
//! code is placed beside (the state enum's fields, which only generated
//! code names) are plain.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{Ident, Pat};

/// Which runtime machine drives the resume closure (an async generator is
/// lowered by `asynch`, not here).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum MachineKind {
    /// `fresh`: the arms return `GeneratorState`.
    Plain,
    /// The generator calls itself (`yield_from!(name(…))`): its code runs
    /// one frame of an explicit stack (`fresh_frames`), returning `Step`,
    /// which can also call.
    Frames,
    /// The generator's type would mention other generators' types: it has
    /// hand-off points (a `yield_from!` that may offer a boxed sub-generator
    /// to the driver's stack), or type parameters. `fresh_owned`: the
    /// closure owns the state enum, so the machine's type mentions it once
    /// (see `gen_runtime::owned`); the arms return `Step`, whose `Call`
    /// carries `Handoff`.
    Owned,
}

/// Identifiers of the generated glue that depend on the generator, shared
/// by lowering and emission.
pub(crate) struct Names {
    pub(crate) rt: syn::Path,
    pub(crate) state: Ident,
    pub(crate) arg: Ident,
    pub(crate) state_enum: Ident,
    pub(crate) machine: MachineKind,
}

impl Names {
    pub(crate) fn new(rt: &syn::Path, state_enum: &Ident, machine: MachineKind) -> Self {
        Names {
            rt: rt.clone(),
            state: format_ident!("__gen_state", span = Span::mixed_site()),
            arg: format_ident!("__gen_arg", span = Span::mixed_site()),
            state_enum: state_enum.clone(),
            machine,
        }
    }
    pub(crate) fn variant(index: usize) -> Ident {
        format_ident!("__Yield{}", index)
    }
    /// The enum a resume arm returns: `GeneratorState`, or `Step`.
    pub(crate) fn output(&self) -> TokenStream {
        let rt = &self.rt;
        match self.machine {
            MachineKind::Frames | MachineKind::Owned => quote!(#rt::__private::Step),
            MachineKind::Plain => quote!(#rt::__private::GeneratorState),
        }
    }
    /// `return Output::Complete(value)`: what a user `return` or `?`
    /// becomes (see `desugar::rewrite`). [`is_completion`] recognises it.
    pub(crate) fn completion(&self, span: Span, value: TokenStream) -> TokenStream {
        let output = self.output();
        quote::quote_spanned!(span=> return #output::Complete(#value))
    }
    /// An owned machine's record of where the body suspended.
    pub(crate) fn at() -> Ident {
        format_ident!("__gen_at", span = Span::mixed_site())
    }
    pub(crate) fn slot_temp(id: usize) -> Ident {
        format_ident!("__gen_slot_{}", id, span = Span::mixed_site())
    }
    /// What a suspension point keeps of a value saved only for its drop.
    /// What a let chain resumed in its condition did (see
    /// `lower::resume::chain_with_rebinds`): `Ok(value of then)`, or
    /// `Err(())` for the `else` branch.
    pub(crate) fn chain_outcome() -> Ident {
        Ident::new("__gen_chain", Span::mixed_site())
    }

    /// The block a let chain resumed in its condition leaves with the
    /// `then` branch's value (see `lower::resume::chain_with_rebinds`).
    pub(crate) fn chain_label() -> syn::Lifetime {
        syn::Lifetime::new("'__gen_chain", Span::mixed_site())
    }

    /// The `then` branch's value in `chain_outcome`.
    pub(crate) fn chain_value() -> Ident {
        Ident::new("__gen_then", Span::mixed_site())
    }

    pub(crate) fn kept_temp(id: usize) -> Ident {
        format_ident!("__gen_kept_{}", id, span = Span::mixed_site())
    }
}

/// The state enum of a `#[generator]` function or a `gen_block!`.
pub(crate) fn state_enum() -> Ident {
    format_ident!("__GenState", span = Span::mixed_site())
}

/// The state enum's field holding binding `id` (named `ident` in the
/// source).
pub(crate) fn field_name(id: usize, ident: &Ident) -> Ident {
    let name = ident.to_string();
    let name = name.trim_start_matches("r#").trim_start_matches('_');
    format_ident!("{}_{}", name, id)
}

/// The start variant's field holding parameter `index`.
pub(crate) fn param_field(index: usize) -> Ident {
    format_ident!("param_{}", index)
}

/// The local a parameter is moved into before it goes into the state.
pub(crate) fn param_temp(index: usize) -> Ident {
    format_ident!("__gen_param_{}", index, span = Span::mixed_site())
}

/// The reference an arm that resumes in place reads binding `id` through
/// (see `lower::inplace`).
pub(crate) fn ref_name(id: usize) -> Ident {
    format_ident!("__gen_ref_{}", id, span = Span::mixed_site())
}

/// What `self` is renamed to in the body, so it can be saved like any
/// other binding.
pub(crate) const SELF_ALIAS: &str = "__self";

/// Name prefix of the iterator a desugared `for` loop keeps.
const HIDDEN_ITERATOR: &str = "__gen_iter_";

/// The iterator of the `n`th desugared `for` loop (see `desugar::rewrite`),
/// spanned at its `for`.
pub(crate) fn hidden_iterator(n: usize, span: Span) -> Ident {
    format_ident!(
        "{}{}",
        HIDDEN_ITERATOR,
        n,
        span = Span::mixed_site().located_at(span)
    )
}

/// The `n`th operand evaluated before a yield (see `desugar::hoist`).
pub(crate) fn hoisted(n: usize) -> Ident {
    format_ident!("{}{}", HOISTED, n, span = Span::mixed_site())
}

/// Name prefix of the operands `hoisted` names.
const HOISTED: &str = "__gen_hoist_";

/// The macro a yield becomes until it is lowered: `__gen_yield!(N)` (see
/// `marker`).
pub(crate) const MARKER: &str = "__gen_yield";

/// A `return` that [`Names::completion`] wrote: a user `return` or `?`
/// (and no `return` the lowering adds, which yields or calls).
pub(crate) fn is_completion(ret: &syn::ExprReturn) -> bool {
    let Some(value) = &ret.expr else { return false };
    let syn::Expr::Call(call) = &**value else {
        return false;
    };
    let syn::Expr::Path(path) = &*call.func else {
        return false;
    };
    let mut segments = path.path.segments.iter().rev();
    segments.next().is_some_and(|s| s.ident == "Complete")
        && segments
            .next()
            .is_some_and(|s| s.ident == "GeneratorState" || s.ident == "Step")
}

/// What a lowering step marks on a `let` it writes, for a later step of
/// the lowering to resolve once the arm is whole (and then remove).
#[derive(Clone, Copy)]
pub(crate) enum LetMark {
    /// A binding an arm redeclares: `lower::redeclare` keeps the `let`
    /// only when something in the arm names it.
    Redeclared,
    /// A binding an arm that resumes in place declares late:
    /// `lower::inplace::finish_deferred` keeps the `let` only when some
    /// path evicts the value into it.
    Deferred,
}

impl LetMark {
    fn name(self) -> &'static str {
        match self {
            LetMark::Redeclared => "__gen_redeclared",
            LetMark::Deferred => "__gen_deferred",
        }
    }
    /// The attribute, as an outer attribute's tokens (`#[__gen_…]`).
    pub(crate) fn attr(self) -> TokenStream {
        let mark = Ident::new(self.name(), Span::call_site());
        quote!(#[#mark])
    }
    /// Where the mark is among `attrs`.
    pub(crate) fn position(self, attrs: &[syn::Attribute]) -> Option<usize> {
        attrs.iter().position(|a| a.path().is_ident(self.name()))
    }
}

/// The binding of a desugared `for` loop's iterator (see
/// [`hidden_iterator`]).
pub(crate) fn is_hidden_iterator(pat: &Pat) -> bool {
    matches!(pat, Pat::Ident(p) if is_hidden_iterator_name(&p.ident))
}

pub(crate) fn is_hidden_iterator_name(ident: &Ident) -> bool {
    ident.to_string().starts_with(HIDDEN_ITERATOR)
}

/// An operand named by [`hoisted`].
pub(crate) fn is_hoisted_name(ident: &Ident) -> bool {
    ident.to_string().starts_with(HOISTED)
}

/// The label of the block the first match runs in; `break` to it goes on in
/// the second match (see `lower::entry`).
pub(crate) fn enter_label() -> syn::Lifetime {
    syn::Lifetime::new("'__gen_enter", Span::mixed_site())
}

/// The loop around the match on the state that a jump to a join point
/// continues (see `desugar::joins`).
pub(crate) fn dispatch_label() -> syn::Lifetime {
    syn::Lifetime::new("'__gen_dispatch", Span::mixed_site())
}
