//! The generator function's signature: checks, argument bindings, and the
//! opaque return type.

use proc_macro2::Span;
use quote::{format_ident, quote};
use syn::visit_mut::{self, VisitMut};
use syn::{FnArg, Ident, Pat, Type};

use crate::error::Diagnostics;

/// One parameter of the original function.
pub(crate) enum Param {
    /// `self`, `&self`, `&mut self`, `self: Box<Self>`…: saved as `__self`.
    Receiver {
        mutable: bool,
        is_ref: bool,
        /// `self`, `mut self` or `self: Box<Self>`: the value itself, whose
        /// fields the body may move out one by one.
        owns_fields: bool,
        /// `self: Box<Self>`.
        boxed: bool,
    },
    /// `x: T`: saved under its own name.
    Ident {
        ident: Ident,
        mutable: bool,
        is_ref: bool,
        ty: Box<Type>,
    },
    /// `(a, b): T`: the signature names it `__gen_arg_N`; the body starts
    /// with `let (a, b) = __gen_arg_N;`.
    Pattern {
        name: Ident,
        pat: Box<Pat>,
        ty: Box<Type>,
    },
}

impl Param {
    /// The expression that moves the argument into the initial state.
    pub(crate) fn value(&self) -> proc_macro2::TokenStream {
        match self {
            Param::Receiver { .. } => quote!(self),
            Param::Ident { ident, .. } => quote!(#ident),
            Param::Pattern { name, .. } => quote!(#name),
        }
    }
}

pub(crate) struct Signature {
    pub(crate) sig: syn::Signature,
    pub(crate) params: Vec<Param>,
    pub(crate) return_ty: Type,
    /// Every lifetime parameter, after elided ones were named.
    pub(crate) lifetimes: Vec<syn::Lifetime>,
    /// The lifetime an elided lifetime in the yield, send or return type
    /// stands for, by the rules of lifetime elision in outputs.
    pub(crate) elided_output: Option<syn::Lifetime>,
}

impl Signature {
    /// Whether the function has a type parameter, spelled or `impl Trait`
    /// in an argument: its generator's type then spells out its inputs'.
    /// (Those of an enclosing `impl` block are not seen here: a method of a
    /// generic type runs on the plain machine.)
    pub(crate) fn has_type_params(&self) -> bool {
        struct FindImpl(bool);
        impl<'ast> syn::visit::Visit<'ast> for FindImpl {
            fn visit_type_impl_trait(&mut self, _: &'ast syn::TypeImplTrait) {
                self.0 = true;
            }
        }
        let spelled = self
            .sig
            .generics
            .params
            .iter()
            .any(|param| matches!(param, syn::GenericParam::Type(_)));
        let mut find = FindImpl(false);
        for input in &self.sig.inputs {
            syn::visit::Visit::visit_fn_arg(&mut find, input);
        }
        spelled || find.0
    }

    /// Writes the elided lifetimes of an output type (`yield = &u64`) as the
    /// input lifetime they stand for, which the signature now names.
    pub(crate) fn fill_elided(&self, ty: &mut Type) {
        struct Fill<'a>(&'a syn::Lifetime);
        impl VisitMut for Fill<'_> {
            fn visit_type_reference_mut(&mut self, reference: &mut syn::TypeReference) {
                if reference.lifetime.is_none() {
                    let mut lifetime = self.0.clone();
                    lifetime.apostrophe = reference.and_token.span;
                    reference.lifetime = Some(lifetime);
                }
                visit_mut::visit_type_reference_mut(self, reference);
            }
            fn visit_lifetime_mut(&mut self, lifetime: &mut syn::Lifetime) {
                if lifetime.ident == "_" {
                    *lifetime = self.0.clone();
                }
            }
            fn visit_type_fn_ptr_mut(&mut self, _: &mut syn::TypeFnPtr) {}
            fn visit_parenthesized_generic_arguments_mut(
                &mut self,
                _: &mut syn::ParenthesizedGenericArguments,
            ) {
            }
        }
        if let Some(lifetime) = &self.elided_output {
            Fill(lifetime).visit_type_mut(ty);
        }
    }
}

