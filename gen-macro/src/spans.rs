//! Spans for generated glue.

use proc_macro2::Span;

/// A span that points at `user` in diagnostics but is marked as coming from
/// this macro's expansion, so lints about the shape of generated code (a
/// `loop` that always returns, a `()` statement) do not fire on user code.
/// Name resolution is unchanged: call-site hygiene is the user's own.
pub(crate) fn glue(user: Span) -> Span {
    Span::call_site().located_at(user)
}
