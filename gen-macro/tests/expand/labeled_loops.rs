#[generator(yield = (u32, u32))]
fn pairs(n: u32) -> u32 {
    let found = 'outer: loop {
        for i in 0..n {
            for j in 0..i {
                if i * j > 6 {
                    break 'outer i;
                }
                r#yield!((i, j));
            }
        }
        break 0;
    };
    found
}
