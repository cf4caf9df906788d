//! A seeded generator of random `#[generator]` bodies for the differential
//! test (`tests/differential.rs`).
//!
//! Every program is one body over the supported constructs: nested `loop`,
//! `while`, `while let` and `for` (with bounded iteration counts, so every
//! program terminates), `if`/`else`, `if let`, `let … else`, `match` with
//! guards and bindings, labeled `break`/`continue`/`break 'l v`, labeled
//! blocks, `let` with shadowing (same block and inner scopes, across types),
//! `return` with a value, `?` on `Option`, nested blocks, and yields in every
//! supported position. Locals are `u32`, `String`, `Vec<u32>` and `Guard`s
//! from the `DropLog` passed in, so the drop order is observable, and
//! `Rec { g: Guard, s: String, n: u32 }` values whose fields are read,
//! assigned, borrowed whole (`rec_sum(&r)`) and moved out one by one
//! (`drop(r.g)`, `let s = r.s;`) across yields. A `Rec` gets a name of its
//! own (`r7`): the README documents that a shadowed value is not split into
//! its fields.
//!
//! The same body becomes the `#[generator]` function and the reference
//! function (see `Program::module_source`).
//!
//! Not generated, because the README ("Limits") documents them as compile
//! errors or as a different drop order:
//! - a borrow of a local alive across a yield (`for x in &v`, `s.as_str()`
//!   as a scrutinee around yields): the body only borrows in expressions
//!   without yields (`sumv(&v)`, `g.name()`), and iterates over clones;
//! - a yield inside another macro's arguments (`vec!`, `format!`), or in
//!   the place of a compound assignment whose value is computed: they are
//!   generated without yields (compound assignments with a literal);
//! - a match guard's binding used after the guard's yield (a borrow of the
//!   scrutinee across it);
//! - a value moved in a loop it is older than (plain Rust rejects it unless
//!   it is `Copy`); values are moved (`drop(g)`, `take_s(s)`) by a
//!   statement of the block that declared them or of a block inside it (a
//!   move on some paths only), and a moved name is never used again.
//!
//! Bugs this test found, now fixed, with regression tests in
//! `tests/regressions.rs` (their `Features` switches stay, on by default):
//! - `yield_stmt_in_return_operand`: `return { r#yield!(1); 2 };` did not
//!   compile ("cannot find macro `__gen_yield`");
//! - `yield_free_while_let`: `while let Some(k) = v.pop() {} r#yield!(2);`
//!   did not compile ("cannot find value `k`").
//!
//! A yield inside another yield's operand (`nested_yields`) was rejected
//! until it was supported.

use std::fmt::Write as _;

