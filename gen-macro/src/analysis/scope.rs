//! Scope analysis: resolves every local name in the body to its binding and
//! records how each binding is used (read in place or possibly moved). What
//! each suspension point saves is decided from these records (see
//! `analysis::slots`).
//!
//! A binding hidden at a yield by another of the same name, whose value
//! must be saved there, is made nameable by renaming the bindings that hide
//! it (`renames`, decided by `analysis::slots` and applied by a second walk).

use std::collections::HashMap;

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::spanned::Spanned;
use syn::{Block, Expr, Ident, Pat, Stmt};

use crate::analysis::flow::{Mark, Region, Target};
use crate::known::{
    BORROWING_ITERATORS, BORROWING_MACROS, BORROWING_METHODS, BORROWING_PREFIXES,
    CONSUMING_METHODS, CONSUMING_PREFIXES, OWNED_RESULTS, UNWRAPPING, integer_method,
    returns_borrow, under_adaptors,
};
use crate::marker::{self, PointKind, YieldPoint};
use crate::names::is_hidden_iterator;
use crate::operands::{Operand, operands_mut};
use crate::syntax::{
    cond_has_let, copy_bindings, desugared_try, format_captures, is_range, method_chain_root,
    pat_bindings, pat_declares_copy, place_root, strip_parens,
};

pub(crate) type BindingId = usize;

pub(crate) struct Binding {
    /// The declaring identifier; rebinds and saves reuse it (and its
    /// hygiene), so user code refers to the rebound value unchanged.
    pub(crate) ident: Ident,
    pub(crate) mutable: bool,
    /// `let r = &v;`, `let r: &T`, `ref r`, or an argument of reference type:
    /// no destructor, so saved only when used after a yield.
    pub(crate) is_ref: bool,
    /// For `let r = &v…;`: the local `v` it borrows and the borrow's span.
    pub(crate) borrow_of: Option<(BindingId, Span)>,
    /// The borrow is a closure without `move` reading `v`.
    pub(crate) closure_borrow: bool,
    /// Declared as `let name = |…| …;` (or `async { … }`): whether its type
    /// is `Copy` is only known once rustc has seen what the closure
    /// captures, after the code that saves it is type-checked.
    pub(crate) closure: bool,
    /// Declared as `let name = <value>;` or as an argument not of
    /// reference type, so it holds its own value: an iterator chain over
    /// a borrow of it (`name.iter().map(f)`) surely borrows a local.
    /// (An element bound by a `for` or `match` pattern may be a
    /// reference, whose iterators borrow what it points to.)
    pub(super) holds_value: bool,
    /// Scope depth: 0 = arguments, 1 = the body block, +1 per nested scope.
    pub(crate) depth: usize,
    /// The type is visibly `Copy` (a literal initialiser, or a primitive
    /// annotation), so reading it through a reference is always allowed.
    pub(super) known_copy: bool,
    pub(super) decl_pos: usize,
    /// Declared without a value (`let x;`).
    pub(super) no_init: bool,
    /// Named by a `{x}` capture in a format string, which the hygienic
    /// rename of a shadowing binding cannot reach.
    pub(super) format_captured: bool,
    /// `let r = &compute();`: a borrow of a temporary that a plain function
    /// keeps alive to the end of the block, and a generator cannot keep
    /// across a yield (it would be one of its own locals). The span of the
    /// borrow, for the error.
    pub(super) borrows_temporary: Option<Span>,
    /// The hidden iterator of a `for` loop over an argument by its name
    /// (`for x in input`): the index of that argument, whose type then
    /// spells this one (`<A as IntoIterator>::IntoIter`, see
    /// `emit::machine`'s state enum).
    pub(crate) iterates_arg: Option<usize>,
    pub(super) uses: Vec<Use>,
}

#[derive(Clone, Copy)]
pub(super) struct Use {
    pub(super) pos: usize,
    pub(super) moving: bool,
    /// The name is (part of) the left side of `=`: it gets a new value.
    pub(super) assigning: bool,
    /// The receiver of a method the macro does not know, whose result is
    /// stored back under the receiver's name (`state = state.step()`,
    /// `let req = req.header(…)`): the by-value style of builders and state
    /// machines, so its value may have been moved. Not a `moving` use,
    /// which would also claim the value is copied or moved on every turn
    /// of a loop (see `infer_copy_from_loops`).
    pub(super) receiver: bool,
    /// In the operand of `return` that ends at this position: a move
    /// there leaves the function with the value, so no code after the
    /// `return` sees the binding moved (code later in the operand does).
    pub(super) returns_at: Option<usize>,
    /// In the operand of a `break`: control goes on after its target, so
    /// the code between the `break` (first) and the target's end (second)
    /// never runs after this use.
    pub(super) skips: Option<(usize, usize)>,
    /// Through a field (`p.f`): a move takes only the field. Followed by a
    /// use of the whole value, the field was `Copy` (or the plain function
    /// would not compile), and nothing moved; otherwise the value may be
    /// partly moved, and is treated as moved (its other fields are dropped
    /// at the next yield, unless `desugar::split` took it apart).
    pub(super) field: bool,
    /// The field `f` when the use is the root of a place `p.f` or
    /// `p.f.g…` (`None` for the whole value, and for a name under a field
    /// of something else, `make(p).f`): the flow tracks a field moved out
    /// apart from the rest of the value (`analysis::flow`).
    /// (An index into `Walker::members`.)
    pub(super) member: Option<usize>,
    /// The operand of an operator (`Ctx::Operand`): such a "move" does not
    /// call for a drop flag (`desugar::flags`), which would cost a check on
    /// every use of what is nearly always a `Copy` number.
    pub(super) operator: bool,
    /// Not in the code: a suspension point that saves the binding, which
    /// reads its value there (see `Walker::saves_to_fixpoint`).
    pub(super) by_save: bool,
    /// The branch arms the use is in (an index into `Walker::arm_paths`).
    pub(super) arm: usize,
}

impl Use {
    /// The value may have left the binding here.
    pub(super) fn may_move(&self) -> bool {
        self.moving || self.receiver
    }

    /// The value may have left the binding here, for code at `at` (not
    /// after a `return` this use is in: that code never runs after it).
    pub(super) fn may_move_on(&self, at: usize) -> bool {
        self.may_move()
            && self.returns_at.is_none_or(|end| at <= end)
            && self.skips.is_none_or(|(from, to)| !(from < at && at <= to))
    }
}

#[derive(Clone, Copy)]
pub(super) struct Jump {
    pub(super) at: usize,
    /// For `break` and `continue`: the index in `Walker::breakables` of
    /// the loop or block it leaves (see `leaves_between`). `None` for
    /// `return` and `?`, which leave the function.
    pub(super) leaves: Option<usize>,
}

#[derive(Clone, Copy)]
pub(super) struct LoopRange {
    pub(super) start: usize,
    pub(super) end: usize,
}

pub(super) struct PointScope {
    pub(super) pos: usize,
    /// Bindings in scope, outermost first, and whether each is nameable
    /// there (not shadowed).
    pub(super) in_scope: Vec<(BindingId, bool)>,
    pub(super) loops: Vec<usize>,
    /// `x = r#yield!(…)`: the binding the resumed yield's value is assigned
    /// to at once, whose value at the point is therefore never read, and
    /// where that assignment is.
    pub(super) overwrites: Option<(BindingId, usize)>,
    /// The branch arms the point is in (an index into `Walker::arm_paths`).
    pub(super) arm: usize,
    /// In the operand of `return` that ends at this position: nothing
    /// after it runs after the point.
    pub(super) returns_at: Option<usize>,
    /// In the operands of `break`s (see `Use::skips`): every one around the
    /// point, innermost first, since code that the outer `break` skips
    /// never runs after the point either.
    pub(super) skips: Vec<(usize, usize)>,
}

/// How a use of a name may treat its value.
#[derive(Clone, Copy, PartialEq)]
enum Ctx {
    /// The value may be moved (or copied) out.
    Move,
    /// The place is only read, borrowed or assigned to.
    Place,
    /// The receiver of a method the macro does not know (`self`, `&self`
    /// or `&mut self`, which only the method's signature says) whose
    /// result is stored back under the receiver's name; see `Use::receiver`.
    Receiver,
    /// A local used by an operator (`n + 1`, `n as u64`, `0..n`): a move,
    /// of a value that is nearly always `Copy`; see `Use::operator`.
    Operand,
}

/// `let n = p.f;`: the binding `n`, the value `p`, and the positions of
/// the initialiser's uses.
pub(super) struct FieldInit {
    binding: BindingId,
    owner: BindingId,
    from: usize,
    to: usize,
}

