use gen_runtime::generator;

#[generator(yield = u32)]
fn numbers(v: Vec<u32>) {
    v.iter().for_each(|x| {
        r#yield!(*x);
    });
}

fn main() {
    let _ = numbers(vec![1]);
}