pub(crate) fn from_syn(mut sig: syn::Signature, cx: &mut Diagnostics) -> Signature {
    if let Some(token) = &sig.asyncness {
        cx.error(token.span, "async generators are not supported yet");
    }
    if let Some(token) = &sig.constness {
        cx.error(token.span, "a generator cannot be a `const fn`");
    }
    if let Some(variadic) = &sig.variadic {
        cx.error(variadic.dots.spans[0], "a generator cannot be variadic");
    }
    if let Some(abi) = &sig.abi {
        cx.error(
            abi.extern_token.span,
            "a generator cannot have an `extern` ABI",
        );
    }

    name_elided_lifetimes(&mut sig);

    let mut params = Vec::new();
    let mut next_pattern = 0usize;
    for input in &mut sig.inputs {
        match input {
            FnArg::Receiver(receiver) => {
                params.push(Param::Receiver {
                    mutable: receiver.mutability.is_some(),
                    is_ref: matches!(receiver.kind, syn::ReceiverKind::Reference(..)),
                    owns_fields: match &receiver.kind {
                        syn::ReceiverKind::Value => true,
                        syn::ReceiverKind::Typed(_, ty) => is_box(ty),
                        _ => false,
                    },
                    boxed: matches!(&receiver.kind, syn::ReceiverKind::Typed(_, ty) if is_box(ty)),
                });
                // The receiver is moved into the state as it is; `mut self`
                // only matters for the body's rebinding.
                receiver.mutability = None;
            }
            FnArg::Typed(typed) => {
                let is_ref = is_reference(&typed.ty);
                match &mut *typed.pat {
                    Pat::Ident(p) if p.by_ref.is_none() && p.subpat.is_none() => {
                        let mutable = p.mutability.take().is_some();
                        params.push(Param::Ident {
                            ident: p.ident.clone(),
                            mutable,
                            is_ref,
                            ty: typed.ty.clone(),
                        });
                    }
                    pat => {
                        let name =
                            format_ident!("__gen_arg_{}", next_pattern, span = Span::mixed_site());
                        next_pattern += 1;
                        let original = std::mem::replace(
                            pat,
                            Pat::Ident(syn::PatIdent {
                                attrs: Vec::new(),
                                by_ref: None,
                                mutability: None,
                                ident: name.clone(),
                                subpat: None,
                            }),
                        );
                        params.push(Param::Pattern {
                            name,
                            pat: Box::new(original),
                            ty: typed.ty.clone(),
                        });
                    }
                }
            }
        }
    }

    let return_ty = match &sig.output {
        syn::ReturnType::Default => syn::parse_quote!(()),
        syn::ReturnType::Type(_, ty) => {
            if let Type::ImplTrait(impl_trait) = &**ty {
                cx.error(
                    impl_trait.impl_token.span,
                    "a generator's return value cannot be `impl Trait`; name the type",
                );
                syn::parse_quote!(())
            } else {
                (**ty).clone()
            }
        }
    };
    let lifetimes = sig
        .generics
        .lifetimes()
        .map(|l| l.lifetime.clone())
        .collect();
    let elided_output = elision_source(&sig);
    let mut signature = Signature {
        sig,
        params,
        return_ty,
        lifetimes,
        elided_output,
    };
    let mut return_ty = signature.return_ty.clone();
    signature.fill_elided(&mut return_ty);
    signature.return_ty = return_ty;
    signature
}

/// Rust's elision rule for outputs: the receiver's lifetime, or the only
/// lifetime of the parameters.
fn elision_source(sig: &syn::Signature) -> Option<syn::Lifetime> {
    struct Collect(Vec<syn::Lifetime>);
    impl<'ast> syn::visit::Visit<'ast> for Collect {
        fn visit_lifetime(&mut self, lifetime: &'ast syn::Lifetime) {
            if !self.0.contains(lifetime) {
                self.0.push(lifetime.clone());
            }
        }
        fn visit_type_fn_ptr(&mut self, _: &'ast syn::TypeFnPtr) {}
        fn visit_parenthesized_generic_arguments(
            &mut self,
            _: &'ast syn::ParenthesizedGenericArguments,
        ) {
        }
    }
    if let Some(FnArg::Receiver(receiver)) = sig.inputs.first()
        && let syn::ReceiverKind::Reference(_, Some(lifetime), _) = &receiver.kind
    {
        return Some(lifetime.clone());
    }
    let mut collect = Collect(Vec::new());
    for input in &sig.inputs {
        syn::visit::Visit::visit_fn_arg(&mut collect, input);
    }
    if collect.0.len() == 1 {
        collect.0.pop()
    } else {
        None
    }
}

/// Names every elided lifetime in the parameters (`&T`, `'_`, `&self`), so
/// the opaque return type can list what it captures on edition 2021 too.
fn name_elided_lifetimes(sig: &mut syn::Signature) {
    struct Namer {
        added: Vec<syn::Lifetime>,
    }
    impl Namer {
        fn fresh(&mut self, span: Span) -> syn::Lifetime {
            // `'_1`, `'_2`, …: read like rustc's own names for elided
            // lifetimes (`'1`) when a message shows them.
            let lifetime = syn::Lifetime::new(&format!("'_{}", self.added.len() + 1), span);
            self.added.push(lifetime.clone());
            lifetime
        }
    }
    impl VisitMut for Namer {
        fn visit_type_reference_mut(&mut self, reference: &mut syn::TypeReference) {
            if reference.lifetime.is_none() {
                reference.lifetime = Some(self.fresh(reference.and_token.span));
            }
            visit_mut::visit_type_reference_mut(self, reference);
        }
        fn visit_lifetime_mut(&mut self, lifetime: &mut syn::Lifetime) {
            if lifetime.ident == "_" {
                *lifetime = self.fresh(lifetime.apostrophe);
            }
        }
        fn visit_receiver_mut(&mut self, receiver: &mut syn::Receiver) {
            match &mut receiver.kind {
                syn::ReceiverKind::Reference(and, lifetime, _) if lifetime.is_none() => {
                    *lifetime = Some(self.fresh(and.span));
                }
                syn::ReceiverKind::Typed(_, ty) => self.visit_type_mut(ty),
                _ => {}
            }
        }
        // Lifetimes inside `fn(&T)` types and `dyn Fn(&T)` bounds are
        // higher-ranked, not elided parameters of this function.
        fn visit_type_fn_ptr_mut(&mut self, _: &mut syn::TypeFnPtr) {}
        fn visit_parenthesized_generic_arguments_mut(
            &mut self,
            _: &mut syn::ParenthesizedGenericArguments,
        ) {
        }
    }
    let mut namer = Namer { added: Vec::new() };
    for input in &mut sig.inputs {
        namer.visit_fn_arg_mut(input);
    }
    for lifetime in namer.added.into_iter().rev() {
        sig.generics.params.insert(
            0,
            syn::GenericParam::Lifetime(syn::LifetimeParam::new(lifetime)),
        );
    }
}

/// `Box<…>`.
fn is_box(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "Box"))
}

/// `&T`, also inside parentheses or the invisible group a `macro_rules!`
/// `$t:ty` makes.
fn is_reference(ty: &Type) -> bool {
    match ty {
        Type::Reference(_) => true,
        Type::Paren(p) => is_reference(&p.elem),
        Type::Group(g) => is_reference(&g.elem),
        _ => false,
    }
}