pub(super) struct Walker<'p> {
    pub(super) bindings: Vec<Binding>,
    /// Values whose field reads by value are copies (see `split_body`).
    pub(super) whole: &'p [String],
    /// The yield type is visibly `Copy`: what a yield hands out is copied.
    pub(super) copy_yields: bool,
    /// `let n = p.n;` seen so far (see `copies_through_lets`).
    pub(super) field_inits: Vec<FieldInit>,
    /// Bindings of each open scope, in declaration order.
    pub(super) frames: Vec<Vec<BindingId>>,
    pub(super) loops: Vec<LoopRange>,
    pub(super) loop_stack: Vec<usize>,
    /// Loops and labeled blocks around the walk, innermost last: the label,
    /// whether it is a loop, and `loop_stack`'s length outside it.
    pub(super) breakables: Vec<(Option<String>, bool, usize)>,
    /// Loops that the `break` whose operand is being walked leaves: code
    /// there never starts another turn of them.
    pub(super) exiting: Vec<usize>,
    /// Operands of `break`s whose target is still open: the target (an
    /// index into `breakables`), where the operand starts and where the
    /// `break` is.
    pub(super) pending_breaks: Vec<(usize, usize, usize)>,
    pub(super) points: Vec<Option<PointScope>>,
    pub(super) operands: &'p mut [YieldPoint],
    /// Bindings to give a hidden name: binding id → (user's name, hidden).
    pub(super) renames: &'p HashMap<BindingId, (Ident, Ident)>,
    pub(super) pos: usize,
    /// Inside a `move` closure every captured name is moved.
    pub(super) force_move: usize,
    /// Walking the left side of `x = …` or `(x, y) = …`.
    pub(super) assign_target: usize,
    /// Walking the base of a field access (`p` in `p.f`).
    pub(super) field: usize,
    /// The first field of the place whose root is being walked (`f` in
    /// `p.f.g`; see `Use::member`).
    pub(super) member: Option<usize>,
    /// The field names `Use::member` indexes, each once.
    pub(super) members: Vec<String>,
    /// Closure bodies around the walk: a `return` there leaves the
    /// closure, not the body.
    pub(super) closures: usize,
    /// Inside the arguments of a formatting macro: the names its format
    /// string captures that were renamed, with their hidden names.
    pub(super) format_renames: Option<Vec<(String, Ident)>>,
    /// Walking the right side of `let x = x.m(…)` or `x = x.m(…)`: the
    /// name whose unknown methods may consume it (see `Ctx::Receiver`).
    pub(super) rebinding: Option<String>,
    /// Every stack of branch arms seen, as `(construct, arm)` pairs from the
    /// outermost: the arms of an `if`, of a `match`, a loop body (run zero
    /// or more times), a labeled block, the right side of `&&`/`||`. Code in two different
    /// arms of one construct is never on one path.
    pub(super) arm_paths: Vec<Vec<(usize, usize)>>,
    /// The current stack (an index into `arm_paths`).
    pub(super) arm: usize,
    /// Branch constructs numbered so far.
    pub(super) constructs: usize,
    /// `break`, `continue`, `return` and `?`: jumps that may skip code.
    pub(super) jumps: Vec<Jump>,
    /// The operands of `break`s with a value: `(start, at, end)` for code
    /// walked in `start < pos <= at`, that jumps to `end`, the end of the
    /// loop or block it leaves. (`Use::skips` keeps the innermost only.)
    pub(super) break_operands: Vec<(usize, usize, usize)>,
    /// Hidden iterators of desugared `for` loops over a range (`0..n`),
    /// whose items are `Copy` (only std's integer-like types are `Step`).
    pub(super) range_iterators: Vec<String>,
    /// The arguments bound by name (`x: T`, a receiver): each one's binding
    /// and its position among the arguments.
    pub(super) named_args: Vec<(BindingId, usize)>,
    /// Locals called with arguments that suspend (`f(loop { … r#yield!(x)
    /// … })`): the callee, and where the arguments start and end. Its
    /// type must be known where the call is checked, before the arguments,
    /// so it cannot be declared late by a loop that resumes in place
    /// inside them (see `Walker::can_stay_in_place`).
    pub(super) callees_around: Vec<(BindingId, usize, usize)>,
    /// The control flow around the numbered events, for `analysis::flow`.
    pub(super) marks: Vec<(usize, Mark)>,
    /// What `analysis::flow` found from them, once the walk is done.
    pub(super) flow: crate::analysis::flow::Flow,
    /// For each point, the bindings some path from it reads (see
    /// `flow::live_after`), for the current round of saves.
    pub(super) live_after: Vec<Option<Vec<bool>>>,
    /// What a `break`/`continue` can target, innermost last: label,
    /// whether a loop, and the region's id in `flow`. `None` at a closure,
    /// which no jump leaves. (Unlike `breakables`, this has `while` and
    /// `for` loops too.)
    pub(super) flow_targets: Vec<Option<(Option<String>, bool, usize)>>,
    pub(super) flow_regions: usize,
}

