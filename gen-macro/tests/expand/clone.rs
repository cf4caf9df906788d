#[generator(yield = u64, clone)]
fn fib(limit: u64) {
    let (mut a, mut b) = (0u64, 1u64);
    while a < limit {
        r#yield!(a);
        (a, b) = (b, a + b);
    }
}
