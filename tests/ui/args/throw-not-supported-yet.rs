use gen_runtime::generator;

#[generator(yield = u32, throw = std::io::Error)]
fn numbers() {
    r#yield!(1);
}

fn main() {}
