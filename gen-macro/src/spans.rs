//! Spans for generated glue.

use proc_macro2::{Span, TokenStream};
use quote::quote;

/// A span that points at `user` in diagnostics but is marked as coming from
/// this macro's expansion, so lints about the shape of generated code (a
/// `loop` that always returns, a `()` statement) do not fire on user code.
/// Name resolution is unchanged: call-site hygiene is the user's own.
pub(crate) fn glue(user: Span) -> Span {
    Span::call_site().located_at(user)
}

/// The braces of a user block that the lowering re-emits, possibly as the
/// only expression of a block of its own: marked as glue, so that
/// `unused_braces` (whose suggested fix would delete the function body)
/// does not fire on user code. Diagnostics still point at the user's
/// braces.
pub(crate) fn glue_braces(braces: syn::token::Brace) -> syn::token::Brace {
    syn::token::Brace(glue(braces.span.join()))
}

/// `&'static Location` of the code at `span` (a `r#yield!`): a `const`
/// makes the reference `'static` at no run-time cost.
pub(crate) fn location(rt: &syn::Path, span: Span) -> TokenStream {
    let (file, line, column) = source_location(span);
    quote! {{
        const AT: #rt::__private::Location = #rt::__private::Location::new(#file, #line, #column);
        &AT
    }}
}

/// `file!()`, `line!()` and `column!()` of the user's token at `span`.
/// Outside a compiler (the snapshot tests) there is no source file: a fixed
/// placeholder keeps the snapshots stable.
pub(crate) fn source_location(span: Span) -> (String, u32, u32) {
    if !proc_macro::is_available() {
        return (String::from("<source>"), 0, 0);
    }
    // invariant: unwrap panics only outside a proc macro, ruled out above.
    let span = span.unwrap();
    let column = u32::try_from(span.column()).unwrap_or(u32::MAX);
    let line = u32::try_from(span.line()).unwrap_or(u32::MAX);
    (span.file(), line, column)
}
