//! Source-to-source passes over the body before and between the analyses:
//! yields become numbered markers (`scan`), then `for`/`while`/`?`/`return`
//! are rewritten, yields in match guards and after other operands are
//! moved to where a statement can suspend, values moved out field by field
//! are split, and join points and drop flags are added where the analysis
//! asks for them. Each pass returns a body that is still ordinary Rust.

pub(crate) mod await_yields;
pub(crate) mod flags;
pub(crate) mod guards;
pub(crate) mod hoist;
pub(crate) mod items;
pub(crate) mod joins;
pub(crate) mod rewrite;
pub(crate) mod scan;
pub(crate) mod split;
