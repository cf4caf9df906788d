#[generator(yield = u32)]
fn countdown(n: u32) {
    r#yield!(n);
    if n > 0 {
        yield_from!(countdown(n - 1));
    }
}
