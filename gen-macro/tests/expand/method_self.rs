#[generator(yield = &'a str)]
fn names<'a>(&'a self, prefix: &str) {
    for name in &self.names {
        if name.starts_with(prefix) {
            r#yield!(name.as_str());
        }
    }
}
