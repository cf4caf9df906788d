// A block that yields nothing gives its item type no value: the macro asks
// for it to be named (rustc's own message would show the state machine).
use gen_runtime::gen_block;

fn main() {
    let empty = gen_block! {};
    for _ in empty {}
}
