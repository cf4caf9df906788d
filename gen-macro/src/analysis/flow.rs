//! Data-flows over the body's control flow, as rustc's borrow checker
//! computes them on MIR: forwards, whether each binding holds a value at
//! each suspension point — surely, surely not, or only on some paths
//! (`MaybeInitializedPlaces` and `MaybeUninitializedPlaces` at once,
//! [`analyze`]); backwards, whether some path from the point reads it
//! before giving it a new value (liveness, [`live_after`]). A "binding"
//! here is also a field of a value the split took apart
//! (`desugar::split`), so these are the places of the body.
//!
//! The scope walk (`analysis::scope`) numbers every event of the body in
//! evaluation order — a declaration, a use, a suspension point, a jump —
//! and records the structure around those numbers as [`Mark`]s: where a
//! branch, a loop or a labeled block opens and closes, and where a jump
//! goes. [`Program::build`] turns the marks into a tree of regions, and
//! [`Program::run`] interprets it over a small lattice per binding, joining
//! the arms of a branch, iterating a loop to its fixpoint and sending the
//! state at a `break`/`continue` to its target. Structured code has a
//! reducible control-flow graph, so this gives the same result as a
//! work-list over its basic blocks.
//!
//! What counts as a move comes from the walk (`Use::may_move`, the same
//! knowledge of std's methods the rest of the analysis has); what the flow
//! adds is the path: a value moved in one arm and not in another is
//! "maybe moved" after the branch, a value moved in a loop is moved on the
//! next turn, and a read of a value that may have been moved proves its
//! type `Copy` (or the move a borrow), as the plain function compiles.
//! A field moved out by itself (`take(self.s)`) is a place of its own
//! ([`Layout`]): it leaves the value partly moved, and only a read of that
//! field (or of the whole value) after it proves it `Copy`.

use std::collections::HashMap;

use crate::analysis::scope::{Use, Walker};

/// Structure recorded by the walk at a position (the last number it gave).
#[derive(Clone, Copy, Debug)]
pub(super) enum Mark {
    Open(Region),
    /// In a conditional loop: the condition ends, the body starts.
    Body,
    Close,
    /// A jump, at the number of the `break`/`continue`/`return` itself.
    Jump(Target),
}

#[derive(Clone, Copy, Debug)]
pub(super) enum Region {
    /// The arms of an `if`, `match`, `&&`/`||`, `?` or `let … else` follow
    /// (each an [`Region::Arm`]); `fallthrough`: control may also pass
    /// the construct without entering any arm (`if` without `else`).
    Branch {
        fallthrough: bool,
    },
    Arm,
    /// `loop` (left only by `break`), or `while`/`for` (`conditional`:
    /// left after its condition, which the [`Mark::Body`] ends).
    Loop {
        id: usize,
        conditional: bool,
    },
    /// A labeled block, left at its end or by `break 'label`.
    Block {
        id: usize,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Target {
    Break(usize),
    Continue(usize),
    /// `return` or `?`: leaves the body.
    Exit,
}

/// What happens to a binding at one position.
#[derive(Clone, Copy, Debug)]
pub(super) enum Effect {
    /// Declared, with a value (`true`) or without (`let x;`).
    Declare(bool),
    /// Given a value (`x = …`).
    Assign,
    /// Read, and possibly moved out.
    Read { moves: bool, part: Part },
}

/// What of a binding a read takes: the whole value, or a field that some
/// use moves out by itself (its place, see [`Layout`]), or a field no use
/// moves (a read of it proves nothing about the fields that are moved).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Part {
    Whole,
    Field(usize),
    Other,
}

/// The places the forward flow tracks for one binding. Its own place holds
/// "the whole value is there"; a binding some of whose fields are moved
/// out by themselves (`take(self.s)`) also gets a place per such field and
/// one for "not moved as a whole" (`intact`), as rustc's move paths: a
/// field moved leaves the value partly moved (not whole) but its other
/// fields there, so reading another field afterwards proves nothing, while
/// reading the moved field again proves that field `Copy`, and reading
/// anything after a move of the whole value proves the value `Copy`.
#[derive(Clone, Debug)]
pub(super) struct Layout {
    intact: usize,
    fields: std::ops::Range<usize>,
}

/// The state of one binding: which of "holds a value" and "holds none"
/// some path reaching here can give. `0` on no path (unreachable code).
pub(crate) type Init = u8;
pub(crate) const INIT: Init = 1;
pub(crate) const UNINIT: Init = 2;
pub(crate) const MAYBE: Init = INIT | UNINIT;

type State = Vec<Init>;

#[derive(Debug)]
enum Node {
    /// The positions `from + 1 ..= to`, in order.
    Events {
        from: usize,
        to: usize,
    },
    Branch {
        fallthrough: bool,
        arms: Vec<Vec<Node>>,
    },
    Loop {
        id: usize,
        conditional: bool,
        cond: Vec<Node>,
        body: Vec<Node>,
    },
    Block {
        id: usize,
        body: Vec<Node>,
    },
    Jump(Target),
}

#[derive(Default, Debug)]
pub(super) struct Program {
    nodes: Vec<Node>,
}

impl Program {
    /// The tree of regions from the walk's marks; `end` is the last
    /// position it numbered.
    pub(super) fn build(marks: &[(usize, Mark)], end: usize) -> Program {
        let mut parser = Parser {
            marks,
            next: 0,
            done: 0,
        };
        let mut nodes = parser.sequence();
        // Unbalanced marks would be a bug of the walk; what is left is
        // read as straight-line code rather than lost.
        while parser.next < marks.len() {
            parser.next += 1;
            nodes.extend(parser.sequence());
        }
        parser.events_up_to(end, &mut nodes);
        Program { nodes }
    }

