//! Questions about syntax that every phase asks: the bindings a pattern
//! introduces (and which are visibly `Copy`), the local at the root of a
//! place, `let` in conditions, operator kinds, format-string captures,
//! ranges. What std's names mean is in `known`.

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

/// `let x: T = …` with `T` visibly `Copy`: what it is given is a copy.
/// (No coercion makes a value of a `Copy` type out of one that is not,
/// but for reborrows, which move nothing either.) So reading a field into
/// it (`let n: u32 = self.n;`) leaves the value whole.
pub(crate) fn pat_declares_copy(pat: &Pat) -> bool {
    matches!(pat, Pat::Type(t) if type_is_known_copy(&t.ty))
}

pub(crate) fn type_is_known_copy(ty: &syn::Type) -> bool {
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

/// A condition that binds: `let p = e`, alone or in a `&&` chain.
pub(crate) fn cond_has_let(cond: &Expr) -> bool {
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

/// `e` in `match …::Try::branch(e) { … }`, the form `desugar::rewrite` gives
/// to `e?`.
pub(crate) fn desugared_try(m: &syn::ExprMatch) -> Option<&Expr> {
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

/// The receiver a chain of method calls starts from: `counts` in
/// `counts.entry(c).or_insert(0)`.
pub(crate) fn method_chain_root(expr: &Expr) -> &Expr {
    match expr {
        Expr::MethodCall(m) => method_chain_root(&m.receiver),
        other => other,
    }
}

/// The local at the root of a place expression: `v` in `&v`, `&v.a[i]`.
pub(crate) fn place_root(expr: &Expr) -> Option<String> {
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

/// Is an identifier spelled `name` anywhere in `tokens`?
pub(crate) fn tokens_mention(tokens: &proc_macro2::TokenStream, name: &str) -> bool {
    crate::tokens::any(
        tokens.clone(),
        &mut |trees, i| matches!(&trees[i], proc_macro2::TokenTree::Ident(ident) if ident == name),
    )
}

/// Is an identifier spelled `name` anywhere in `block`, macro arguments
/// and unparsed tokens included? (Walks the syntax tree: printing it to
/// tokens first cost the expansion a tenth of its time.)
pub(crate) fn block_mentions(block: &syn::Block, name: &str) -> bool {
    let mut mentions = Mentions { name, found: false };
    syn::visit::Visit::visit_block(&mut mentions, block);
    mentions.found
}

/// [`block_mentions`] for one statement.
pub(crate) fn stmt_mentions(stmt: &syn::Stmt, name: &str) -> bool {
    let mut mentions = Mentions { name, found: false };
    syn::visit::Visit::visit_stmt(&mut mentions, stmt);
    mentions.found
}

struct Mentions<'a> {
    name: &'a str,
    found: bool,
}

impl<'ast> syn::visit::Visit<'ast> for Mentions<'_> {
    fn visit_ident(&mut self, ident: &'ast Ident) {
        self.found |= ident == self.name;
    }
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        self.found |= tokens_mention(&mac.tokens, self.name);
        syn::visit::visit_macro(self, mac);
    }
    fn visit_expr(&mut self, expr: &'ast Expr) {
        if self.found {
            return;
        }
        if let Expr::Verbatim(tokens) = expr {
            self.found |= tokens_mention(tokens, self.name);
        }
        syn::visit::visit_expr(self, expr);
    }
}
