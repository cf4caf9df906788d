#[generator(yield = String)]
fn parent() {
    let result = yield_from!(child());
    r#yield!(format!("child said: {result}"));
}