    /// The state of every place (`places` of them; `layouts` gives each
    /// binding's, see [`Layout`]) at every suspension point, from
    /// `effects` (by position) and `points` (position → point index).
    /// Reads of a place that may hold no value there make its moves
    /// copies; the result is computed again without them until no such
    /// read is left. Returns the states at the points (`None`: the point
    /// is never reached) and the places whose moves were found to be
    /// copies.
    pub(super) fn run(
        &self,
        layouts: &[Layout],
        places: usize,
        effects: &HashMap<usize, Vec<(usize, Effect)>>,
        points: &HashMap<usize, usize>,
        point_count: usize,
    ) -> (Vec<Option<Vec<Init>>>, Vec<bool>) {
        let mut copies = vec![false; places];
        loop {
            let mut run = Run {
                effects,
                layouts,
                points,
                copies: &copies,
                at_points: vec![None; point_count],
                jumps: HashMap::new(),
                heads: HashMap::new(),
                read_unset: vec![false; places],
            };
            // Nothing is declared yet: arguments come first, as events.
            let start = vec![UNINIT; places];
            run.sequence(&self.nodes, Some(start));
            let Run {
                at_points,
                read_unset,
                ..
            } = run;
            let mut changed = false;
            for (place, unset) in read_unset.iter().enumerate() {
                if *unset && !copies[place] {
                    copies[place] = true;
                    changed = true;
                }
            }
            if !changed {
                return (at_points, copies);
            }
        }
    }
}

struct Parser<'m> {
    marks: &'m [(usize, Mark)],
    next: usize,
    /// The last position placed in the tree.
    done: usize,
}

