//! Run-pass tests: generator functions of every shape (generics, lifetimes,
//! methods, argument patterns, attributes, `impl Trait`), each compared with
//! the same body written as a plain function that pushes what it would yield.

use std::fmt::Display;

use gen_runtime::{GeneratorState, generator};

// ------------------------------------------------------------- generics

#[generator(yield = String)]
fn labelled<T, U>(items: Vec<T>, sep: U) -> usize
where
    T: Display + Clone,
    U: AsRef<str>,
{
    let mut n = 0;
    for item in items {
        r#yield!(format!("{}{}", item, sep.as_ref()));
        n += 1;
    }
    n
}

fn labelled_ref<T, U>(items: Vec<T>, sep: U, out: &mut Vec<String>) -> usize
where
    T: Display + Clone,
    U: AsRef<str>,
{
    let mut n = 0;
    for item in items {
        out.push(format!("{}{}", item, sep.as_ref()));
        n += 1;
    }
    n
}

#[test]
fn generic_params_with_where_clause() {
    let mut g = labelled(vec![1, 2, 3], ";");
    let got: Vec<String> = g.by_ref().collect();
    let mut want = Vec::new();
    let ret = labelled_ref(vec![1, 2, 3], ";", &mut want);
    assert_eq!(got, want);
    assert_eq!(g.take_return(), Some(ret));

    let mut g = labelled(vec!['a', 'b'], String::from("!"));
    assert_eq!(g.by_ref().collect::<Vec<_>>(), ["a!", "b!"]);
    assert_eq!(g.take_return(), Some(2));
}

#[generator(yield = T)]
fn pairs_sum<T: Copy + std::ops::Add<Output = T> + Default>(v: Vec<T>) -> T {
    let mut acc = T::default();
    let mut i = 0;
    while i + 1 < v.len() {
        let s = v[i] + v[i + 1];
        r#yield!(s);
        acc = acc + s;
        i += 2;
    }
    acc
}

fn pairs_sum_ref<T: Copy + std::ops::Add<Output = T> + Default>(v: Vec<T>, out: &mut Vec<T>) -> T {
    let mut acc = T::default();
    let mut i = 0;
    while i + 1 < v.len() {
        let s = v[i] + v[i + 1];
        out.push(s);
        acc = acc + s;
        i += 2;
    }
    acc
}

#[test]
fn generic_type_used_in_yield_and_return() {
    let mut g = pairs_sum(vec![1.5f64, 2.0, 3.0, 4.0, 9.0]);
    let got: Vec<f64> = g.by_ref().collect();
    let mut want = Vec::new();
    let ret = pairs_sum_ref(vec![1.5f64, 2.0, 3.0, 4.0, 9.0], &mut want);
    assert_eq!(got, want);
    assert_eq!(g.take_return(), Some(ret));
    assert_eq!(pairs_sum(vec![1u8, 2, 3, 4]).collect::<Vec<_>>(), [3, 7]);
}

#[generator(yield = (K, usize))]
fn counts<K: Ord + Clone, const N: usize>(keys: [K; N]) -> usize {
    let mut map = std::collections::BTreeMap::new();
    for k in keys {
        *map.entry(k).or_insert(0usize) += 1;
    }
    let distinct = map.len();
    for (k, n) in map {
        r#yield!((k, n));
    }
    distinct
}

#[test]
fn const_generic_parameter() {
    let mut g = counts(["b", "a", "b", "c", "b"]);
    assert_eq!(
        g.by_ref().collect::<Vec<_>>(),
        [("a", 1), ("b", 3), ("c", 1)]
    );
    assert_eq!(g.take_return(), Some(3));
}

// ------------------------------------------------------------- lifetimes

#[generator(yield = &'a u64)]
fn evens<'a>(v: &'a [u64]) -> usize {
    let mut n = 0;
    for x in v {
        if *x % 2 == 0 {
            r#yield!(x);
            n += 1;
        }
    }
    n
}

