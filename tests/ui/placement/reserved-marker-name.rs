use gen_runtime::generator;

#[generator(yield = u32)]
fn numbers() {
    r#yield!(1);
    __gen_yield!(0);
}

fn main() {}
