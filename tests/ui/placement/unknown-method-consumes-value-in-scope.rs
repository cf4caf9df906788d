// A method the macro does not know is taken to borrow its receiver (a
// wrong guess the other way would drop a borrowed guard early, silently).
// When it consumes a value that is still in scope at a later yield, the
// generator does not compile; `Builder::build(builder)` compiles.
use gen_runtime::generator;

pub struct Builder {
    n: u32,
}

impl Builder {
    fn build(self) -> u32 {
        self.n
    }
}

#[generator(yield = u32)]
fn built(n: u32) {
    let builder = Builder { n };
    let value = builder.build();
    r#yield!(value);
    r#yield!(value + 1);
}

fn main() {
    let _ = built(1);
}
