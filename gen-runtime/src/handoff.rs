#![allow(missing_docs)] // reached only through `__private`, by generated code
//! Chains of boxed generators (`yield_from!(walk(child).boxed())`, mutual
//! recursion) on one flat stack, so a resume costs the same at any depth.
//!
//! Nested delegation resumes every level on the way down: one call per
//! level per item, and as many native stack frames as the chain is deep.
//! Instead, a [`BoxGenerator`](crate::BoxGenerator) keeps a stack of the
//! boxed generators running below it ([`BoxRaw`](crate::boxed::BoxRaw)) and always resumes the
//! innermost one directly.
//!
//! How a sub-generator gets onto that stack, without the generated code
//! naming any lifetime: when `yield_from!` receives a fresh boxed generator
//! with the outer generator's types and no return value, the body first
//! suspends at a *hand-off point* with the sub-generator saved in its state
//! and returns [`Step::Call`](crate::raw::Step::Call)`(`[`Handoff`]`)`. Its machine
//! ([`OwnedMachine`](crate::owned::OwnedMachine)) then either
//!
//! - is itself being run by a `BoxRaw` ([`RawGenerator::resume_frame`](crate::raw::RawGenerator::resume_frame)):
//!   it returns the `Step::Call(Handoff)`; the stack then asks it for the
//!   sub-generator ([`RawGenerator::take_frame`](crate::raw::RawGenerator::take_frame)),
//!   which moves it out of the saved state, pushes it and resumes it. When
//!   it completes, the outer body is resumed with
//!   [`Resume::Handed`](crate::raw::Resume::Handed), finds its delegate
//!   empty, and goes on as after a sub-generator that returned `()`; or
//! - is run directly (`resume_raw`, an unboxed generator at the top): it
//!   resumes the body at once with `Handed`, and the body drives the
//!   sub-generator itself, which is one level, below which the boxed
//!   sub-generator's own stack is flat again.
//!
//! Two calls rather than one that returns the sub-generator: the step a
//! frame returns on every item then holds only the yielded value, and
//! comes back in registers from the stack's one dynamic call per item.
//!
//! The lifetimes work out because the machine's type carries the lifetime
//! `'f` of the frames it can hand over, and the saved sub-generator
//! (`BoxGenerator<'b, …>`) gives `'b: 'f`: `Self: 'a` in `take_frame`
//! then gives `'f: 'a`. A generator that can hand nothing over leaves `'f`
//! free (`'static`).

/// What the body of a generator returns at a hand-off point.
#[derive(Debug, Clone, Copy)]
pub struct Handoff;
