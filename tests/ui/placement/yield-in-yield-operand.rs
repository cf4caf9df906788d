use gen_runtime::generator;

#[generator(yield = u32, send = u32)]
fn echo() {
    r#yield!(r#yield!(1) + 1);
}

fn main() {}
