//! Analysis passes over the desugared body: resolve every name to its
//! binding (`scope`), follow whether each holds a value along the control
//! flow (`flow`), then decide what each suspension point saves (`slots`).

pub(crate) mod flow;
pub(crate) mod scope;
pub(crate) mod slots;
