#[generator(yield = String)]
fn classify(items: Vec<Option<i32>>) -> usize {
    let mut seen = 0;
    for item in items {
        match item {
            Some(n) if n < 0 => r#yield!(format!("negative {n}")),
            Some(n) => {
                seen += 1;
                r#yield!(format!("value {n}"));
            }
            None => continue,
        }
    }
    seen
}
