use gen_runtime::generator;

#[generator(yield = u32, send = u32)]
fn echo() {
    loop {
        println!("got {}", r#yield!(1));
    }
}

fn main() {
    let _ = echo();
}
