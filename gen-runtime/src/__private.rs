//! What the code emitted by `#[generator]` calls. Not a public API: it
//! changes with every release of `gen-macro`, which is pinned to this crate.
//! Only re-exports: each item lives in the module that owns its step.

pub use crate::asynch::delegate::{
    AsyncDelegate, AsyncGeneratorDelegate, AsyncGeneratorTag, StreamDelegate, StreamTag,
    SyncDelegate, ViaAsyncGenerator, ViaStream, first as async_first, step as async_step,
};
pub use crate::asynch::machine::RawAsyncGenerator;
pub use crate::asynch::machine::{YieldNow, YieldUnit, async_fresh};
pub use crate::asynch::pin::{AsyncMachine, Co};
pub use crate::asynch::wrappers::AsyncFresh;
pub use crate::bounds::{FromResidual, HeldByCloneGenerator, held_by_clone_generator};
pub use crate::boxed::BoxFrame;
pub use crate::delegate::{
    Delegate, DelegateProbe, GeneratorTag, IteratorTag, SendInto, TakeFrame, ThrowIntoDelegate,
    ThrowPastDelegate, ThrowProbe, ViaAnyGenerator, ViaFrame, ViaGenerator, ViaIterator,
    first_turn, probe, receive, run_with,
};
#[cfg(feature = "alloc")]
pub use crate::delegate::{FrameDelegate, FrameTag};
pub use crate::flag::{DropFlag, TakeCopy, TakeMove};
#[cfg(feature = "alloc")]
pub use crate::frames::FrameMachine;
pub use crate::frames::fresh_frames;
pub use crate::handoff::Handoff;
pub use crate::keep::{Keep, KeepNothingCopy, KeepNothingMut, KeepValue, Nothing};
pub use crate::machine::{Captures, GenState, Machine, Stub, fresh, stub};
pub use crate::owned::{Answer, OwnedMachine, Request, fresh_owned, owned_state, serve};
pub use crate::protocol::{GeneratorState, Location, NoThrow, Phase};
pub use crate::question::Try;
pub use crate::raw::{RawGenerator, Resume, Step, resume_arg, resumed_finished};
pub use crate::wrappers::Fresh;
pub use core;
