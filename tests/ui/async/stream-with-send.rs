use futures::StreamExt;
use gen_runtime::generator;

#[generator(yield = i64, send = i64)]
async fn accumulator() -> i64 {
    let mut total = 0;
    loop {
        total += r#yield!(total);
    }
}

async fn drive() {
    let mut acc = std::pin::pin!(accumulator());
    let _ = acc.next().await;
}

fn main() {
    let _ = drive();
}
