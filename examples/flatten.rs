//! The seed article's recursive generator: flatten arbitrarily nested data
//! with `yield from`, lazily, one value at a time.
//!
//! ```python
//! def flatten(item):
//!     if isinstance(item, list):
//!         for sub in item:
//!             yield from flatten(sub)
//!     else:
//!         yield item
//!
//! data = [1, [2, [3, 4], []], [[[5]]], 6]
//! print(list(flatten(data)))            # [1, 2, 3, 4, 5, 6]
//! print(next(flatten([[[["deep"]]]])))  # deep
//! ```
//!
//! `yield_from!(flatten(sub))` inside `fn flatten` is direct self-recursion:
//! the macro runs the callee as a new frame on an explicit stack inside the
//! one generator, so nesting costs no box per level and no thread stack,
//! and a resume goes straight to the innermost list.

use gen_runtime::generator;

/// Python's nested lists: a value or a list of nested values.
#[derive(Debug)]
enum Nested<T> {
    Value(T),
    List(Vec<Nested<T>>),
}

#[generator(yield = &'a T)]
fn flatten<'a, T>(item: &'a Nested<T>) {
    match item {
        Nested::Value(value) => r#yield!(value),
        Nested::List(items) => {
            for sub in items {
                yield_from!(flatten(sub));
            }
        }
    }
}

fn main() {
    use Nested::{List, Value};
    let data = List(vec![
        Value(1),
        List(vec![Value(2), List(vec![Value(3), Value(4)]), List(vec![])]),
        List(vec![List(vec![List(vec![Value(5)])])]),
        Value(6),
    ]);
    let flat: Vec<&i32> = flatten(&data).collect();
    println!("{flat:?}");

    let deep = List(vec![List(vec![List(vec![List(vec![Value("deep")])])])]);
    if let Some(first) = flatten(&deep).next() {
        println!("{first}");
    }
}
