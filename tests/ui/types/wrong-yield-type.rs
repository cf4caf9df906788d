use gen_runtime::generator;

#[generator(yield = u64)]
fn numbers() {
    r#yield!(1);
    r#yield!("two");
}

fn main() {
    let _ = numbers();
}
