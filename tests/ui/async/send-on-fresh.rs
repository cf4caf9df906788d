use gen_runtime::generator;

#[generator(yield = i64, send = i64)]
async fn accumulator() -> i64 {
    let mut total = 0;
    loop {
        let v = r#yield!(total);
        if v < 0 {
            return total;
        }
        total += v;
    }
}

async fn drive() {
    let acc = std::pin::pin!(accumulator());
    acc.send(10);
}

fn main() {
    let _ = drive();
}