impl Parser<'_> {
    fn events_up_to(&mut self, pos: usize, nodes: &mut Vec<Node>) {
        if pos > self.done {
            nodes.push(Node::Events {
                from: self.done,
                to: pos,
            });
            self.done = pos;
        }
    }

    /// Nodes up to (and consuming) the `Close` or `Body` that ends this
    /// sequence, or the end of the marks.
    fn sequence(&mut self) -> Vec<Node> {
        let mut nodes = Vec::new();
        while let Some(&(pos, mark)) = self.marks.get(self.next) {
            self.events_up_to(pos, &mut nodes);
            self.next += 1;
            match mark {
                Mark::Close | Mark::Body => return nodes,
                Mark::Jump(target) => nodes.push(Node::Jump(target)),
                Mark::Open(Region::Branch { fallthrough }) => {
                    let mut arms = Vec::new();
                    // Arms until the branch's own `Close`.
                    while let Some(&(pos, mark)) = self.marks.get(self.next) {
                        self.next += 1;
                        match mark {
                            Mark::Open(Region::Arm) => {
                                let mut arm = Vec::new();
                                self.events_up_to(pos, &mut arm);
                                arm.extend(self.sequence());
                                arms.push(arm);
                            }
                            _ => break,
                        }
                    }
                    nodes.push(Node::Branch { fallthrough, arms });
                }
                Mark::Open(Region::Loop { id, conditional }) => {
                    let (cond, body) = if conditional {
                        let cond = self.sequence();
                        (cond, self.sequence())
                    } else {
                        (Vec::new(), self.sequence())
                    };
                    nodes.push(Node::Loop {
                        id,
                        conditional,
                        cond,
                        body,
                    });
                }
                Mark::Open(Region::Block { id }) => {
                    let body = self.sequence();
                    nodes.push(Node::Block { id, body });
                }
                // An arm outside a branch: read as a block of its own.
                Mark::Open(Region::Arm) => nodes.extend(self.sequence()),
            }
        }
        nodes
    }
}

struct Run<'a> {
    effects: &'a HashMap<usize, Vec<(usize, Effect)>>,
    layouts: &'a [Layout],
    points: &'a HashMap<usize, usize>,
    copies: &'a [bool],
    at_points: Vec<Option<State>>,
    /// States sent to a loop's head or a region's end by jumps.
    jumps: HashMap<Target, State>,
    /// Each loop's head state so far. The state entering a loop only grows
    /// from one evaluation of it to the next (the loops around it iterate
    /// towards their fixpoints), so the next evaluation starts from here
    /// and confirms it in one pass: an inner loop is not iterated from
    /// scratch on each turn of the loops around it, which made the work
    /// exponential in the nesting depth.
    heads: HashMap<usize, State>,
    /// Places read where they may hold no value.
    read_unset: Vec<bool>,
}

fn join(into: &mut Option<State>, other: Option<State>) {
    match (into.as_mut(), other) {
        (_, None) => {}
        (None, other) => *into = other,
        (Some(state), Some(other)) => {
            for (a, b) in state.iter_mut().zip(other) {
                *a |= b;
            }
        }
    }
}

fn join_into(into: &mut Option<State>, other: &State) {
    join(into, Some(other.clone()));
}

