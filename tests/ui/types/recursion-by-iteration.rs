// Python's recursion spelling: iterating over a call of the generator
// itself keeps the callee in the caller's state. The message says to use
// `yield_from!` or `.boxed()` instead of rustc's bare E0720.
use gen_runtime::generator;

#[generator(yield = u32)]
fn countdown(n: u32) {
    if n > 0 {
        r#yield!(n);
        for x in countdown(n - 1) {
            r#yield!(x);
        }
    }
}

struct Tree {
    children: Vec<Tree>,
    label: u32,
}

impl Tree {
    #[generator(yield = u32)]
    fn labels(&self) {
        r#yield!(self.label);
        for child in &self.children {
            for label in Self::labels(child).map(|l| l * 10) {
                r#yield!(label);
            }
            for label in &mut self.labels() {
                r#yield!(label);
            }
        }
    }
}

fn main() {
    let _ = countdown(3);
    let _ = Tree { children: Vec::new(), label: 0 }.labels();
}
