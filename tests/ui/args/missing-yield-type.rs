use gen_runtime::generator;

#[generator]
fn numbers() {
    r#yield!(1);
}

fn main() {
    let _ = numbers();
}
