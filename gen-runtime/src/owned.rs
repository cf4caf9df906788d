#![allow(missing_docs)] // reached only through `__private`, by generated code
//! The machine of a generator whose type mentions other generators' (one
//! that delegates with `yield_from!`, or has type parameters): the
//! closure that holds the body's code also owns the state enum.
//!
//! The plain machine ([`crate::machine::Machine`]) holds the state beside a
//! closure typed `FnMut(&mut St, …)`, which names the state twice. rustc
//! walks each mention when it reveals an opaque return type (and again for
//! debuginfo names), so a chain of generators each holding the one below
//! doubled that work per level: a chain of delegating generators took about
//! 3.5x longer to build per level, and 14 stages of a generic pipeline took
//! 14 GB. Here the machine's type names the state once, inside the closure.
//!
//! The price: the machine can no longer read the state through `&self`, so
//! it keeps where the body is suspended beside the closure (8 bytes) for
//! `phase`, `suspension_point` and `Debug`, and asks the closure for the
//! rest ([`Request`]).

use core::marker::PhantomData;

use crate::boxed::BoxFrame;
use crate::handoff::Handoff;
use crate::machine::{GenState, Protocol};
use crate::protocol::{GeneratorState, Location, Phase};
use crate::raw::{Poison, PoisonOnUnwind, RawGenerator, Resume, Step};
use crate::wrappers::Fresh;

/// What the machine asks of the closure that owns the state.
#[derive(Debug)]
pub enum Request<S, E, R> {
    /// Run the body.
    Resume(Resume<S, E>),
    /// At a hand-off point: move the boxed sub-generator out of the state.
    Take,
    /// Keep the body's return value until `take_return`.
    Complete(R),
    TakeReturn,
    Close,
    /// The body panicked: drop the saved values.
    Poison,
}

/// The closure's answer to a [`Request`].
#[derive(Debug)]
pub enum Answer<Y, R, Fr> {
    /// What a run of the body produced, and the `r#yield!` or hand-off
    /// point it suspended at.
    Ran(Step<Y, R, Handoff>, &'static Location),
    Frame(Option<Fr>),
    Return(Option<R>),
    Done,
}

/// The body of every closure of an owned machine, generic so that the
/// generated closure only holds what depends on the state's variants: the
/// body's arms (`run`) and the hand-off arms (`take`).
#[inline(always)]
pub fn serve<St, Run, Take, Y, S, E, R, Fr>(
    state: &mut St,
    request: Request<S, E, R>,
    run: Run,
    take: Take,
) -> Answer<Y, R, Fr>
where
    St: GenState<Return = R>,
    Run: FnOnce(&mut St, Resume<S, E>, &mut &'static Location) -> Step<Y, R, Handoff>,
    Take: FnOnce(&mut St) -> Option<Fr>,
{
    match request {
        Request::Resume(arg) => {
            // Each `r#yield!` and hand-off point writes its own location
            // before it returns: a constant store, where asking the state
            // (`suspension_point`) cost a branch per item (+30 % on the
            // boxed delegate chains).
            let mut at: &'static Location = &SUSPENDED;
            let step = run(state, arg, &mut at);
            Answer::Ran(step, at)
        }
        Request::Take => Answer::Frame(take(state)),
        Request::Complete(value) => {
            state.complete(value);
            Answer::Done
        }
        Request::TakeReturn => Answer::Return(state.take_return()),
        Request::Close => {
            state.close();
            Answer::Done
        }
        Request::Poison => {
            state.poison();
            Answer::Done
        }
    }
}

/// Types the state enum before the closure that captures it is checked,
/// so the body's `match` on it knows its variants.
#[inline(always)]
pub fn owned_state<St: GenState<Return = R>, R>(state: St) -> St {
    state
}

// Markers for where an owned machine stands when it is not suspended at a
// known point; the distinct lines keep the statics distinct.
static CREATED: Location = Location::new("", 1, 0);
static COMPLETE: Location = Location::new("", 2, 0);
static CLOSED: Location = Location::new("", 3, 0);
/// Suspended where no location was recorded: never, in generated code.
static SUSPENDED: Location = Location::new("", 4, 0);

/// The closure that owns the state enum and the body, and where the body
/// stands, kept for the `&self` queries (`phase`, `suspension_point`)
/// since only the closure can read the state: the `r#yield!` it is
/// suspended at, or one of the markers above. `'f` is the lifetime of the
/// boxed sub-generators it can hand over.
pub struct OwnedMachine<'f, F, N, Y, S, E, R> {
    body: F,
    at: &'static Location,
    name: N,
    _types: Protocol<Y, S, E, R>,
    _frames: PhantomData<&'f ()>,
}

impl<F, N, Y, S, E, R> OwnedMachine<'_, F, N, Y, S, E, R> {
    #[inline(always)]
    fn at(&self) -> Phase {
        let at = self.at;
        if core::ptr::eq(at, &CREATED) {
            Phase::Created
        } else if core::ptr::eq(at, &COMPLETE) {
            Phase::Complete
        } else if core::ptr::eq(at, &CLOSED) {
            Phase::Closed
        } else {
            Phase::Suspended
        }
    }
}

