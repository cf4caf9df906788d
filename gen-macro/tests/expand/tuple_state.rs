#[generator(yield = u64)]
fn tuple_state(rounds: usize, (mut x, step): (u64, u64)) {
    let (mut buf, mut a, mut names) = ([0u8; 64], 1u64, Vec::new());
    let (mut b, mut c) = (2u64, 3u64);
    for round in 0..rounds {
        buf[round % 64] = buf[(round * 7) % 64].wrapping_add(round as u8);
        a = a.wrapping_mul(31).wrapping_add(u64::from(buf[round % 64]));
        b = c.wrapping_add(a).wrapping_add(b);
        c = b.wrapping_add(a);
        x = x.wrapping_add(step);
        names.push(round);
        r#yield!(a ^ b ^ c ^ x);
    }
    drop(names);
}
