use gen_runtime::generator;

#[generator(yield)]
fn numbers() {
    r#yield!(1);
}

fn main() {}
