use gen_runtime::generator;

#[generator(yield = u32, yield = u64)]
fn numbers() {
    r#yield!(1);
}

fn main() {}
