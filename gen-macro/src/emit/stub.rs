//! What a generator function becomes when its expansion reported errors:
//! the errors, plus the function with its generator signature and a body
//! that type-checks, so call sites do not pile up follow-on errors.

use proc_macro2::TokenStream;
use quote::quote;

use crate::error::Diagnostics;
use crate::front::shell::ProtocolTypes;
use crate::front::signature;

/// The errors, plus the function with its generator signature and a body
/// that type-checks, so call sites do not pile up follow-on errors.
pub(crate) fn fallback(
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