/// xorshift64*: small, deterministic, good enough to pick program shapes.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        let mut r = Rng((seed ^ 0x5DEE_CE66_D1B5_4A32).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        r.next();
        r
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pct(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Constructs the generator may use. All on by default; a switch turned
/// off excludes a construct (e.g. while a macro bug in it is open).
#[derive(Clone, Debug)]
pub struct Features {
    pub guard_temporaries: bool,
    pub short_circuit_yields: bool,
    pub value_loops: bool,
    pub labeled_blocks: bool,
    pub let_else: bool,
    pub moves: bool,
    /// `Rec` values whose fields are moved out one by one across yields.
    pub field_moves: bool,
    /// Values moved in an inner block (on some paths only).
    pub conditional_moves: bool,
    /// Yields in match guards.
    pub guard_yields: bool,
    /// Shapes plain code has: late initialisation, closures and references
    /// that die between yields, values moved and given a new value across
    /// a yield, format strings capturing locals, diverging match arms.
    pub plain_shapes: bool,
    /// Yields in the index of a place assigned (`v[r#yield!(i)] = e`).
    pub place_yields: bool,
    /// A yield inside another yield's operand (`r#yield!(r#yield!(x))`, or
    /// a block with yields as the operand).
    pub nested_yields: bool,
    /// A yield statement in a block inside the operand of `return` or `?`
    /// (`return { r#yield!(1); 2 };`, `opt({ r#yield!(1); 2 })?`): failed
    /// to compile ("cannot find macro `__gen_yield`") until fixed.
    pub yield_stmt_in_return_operand: bool,
    /// A `while let` with a binding and no yield in its body, followed by a
    /// yield in the same block: failed to compile ("cannot find value `k`")
    /// until fixed.
    pub yield_free_while_let: bool,
    /// Items in the body (`fn local_step`, declared after the code that
    /// calls it, across yields) and callees in parentheses with yields in
    /// their arguments (`(f)(r#yield!(x))`).
    pub body_items: bool,
    /// Let chains (edition 2024) with yields after the chain's `let`:
    /// `if let Some(x) = opt(e) && cond(x, r#yield!(…)) { … } else { … }`.
    pub let_chains: bool,
    /// A value moved inside a yield's operand on a path that then returns
    /// (`if c { r#yield!({ let n = g.name().len() as u32; drop(g); n });
    /// return …; }`), the value still used after the `if`: the analysis
    /// once saved it at that yield though moved (E0382), and dropped it
    /// early at the next yield on the path that kept it.
    pub moved_then_return: bool,
    /// Programs written as methods taking `self: Rec` by value (or `mut
    /// self`), whose fields the body reads and moves out one by one like
    /// any other `Rec`'s (`s` only once `g` was named: see `stmt`); and
    /// `Rec`'s own methods, by value (`into_total(self)`) and by reference
    /// (`total(&self)`).
    pub self_methods: bool,
    /// In a quarter of the programs, the generator (and its `gen_block!`
    /// and async twins) write two in three of the yields as a delegation to a
    /// generator that yields the value once and returns what it was sent
    /// (`yield_from!(__echo(e))`, the same as `r#yield!(e)`), so every
    /// shape the programs put a yield in also holds a `yield_from!` loop.
    pub delegated_yields: bool,
    /// In a fifth of the programs (methods too), the generator takes
    /// arguments besides `log` (its twins bind locals of those names first,
    /// in order): `items: impl IntoIterator<Item = Guard>`, which one `for`
    /// outside every loop iterates by name (the iterator the macro then
    /// types from the argument's own type, holding guards, dropped at a
    /// close in the middle), and `ag: Guard` and `mut av: Vec<u32>`, which
    /// the body uses as it uses its locals: borrowed, moved on some paths,
    /// assigned.
    pub iterated_args: bool,
}

impl Default for Features {
    fn default() -> Self {
        Features {
            guard_temporaries: true,
            short_circuit_yields: true,
            value_loops: true,
            labeled_blocks: true,
            let_else: true,
            moves: true,
            field_moves: true,
            conditional_moves: true,
            guard_yields: true,
            plain_shapes: true,
            place_yields: true,
            nested_yields: true,
            yield_stmt_in_return_operand: true,
            yield_free_while_let: true,
            body_items: true,
            let_chains: true,
            moved_then_return: true,
            self_methods: true,
            delegated_yields: true,
            iterated_args: true,
        }
    }
}

/// One generated program.
#[derive(Clone, Debug)]
pub struct Program {
    pub seed: u64,
    /// `send = u32` (else `send = ()`).
    pub send_u32: bool,
    /// `-> Option<u32>` (else `-> u32`).
    pub ret_option: bool,
    /// Written as a method of `Rec` taking `self` (`Some(true)`: `mut
    /// self`).
    pub method: Option<bool>,
    /// The generator writes most yields as `yield_from!(__echo(e))` (see
    /// `Features::delegated_yields`).
    pub delegated: bool,
    /// The generator takes `items`, `ag` and `av` (see
    /// `Features::iterated_args`).
    pub items: bool,
    pub body: String,
}

impl Program {
    pub fn ret_ty(&self) -> &'static str {
        if self.ret_option {
            "Option<u32>"
        } else {
            "u32"
        }
    }

    /// A module with `generator(log)` (declared `clone`, so the driver can
    /// fork it), `block(log)` (the same body as a `gen_block!`) and
    /// `reference(log, out, stop)`.
    ///
    /// The reference's `r#yield!(v)` pushes `v` to `out`, records
    /// `<yN>` in the drop log (the driver records the same marker after the
    /// generator's N-th yield), returns at once when N is `stop` (leaving
    /// the scopes as closing the generator there must) and evaluates to the
    /// N-th sent value, `sv(N)`.
    pub fn module_source(&self) -> String {
        self.module_source_with(true)
    }

    /// [`module_source`](Self::module_source); without `extras`, no
    /// `clone` and no `gen_block!` twin (the driver then checks only the
    /// function, as before forks and blocks existed, at a third of the
    /// build time).
    pub fn module_source_with(&self, extras: bool) -> String {
        let send = if self.send_u32 { "u32" } else { "()" };
        let sent = if self.send_u32 { "sv(__n)" } else { "()" };
        let dummy = if self.ret_option { "None" } else { "0" };
        let ret = self.ret_ty();
        let seed = self.seed;
        let clone = if extras { ", clone" } else { "" };
        let fresh = |bounds: &str| {
            format!(
                "gen_runtime::Fresh<impl gen_runtime::RawGenerator<Yield = u32, Send = {send}, Throw = gen_runtime::NoThrow, Return = {ret}>{bounds}>"
            )
        };
        // A method's receiver: in the twins that cannot take `self` (the
        // `gen_block!`, the `async fn`), a local of the same name declared
        // first, dropped after the body's other locals as a parameter is.
        // The generator's and the block's body; the reference (and the
        // async twin) keep the plain yields.
        let gen_body = if self.delegated {
            delegate_yields(&self.body, seed)
        } else {
            self.body.clone()
        };
        // The arguments besides `log` (`Features::iterated_args`): their
        // declarations, and the values the wrappers pass.
        // (`IntoIter: Clone` so that a fork can clone the iterator.)
        let items_ty = if extras {
            "impl IntoIterator<Item = Guard, IntoIter: Clone> + Clone"
        } else {
            "impl IntoIterator<Item = Guard>"
        };
        let (params, pass) = if self.items {
            (
                format!(", items: {items_ty}, ag: Guard, mut av: Vec<u32>"),
                ", items, ag, av",
            )
        } else {
            (String::new(), "")
        };
        let args_let = if self.items { ARGS } else { "" };
        let (receiver, this, body) = match self.method {
            Some(mutable) => {
                let m = if mutable { "mut " } else { "" };
                let this_body = replace_word(&gen_body, "self", "this");
                let this = format!("let {m}this = rec_self(&log);\n");
                (format!("{m}self, "), this, this_body)
            }
            None => (String::new(), String::new(), gen_body.clone()),
        };
        let reference_body = format!(
            "{{\n\
             macro_rules! r#yield {{\n\
             ($e:expr) => {{{{\n\
             let __v: u32 = $e;\n\
             __out.push(__v);\n\
             let __n = __out.len();\n\
             drop(log.guard(format!(\"<y{{}}>\", __n)));\n\
             if __n == __stop {{ return {dummy}; }}\n\
             {sent}\n\
             }}}};\n\
             }}\n\
             {body}\n\
             }}\n",
            body = self.body,
        );
        let mut out = format!(
            "// seed {seed}\n\
             #![allow(warnings, clippy::all)]\n\
             use super::support::*;\n\
             use gen_workspace::drops::{{DropLog, Guard}};\n\n"
        );
        if self.delegated {
            let _ = write!(
                out,
                "#[gen_runtime::generator(yield = u32, send = {send}{clone})]\n\
                 fn __echo(v: u32) -> {send} {{\n\
                 r#yield!(v)\n\
                 }}\n\n"
            );
        }
        if self.method.is_some() {
            let bounds = if extras { " + Clone" } else { "" };
            let _ = write!(
                out,
                "impl Rec {{\n\
                 #[gen_runtime::generator(yield = u32, send = {send}{clone})]\n\
                 pub fn generator_{seed}({receiver}log: DropLog{params}) -> {ret} {body}\n\
                 \n\
                 pub fn reference_{seed}({receiver}log: DropLog{params}, __out: &mut Vec<u32>, __stop: usize) -> {ret} {reference_body}\
                 }}\n\
                 \n\
                 pub fn generator(log: DropLog) -> {fresh} {{\n\
                 {args_let}\
                 rec_self(&log).generator_{seed}(log{pass})\n\
                 }}\n\
                 \n\
                 pub fn reference(log: DropLog, __out: &mut Vec<u32>, __stop: usize) -> {ret} {{\n\
                 {args_let}\
                 rec_self(&log).reference_{seed}(log{pass}, __out, __stop)\n\
                 }}\n",
                body = gen_body,
                fresh = fresh(bounds),
            );
        } else if self.items {
            let bounds = if extras { " + Clone" } else { "" };
            let _ = write!(
                out,
                "#[gen_runtime::generator(yield = u32, send = {send}{clone})]\n\
                 pub fn generator_with(log: DropLog{params}) -> {ret} {body}\n\
                 \n\
                 pub fn reference_with(log: DropLog{params}, __out: &mut Vec<u32>, __stop: usize) -> {ret} {reference_body}\
                 \n\
                 pub fn generator(log: DropLog) -> {fresh} {{\n\
                 {ARGS}\
                 generator_with(log{pass})\n\
                 }}\n\
                 \n\
                 pub fn reference(log: DropLog, __out: &mut Vec<u32>, __stop: usize) -> {ret} {{\n\
                 {ARGS}\
                 reference_with(log{pass}, __out, __stop)\n\
                 }}\n",
                fresh = fresh(bounds),
            );
        } else {
            let _ = write!(
                out,
                "#[gen_runtime::generator(yield = u32, send = {send}{clone})]\n\
                 pub fn generator(log: DropLog) -> {ret} {body}\n\
                 \n\
                 pub fn reference(log: DropLog, __out: &mut Vec<u32>, __stop: usize) -> {ret} {reference_body}",
            );
        }
        if extras {
            let _ = write!(
                out,
                "\npub fn block(log: DropLog) -> {fresh} {{\n\
                 {receiver}\
                 gen_runtime::gen_block!(yield = u32, send = {send}; {block_body})\n\
                 }}\n",
                fresh = fresh(""),
                receiver = if self.method.is_some() {
                    format!("let receiver = rec_self(&log);\n{args_let}")
                } else {
                    args_let.to_owned()
                },
                // (The block captures `receiver` and binds `this` from it,
                // in the body's own block and by a literal that names every
                // field: a local of the block as `self` is of the method,
                // whose fields the macro knows, as it knows `self`'s from
                // the body. A local bound from another value, or sharing a
                // name, is not taken apart: a documented limit.)
                block_body = match self.method {
                    Some(mutable) => format!(
                        "{{\nlet {m}this = Rec {{ g: receiver.g, s: receiver.s, n: receiver.n }};\n{args}{rest}",
                        m = if mutable { "mut " } else { "" },
                        args = if self.items {
                            "let items = items;\nlet ag = ag;\nlet mut av = av;\n"
                        } else {
                            ""
                        },
                        rest = body.strip_prefix("{\n").unwrap_or(&body),
                    ),
                    // (Bound again in the body: a local of the body, as
                    // the argument is, dropped after the body's others.)
                    None if self.items => format!(
                        "{{\nlet items = items;\nlet ag = ag;\nlet mut av = av;\n{rest}",
                        rest = body.strip_prefix("{\n").unwrap_or(&body),
                    ),
                    None => body.clone(),
                },
            );
            // Each yield's operand first awaits a future that is pending on
            // every other call (and evaluates to 0), so the body suspends
            // inside its own `.await`s between yields.
            let async_body = body.replace("r#yield!(", "r#yield!(tick().await + ");
            let this = format!("{this}{}", args_let.replace("let av", "let mut av"));
            let async_body = if this.is_empty() {
                async_body
            } else {
                format!("{{\n{this}{async_body}}}")
            };
            let _ = write!(
                out,
                "\n#[gen_runtime::generator(yield = u32, send = {send})]\n\
                 pub async fn async_generator(log: DropLog) -> {ret} {async_body}\n"
            );
        }
        out
    }
}

/// The arguments of a program that takes more than `log` (see
/// `Features::iterated_args`), as locals.
const ARGS: &str = "let items = items_arg(&log);\n\
                    let ag = log.guard(\"ag\");\n\
                    let av = vec![4u32, 5, 6];\n";

/// `code` with every whole-word `word` replaced by `by`.
fn replace_word(code: &str, word: &str, by: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find(word) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + word.len()..].chars().next();
        let is_ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        out.push_str(&rest[..at]);
        if is_ident(before) || is_ident(after) {
            out.push_str(word);
        } else {
            out.push_str(by);
        }
        rest = &rest[at + word.len()..];
    }
    out.push_str(rest);
    out
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ty {
    U32,
    Str,
    Vec,
    Guard,
    /// `Rec { g: Guard, s: String, n: u32 }`, whose fields are moved out one
    /// by one.
    Rec,
    /// A closure `|v: u32| -> u32`, called by name, maybe across yields.
    Fn,
}

/// Fields of a `Rec` moved out so far.
const REC_G: u8 = 1;
const REC_S: u8 = 2;

