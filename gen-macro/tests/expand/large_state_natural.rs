#[generator(yield = u64)]
fn large_state_natural(rounds: usize) {
    let mut buf = start_buffer();
    let mut a = seed(1);
    let mut d = seed(4);
    for i in 0..rounds {
        buf[i % 256] = buf[(i * 7) % 256].wrapping_add(i as u8);
        a = a.wrapping_mul(31).wrapping_add(u64::from(buf[i % 256]));
        d = d.wrapping_add(a >> 3);
        r#yield!(a ^ d);
    }
}
