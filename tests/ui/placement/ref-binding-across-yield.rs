use gen_runtime::generator;

// `let ref r = v;` borrows `v` as `let r = &v;` does.
#[generator(yield = usize)]
fn lengths() {
    let words = vec![String::from("a"), String::from("bb")];
    let ref all = words;
    r#yield!(1);
    r#yield!(all.len());
}

fn main() {}