fn evens_ref<'a>(v: &'a [u64], out: &mut Vec<&'a u64>) -> usize {
    let mut n = 0;
    for x in v {
        if *x % 2 == 0 {
            out.push(x);
            n += 1;
        }
    }
    n
}

#[test]
fn yields_references_with_the_argument_lifetime() {
    let data = vec![1, 2, 3, 4, 6, 7];
    let mut g = evens(&data);
    let got: Vec<&u64> = g.by_ref().collect();
    let mut want = Vec::new();
    let ret = evens_ref(&data, &mut want);
    assert_eq!(got, want);
    // The references point into `data`, not into copies.
    assert!(std::ptr::eq(got[0], &data[1]));
    assert_eq!(g.take_return(), Some(ret));
}

#[test]
fn yielded_references_outlive_the_generator() {
    let data = vec![10, 11, 12];
    let got: Vec<&u64> = {
        let g = evens(&data);
        g.collect()
    };
    assert_eq!(got, [&10, &12]);
}

#[generator(yield = &u64)]
fn elided(v: &[u64]) {
    let mut i = v.len();
    while i > 0 {
        i -= 1;
        r#yield!(&v[i]);
    }
}

#[test]
fn elided_lifetime_in_argument_and_yield() {
    let data = [1, 2, 3];
    assert_eq!(elided(&data).copied().collect::<Vec<_>>(), [3, 2, 1]);
}

#[generator(yield = (&'a str, &'b str))]
fn zip_words<'a, 'b>(a: &'a str, b: &'b str) {
    let mut left = a.split(' ');
    let mut right = b.split(' ');
    loop {
        let (Some(x), Some(y)) = (left.next(), right.next()) else {
            return;
        };
        r#yield!((x, y));
    }
}

#[test]
fn two_lifetimes_and_borrowing_iterators_over_arguments() {
    let a = String::from("one two three");
    let got: Vec<(&str, &str)> = {
        let b = String::from("un deux");
        let g = zip_words(&a, &b);
        g.map(|(x, y)| (x, if y == "un" { "1" } else { "2" }))
            .collect()
    };
    assert_eq!(got, [("one", "1"), ("two", "2")]);
}

#[generator(yield = u8)]
fn mut_ref_arg(buf: &mut Vec<u8>) -> usize {
    let mut n = 0;
    while let Some(b) = buf.pop() {
        r#yield!(b);
        buf.retain(|&x| x != b);
        n += 1;
    }
    n
}

#[test]
fn mutable_reference_argument_used_across_yields() {
    let mut buf = vec![1, 2, 1, 3, 2];
    let mut g = mut_ref_arg(&mut buf);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [2, 3, 1]);
    assert_eq!(g.take_return(), Some(3));
    drop(g);
    assert!(buf.is_empty());
}

// --------------------------------------------------------------- methods

#[derive(Debug, Clone, PartialEq)]
struct Counter {
    name: String,
    hits: u32,
    history: Vec<u32>,
}

impl Counter {
    /// By value: the generator owns `self`.
    #[generator(yield = String)]
    fn into_lines(self) -> Counter {
        for h in self.history.clone() {
            r#yield!(format!("{}: {}", self.name, h));
        }
        self
    }

    /// Shared borrow of `self` across yields.
    #[generator(yield = u32)]
    fn scaled(&self, k: u32) -> u32 {
        let mut sum = 0;
        for h in &self.history {
            r#yield!(h * k);
            sum += h * k;
        }
        sum + self.hits
    }

    /// `self` inside yield operands, through `&self`.
    #[generator(yield = String)]
    fn labels(&self) -> usize {
        for i in 0..self.history.len() {
            r#yield!(format!(
                "{}[{i}]={}",
                self.name,
                self.history[i] + self.hits
            ));
        }
        r#yield!(self.name.clone());
        self.history.len()
    }

    /// Mutation through `&mut self` across yields.
    #[generator(yield = u32)]
    fn record(&mut self, values: Vec<u32>) -> u32 {
        for v in values {
            self.hits += 1;
            self.history.push(v);
            r#yield!(self.hits);
            if v == 0 {
                self.history.clear();
                r#yield!(0);
            }
        }
        self.hits
    }

    #[generator(yield = u32)]
    fn mut_self_value(mut self) -> Counter {
        self.hits += 100;
        r#yield!(self.hits);
        self.name.push('!');
        self
    }

    /// Associated function with `Self` in the signature.
    #[generator(yield = Self)]
    fn family(name: &str) {
        for i in 0..3 {
            r#yield!(Self {
                name: format!("{name}{i}"),
                hits: i,
                history: Vec::new()
            });
        }
    }
}

