use gen_runtime::generator;

#[generator(yield = u32, recv = u32)]
fn numbers() {
    r#yield!(1);
}

fn main() {}
