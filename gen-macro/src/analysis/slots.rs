//! Storage decisions: which bindings each suspension point saves, from the
//! uses the scope walk recorded (`analysis::scope`), and whether the saved
//! values may stay in the state while the loops around the point run.
//!
//! A binding in scope at a yield is saved when it is used after the yield,
//! or when it cannot have been moved before it (so values with destructors
//! are dropped when their scope ends, as in a plain function). A binding
//! that may have been moved and is not used again is left out: it no longer
//! holds a value on the paths where it was moved.

use std::collections::HashMap;

use proc_macro2::Span;
use quote::format_ident;
use syn::{Block, Ident, Pat};

use crate::analysis::flow::{INIT, MAYBE, UNINIT};
use crate::analysis::scope::{Binding, BindingId, LoopRange, PointScope, Use, Walker};
use crate::error::Diagnostics;
use crate::marker::{PointKind, YieldPoint};
use crate::syntax::{copy_bindings, type_is_known_copy};

/// What the analysis decided about one suspension point (the point itself,
/// its kind, span and operand, is `marker::YieldPoint`).
#[derive(Clone, Default)]
pub(crate) struct PointFacts {
    /// The bindings it saves, in declaration order.
    pub(crate) saves: Vec<BindingId>,
    /// Whether its saved values may stay in the state while the loops
    /// around it run (see `lower::inplace`): the point is in a loop, every
    /// saved binding was declared before the outermost one, and each is
    /// only used in place or is visibly `Copy`.
    pub(crate) in_place: bool,
    /// Whether what it saves is what the innermost loop around it holds at
    /// its head (see `lower::entry`): every saved binding was declared
    /// before that loop, with a value, and is not moved before it (unless
    /// visibly `Copy`).
    pub(crate) saves_loop_head: bool,
    /// Bindings in scope there that are not saved but get a value after it
    /// (`let x; … x = r#yield!(…)`, or moved before the point and assigned
    /// again after it): the resumed code declares them again, without a
    /// value.
    pub(crate) redeclared: Vec<BindingId>,
    /// No path from the start reaches it (it follows a `break`, `continue`
    /// or `return` in its block, or a loop that never ends): the lowering
    /// emits no suspension and no arm there.
    pub(crate) unreachable: bool,
    /// A self-call that is the last thing the body does and saves nothing:
    /// the callee replaces this frame (`Step::TailCall`, see
    /// [`plan_tail_calls`]).
    pub(crate) tail_call: bool,
}

/// Marks the self-calls (`yield_from!(name(…))`) that are the last thing
/// `body` does, on whichever branch leads to them, and save nothing: the
/// caller has nothing left to run or to drop, and its return value is the
/// callee's, so the runtime runs the callee in the caller's place
/// (`Step::TailCall`), as a tail call. A walk recursing into its last
/// child then keeps no frame per level for it. Not with `throw`, where an
/// error the callee does not catch is handed back to the caller's frame.
pub(crate) fn plan_tail_calls(
    analysis: &mut Analysis,
    points: &[YieldPoint],
    body: &Block,
    throw_declared: bool,
) {
    if throw_declared {
        return;
    }
    for (index, facts) in analysis.facts.iter_mut().enumerate() {
        facts.tail_call = points[index].kind == PointKind::Call
            && facts.saves.is_empty()
            && crate::marker::ends_with(body, index);
    }
}

pub(crate) struct Analysis {
    pub(crate) bindings: Vec<Binding>,
    /// For each suspension point, in the order of `marker`'s numbers.
    pub(crate) facts: Vec<PointFacts>,
    /// Temporary names given to bindings that hide, at a yield, another
    /// binding still needed after it; the expansion turns each back into the
    /// user's name with its own (mixed-site) hygiene.
    pub(crate) hidden_names: HashMap<String, Ident>,
    /// Bindings a suspension point does not save because a move before it
    /// may have taken their value, while on another path to it nothing did
    /// (`if give { sink.push(a); } r#yield!(1);`): a plain function drops
    /// such a value at the end of its scope on the path where it was not
    /// moved (a drop flag). The expansion declares them as `DropFlag`s
    /// (see `desugar::flags`) and analyses the body again. Each is its
    /// declaring identifier (whose span tells it from others of its name).
    pub(crate) needs_flag: Vec<Ident>,
    /// Saved bindings that no code reads after any point that saves them,
    /// and none assigns: kept only to be dropped where their scope ends, as
    /// a plain function drops them. Each is saved through
    /// `__private::Keep` (see gen-runtime's `keep.rs`), which keeps nothing
    /// of a value without a destructor, so that a dead borrow of another
    /// saved value (`if let Some(rest) = line.strip_prefix('#')`) does not
    /// tie the state to itself. Sorted.
    pub(crate) kept_for_drop: Vec<BindingId>,
    /// Join points (see `desugar::joins`) that cannot save what is live
    /// there (a borrow of a local): the expansion does without them.
    pub(crate) refused_joins: Vec<usize>,
}

