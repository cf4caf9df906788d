use gen_runtime::generator;

#[generator(123)]
fn numbers() {
    r#yield!(1);
}

fn main() {}
