#[generator(yield = String, throw = Retry)]
fn resilient(jobs: Vec<&'static str>) {
    for job in jobs {
        loop {
            match r#yield!(format!("running {job}")) {
                Ok(()) => break,
                Err(Retry(why)) => println!("caught {why}, retrying {job}"),
            }
        }
    }
}
