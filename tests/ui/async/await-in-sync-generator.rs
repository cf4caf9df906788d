use gen_runtime::generator;

async fn fetch(n: u32) -> u32 {
    n
}

#[generator(yield = u32)]
fn numbers() {
    let n = fetch(1).await;
    r#yield!(n);
}

fn main() {
    let _ = numbers();
}