impl<F, N: Fn() -> &'static str, Y, S, E, R> core::fmt::Debug
    for OwnedMachine<'_, F, N, Y, S, E, R>
{
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("OwnedMachine")
            .field("name", &(self.name)())
            .field("phase", &self.at())
            .finish()
    }
}

/// `#[generator(clone)]`: the closure is `Clone` when the state it owns is.
impl<F: Clone, N: Clone, Y, S, E, R> Clone for OwnedMachine<'_, F, N, Y, S, E, R> {
    fn clone(&self) -> Self {
        OwnedMachine {
            body: self.body.clone(),
            at: self.at,
            name: self.name.clone(),
            _types: PhantomData,
            _frames: PhantomData,
        }
    }
}

impl<'f, F, N, Y, S, E, R> Poison for OwnedMachine<'f, F, N, Y, S, E, R>
where
    F: FnMut(Request<S, E, R>) -> Answer<Y, R, BoxFrame<'f, Y, S, E>>,
{
    // Runs while unwinding out of the body; through `ask`, the one other
    // copy of the closure (each place that calls the closure holds a copy
    // of the body: 400 owned generators built 40 % slower with three).
    #[cold]
    fn poison(&mut self) {
        self.at = &COMPLETE;
        self.ask(Request::Poison);
    }
}

impl<'f, F, N, Y, S, E, R> OwnedMachine<'f, F, N, Y, S, E, R>
where
    F: FnMut(Request<S, E, R>) -> Answer<Y, R, BoxFrame<'f, Y, S, E>>,
{
    /// Runs the body once; a panic in it poisons the machine.
    #[inline(always)]
    fn run(&mut self, arg: Resume<S, E>) -> Step<Y, R, Handoff> {
        let guard = PoisonOnUnwind(&mut *self);
        let answer = (guard.0.body)(Request::Resume(arg));
        core::mem::forget(guard);
        match answer {
            Answer::Ran(step, at) => {
                self.at = match step {
                    Step::Complete(_) => &COMPLETE,
                    _ => at,
                };
                step
            }
            _ => unreachable_answer(),
        }
    }

    // Every request that is not a resume goes through here, never inlined:
    // each function that calls the closure holds a copy of it, body
    // included.
    #[inline(never)]
    fn ask(&mut self, request: Request<S, E, R>) -> Answer<Y, R, BoxFrame<'f, Y, S, E>> {
        (self.body)(request)
    }
}

#[cold]
#[inline(never)]
fn unreachable_answer() -> ! {
    unreachable!("the generated closure answers each request in kind")
}

