// Delegation resumes a started generator where it is paused, which needs a
// value for that yield: only a started generator with `send = ()` qualifies.
use gen_runtime::generator;

#[generator(yield = i64, send = i64)]
fn summer() -> i64 {
    let mut total = 0;
    loop {
        let v = r#yield!(total);
        if v < 0 {
            return total;
        }
        total += v;
    }
}

#[generator(yield = i64, send = i64)]
fn outer() -> i64 {
    let (_, started) = summer().start();
    yield_from!(started)
}

fn main() {
    let _ = outer();
}
