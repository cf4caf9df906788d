// A yield inside a place that is assigned (`v[i] = …`): the place would have
// to be kept half-evaluated across the suspension.
use gen_runtime::generator;

#[generator(yield = usize, send = usize)]
fn fill(mut v: Vec<u32>) -> Vec<u32> {
    v[r#yield!(0)] = 1;
    v
}

fn main() {
    let _ = fill(vec![0; 4]);
}
