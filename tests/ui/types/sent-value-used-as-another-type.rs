use gen_runtime::generator;

fn take(a: u32, b: u32) -> u32 {
    a + b
}

// Without `send = u32`, a yield evaluates to `()`. The error points at the
// yield, also where it is an argument after another (which the macro keeps
// in a hidden binding across the yield).
#[generator(yield = u32)]
fn sum_of_sent() -> u32 {
    let later = take(1, r#yield!(2));
    let first = take(r#yield!(3), 1);
    later + first
}

fn main() {}
