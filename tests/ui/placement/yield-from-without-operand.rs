use gen_runtime::generator;

#[generator(yield = u32)]
fn outer() {
    yield_from!();
}

fn main() {}
