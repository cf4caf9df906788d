// A borrow of a value the block owns cannot be held across a yield.
use gen_runtime::gen_block;

fn main() {
    let lengths = gen_block! {
        let words = vec![String::from("a"), String::from("bb")];
        for w in words.iter() {
            yield!(w.len());
        }
    };
    let _ = lengths.count();
}
