// A generic pipeline stage: its type would spell out its input's, so its
// closure owns the state (the owned machine), and the machine's type
// mentions the input once.
#[generator(yield = u64)]
fn stage(input: impl Iterator<Item = u64>, k: u64) {
    for x in input {
        if x % k != 0 {
            r#yield!(x * k);
        }
    }
}
