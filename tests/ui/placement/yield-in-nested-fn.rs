use gen_runtime::generator;

#[generator(yield = u32)]
fn numbers() {
    fn helper() {
        r#yield!(1);
    }
    helper();
    r#yield!(2);
}

fn main() {
    let _ = numbers();
}
