use gen_runtime::generator;

fn add(a: u32, b: u32) -> u32 {
    a + b
}

#[generator(yield = u32, send = u32)]
fn adder() {
    let base = 1;
    loop {
        let total = add(base, r#yield!(base));
        r#yield!(total);
    }
}

fn main() {
    let _ = adder();
}
