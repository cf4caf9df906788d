use gen_runtime::generator;

#[generator(yield = u32)]
fn inner() {
    r#yield!(1);
}

#[generator(yield = u32)]
fn outer() {
    yield_from!(inner());
}

fn main() {}
