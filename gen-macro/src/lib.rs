//! Implementation detail of `gen-runtime`: the `#[generator]` attribute and
//! `gen_block!`, a small compiler pass from a body with `r#yield!` to an
//! enum state machine. Depend on `gen-runtime`, which re-exports them.

#[macro_use]
mod reparse;

mod analysis;
mod args;
mod asynch;
mod block;
mod codegen;
mod error;
mod expand;
mod lower;
mod marker;
mod signature;
#[cfg(test)]
mod snapshots;
mod spans;
#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// Turns a function whose body uses `r#yield!(value)` into a generator.
///
/// See the `gen-runtime` crate for the protocol and examples.
#[proc_macro_attribute]
pub fn generator(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::generator(args.into(), item.into()).into()
}

/// A generator expression: `gen_block! { for x in xs { yield!(x * 2); } }`.
///
/// See the `gen-runtime` crate for the protocol and examples.
#[proc_macro]
pub fn gen_block(input: TokenStream) -> TokenStream {
    block::gen_block(input.into()).into()
}
