//! The macro never panics: mutated generator functions and attribute
//! arguments go through the whole expansion, which must return tokens (a
//! generator or `compile_error!`s), whatever the input.

use proc_macro2::{TokenStream, TokenTree};
use quote::quote;

use crate::expand;

fn samples() -> Vec<(TokenStream, TokenStream)> {
    vec![
        (
            quote!(yield = u64),
            quote! {
                fn count(n: u64) -> u64 {
                    let mut total = 0;
                    for i in 0..n { total += i; r#yield!(i); }
                    total
                }
            },
        ),
        (
            quote!(yield = i64, send = i64, throw = E),
            quote! {
                pub fn acc<'a, T: Clone>(v: &'a [T], (a, b): (u8, u8)) -> Result<i64, E> {
                    let mut x = 0;
                    'outer: loop {
                        let s = r#yield!(x)?;
                        match s { 0 => break 'outer, n if n < 0 => return Ok(x), n => x += n }
                        let x = { let y = r#yield!(x + 1)?; y * 2 };
                        if let Some(z) = v.first() { let _ = z.clone(); }
                        while x > 0 { r#yield!(f(x, r#yield!(1)?))?; }
                    }
                    yield_from!(other())?;
                    Ok(x)
                }
            },
        ),
        (
            quote!(yield = String),
            quote! {
                fn words(&self, text: &str) {
                    let mut it = text.split(' ').peekable();
                    while let Some(w) = it.next() {
                        let w = w.to_string();
                        if it.peek().is_some() { r#yield!(w) } else { return; }
                        println!("{}", self.name);
                    }
                    let c = || 1;
                    __gen_yield!(99);
                    r#yield!(format!("{}", c()));
                }
            },
        ),
        (
            quote!(yield = u8, send = u8, crate = ::gen_runtime),
            quote! {
                #[doc = "kept"]
                pub(crate) fn shapes<T: Into<u8>>(t: T, mut v: Vec<u8>) -> Option<u8> where T: Copy {
                    let x = t.into();
                    let y = 'b: { if x == 0 { break 'b 1; } r#yield!(x) };
                    v.push(r#yield!(y));
                    let Some(last) = v.pop() else { return None };
                    let w = match last { 0 => r#yield!(1), n if n > 3 => n, _ => { r#yield!(2); 3 } };
                    let s = r#yield!(r#yield!(w) + 1);
                    for (i, b) in v.into_iter().enumerate() { if i > 2 { continue; } let _ = r#yield!(b); }
                    Some(s)
                }
            },
        ),
        (
            quote!(yield = u32, throw = E),
            quote! {
                fn walk<'t>(&self, tree: &'t Tree, (lo, hi): (u32, u32), items: impl Iterator<Item = u32>) -> usize {
                    let Tree::Node(left, value, right) = tree else { return 0 };
                    let n = yield_from!(self.walk(left, (lo, *value), items))?;
                    r#yield!(*value)?;
                    let m = yield_from!(Self::walk(self, right, (*value, hi), core::iter::empty()))?;
                    yield_from!(walk(right, (0, 0)));
                    n + m + 1
                }
            },
        ),
        (
            // The shapes of issue 12: late initialisation, views, closures
            // saved after a branch (join points), drop flags, fields moved.
            quote!(yield = usize, send = usize),
            quote! {
                fn plain(self, line: String, give: bool) -> usize {
                    let last;
                    let word = line.trim();
                    if let Some(rest) = line.strip_prefix('a') { r#yield!(rest.len() + word.len()); }
                    let g = guard();
                    if give { sink(g); }
                    last = r#yield!(0);
                    let f = move |v: usize| v + last;
                    for x in line.bytes().map(|b| b as usize) { r#yield!(f(x)); }
                    let items = self.items;
                    r#yield!(items.len() + self.label.len());
                    last
                }
            },
        ),
        (
            // Dead views kept for their drop, a break out of a let-else,
            // a split after a later local, late initialisation, a range
            // loop with integer methods.
            quote!(yield = u32, send = u32),
            quote! {
                fn later(doc: Doc, pick: Option<u32>) -> u32 {
                    let rec = Rec { g: guard(), n: 3 };
                    let later = guard();
                    let title = doc.title();
                    r#yield!(title.len() as u32);
                    let total = count(&rec);
                    let g;
                    g = rec.g;
                    r#yield!('b: {
                        let Some(a) = pick else {
                            r#yield!({ if total > 2 { break 'b r#yield!(later.n); } 4 });
                            return 0;
                        };
                        a
                    });
                    let mut acc = rec.n;
                    for i in 0..total { acc = acc.wrapping_add(i); r#yield!(acc); }
                    drop(g);
                    acc
                }
            },
        ),
        (
            // A late binding given a value on some paths (drop flag), a
            // closure assigned late (join point), a method whose argument
            // reads its flagged receiver, a `continue` inside a `break`
            // operand, and a suspending loop assigned to a field.
            quote!(yield = u32, send = String),
            quote! {
                fn flags(give: bool, mut rec: Rec) -> u32 {
                    let late;
                    if give { late = guard(); }
                    let mut v = vec![1u32];
                    v.push(v.len() as u32);
                    if give { sink(v); }
                    r#yield!(0);
                    let g;
                    if give { r#yield!(1); }
                    g = move |x: u32| x + 1;
                    let n = 'l: loop {
                        break 'l match r#yield!(g(2)).len() { 0 => continue 'l, k => k as u32 };
                    };
                    rec.n = loop { if r#yield!(n).is_empty() { break 3; } };
                    drop(late);
                    rec.n
                }
            },
        ),
        (
            // Let chains, items in the body, a nested generator, yields in
            // a delegation's operand and in a parenthesised call, borrows
            // of temporaries and `ref` bindings.
            quote!(yield = u32, send = u32),
            quote! {
                fn items(a: Option<u32>, v: Vec<u32>) -> u32 {
                    r#yield!(helper(K));
                    fn helper(x: u32) -> u32 { x + 1 }
                    const K: u32 = 2;
                    #[generator(yield = u32)]
                    fn inner() { r#yield!(7); }
                    struct Row { n: u32 }
                    impl Row { fn n(&self) -> u32 { self.n } }
                    macro_rules! twice { ($e:expr) => { $e * 2 }; }
                    if let Some(x) = a && r#yield!(x) > 1 && let Some(y) = v.first() {
                        r#yield!(x + *y);
                    } else {
                        r#yield!(twice!(1));
                    }
                    let total = yield_from!(sub(r#yield!(3)));
                    let f = |x: u32| x + Row { n: 1 }.n();
                    let called = (f)(r#yield!(total));
                    let r = &helper(called);
                    let ref w = v;
                    r#yield!(*r + w.len() as u32);
                    yield_from!(inner());
                    called
                }
            },
        ),
        (
            // What the data-flows decide: a dead yield after `break`, a
            // value moved in a yield's operand before `return`, a value
            // moved in one `match` arm, a field of an argument moved on some
            // paths, a field read through a flagged value, closures saved
            // behind join points.
            quote!(yield = u32, send = u32),
            quote! {
                fn flows(p: Pair, words: Vec<String>, k: u32) -> u32 {
                    let r = Rec { g: guard(), s: String::new(), n: 2 };
                    let len = r.s.len() as u32;
                    if k == 1 { drop(p.first); drop(r); }
                    'outer: loop {
                        let mut w = vec![1u32];
                        while let Some(h) = w.pop() { break 'outer; r#yield!(h); }
                    }
                    for x in words {
                        if x.is_empty() { r#yield!({ let n = x.len() as u32; drop(x); n }); return len; }
                        let add = move |v: u32| v + k;
                        r#yield!(add(x.len() as u32));
                    }
                    let d = guard();
                    match r#yield!(len) { 0 => { drop(d); } _ => { r#yield!(d.n); } }
                    r#yield!(p.second.n)
                }
            },
        ),
        (
            // `self` by value: fields read where a `Copy` type shows (a
            // yield of `u32`, a typed `let`, a `let` later yielded), moved
            // out one by one, a method by value and one by reference, the
            // `let … else` in a loop of seed 9600750.
            quote!(yield = u32, send = u32),
            quote! {
                fn run(mut self, log: Log) -> u32 {
                    r#yield!(self.n);
                    let m: u32 = self.n;
                    let k = self.n;
                    r#yield!(k + m);
                    let mut b = r#yield!(self.total());
                    while b < 5 {
                        let Some(step) = nonzero(r#yield!(b)) else {
                            r#yield!({ b = 1; 100 });
                            break;
                        };
                        self.n += step;
                    }
                    let items = self.items;
                    for x in items { r#yield!(x + self.label.len() as u32); }
                    let t = self.into_total();
                    t + b
                }
            },
        ),
    ]
}

/// Every token tree of a stream, flattened, to mutate by position.
fn flatten(tokens: TokenStream, out: &mut Vec<TokenTree>) {
    for tt in tokens {
        out.push(tt);
    }
}

fn expand_must_not_panic(args: TokenStream, item: TokenStream) {
    let result = std::panic::catch_unwind(|| expand::generator(args.clone(), item.clone()));
    assert!(
        result.is_ok(),
        "the macro panicked on:\n#[generator({args})]\n{item}"
    );
}

/// Rebuilds a stream with the token at `at` (a depth-first index into every
/// group) deleted (0), duplicated (1), swapped with its successor (2),
/// replaced by `;` (3), or preceded by a yield (4).
fn mutate(tokens: TokenStream, at: &mut isize, kind: u8) -> TokenStream {
    let mut out: Vec<TokenTree> = Vec::new();
    let mut iter: Vec<TokenTree> = Vec::new();
    flatten(tokens, &mut iter);
    let mut i = 0;
    while i < iter.len() {
        let tt = iter[i].clone();
        *at -= 1;
        if *at == -1 {
            match kind {
                0 => {}
                1 => {
                    out.push(tt.clone());
                    out.push(tt);
                }
                3 => out.extend(quote!(;)),
                4 => {
                    out.extend(quote!(r#yield!(1)));
                    out.push(tt);
                }
                _ => {
                    if let Some(next) = iter.get(i + 1) {
                        out.push(next.clone());
                        out.push(tt);
                        i += 1;
                    } else {
                        out.push(tt);
                    }
                }
            }
        } else if let TokenTree::Group(group) = &tt {
            let inner = mutate(group.stream(), at, kind);
            let mut new = proc_macro2::Group::new(group.delimiter(), inner);
            new.set_span(group.span());
            out.push(TokenTree::Group(new));
        } else {
            out.push(tt);
        }
        i += 1;
    }
    out.into_iter().collect()
}

fn count_tokens(tokens: TokenStream) -> usize {
    tokens
        .into_iter()
        .map(|tt| match tt {
            TokenTree::Group(g) => 1 + count_tokens(g.stream()),
            _ => 1,
        })
        .sum()
}

#[test]
fn mutated_bodies_never_panic() {
    let mut expansions = 0;
    for (args, item) in samples() {
        expand_must_not_panic(args.clone(), item.clone());
        let n = count_tokens(item.clone());
        for position in 0..n {
            for kind in 0..5 {
                let mut at = position as isize;
                let mutated = mutate(item.clone(), &mut at, kind);
                expand_must_not_panic(args.clone(), mutated);
                expansions += 1;
            }
        }
    }
    assert!(expansions > 2000, "only {expansions} mutated inputs");
}

#[test]
fn mutated_arguments_never_panic() {
    for (args, item) in samples() {
        let n = count_tokens(args.clone());
        for position in 0..n {
            for kind in 0..3 {
                let mut at = position as isize;
                let mutated = mutate(args.clone(), &mut at, kind);
                expand_must_not_panic(mutated, item.clone());
            }
        }
    }
    for garbage in [
        quote!(yield),
        quote!(= u8),
        quote!(yield = ),
        quote!(crate = 5),
        quote!(,,),
        quote!(send = u8 send),
    ] {
        expand_must_not_panic(
            garbage,
            quote!(
                fn f() {
                    r#yield!(1);
                }
            ),
        );
    }
}

/// The loop of `benches/large_state.rs`'s natural form (no types written,
/// locals from calls, `for` over a range, `x = x.wrapping_add(…)`) resumes
/// in place: the loop reads the saved values through references into the
/// state instead of moving the 256-byte buffer out and back per item (6×
/// slower when it regressed unnoticed).
#[test]
fn a_numeric_loop_written_naturally_resumes_in_place() {
    let expanded = crate::expand::generator(
        quote!(yield = u64),
        quote!(
            fn natural(rounds: usize) {
                let mut buf = start_buffer();
                let mut a = seed(1);
                let mut d = seed(4);
                for i in 0..rounds {
                    buf[i % 256] = buf[(i * 7) % 256].wrapping_add(i as u8);
                    a = a.wrapping_mul(31).wrapping_add(u64::from(buf[i % 256]));
                    d = d.wrapping_add(a >> 3);
                    r#yield!(a ^ d);
                }
            }
        ),
    )
    .to_string();
    assert!(
        expanded.contains("__gen_ref_"),
        "the loop does not resume in place: {expanded}"
    );
}

/// A generator that only delegates is a level of a chain: its
/// `yield_from!` loop is emitted once (the start and hand-off arms enter it
/// by jumping to its arm), with one call into the level below. It was in
/// three arms with two calls each, which made the level below too costly
/// to inline and a debug build larger per level.
#[test]
fn a_generator_that_only_delegates_holds_one_copy_of_the_loop() {
    let expanded = crate::expand::generator(
        quote!(yield = u64, send = u64),
        quote!(
            fn level(n: u64) -> u64 {
                let r = yield_from!(below(n));
                r + 1
            }
        ),
    )
    .to_string();
    let runs = expanded.matches("run_with (").count();
    assert_eq!(runs, 1, "{expanded}");
    assert_eq!(expanded.matches("loop {").count(), 1, "{expanded}");
}

/// Not a test: a fixed workload to profile the expansion with
/// (`valgrind --tool=callgrind` on the test binary with
/// `--ignored expansion_profile`).
#[test]
#[ignore]
fn expansion_profile() {
    for k in 0..50 {
        let body: TokenStream = format!(
            "pub fn acc{k}() -> i64 {{ let mut total = {k}; loop {{ let v = r#yield!(total); if v < 0 {{ return total; }} total += v; }} }}"
        )
        .parse()
        .unwrap(); // invariant: test-only, a fixed source that lexes
        let out = expand::generator(quote!(yield = i64, send = i64), body);
        assert!(!out.is_empty());
    }
}
