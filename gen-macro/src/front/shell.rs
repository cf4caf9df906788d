//! The shell around a body: the protocol types as the expansion writes
//! them, and what the body core needs from a function (its signature, how
//! a call of itself looks) or from a `gen_block!` (its captures, as
//! parameters).

use super::args::Args;
use super::signature;

/// The types of the protocol, as the expansion writes them.
pub(crate) struct ProtocolTypes {
    pub(crate) yield_ty: syn::Type,
    pub(crate) send_ty: syn::Type,
    /// `throw = E`, or `__private::NoThrow`.
    pub(crate) throw_ty: syn::Type,
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
    pub(crate) recursion: Option<Recursion<'a>>,
    /// `r#yield!` in a function, `yield!` in a block (for messages).
    pub(crate) yield_spelling: &'static str,
}

/// What a self-recursive `yield_from!(name(args))` needs to build the
/// callee's frame: the function's name, its parameters' types, and the
/// state enum whose `__Start` variant holds the arguments.
pub(crate) struct Recursion<'a> {
    pub(crate) name: &'a syn::Ident,
    /// Each parameter's type (the receiver's first), when a `let` can name
    /// it (not `impl Trait`): the argument is coerced to it, as a call
    /// would coerce it.
    pub(crate) param_types: Vec<Option<syn::Type>>,
    /// A method calls itself as `self.name(…)` or `Self::name(self, …)`.
    pub(crate) has_receiver: bool,
    pub(crate) state_enum: &'a syn::Ident,
}

/// What the scan needs to recognise the function calling itself in
/// `yield_from!` (its frames are then kept on an explicit stack).
pub(crate) fn recursion<'a>(
    signature: &'a signature::Signature,
    state_enum: &'a syn::Ident,
) -> Recursion<'a> {
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
    Recursion {
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
