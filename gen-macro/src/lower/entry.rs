//! Entering a loop by jumping to the arm that resumes it.
//!
//! When the last thing a loop's body does is yield at `P` (a *tail* yield),
//! resuming at `P` means running the loop again from its head: `P`'s arm is
//! exactly the code of "the loop, and what follows it". So the start arm,
//! when it reaches such a loop, need not carry a second copy of it: it saves
//! the values `P` would save and goes on in `P`'s arm.
//!
//! ```text
//! Input:   let mut it = xs.into_iter(); loop { …; r#yield!(x); }
//! Output:  '__gen_enter: {
//!              match state {
//!                  Start => { let mut it = …; *state = P { it }; break '__gen_enter; }
//!                  _ => {}
//!              }
//!          }
//!          match state { P { it } => { loop { …; return Yielded(x); } … } … }
//! ```
//!
//! The loops of a typical generator are then emitted once instead of twice,
//! which halves its resume closure and lets LLVM inline it into the
//! consumer as readily as a hand-written `next`. The jump costs one store of
//! the saved values and a second match on the state, once per generator.
//!
//! Conditions, each needed for the two ways in to run the same code:
//! - the yield is the loop body's tail (`marker::ends_with`), so nothing of the
//!   iteration is left to run when it resumes;
//! - it saves exactly what the loop has at its head (the analysis checks
//!   this: `Analysis::saves_loop_head`), so the jump can save the same
//!   values; a binding moved before the loop and not saved is dropped at the
//!   jump rather than at the first yield;
//! - its arm does not read the resume argument (no `send`, no `throw`),
//!   since the jump resumes it with the start's argument.
//!
//! `yield_from!`'s loop (`desugar::scan`) ends with a statement that hands
//! the yield's raw resume argument to the delegate, where `Start` changes
//! nothing: its yield counts as the tail, and its arm may be jumped to
//! although it reads the argument. The arm of the hand-off point before
//! that loop jumps to it too when the start arm suspends at that hand-off
//! (the arm sits in the first match, after the start arm, which gave the
//! values it rebinds their types), so a generator that only delegates
//! holds one copy of the loop.
//!
//! Only the start arm jumps otherwise. rustc infers types in the order it reads the
//! arms, and the start arm used to hold the first pass through the loop,
//! which fixes the types of the values saved inside it; the arms after the
//! start are therefore ordered by where their code begins in the body (an
//! entered arm at its loop's head), so that the loop's code is read before
//! the arms of yields inside it, as it was. Arms that reach a loop later
//! keep their own copy of it: a jump from them would need the arm jumped to
//! to come after them, and so before their own code is typed.

use syn::visit::{self, Visit};
use syn::{Block, ExprLoop};

use crate::lower::Lowerer;
use crate::marker::{self, PointKind};

/// A loop the start arm may enter by jumping to the arm of `point`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The loop's tail yield.
    pub(crate) point: usize,
    /// The first suspension point inside the loop, in code order: the arm
    /// of `point` is read before that point's arm.
    pub(crate) head: usize,
}

impl Lowerer<'_> {
    /// The loops the start arm may enter by jumping: the tail yields that
    /// meet the conditions in the module docs. A loop with several (one per
    /// branch) is entered by the first.
    pub(crate) fn plan_entries(&mut self, body: &Block) {
        // With join points the arms already jump in a loop (`desugar::joins`).
        if self
            .points
            .iter()
            .any(|point| point.kind == PointKind::Join)
        {
            return;
        }
        self.entries = (0..self.points.len())
            .filter(|&index| {
                let point = &self.points[index];
                point.kind == PointKind::Yield
                    && (point.raw_resume || !self.uses_arg(index))
                    && self.analysis.facts[index].saves_loop_head
            })
            .filter_map(|point| {
                let found = innermost_loop(body, point)?;
                let tail = if self.points[point].raw_resume {
                    // `yield_from!`'s loop: its last statement hands the
                    // resume argument to the delegate, and a `Start` there
                    // changes nothing.
                    found
                        .body
                        .stmts
                        .last()
                        .is_some_and(|last| marker::contains(last, Some(point)))
                } else {
                    marker::ends_with(&found.body, point)
                };
                if !tail {
                    return None;
                }
                // In code order: a `yield_from!`'s hand-off point comes
                // before its loop's yield but is numbered after it (seed
                // 10409843: the loop's arm came after the hand-off's, whose
                // saved values it gives their types).
                let head = *marker::in_order(&found.body).first()?;
                Some(Entry { point, head })
            })
            .collect();
    }

    /// The entry to jump to instead of running the loop `e`. Only the start
    /// arm has entries (see the module docs).
    pub(super) fn entry_of(&mut self, e: &ExprLoop) -> Option<usize> {
        let entry = self.entries.iter().copied().find(|entry| {
            marker::contains(&e.body, Some(entry.point))
                && innermost_loop(&e.body, entry.point).is_none()
        })?;
        if !self.entered.contains(&entry) {
            self.entered.push(entry);
        }
        self.jumped = true;
        Some(entry.point)
    }
}

/// The innermost loop of `block` around suspension point `point`.
fn innermost_loop(block: &Block, point: usize) -> Option<&ExprLoop> {
    struct Find<'a> {
        point: usize,
        found: Option<&'a ExprLoop>,
    }
    impl<'a> Visit<'a> for Find<'a> {
        fn visit_expr_loop(&mut self, e: &'a ExprLoop) {
            if marker::contains(&e.body, Some(self.point)) {
                self.found = Some(e);
                visit::visit_expr_loop(self, e);
            }
        }
        fn visit_expr_closure(&mut self, _: &'a syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'a syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'a syn::Item) {}
    }
    let mut find = Find { point, found: None };
    find.visit_block(block);
    find.found
}
