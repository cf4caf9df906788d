// A block owns what it captures, so a borrow of a captured value (or of a
// local of the block) cannot be held across a yield.
use gen_runtime::gen_block;

fn main() {
    let words = vec![String::from("a"), String::from("bb")];
    let lengths = gen_block! {
        for w in words.iter() {
            yield!(w.len());
        }
    };
    let _ = lengths.count();
}
