use gen_runtime::generator;

#[generator(yield = usize)]
fn lengths() {
    let words = vec![String::from("a"), String::from("bb")];
    for word in words.iter() {
        r#yield!(word.len());
    }
}

fn main() {
    let _ = lengths();
}
