use gen_runtime::generator;

#[generator(yield = u32, clone)]
async fn numbers() {
    r#yield!(1);
}

fn main() {
    let _ = numbers();
}
