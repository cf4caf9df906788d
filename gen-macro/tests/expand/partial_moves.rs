#[generator(yield = String)]
fn into_labels(self) {
    for x in self.items {
        r#yield!(format!("{}#{x}", self.label));
    }
}
