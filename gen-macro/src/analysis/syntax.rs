//! Syntax helpers and name tables for the scope analysis: the bindings a
//! pattern introduces, the local at the root of a place, `if let`
//! conditions, visibly `Copy` bindings, format-string captures, the names of
//! the hidden locals earlier passes introduce, and the macros and methods
//! known to borrow or consume their arguments.

use syn::{Expr, Ident, Pat};

/// For each binding of `pat`, in [`pat_bindings`] order: whether it is
/// `Copy` whatever the rest of the program does, as far as the pattern's
/// type or initializer shows. `let x = 0;`, `let x: u64 = …;`,
/// `let buf = [0u8; 256];` and `let (mut a, mut b) = (1u64, 2);` are;
/// `let (v, n) = (Vec::new(), 0);` gives `[false, true]`, because a
/// tuple pattern is matched element by element against a tuple type or a
/// tuple expression.
pub(crate) fn copy_bindings(pat: &Pat, ty: Option<&syn::Type>, init: Option<&Expr>) -> Vec<bool> {
    let known = match (ty, init) {
        (Some(ty), _) => Known::Type(ty),
        (None, Some(init)) => Known::Init(init),
        (None, None) => Known::Unknown,
    };
    let mut out = Vec::new();
    collect_pat(pat, known, &mut out);
    out.into_iter().map(|(_, _, _, copy)| copy).collect()
}

/// What is known about the value a (sub)pattern matches.
#[derive(Clone, Copy)]
enum Known<'a> {
    /// Visibly `Copy`: then so is every part of it.
    Copy,
    Type(&'a syn::Type),
    Init(&'a Expr),
    Unknown,
}

impl<'a> Known<'a> {
    fn normalize(self) -> Self {
        match self {
            Known::Type(ty) if type_is_known_copy(ty) => Known::Copy,
            Known::Init(expr) if expr_is_copy_literal(expr) => Known::Copy,
            Known::Type(syn::Type::Paren(p)) => Known::Type(&p.elem).normalize(),
            Known::Init(Expr::Paren(p)) => Known::Init(&p.expr).normalize(),
            other => other,
        }
    }

    /// What is known about each element of a tuple pattern of `len`
    /// elements (without `..`).
    fn elements(self, len: usize) -> Vec<Known<'a>> {
        match self {
            Known::Copy => vec![Known::Copy; len],
            Known::Type(syn::Type::Tuple(t)) if t.elems.len() == len => {
                t.elems.iter().map(Known::Type).collect()
            }
            Known::Init(Expr::Tuple(t)) if t.elems.len() == len => {
                t.elems.iter().map(Known::Init).collect()
            }
            _ => vec![Known::Unknown; len],
        }
    }

    /// A part that is not matched structurally: `Copy` if the whole is.
    fn part(self) -> Self {
        match self {
            Known::Copy => Known::Copy,
            _ => Known::Unknown,
        }
    }
}

pub(super) fn type_is_known_copy(ty: &syn::Type) -> bool {
    const PRIMITIVES: &[&str] = &[
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
        "f32", "f64", "bool", "char",
    ];
    match ty {
        syn::Type::Path(p) => {
            p.qself.is_none()
                && p.path
                    .get_ident()
                    .is_some_and(|i| PRIMITIVES.contains(&i.to_string().as_str()))
        }
        syn::Type::Array(a) => type_is_known_copy(&a.elem),
        syn::Type::Tuple(t) => t.elems.iter().all(type_is_known_copy),
        syn::Type::Reference(r) => r.mutability.is_none(),
        syn::Type::Paren(p) => type_is_known_copy(&p.elem),
        // A type passed through a `macro_rules!` `$t:ty`.
        syn::Type::Group(g) => type_is_known_copy(&g.elem),
        _ => false,
    }
}

fn expr_is_copy_literal(expr: &Expr) -> bool {
    match expr {
        Expr::Lit(lit) => !matches!(
            lit.lit,
            syn::Lit::Str(_) | syn::Lit::ByteStr(_) | syn::Lit::CStr(_)
        ),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => expr_is_copy_literal(&u.expr),
        Expr::Repeat(r) => expr_is_copy_literal(&r.expr),
        Expr::Array(a) => a.elems.iter().all(expr_is_copy_literal),
        Expr::Tuple(t) => t.elems.iter().all(expr_is_copy_literal),
        Expr::Paren(p) => expr_is_copy_literal(&p.expr),
        _ => false,
    }
}

/// Name prefix of the iterator a desugared `for` loop keeps.
pub(super) const HIDDEN_ITERATOR: &str = "__gen_iter_";

pub(super) fn is_hidden_iterator(pat: &Pat) -> bool {
    matches!(pat, Pat::Ident(p) if p.ident.to_string().starts_with(HIDDEN_ITERATOR))
}

