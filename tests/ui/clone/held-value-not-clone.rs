// `#[generator(clone)]` needs every value it holds to be `Clone`; the error
// names the value (an argument, a local) where it is declared.
use gen_runtime::generator;

struct Handle(u32);

#[generator(yield = u32, clone)]
fn uses(handle: Handle) {
    r#yield!(handle.0);
    let other = Handle(handle.0 + 1);
    r#yield!(other.0);
    r#yield!(other.0);
}

fn main() {
    let _ = uses(Handle(1));
}
