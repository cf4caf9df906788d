use gen_runtime::generator;

#[generator(yield = String)]
fn words() {
    r#yield!("a".to_string());
}

#[generator(yield = u32)]
fn outer() {
    yield_from!(words());
}

fn main() {
    let _ = outer();
}
