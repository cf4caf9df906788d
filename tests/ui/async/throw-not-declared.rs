use gen_runtime::generator;

#[generator(yield = u32)]
async fn numbers() {
    r#yield!(1);
}

async fn drive() {
    let g = std::pin::pin!(numbers());
    let (_, mut started) = g.start().await;
    let _ = started.throw("stop").await;
}

fn main() {
    let _ = drive();
}