/// How an argument enters the body.
pub(crate) enum ArgBinding<'a> {
    /// `x: T`, `mut x: T` or a receiver: one binding.
    Ident {
        ident: Ident,
        mutable: bool,
        is_ref: bool,
        ty: Option<&'a syn::Type>,
    },
    /// `(a, b): (T, U)`: the pattern's bindings.
    Pattern { pat: &'a Pat, ty: &'a syn::Type },
}

pub(crate) fn analyze(
    args: &[ArgBinding<'_>],
    whole: &[String],
    copy_yields: bool,
    body: &mut Block,
    points: &mut [YieldPoint],
    cx: &mut Diagnostics,
) -> Analysis {
    // A binding hidden at a yield by an inner binding of the same name, and
    // needed after it, cannot be saved by name there. Such inner bindings are
    // renamed (and the walk repeated) until every saved value is nameable.
    let mut renames: HashMap<BindingId, (Ident, Ident)> = HashMap::new();
    let mut round = 0;
    // Each round walks the body as it came in: a walk writes its renames
    // into the body, and the next round resolves names as the user wrote
    // them (a token already renamed would name no binding; seed 1003850).
    // The first round, with no renames, leaves the body as it is.
    let mut unrenamed: Option<(Block, Vec<YieldPoint>)> = None;
    loop {
        round += 1;
        match &unrenamed {
            Some((original_body, original_points)) => {
                body.clone_from(original_body);
                points.clone_from_slice(original_points);
            }
            None if round > 1 => unrenamed = Some((body.clone(), points.to_vec())),
            None => {}
        }
        let mut local_cx = Diagnostics::default();
        let (analysis, conflicts) = analyze_once(
            args,
            whole,
            copy_yields,
            body,
            points,
            &renames,
            &mut local_cx,
        );
        let fresh: Vec<(BindingId, Ident)> = conflicts
            .into_iter()
            .filter(|(id, _)| !renames.contains_key(id))
            .collect();
        if fresh.is_empty() || round == 4 {
            cx.extend(local_cx);
            return analysis;
        }
        for (id, original) in fresh {
            let hidden = format_ident!(
                "{}_shadow_{}",
                original.to_string().trim_start_matches("r#"),
                id
            );
            renames.insert(id, (original, hidden));
        }
    }
}

type Conflicts = Vec<(BindingId, Ident)>;

/// What `saves_to_fixpoint` decided.
struct Saves {
    /// For each point, the bindings it saves.
    sets: Vec<Vec<BindingId>>,
    conflicts: Conflicts,
    refused_joins: Vec<usize>,
    /// For each point, those of its saved bindings nothing reads after it
    /// but later saves.
    only_dropped: Vec<Vec<BindingId>>,
}

fn analyze_once(
    args: &[ArgBinding<'_>],
    whole: &[String],
    copy_yields: bool,
    body: &mut Block,
    points: &mut [YieldPoint],
    renames: &HashMap<BindingId, (Ident, Ident)>,
    cx: &mut Diagnostics,
) -> (Analysis, Conflicts) {
    let mut walker = Walker {
        bindings: Vec::new(),
        frames: vec![Vec::new()],
        loops: Vec::new(),
        loop_stack: Vec::new(),
        breakables: Vec::new(),
        exiting: Vec::new(),
        pending_breaks: Vec::new(),
        points: points.iter().map(|_| None).collect(),
        operands: points,
        renames,
        whole,
        copy_yields,
        field_inits: Vec::new(),
        pos: 0,
        force_move: 0,
        rebinding: None,
        closures: 0,
        field: 0,
        member: None,
        members: Vec::new(),
        format_renames: None,
        assign_target: 0,
        arm_paths: vec![Vec::new()],
        arm: 0,
        constructs: 0,
        jumps: Vec::new(),
        break_operands: Vec::new(),
        range_iterators: Vec::new(),
        named_args: Vec::new(),
        callees_around: Vec::new(),
        marks: Vec::new(),
        flow: Default::default(),
        live_after: Vec::new(),
        flow_targets: Vec::new(),
        flow_regions: 0,
    };
    for (index, arg) in args.iter().enumerate() {
        match arg {
            ArgBinding::Ident {
                ident,
                mutable,
                is_ref,
                ty,
            } => {
                let id = walker.declare(ident.clone(), *mutable, false);
                walker.named_args.push((id, index));
                walker.bindings[id].is_ref = *is_ref;
                walker.bindings[id].holds_value = !*is_ref && ty.is_some();
                walker.bindings[id].known_copy = ty.is_some_and(type_is_known_copy);
            }
            ArgBinding::Pattern { pat, ty } => {
                let first_new = walker.bindings.len();
                walker.declare_pat(pat, false, None, false);
                walker.mark_known_copy(first_new, copy_bindings(pat, Some(ty), None));
            }
        }
    }
    walker.walk_block(body);
    walker.infer_copy_from_loops();
    walker.copies_through_lets();
    walker.flow = crate::analysis::flow::analyze(&walker);
    // (A development aid, read once: see `check_flow`.)
    let check_flow = std::env::var_os("GEN_FLOW_CHECK").is_some();

    let saved_sets = walker.saves_to_fixpoint(cx);
    let mut refused_joins = saved_sets.refused_joins;
    // Kept for its drop alone where every point that saves it keeps it so.
    let mut kept_for_drop: Vec<BindingId> = saved_sets.only_dropped.concat();
    kept_for_drop.sort_unstable();
    kept_for_drop.dedup();
    // (Not a closure: method resolution would have to know whether it is
    // `Copy` before rustc has worked out what it captures.)
    kept_for_drop.retain(|&id| {
        !walker.bindings[id].closure
            && saved_sets
                .sets
                .iter()
                .zip(&saved_sets.only_dropped)
                .all(|(saved, dropped)| !saved.contains(&id) || dropped.contains(&id))
    });
    let mut facts = Vec::with_capacity(walker.points.len());
    let mut needs_flag: Vec<BindingId> = Vec::new();
    for (index, (point, saved)) in walker.points.iter().zip(saved_sets.sets).enumerate() {
        let Some(point) = point else {
            // A marker the walk never reached cannot be lowered either; the
            // lowering reports it.
            facts.push(PointFacts::default());
            continue;
        };
        // A call moves the whole frame onto the stack anyway, and a
        // hand-off point is passed once per delegation: no gain in resuming
        // either in place.
        // (Nor a join point, passed once per jump.)
        let hands_over_frame = walker.operands[index].kind != PointKind::Yield;
        let in_place = !hands_over_frame && walker.can_stay_in_place(point, &saved);
        let saves_loop_head = !hands_over_frame && walker.saves_loop_head(point, &saved);
        let redeclared = walker.assigned_after(point, &saved);
        let flagged = walker.needs_flag_at(index, point, &saved);
        if check_flow {
            walker.check_flow(index, point, &saved, &flagged);
        }
        for id in flagged {
            if !needs_flag.contains(&id) {
                needs_flag.push(id);
            }
        }
        let unreachable = walker.flow.at_points[index].is_none();
        facts.push(PointFacts {
            saves: saved,
            in_place,
            saves_loop_head,
            redeclared,
            unreachable,
            tail_call: false,
        });
    }
    refused_joins.extend(walker.needless_joins(&facts));
    refused_joins.sort_unstable();
    refused_joins.dedup();
    let conflicts = saved_sets.conflicts;
    // Mixed-site hygiene gives one more context per name, not one per
    // binding: only the first renamed binding of each name gets its name
    // back; further ones keep their hidden names.
    let mut ordered: Vec<_> = renames.iter().collect();
    ordered.sort_by_key(|(id, _)| **id);
    let mut restored: Vec<String> = Vec::new();
    let mut hidden_names = HashMap::new();
    for (_, (original, hidden)) in ordered {
        let name = original.to_string();
        if !restored.contains(&name) {
            restored.push(name);
            hidden_names.insert(hidden.to_string(), original.clone());
        }
    }
    let needs_flag = needs_flag
        .iter()
        // The flag pass rewrites the body as the user wrote it, before
        // shadowing bindings were renamed.
        .map(|&id| match renames.get(&id) {
            Some((original, _)) => original.clone(),
            None => walker.bindings[id].ident.clone(),
        })
        .collect();
    let analysis = Analysis {
        kept_for_drop,
        needs_flag,
        refused_joins,
        bindings: walker.bindings,
        facts,
        hidden_names,
    };
    (analysis, conflicts)
}

impl Walker<'_> {
    /// The bindings that need a drop flag at point `index`: those the
    /// positional reasoning finds moved on some paths (`moved_on_some_paths`)
    /// and the initialisation flow does not find moved on every path, and
    /// those the flow finds moved on some paths only, by a move the
    /// positional reasoning does not follow (a `match` arm that moves it,
    /// when the yield comes after the `match`). Not for a value only an
    /// operator moves (`a % 1000`: nearly always a `Copy` number, where a
    /// flag would cost a check on every use), nor the builder style
    /// `x = x.step()` the flag pass does not rewrite.
    fn needs_flag_at(
        &self,
        index: usize,
        point: &PointScope,
        saved: &[BindingId],
    ) -> Vec<BindingId> {
        let flow = &self.flow;
        let mut flagged = self.moved_on_some_paths(point, saved);
        flagged.retain(|&id| flow.at(index, id) != UNINIT);
        for &(id, _) in &point.in_scope {
            let binding = &self.bindings[id];
            let maybe = flow.at(index, id) == MAYBE
                && !saved.contains(&id)
                && !binding.is_ref
                && !binding.known_copy
                && !flow.copies[id]
                && !binding.uses.iter().any(|u| u.receiver)
                && binding
                    .uses
                    .iter()
                    .any(|u| !u.operator && !u.by_save && !u.assigning && self.moves(binding, u));
            if maybe && !flagged.contains(&id) {
                flagged.push(id);
            }
        }
        flagged
    }

    /// Where the drop flags decided (`needs_flag_at`) differ from the
    /// flow's "maybe moved", and any save of a value the flow finds holding
    /// none (development aid: `GEN_FLOW_CHECK=1`).
    fn check_flow(
        &self,
        index: usize,
        point: &PointScope,
        saved: &[BindingId],
        flagged: &[BindingId],
    ) {
        let flow = &self.flow;
        let all = std::env::var_os("GEN_FLOW_ALL").is_some();
        let (file, line, _) = crate::spans::source_location(self.operands[index].span);
        for &(id, _) in &point.in_scope {
            let binding = &self.bindings[id];
            let state = flow.at(index, id);
            let copy = binding.known_copy || flow.copies[id];
            let says_flag = state == MAYBE && !binding.is_ref && !copy && !saved.contains(&id);
            let name = &binding.ident;
            let what = match state {
                INIT => "init",
                UNINIT => "uninit",
                MAYBE => "maybe",
                _ => "unreached",
            };
            if all {
                eprintln!(
                    "FLOWALL {file}:{line} point {index} `{name}`: {what} copy {copy} ref {} saved {} flagged {}",
                    binding.is_ref,
                    saved.contains(&id),
                    flagged.contains(&id)
                );
            }
            if says_flag != flagged.contains(&id) {
                eprintln!(
                    "FLOWCHECK {file}:{line} point {index} `{name}`: flow {what} (copy {copy}), flagged {}",
                    flagged.contains(&id)
                );
            }
            if state == UNINIT && saved.contains(&id) && !binding.is_ref {
                eprintln!("FLOWCHECK {file}:{line} point {index} `{name}`: flow uninit, saved");
            }
        }
    }

    /// Join points that no saved binding is declared (or, declared without
    /// a value, assigned) after, before the next suspension point: the code they would give one definition
    /// defines nothing a state holds (see `desugar::joins`).
    fn needless_joins(&self, facts: &[PointFacts]) -> Vec<usize> {
        let positions: Vec<usize> = self.points.iter().flatten().map(|p| p.pos).collect();
        (0..self.points.len())
            .filter(|&index| self.operands[index].kind == PointKind::Join)
            .filter(|&index| {
                let Some(join) = &self.points[index] else {
                    return false;
                };
                let next = positions
                    .iter()
                    .copied()
                    .filter(|&pos| pos > join.pos)
                    .min()
                    .unwrap_or(usize::MAX);
                // (Or given its value there: `g = move |v| …;` for a
                // `let g;` declared before.)
                !facts.iter().flat_map(|f| &f.saves).any(|&id| {
                    let binding = &self.bindings[id];
                    let between = |pos: usize| join.pos < pos && pos < next;
                    between(binding.decl_pos)
                        || (binding.no_init
                            && binding.uses.iter().any(|u| u.assigning && between(u.pos)))
                })
            })
            .collect()
    }

    /// The bindings in scope at `point` (also hidden ones: the flag pass
    /// follows the shadowing), not saved there, that only some paths to it
    /// moved: every move before it sits in a branch that does
    /// not enclose it, and nothing uses the binding after a move on the
    /// same path (which would make it `Copy`, no drop to keep).
    fn moved_on_some_paths(&self, point: &PointScope, saved: &[BindingId]) -> Vec<BindingId> {
        point
            .in_scope
            .iter()
            .filter(|&&(id, _)| !saved.contains(&id))
            .map(|&(id, _)| id)
            .filter(|&id| {
                let binding = &self.bindings[id];
                if binding.is_ref || binding.known_copy {
                    return false;
                }
                if binding.no_init {
                    return self.assigned_on_some_paths(binding, point);
                }
                let moves: Vec<&Use> = binding
                    .uses
                    .iter()
                    .filter(|u| self.moves(binding, u) && !u.by_save)
                    .collect();
                let before: Vec<&&Use> = moves
                    .iter()
                    .filter(|u| !u.operator)
                    .filter(|u| {
                        u.pos < point.pos
                            && u.may_move_on(point.pos)
                            && self.on_one_path(u.arm, point.arm)
                            && !self.given_back(binding, u, point.pos)
                    })
                    .collect();
                !before.is_empty()
                    && before.iter().all(|u| !self.encloses(u.arm, point.arm))
                    && !binding.uses.iter().any(|u| u.receiver || u.assigning)
                    && moves.iter().all(|m| {
                        !binding.uses.iter().any(|u| {
                            u.pos > m.pos
                                && m.may_move_on(u.pos)
                                && !u.by_save
                                && self.on_one_path(m.arm, u.arm)
                        })
                    })
                    // Moved in a loop the binding is older than: the move
                    // repeats, so the value is `Copy`. (Not in the operand
                    // of a `break` that leaves the loop, the innermost one
                    // around the move or one further out: that runs once.)
                    && !moves.iter().any(|m| {
                        self.loops.iter().any(|l| {
                            l.start > binding.decl_pos
                                && l.start <= m.pos
                                && m.pos <= l.end
                                && m.skips.is_none_or(|(_, to)| to + 1 < l.end)
                                && !self.break_operands.iter().any(|&(start, at, to)| {
                                    start < m.pos
                                        && m.pos <= at
                                        && l.start <= start
                                        && to + 1 >= l.end
                                })
                        })
                    })
            })
            .collect()
    }

    /// `u` may take the value out of `binding` (see `Use::field` for a
    /// field used by value).
    pub(super) fn moves(&self, binding: &Binding, u: &Use) -> bool {
        u.may_move()
            && !(u.field && self.whole.iter().any(|name| binding.ident == name))
            && !(u.field
                && binding.uses.iter().any(|w| {
                    !w.field
                        && !w.by_save
                        && !w.assigning
                        && w.pos > u.pos
                        && self.on_one_path(u.arm, w.arm)
                }))
    }

    /// After the move `moved`, an assignment gives `binding` a value again
    /// before `until` on every path: it follows the move in the same arms
    /// or an enclosing one, with no jump in between (`drop(b); b = new();`).
    fn given_back(&self, binding: &Binding, moved: &Use, until: usize) -> bool {
        binding.uses.iter().any(|a| {
            a.assigning
                && moved.pos < a.pos
                && a.pos < until
                && self.encloses(a.arm, moved.arm)
                && !self.jumps.iter().any(|j| moved.pos < j.at && j.at < a.pos)
        })
    }

    /// `let x;` given a value before `point` on every path to it: an
    /// assignment in the arms the point is in (or enclosing ones), before
    /// it. (The assignment of a loop that ends before the point is in an
    /// arm of its own: not counted.)
    fn assigned_before(&self, binding: &Binding, point: &PointScope) -> bool {
        binding.uses.iter().any(|a| {
            a.assigning && !a.by_save && a.pos < point.pos && self.encloses(a.arm, point.arm)
        })
    }

    /// `let g; if c { g = guard(); } r#yield!(0);`: a binding declared
    /// without a value that holds one at `point` on some paths only. The
    /// plain function drops it (if it holds one) at its next assignment or
    /// at the end of its scope, through its drop flag; without a flag the
    /// generator could only drop it when it suspends.
    fn assigned_on_some_paths(&self, binding: &Binding, point: &PointScope) -> bool {
        let assigned_earlier = binding.uses.iter().any(|a| {
            a.assigning && !a.by_save && a.pos < point.pos && self.on_one_path(a.arm, point.arm)
        });
        assigned_earlier && !self.assigned_before(binding, point)
    }

    /// The bindings visible at `point`, not saved there, that are assigned
    /// after it (or in a loop around it, declared before that loop).
    fn assigned_after(&self, point: &PointScope, saved: &[BindingId]) -> Vec<BindingId> {
        point
            .in_scope
            .iter()
            .filter(|&&(id, visible)| visible && !saved.contains(&id))
            .map(|&(id, _)| id)
            .filter(|&id| {
                let binding = &self.bindings[id];
                let in_loop =
                    |u: &Use| {
                        point.loops.iter().map(|&l| self.loops[l]).any(|l| {
                            l.start > binding.decl_pos && l.start <= u.pos && u.pos <= l.end
                        })
                    };
                binding
                    .uses
                    .iter()
                    .any(|u| u.assigning && (u.pos > point.pos || in_loop(u)))
            })
            .collect()
    }

    /// `id` is needed after `point` but hidden there by inner bindings of the
    /// same name: those get hidden names in the next round of the analysis,
    /// unless a format string captures one by name (`"{x}"` would then read
    /// the outer value).
    fn hidden_at_yield(
        &self,
        id: BindingId,
        point: &PointScope,
        live: bool,
        conflicts: &mut Conflicts,
        cx: &mut Diagnostics,
    ) {
        let name = self.user_name(id);
        for &(other, _) in &point.in_scope {
            if other <= id || self.user_name(other) != name {
                continue;
            }
            let hider = &self.bindings[other];
            if hider.format_captured {
                // Not renamed. A value only kept for its drop is then dropped
                // when the generator suspends; one used later cannot be saved.
                if !live {
                    return;
                }
                cx.error(
                    self.bindings[id].ident.span(),
                    format!(
                        "`{name}` is hidden at a `r#yield!` by another `{name}` that a format string captures (`{{{name}}}`), and used again after it; rename one of the two bindings"
                    ),
                );
                return;
            }
            conflicts.push((
                other,
                self.renames
                    .get(&other)
                    .map_or_else(|| hider.ident.clone(), |(o, _)| o.clone()),
            ));
        }
    }

    /// The bindings each point saves, and the hidden ones that need new
    /// names. Saves feed each other: a value saved at one point must hold a
    /// value at every point from which that one is reached, so each save
    /// counts as a read of the binding where it is (`Use::by_save`), and the
    /// decisions are repeated until no point saves more. Reads only make a
    /// binding live at more points, so the sets only grow, and this stops.
    fn saves_to_fixpoint(&mut self, cx: &mut Diagnostics) -> Saves {
        loop {
            self.live_after = crate::analysis::flow::live_after(self);
            let mut round_cx = Diagnostics::default();
            let mut conflicts = Vec::new();
            let mut refused = Vec::new();
            let mut only_dropped = vec![Vec::new(); self.points.len()];
            let sets: Vec<Vec<BindingId>> = self
                .points
                .iter()
                .enumerate()
                .map(|(index, point)| match point {
                    // What a join point cannot save is not the user's
                    // error: the join point goes instead.
                    Some(point) if self.operands[index].kind == PointKind::Join => {
                        let mut join_cx = Diagnostics::default();
                        let saved = self.saved_at(
                            index,
                            point,
                            self.operands[index].span,
                            &mut conflicts,
                            &mut only_dropped[index],
                            &mut join_cx,
                        );
                        if !join_cx.is_empty() {
                            refused.push(index);
                        }
                        saved
                    }
                    Some(point) => self.saved_at(
                        index,
                        point,
                        self.operands[index].span,
                        &mut conflicts,
                        &mut only_dropped[index],
                        &mut round_cx,
                    ),
                    None => Vec::new(),
                })
                .collect();
            let mut added = false;
            for (point, saved) in self.points.iter().zip(&sets) {
                let Some(point) = point else { continue };
                for &id in saved {
                    let uses = &mut self.bindings[id].uses;
                    if uses.iter().any(|u| u.by_save && u.pos == point.pos) {
                        continue;
                    }
                    let at = uses.partition_point(|u| u.pos <= point.pos);
                    uses.insert(
                        at,
                        Use {
                            pos: point.pos,
                            moving: false,
                            assigning: false,
                            receiver: false,
                            returns_at: None,
                            skips: None,
                            field: false,
                            member: None,
                            operator: false,
                            by_save: true,
                            arm: point.arm,
                        },
                    );
                    added = true;
                }
            }
            if !added {
                cx.extend(round_cx);
                return Saves {
                    sets,
                    conflicts,
                    refused_joins: refused,
                    only_dropped,
                };
            }
        }
    }

    fn user_name(&self, id: BindingId) -> String {
        match self.renames.get(&id) {
            Some((original, _)) => original.to_string(),
            None => self.bindings[id].ident.to_string(),
        }
    }

    fn can_stay_in_place(&self, point: &PointScope, saved: &[BindingId]) -> bool {
        let Some(&outermost) = point.loops.first() else {
            return false;
        };
        let region = self.loops[outermost];
        // Inside the loop the values are reached through a reference into
        // the state, so nothing there may move them; before and after the
        // loop they are ordinary locals.
        let in_region = |u: &Use| region.start <= u.pos && u.pos <= region.end;
        // `state = state.step()` consumes `state` if `step` takes `self`.
        let moved_in_region =
            |binding: &Binding| binding.uses.iter().any(|u| u.may_move() && in_region(u));
        // A local called around the point would be declared late, after
        // the call that needs its type.
        let called_around = |id: BindingId| {
            self.callees_around
                .iter()
                .any(|&(callee, start, end)| callee == id && start < point.pos && point.pos <= end)
        };
        !saved.is_empty()
            && saved.iter().all(|&id| {
                let binding = &self.bindings[id];
                binding.decl_pos < region.start
                    && !binding.is_ref
                    && (binding.known_copy || !moved_in_region(binding))
                    && !called_around(id)
            })
    }

    /// Code that reaches the head of the innermost loop around `point` could
    /// save these same values there: each was declared before the loop and
    /// holds a value at its head. A binding declared without a value, or
    /// moved before the loop (unless visibly `Copy`), is refused when the
    /// loop or what follows gives it a new value: it may be empty at the head.
    fn saves_loop_head(&self, point: &PointScope, saved: &[BindingId]) -> bool {
        let Some(&innermost) = point.loops.last() else {
            return false;
        };
        let head = self.loops[innermost].start;
        saved.iter().all(|&id| {
            let binding = &self.bindings[id];
            let moved_before = !binding.known_copy
                && binding
                    .uses
                    .iter()
                    .any(|u| self.moves(binding, u) && u.may_move_on(head) && u.pos < head);
            let maybe_empty = binding.no_init || moved_before;
            let assigned_later = binding.uses.iter().any(|u| u.assigning && u.pos > head);
            binding.decl_pos < head && !(maybe_empty && assigned_later)
        })
    }

    /// The bindings saved at one suspension point (see the module docs).
    fn saved_at(
        &self,
        index: usize,
        point: &PointScope,
        yield_span: Span,
        conflicts: &mut Conflicts,
        only_dropped_here: &mut Vec<BindingId>,
        cx: &mut Diagnostics,
    ) -> Vec<BindingId> {
        let mut saved = Vec::new();
        for &(id, visible) in &point.in_scope {
            let binding = &self.bindings[id];
            // Whether the binding may have been moved (or never given a
            // value) on the way here, from the initialisation flow: it holds
            // a value on every path only if `INIT` (a move before the point
            // on a path that left does not count, `r#yield!(x); return;`).
            // A value whose moves are copies has nothing to drop: taken as
            // moved. `None`: a reference, or a point the flow does not
            // reach, left to the positional reasoning below. `unset`: it
            // holds no value on any path here, so nothing after the point
            // can read what it holds (the plain function would not compile).
            // Where the flow says "on some paths", the drop flag pass
            // (`desugar::flags`) gives it a value on every path.
            let state = self.flow.at(index, id);
            let flow_moved =
                (!binding.is_ref && state != 0).then(|| state != INIT || self.flow.copies[id]);
            let unset = !binding.is_ref && state == UNINIT;
            let enclosing_loops: Vec<LoopRange> = point
                .loops
                .iter()
                .map(|&l| self.loops[l])
                .filter(|l| l.start > binding.decl_pos)
                .collect();
            let in_loop = |u: &Use| {
                enclosing_loops
                    .iter()
                    .any(|l| l.start <= u.pos && u.pos <= l.end)
            };
            // Given the resumed yield's own value (`x = r#yield!(…)`):
            // nothing reads what it holds here. Only for a binding nameable
            // here: the resumed code declares it again by name, which a
            // hidden one (shadowed at the point) cannot be. (An assignment
            // later on every path is the liveness's to see: a positional
            // guess here once took one in a `let … else` block for all
            // paths, seed 9600750.)
            let assignment = match point.overwrites {
                Some((overwritten, at)) if overwritten == id => Some(at),
                _ => None,
            };
            // A loop around the point that the assignment is after goes
            // back to its head first, where the binding may be read.
            let read_on_a_turn = |at: usize| {
                enclosing_loops.iter().any(|l| {
                    at > l.end
                        && binding
                            .uses
                            .iter()
                            .any(|u| !u.assigning && l.start <= u.pos && u.pos < point.pos)
                })
            };
            let overwritten = visible && assignment.is_some_and(|at| !read_on_a_turn(at));
            // A read after the point, in this turn or (through a loop
            // around the point) the next, that an assignment always comes
            // before on the way there, does not read what the binding
            // holds at the point (`let mut last; loop { while … { last =
            // r#yield!(…); use(last); } r#yield!(0); }`). An assignment
            // alone reads nothing.
            let reads_held_value = |u: &Use| {
                let from = if u.pos > point.pos {
                    point.pos
                } else {
                    match enclosing_loops
                        .iter()
                        .filter(|l| l.start <= u.pos && u.pos <= l.end)
                        .map(|l| l.start)
                        .max()
                    {
                        Some(start) => start,
                        None => return false,
                    }
                };
                !u.assigning
                    && !binding.uses.iter().any(|a| {
                        a.assigning && from < a.pos && a.pos < u.pos && self.encloses(a.arm, u.arm)
                    })
            };
            let comes_after = |u: &Use| {
                // (A read in another arm of a branch the point is in comes
                // after it only through a loop.) Nor does anything after
                // the `return` the point may be in.
                (u.pos > point.pos
                    && self.on_one_path(point.arm, u.arm)
                    && point.returns_at.is_none_or(|end| u.pos <= end)
                    && !point
                        .skips
                        .iter()
                        .any(|&(from, to)| from < u.pos && u.pos <= to))
                    || in_loop(u)
            };
            // Read on some path from here before a new value (the flow's
            // liveness): without it, nothing after the point needs it.
            let read_later = self
                .live_after
                .get(index)
                .and_then(Option::as_ref)
                .is_none_or(|live| live[id]);
            let live = read_later
                && !overwritten
                && binding
                    .uses
                    .iter()
                    .any(|u| comes_after(u) && reads_held_value(u));
            // Only later saves read it, or nothing does, and nothing gives
            // it a new value: what it holds here is kept only to be
            // dropped where its scope ends (see `Analysis::kept_for_drop`).
            let only_dropped = !binding
                .uses
                .iter()
                .any(|u| comes_after(u) && (u.assigning || (!u.by_save && reads_held_value(u))));
            // `let x;` with no assignment that can come before this point
            // (none earlier, none in a loop around it): nothing to save.
            let never_assigned = visible
                && binding.no_init
                && !binding.uses.iter().any(|u| {
                    u.assigning
                        && (u.pos < point.pos || in_loop(u))
                        && self.on_one_path(u.arm, point.arm)
                });
            let live = live && !never_assigned && !unset;
            let moved = flow_moved.unwrap_or_else(|| {
                (binding.no_init && !self.assigned_before(binding, point))
                    || binding.uses.iter().any(|u| {
                        self.moves(binding, u)
                            && u.may_move_on(point.pos)
                            && ((u.pos < point.pos
                                // (A move in another arm of a branch the
                                // point is in never comes before it.)
                                && self.on_one_path(u.arm, point.arm)
                                && !self.given_back(binding, u, point.pos))
                                || (u.pos > point.pos && in_loop(u)))
                    })
            });
            let store = if binding.is_ref {
                live
            } else if !visible {
                // Needed after the yield, or holding a value to drop at the
                // end of its scope: make the bindings hiding it step aside.
                // (Also when it is only given a new value later: the
                // resumed code must declare it again by name.)
                let assigned_later = binding
                    .uses
                    .iter()
                    .any(|u| u.assigning && (u.pos > point.pos || in_loop(u)));
                if live || !moved || assigned_later {
                    self.hidden_at_yield(id, point, live || assigned_later, conflicts, cx);
                }
                false
            } else {
                // (Nothing to drop in a `Copy` value nothing reads.)
                live || (!moved && !binding.known_copy)
            };
            if store
                && binding.is_ref
                && let Some(borrow_span) = binding.borrows_temporary
            {
                let name = &binding.ident;
                let mut error = syn::Error::new(
                    borrow_span,
                    format!(
                        "`{name}` borrows a temporary value and is used after a `r#yield!`; a plain function keeps such a value alive to the end of the block, but a generator cannot keep a borrow of its own values across a yield\nhelp: bind the value itself (`let {name} = …;` without `&`) and borrow it where it is used"
                    ),
                );
                error.combine(syn::Error::new(
                    yield_span,
                    format!("`{name}` is still borrowed at this yield"),
                ));
                cx.push(error);
                continue;
            }
            if store
                && binding.is_ref
                && let Some((owner, borrow_span)) = binding.borrow_of
                && point.in_scope.iter().any(|&(other, _)| other == owner)
            {
                let owner_name = &self.bindings[owner].ident;
                let (message, at_yield) = if crate::names::is_hidden_iterator_name(&binding.ident) {
                    (
                        format!(
                            "this `for` loop iterates over a borrow of `{owner_name}` and suspends inside; values that live across a yield are moved into the generator, so they cannot stay borrowed across it\nhelp: iterate over an owned value (`for x in {owner_name}`, `{owner_name}.into_iter()`), or over indices, or collect what the loop needs first"
                        ),
                        format!("`{owner_name}` is still borrowed by the loop at this yield"),
                    )
                } else if crate::names::is_hoisted_name(&binding.ident) {
                    // An operand evaluated before a yield later in the
                    // same expression (`v.first().unwrap() + r#yield!(x)`).
                    (
                        format!(
                            "this value borrows `{owner_name}`, and is used after the `r#yield!` later in the same expression; values that live across a yield are moved into the generator, so they cannot be borrowed across it\nhelp: make it an owned value (`.copied()`, `.cloned()`, `.to_owned()`), or bind the sent value first (`let sent = r#yield!(…);`) and use it after"
                        ),
                        format!("`{owner_name}` is still borrowed at this yield"),
                    )
                } else if binding.closure_borrow {
                    (
                        format!(
                            "the closure `{}` borrows `{owner_name}` and is called after a `r#yield!`; values that live across a yield are moved into the generator, so they cannot be borrowed across it\nhelp: make it a `move` closure (`move |…|`) so that it holds its own `{owner_name}` (or a clone of it), or create the closure after the yield",
                            binding.ident
                        ),
                        format!(
                            "`{}` still borrows `{owner_name}` at this yield",
                            binding.ident
                        ),
                    )
                } else {
                    (
                        format!(
                            "`{}` borrows `{owner_name}` and is used after a `r#yield!`; values that live across a yield are moved into the generator, so they cannot be borrowed across it\nhelp: end the borrow's scope before the yield, e.g. put `let {} = …;` and its uses in a block `{{ … }}`, or store an index or a clone instead",
                            binding.ident, binding.ident
                        ),
                        format!("`{}` is still borrowed at this yield", binding.ident),
                    )
                };
                let mut error = syn::Error::new(borrow_span, message);
                error.combine(syn::Error::new(yield_span, at_yield));
                cx.push(error);
                continue;
            }
            if store {
                saved.push(id);
                if only_dropped {
                    only_dropped_here.push(id);
                }
            }
        }
        saved
    }
}
