//! The last step: the lowered arms become tokens: the state enum, the
//! machine expression and the function around it, or, after errors, a stub
//! with the generator's signature.

pub(crate) mod asynch;
pub(crate) mod machine;
pub(crate) mod stub;
