// A yield inside a closure would suspend the closure, not the block.
use gen_runtime::gen_block;

fn main() {
    let g = gen_block! {
        let f = |x: u32| yield!(x);
        f(1);
    };
    let _ = g.count();
}
