// A guard's bindings are views of the scrutinee while the guard runs; one
// used after a yield in the guard would have to borrow the generator's own
// local across that yield. (A guard that yields and uses its bindings only
// before the yield compiles: `Some(x) if r#yield!(x) => …`.)
use gen_runtime::generator;

#[generator(yield = u32, send = u32)]
fn filter(items: Vec<Option<u32>>) {
    for item in items {
        match item {
            Some(x) if x > r#yield!(0) => {}
            _ => {}
        }
    }
}

fn main() {}
