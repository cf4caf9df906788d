//! A self-recursive `yield_from!` passes its arguments as a call would:
//! coerced to the parameter types, with a type error at the argument.
use gen_runtime::generator;

#[generator(yield = u32)]
fn countdown(n: u32, label: &str) {
    r#yield!(n);
    if n > 0 {
        yield_from!(countdown(label, n - 1));
    }
}

/// Polymorphic recursion (calling itself with other type arguments) would
/// need frames of another type on the same stack: not supported.
#[generator(yield = usize)]
fn nest<T: Clone>(value: T, depth: usize) {
    r#yield!(depth);
    if depth > 0 {
        yield_from!(nest((value,), depth - 1));
    }
}

/// The callee's arguments outlive the caller's frame: they cannot borrow
/// the caller's locals.
#[generator(yield = u32)]
fn sum_to(limit: &u32) {
    r#yield!(*limit);
    if *limit > 0 {
        let smaller = *limit - 1;
        yield_from!(sum_to(&smaller));
    }
}

fn main() {
    let _ = countdown(3, "x");
    let _ = nest(1u8, 3);
    let _ = sum_to(&3);
}
