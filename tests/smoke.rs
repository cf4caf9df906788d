use gen_runtime::{GeneratorState, generator};

#[generator(yield = u64)]
fn count(n: u64) {
    for i in 0..n {
        r#yield!(i);
    }
}

#[generator(yield = i64, send = i64)]
fn accumulator() -> i64 {
    let mut total = 0;
    loop {
        let v = r#yield!(total);
        if v < 0 {
            return total;
        }
        total += v;
    }
}

#[test]
fn smoke() {
    assert_eq!(count(4).collect::<Vec<_>>(), [0, 1, 2, 3]);
    let (first, mut acc) = accumulator().start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(acc.send(10), GeneratorState::Yielded(10));
    assert_eq!(acc.send(7), GeneratorState::Yielded(17));
    assert_eq!(acc.send(-1), GeneratorState::Complete(17));
}
