use gen_runtime::generator;

#[generator(yield = u32)]
const fn constant() {
    r#yield!(1);
}

#[generator(yield = u32)]
extern "C" fn foreign() {
    r#yield!(1);
}

#[generator(yield = u32)]
fn opaque_return() -> impl std::fmt::Display {
    r#yield!(1);
    5
}

fn main() {}
