#[generator(yield = u32)]
fn parse_all(items: Vec<&'static str>) -> Result<u32, std::num::ParseIntError> {
    let mut sum = 0;
    for item in items {
        let Some(rest) = item.strip_prefix('+') else {
            continue;
        };
        let n: u32 = rest.parse()?;
        sum += n;
        r#yield!(n);
    }
    Ok(sum)
}