/// Methods that return an iterator borrowing their receiver. Not `lines`
/// and `bytes`: `BufRead::lines` and `Read::bytes` consume a reader, the
/// commonest receiver of both in a generator that streams a file.
pub(super) const BORROWING_ITERATORS: &[&str] = &[
    "iter",
    "iter_mut",
    "chars",
    "char_indices",
    "split",
    "split_whitespace",
    "split_terminator",
    "split_inclusive",
    "splitn",
    "rsplit",
    "rsplitn",
    "matches",
    "match_indices",
    "windows",
    "chunks",
    "chunks_exact",
    "keys",
    "values",
    "values_mut",
    "drain",
];

/// Macros whose arguments are only borrowed (formatting and assertions).
pub(crate) const BORROWING_MACROS: &[&str] = &[
    "println",
    "print",
    "eprintln",
    "eprint",
    "format",
    "format_args",
    "write",
    "writeln",
    "panic",
    "assert",
    "assert_eq",
    "assert_ne",
    "debug_assert",
    "debug_assert_eq",
    "debug_assert_ne",
    "unreachable",
    "todo",
    "unimplemented",
    "matches",
];

/// Method name prefixes that conventionally borrow their receiver: `as_`
/// (borrowed to borrowed), `to_` (borrowed to owned; by value only on
/// `Copy` types, whose moves do not matter), `is_` (a predicate).
pub(super) const BORROWING_PREFIXES: &[&str] = &["as_", "to_", "is_"];

/// Methods of std that borrow their receiver and are often rebound
/// (`let line = line.trim()`, `let guard = guard.lock()`): the rebinding
/// rule (see `Ctx::Receiver`) does not take them to consume it.
pub(super) const BORROWING_METHODS: &[&str] = &[
    "trim",
    "trim_start",
    "trim_end",
    "clone",
    "borrow",
    "borrow_mut",
    "lock",
    "read",
    "write",
    "get",
    "get_mut",
    "split",
];

/// Method names that conventionally take `self` by value.
pub(crate) const CONSUMING_PREFIXES: &[&str] = &["into", "unwrap", "expect"];

/// Common by-value methods of `Option`, `Result` and `Iterator`: a local
/// used as their receiver may have been moved.
pub(crate) const CONSUMING_METHODS: &[&str] = &[
    "map",
    "map_err",
    "map_or",
    "map_or_else",
    "and_then",
    "or_else",
    "and",
    "or",
    "xor",
    "ok",
    "err",
    "ok_or",
    "ok_or_else",
    "filter",
    "flatten",
    "zip",
    "unzip",
    "transpose",
    "collect",
    "sum",
    "product",
    "count",
    "fold",
    "last",
    "max",
    "min",
    "max_by",
    "min_by",
    "max_by_key",
    "min_by_key",
    "rev",
    "skip",
    "step_by",
    "chain",
    "enumerate",
    "peekable",
    "cycle",
    "fuse",
    "inspect",
    "for_each",
    "filter_map",
    "flat_map",
    "skip_while",
    "take_while",
    "map_while",
    "scan",
    "partition",
    "reduce",
    "join",
    // `Iterator::take` consumes; `Option::take`, `Cell::take` leave an
    // empty value behind, and dropping that early is never observable.
    "take",
    // `BufRead::lines`, `Read::bytes`: a reader streamed by a `for` loop.
    // (Then this library's own methods that take a generator by value.)
    "lines",
    "bytes",
    "start",
    "boxed",
    "boxed_send",
    "try_iter",
    "try_stream",
];

pub(super) fn cond_has_let(cond: &Expr) -> bool {
    match cond {
        Expr::Let(_) => true,
        Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            cond_has_let(&b.left) || cond_has_let(&b.right)
        }
        Expr::Paren(p) => cond_has_let(&p.expr),
        Expr::Group(g) => cond_has_let(&g.expr),
        _ => false,
    }
}

pub(crate) fn if_has_let(cond: &Expr) -> bool {
    cond_has_let(cond)
}

/// The local at the root of a place expression: `v` in `&v`, `&v.a[i]`.
/// `==`, `<`, …: both operands are borrowed (through `PartialEq`/`PartialOrd`).
pub(crate) fn is_comparison(op: &syn::BinOp) -> bool {
    use syn::BinOp;
    matches!(
        op,
        BinOp::Eq(_) | BinOp::Ne(_) | BinOp::Lt(_) | BinOp::Le(_) | BinOp::Gt(_) | BinOp::Ge(_)
    )
}

