use gen_runtime::generator;

#[generator(yield = u32, clone = true)]
fn count(n: u32) {
    for i in 0..n {
        r#yield!(i);
    }
}

fn main() {
    let _ = count(3);
}
