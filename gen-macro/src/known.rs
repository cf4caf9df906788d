//! What the macro knows about the names of std and common crates, since it
//! runs before type checking: methods that borrow or consume their
//! receiver, macros that only borrow their arguments, methods whose result
//! borrows or owns, and iterator adaptors. A wrong entry makes a program
//! fail to compile, never misbehave: a value taken to be moved when it was
//! not is saved anyway, and one taken to be borrowed when it was moved is
//! a borrow-checker error.

use syn::Expr;

/// Methods that return an iterator borrowing their receiver. Not `lines`
/// and `bytes`: `BufRead::lines` and `Read::bytes` consume a reader, the
/// commonest receiver of both in a generator that streams a file.
pub(crate) const BORROWING_ITERATORS: &[&str] = &[
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
pub(crate) const BORROWING_PREFIXES: &[&str] = &["as_", "to_", "is_"];

/// Methods of std that borrow their receiver and are often rebound
/// (`let line = line.trim()`, `let guard = guard.lock()`): the rebinding
/// rule (see `Ctx::Receiver`) does not take them to consume it.
pub(crate) const BORROWING_METHODS: &[&str] = &[
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

/// Methods whose result borrows the receiver: references (`or_insert`,
/// `as_str`, …) and borrowing iterators.
pub(crate) fn returns_borrow(method: &str) -> bool {
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

/// Methods whose result owns what it holds, also when called on a borrow
/// (`line.trim().to_string()`, `v.first().cloned()`).
pub(crate) const OWNED_RESULTS: &[&str] = &[
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
pub(crate) const UNWRAPPING: &[&str] = &["unwrap", "expect"];

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
pub(crate) fn under_adaptors(expr: &Expr) -> &Expr {
    match expr {
        Expr::MethodCall(m) if ITERATOR_ADAPTORS.contains(&m.method.to_string().as_str()) => {
            under_adaptors(&m.receiver)
        }
        other => other,
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
