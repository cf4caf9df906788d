use gen_runtime::generator;

#[generator(yield = u32)]
fn numbers() {
    let x = 10;
    for x in 0..3 {
        r#yield!(x);
    }
    r#yield!(x);
}

fn main() {
    let _ = numbers();
}
