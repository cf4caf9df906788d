//! Implementation detail of `gen-runtime`: the `#[generator]` attribute and
//! `gen_block!`, a small compiler pass from a body with `r#yield!` to an
//! enum state machine. Depend on `gen-runtime`, which re-exports them.

#[macro_use]
mod reparse;

// The pipeline, in the order it runs: front → desugar → analysis → lower
// → emit. A module imports only from its own phase, from earlier ones,
// and from the shared modules below; the drivers (`expand`, `block`,
// `asynch`) and the body core (`body`) sit on top.
mod analysis;
mod desugar;
mod emit;
mod front;
mod lower;

// Shared by every phase.
mod error;
mod known;
mod marker;
mod names;
mod operands;
mod spans;
mod syntax;
mod tokens;

// The drivers.
mod asynch;
mod block;
mod body;
mod expand;

#[cfg(test)]
mod snapshots;
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
