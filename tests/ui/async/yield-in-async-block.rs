use gen_runtime::generator;

#[generator(yield = u32)]
async fn numbers() {
    let later = async {
        r#yield!(1);
    };
    later.await;
}

fn main() {
    let _ = numbers();
}
