//! Analysis passes: find the suspension points, then resolve scopes.

pub(crate) mod scan;
pub(crate) mod scope;
