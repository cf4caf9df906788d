#[generator(yield = u32, send = u32)]
fn collect_sent(base: u32) -> Vec<u32> {
    let mut v = Vec::new();
    v.push(r#yield!(base));
    v.push(base + r#yield!(base + 1));
    v
}
