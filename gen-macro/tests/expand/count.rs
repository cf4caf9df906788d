#[generator(yield = u64)]
fn count(n: u64) {
    for i in 0..n {
        r#yield!(i);
    }
}
