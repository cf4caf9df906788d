//! Analysis passes: find the suspension points, resolve scopes, then decide
//! what each suspension point saves.

pub(crate) mod scan;
pub(crate) mod scope;
pub(crate) mod slots;
pub(crate) mod syntax;
