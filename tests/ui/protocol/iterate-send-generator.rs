use gen_runtime::generator;

#[generator(yield = i64, send = i64)]
fn running_total() {
    let mut total = 0;
    loop {
        total += r#yield!(total);
    }
}

fn main() {
    for total in running_total() {
        println!("{total}");
    }
}
