// An inner `x` hides the outer one at the yield, and the outer `x` is used
// after the loop. The macro renames the inner binding hygienically so both
// can be saved; a formatting macro's own format string gets the new name as
// a named argument (`x = …`), but one nested in another macro's arguments
// cannot be reached, so this case asks for a rename instead.
use gen_runtime::generator;

#[generator(yield = String)]
fn numbers() -> u32 {
    let x = 10;
    for x in 0..3 {
        r#yield!(format!("{}", format!("{x}")));
    }
    x
}

fn main() {
    let _ = numbers();
}