fn counter() -> Counter {
    Counter {
        name: "c".to_owned(),
        hits: 1,
        history: vec![3, 4],
    }
}

#[test]
fn method_with_self_by_value() {
    let mut g = counter().into_lines();
    assert_eq!(g.by_ref().collect::<Vec<_>>(), ["c: 3", "c: 4"]);
    assert_eq!(g.take_return(), Some(counter()));

    let mut g = counter().mut_self_value();
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [101]);
    let c = g.take_return().unwrap();
    assert_eq!((c.name.as_str(), c.hits), ("c!", 101));
}

#[test]
fn method_with_shared_self() {
    let c = counter();
    let mut g = c.scaled(10);
    // reference: the same loop by hand
    let mut want = Vec::new();
    let mut sum = 0;
    for h in &c.history {
        want.push(h * 10);
        sum += h * 10;
    }
    assert_eq!(g.by_ref().collect::<Vec<_>>(), want);
    assert_eq!(g.take_return(), Some(sum + c.hits));
    let mut g = c.labels();
    assert_eq!(g.by_ref().collect::<Vec<_>>(), ["c[0]=4", "c[1]=5", "c"]);
    assert_eq!(g.take_return(), Some(2));
    // Two generators may borrow the same value at once.
    let (a, b) = (c.scaled(1), c.scaled(2));
    assert_eq!(a.zip(b).collect::<Vec<_>>(), [(3, 6), (4, 8)]);
}

#[test]
fn method_with_mut_self_mutates_across_yields() {
    let mut c = counter();
    let mut seen = Vec::new();
    {
        let mut g = c.record(vec![5, 0, 7]);
        for v in g.by_ref() {
            seen.push(v);
        }
        assert_eq!(g.take_return(), Some(4));
    }
    // reference
    let mut r = counter();
    let mut want = Vec::new();
    for v in [5, 0, 7] {
        r.hits += 1;
        r.history.push(v);
        want.push(r.hits);
        if v == 0 {
            r.history.clear();
            want.push(0);
        }
    }
    assert_eq!(seen, want);
    assert_eq!(c, r);
    assert_eq!(c.history, [7]);
}

#[test]
fn associated_function_yielding_self() {
    let names: Vec<String> = Counter::family("x").map(|c| c.name).collect();
    assert_eq!(names, ["x0", "x1", "x2"]);
}

trait Walk {
    fn steps(&self) -> Vec<u32>;
}

struct Stairs(u32);

impl Walk for Stairs {
    fn steps(&self) -> Vec<u32> {
        walk_up(self.0).collect()
    }
}

#[generator(yield = u32)]
fn walk_up(n: u32) {
    for i in 1..=n {
        r#yield!(i);
    }
}

#[test]
fn generator_used_from_a_trait_impl() {
    assert_eq!(Stairs(3).steps(), [1, 2, 3]);
}

// ------------------------------------------------------- argument shapes

#[generator(yield = u8)]
fn tuple_arg((a, b): (u8, u8), [c, d]: [u8; 2]) -> u16 {
    r#yield!(a);
    r#yield!(b);
    r#yield!(c + d);
    u16::from(a) * u16::from(b)
}

#[test]
fn pattern_arguments() {
    let mut g = tuple_arg((3, 4), [5, 6]);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [3, 4, 11]);
    assert_eq!(g.take_return(), Some(12));
}

#[derive(Clone)]
struct Config {
    start: u32,
    step: u32,
}