#[derive(Clone, Debug)]
struct Var {
    name: String,
    ty: Ty,
    mutable: bool,
    moved: bool,
    /// `Rec` only: `REC_G | REC_S` bits of the fields moved out.
    moved_fields: u8,
    /// Loops around its declaration (a move inside a loop it is older
    /// than would repeat).
    loops: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum FrameKind {
    Loop,
    Block,
}

#[derive(Clone, Debug)]
struct Frame {
    kind: FrameKind,
    label: String,
    /// `break` to it carries a `u32`.
    value: bool,
    /// `break`/`continue` may target it (not from a value loop's break
    /// operand: an unlabeled jump there means that loop).
    target: bool,
}

const NAMES: [&str; 8] = ["a", "b", "c", "d", "e", "f", "h", "k"];
const MAX_NEST: usize = 4;
const MAX_LOOPS: usize = 3;

struct Gen<'r> {
    rng: &'r mut Rng,
    features: Features,
    send_u32: bool,
    ret_option: bool,
    scopes: Vec<Vec<Var>>,
    frames: Vec<Frame>,
    loops: usize,
    nest: usize,
    budget: i32,
    uid: usize,
    /// No block expressions here (`while` conditions).
    simple: bool,
    /// Inside a yield's operand: no yields (see `Features::nested_yields`).
    no_yield: usize,
    /// Inside the operand of `return` or `?`: no yield statements (see
    /// `Features::yield_stmt_in_return_operand`).
    no_yield_stmt: usize,
    /// Names whose `push` argument is being generated: not mutated or moved
    /// there (E0499 in plain Rust too).
    frozen: Vec<String>,
    /// `self.g` was named (a method's body: see `Features::self_methods`).
    self_g_named: bool,
    /// The argument `items` is there and not iterated yet.
    items: bool,
}

/// Generates the program for `seed`.
pub fn program(seed: u64, features: &Features) -> Program {
    let mut rng = Rng::new(seed);
    let send_u32 = rng.pct(70);
    let ret_option = rng.pct(30);
    let budget = 6 + rng.below(30) as i32;
    let mut g = Gen {
        rng: &mut rng,
        features: features.clone(),
        send_u32,
        ret_option,
        scopes: vec![Vec::new()],
        frames: Vec::new(),
        loops: 0,
        nest: 0,
        budget,
        uid: 0,
        simple: false,
        no_yield: 0,
        no_yield_stmt: 0,
        frozen: Vec::new(),
        self_g_named: false,
        items: false,
    };
    // (From a stream of its own, so that the programs of earlier seeds
    // that are not methods stay what they were.)
    let method = (features.self_methods && Rng::new(seed ^ 0x5e1f).pct(25))
        .then(|| Rng::new(seed ^ 0x5e1f_0001).pct(50));
    if let Some(mutable) = method {
        g.declare("self", Ty::Rec, mutable);
    }
    let items = features.iterated_args && Rng::new(seed ^ 0x17e5).pct(20);
    g.items = items;
    if items {
        g.declare("ag", Ty::Guard, false);
        g.declare("av", Ty::Vec, true);
    }
    let mut out = String::from("{\n");
    // Start with something to drop and something to yield.
    out.push_str(&g.stmt_let(Some(Ty::Guard)));
    while g.budget > 0 {
        let s = g.stmt();
        out.push_str(&s);
    }
    if features.body_items {
        // After its callers: an item is visible in its whole block.
        out.push_str("fn local_step(x: u32) -> u32 {\n    x.wrapping_mul(3) % 1000\n}\n");
    }
    let tail = g.ret_expr();
    let _ = writeln!(out, "{tail}\n}}");
    let delegated = features.delegated_yields && Rng::new(seed ^ 0xde1e).pct(25);
    Program {
        seed,
        send_u32,
        ret_option,
        method,
        delegated,
        items,
        body: out,
    }
}

