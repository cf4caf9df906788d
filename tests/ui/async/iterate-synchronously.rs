use gen_runtime::generator;

#[generator(yield = u32)]
async fn numbers() {
    r#yield!(1);
}

fn main() {
    for n in numbers() {
        let _ = n;
    }
}
