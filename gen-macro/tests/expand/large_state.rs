#[generator(yield = u64)]
fn large_state(rounds: usize) {
    let mut buf = [0u8; 256];
    let mut a: u64 = 1;
    let mut round = 0;
    while round < rounds {
        buf[round % 256] = buf[(round * 7) % 256].wrapping_add(round as u8);
        a = a.wrapping_mul(31).wrapping_add(u64::from(buf[round % 256]));
        round += 1;
        r#yield!(a);
    }
}