/// `code` with two in three of its `r#yield!(e)` (chosen by `seed`) as
/// `yield_from!(__echo(e))`, nested ones included. Parentheses inside
/// string literals are skipped.
fn delegate_yields(code: &str, seed: u64) -> String {
    const YIELD: &str = "r#yield!(";
    let mut out = String::with_capacity(code.len() * 2);
    // For each open parenthesis: whether it opened a delegated yield.
    let mut open: Vec<bool> = Vec::new();
    let mut count = seed;
    let mut rest = code;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with(YIELD) {
            count = count.wrapping_add(1);
            let delegated = !count.is_multiple_of(3);
            out.push_str(if delegated {
                "yield_from!(__echo("
            } else {
                YIELD
            });
            open.push(delegated);
            rest = &rest[YIELD.len()..];
            continue;
        }
        match c {
            '"' => {
                // A string literal, copied as it is.
                let mut end = 1;
                let bytes = rest.as_bytes();
                while end < bytes.len() && bytes[end] != b'"' {
                    end += if bytes[end] == b'\\' { 2 } else { 1 };
                }
                let end = (end + 1).min(rest.len());
                out.push_str(&rest[..end]);
                rest = &rest[end..];
                continue;
            }
            '(' => open.push(false),
            // A delegated yield closes `__echo(` too.
            ')' if open.pop() == Some(true) => out.push(')'),
            _ => {}
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Does `code` use the identifier `name`?
fn mentions(code: &str, name: &str) -> bool {
    code.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .any(|word| word == name)
}

/// Can evaluating `code` leave the statement it is in (a `break`,
/// `continue`, `return` or `?` not inside a closure it defines)?
fn may_leave(code: &str) -> bool {
    code.contains('?')
        || ["break", "continue", "return"]
            .iter()
            .any(|word| mentions(code, word))
}

/// A labeled block as a `break` operand needs parentheses.
fn break_operand(e: String) -> String {
    if e.starts_with('\'') {
        format!("({e})")
    } else {
        e
    }
}

impl Gen<'_> {
    fn id(&mut self) -> usize {
        self.uid += 1;
        self.uid
    }

    // ---------------------------------------------------------------- scopes

    fn visible(&self, ty: Ty) -> Vec<Var> {
        let mut seen: Vec<&str> = Vec::new();
        let mut found = Vec::new();
        for scope in self.scopes.iter().rev() {
            for var in scope.iter().rev() {
                if seen.contains(&var.name.as_str()) {
                    continue;
                }
                seen.push(&var.name);
                if var.ty == ty && !var.moved {
                    found.push(var.clone());
                }
            }
        }
        found
    }

    fn visible_var(&mut self, ty: Ty, mutable: bool) -> Option<String> {
        let vars: Vec<Var> = self
            .visible(ty)
            .into_iter()
            .filter(|v| !mutable || (v.mutable && !self.frozen.contains(&v.name)))
            .collect();
        if vars.is_empty() {
            None
        } else {
            Some(self.rng.pick(&vars).name.clone())
        }
    }

    fn declare(&mut self, name: &str, ty: Ty, mutable: bool) {
        self.scopes.last_mut().unwrap().push(Var {
            name: name.to_owned(),
            ty,
            mutable,
            moved: false,
            moved_fields: 0,
            loops: self.loops,
        });
    }

    fn fresh_name(&mut self) -> String {
        (*self.rng.pick(&NAMES)).to_owned()
    }

    /// `{ stmts }` in a new scope, `tail` (if any) generated inside it.
    fn block(&mut self, n: usize, tail: Option<Ty>) -> String {
        self.scopes.push(Vec::new());
        self.nest += 1;
        let mut out = String::from("{\n");
        for _ in 0..n {
            if self.budget <= 0 {
                break;
            }
            out.push_str(&self.stmt());
        }
        if let Some(ty) = tail {
            let e = self.expr(ty, 2);
            let _ = writeln!(out, "{e}");
        }
        out.push('}');
        self.nest -= 1;
        self.scopes.pop();
        out
    }

    fn small_block(&mut self, tail: Option<Ty>) -> String {
        let n = self.rng.below(3) + usize::from(tail.is_none());
        self.block(n, tail)
    }

    // ----------------------------------------------------------- expressions

    fn lit(&mut self) -> String {
        format!("{}u32", self.rng.below(20))
    }

    /// A yield usable as a `u32` value here.
    fn yield_ok(&self) -> bool {
        self.send_u32 && self.can_yield()
    }

    /// A yield (statement) allowed here.
    fn can_yield(&self) -> bool {
        self.no_yield == 0 || self.features.nested_yields
    }

    /// A yield statement (`r#yield!(e);`) allowed here.
    fn can_yield_stmt(&self) -> bool {
        self.can_yield() && (self.no_yield_stmt == 0 || self.features.yield_stmt_in_return_operand)
    }

    /// Generates the operand of `return` or `?`.
    fn operand<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        self.no_yield_stmt += 1;
        let t = f(self);
        self.no_yield_stmt -= 1;
        t
    }

    fn expr(&mut self, ty: Ty, depth: usize) -> String {
        match ty {
            Ty::U32 => self.e_u32(depth),
            Ty::Str => self.e_str(depth),
            Ty::Vec => self.e_vec(depth),
            Ty::Guard => self.e_guard(),
            Ty::Fn => unreachable!("closures are declared by their own statement"),
            Ty::Rec => {
                let g = self.e_guard();
                let s = self.e_str(depth.min(1));
                let n = self.e_u32(depth.min(1));
                format!("Rec {{ g: {g}, s: {s}, n: {n} }}")
            }
        }
    }

    /// A visible `Rec` whose fields in `need` are still there.
    fn visible_rec(&mut self, need: u8, mutable: bool) -> Option<String> {
        let vars: Vec<Var> = self
            .visible(Ty::Rec)
            .into_iter()
            .filter(|v| v.moved_fields & need == 0)
            .filter(|v| !mutable || (v.mutable && !self.frozen.contains(&v.name)))
            .collect();
        if vars.is_empty() {
            None
        } else {
            Some(self.rng.pick(&vars).name.clone())
        }
    }

    fn leaf_u32(&mut self) -> String {
        let fields = self.features.field_moves;
        match self.rng.below(10) {
            0..=2 => {
                if let Some(v) = self.visible_var(Ty::U32, false) {
                    return v;
                }
            }
            3 => {
                if let Some(v) = self.visible_var(Ty::Str, false) {
                    return format!("({v}.len() as u32)");
                }
            }
            4 => {
                if let Some(v) = self.visible_var(Ty::Vec, false) {
                    return format!("sumv(&{v})");
                }
            }
            5 => {
                if let Some(v) = self.visible_var(Ty::Guard, false) {
                    return format!("({v}.name().len() as u32)");
                }
            }
            6 if fields => {
                if let Some(r) = self.visible_rec(0, false) {
                    // (`self.n` by value, with no field of `self` needed
                    // after the next yield, counts as a move: what is left
                    // of `self` is dropped there, a documented limit. An
                    // operator reads it in place.)
                    if r == "self" {
                        return format!("({r}.n % 1000)");
                    }
                    return format!("{r}.n");
                }
            }
            7 if fields => {
                // A field still there, or the whole value while it is.
                match self.rng.below(3) {
                    0 => {
                        if let Some(r) = self.visible_rec(REC_S, false) {
                            return format!("({r}.s.len() as u32)");
                        }
                    }
                    1 => {
                        if let Some(r) = self.visible_rec(REC_G, false) {
                            self.self_g_named |= r == "self";
                            return format!("({r}.g.name().len() as u32)");
                        }
                    }
                    _ => {
                        if let Some(r) = self.visible_rec(REC_G | REC_S, false) {
                            // A function borrowing it, or its own method
                            // (`&self`, a name the macro does not know).
                            if self.features.self_methods && self.rng.pct(50) {
                                return format!("{r}.total()");
                            }
                            return format!("rec_sum(&{r})");
                        }
                    }
                }
            }
            8 => {
                if let Some(f) = self.visible_var(Ty::Fn, false) {
                    let v = self.leaf_u32();
                    return format!("{f}({v})");
                }
            }
            _ => {}
        }
        self.lit()
    }

    fn e_u32(&mut self, depth: usize) -> String {
        if depth == 0 || self.rng.pct(30) {
            return self.leaf_u32();
        }
        let d = depth - 1;
        let blocks = !self.simple && self.nest < MAX_NEST && self.budget > 0;
        match self.rng.below(20) {
            0..=4 if self.yield_ok() => {
                self.no_yield += 1;
                let e = self.e_u32(d);
                self.no_yield -= 1;
                format!("r#yield!({e})")
            }
            5 => {
                let (a, b) = (self.e_u32(d), self.e_u32(d));
                format!("({a} ^ {b})")
            }
            6 => {
                let (a, b) = (self.e_u32(d), self.e_u32(d));
                format!("({a} % 1000 + {b} % 1000)")
            }
            7 => {
                let (a, b) = (self.e_u32(d), self.e_u32(d));
                format!("f2({a}, {b})")
            }
            8 => {
                let (a, b, c) = (self.e_u32(d), self.e_u32(d), self.e_u32(d));
                format!("f3({a}, {b}, {c})")
            }
            9 => {
                let (a, b) = (self.e_u32(d), self.e_u32(d));
                format!("({a}).wrapping_add({b})")
            }
            10 => {
                if let Some(v) = self.visible_var(Ty::Vec, true) {
                    let b = self.e_u32(d);
                    format!("{v}.pop().unwrap_or({b})")
                } else {
                    self.leaf_u32()
                }
            }
            11 if self.features.guard_temporaries => {
                let id = self.id();
                let b = self.e_u32(d);
                format!("touch(log.guard(\"t{id}\"), {b})")
            }
            12 if self.ret_option => {
                let b = self.operand(|g| g.e_u32(d));
                format!("opt({b})?")
            }
            13 if blocks => {
                let c = self.cond(d);
                let a = self.small_block(Some(Ty::U32));
                let b = self.small_block(Some(Ty::U32));
                format!("if {c} {a} else {b}")
            }
            14 if blocks => self.match_u32(d, true),
            15 if blocks && self.features.labeled_blocks => self.labeled_block(true),
            16 if blocks && self.features.value_loops && self.loops < MAX_LOOPS => {
                self.value_loop()
            }
            17 if blocks => self.small_block(Some(Ty::U32)),
            18 => {
                if let Some(v) = self.visible_var(Ty::Vec, false) {
                    let b = self.e_u32(d);
                    format!("{v}.len() as u32 + ({b}) % 1000")
                } else {
                    self.leaf_u32()
                }
            }
            19 if self.features.body_items => {
                if self.rng.pct(50)
                    && let Some(f) = self.visible_var(Ty::Fn, false)
                {
                    let b = self.e_u32(d);
                    format!("({f})({b})")
                } else {
                    let b = self.e_u32(d);
                    format!("local_step({b})")
                }
            }
            _ => self.leaf_u32(),
        }
    }

    fn e_str(&mut self, depth: usize) -> String {
        match self.rng.below(6) {
            5 if self.features.plain_shapes => {
                // A format string capturing locals by name (which a
                // shadowing binding's rename must reach).
                // (No yield in another macro's arguments.)
                if let Some(v) = self.visible_var(Ty::U32, false) {
                    let e = self.leaf_u32();
                    return format!("format!(\"{{{v}}}-{{}}\", {e})");
                }
                "String::from(\"f\")".to_owned()
            }
            0 => {
                if let Some(v) = self.visible_var(Ty::Str, false) {
                    return format!("{v}.clone()");
                }
                "String::from(\"s\")".to_owned()
            }
            1 | 2 => {
                let s = self.e_str(depth.saturating_sub(1).min(1));
                let e = self.e_u32(depth);
                format!("cat({s}, {e})")
            }
            3 => {
                let e = self.e_u32(depth);
                format!("num({e})")
            }
            _ => format!(
                "String::from(\"{}\")",
                ["x", "yz", "abc"][self.rng.below(3)]
            ),
        }
    }

    fn e_vec(&mut self, depth: usize) -> String {
        match self.rng.below(4) {
            0 => {
                if let Some(v) = self.visible_var(Ty::Vec, false) {
                    return format!("{v}.clone()");
                }
                "Vec::<u32>::new()".to_owned()
            }
            1 => {
                let v = self.e_vec(0);
                let e = self.e_u32(depth);
                format!("vpush({v}, {e})")
            }
            _ => {
                let n = self.rng.below(4);
                let items: Vec<String> = (0..n).map(|_| self.lit()).collect();
                if items.is_empty() {
                    "Vec::<u32>::new()".to_owned()
                } else {
                    format!("vec![{}]", items.join(", "))
                }
            }
        }
    }

    fn e_guard(&mut self) -> String {
        let id = self.id();
        match self.rng.below(4) {
            0 => {
                if let Some(v) = self.visible_var(Ty::Guard, false) {
                    return format!("log.guard(format!(\"g{id}<{{}}>\", {v}.name()))");
                }
                format!("log.guard(\"g{id}\")")
            }
            1 => {
                if let Some(v) = self.visible_var(Ty::U32, false) {
                    return format!("log.guard(format!(\"g{id}.{{}}\", {v}))");
                }
                format!("log.guard(\"g{id}\")")
            }
            _ => format!("log.guard(\"g{id}\")"),
        }
    }

    fn cond(&mut self, depth: usize) -> String {
        let d = depth.min(2);
        match self.rng.below(9) {
            0 | 1 => {
                let e = self.e_u32(d);
                let k = 2 + self.rng.below(3);
                let r = self.rng.below(k);
                format!("{e} % {k} == {r}")
            }
            2 => {
                let (a, b) = (self.e_u32(d), self.e_u32(d));
                format!("{a} < {b}")
            }
            3 => {
                if let Some(v) = self.visible_var(Ty::Vec, false) {
                    return format!("{v}.is_empty()");
                }
                "true".to_owned()
            }
            4 => {
                if let Some(v) = self.visible_var(Ty::Str, false) {
                    let k = self.rng.below(6);
                    return format!("{v}.len() > {k}");
                }
                "false".to_owned()
            }
            5 if d > 0 && self.features.short_circuit_yields => {
                let (a, b) = (self.cond(d - 1), self.cond(d - 1));
                format!("({a} && {b})")
            }
            6 if d > 0 && self.features.short_circuit_yields => {
                let (a, b) = (self.cond(d - 1), self.cond(d - 1));
                format!("({a} || {b})")
            }
            7 if d > 0 => {
                let a = self.cond(d - 1);
                format!("!({a})")
            }
            _ => {
                let e = self.leaf_u32();
                format!("{e} % 2 == 0")
            }
        }
    }

    fn ret_expr(&mut self) -> String {
        let e = self.e_u32(2);
        if self.ret_option {
            if self.rng.pct(20) {
                "None".to_owned()
            } else {
                format!("Some({e})")
            }
        } else {
            e
        }
    }

    // ------------------------------------------------- control-flow pieces

    fn match_u32(&mut self, depth: usize, value: bool) -> String {
        let tail = value.then_some(Ty::U32);
        let mut out = String::new();
        if self.rng.pct(50) {
            let scrut = self.e_u32(depth);
            let _ = writeln!(out, "match {scrut} {{");
            let k = self.rng.below(5);
            let a = self.small_block(tail);
            let _ = writeln!(out, "{k} => {a}");
            let name = self.fresh_name();
            let m = 2 + self.rng.below(3);
            self.scopes.push(Vec::new());
            self.declare(&name, Ty::U32, false);
            let b = self.small_block(tail);
            self.scopes.pop();
            let g = self.guard(&name, format!("{name} % {m} == 0"));
            let _ = writeln!(out, "{name} if {g} => {b}");
            let name = self.fresh_name();
            self.scopes.push(Vec::new());
            self.declare(&name, Ty::U32, false);
            let c = self.small_block(tail);
            self.scopes.pop();
            let _ = writeln!(out, "{name} @ 1..=9 => {c}");
            let d = if self.features.plain_shapes && self.rng.pct(20) {
                // A diverging arm beside yielding ones.
                let e = self.operand(|g| g.ret_expr());
                format!("return {e},")
            } else {
                self.small_block(tail)
            };
            let _ = write!(out, "_ => {d}\n}}");
        } else {
            let scrut = self.e_u32(depth);
            let _ = writeln!(out, "match opt({scrut}) {{");
            let name = self.fresh_name();
            self.scopes.push(Vec::new());
            self.declare(&name, Ty::U32, false);
            let a = self.small_block(tail);
            self.scopes.pop();
            let k = 3 + self.rng.below(8);
            let g = self.guard(&name, format!("{name} > {k}"));
            let _ = writeln!(out, "Some({name}) if {g} => {a}");
            let name = self.fresh_name();
            self.scopes.push(Vec::new());
            self.declare(&name, Ty::U32, false);
            let b = self.small_block(tail);
            self.scopes.pop();
            let _ = writeln!(out, "Some({name}) => {b}");
            let c = self.small_block(tail);
            let _ = write!(out, "None => {c}\n}}");
        }
        out
    }

    /// A match guard testing `name`: `test`, or a guard that yields
    /// (asking the caller, or after computing the test). The binding is
    /// used only before the yield: after it, it would borrow the
    /// scrutinee across the yield (a documented compile error).
    fn guard(&mut self, name: &str, test: String) -> String {
        if !self.features.guard_yields || !self.can_yield_stmt() || !self.rng.pct(35) {
            return test;
        }
        if self.yield_ok() && self.rng.pct(50) {
            let k = 2 + self.rng.below(3);
            format!("r#yield!({name}) % {k} == 0")
        } else {
            format!("{{ let t = {test}; r#yield!({name}); t }}")
        }
    }

    fn labeled_block(&mut self, value: bool) -> String {
        let id = self.id();
        let label = format!("'b{id}");
        self.frames.push(Frame {
            kind: FrameKind::Block,
            label: label.clone(),
            value,
            target: true,
        });
        let tail = value.then_some(Ty::U32);
        let body = {
            let n = 1 + self.rng.below(3);
            self.block(n, tail)
        };
        self.frames.pop();
        format!("{label}: {body}")
    }

    /// `{ let mut cN = 0; 'lN: loop { cN += 1; if cN > K { break 'lN E; } … } }`
    fn value_loop(&mut self) -> String {
        let id = self.id();
        let label = format!("'l{id}");
        let k = 1 + self.rng.below(3);
        // The break operand is generated outside the loop's frame: a
        // `continue` to this loop in it would never end.
        self.frames.push(Frame {
            kind: FrameKind::Loop,
            label: label.clone(),
            value: true,
            target: false,
        });
        let e = break_operand(self.e_u32(1));
        self.frames.pop();
        self.frames.push(Frame {
            kind: FrameKind::Loop,
            label: label.clone(),
            value: true,
            target: true,
        });
        self.loops += 1;
        self.scopes.push(Vec::new());
        let body = {
            let n = 1 + self.rng.below(3);
            self.block(n, None)
        };
        self.scopes.pop();
        self.loops -= 1;
        self.frames.pop();
        format!(
            "{{\nlet mut c{id} = 0u32;\n{label}: loop {{\nc{id} += 1;\nif c{id} > {k} {{ break {label} {e}; }}\n{body}\n}}\n}}"
        )
    }

    /// A conditional `break`/`continue`/`return`, or `None` when there is
    /// nothing to leave.
    fn jump(&mut self) -> Option<String> {
        let choice = self.rng.below(10);
        if choice < 2 || self.frames.is_empty() {
            if choice < 2 || self.rng.pct(30) {
                let e = self.operand(|g| g.ret_expr());
                return Some(format!("return {e}"));
            }
            return None;
        }
        let targets: Vec<usize> = (0..self.frames.len())
            .filter(|&i| self.frames[i].target)
            .collect();
        if targets.is_empty() {
            return None;
        }
        let i = *self.rng.pick(&targets);
        let frame = self.frames[i].clone();
        // Unlabeled only for the innermost frame, when it is a loop (an
        // unlabeled break inside a labeled block is E0695).
        let innermost = i + 1 == self.frames.len() && frame.kind == FrameKind::Loop;
        let label = if innermost && self.rng.pct(50) {
            String::new()
        } else {
            format!(" {}", frame.label)
        };
        if frame.kind == FrameKind::Loop && self.rng.pct(40) {
            return Some(format!("continue{label}"));
        }
        if frame.value {
            let e = self.e_u32(1);
            Some(format!("break{label} {}", break_operand(e)))
        } else {
            Some(format!("break{label}"))
        }
    }

    // ------------------------------------------------------------ statements

    fn stmt_let(&mut self, force: Option<Ty>) -> String {
        self.budget -= 1;
        let ty = force.unwrap_or_else(|| {
            let ty = *self.rng.pick(&[
                Ty::U32,
                Ty::U32,
                Ty::U32,
                Ty::Str,
                Ty::Vec,
                Ty::Guard,
                Ty::Guard,
                Ty::Rec,
            ]);
            if ty == Ty::Rec && !self.features.field_moves {
                Ty::U32
            } else {
                ty
            }
        });
        let init = if ty == Ty::U32 && !self.send_u32 && self.can_yield_stmt() && self.rng.pct(10) {
            // A unit yield as a `let` initialiser.
            self.no_yield += 1;
            let e = self.e_u32(1);
            self.no_yield -= 1;
            let name = self.fresh_name();
            return format!("let _{name} = r#yield!({e});\n");
        } else {
            self.expr(ty, 2)
        };
        // A value split into its fields has a name of its own (see the
        // README: a shadowed one is not split).
        let name = if ty == Ty::Rec {
            format!("r{}", self.id())
        } else {
            self.fresh_name()
        };
        let mutable = self.rng.pct(60);
        let m = if mutable { "mut " } else { "" };
        let annot = match ty {
            Ty::U32 if self.rng.pct(30) => ": u32",
            _ => "",
        };
        self.declare(&name, ty, mutable);
        format!("let {m}{name}{annot} = {init};\n")
    }

    /// `(a, b) = (b, a);` or `[a, b] = [b, a];` over two mutable locals of
    /// one type: a swap, or for numbers the Fibonacci step `(a, b) = (b,
    /// a.wrapping_add(b))`, perhaps with a yield in the value. Two locals
    /// are declared first when fewer are in sight (programs are small).
    fn destructuring_assignment(&mut self) -> String {
        let candidates: Vec<(Ty, Vec<String>)> = [Ty::U32, Ty::Str, Ty::Vec]
            .into_iter()
            .map(|ty| {
                let names = self
                    .visible(ty)
                    .into_iter()
                    .filter(|v| v.mutable && !self.frozen.contains(&v.name))
                    .map(|v| v.name)
                    .collect::<Vec<_>>();
                (ty, names)
            })
            .filter(|(_, names)| names.len() >= 2)
            .collect();
        let mut out = String::new();
        let (ty, mut names) = if candidates.is_empty() {
            let ty = *self.rng.pick(&[Ty::U32, Ty::U32, Ty::Str, Ty::Vec]);
            let first = self.fresh_name();
            let mut second = self.fresh_name();
            while second == first {
                second = self.fresh_name();
            }
            for name in [&first, &second] {
                self.budget = self.budget.saturating_sub(1);
                let init = self.expr(ty, 2);
                out.push_str(&format!("let mut {name} = {init};\n"));
                self.declare(name, ty, true);
            }
            (ty, vec![first, second])
        } else {
            self.rng.pick(&candidates).clone()
        };
        // (An initialiser above may have moved one of the two: then the
        // declarations alone.)
        let present = self.visible(ty);
        names.retain(|name| present.iter().any(|v| v.name == *name));
        if names.len() < 2 {
            return out;
        }
        let a = names.swap_remove(self.rng.below(names.len()));
        let b = names.swap_remove(self.rng.below(names.len()));
        let second = match ty {
            Ty::U32 if self.yield_ok() && self.rng.pct(40) => {
                self.no_yield += 1;
                let e = self.e_u32(1);
                self.no_yield -= 1;
                format!("r#yield!({e})")
            }
            Ty::U32 => format!("{a}.wrapping_add({b})"),
            _ => a.clone(),
        };
        if self.rng.pct(50) {
            out.push_str(&format!("[{a}, {b}] = [{b}, {second}];\n"));
        } else {
            out.push_str(&format!("({a}, {b}) = ({b}, {second});\n"));
        }
        out
    }

    fn stmt(&mut self) -> String {
        self.budget -= 1;
        let can_nest = self.nest < MAX_NEST;
        let can_loop = can_nest && self.loops < MAX_LOOPS;
        // An attempt that gives up (`continue`) drops the text it generated,
        // which may have named `self.g` (seed 10512665: `self.s` was then
        // moved out with `self.g` named nowhere, which is D4).
        let self_g_named = self.self_g_named;
        loop {
            self.self_g_named = self_g_named;
            let s = match self.rng.below(40) {
                0..=4 if self.can_yield_stmt() => {
                    self.no_yield += 1;
                    let e = self.e_u32(2);
                    self.no_yield -= 1;
                    format!("r#yield!({e});\n")
                }
                5..=9 => {
                    self.budget += 1;
                    self.stmt_let(None)
                }
                10 if self.features.plain_shapes && self.rng.pct(40) => {
                    self.destructuring_assignment()
                }
                10 => {
                    let Some(v) = self.visible_var(Ty::U32, true) else {
                        continue;
                    };
                    let e = self.e_u32(2);
                    format!("{v} = {e};\n")
                }
                11 => {
                    let Some(v) = self.visible_var(Ty::U32, true) else {
                        continue;
                    };
                    let e = self.e_u32(2);
                    match self.rng.below(4) {
                        0 => format!("{v} += {e} % 1000;\n"),
                        1 => format!("{v} ^= {e};\n"),
                        2 => format!("{v} |= {e};\n"),
                        _ => format!("{v} %= ({e}) | 1;\n"),
                    }
                }
                12 => {
                    let Some(v) = self.visible_var(Ty::Vec, true) else {
                        continue;
                    };
                    self.frozen.push(v.clone());
                    let e = self.e_u32(2);
                    self.frozen.pop();
                    format!("{v}.push({e});\n")
                }
                13 => {
                    let Some(v) = self.visible_var(Ty::Str, true) else {
                        continue;
                    };
                    if self.rng.pct(50) {
                        self.frozen.push(v.clone());
                        let e = self.e_u32(2);
                        self.frozen.pop();
                        format!("{v}.push(ch({e}));\n")
                    } else {
                        let e = self.e_u32(2);
                        if self.features.plain_shapes
                            && !mentions(&e, &v)
                            && !may_leave(&e)
                            && self.rng.pct(50)
                        {
                            // Moved into the call, given a new value after
                            // the yields in `e` (which must not leave the
                            // statement with the value moved: seed 300694).
                            format!("{v} = cat({v}, {e});\n")
                        } else {
                            format!("{v} = cat({v}.clone(), {e});\n")
                        }
                    }
                }
                14 | 15 if can_nest => {
                    let c = self.cond(2);
                    let a = self.small_block(None);
                    if self.rng.pct(50) {
                        let b = self.small_block(None);
                        format!("if {c} {a} else {b}\n")
                    } else {
                        format!("if {c} {a}\n")
                    }
                }
                16 if can_nest => {
                    let m = self.match_u32(2, false);
                    format!("{m}\n")
                }
                17 if can_nest => {
                    let e = self.e_u32(2);
                    let name = self.fresh_name();
                    self.scopes.push(Vec::new());
                    self.declare(&name, Ty::U32, false);
                    // A let chain: the rest of the condition sees the
                    // binding, and may suspend.
                    let chain = if self.features.let_chains && self.rng.pct(40) {
                        let c = self.cond(2);
                        format!(" && ({c})")
                    } else {
                        String::new()
                    };
                    let a = self.small_block(None);
                    self.scopes.pop();
                    let b = self.small_block(None);
                    format!("if let Some({name}) = opt({e}){chain} {a} else {b}\n")
                }
                18 if can_nest && self.features.let_else => {
                    let e = self.e_u32(2);
                    let name = self.fresh_name();
                    self.scopes.push(Vec::new());
                    // The statement before the jump first: it runs first,
                    // and a value it moves must not be used by the jump's
                    // operand. (Given up with the statement when there is
                    // nothing to jump to: what it marked as moved is then
                    // only never used again.)
                    let pre = if self.rng.pct(50) {
                        self.no_yield += 1;
                        let e = self.e_u32(1);
                        self.no_yield -= 1;
                        if self.can_yield_stmt() {
                            format!("r#yield!({e});\n")
                        } else {
                            String::new()
                        }
                    } else {
                        String::new()
                    };
                    let jump = self.jump();
                    self.scopes.pop();
                    let Some(j) = jump else { continue };
                    self.declare(&name, Ty::U32, false);
                    format!("let Some({name}) = opt({e}) else {{\n{pre}{j};\n}};\n")
                }
                19 | 20 if can_loop => self.for_loop(),
                21 if can_loop => self.while_loop(),
                22 if can_loop => self.plain_loop(),
                23 if can_loop => self.while_let(),
                24 if can_nest && self.features.labeled_blocks => {
                    let b = self.labeled_block(false);
                    format!("{b}\n")
                }
                25 if can_nest => {
                    let b = self.small_block(None);
                    format!("{b}\n")
                }
                26 | 27 => {
                    // The condition first: it runs first, and a value it
                    // moves must not be used by the jump's operand.
                    let c = self.cond(1);
                    let Some(j) = self.jump() else { continue };
                    format!("if {c} {{\n{j};\n}}\n")
                }
                28 if self.features.moves => {
                    // Move a value visible here: declared in this block (an
                    // unconditional move), or in an outer one with no loop
                    // in between (a move on some paths only, which the
                    // generator keeps a drop flag for). It is not used again.
                    let mut seen: Vec<&str> = Vec::new();
                    let mut cands: Vec<(usize, usize)> = Vec::new();
                    let innermost = self.scopes.len() - 1;
                    for (si, scope) in self.scopes.iter().enumerate().rev() {
                        for (vi, var) in scope.iter().enumerate().rev() {
                            if seen.contains(&var.name.as_str()) {
                                continue;
                            }
                            seen.push(&var.name);
                            let conditional = si != innermost;
                            if var.moved
                                || matches!(var.ty, Ty::U32 | Ty::Rec | Ty::Fn)
                                || self.frozen.contains(&var.name)
                                || (conditional
                                    && (!self.features.conditional_moves
                                        || var.loops != self.loops))
                            {
                                continue;
                            }
                            cands.push((si, vi));
                        }
                    }
                    if cands.is_empty() {
                        continue;
                    }
                    let (si, i) = *self.rng.pick(&cands);
                    let scope = &mut self.scopes[si];
                    scope[i].moved = true;
                    let v = scope[i].name.clone();
                    let ty = scope[i].ty;
                    // Or a method that consumes its receiver (one the
                    // macro knows: an unknown one is documented to be
                    // taken as a borrow).
                    let by_method = self.rng.pct(40);
                    match ty {
                        Ty::Guard => format!("drop({v});\n"),
                        Ty::Str if by_method => format!(
                            "take_v({v}.into_bytes().into_iter().map(u32::from).collect());\n"
                        ),
                        Ty::Str => format!("take_s({v});\n"),
                        _ if by_method => format!("let _ = {v}.into_iter().count();\n"),
                        _ => format!("take_v({v});\n"),
                    }
                }
                29 if self.ret_option => {
                    let e = self.operand(|g| g.e_u32(2));
                    let name = self.fresh_name();
                    self.declare(&name, Ty::U32, false);
                    format!("let {name} = opt({e})?;\n")
                }
                30 if self.yield_ok() && self.features.moved_then_return && self.rng.pct(40) => {
                    let Some(s) = self.moved_then_return() else {
                        continue;
                    };
                    s
                }
                30 if self.yield_ok() => {
                    // A yield as the operand of `return`.
                    // The condition first (see the jump above).
                    let c = self.cond(1);
                    self.no_yield += 1;
                    let e = self.e_u32(1);
                    self.no_yield -= 1;
                    let r = if self.ret_option {
                        format!("Some(r#yield!({e}))")
                    } else {
                        format!("r#yield!({e})")
                    };
                    format!("if {c} {{\nreturn {r};\n}}\n")
                }
                31 => {
                    let g = self.e_guard();
                    let name = self.fresh_name();
                    self.declare(&name, Ty::Guard, false);
                    format!("let {name} = {g};\n")
                }
                36 if self.features.plain_shapes => {
                    // Late initialisation, on every path. (The name is in
                    // scope from its `let` on: nothing before the
                    // assignments may mention it.)
                    if self.rng.pct(30) {
                        // A guard given on some paths only: nothing may
                        // read it, and the plain function drops it at the
                        // end of the block through its drop flag. (A name
                        // of its own: it hides no binding the rest reads.)
                        let name = format!("late{}", self.id());
                        let c = self.cond(1);
                        let g = self.e_guard();
                        return format!("let {name};\nif {c} {{\n{name} = {g};\n}}\n");
                    }
                    let name = self.fresh_name();
                    let out = if self.rng.pct(50) {
                        let c = self.cond(1);
                        let (a, b) = (self.e_u32(2), self.e_u32(2));
                        if [&c, &a, &b].iter().any(|e| mentions(e, &name)) {
                            continue;
                        }
                        format!(
                            "let {name}: u32;\nif {c} {{\n{name} = {a};\n}} else {{\n{name} = {b};\n}}\n"
                        )
                    } else {
                        let e = self.e_u32(2);
                        if mentions(&e, &name) {
                            continue;
                        }
                        format!("let {name};\n{name} = {e};\n")
                    };
                    self.declare(&name, Ty::U32, false);
                    out
                }
                37 if self.features.plain_shapes => {
                    // A closure created and called between yields.
                    let (k, a, b) = (self.leaf_u32(), self.leaf_u32(), self.leaf_u32());
                    // `move` only over `u32`s: a `move` closure naming
                    // `r.s` would move that field out of `r`.
                    let owned = self.scopes.iter().flatten().all(|var| {
                        var.ty == Ty::U32
                            || !mentions(&k, &var.name)
                            || self.visible(Ty::U32).iter().any(|v| v.name == var.name)
                    });
                    let capture = if owned && self.rng.pct(50) {
                        "move "
                    } else {
                        ""
                    };
                    let name = self.fresh_name();
                    let out = format!(
                        "let {name} = {{\nlet cl = {capture}|v: u32| v.wrapping_mul(3) ^ {k};\ncl({a}) ^ cl({b})\n}};\n"
                    );
                    self.declare(&name, Ty::U32, false);
                    out
                }
                39 if self.features.plain_shapes => {
                    // A closure kept in a local, called later (across
                    // yields too): one capturing nothing, one copying
                    // `u32`s, or one owning a value with a destructor (moved
                    // in, dropped with the closure).
                    let name = format!("cl{}", self.id());
                    let k = self.rng.below(50);
                    let out = match self.rng.below(3) {
                        0 => format!("let {name} = |v: u32| v.wrapping_mul(7) ^ {k};\n"),
                        1 => {
                            let Some(x) = self.visible_var(Ty::U32, false) else {
                                continue;
                            };
                            format!("let {name} = move |v: u32| v.wrapping_add({x}) ^ {k};\n")
                        }
                        _ => {
                            // Only this block's values: a move is unconditional.
                            let scope = self.scopes.last().unwrap();
                            let cands: Vec<usize> = (0..scope.len())
                                .filter(|&i| matches!(scope[i].ty, Ty::Guard | Ty::Str))
                                .filter(|&i| !scope[i].moved)
                                // Not hidden by a later one of its name.
                                .filter(|&i| scope[i + 1..].iter().all(|v| v.name != scope[i].name))
                                .filter(|&i| !self.frozen.contains(&scope[i].name))
                                .collect();
                            if cands.is_empty() {
                                continue;
                            }
                            let i = *self.rng.pick(&cands);
                            let scope = self.scopes.last_mut().unwrap();
                            scope[i].moved = true;
                            let v = scope[i].name.clone();
                            let len = match scope[i].ty {
                                Ty::Guard => format!("{v}.name().len()"),
                                _ => format!("{v}.len()"),
                            };
                            format!("let {name} = move |v: u32| v ^ ({len} as u32) ^ {k};\n")
                        }
                    };
                    self.declare(&name, Ty::Fn, false);
                    out
                }
                38 if self.features.plain_shapes => {
                    // A reference to a local, or a view into it made by a
                    // method (`s.trim()`, `v.first()`), that dies before
                    // the next yield.
                    let id = self.id();
                    let view = self.rng.below(3);
                    let (borrow, read) = if let Some(v) = self.visible_var(Ty::Vec, false) {
                        match view {
                            0 => (format!("&{v}"), format!("sumv(r{id})")),
                            1 => (
                                format!("{v}.first()"),
                                format!("r{id}.copied().unwrap_or(0)"),
                            ),
                            _ => (format!("{v}.get(1)"), format!("r{id}.map_or(5, |x| *x)")),
                        }
                    } else if let Some(v) = self.visible_var(Ty::Str, false) {
                        match view {
                            0 => (format!("{v}.as_str()"), format!("(r{id}.len() as u32)")),
                            1 => (format!("{v}.trim()"), format!("(r{id}.len() as u32)")),
                            _ if self.can_yield_stmt() => {
                                // Bound by `if let`, used in the operand of
                                // a yield in its body.
                                self.no_yield += 1;
                                let e = self.e_u32(1);
                                self.no_yield -= 1;
                                return format!(
                                    "if let Some(r{id}) = {v}.strip_prefix('a') {{\nr#yield!((r{id}.len() as u32) ^ {e});\n}}\n"
                                );
                            }
                            _ => (
                                format!("{v}.strip_prefix('a')"),
                                format!("r{id}.map_or(7, |s| s.len() as u32)"),
                            ),
                        }
                    } else {
                        continue;
                    };
                    let e = self.e_u32(2);
                    let name = self.fresh_name();
                    self.declare(&name, Ty::U32, false);
                    format!("let r{id} = {borrow};\nlet {name} = {read} ^ {e};\n")
                }
                35 if self.features.place_yields => {
                    // A yield in the place assigned: `v[i] = e` evaluates `e`
                    // first, then the index.
                    let Some(v) = self.visible_var(Ty::Vec, true) else {
                        continue;
                    };
                    // Nothing in the index or value may change `v` (its
                    // length is the modulus, and it is borrowed last).
                    self.frozen.push(v.clone());
                    // The value first, as it runs first: what it moves, the
                    // index must not use (seed 7004437).
                    let e = self.e_u32(2);
                    let i = self.e_u32(2);
                    // The length is read first: `v[… v.len()] ^= k` is E0502
                    // in plain Rust (no two-phase borrow through `IndexMut`
                    // in a compound assignment).
                    let id = self.id();
                    let index = if self.yield_ok() && !i.contains("r#yield!") {
                        self.no_yield += 1;
                        let y = self.e_u32(1);
                        self.no_yield -= 1;
                        format!("(r#yield!({y}) as usize + ({i}) as usize) % l{id}")
                    } else {
                        format!("({i}) as usize % l{id}")
                    };
                    self.frozen.pop();
                    // Nor may the index read `v`: `v[f(&v)] = e` is E0502
                    // too (the length is `l{id}`).
                    if mentions(&index, &v) {
                        continue;
                    }
                    let assign = if self.rng.pct(30) {
                        let k = self.rng.below(20);
                        format!("{v}[{index}] ^= {k}u32;")
                    } else {
                        format!("{v}[{index}] = {e};")
                    };
                    format!("if !{v}.is_empty() {{\nlet l{id} = {v}.len();\n{assign}\n}}\n")
                }
                32 if self.features.field_moves => {
                    let Some(r) = self.visible_rec(0, true) else {
                        continue;
                    };
                    self.frozen.push(r.clone());
                    let e = self.e_u32(2);
                    self.frozen.pop();
                    if self.rng.pct(50) {
                        format!("{r}.n = {e};\n")
                    } else {
                        format!("{r}.n ^= {e};\n")
                    }
                }
                33 if self.features.field_moves => {
                    let Some(r) = self.visible_rec(REC_S, true) else {
                        continue;
                    };
                    self.frozen.push(r.clone());
                    let e = self.e_u32(2);
                    self.frozen.pop();
                    format!("{r}.s.push(ch({e}));\n")
                }
                34 if self.features.field_moves => {
                    // Move a field (or what is left) out of a `Rec` declared
                    // in this block: unconditional, as for other moves.
                    let scope = self.scopes.last().unwrap();
                    let cands: Vec<usize> = (0..scope.len())
                        .filter(|&i| scope[i].ty == Ty::Rec && !scope[i].moved)
                        .filter(|&i| scope[i].moved_fields != REC_G | REC_S)
                        .filter(|&i| !self.frozen.contains(&scope[i].name))
                        .collect();
                    if cands.is_empty() {
                        continue;
                    }
                    let i = *self.rng.pick(&cands);
                    let left = (REC_G | REC_S) & !self.scopes.last().unwrap()[i].moved_fields;
                    let r = self.scopes.last().unwrap()[i].name.clone();
                    let choice = self.rng.below(5);
                    // A field of `self` the body never names stays in it
                    // when another moves out, and is dropped at the next
                    // yield (a documented limit: the macro sees only the
                    // fields the body names). Of `Rec`'s fields only `g`
                    // drops visibly: `s` moves out of `self` once `g` was
                    // named or moved.
                    let s_ok = r != "self" || self.self_g_named || left & REC_G == 0;
                    if choice == 0 && left == REC_G | REC_S {
                        self.scopes.last_mut().unwrap()[i].moved = true;
                        if self.features.self_methods && self.rng.pct(50) {
                            // Its own method taking `self`.
                            let name = self.fresh_name();
                            self.declare(&name, Ty::U32, false);
                            format!("let {name} = {r}.into_total();\n")
                        } else {
                            format!("drop({r});\n")
                        }
                    } else if left & REC_G != 0 && (choice < 3 || left & REC_S == 0 || !s_ok) {
                        self.scopes.last_mut().unwrap()[i].moved_fields |= REC_G;
                        if self.rng.pct(50) {
                            format!("drop({r}.g);\n")
                        } else {
                            let name = self.fresh_name();
                            self.declare(&name, Ty::Guard, false);
                            format!("let {name} = {r}.g;\n")
                        }
                    } else {
                        self.scopes.last_mut().unwrap()[i].moved_fields |= REC_S;
                        if self.rng.pct(50) {
                            format!("take_s({r}.s);\n")
                        } else {
                            let name = self.fresh_name();
                            self.declare(&name, Ty::Str, true);
                            format!("let mut {name} = {r}.s;\n")
                        }
                    }
                }
                _ => continue,
            };
            return s;
        }
    }

    /// `if c { r#yield!({ let n = <len of v>; <move v>; n }); return …; }`
    /// for a `Guard` or `String` visible here. The path that moves `v`
    /// returns, so `v` stays usable after the `if` (it is not marked moved).
    fn moved_then_return(&mut self) -> Option<String> {
        // The condition first: a statement inside it may move a value.
        let c = self.cond(1);
        let mut seen: Vec<&str> = Vec::new();
        let mut cands: Vec<(usize, usize)> = Vec::new();
        for (si, scope) in self.scopes.iter().enumerate().rev() {
            for (vi, var) in scope.iter().enumerate().rev() {
                if seen.contains(&var.name.as_str()) {
                    continue;
                }
                seen.push(&var.name);
                if !var.moved
                    && matches!(var.ty, Ty::Guard | Ty::Str)
                    && !self.frozen.contains(&var.name)
                {
                    cands.push((si, vi));
                }
            }
        }
        if cands.is_empty() {
            return None;
        }
        let (si, vi) = *self.rng.pick(&cands);
        let var = &self.scopes[si][vi];
        let v = var.name.clone();
        let (len, take) = match var.ty {
            Ty::Guard => (format!("{v}.name().len() as u32"), format!("drop({v})")),
            _ => (format!("{v}.len() as u32"), format!("take_s({v})")),
        };
        let n = format!("n{}", self.id());
        // A literal: an operand with a jump in it (`continue 'l` inside a
        // `match`) would not leave, and one reading `v` would read it moved.
        let lit = self.lit();
        let ret = if self.ret_option {
            format!("Some({lit})")
        } else {
            lit
        };
        Some(format!(
            "if {c} {{\nr#yield!({{\nlet {n} = {len};\n{take};\n{n}\n}});\nreturn {ret};\n}}\n"
        ))
    }

    fn loop_frame(&mut self, label: &str) {
        self.frames.push(Frame {
            kind: FrameKind::Loop,
            label: label.to_owned(),
            value: false,
            target: true,
        });
        self.loops += 1;
    }

    fn end_loop_frame(&mut self) {
        self.loops -= 1;
        self.frames.pop();
    }

    fn for_loop(&mut self) -> String {
        let id = self.id();
        let label = format!("'l{id}");
        // The argument, by name, where a plain function may move it: outside
        // every loop (a loop's `break` operand is generated outside its
        // frame, hence `frames` and not `loops`).
        let outside_loops = !self
            .frames
            .iter()
            .any(|f| matches!(f.kind, FrameKind::Loop));
        if self.items && outside_loops && self.rng.pct(60) {
            self.items = false;
            return self.for_items(&label);
        }
        let iter = match self.rng.below(3) {
            0 => format!("0..{}u32", 1 + self.rng.below(3)),
            1 => {
                let e = self.e_u32(1);
                format!("0..({e}) % 4")
            }
            _ => {
                let v = self.e_vec(0);
                format!("({v}).into_iter().take(3)")
            }
        };
        // Bug: the binding of a `while let` whose body has no yield leaks
        // into the enclosing block, and a later yield there fails to compile
        // ("cannot find value `k`"). Unless `Features::yield_free_while_let`
        // is on, the body gets a yield, or the pattern binds nothing.
        let bind = self.features.yield_free_while_let || self.can_yield_stmt();
        let name = if bind {
            self.fresh_name()
        } else {
            "_".to_owned()
        };
        self.loop_frame(&label);
        self.scopes.push(Vec::new());
        if bind {
            self.declare(&name, Ty::U32, false);
        }
        let mut body = {
            let n = 1 + self.rng.below(4);
            self.block(n, None)
        };
        self.scopes.pop();
        self.end_loop_frame();
        if bind && !self.features.yield_free_while_let && !body.contains("r#yield!") {
            body = body.replacen('{', &format!("{{\nr#yield!({name});"), 1);
        }
        format!("{label}: for {name} in {iter} {body}\n")
    }

    /// `for g in items { … }`, each `g` a guard of the argument's.
    fn for_items(&mut self, label: &str) -> String {
        let name = self.fresh_name();
        self.loop_frame(label);
        self.scopes.push(Vec::new());
        self.declare(&name, Ty::Guard, false);
        let body = {
            let n = 1 + self.rng.below(4);
            self.block(n, None)
        };
        self.scopes.pop();
        self.end_loop_frame();
        format!("{label}: for {name} in items {body}\n")
    }

    fn while_loop(&mut self) -> String {
        let id = self.id();
        let label = format!("'l{id}");
        let k = 1 + self.rng.below(3);
        let extra = if self.rng.pct(40) {
            self.simple = true;
            let c = self.cond(1);
            self.simple = false;
            format!(" && {c}")
        } else {
            String::new()
        };
        self.loop_frame(&label);
        let body = {
            let n = 1 + self.rng.below(4);
            self.block(n, None)
        };
        self.end_loop_frame();
        // The counter is bumped first, so `continue` cannot skip it.
        let body = body.replacen('{', &format!("{{\nc{id} += 1;"), 1);
        format!("let mut c{id} = 0u32;\n{label}: while c{id} < {k}{extra} {body}\n")
    }

    fn plain_loop(&mut self) -> String {
        let id = self.id();
        let label = format!("'l{id}");
        let k = 1 + self.rng.below(3);
        self.loop_frame(&label);
        let body = {
            let n = 1 + self.rng.below(4);
            self.block(n, None)
        };
        self.end_loop_frame();
        let body = body.replacen(
            '{',
            &format!("{{\nc{id} += 1;\nif c{id} > {k} {{ break {label}; }}"),
            1,
        );
        format!("let mut c{id} = 0u32;\n{label}: loop {body}\n")
    }

    fn while_let(&mut self) -> String {
        let id = self.id();
        let label = format!("'l{id}");
        let n = self.rng.below(4);
        let items: Vec<String> = (0..n).map(|_| self.lit()).collect();
        // Bug: the binding of a `while let` whose body has no yield leaks
        // into the enclosing block, and a later yield there fails to compile
        // ("cannot find value `k`"). Unless `Features::yield_free_while_let`
        // is on, the body gets a yield, or the pattern binds nothing.
        let bind = self.features.yield_free_while_let || self.can_yield_stmt();
        let name = if bind {
            self.fresh_name()
        } else {
            "_".to_owned()
        };
        self.loop_frame(&label);
        self.scopes.push(Vec::new());
        if bind {
            self.declare(&name, Ty::U32, false);
        }
        let mut body = {
            let n = 1 + self.rng.below(4);
            self.block(n, None)
        };
        self.scopes.pop();
        self.end_loop_frame();
        if bind && !self.features.yield_free_while_let && !body.contains("r#yield!") {
            body = body.replacen('{', &format!("{{\nr#yield!({name});"), 1);
        }
        format!(
            "let mut w{id}: Vec<u32> = vec![{}];\n{label}: while let Some({name}) = w{id}.pop() {body}\n",
            items.join(", ")
        )
    }
}
