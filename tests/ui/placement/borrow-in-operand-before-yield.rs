use gen_runtime::generator;

// `v.first().unwrap()` is evaluated before the yield on its right and
// added to the sent value after it: a borrow of `v` held across the yield.
#[generator(yield = u32, send = u32)]
fn first_plus_sent() -> u32 {
    let v = vec![1u32, 2];
    let total = v.first().unwrap() + r#yield!(0);
    total + v.len() as u32
}

fn main() {}
