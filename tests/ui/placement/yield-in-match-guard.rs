use gen_runtime::generator;

#[generator(yield = u32, send = bool)]
fn filter(items: Vec<u32>) {
    for item in items {
        match item {
            n if r#yield!(n) => {}
            _ => {}
        }
    }
}

fn main() {}
