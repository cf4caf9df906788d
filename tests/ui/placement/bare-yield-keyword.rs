use gen_runtime::generator;

#[generator(yield = u32)]
fn numbers() {
    yield!(1);
}

fn main() {
    let _ = numbers();
}