/// `+=`, `<<=`, …: the left operand is a place that is assigned.
pub(crate) fn is_compound_assign(op: &syn::BinOp) -> bool {
    use syn::BinOp;
    matches!(
        op,
        BinOp::AddAssign(_)
            | BinOp::SubAssign(_)
            | BinOp::MulAssign(_)
            | BinOp::DivAssign(_)
            | BinOp::RemAssign(_)
            | BinOp::BitXorAssign(_)
            | BinOp::BitAndAssign(_)
            | BinOp::BitOrAssign(_)
            | BinOp::ShlAssign(_)
            | BinOp::ShrAssign(_)
    )
}

/// Methods whose result borrows the receiver: references (`or_insert`,
/// `as_str`, …) and borrowing iterators.
pub(super) fn returns_borrow(method: &str) -> bool {
    const REFERENCES: &[&str] = &[
        "or_insert",
        "or_insert_with",
        "or_insert_with_key",
        "or_default",
        "as_str",
        "as_slice",
        "as_bytes",
        "as_mut_slice",
        "as_path",
        "as_os_str",
        "last_mut",
        "first_mut",
        // Views into the receiver (`line.trim()`, `v.first()`,
        // `line.strip_prefix(p)`): a borrow of it, or an `Option` of one.
        "trim",
        "trim_start",
        "trim_end",
        "trim_matches",
        "trim_start_matches",
        "trim_end_matches",
        "strip_prefix",
        "strip_suffix",
        "split_once",
        "rsplit_once",
        "split_at",
        "split_at_mut",
        "split_first",
        "split_last",
        "first",
        "last",
        "get",
        "get_mut",
        "get_key_value",
        "first_key_value",
        "last_key_value",
        "front",
        "back",
        "front_mut",
        "back_mut",
        "peek",
        "peek_mut",
        "as_ref",
        "as_mut",
        "as_deref",
        "as_deref_mut",
        "borrow",
        "borrow_mut",
    ];
    REFERENCES.contains(&method) || BORROWING_ITERATORS.contains(&method)
}

/// `e` in `match …::Try::branch(e) { … }`, the form `lower::rewrite` gives
/// to `e?`.
pub(super) fn desugared_try(m: &syn::ExprMatch) -> Option<&Expr> {
    let Expr::Call(call) = &*m.expr else {
        return None;
    };
    let Expr::Path(func) = &*call.func else {
        return None;
    };
    let mut segments = func.path.segments.iter().rev();
    let branch = segments.next().is_some_and(|s| s.ident == "branch");
    let tried = segments.next().is_some_and(|s| s.ident == "Try");
    (branch && tried && call.args.len() == 1).then(|| &call.args[0])
}

/// Methods whose result owns what it holds, also when called on a borrow
/// (`line.trim().to_string()`, `v.first().cloned()`).
pub(super) const OWNED_RESULTS: &[&str] = &[
    "clone",
    "cloned",
    "to_owned",
    "to_string",
    "to_vec",
    "into_owned",
    "collect",
];

/// Methods that hand on the borrow their receiver holds: `unwrap` of an
/// `Option<&T>` is the `&T`.
pub(super) const UNWRAPPING: &[&str] = &["unwrap", "expect"];

/// Iterator adaptors whose result holds the iterator they are called on:
/// `v.iter().map(f)` borrows `v` as `v.iter()` does, and
/// `walk(n).map(f)` holds the generator `walk(n)`.
pub(crate) const ITERATOR_ADAPTORS: &[&str] = &[
    "by_ref",
    "chain",
    "cycle",
    "enumerate",
    "filter",
    "filter_map",
    "flat_map",
    "flatten",
    "fuse",
    "inspect",
    "into_iter",
    "map",
    "map_while",
    "peekable",
    "rev",
    "scan",
    "skip",
    "skip_while",
    "step_by",
    "take",
    "take_while",
    "zip",
];

/// The innermost receiver under a chain of [`ITERATOR_ADAPTORS`]:
/// `v.iter()` in `v.iter().enumerate().map(f)`.
pub(super) fn under_adaptors(expr: &Expr) -> &Expr {
    match expr {
        Expr::MethodCall(m) if ITERATOR_ADAPTORS.contains(&m.method.to_string().as_str()) => {
            under_adaptors(&m.receiver)
        }
        other => other,
    }
}

/// The receiver a chain of method calls starts from: `counts` in
/// `counts.entry(c).or_insert(0)`.
pub(super) fn method_chain_root(expr: &Expr) -> &Expr {
    match expr {
        Expr::MethodCall(m) => method_chain_root(&m.receiver),
        other => other,
    }
}

pub(super) fn place_root(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Path(p) if p.qself.is_none() => p.path.get_ident().map(ToString::to_string),
        Expr::Field(f) => place_root(&f.base),
        Expr::Index(i) => place_root(&i.expr),
        Expr::Paren(p) => place_root(&p.expr),
        _ => None,
    }
}

