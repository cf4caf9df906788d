//! Lowering passes: source rewrites, then one resume arm per suspension
//! point.

pub(crate) mod inplace;
pub(crate) mod resume;
pub(crate) mod rewrite;
