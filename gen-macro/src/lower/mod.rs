//! Lowering passes: source rewrites, then one resume arm per suspension
//! point.

mod control;
pub(crate) mod entry;
pub(crate) mod flags;
mod full;
pub(crate) mod guards;
pub(crate) mod hoist;
pub(crate) mod inplace;
pub(crate) mod joins;
mod redeclare;
pub(crate) mod resume;
pub(crate) mod rewrite;
pub(crate) mod split;
mod suspend;
