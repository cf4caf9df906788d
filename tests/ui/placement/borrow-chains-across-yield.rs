// Borrows the macro sees through: an iterator adaptor over a borrowing
// iterator, and a reference to a reference.
use gen_runtime::generator;

#[generator(yield = usize)]
fn doubled() {
    let v = vec![1usize, 2, 3];
    for x in v.iter().map(|x| x * 2) {
        r#yield!(x);
    }
}

#[generator(yield = usize)]
fn twice_removed() {
    let words = vec![String::from("a")];
    let first = &words;
    let again = &first;
    r#yield!(1);
    r#yield!(again.len());
}

fn main() {
    let _ = doubled();
    let _ = twice_removed();
}
