use gen_runtime::generator;

#[generator(yield = u32)]
fn numbers() {
    loop {
        r#yield!(1);
    }
}

fn main() {
    let (_, mut g) = numbers().start();
    g.throw(std::io::Error::other("nobody catches this"));
}
