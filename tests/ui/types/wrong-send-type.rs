use gen_runtime::generator;

#[generator(yield = i64, send = i64)]
fn accumulator() {
    let mut total = 0;
    loop {
        total += r#yield!(total);
    }
}

fn main() {
    let (_, mut acc) = accumulator().start();
    acc.send("ten");
}
