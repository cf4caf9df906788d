use gen_runtime::generator;

#[generator(yield = u32)]
fn numbers() {
    let _future = async {
        r#yield!(1);
    };
}

fn main() {
    let _ = numbers();
}
