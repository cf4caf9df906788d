//! Analysis passes over the desugared body: resolve every name to its
//! binding (`scope`), then decide what each suspension point saves
//! (`slots`).

pub(crate) mod scope;
pub(crate) mod slots;
