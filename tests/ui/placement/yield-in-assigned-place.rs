// A yield inside a place given a compound assignment whose value has
// effects (`v[r#yield!(i)] += f()`): Rust evaluates the value before the
// place for primitive operands and after it otherwise, which the macro
// cannot tell apart. (`v[r#yield!(i)] = f()` and `v[r#yield!(i)] += 1`
// compile.)
use gen_runtime::generator;

fn step() -> u32 {
    1
}

#[generator(yield = usize, send = usize)]
fn fill(mut v: Vec<u32>) -> Vec<u32> {
    v[r#yield!(0)] += step();
    v
}

fn main() {
    let _ = fill(vec![0; 4]);
}