#[generator(yield = u32)]
fn struct_pattern_arg(Config { start, step }: Config, mut limit: u32) {
    let mut x = start;
    while limit > 0 {
        r#yield!(x);
        x += step;
        limit -= 1;
    }
}

#[test]
fn struct_pattern_and_mut_arguments() {
    let got: Vec<u32> = struct_pattern_arg(Config { start: 2, step: 5 }, 3).collect();
    assert_eq!(got, [2, 7, 12]);
}

#[generator(yield = u32)]
fn impl_trait_arg(it: impl IntoIterator<Item = u32>, f: impl Fn(u32) -> bool) -> u32 {
    let mut rejected = 0;
    for x in it {
        if f(x) {
            r#yield!(x);
        } else {
            rejected += 1;
        }
    }
    rejected
}

#[test]
fn impl_trait_arguments() {
    let mut g = impl_trait_arg(vec![1, 2, 3, 4, 5], |x| x % 2 == 1);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [1, 3, 5]);
    assert_eq!(g.take_return(), Some(2));
    let mut g = impl_trait_arg(10..13, |_| true);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [10, 11, 12]);
    assert_eq!(g.take_return(), Some(0));
}

#[generator(yield = u64)]
fn dyn_arg(f: &dyn Fn(u64) -> u64, g: Box<dyn FnMut() -> Option<u64>>) {
    let mut g = g;
    while let Some(v) = g() {
        r#yield!(f(v));
    }
}

#[test]
fn trait_object_arguments() {
    let mut n = 0;
    let src = Box::new(move || {
        n += 1;
        (n <= 3).then_some(n)
    });
    let double = |x| x * 2;
    assert_eq!(dyn_arg(&double, src).collect::<Vec<_>>(), [2, 4, 6]);
}

// -------------------------------------------- visibility and attributes

mod inner {
    use gen_runtime::generator;

    /// A documented public generator.
    #[generator(yield = u8)]
    #[inline]
    pub fn visible() {
        r#yield!(1);
    }

    #[generator(yield = u8)]
    pub(crate) fn crate_visible() {
        r#yield!(2);
    }

    #[generator(yield = u8)]
    pub(super) fn super_visible() {
        r#yield!(3);
    }
}

#[test]
fn visibility_is_kept() {
    let all: Vec<u8> = inner::visible()
        .chain(inner::crate_visible())
        .chain(inner::super_visible())
        .collect();
    assert_eq!(all, [1, 2, 3]);
}

// If attributes were dropped, these two would collide.
#[cfg(any())]
#[generator(yield = u8)]
fn configured() {
    r#yield!(0);
}

#[cfg(not(any()))]
#[generator(yield = u8)]
fn configured() {
    r#yield!(42);
}

#[generator(yield = u8)]
#[cfg_attr(not(any()), allow(clippy::needless_return))]
#[deny(unused_variables)]
fn with_lint_attrs() {
    r#yield!(1);
    return;
}

#[test]
fn attributes_are_kept() {
    assert_eq!(configured().collect::<Vec<_>>(), [42]);
    assert_eq!(with_lint_attrs().count(), 1);
}

// ------------------------------------- closures and adaptors across yields

#[generator(yield = u32)]
fn closure_across_yield(k: u32) -> u32 {
    let scale = move |x: u32| x * k;
    // A closure that borrows a local would be a borrow across a yield; a
    // `move` closure owns its state and is saved like any other value.
    let mut calls = 0;
    let mut count = move |x| {
        calls += 1;
        (x, calls)
    };
    let a = scale(1);
    r#yield!(a);
    let (b, _) = count(scale(2));
    r#yield!(b);
    let (c, n) = count(3);
    r#yield!(c);
    n
}

#[test]
fn closure_stored_across_yields() {
    let mut g = closure_across_yield(10);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [10, 20, 3]);
    assert_eq!(g.take_return(), Some(2));
}

