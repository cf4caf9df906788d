use gen_runtime::generator;

fn compute() -> String {
    "abc".into()
}

// A plain function keeps the `String` alive to the end of the block; a
// generator would have to hold a borrow of its own value across the yield.
#[generator(yield = usize)]
fn lengths() {
    let r = &compute();
    r#yield!(1);
    r#yield!(r.len());
}

// Not used after the yield: compiles.
#[generator(yield = usize)]
fn dead_before_the_yield() {
    let r = &compute();
    let n = r.len();
    r#yield!(n);
}

fn main() {}
