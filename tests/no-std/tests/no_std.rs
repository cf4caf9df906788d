use gen_no_std_user::{checksum_of, fibonacci};

#[test]
fn generators_work_without_std() {
    let mut fib = fibonacci(50);
    let got: Vec<u64> = fib.by_ref().collect();
    assert_eq!(got, [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]);
    assert_eq!(fib.take_return(), Some(10));
    assert_eq!(checksum_of(b"ab"), 97 * 31 + 98);
}

#[test]
fn delegation_works_without_alloc() {
    let mut g = gen_no_std_user::framed(10);
    let got: Vec<u64> = g.by_ref().collect();
    assert_eq!(got, [u64::MAX, u64::MAX, 0, 1, 1, 2, 3, 5, 8, u64::MAX]);
    assert_eq!(g.take_return(), Some(7));
}

#[test]
fn async_generators_work_without_std() {
    assert_eq!(
        gen_no_std_user::sum_of_async_squares(4),
        (1 + 4 + 9, Some(14))
    );
}