#[generator(yield = String)]
fn adaptor_across_yield(words: Vec<String>) -> usize {
    let mut it = words
        .into_iter()
        .filter(|w| !w.is_empty())
        .map(|w| w.to_uppercase())
        .enumerate()
        .peekable();
    let mut last = 0;
    while let Some((i, w)) = it.next() {
        r#yield!(w);
        last = i;
        if it.peek().is_none() {
            r#yield!(String::from("<end>"));
        }
    }
    last
}

fn adaptor_across_yield_ref(words: Vec<String>, out: &mut Vec<String>) -> usize {
    let mut it = words
        .into_iter()
        .filter(|w| !w.is_empty())
        .map(|w| w.to_uppercase())
        .enumerate()
        .peekable();
    let mut last = 0;
    while let Some((i, w)) = it.next() {
        out.push(w);
        last = i;
        if it.peek().is_none() {
            out.push(String::from("<end>"));
        }
    }
    last
}

#[test]
fn iterator_adaptor_stored_across_yields() {
    let words: Vec<String> = ["a", "", "bc", "d"].iter().map(|s| s.to_string()).collect();
    let mut g = adaptor_across_yield(words.clone());
    let got: Vec<String> = g.by_ref().collect();
    let mut want = Vec::new();
    let ret = adaptor_across_yield_ref(words, &mut want);
    assert_eq!(got, want);
    assert_eq!(g.take_return(), Some(ret));
}

#[generator(yield = u64, send = u64)]
fn send_in_method_chain(seed: u64) -> u64 {
    let mut rng = std::iter::successors(Some(seed), |x| {
        Some(x.wrapping_mul(6364136223846793005) % 1000003)
    });
    let mut total = 0;
    loop {
        let x = rng.next().unwrap();
        let sent = r#yield!(x);
        if sent == 0 {
            return total;
        }
        total += sent * x;
    }
}

#[test]
fn send_with_adaptor_state() {
    let (first, mut g) = send_in_method_chain(7).start();
    let GeneratorState::Yielded(a) = first else {
        panic!()
    };
    let GeneratorState::Yielded(b) = g.send(2) else {
        panic!()
    };
    assert_eq!(g.send(0), GeneratorState::Complete(2 * a));
    assert_ne!(a, b);
}

// ------------------------------------------------- more signature shapes

#[generator(yield = T)]
fn generic_move<T: Clone>(v: Vec<T>, extra: T) -> usize {
    let n = v.len();
    for x in v {
        r#yield!(x);
    }
    r#yield!(extra.clone());
    r#yield!(extra);
    n
}

#[test]
fn generic_non_copy_values_are_moved_out() {
    let mut g = generic_move(
        vec![String::from("a"), String::from("b")],
        String::from("z"),
    );
    assert_eq!(g.by_ref().collect::<Vec<_>>(), ["a", "b", "z", "z"]);
    assert_eq!(g.take_return(), Some(2));
}

#[generator(yield = usize)]
fn returns_borrow<'a>(v: &'a [u32]) -> Option<&'a u32> {
    let mut best: Option<&'a u32> = None;
    for (i, x) in v.iter().enumerate() {
        r#yield!(i);
        if best.is_none_or(|b| x > b) {
            best = Some(x);
        }
    }
    best
}

#[test]
fn return_value_borrowing_from_an_argument() {
    let data = [3, 9, 2, 9];
    let mut g = returns_borrow(&data);
    assert_eq!(g.by_ref().count(), 4);
    let best = g.take_return().unwrap().unwrap();
    assert!(std::ptr::eq(best, &data[1]));
}

#[generator(yield = u32)]
fn items_in_body() {
    fn helper(x: u32) -> u32 {
        x * 2
    }
    const K: u32 = 3;
    struct Local(u32);
    let l = Local(K);
    r#yield!(helper(l.0));
    let v = vec![1u32, 2, 3];
    // Closures that borrow locals between two yields are fine.
    let s: u32 = v.iter().map(|x| x * l.0).sum();
    r#yield!(s);
    let total: u32 = v.iter().sum();
    r#yield!(total + l.0);
}

#[test]
fn nested_items_and_borrowing_closures_between_yields() {
    assert_eq!(items_in_body().collect::<Vec<_>>(), [6, 18, 9]);
}
