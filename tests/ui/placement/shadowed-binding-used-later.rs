// An inner `x` hides the outer one at the yield, and the outer `x` is used
// after the loop. The macro renames the inner binding hygienically so both
// can be saved, but a format string that captures `{x}` by name would then
// read the outer value, so this case asks for a rename instead.
use gen_runtime::generator;

#[generator(yield = u32)]
fn numbers() -> u32 {
    let x = 10;
    for x in 0..3 {
        println!("inner {x}");
        r#yield!(x);
    }
    x
}

fn main() {
    let _ = numbers();
}