impl Walker<'_> {
    fn tick(&mut self) -> usize {
        self.pos += 1;
        self.pos
    }

    fn depth(&self) -> usize {
        self.frames.len() - 1
    }

    fn mark(&mut self, mark: Mark) {
        self.marks.push((self.pos, mark));
    }

    /// Opens a loop or labeled block in `flow`; returns its id.
    fn open_target(&mut self, label: Option<&syn::Label>, is_loop: bool) -> usize {
        self.flow_regions += 1;
        let id = self.flow_regions;
        let label = label.map(|l| l.name.ident.to_string());
        self.flow_targets.push(Some((label, is_loop, id)));
        id
    }

    /// The `flow` id of what `break`/`continue` with `label` leaves.
    fn flow_target(&self, label: Option<&str>) -> Option<usize> {
        for target in self.flow_targets.iter().rev() {
            let (name, is_loop, id) = target.as_ref()?;
            let found = match label {
                Some(label) => name.as_deref() == Some(label),
                None => *is_loop,
            };
            if found {
                return Some(*id);
            }
        }
        None
    }

    /// Inside a closure, `async` block or `try` block: a `return` or `?`
    /// there does not leave the body.
    fn in_flow_barrier(&self) -> bool {
        self.flow_targets.iter().any(Option::is_none)
    }

    /// An arm of a branch: `f` walks it.
    fn flow_arm(&mut self, f: impl FnOnce(&mut Self)) {
        self.mark(Mark::Open(Region::Arm));
        f(self);
        self.mark(Mark::Close);
    }

    pub(super) fn declare(&mut self, ident: Ident, mutable: bool, no_init: bool) -> BindingId {
        let id = self.bindings.len();
        let ident = match self.renames.get(&id) {
            Some((_, hidden)) => {
                let mut hidden = hidden.clone();
                hidden.set_span(ident.span());
                hidden
            }
            None => ident,
        };
        let decl_pos = self.tick();
        let depth = self.depth();
        self.bindings.push(Binding {
            ident,
            mutable,
            is_ref: false,
            borrow_of: None,
            closure_borrow: false,
            closure: false,
            holds_value: false,
            depth,
            known_copy: false,
            decl_pos,
            no_init,
            format_captured: false,
            borrows_temporary: None,
            iterates_arg: None,
            uses: Vec::new(),
        });
        if let Some(frame) = self.frames.last_mut() {
            frame.push(id);
        }
        id
    }

    pub(super) fn declare_pat(
        &mut self,
        pat: &Pat,
        is_ref: bool,
        borrow_of: Option<(BindingId, Span)>,
        no_init: bool,
    ) {
        for (ident, mutable, by_ref) in pat_bindings(pat) {
            let id = self.declare(ident, mutable, no_init);
            self.bindings[id].is_ref = is_ref || by_ref;
            if is_ref {
                self.bindings[id].borrow_of = borrow_of;
            }
        }
    }

    /// Records which of the bindings declared from `first` on are visibly
    /// `Copy` (flags in declaration order, from [`copy_bindings`]).
    /// The bindings declared from `first` on are `Copy`.
    fn mark_all_copy(&mut self, first: BindingId) {
        for binding in &mut self.bindings[first..] {
            binding.known_copy = true;
        }
    }

    pub(super) fn mark_known_copy(&mut self, first: BindingId, flags: Vec<bool>) {
        for (binding, copy) in self.bindings[first..].iter_mut().zip(flags) {
            binding.known_copy = copy;
        }
    }

    /// `let __gen_iter_N = IntoIterator::into_iter(a..b)` (the desugared
    /// `for`, see `desugar::rewrite`) remembers the iterator; the loop's
    /// `let pat = match Iterator::next(&mut __gen_iter_N) { … }` then binds
    /// `Copy` items.
    fn note_range_items(&mut self, pat: &Pat, init: &Expr, first_new: BindingId) {
        if is_hidden_iterator(pat) {
            if let (Pat::Ident(p), Expr::Call(call)) = (pat, init) {
                if call.args.first().is_some_and(is_range) {
                    self.range_iterators.push(p.ident.to_string());
                }
                self.bindings[first_new].iterates_arg = call
                    .args
                    .first()
                    .and_then(|iterable| match iterable {
                        Expr::Path(path) if path.qself.is_none() => path.path.get_ident(),
                        _ => None,
                    })
                    .and_then(|name| self.lookup_user_name(&name.to_string()))
                    .and_then(|id| {
                        let mut named = self.named_args.iter();
                        named.find(|&&(arg, _)| arg == id).map(|&(_, index)| index)
                    });
            }
            return;
        }
        let Expr::Match(m) = init else { return };
        let Expr::Call(next) = &*m.expr else { return };
        let Some(Expr::Reference(iter)) = next.args.first() else {
            return;
        };
        if let Expr::Path(path) = &*iter.expr
            && let Some(name) = path.path.get_ident()
            && self.range_iterators.iter().any(|r| name == r)
        {
            self.mark_all_copy(first_new);
        }
    }

    fn lookup(&self, name: &str) -> Option<BindingId> {
        self.frames
            .iter()
            .rev()
            .flat_map(|frame| frame.iter().rev())
            .copied()
            .find(|&id| self.bindings[id].ident == name)
    }

    /// Records a use of `name`; returns the hidden name to write instead
    /// when the binding it resolves to was renamed.
    fn use_name(&mut self, name: &str, ctx: Ctx) -> Option<Ident> {
        let id = self.lookup_user_name(name)?;
        let pos = self.tick();
        let moving = matches!(ctx, Ctx::Move | Ctx::Operand) || self.force_move > 0;
        let assigning = self.assign_target > 0 && ctx == Ctx::Place;
        let arm = self.arm;
        self.bindings[id].uses.push(Use {
            pos,
            moving,
            assigning,
            receiver: ctx == Ctx::Receiver,
            operator: ctx == Ctx::Operand,
            returns_at: None,
            skips: None,
            field: self.field > 0,
            member: self.member,
            by_save: false,
            arm,
        });
        self.renames.get(&id).map(|(_, hidden)| hidden.clone())
    }

    /// Resolves a name as the user wrote it: a renamed binding still
    /// answers to its original name until shadowed.
    fn lookup_user_name(&self, name: &str) -> Option<BindingId> {
        self.frames
            .iter()
            .rev()
            .flat_map(|frame| frame.iter().rev())
            .copied()
            .find(|&id| match self.renames.get(&id) {
                Some((original, _)) => original == name,
                None => self.bindings[id].ident == name,
            })
    }

    /// Writes the hidden names of renamed bindings declared from `first_new`
    /// on into the pattern that declared them.
    fn rename_in_pat(&self, pat: &mut Pat, first_new: BindingId) {
        struct RenamePat<'a>(Vec<&'a (Ident, Ident)>);
        impl syn::visit_mut::VisitMut for RenamePat<'_> {
            fn visit_pat_ident_mut(&mut self, p: &mut syn::PatIdent) {
                if let Some((_, hidden)) = self.0.iter().find(|(original, _)| *original == p.ident)
                {
                    let mut hidden = hidden.clone();
                    hidden.set_span(p.ident.span());
                    p.ident = hidden;
                }
                syn::visit_mut::visit_pat_ident_mut(self, p);
            }
        }
        let targets: Vec<_> = (first_new..self.bindings.len())
            .filter_map(|id| self.renames.get(&id))
            .collect();
        if !targets.is_empty() {
            syn::visit_mut::VisitMut::visit_pat_mut(&mut RenamePat(targets), pat);
        }
    }

    /// A new branch construct: its number, for [`in_arm`](Self::in_arm).
    fn construct(&mut self) -> usize {
        self.constructs += 1;
        self.constructs
    }

    /// Walks `f` inside arm `arm` of branch construct `construct`.
    fn in_arm(&mut self, construct: usize, arm: usize, f: impl FnOnce(&mut Self)) {
        let outer = self.arm;
        let mut path = self.arm_paths[outer].clone();
        path.push((construct, arm));
        self.arm_paths.push(path);
        self.arm = self.arm_paths.len() - 1;
        f(self);
        self.arm = outer;
    }

    /// Can code at `from` run before code at `to` on one path? Not when
    /// they are in two different arms of one branch construct.
    pub(super) fn on_one_path(&self, from: usize, to: usize) -> bool {
        let to = &self.arm_paths[to];
        self.arm_paths[from]
            .iter()
            .all(|&(c, a)| to.iter().all(|&(c2, a2)| c2 != c || a2 == a))
    }

    /// What plain Rust proves about types: a binding declared before a loop
    /// and used by value in it (on any branch: "value moved here, in
    /// previous iteration of loop"), never given a new value in the loop,
    /// with no exit between the use and the next turn, is `Copy`, or the
    /// plain function would not compile. Marks such
    /// bindings `known_copy`, which lets a loop around a yield resume in
    /// place without type annotations. (A use that only looks like a move —
    /// a method that in fact borrows — is not a move through a reference
    /// either, so a wrong guess costs nothing.)
    /// `let n = p.n;` where `n` is known `Copy` by now (yielded with a
    /// `Copy` yield type, an integer method called on it, …): the field
    /// read that gave it its value was a copy, and `p` stays whole.
    pub(super) fn copies_through_lets(&mut self) {
        for init in std::mem::take(&mut self.field_inits) {
            // invariant: both ids come from this walk's `bindings`.
            if !self.bindings[init.binding].known_copy {
                continue;
            }
            for u in &mut self.bindings[init.owner].uses {
                if u.field && init.from < u.pos && u.pos <= init.to {
                    u.moving = false;
                }
            }
        }
    }

    pub(super) fn infer_copy_from_loops(&mut self) {
        for id in 0..self.bindings.len() {
            let binding = &self.bindings[id];
            if binding.known_copy {
                continue;
            }
            let copied_every_turn = binding.uses.iter().any(|u| {
                // (A field read by value on every turn proves the field
                // `Copy`, not the value: `r#yield!(rec.n)` in a loop.)
                if !u.moving || u.field {
                    return false;
                }
                let Some(turn) = self
                    .loops
                    .iter()
                    .filter(|l| l.start > binding.decl_pos && l.start < u.pos && u.pos <= l.end)
                    .max_by_key(|l| l.start)
                else {
                    return false;
                };
                // The turn goes on to the loop's head after the move.
                if self.jumps.iter().any(|j| u.pos < j.at && j.at <= turn.end) {
                    return false;
                }
                let assigned: Vec<usize> = binding
                    .uses
                    .iter()
                    .filter(|a| a.assigning && turn.start < a.pos && a.pos <= turn.end)
                    .map(|a| a.pos)
                    .collect();
                let Some(&first_assignment) = assigned.iter().min() else {
                    // Moved on every turn and never given a new value.
                    return true;
                };
                // Moved, not given a new value later in the turn, and read
                // on the next turn before its first assignment
                // (`a = a.wrapping_mul(3); f(a);` on every turn): a value
                // that is not `Copy` would be read after a move.
                !assigned.iter().any(|&a| a > u.pos)
                    && binding.uses.iter().any(|r| {
                        !r.assigning && !r.by_save && turn.start < r.pos && r.pos < first_assignment
                    })
            });
            if copied_every_turn {
                self.bindings[id].known_copy = true;
            }
        }
    }

    /// Is `arm` one of the arms code at `inner` is in, or the same: does
    /// code at `arm`, placed after code at `inner`, run whenever that code
    /// does (barring jumps)?
    pub(super) fn encloses(&self, arm: usize, inner: usize) -> bool {
        let inner = &self.arm_paths[inner];
        let outer = &self.arm_paths[arm];
        outer.len() <= inner.len() && inner[..outer.len()] == outer[..]
    }

    /// The code walked between `start` and `end` leaves the function
    /// (the operand of a `return`): nothing after `end` runs after it.
    /// (Not code that a `break` or `continue` after it may take out of the
    /// range first: `let Some(x) = o else { if c { break 'outer 1; }
    /// return; }`.)
    fn leaves_between(&mut self, start: usize, end: usize) {
        if self.closures > 0 {
            return;
        }
        // The loops and blocks open now are around the range: a jump to
        // one of them leaves it.
        let open = self.breakables.len();
        // (A loop in the range comes back to a jump in it on its next turn:
        // the code up to the loop's end may leave by the jump too.)
        let last_escape = self
            .jumps
            .iter()
            .filter(|j| start < j.at && j.at <= end && j.leaves.is_some_and(|t| t < open))
            .map(|&Jump { at, .. }| {
                self.loops
                    .iter()
                    .filter(|l| start < l.start && l.start <= at && at <= l.end && l.end <= end)
                    .map(|l| l.end)
                    .fold(at, usize::max)
            })
            .max();
        let start = last_escape.unwrap_or(start);
        for binding in &mut self.bindings {
            for u in &mut binding.uses {
                if start < u.pos && u.pos <= end && u.returns_at.is_none() {
                    u.returns_at = Some(end);
                }
            }
        }
        for point in self.points.iter_mut().flatten() {
            if start < point.pos && point.pos <= end && point.returns_at.is_none() {
                point.returns_at = Some(end);
            }
        }
    }

    /// The index in `breakables` of what `break`/`continue` with `label`
    /// leaves: the labeled loop or block, or the innermost loop.
    fn jump_target(&self, label: Option<&str>) -> Option<usize> {
        self.breakables
            .iter()
            .rposition(|(name, is_loop, _)| match label {
                Some(label) => name.as_deref() == Some(label),
                None => *is_loop,
            })
    }

    /// Leaves the innermost loop or labeled block: the `break` operands
    /// that targeted it skip the code from their `break` to here.
    fn close_breakable(&mut self) {
        let index = self.breakables.len() - 1;
        self.breakables.pop();
        let end = self.pos;
        let (done, open): (Vec<_>, Vec<_>) = self
            .pending_breaks
            .drain(..)
            .partition(|&(target, _, _)| target == index);
        self.pending_breaks = open;
        for (_, start, at) in done {
            self.break_operands.push((start, at, end));
            for binding in &mut self.bindings {
                for u in &mut binding.uses {
                    if start < u.pos && u.pos <= at && u.skips.is_none() {
                        u.skips = Some((at, end));
                    }
                }
            }
            for point in self.points.iter_mut().flatten() {
                if start < point.pos && point.pos <= at {
                    point.skips.push((at, end));
                }
            }
        }
    }

    fn in_frame(&mut self, f: impl FnOnce(&mut Self)) {
        self.frames.push(Vec::new());
        f(self);
        self.frames.pop();
    }

    pub(super) fn walk_block(&mut self, block: &mut Block) {
        self.in_frame(|w| w.walk_stmts(&mut block.stmts));
    }

    fn walk_stmts(&mut self, stmts: &mut [Stmt]) {
        for stmt in stmts {
            self.walk_stmt(stmt);
        }
    }

    /// Is this `let` a plain reference (`= &x…`, `: &T`), and to which local?
    fn reference_init(&self, local: &syn::Local) -> (bool, Option<(BindingId, Span)>) {
        let annotated_ref =
            matches!(&local.pat, Pat::Type(t) if matches!(*t.ty, syn::Type::Reference(_)));
        let Some(init) = &local.init else {
            return (annotated_ref, None);
        };
        // `let ref r = v;`: a borrow of `v`, as `let r = &v;` is.
        if let Pat::Ident(p) = &local.pat
            && p.by_ref.is_some()
        {
            return (
                true,
                self.borrowed_local(&init.expr)
                    .map(|id| (id, p.ident.span())),
            );
        }
        match &*init.expr {
            Expr::Reference(reference) => (
                true,
                self.borrowed_local(&reference.expr)
                    .map(|id| (id, reference.span())),
            ),
            // A desugared `for` over a borrow of a local: the hidden iterator
            // borrows that local for the whole loop.
            Expr::Call(call) if is_hidden_iterator(&local.pat) => {
                let Some(iterable) = call.args.first() else {
                    return (false, None);
                };
                match self.iterator_borrow(iterable) {
                    Some(id) => (true, Some((id, iterable.span()))),
                    None => (false, None),
                }
            }
            // `map.entry(k).or_insert(0)`, `s.as_str()`, `v.iter()`,
            // `v.iter().map(f)`: a reference, or an iterator over a borrow,
            // with no destructor worth keeping: saved only when used after
            // a yield.
            Expr::MethodCall(m) if let Some(id) = self.iterator_borrow(&init.expr) => {
                (true, Some((id, m.receiver.span())))
            }
            init_expr => match self.view_chain(init_expr) {
                Some(owner) => (true, owner),
                None => match init_expr {
                    Expr::MethodCall(m) if returns_borrow(&m.method.to_string()) => (true, None),
                    _ => (annotated_ref, None),
                },
            },
        }
    }

    /// `line.trim()`, `v.first()`, `line.strip_prefix(p)?`,
    /// `v.get(i).unwrap()`, `map.get(&k).copied()`: calls on a local
    /// whose first method returns a view into it, and no later one an
    /// owned copy. The result is a reference, or a value made from one
    /// with no destructor worth keeping to the end of its scope: saved
    /// only when used after a yield (saving a dead view of a saved local
    /// would borrow the generator's own state). `Some(owner)` when the
    /// result is the view itself (perhaps unwrapped) of a local holding
    /// its own value, which it then borrows.
    fn view_chain(&self, expr: &Expr) -> Option<Option<(BindingId, Span)>> {
        let mut receiver = expr;
        // Outermost call first.
        let mut calls = Vec::new();
        loop {
            match receiver {
                Expr::Try(t) => receiver = &t.expr,
                // `?`, as `desugar::rewrite` spells it.
                Expr::Match(m) if let Some(tried) = desugared_try(m) => receiver = tried,
                Expr::Paren(p) => receiver = &p.expr,
                Expr::MethodCall(m) => {
                    calls.push(m);
                    receiver = &m.receiver;
                }
                _ => break,
            }
        }
        let (first, later) = calls.split_last()?;
        // Through a dereference (`(*k).strip_prefix(…)`, as a drop flag's
        // reads are written): a view into what `k` owns, or for a reference
        // `k` into what it points to.
        let mut root = receiver;
        loop {
            match root {
                Expr::Paren(p) => root = &p.expr,
                Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => root = &u.expr,
                _ => break,
            }
        }
        let id = place_root(root).and_then(|name| self.lookup_user_name(&name))?;
        let named =
            |m: &syn::ExprMethodCall, list: &[&str]| list.contains(&m.method.to_string().as_str());
        if !returns_borrow(&first.method.to_string())
            || later.iter().any(|m| named(m, OWNED_RESULTS))
        {
            return None;
        }
        let binding = &self.bindings[id];
        let direct = later.iter().all(|m| named(m, UNWRAPPING));
        Some((direct && !binding.is_ref && binding.holds_value).then(|| (id, expr.span())))
    }

    /// The local that `&place` borrows: `v` in `&v`, `&v[0]`, `&v.field`;
    /// for a local that is itself a reference, `&r` borrows `r`, and
    /// `&r[0]` what `r` borrows (through the deref), if that is a local.
    fn borrowed_local(&self, place: &Expr) -> Option<BindingId> {
        let id = place_root(place).and_then(|name| self.lookup_user_name(&name))?;
        let whole = matches!(place, Expr::Path(_));
        if whole || !self.bindings[id].is_ref {
            Some(id)
        } else {
            self.bindings[id].borrow_of.map(|(owner, _)| owner)
        }
    }

    /// The local an iterator expression borrows: `&v`, `v.iter()`,
    /// `v.iter().map(f)`, `counts.entry(k).or_insert(0)`.
    fn iterator_borrow(&self, iterable: &Expr) -> Option<BindingId> {
        let owned = |place: &Expr| {
            let id = place_root(place).and_then(|name| self.lookup_user_name(&name))?;
            (!self.bindings[id].is_ref).then_some(id)
        };
        let inner = under_adaptors(iterable);
        // A method's receiver must surely hold its own value: an element
        // bound by a `for` or `match` pattern, or a value a `gen_block!`
        // captured, may be a reference (`line.split(' ')` on a `&str`),
        // whose iterators borrow what it points to, not the local.
        if let Expr::MethodCall(m) = inner
            && owned(method_chain_root(&m.receiver))
                .is_some_and(|id| !self.bindings[id].holds_value)
        {
            return None;
        }
        match inner {
            Expr::Reference(reference) => self.borrowed_local(&reference.expr),
            Expr::MethodCall(m) if BORROWING_ITERATORS.contains(&m.method.to_string().as_str()) => {
                owned(&m.receiver)
            }
            // (Not under adaptors: `v.first().map(f)` is an `Option`.)
            Expr::MethodCall(m)
                if std::ptr::eq(inner, iterable) && returns_borrow(&m.method.to_string()) =>
            {
                owned(method_chain_root(&m.receiver))
            }
            _ => None,
        }
    }

    /// A closure that holds no value with a destructor: one that captures
    /// nothing, or only visibly `Copy` values, or (without `move`) only
    /// reads or borrows the locals declared before it that it names. It is
    /// a reference, or as cheap: saved only when called after a yield.
    /// `Some(Some(v))` when it borrows the local `v`.
    fn closure_view(
        &self,
        closure: &syn::ExprClosure,
        uses_from: usize,
    ) -> Option<Option<BindingId>> {
        let moving = closure.capture.is_some();
        // (binding, only read or borrowed inside the closure)
        let captured: Vec<(BindingId, bool)> = self
            .frames
            .iter()
            .flatten()
            .copied()
            .filter(|&id| !self.bindings[id].is_ref && self.bindings[id].decl_pos <= uses_from)
            .filter_map(|id| {
                // (Walked already: its uses end where the walk is now.)
                let mut inside = self.bindings[id]
                    .uses
                    .iter()
                    .filter(|u| u.pos > uses_from && u.pos <= self.pos);
                let first = inside.next()?;
                // Without `move`, a closure borrows what it reads, assigns,
                // or uses by value when that is `Copy` (as the operand of
                // an operator nearly always is; see `Use::operator`).
                let copy = self.bindings[id].known_copy;
                let borrowed = |u: &Use| !moving && (!u.moving || copy || u.operator);
                Some((id, borrowed(first) && inside.all(borrowed)))
            })
            .collect();
        // A closure that may take a value with a destructor keeps it: it is
        // saved as any value is, and rustc judges its borrows.
        if captured
            .iter()
            .any(|&(id, borrowed)| !borrowed && !self.bindings[id].known_copy)
        {
            return None;
        }
        Some(
            captured
                .iter()
                .find(|&&(_, borrowed)| borrowed)
                .map(|&(id, _)| id),
        )
    }

    fn walk_stmt(&mut self, stmt: &mut Stmt) {
        match stmt {
            Stmt::Local(local) => {
                let (mut is_ref, mut borrow_of) = self.reference_init(local);
                let mut closure_borrow = false;
                let no_init = local.init.is_none();
                let uses_from = self.pos;
                if let Some(init) = &mut local.init {
                    // (`let n: u32 = p.n;` copies: see `pat_declares_copy`.)
                    let ctx = if matches!(local.pat, Pat::Wild(_)) {
                        Ctx::Place
                    } else {
                        self.copied_ctx(&init.expr, pat_declares_copy(&local.pat))
                    };
                    let rebinding = rebound_name(&local.pat, &init.expr);
                    let outer = std::mem::replace(&mut self.rebinding, rebinding);
                    self.walk_expr(&mut init.expr, ctx);
                    self.rebinding = outer;
                    // `let n = p.n;`: if `n` turns out `Copy`, so was the
                    // field (see `copies_through_lets`).
                    if let Pat::Ident(p) = &local.pat
                        && p.subpat.is_none()
                        && let Expr::Field(field) = strip_parens(&init.expr)
                        && let Some(owner) =
                            place_root(&field.base).and_then(|root| self.lookup_user_name(&root))
                    {
                        self.field_inits.push(FieldInit {
                            binding: self.bindings.len(),
                            owner,
                            from: uses_from,
                            to: self.pos,
                        });
                    }
                    if let Some((_, diverge)) = &mut init.diverge {
                        // `let … else { …; return x; }`: what runs after the
                        // statement never runs after the `else` block.
                        let returns = ends_in_return(diverge);
                        let start = self.pos;
                        self.mark(Mark::Open(Region::Branch { fallthrough: true }));
                        self.flow_arm(|w| w.walk_expr(diverge, Ctx::Move));
                        self.mark(Mark::Close);
                        if returns {
                            self.leaves_between(start, self.pos);
                        }
                    }
                    if let Expr::Closure(closure) = &*init.expr
                        && let Some(owner) = self.closure_view(closure, uses_from)
                    {
                        is_ref = true;
                        borrow_of = owner.map(|owner| (owner, closure.inputs_begin.span));
                        closure_borrow = owner.is_some();
                    }
                }
                let pat = local.pat.clone();
                let first_new = self.bindings.len();
                self.declare_pat(&pat, is_ref, borrow_of, no_init);
                if let Some(init) = &local.init
                    && let Expr::Reference(reference) = &*init.expr
                    && is_temporary(&reference.expr)
                {
                    for binding in &mut self.bindings[first_new..] {
                        binding.borrows_temporary = Some(reference.span());
                    }
                }
                let holds_value = !is_ref
                    && matches!(&pat, Pat::Ident(_) | Pat::Type(_))
                    && local.init.as_ref().is_some_and(|init| {
                        init.diverge.is_none()
                            && !matches!(
                                block_tail(&init.expr),
                                Expr::Match(_) | Expr::If(_) | Expr::Block(_) | Expr::Reference(_)
                            )
                    });
                let closure = local.init.as_ref().is_some_and(|init| {
                    matches!(strip_parens(&init.expr), Expr::Closure(_) | Expr::Async(_))
                });
                for binding in &mut self.bindings[first_new..] {
                    binding.closure_borrow = closure_borrow;
                    binding.closure = closure;
                    binding.holds_value = holds_value;
                }
                let init = local
                    .init
                    .as_ref()
                    .filter(|init| init.diverge.is_none())
                    .map(|init| &*init.expr);
                self.mark_known_copy(first_new, copy_bindings(&pat, None, init));
                if let Some(init) = init {
                    self.note_range_items(&pat, init, first_new);
                }
                self.rename_in_pat(&mut local.pat, first_new);
            }
            Stmt::Expr(expr, _) => self.walk_expr(expr, Ctx::Move),
            Stmt::Macro(mac) => self.walk_macro(&mut mac.mac),
            Stmt::Item(_) => {}
        }
    }

    fn walk_macro(&mut self, mac: &mut syn::Macro) {
        let borrows = mac
            .path
            .segments
            .last()
            .is_some_and(|s| BORROWING_MACROS.contains(&s.ident.to_string().as_str()));
        let ctx = if borrows { Ctx::Place } else { Ctx::Move };
        // The std formatting macros (all the borrowing ones but `matches!`)
        // take named arguments: a renamed binding captured by their format
        // string (`"{x}"`) is passed as `x = <hidden name>`.
        let formats = borrows
            && mac
                .path
                .segments
                .last()
                .is_some_and(|s| s.ident != "matches");
        let outer = std::mem::replace(&mut self.format_renames, formats.then(Vec::new));
        let tokens = std::mem::take(&mut mac.tokens);
        let mut tokens = self.walk_tokens_at(tokens, ctx, true);
        let renamed = std::mem::replace(&mut self.format_renames, outer);
        for (name, hidden) in renamed.unwrap_or_default() {
            if !names_argument(&tokens, &name) {
                let name = Ident::new(&name, hidden.span());
                tokens.extend(quote::quote!(, #name = #hidden));
            }
        }
        mac.tokens = tokens;
    }

    /// Names inside macro arguments, including `{name}` captures in format
    /// strings, count as uses. Returns the tokens with renamed bindings'
    /// hidden names written in.
    fn walk_tokens(&mut self, tokens: TokenStream, ctx: Ctx) -> TokenStream {
        self.walk_tokens_at(tokens, ctx, false)
    }

    /// [`walk_tokens`](Self::walk_tokens); `top`: these are the arguments
    /// of a macro themselves, not a group inside them.
    fn walk_tokens_at(&mut self, tokens: TokenStream, ctx: Ctx, top: bool) -> TokenStream {
        crate::tokens::rewrite(tokens, &mut |trees, i, nested| match &trees[i] {
            TokenTree::Ident(ident) => {
                let mut hidden = self.use_name(&ident.to_string(), ctx)?;
                hidden.set_span(ident.span());
                Some(crate::tokens::Edit::one(TokenTree::Ident(hidden)))
            }
            TokenTree::Literal(lit) => {
                for name in format_captures(&lit.to_string()) {
                    if top
                        && !nested
                        && let Some(renames) = &self.format_renames
                    {
                        // A format string of a formatting macro: a
                        // rename reaches it as a named argument.
                        let named = renames.iter().any(|(n, _)| *n == name);
                        if let Some(hidden) = self.use_name(&name, Ctx::Place)
                            && !named
                            && let Some(renames) = &mut self.format_renames
                        {
                            renames.push((name, hidden));
                        }
                        continue;
                    }
                    if let Some(id) = self.lookup_user_name(&name) {
                        self.bindings[id].format_captured = true;
                    }
                    self.use_name(&name, Ctx::Place);
                }
                None
            }
            _ => None,
        })
    }

    fn record_point(&mut self, index: usize) {
        let pos = self.tick();
        let mut in_scope = Vec::new();
        for frame in &self.frames {
            for &id in frame {
                in_scope.push(id);
            }
        }
        let in_scope = in_scope
            .iter()
            .map(|&id| {
                let name = &self.bindings[id].ident;
                let visible = self.lookup(&name.to_string()) == Some(id);
                (id, visible)
            })
            .collect();
        if let Some(slot) = self.points.get_mut(index) {
            *slot = Some(PointScope {
                pos,
                in_scope,
                loops: self
                    .loop_stack
                    .iter()
                    .copied()
                    .filter(|l| !self.exiting.contains(l))
                    .collect(),
                overwrites: None,
                arm: self.arm,
                returns_at: None,
                skips: Vec::new(),
            });
        }
    }

    /// How `value` is read where its type is visibly `Copy` (`copy`: it
    /// initialises a `let` of such a type, or a yield whose type the
    /// signature gives as such): a local there is `Copy` itself, and a
    /// field of one is copied out, leaving the value whole.
    fn copied_ctx(&mut self, value: &Expr, copy: bool) -> Ctx {
        if !copy {
            return Ctx::Move;
        }
        match strip_parens(value) {
            Expr::Field(_) => Ctx::Place,
            Expr::Path(path) => {
                if let Some(ident) = path.path.get_ident()
                    && let Some(id) = self.lookup_user_name(&ident.to_string())
                {
                    self.bindings[id].known_copy = true;
                }
                Ctx::Move
            }
            _ => Ctx::Move,
        }
    }

    #[allow(clippy::too_many_lines)] // one arm per expression kind
    fn walk_expr(&mut self, expr: &mut Expr, ctx: Ctx) {
        match expr {
            Expr::Macro(mac) => {
                if let Some(index) = marker::index_of_macro(mac) {
                    if index < self.operands.len() {
                        let placeholder = Expr::Verbatim(TokenStream::new());
                        let mut operand =
                            std::mem::replace(&mut self.operands[index].operand, placeholder);
                        // (The operand of a delegation or call point is the
                        // delegate, not a value of the yield type.)
                        let yields = self.operands[index].kind == PointKind::Yield;
                        let ctx = self.copied_ctx(&operand, yields && self.copy_yields);
                        self.walk_expr(&mut operand, ctx);
                        self.operands[index].operand = operand;
                    }
                    self.record_point(index);
                } else {
                    self.walk_macro(&mut mac.mac);
                }
            }
            Expr::Path(path) => {
                if path.qself.is_none()
                    && let Some(ident) = path.path.get_ident()
                    && let Some(mut hidden) = self.use_name(&ident.to_string(), ctx)
                {
                    hidden.set_span(ident.span());
                    path.path = hidden.into();
                }
            }
            Expr::Assign(e) => {
                let rebinding = match &*e.left {
                    Expr::Path(p) => p.path.get_ident().and_then(|name| {
                        let root = place_root(method_chain_root(&e.right))?;
                        (*name == root).then_some(root)
                    }),
                    _ => None,
                };
                let outer = std::mem::replace(&mut self.rebinding, rebinding);
                self.walk_expr(&mut e.right, Ctx::Move);
                self.rebinding = outer;
                // `x = …` and destructuring `(x, y) = …` give the names new
                // values; `v[i] = …` or `p.f = …` do not.
                let target = matches!(
                    &*e.left,
                    Expr::Path(_)
                        | Expr::Tuple(_)
                        | Expr::Paren(_)
                        | Expr::Array(_)
                        | Expr::Struct(_)
                );
                self.assign_target += usize::from(target);
                self.walk_expr(&mut e.left, Ctx::Place);
                self.assign_target -= usize::from(target);
                // `x = r#yield!(…)`, `x = f(x_moved, r#yield!(…))`: on
                // resuming, x gets a new value before anything reads it
                // (no use of x in the right side after the yield), so what
                // x holds at the yield is never read.
                if let Expr::Path(path) = &*e.left
                    && let Some(name) = path.path.get_ident()
                    && let Some(id) = self.lookup_user_name(&name.to_string())
                {
                    let assigned_at = self.bindings[id].uses.last().map_or(0, |u| u.pos);
                    // A `break`/`continue` out of the right side may skip
                    // the assignment (`x = match … { _ => { r#yield!(1);
                    // continue; } }`) and reach a read of the old value.
                    // (`return` and `?` leave the function: no read.)
                    let leaves_to_a_read = breaks_out(&e.right);
                    for index in markers_in(&e.right) {
                        let Some(Some(point)) = self.points.get(index) else {
                            continue;
                        };
                        let read_between = self.bindings[id]
                            .uses
                            .iter()
                            .any(|u| u.pos > point.pos && u.pos < assigned_at);
                        if !read_between
                            && !leaves_to_a_read
                            && let Some(Some(point)) = self.points.get_mut(index)
                        {
                            point.overwrites = Some((id, assigned_at));
                        }
                    }
                }
            }
            Expr::Binary(e) if matches!(e.op, syn::BinOp::And(_) | syn::BinOp::Or(_)) => {
                let (left, right) = (operand_ctx(&e.left), operand_ctx(&e.right));
                self.walk_expr(&mut e.left, left);
                // Evaluated only on some paths.
                let construct = self.construct();
                self.mark(Mark::Open(Region::Branch { fallthrough: true }));
                self.flow_arm(|w| {
                    w.in_arm(construct, 0, |w| w.walk_expr(&mut e.right, right));
                });
                self.mark(Mark::Close);
            }
            // A labeled block may be left part-way (`break 'b`): what comes
            // after it does not always follow what is inside it.
            Expr::Block(e) if e.label.is_some() => {
                let construct = self.construct();
                let label = e.label.as_ref().map(|l| l.name.ident.to_string());
                self.breakables.push((label, false, self.loop_stack.len()));
                let id = self.open_target(e.label.as_ref(), false);
                self.mark(Mark::Open(Region::Block { id }));
                self.in_arm(construct, 0, |w| w.walk_block(&mut e.block));
                self.mark(Mark::Close);
                self.flow_targets.pop();
                self.close_breakable();
            }
            Expr::Block(e) => self.walk_block(&mut e.block),
            Expr::Unsafe(e) => self.walk_block(&mut e.block),
            Expr::Const(e) => self.walk_block(&mut e.block),
            Expr::Break(e) => {
                let label = e.label.as_ref().map(|l| l.ident.to_string());
                let target = self.jump_target(label.as_deref());
                if let Some(value) = &mut e.expr {
                    let outer = self.exiting.len();
                    // What code after the operand never runs: up to the end
                    // of `target`, or of a nearer loop or block that a
                    // `break` in the operand leaves (code after it runs);
                    // nothing if a `continue` in it starts another turn of
                    // a loop inside `target`.
                    let mut skips_to = target;
                    if let Some(index) = target {
                        let mut depth = self.breakables[index].2.min(self.loop_stack.len());
                        // A `continue` in the operand starts another turn
                        // of a loop the `break` was leaving (and stays in
                        // every loop around that one); a `break` in it
                        // leaves a nearer loop or block only, staying in
                        // the loops around that one.
                        for (label, is_continue) in jumps_leaving(value, self.operands) {
                            if let Some(to) = self.jump_target(label.as_deref()) {
                                let stays = self.breakables[to].2 + usize::from(is_continue);
                                depth = depth.max(stays);
                                if to > index {
                                    skips_to = match skips_to {
                                        _ if is_continue => None,
                                        Some(nearest) => Some(nearest.max(to)),
                                        None => None,
                                    };
                                }
                            }
                        }
                        let left = self.loop_stack[depth.min(self.loop_stack.len())..].to_vec();
                        self.exiting.extend(left);
                    }
                    let start = self.pos;
                    self.walk_expr(value, Ctx::Move);
                    self.exiting.truncate(outer);
                    if let Some(index) = skips_to
                        && self.closures == 0
                    {
                        self.pending_breaks.push((index, start, self.pos));
                    }
                }
                let at = self.tick();
                self.jumps.push(Jump { at, leaves: target });
                if let Some(id) = self.flow_target(label.as_deref()) {
                    self.mark(Mark::Jump(Target::Break(id)));
                }
            }
            Expr::Continue(e) => {
                let label = e.label.as_ref().map(|l| l.ident.to_string());
                let target = self.jump_target(label.as_deref());
                let at = self.tick();
                self.jumps.push(Jump { at, leaves: target });
                if let Some(id) = self.flow_target(label.as_deref()) {
                    self.mark(Mark::Jump(Target::Continue(id)));
                }
            }
            // A local called (`f(r#yield!(x))`) is used when the call
            // happens, after its arguments: after a yield among them.
            Expr::Call(e) if matches!(strip_parens(&e.func), Expr::Path(_)) => {
                let start = self.pos;
                e.args.iter_mut().for_each(|a| self.walk_expr(a, Ctx::Move));
                let end = self.pos;
                // (The points the walk passed in the arguments, not another
                // walk of them: calls nest.)
                if self
                    .points
                    .iter()
                    .flatten()
                    .any(|point| start < point.pos && point.pos <= end)
                    && let Some(callee) =
                        place_root(&e.func).and_then(|name| self.lookup_user_name(&name))
                {
                    self.callees_around.push((callee, start, end));
                }
                self.walk_expr(&mut e.func, Ctx::Place);
            }
            Expr::Call(e) => {
                self.walk_expr(&mut e.func, Ctx::Place);
                e.args.iter_mut().for_each(|a| self.walk_expr(a, Ctx::Move));
            }
            Expr::Closure(closure) => {
                let is_move = closure.capture.is_some();
                if is_move {
                    self.force_move += 1;
                }
                let inputs = closure.inputs.clone();
                // A `return` in the body leaves the closure, not the body.
                self.closures += 1;
                // Its captures are taken where it is created: for the flow,
                // its body is code that runs there (no jump leaves it).
                self.flow_targets.push(None);
                // The body runs when the closure is called: an arm of its own.
                let construct = self.construct();
                self.in_arm(construct, 0, |w| {
                    w.in_frame(|w| {
                        for input in &inputs {
                            w.declare_pat(input, false, None, false);
                        }
                        w.walk_expr(&mut closure.body, Ctx::Move);
                    });
                });
                if is_move {
                    self.force_move -= 1;
                }
                self.flow_targets.pop();
                self.closures -= 1;
            }
            Expr::Async(e) => {
                let is_move = e.capture.is_some();
                if is_move {
                    self.force_move += 1;
                }
                // (A `return` or `?` in it leaves the block: for the flow,
                // code that runs where the block is made, as a closure's.)
                self.flow_targets.push(None);
                self.walk_block(&mut e.block);
                self.flow_targets.pop();
                if is_move {
                    self.force_move -= 1;
                }
            }
            // A field used by value: see `Use::field`.
            Expr::Field(e) => {
                self.field += 1;
                let member = first_member(e).map(|name| {
                    match self.members.iter().position(|m| *m == name) {
                        Some(index) => index,
                        None => {
                            self.members.push(name);
                            self.members.len() - 1
                        }
                    }
                });
                let outer = std::mem::replace(&mut self.member, member);
                self.walk_expr(&mut e.base, ctx);
                self.member = outer;
                self.field -= 1;
            }
            Expr::ForLoop(e) => {
                self.walk_expr(&mut e.expr, Ctx::Move);
                let pat = (*e.pat).clone();
                let range = is_range(&e.expr);
                let id = self.open_target(e.label.as_ref(), true);
                self.mark(Mark::Open(Region::Loop {
                    id,
                    conditional: true,
                }));
                self.mark(Mark::Body);
                // The body runs zero or more times: an arm of its own.
                let construct = self.construct();
                let start = self.tick();
                self.in_arm(construct, 0, |w| {
                    w.in_frame(|w| {
                        let first_new = w.bindings.len();
                        w.declare_pat(&pat, false, None, false);
                        if range {
                            // Items of a range are `Copy`.
                            w.mark_all_copy(first_new);
                        }
                        w.walk_block(&mut e.body);
                    });
                });
                // A loop of its own (no suspension point is in it: the
                // rewrite turned those into `loop`), for what a move in it
                // says: it repeats on every turn.
                let end = self.tick();
                self.mark(Mark::Close);
                self.flow_targets.pop();
                self.loops.push(LoopRange { start, end });
            }
            Expr::Group(e) => self.walk_expr(&mut e.expr, ctx),
            Expr::Paren(e) => self.walk_expr(&mut e.expr, ctx),
            Expr::If(e) => {
                let has_let = cond_has_let(&e.cond);
                let construct = self.construct();
                let fallthrough = e.else_branch.is_none();
                let then_branch = |w: &mut Self, block: &mut Block| {
                    w.mark(Mark::Open(Region::Branch { fallthrough }));
                    w.flow_arm(|w| w.in_arm(construct, 0, |w| w.walk_block(block)));
                };
                if has_let {
                    self.in_frame(|w| {
                        w.walk_expr(&mut e.cond, Ctx::Move);
                        then_branch(w, &mut e.then_branch);
                    });
                } else {
                    self.walk_expr(&mut e.cond, Ctx::Move);
                    then_branch(self, &mut e.then_branch);
                }
                if let Some((_, else_branch)) = &mut e.else_branch {
                    self.flow_arm(|w| {
                        w.in_arm(construct, 1, |w| w.walk_expr(else_branch, Ctx::Move));
                    });
                }
                self.mark(Mark::Close);
            }
            Expr::Let(e) => {
                // Only inside an `if` condition, whose frame is open.
                // (`if let Some(rest) = line.strip_prefix(p)`: `rest` is a
                // view into `line`.)
                let view = self.view_chain(&e.expr);
                self.walk_expr(&mut e.expr, Ctx::Move);
                let pat = (*e.pat).clone();
                let first_new = self.bindings.len();
                self.declare_pat(&pat, view.is_some(), view.flatten(), false);
                self.rename_in_pat(&mut e.pat, first_new);
            }
            Expr::Loop(e) => {
                let id = self.loops.len();
                let start = self.tick();
                self.loops.push(LoopRange { start, end: start });
                let label = e.label.as_ref().map(|l| l.name.ident.to_string());
                self.breakables.push((label, true, self.loop_stack.len()));
                self.loop_stack.push(id);
                let construct = self.construct();
                let flow_id = self.open_target(e.label.as_ref(), true);
                self.mark(Mark::Open(Region::Loop {
                    id: flow_id,
                    conditional: false,
                }));
                self.in_arm(construct, 0, |w| w.walk_block(&mut e.body));
                self.mark(Mark::Close);
                self.flow_targets.pop();
                self.loop_stack.pop();
                self.close_breakable();
                self.loops[id].end = self.tick();
            }
            Expr::While(e) => {
                // `while let` bindings live in the loop, not after it.
                let construct = self.construct();
                let id = self.open_target(e.label.as_ref(), true);
                self.mark(Mark::Open(Region::Loop {
                    id,
                    conditional: true,
                }));
                let start = self.tick();
                self.in_frame(|w| {
                    w.walk_expr(&mut e.cond, Ctx::Move);
                    w.mark(Mark::Body);
                    w.in_arm(construct, 0, |w| w.walk_block(&mut e.body));
                });
                // A loop of its own (no suspension point is in it: the
                // rewrite turned those into `loop`), for what a move in it
                // says: it repeats on every turn.
                let end = self.tick();
                self.mark(Mark::Close);
                self.flow_targets.pop();
                self.loops.push(LoopRange { start, end });
            }
            Expr::Match(e) => {
                // `match line.split_once(',')`: the bindings are views.
                let view = self.view_chain(&e.expr);
                self.walk_expr(&mut e.expr, Ctx::Move);
                // `match &place { … }` (a guard's view, see `desugar::guards`):
                // the bindings borrow the place.
                let borrow_of = match &*e.expr {
                    Expr::Reference(r) => place_root(&r.expr)
                        .and_then(|root| self.lookup_user_name(&root))
                        .map(|id| (id, r.and_token.span)),
                    _ => view.flatten(),
                };
                let is_ref = matches!(&*e.expr, Expr::Reference(_)) || view.is_some();
                let construct = self.construct();
                self.mark(Mark::Open(Region::Branch { fallthrough: false }));
                for (index, arm) in e.arms.iter_mut().enumerate() {
                    let pat = arm.pat.clone();
                    self.mark(Mark::Open(Region::Arm));
                    self.in_arm(construct, index, |w| {
                        w.in_frame(|w| {
                            let first_new = w.bindings.len();
                            w.declare_pat(&pat, is_ref, borrow_of, false);
                            w.rename_in_pat(&mut arm.pat, first_new);
                            if let Pat::Guard(guarded) = &mut arm.pat {
                                w.walk_expr(&mut guarded.guard, Ctx::Move);
                            }
                            w.walk_expr(&mut arm.body, Ctx::Move);
                        })
                    });
                    self.mark(Mark::Close);
                }
                self.mark(Mark::Close);
            }
            Expr::MethodCall(e) => {
                let name = e.method.to_string();
                let consuming = CONSUMING_PREFIXES.iter().any(|p| name.starts_with(p))
                    || CONSUMING_METHODS.contains(&name.as_str());
                let borrowing = BORROWING_PREFIXES.iter().any(|p| name.starts_with(p))
                    || BORROWING_METHODS.contains(&name.as_str())
                    || BORROWING_ITERATORS.contains(&name.as_str());
                // A method nothing is known about is taken to borrow: if it
                // consumes a value still in scope at a later yield, the
                // generator fails to compile (E0382) instead of dropping a
                // value early that the method only borrowed (a guard, a
                // temporary directory, a channel's sender). Storing the
                // result back under the receiver's name is the by-value
                // style, and is taken as consuming.
                let rebinds = self.rebinding.is_some()
                    && place_root(&e.receiver).is_some_and(|root| {
                        matches!(&*e.receiver, Expr::Path(_))
                            && self.rebinding.as_deref() == Some(root.as_str())
                    });
                let receiver = if consuming {
                    Ctx::Move
                } else if borrowing || !rebinds {
                    Ctx::Place
                } else {
                    Ctx::Receiver
                };
                // `x.wrapping_add(1)`: only `Copy` types have it (so
                // `x = x.wrapping_add(1)` in a loop may resume in place,
                // see `lower::inplace`).
                if integer_method(&name)
                    && let Expr::Path(path) = &*e.receiver
                    && let Some(ident) = path.path.get_ident()
                    && let Some(id) = self.lookup_user_name(&ident.to_string())
                {
                    self.bindings[id].known_copy = true;
                }
                self.walk_expr(&mut e.receiver, receiver);
                e.args.iter_mut().for_each(|a| self.walk_expr(a, Ctx::Move));
            }
            Expr::Return(e) => {
                if let Some(value) = &mut e.expr {
                    let start = self.pos;
                    self.walk_expr(value, Ctx::Move);
                    self.leaves_between(start, self.pos);
                }
                let at = self.tick();
                self.jumps.push(Jump { at, leaves: None });
                if !self.in_flow_barrier() {
                    self.mark(Mark::Jump(Target::Exit));
                }
            }
            Expr::Struct(e) => {
                for field in &mut e.fields {
                    let shorthand = field.colon_token.is_none();
                    let before =
                        matches!(&field.expr, Expr::Path(p) if p.path.get_ident().is_some());
                    // (`Rec { g: x, .. } = r;` assigns `x`.)
                    let ctx = if self.assign_target > 0 {
                        Ctx::Place
                    } else {
                        Ctx::Move
                    };
                    self.walk_expr(&mut field.expr, ctx);
                    // `S { x }` whose `x` was renamed becomes `S { x: hidden }`.
                    if shorthand
                        && before
                        && !matches!(&field.member, syn::Member::Named(m) if matches!(&field.expr, Expr::Path(p) if p.path.is_ident(m)))
                    {
                        field.colon_token = Some(Default::default());
                    }
                }
                if let Some(rest) = &mut e.rest {
                    self.walk_expr(rest, Ctx::Move);
                }
            }
            Expr::Try(e) => {
                self.walk_expr(&mut e.expr, Ctx::Move);
                let at = self.tick();
                self.jumps.push(Jump { at, leaves: None });
                if !self.in_flow_barrier() {
                    // Leaves on an error, goes on otherwise.
                    self.mark(Mark::Open(Region::Branch { fallthrough: true }));
                    self.flow_arm(|w| w.mark(Mark::Jump(Target::Exit)));
                    self.mark(Mark::Close);
                }
            }
            Expr::TryBlock(e) => {
                self.flow_targets.push(None);
                self.walk_block(&mut e.block);
                self.flow_targets.pop();
            }
            Expr::Yield(e) => {
                if let Some(value) = &mut e.expr {
                    self.walk_expr(value, Ctx::Move);
                }
            }
            Expr::Verbatim(tokens) => *tokens = self.walk_tokens(std::mem::take(tokens), Ctx::Move),
            // The kinds that evaluate their operands in order and do
            // nothing else the walk must see: `[a, b]`, `(a, b)`, `a + b`,
            // `a == b`, `a += b`, `v[i]`, `n as u64`, `a..b`, `&x`,
            // `&raw const x`, `[x; N]`, `f.await`, `-n`, `*p`.
            _ => {
                // (`(x, _) = t;` and `[x, _] = a;` assign `x`.)
                let destructured =
                    self.assign_target > 0 && matches!(expr, Expr::Tuple(_) | Expr::Array(_));
                for (operand, kind) in operands_mut(expr).into_iter().flatten() {
                    let ctx = match kind {
                        Operand::Value if destructured => Ctx::Place,
                        Operand::Value => Ctx::Move,
                        Operand::Operator => operand_ctx(operand),
                        Operand::Place => Ctx::Place,
                    };
                    self.walk_expr(operand, ctx);
                }
            }
        }
    }
}

/// The suspension points (markers) inside `expr`.
/// Does `expr` hold a `break` or `continue` to a loop or labeled block
/// outside it?
/// `name = …` among a formatting macro's arguments: `{name}` is that
/// argument, not a captured binding.
fn names_argument(tokens: &TokenStream, name: &str) -> bool {
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    trees.windows(3).any(|w| {
        matches!(&w[0], TokenTree::Punct(p) if p.as_char() == ',')
            && matches!(&w[1], TokenTree::Ident(i) if i == name)
            && matches!(&w[2], TokenTree::Punct(p) if p.as_char() == '=' && p.spacing() == proc_macro2::Spacing::Alone)
    })
}

/// The first field of the place `e` when it is one rooted at a name
/// (`f` for `p.f.g`, `(p.f).g`, `p.0`), else `None` (`make(p).f`).
fn first_member(e: &syn::ExprField) -> Option<String> {
    let mut member = &e.member;
    let mut base = strip_parens(&e.base);
    while let Expr::Field(inner) = base {
        member = &inner.member;
        base = strip_parens(&inner.base);
    }
    let Expr::Path(path) = base else {
        return None;
    };
    path.path.get_ident()?;
    Some(match member {
        syn::Member::Named(name) => name.to_string(),
        syn::Member::Unnamed(index) => index.index.to_string(),
    })
}

/// How an operator reads its operand: a field (`p.n + 1`, `p.n as u64`,
/// `0..p.len`) is read, which for the operators' usual `Copy` operands
/// leaves the value whole; anything else is a value moved in. (A field of
/// a type that is not `Copy` moved by an operator, `p.s + "x"`, leaves `p`
/// partly moved: saving it then fails to compile, where assuming it moved
/// would have dropped its other fields early.)
fn operand_ctx(expr: &Expr) -> Ctx {
    match expr {
        Expr::Field(_) => Ctx::Place,
        Expr::Path(_) => Ctx::Operand,
        Expr::Paren(p) => operand_ctx(&p.expr),
        Expr::Group(g) => operand_ctx(&g.expr),
        _ => Ctx::Move,
    }
}

/// A block whose last statement is `return …` (the `else` of a `let …
/// else` usually is).
fn ends_in_return(expr: &Expr) -> bool {
    match expr {
        Expr::Block(b) => b.block.stmts.last().is_some_and(|stmt| match stmt {
            Stmt::Expr(e, _) => matches!(e, Expr::Return(_)) || ends_in_return(e),
            _ => false,
        }),
        _ => false,
    }
}

/// `x` in `let x = x.m(…)…` (also `let mut x: T = …`): a binding that
/// takes over the value of the one it shadows.
fn rebound_name(pat: &Pat, init: &Expr) -> Option<String> {
    let ident = match pat {
        Pat::Ident(p) if p.subpat.is_none() => &p.ident,
        Pat::Type(t) => match &*t.pat {
            Pat::Ident(p) if p.subpat.is_none() => &p.ident,
            _ => return None,
        },
        _ => return None,
    };
    let root = method_chain_root(init);
    let Expr::Path(path) = root else { return None };
    path.path
        .get_ident()
        .filter(|name| *name == ident)
        .map(ToString::to_string)
}

/// The `continue`s and `break`s in `expr` (and in the operands of the
/// yields in it, given `operands`) that go to a loop or block around it:
/// their labels (`None`: the innermost loop), and `true` for a `continue`.
fn jumps_leaving(expr: &Expr, operands: &[YieldPoint]) -> Vec<(Option<String>, bool)> {
    struct Out<'a> {
        operands: &'a [YieldPoint],
        loops: usize,
        labels: Vec<String>,
        found: Vec<(Option<String>, bool)>,
    }
    impl Out<'_> {
        fn jump(&mut self, label: Option<&syn::Lifetime>, is_continue: bool) {
            match label {
                None if self.loops == 0 => self.found.push((None, is_continue)),
                Some(l) if !self.labels.contains(&l.ident.to_string()) => {
                    self.found.push((Some(l.ident.to_string()), is_continue));
                }
                _ => {}
            }
        }
    }
    impl<'ast> syn::visit::Visit<'ast> for Out<'_> {
        fn visit_expr(&mut self, expr: &'ast Expr) {
            let label = match expr {
                Expr::Loop(e) => e.label.as_ref(),
                Expr::While(e) => e.label.as_ref(),
                Expr::ForLoop(e) => e.label.as_ref(),
                Expr::Block(e) => e.label.as_ref(),
                _ => None,
            };
            match expr {
                Expr::Continue(c) => self.jump(c.label.as_ref(), true),
                Expr::Break(b) => self.jump(b.label.as_ref(), false),
                Expr::Closure(_) | Expr::Async(_) => return,
                Expr::Macro(mac) => {
                    if let Some(point) =
                        marker::index_of_macro(mac).and_then(|i| self.operands.get(i))
                    {
                        let operand = point.operand.clone();
                        self.visit_expr(&operand);
                    }
                    return;
                }
                _ => {}
            }
            // (A `for` loop's iterator runs outside the loop.)
            if let Expr::ForLoop(f) = expr {
                self.visit_expr(&f.expr);
            }
            let is_loop = matches!(expr, Expr::Loop(_) | Expr::While(_) | Expr::ForLoop(_));
            if let Some(label) = label {
                self.labels.push(label.name.ident.to_string());
            }
            self.loops += usize::from(is_loop);
            match expr {
                Expr::ForLoop(f) => self.visit_block(&f.body),
                _ => syn::visit::visit_expr(self, expr),
            }
            self.loops -= usize::from(is_loop);
            if label.is_some() {
                self.labels.pop();
            }
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut out = Out {
        operands,
        loops: 0,
        labels: Vec::new(),
        found: Vec::new(),
    };
    syn::visit::Visit::visit_expr(&mut out, expr);
    out.found
}