impl Run<'_> {
    fn sequence(&mut self, nodes: &[Node], mut state: Option<State>) -> Option<State> {
        for node in nodes {
            state = self.node(node, state);
        }
        state
    }

    fn node(&mut self, node: &Node, state: Option<State>) -> Option<State> {
        match node {
            Node::Events { from, to } => {
                let mut state = state?;
                for pos in from + 1..=*to {
                    self.event(pos, &mut state);
                }
                Some(state)
            }
            Node::Jump(target) => {
                if let Some(state) = state {
                    let mut sent = self.jumps.remove(target);
                    join(&mut sent, Some(state));
                    if let Some(sent) = sent {
                        self.jumps.insert(*target, sent);
                    }
                }
                None
            }
            Node::Branch { fallthrough, arms } => {
                let mut out = None;
                for arm in arms {
                    let arm_out = self.sequence(arm, state.clone());
                    join(&mut out, arm_out);
                }
                if *fallthrough {
                    join(&mut out, state);
                }
                out
            }
            Node::Block { id, body } => {
                let mut out = self.sequence(body, state);
                join(&mut out, self.jumps.remove(&Target::Break(*id)));
                out
            }
            Node::Loop {
                id,
                conditional,
                cond,
                body,
            } => {
                let mut head = state;
                join(&mut head, self.heads.get(id).cloned());
                loop {
                    let after_cond = self.sequence(cond, head.clone());
                    let end = self.sequence(body, after_cond.clone());
                    let mut next = head.clone();
                    join(&mut next, end);
                    join(&mut next, self.jumps.remove(&Target::Continue(*id)));
                    if next == head {
                        if let Some(head) = head {
                            self.heads.insert(*id, head);
                        }
                        let mut out = self.jumps.remove(&Target::Break(*id));
                        if *conditional {
                            join(&mut out, after_cond);
                        }
                        return out;
                    }
                    head = next;
                }
            }
        }
    }

    fn event(&mut self, pos: usize, state: &mut State) {
        if let Some(&index) = self.points.get(&pos) {
            let mut at = self.at_points[index].take();
            join_into(&mut at, state);
            self.at_points[index] = at;
        }
        let Some(effects) = self.effects.get(&pos) else {
            return;
        };
        // invariant: every effect's binding id comes from the walk's
        // `bindings`, and every layout's places are below the count that
        // sized `state` (and `copies`).
        for &(id, effect) in effects {
            let Layout { intact, fields } = self.layouts[id].clone();
            match effect {
                Effect::Declare(true) | Effect::Assign => {
                    self.set_all(state, id, INIT);
                }
                Effect::Declare(false) => self.set_all(state, id, UNINIT),
                Effect::Read {
                    moves,
                    part: Part::Field(field),
                } => {
                    // (A move of the whole value explains a field missing
                    // too: the proof goes to it first.)
                    if !self.check(state, intact) {
                        self.check(state, field);
                    }
                    if moves && !self.copies[field] {
                        state[field] = UNINIT;
                        state[id] = UNINIT;
                    }
                }
                Effect::Read { moves, part } => {
                    if !self.check(state, intact) && part == Part::Whole {
                        for field in fields {
                            self.check(state, field);
                        }
                    }
                    if moves && !self.copies[intact] {
                        self.set_all(state, id, UNINIT);
                    }
                }
            }
        }
    }

    /// A read of `place` where it may hold no value proves its moves
    /// copies; returns whether it did.
    fn check(&mut self, state: &State, place: usize) -> bool {
        let unset = state[place] & UNINIT != 0;
        if unset {
            self.read_unset[place] = true;
        }
        unset
    }

    fn set_all(&self, state: &mut State, id: usize, to: Init) {
        let Layout { intact, fields } = self.layouts[id].clone();
        state[id] = to;
        state[intact] = to;
        for field in fields {
            state[field] = to;
        }
    }
}

/// What the flow found, per suspension point; empty until the walk is
/// done (every point then reads as never reached).
#[derive(Default)]
pub(crate) struct Flow {
    /// The state of every binding at each point (`None`: never reached).
    pub(crate) at_points: Vec<Option<Vec<Init>>>,
    /// Bindings whose moves turned out to be copies (read after them).
    pub(crate) copies: Vec<bool>,
    /// The regions the walk recorded, kept for the liveness, which runs
    /// once per round of saves.
    program: Program,
}

impl Flow {
    /// The state of `id` at point `index` (`0` where the point is never
    /// reached).
    pub(crate) fn at(&self, index: usize, id: usize) -> Init {
        self.at_points
            .get(index)
            .and_then(Option::as_ref)
            // invariant: `id` names one of the walk's bindings, and every
            // state holds one entry per binding.
            .map_or(0, |state| state[id])
    }
}

