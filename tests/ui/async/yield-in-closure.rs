use gen_runtime::generator;

#[generator(yield = u32)]
async fn numbers(values: Vec<u32>) {
    values.iter().for_each(|v| {
        r#yield!(*v);
    });
}

fn main() {
    let _ = numbers(vec![1]);
}
