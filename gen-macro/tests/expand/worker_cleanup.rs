#[generator(yield = (), send = &'static str)]
fn worker() {
    let _finally = Cleanup;
    loop {
        let item = r#yield!(());
        println!("processing {item}");
    }
}