/// Does `expr` hold a `break` or `continue` that leaves it?
fn breaks_out(expr: &Expr) -> bool {
    !jumps_leaving(expr, &[]).is_empty()
}

fn markers_in(expr: &Expr) -> Vec<usize> {
    struct Collect(Vec<usize>);
    impl<'ast> syn::visit::Visit<'ast> for Collect {
        fn visit_macro(&mut self, mac: &'ast syn::Macro) {
            if let Some(index) = marker::index_of_mac(mac) {
                self.0.push(index);
            }
        }
    }
    let mut collect = Collect(Vec::new());
    syn::visit::Visit::visit_expr(&mut collect, expr);
    collect.0
}

/// The value an unlabeled block evaluates to: its tail expression, through
/// nested blocks (`{ let h = …; vpush(h, x) }`, as `desugar::hoist` writes
/// an initialiser whose operands it hoisted). Anything else is itself.
fn block_tail(expr: &Expr) -> &Expr {
    match expr {
        Expr::Block(block) if block.label.is_none() => match block.block.stmts.last() {
            Some(syn::Stmt::Expr(tail, None)) => block_tail(tail),
            _ => expr,
        },
        _ => expr,
    }
}

/// A value made by the expression, which `&` then borrows as a temporary
/// (`&compute()`, `&v.len()`, `&format!(…)`), and which rustc does not
/// promote to a `'static` constant: not a place, not a literal, not a
/// constructor of literals (`&Some(5)`, `&[1, 2]` are promoted).
fn is_temporary(expr: &Expr) -> bool {
    const LITERAL_MACROS: &[&str] = &[
        "concat",
        "stringify",
        "line",
        "column",
        "file",
        "env",
        "option_env",
        "include_str",
        "include_bytes",
        "module_path",
    ];
    let literal = |e: &Expr| {
        matches!(strip_parens(e), Expr::Lit(_))
            || matches!(strip_parens(e), Expr::Unary(u) if matches!(&*u.expr, Expr::Lit(_)))
    };
    match strip_parens(expr) {
        Expr::MethodCall(_) => true,
        Expr::Call(call) => {
            // `Some(5)`, `Point(1, 2)`: a constructor (by the naming
            // convention) of literals.
            let constructor = matches!(&*call.func, Expr::Path(p)
            if p.path.segments.last().is_some_and(|s| {
                s.ident.to_string().starts_with(|c: char| c.is_ascii_uppercase())
            }));
            !(constructor && call.args.iter().all(literal))
        }
        Expr::Macro(m) => !m
            .mac
            .path
            .segments
            .last()
            .is_some_and(|s| LITERAL_MACROS.contains(&s.ident.to_string().as_str())),
        Expr::Struct(e) => !e.fields.iter().all(|f| literal(&f.expr)),
        _ => false,
    }
}
