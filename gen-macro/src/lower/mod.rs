//! Lowering passes: source rewrites, then one resume arm per suspension
//! point.

pub(crate) mod resume;
pub(crate) mod rewrite;
pub(crate) mod inplace;
