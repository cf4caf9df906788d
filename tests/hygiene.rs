//! The expansion refers to everything by absolute path through
//! `::gen_runtime::__private` (or `crate = path`), and its own names cannot
//! clash with the user's: these items would break a careless expansion.
#![allow(dead_code, non_camel_case_types, clippy::all)]

extern crate gen_runtime as renamed_runtime;

mod core {}
mod std {}

struct Some;
struct None;
struct Option;
struct Result;
struct Iterator;
struct IntoIterator;
struct GeneratorState;
struct __GenState;

fn mem() {}
fn replace() {}

#[renamed_runtime::generator(yield = u32, crate = renamed_runtime)]
fn through_renamed_crate(n: u32) -> u32 {
    let mut total = 0;
    for i in 0..n {
        total += i;
        r#yield!(i);
    }
    total
}

#[renamed_runtime::generator(yield = u32, send = u32, crate = ::renamed_runtime)]
fn with_sent_values() -> u32 {
    let mut last = 0;
    loop {
        let v = r#yield!(last);
        if v == 0 {
            return last;
        }
        last = v;
    }
}

/// User names that look like the expansion's own.
#[renamed_runtime::generator(yield = u32, crate = renamed_runtime)]
fn user_names_like_glue(__gen_state: u32, __gen_arg: u32) {
    let __gen_slot_0 = __gen_state + __gen_arg;
    r#yield!(__gen_slot_0);
    r#yield!(__gen_state);
}

#[test]
fn expansion_uses_absolute_paths() {
    let mut g = through_renamed_crate(4);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [0, 1, 2, 3]);
    assert_eq!(g.take_return(), ::core::option::Option::Some(6));

    let (first, mut g) = with_sent_values().start();
    assert_eq!(first, renamed_runtime::GeneratorState::Yielded(0));
    assert_eq!(g.send(5), renamed_runtime::GeneratorState::Yielded(5));
    assert_eq!(g.send(0), renamed_runtime::GeneratorState::Complete(5));

    assert_eq!(user_names_like_glue(1, 2).collect::<Vec<_>>(), [3, 1]);
}

/// `gen_block!` expands to the same absolute paths (`crate = path` for a
/// renamed runtime), and a block capturing a local named like the glue
/// still sees its own value.
#[test]
fn gen_block_uses_absolute_paths() {
    let __gen_state = 7u32;
    let n = 3u32;
    let got: ::std::vec::Vec<u32> = renamed_runtime::gen_block!(crate = renamed_runtime; {
        for i in 0..n {
            yield!(i + __gen_state);
        }
    })
    .collect();
    assert_eq!(got, [7, 8, 9]);
}
