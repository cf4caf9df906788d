use gen_runtime::generator;

#[generator(yield = u32, throw = std::io::Error)]
fn reader() {
    loop {
        let _ = r#yield!(1);
    }
}

fn main() {
    let mut g = reader();
    g.throw(std::io::Error::other("too early"));
}
