use gen_runtime::generator;

#[generator(yield = usize)]
fn lengths() {
    let words = vec![String::from("a"), String::from("bb")];
    let first = &words[0];
    r#yield!(words.len());
    r#yield!(first.len());
}

fn main() {
    let _ = lengths();
}
