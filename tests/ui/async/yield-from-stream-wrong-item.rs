use gen_runtime::generator;

#[generator(yield = u32)]
async fn numbers() {
    yield_from!(futures::stream::iter(["one", "two"]));
}

fn main() {
    let _ = numbers();
}
