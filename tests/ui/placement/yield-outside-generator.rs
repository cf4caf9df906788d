fn main() {
    let x = gen_runtime::r#yield!(1);
}
