//! A user crate on edition 2021. Edition 2021 differs from 2024 in what an
//! `impl Trait` return type captures (lifetimes only when named), in
//! temporaries' scopes, and in `!` fallback; the generators below exercise
//! each through the macro's output.

use gen_runtime::generator;

/// Lifetime from an argument, named.
#[generator(yield = &'a u64)]
pub fn evens<'a>(v: &'a [u64]) {
    for x in v {
        if *x % 2 == 0 {
            r#yield!(x);
        }
    }
}

/// Elided lifetime in an argument: the macro names it so the opaque return
/// type captures it on edition 2021 too.
#[generator(yield = usize)]
pub fn word_lengths(text: &str) {
    for word in text.split_whitespace() {
        r#yield!(word.len());
    }
}

pub struct Counter {
    pub step: u32,
}

impl Counter {
    /// A `&self` method.
    #[generator(yield = u32)]
    pub fn multiples(&self, n: u32) {
        let mut i = 0;
        while i < n {
            r#yield!(i * self.step);
            i += 1;
        }
    }
}

/// A generic function with a where-clause.
#[generator(yield = String)]
pub fn show_all<T>(items: Vec<T>) -> usize
where
    T: std::fmt::Display,
{
    let mut shown = 0;
    for item in items {
        r#yield!(item.to_string());
        shown += 1;
    }
    shown
}

/// Sent values and a return value.
#[generator(yield = i64, send = i64)]
pub fn accumulator() -> i64 {
    let mut total = 0;
    loop {
        let v = r#yield!(total);
        if v < 0 {
            return total;
        }
        total += v;
    }
}
