// A generator is `Clone` only when declared with `#[generator(clone)]`:
// no copy happens by surprise.
use gen_runtime::generator;

#[generator(yield = u32)]
fn count(n: u32) {
    for i in 0..n {
        r#yield!(i);
    }
}

fn main() {
    let g = count(3);
    let _copy = g.clone();
}
