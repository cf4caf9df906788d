// An iterable takes no sent values, so a generator that receives them
// cannot delegate to one.
use gen_runtime::generator;

#[generator(yield = u32, send = u32)]
fn outer() {
    yield_from!(vec![1, 2, 3]);
}

fn main() {
    let _ = outer();
}
