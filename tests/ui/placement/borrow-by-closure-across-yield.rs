// A closure without `move` over a local holds a reference to it: called
// after a yield, it would borrow a value the generator has moved into its
// state. The message names the closure and suggests `move`.
use gen_runtime::generator;

#[generator(yield = usize)]
fn lengths() {
    let words = vec![String::from("a"), String::from("bb")];
    let len_of = |i: usize| words[i].len();
    r#yield!(len_of(0));
    r#yield!(len_of(1));
}

fn main() {
    let _ = lengths();
}
