#[generator(yield = usize)]
fn lengths(line: String) {
    let line = line.trim().to_string();
    r#yield!(line.len());
    let line = line.to_uppercase();
    r#yield!(line.len());
}
