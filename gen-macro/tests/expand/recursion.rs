#[generator(yield = u32)]
fn walk(tree: &Tree) {
    if let Tree::Node(left, value, right) = tree {
        yield_from!(walk(left));
        r#yield!(*value);
        yield_from!(walk(right));
    }
}