/// Runs the flow over what the walk recorded.
pub(super) fn analyze(walker: &Walker<'_>) -> Flow {
    let mut effects: HashMap<usize, Vec<(usize, Effect)>> = HashMap::new();
    let mut layouts = Vec::with_capacity(walker.bindings.len());
    let mut places = walker.bindings.len();
    for (id, binding) in walker.bindings.iter().enumerate() {
        effects
            .entry(binding.decl_pos)
            .or_default()
            .push((id, Effect::Declare(!binding.no_init)));
        // (A known `Copy` value is copied. An operator's operand counts as
        // moved: `a + b` consumes a `String`, and for the `Copy` numbers it
        // nearly always is, a move is a copy that a later read shows.)
        let moves = |u: &Use| !binding.known_copy && walker.moves(binding, u);
        // The fields some use moves out by themselves, each a place.
        let mut moved_fields: Vec<usize> = Vec::new();
        for u in &binding.uses {
            if let Some(member) = u.member
                && !u.by_save
                && !u.assigning
                && moves(u)
                && !moved_fields.contains(&member)
            {
                moved_fields.push(member);
            }
        }
        let layout = if moved_fields.is_empty() {
            Layout {
                intact: id,
                fields: 0..0,
            }
        } else {
            let intact = places;
            let fields = places + 1..places + 1 + moved_fields.len();
            places = fields.end;
            Layout { intact, fields }
        };
        for u in &binding.uses {
            if u.by_save {
                continue;
            }
            let effect = if u.assigning {
                Effect::Assign
            } else {
                let part = match u.member {
                    None => Part::Whole,
                    Some(member) => moved_fields
                        .iter()
                        .position(|&f| f == member)
                        .map_or(Part::Other, |i| Part::Field(layout.fields.start + i)),
                };
                Effect::Read {
                    moves: moves(u),
                    part,
                }
            };
            effects.entry(u.pos).or_default().push((id, effect));
        }
        layouts.push(layout);
    }
    let points = point_positions(walker);
    let program = Program::build(&walker.marks, walker.pos);
    let (mut at_points, copies) =
        program.run(&layouts, places, &effects, &points, walker.points.len());
    // What the rest of the analysis asks about is the bindings: whether
    // each holds its whole value, and whether its moves as a whole are
    // copies.
    let bindings = walker.bindings.len();
    for state in at_points.iter_mut().flatten() {
        state.truncate(bindings);
    }
    let copies = layouts.iter().map(|l| copies[l.intact]).collect();
    Flow {
        at_points,
        copies,
        program,
    }
}

/// Each suspension point the walk reached: its position → its index.
fn point_positions(walker: &Walker<'_>) -> HashMap<usize, usize> {
    walker
        .points
        .iter()
        .enumerate()
        .filter_map(|(index, point)| point.as_ref().map(|p| (p.pos, index)))
        .collect()
}

/// Liveness, backwards over the same regions: for each suspension point,
/// the bindings that some path from it reads before giving them a new
/// value (or declaring them anew). `None` for a point the walk never
/// reached. Every use that is not an assignment reads, including the
/// reads a later save makes (`Use::by_save`), so what one point saves is
/// live at the points that lead to it.
pub(super) fn live_after(walker: &Walker<'_>) -> Vec<Option<Vec<bool>>> {
    let mut effects: HashMap<usize, Vec<(usize, Effect)>> = HashMap::new();
    for (id, binding) in walker.bindings.iter().enumerate() {
        effects
            .entry(binding.decl_pos)
            .or_default()
            .push((id, Effect::Declare(true)));
        for u in &binding.uses {
            let effect = if u.assigning {
                Effect::Assign
            } else {
                Effect::Read {
                    moves: false,
                    part: Part::Whole,
                }
            };
            effects.entry(u.pos).or_default().push((id, effect));
        }
    }
    let points = point_positions(walker);
    let mut back = Back {
        effects: &effects,
        points: &points,
        live_at_points: vec![None; walker.points.len()],
        exits: HashMap::new(),
        heads: HashMap::new(),
    };
    back.sequence(
        &walker.flow.program.nodes,
        vec![false; walker.bindings.len()],
    );
    if std::env::var_os("GEN_FLOW_DUMP").is_some() {
        dump(walker, &points, &back.live_at_points);
    }
    back.live_at_points
}

/// The region tree, every binding's events and the liveness at each point,
/// on stderr (development aid: `GEN_FLOW_DUMP=1`, printed once per round
/// of saves).
fn dump(walker: &Walker<'_>, points: &HashMap<usize, usize>, live: &[Option<Live>]) {
    eprintln!("FLOWDUMP regions {:#?}", walker.flow.program.nodes);
    for (id, b) in walker.bindings.iter().enumerate() {
        let uses: Vec<_> = b
            .uses
            .iter()
            .map(|u| (u.pos, u.assigning, u.by_save))
            .collect();
        eprintln!(
            "FLOWDUMP binding {id} `{}` declared at {}, uses (pos, assigns, by save) {uses:?}",
            b.ident, b.decl_pos
        );
    }
    eprintln!("FLOWDUMP points (pos -> index) {points:?}");
    eprintln!("FLOWDUMP live after each point {live:?}");
}