impl<'f, F, N, Y, S, E, R> RawGenerator for OwnedMachine<'f, F, N, Y, S, E, R>
where
    F: FnMut(Request<S, E, R>) -> Answer<Y, R, BoxFrame<'f, Y, S, E>>,
    N: Fn() -> &'static str,
{
    type Yield = Y;
    type Send = S;
    type Throw = E;
    type Return = R;

    // Not forced inline: a stage of a generic pipeline resumes the stage
    // below from several arms, and forcing each stage into each of them
    // grew a release build several times per stage (24 stages: 5.2 s, now
    // 0.9 s); the optimiser still inlines where it pays (the pipeline
    // bench is unchanged).
    #[inline]
    fn resume_raw(&mut self, mut arg: Resume<S, E>) -> GeneratorState<Y, R> {
        loop {
            match self.run(arg) {
                Step::Yielded(value) => return GeneratorState::Yielded(value),
                Step::Complete(value) => return GeneratorState::Complete(value),
                // No stack to hand the sub-generator to: the body runs it.
                Step::Call(Handoff) | Step::TailCall(Handoff) => arg = Resume::Handed,
            }
        }
    }

    // Out of line in a delegating body: a level of a chain of delegating
    // generators costs one call per item. Inlined, a generator that resumes
    // the same sub-generator type from two places (two `yield_from!`s of
    // it, or arms that each hold a copy of a loop) doubled a release
    // build per level of a chain; and even with the one copy of the loop
    // that `yield_from!` has now, inlining every level cost a release build
    // time quadratic in depth (32 levels: 5.1 s against 1.3 s) for 2.5-3x
    // less time per item (see the README's limits).
    #[inline(never)]
    fn resume_delegated(&mut self, arg: Resume<S, E>) -> GeneratorState<Y, R> {
        self.resume_raw(arg)
    }

    // One run, stopping at a hand-off point: the driver's stack then asks
    // for the sub-generator (`take_frame`), once per hand-off, so the step
    // returned on every item stays small. (A loop here that took the
    // offered sub-generator itself returned the sub-generator inside the
    // step: 48 bytes through memory on every item.)
    #[inline]
    fn resume_frame(&mut self, arg: Resume<S, E>) -> Step<Y, R, Handoff> {
        self.run(arg)
    }

    #[inline]
    fn take_frame<'a>(&mut self) -> Option<BoxFrame<'a, Y, S, E>>
    where
        Self: 'a,
    {
        match self.ask(Request::Take) {
            // `Self: 'a` gives `'f: 'a`.
            Answer::Frame(frame) => frame,
            _ => unreachable_answer(),
        }
    }

    #[inline]
    fn phase(&self) -> Phase {
        self.at()
    }
    #[inline]
    fn complete(&mut self, value: R) {
        self.at = &COMPLETE;
        self.ask(Request::Complete(value));
    }
    #[inline]
    fn take_return(&mut self) -> Option<R> {
        match self.ask(Request::TakeReturn) {
            Answer::Return(value) => value,
            _ => unreachable_answer(),
        }
    }
    fn name(&self) -> &'static str {
        (self.name)()
    }
    fn suspension_point(&self) -> Option<&'static Location> {
        (self.at() == Phase::Suspended && !core::ptr::eq(self.at, &SUSPENDED)).then_some(self.at)
    }
    #[inline]
    fn close(&mut self) {
        if !self.at().is_finished() {
            self.at = &CLOSED;
        }
        self.ask(Request::Close);
    }
    #[inline]
    fn poison(&mut self) {
        Poison::poison(self);
    }
}

/// Entry point of the expansions that use this machine (see
/// [`crate::machine::fresh`]): `name` is a function item, which costs no
/// space, and `body` the closure owning the state enum.
#[inline(always)]
pub fn fresh_owned<'f, F, N, Y, S, E, R>(
    name: N,
    body: F,
) -> Fresh<OwnedMachine<'f, F, N, Y, S, E, R>>
where
    F: FnMut(Request<S, E, R>) -> Answer<Y, R, BoxFrame<'f, Y, S, E>>,
    N: Fn() -> &'static str,
{
    Fresh::from_raw(OwnedMachine {
        body,
        at: &CREATED,
        name,
        _types: PhantomData,
        _frames: PhantomData,
    })
}
