use futures::StreamExt;
use gen_runtime::generator;

#[generator(yield = u32)]
async fn numbers() {
    r#yield!(1);
}

async fn drive() {
    // Not pinned: the body would move after it started.
    let mut g = numbers();
    let _ = g.next().await;
}

fn main() {
    let _ = drive();
}