type Live = Vec<bool>;

struct Back<'a> {
    effects: &'a HashMap<usize, Vec<(usize, Effect)>>,
    points: &'a HashMap<usize, usize>,
    live_at_points: Vec<Option<Live>>,
    /// What is live after each loop or labeled block (where `break` goes).
    exits: HashMap<usize, Live>,
    /// What is live at each loop's head (where `continue` goes), kept
    /// between evaluations for the reason `Run::heads` is.
    heads: HashMap<usize, Live>,
}

fn union(into: &mut Live, other: &Live) {
    for (a, b) in into.iter_mut().zip(other) {
        *a |= *b;
    }
}

impl Back<'_> {
    fn sequence(&mut self, nodes: &[Node], mut live: Live) -> Live {
        for node in nodes.iter().rev() {
            live = self.node(node, live);
        }
        live
    }

    fn node(&mut self, node: &Node, mut live: Live) -> Live {
        match node {
            Node::Events { from, to } => {
                for pos in (from + 1..=*to).rev() {
                    if let Some(&index) = self.points.get(&pos) {
                        match &mut self.live_at_points[index] {
                            Some(at) => union(at, &live),
                            slot @ None => *slot = Some(live.clone()),
                        }
                    }
                    if let Some(effects) = self.effects.get(&pos) {
                        // invariant: ids as in `Run::event`; `live` has one
                        // entry per binding.
                        for &(id, effect) in effects.iter().rev() {
                            live[id] = matches!(effect, Effect::Read { .. });
                        }
                    }
                }
                live
            }
            Node::Jump(Target::Break(id)) => self.exits.get(id).cloned().unwrap_or_else(|| {
                live.fill(false);
                live
            }),
            Node::Jump(Target::Continue(id)) => self.heads.get(id).cloned().unwrap_or_else(|| {
                live.fill(false);
                live
            }),
            Node::Jump(Target::Exit) => {
                live.fill(false);
                live
            }
            Node::Branch { fallthrough, arms } => {
                let mut into = if *fallthrough {
                    live.clone()
                } else {
                    vec![false; live.len()]
                };
                for arm in arms {
                    let arm_in = self.sequence(arm, live.clone());
                    union(&mut into, &arm_in);
                }
                into
            }
            Node::Block { id, body } => {
                self.exits.insert(*id, live.clone());
                self.sequence(body, live)
            }
            Node::Loop {
                id,
                conditional,
                cond,
                body,
            } => {
                self.exits.insert(*id, live.clone());
                let mut head = self
                    .heads
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| vec![false; live.len()]);
                loop {
                    self.heads.insert(*id, head.clone());
                    let mut after_cond = self.sequence(body, head.clone());
                    if *conditional {
                        union(&mut after_cond, &live);
                    }
                    let mut next = self.sequence(cond, after_cond);
                    union(&mut next, &head);
                    if next == head {
                        return head;
                    }
                    head = next;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! The data-flows on hand-made programs: positions are numbered as the
    //! walk numbers them, marks give the structure.

    use super::*;

    /// Runs the forward flow over `marks` (last position `end`) with
    /// `effects` for binding 0 and points at `points` (positions).
    fn states(
        marks: &[(usize, Mark)],
        end: usize,
        effects: &[(usize, Effect)],
        points: &[usize],
    ) -> (Vec<Init>, bool) {
        let program = Program::build(marks, end);
        let mut by_pos: HashMap<usize, Vec<(usize, Effect)>> = HashMap::new();
        for &(pos, effect) in effects {
            by_pos.entry(pos).or_default().push((0, effect));
        }
        let at: HashMap<usize, usize> = points.iter().enumerate().map(|(i, &p)| (p, i)).collect();
        let layouts = [Layout {
            intact: 0,
            fields: 0..0,
        }];
        let (at_points, copies) = program.run(&layouts, 1, &by_pos, &at, points.len());
        let states = at_points
            .iter()
            .map(|s| s.as_ref().map_or(0, |s| s[0]))
            .collect();
        (states, copies[0])
    }

    const MOVE: Effect = Effect::Read {
        moves: true,
        part: Part::Whole,
    };

    /// `loop { 2: …; 3: …; if c { 4: break } }`, opened after position 1,
    /// ending at 4.
    fn loop_with_an_exit() -> Vec<(usize, Mark)> {
        vec![
            (
                1,
                Mark::Open(Region::Loop {
                    id: 1,
                    conditional: false,
                }),
            ),
            (3, Mark::Open(Region::Branch { fallthrough: true })),
            (3, Mark::Open(Region::Arm)),
            (4, Mark::Jump(Target::Break(1))),
            (4, Mark::Close),
            (4, Mark::Close),
            (4, Mark::Close),
        ]
    }

    #[test]
    fn a_move_in_one_arm_is_a_maybe_after_the_branch() {
        // 1: let a = …; if c { 2: drop(a) } 3: yield
        let marks = [
            (1, Mark::Open(Region::Branch { fallthrough: true })),
            (1, Mark::Open(Region::Arm)),
            (2, Mark::Close),
            (2, Mark::Close),
        ];
        let (at, copy) = states(&marks, 3, &[(1, Effect::Declare(true)), (2, MOVE)], &[3]);
        assert_eq!((at, copy), (vec![MAYBE], false));
    }

    #[test]
    fn a_move_on_a_path_that_returns_does_not_reach_the_point() {
        // 1: let a; if c { 2: drop(a); 3: return } 4: yield
        let marks = [
            (1, Mark::Open(Region::Branch { fallthrough: true })),
            (1, Mark::Open(Region::Arm)),
            (3, Mark::Jump(Target::Exit)),
            (3, Mark::Close),
            (3, Mark::Close),
        ];
        let (at, _) = states(&marks, 4, &[(1, Effect::Declare(true)), (2, MOVE)], &[4]);
        assert_eq!(at, vec![INIT]);
    }

    #[test]
    fn a_loop_carries_a_move_to_its_next_turn_and_a_later_read_makes_it_a_copy() {
        // 1: let a; loop { 2: yield; 3: use(a) (moves); 4: break? } — the
        // yield sees `a` moved on the second turn; then a read at 3 on the
        // second turn of a maybe-moved value proves `a` Copy.
        let marks = loop_with_an_exit();
        let (at, copy) = states(&marks, 5, &[(1, Effect::Declare(true)), (3, MOVE)], &[2, 5]);
        assert!(copy, "read after a possible move: a copy");
        assert_eq!(at, vec![INIT, INIT]);
    }

    #[test]
    fn late_initialisation_in_a_loop_is_maybe_at_the_head() {
        // 1: let x; loop { 2: yield; 3: x = …; 4: break? }
        let marks = loop_with_an_exit();
        let effects = [(1, Effect::Declare(false)), (3, Effect::Assign)];
        let (at, _) = states(&marks, 5, &effects, &[2, 5]);
        assert_eq!(at, vec![MAYBE, INIT]);
    }

    #[test]
    fn code_after_a_break_is_not_reached() {
        // 'b: { 2: break 'b; 3: yield } 4: yield
        let marks = [
            (1, Mark::Open(Region::Block { id: 7 })),
            (2, Mark::Jump(Target::Break(7))),
            (3, Mark::Close),
        ];
        let (at, _) = states(&marks, 4, &[(1, Effect::Declare(true))], &[3, 4]);
        assert_eq!(at, vec![0, INIT]);
    }

    #[test]
    fn nested_loops_cost_linear_work() {
        // 40 nested loops, each with an exit: iterating each from scratch
        // on every turn of the ones around it would not finish.
        let depth = 40;
        let mut marks = Vec::new();
        for id in 0..depth {
            marks.push((
                id + 1,
                Mark::Open(Region::Loop {
                    id,
                    conditional: true,
                }),
            ));
            marks.push((id + 1, Mark::Body));
        }
        for _ in 0..depth {
            marks.push((depth + 2, Mark::Close));
        }
        let effects = [(depth + 1, MOVE), (depth + 2, Effect::Assign)];
        let (at, _) = states(&marks, depth + 3, &effects, &[depth + 1]);
        assert_eq!(at, vec![MAYBE]);
    }

    /// One binding (place 0) with two fields moved out by themselves
    /// (places 2 and 3; place 1: not moved as a whole), in straight-line
    /// code: `1: let p; 2..: effects; point at the end`. Returns the
    /// binding's state at the point and the copies per place.
    fn parted(effects: &[(usize, Effect)]) -> (Init, Vec<bool>) {
        let end = effects.len() + 2;
        let program = Program::build(&[], end);
        let mut by_pos: HashMap<usize, Vec<(usize, Effect)>> = HashMap::new();
        by_pos.insert(1, vec![(0, Effect::Declare(true))]);
        for (i, &effect) in effects.iter().enumerate() {
            by_pos.insert(i + 2, vec![effect]);
        }
        let layouts = [Layout {
            intact: 1,
            fields: 2..4,
        }];
        let at: HashMap<usize, usize> = [(end, 0)].into();
        let (at_points, copies) = program.run(&layouts, 4, &by_pos, &at, 1);
        // invariant: the point is the last position, reached.
        (at_points[0].as_ref().unwrap()[0], copies)
    }

    #[test]
    fn a_field_moved_leaves_the_value_partly_moved_and_its_other_fields_there() {
        let read = |part, moves| (0, Effect::Read { moves, part });
        // `take(p.a); p.b` — reading another field proves nothing.
        let (at, copies) = parted(&[read(Part::Field(2), true), read(Part::Field(3), false)]);
        assert_eq!((at, copies), (UNINIT, vec![false; 4]));
        let (at, copies) = parted(&[read(Part::Field(2), true), read(Part::Other, false)]);
        assert_eq!((at, copies), (UNINIT, vec![false; 4]));
        // `take(p.a); p.a` — the field is `Copy`, and `p` stays whole.
        let (at, copies) = parted(&[read(Part::Field(2), true), read(Part::Field(2), false)]);
        assert_eq!((at, copies), (INIT, vec![false, false, true, false]));
        // `take(p.a); &p` — the same: the whole read needs the field back.
        let (at, copies) = parted(&[read(Part::Field(2), true), read(Part::Whole, false)]);
        assert_eq!((at, copies), (INIT, vec![false, false, true, false]));
        // `take(p); p.b` — the whole value is `Copy`.
        let (at, copies) = parted(&[read(Part::Whole, true), read(Part::Field(3), false)]);
        assert_eq!((at, copies), (INIT, vec![false, true, false, false]));
    }

    #[test]
    fn liveness_follows_break_to_the_region_end() {
        // loop { 1: yield; 2: break } 3: read — the read is live at the
        // yield through the `break`, and nothing after `return` is.
        let marks = [
            (
                0,
                Mark::Open(Region::Loop {
                    id: 1,
                    conditional: false,
                }),
            ),
            (2, Mark::Jump(Target::Break(1))),
            (2, Mark::Close),
        ];
        let program = Program::build(&marks, 3);
        let effects: HashMap<usize, Vec<(usize, Effect)>> = [(
            3,
            vec![(
                0,
                Effect::Read {
                    moves: false,
                    part: Part::Whole,
                },
            )],
        )]
        .into();
        let points: HashMap<usize, usize> = [(1, 0)].into();
        let mut back = Back {
            effects: &effects,
            points: &points,
            live_at_points: vec![None],
            exits: HashMap::new(),
            heads: HashMap::new(),
        };
        back.sequence(&program.nodes, vec![false]);
        assert_eq!(back.live_at_points, vec![Some(vec![true])]);
    }
}