/// `(ident, mutable, by_ref)` for each binding a pattern introduces.
/// An identifier starting with an uppercase letter is taken to name a
/// constant or unit variant, as rustc's resolution would in practice.
pub(crate) fn pat_bindings(pat: &Pat) -> Vec<(Ident, bool, bool)> {
    let mut out = Vec::new();
    collect_pat(pat, Known::Unknown, &mut out);
    out.into_iter()
        .map(|(ident, mutable, by_ref, _)| (ident, mutable, by_ref))
        .collect()
}

/// Collects `(name, mut, ref, known Copy)` for each binding of `pat`.
fn collect_pat(pat: &Pat, known: Known<'_>, out: &mut Vec<(Ident, bool, bool, bool)>) {
    let known = known.normalize();
    match pat {
        Pat::Ident(p) => {
            let name = p.ident.to_string();
            let looks_like_path = name.starts_with(|c: char| c.is_uppercase())
                && p.by_ref.is_none()
                && p.mutability.is_none()
                && p.subpat.is_none();
            if !looks_like_path {
                let copy = p.by_ref.is_none() && matches!(known, Known::Copy);
                out.push((
                    p.ident.clone(),
                    p.mutability.is_some(),
                    p.by_ref.is_some(),
                    copy,
                ));
            }
            if let Some((_, sub)) = &p.subpat {
                collect_pat(sub, known, out);
            }
        }
        Pat::Or(p) => {
            if let Some(first) = p.cases.first() {
                collect_pat(first, known.part(), out);
            }
        }
        Pat::Paren(p) => collect_pat(&p.pat, known, out),
        // A value bound through `&` is copied out of the reference.
        Pat::Reference(p) => collect_pat(&p.pat, Known::Copy, out),
        Pat::Slice(p) => p
            .elems
            .iter()
            .for_each(|p| collect_pat(p, known.part(), out)),
        Pat::Struct(p) => p
            .fields
            .iter()
            .for_each(|f| collect_pat(&f.pat, known.part(), out)),
        Pat::Tuple(p) => {
            let has_rest = p.elems.iter().any(|e| matches!(e, Pat::Rest(_)));
            let parts = if has_rest {
                vec![known.part(); p.elems.len()]
            } else {
                known.elements(p.elems.len())
            };
            for (elem, part) in p.elems.iter().zip(parts) {
                collect_pat(elem, part, out);
            }
        }
        Pat::TupleStruct(p) => p
            .elems
            .iter()
            .for_each(|p| collect_pat(p, known.part(), out)),
        Pat::Type(p) => collect_pat(&p.pat, Known::Type(&p.ty), out),
        Pat::Guard(p) => collect_pat(&p.pat, known, out),
        _ => {}
    }
}

/// Names captured inline by a format string literal: `"{x}"`, `"{x:?}"`.
pub(crate) fn format_captures(lit: &str) -> Vec<String> {
    if !lit.starts_with('"') && !lit.starts_with('r') {
        return Vec::new();
    }
    let mut names = Vec::new();
    let mut chars = lit.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '{' {
            continue;
        }
        if chars.peek() == Some(&'{') {
            chars.next();
            continue;
        }
        let mut name = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_alphanumeric() || c == '_' {
                name.push(c);
                chars.next();
            } else {
                break;
            }
        }
        if name.starts_with(|c: char| c.is_alphabetic() || c == '_') {
            names.push(name);
        }
    }
    names
}

/// `expr` without the parentheses around it.
pub(crate) fn strip_parens(mut expr: &Expr) -> &Expr {
    while let Expr::Paren(inner) = expr {
        expr = &inner.expr;
    }
    expr
}

/// `a..b`, `a..=b`, `a..` (in parentheses or not): a range, whose items
/// (`Step` types: integers, `char`, addresses) are `Copy`.
/// Also under the adaptors that keep a range's items (`(0..n).rev()`,
/// `.step_by(k)`, `.skip(k)`, `.take(k)`).
pub(crate) fn is_range(expr: &Expr) -> bool {
    match strip_parens(expr) {
        Expr::Range(r) => r.start.is_some(),
        Expr::MethodCall(m) => {
            matches!(
                m.method.to_string().as_str(),
                "rev" | "step_by" | "skip" | "take"
            ) && is_range(&m.receiver)
        }
        _ => false,
    }
}

/// Methods that in std only `Copy` types have (the integers, `Duration`,
/// `Instant`), and that `num`'s big integers do not: a value they are
/// called on is `Copy`.
pub(crate) fn integer_method(name: &str) -> bool {
    ["wrapping_", "saturating_", "overflowing_"]
        .iter()
        .any(|prefix| name.starts_with(prefix))
        || matches!(
            name,
            "leading_zeros"
                | "trailing_zeros"
                | "count_ones"
                | "count_zeros"
                | "swap_bytes"
                | "reverse_bits"
                | "is_power_of_two"
        )
}
