//! Lowering: one resume arm per suspension point, holding the code that
//! runs when the generator is resumed there (`resume`), with the code a
//! segment passes through in full (`full`), yields as "save and return"
//! (`suspend`), loops that resume in place (`inplace`) or are entered by a
//! jump (`entry`).

use std::cell::RefCell;

use proc_macro2::TokenStream;

use crate::analysis::slots::Analysis;
use crate::error::Diagnostics;
use crate::marker::YieldPoint;
use crate::names::Names;

mod control;
pub(crate) mod entry;
mod full;
pub(crate) mod inplace;
mod redeclare;
pub(crate) mod resume;
mod suspend;

use entry::Entry;
use inplace::InPlace;

/// The lowering's state while it builds the arms: what the analysis
/// decided, and what the arms lowered so far have asked for.
pub(crate) struct Lowerer<'a> {
    pub(crate) analysis: &'a Analysis,
    pub(crate) points: &'a [YieldPoint],
    pub(crate) cx: &'a mut Diagnostics,
    pub(crate) names: &'a Names,
    pub(crate) yield_ty: &'a syn::Type,
    pub(crate) send_is_unit: bool,
    /// `throw = E`: a yield evaluates to `Result<S, E>`.
    pub(crate) throw_declared: bool,
    /// `#[generator(clone)]`: saved values are checked to be `Clone`.
    pub(crate) clone: bool,
    /// Numbers the labels of re-entered loops (`'__gen_exit_N`).
    pub(crate) next_label: usize,
    /// Set while lowering the continuation of a point that resumes in place.
    pub(crate) in_place: Option<InPlace>,
    /// While the start arm (or a hand-off point's arm) is lowered: the
    /// loops it may enter by jumping (see `lower::entry`).
    pub(crate) entries: Vec<Entry>,
    /// The entries the arms jump to.
    pub(crate) entered: Vec<Entry>,
    /// The arm being lowered jumped to an entry.
    pub(crate) jumped: bool,
    /// The points the start arm suspends at: a hand-off point's arm may
    /// jump only if the start arm saved its values, and so typed them,
    /// before it (see `lower::entry`).
    pub(crate) start_reached: Vec<usize>,
    /// The points the arm being lowered suspends at or jumps to (see
    /// [`Lowerer::take_reached`]).
    pub(crate) reached: RefCell<Vec<usize>>,
}

/// The code of one resume arm.
pub(crate) struct Segment {
    pub(crate) code: TokenStream,
    /// The arm binds the saved values by reference (see `lower::inplace`).
    pub(crate) in_place: bool,
    /// The code never reaches its end (it always suspends or returns), so
    /// the arm must not wrap it as the generator's return value.
    pub(crate) diverges: bool,
    /// The code reads the resume argument.
    pub(crate) reads_arg: bool,
    /// No arm suspends at this point: it gets no arm.
    pub(crate) unreachable: bool,
    /// The arm enters a loop by jumping to another arm (`lower::entry`),
    /// so it sits in the match that is left by that jump.
    pub(crate) enters: bool,
}
