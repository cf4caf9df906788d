//! What the user wrote around the body: the attribute's arguments, the
//! function's signature, and the shell the body core needs from either a
//! function or a `gen_block!`.

pub(crate) mod args;
pub(crate) mod shell;
pub(crate) mod signature;
