//! Spans for generated glue.

use proc_macro2::Span;

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
