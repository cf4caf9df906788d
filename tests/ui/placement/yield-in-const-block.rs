use gen_runtime::generator;

#[generator(yield = u32)]
fn numbers() {
    let _ = const { r#yield!(1) };
}

fn main() {}
