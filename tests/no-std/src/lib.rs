//! A `#![no_std]` crate without `alloc`: the expansion names only `core`
//! items (through `gen_runtime::__private::core`), and a generator is a
//! plain value, so nothing here needs an allocator.
#![no_std]

use gen_runtime::{GeneratorState, generator};

/// Fibonacci numbers below `limit`, and how many there were.
#[generator(yield = u64)]
pub fn fibonacci(limit: u64) -> usize {
    let (mut a, mut b) = (0u64, 1u64);
    let mut count = 0;
    while a < limit {
        r#yield!(a);
        count += 1;
        (a, b) = (b, a + b);
    }
    count
}

/// Running checksum of the bytes sent in; 0 ends it.
#[generator(yield = u32, send = u8)]
pub fn checksum() -> u32 {
    let mut sum: u32 = 0;
    loop {
        let byte = r#yield!(sum);
        if byte == 0 {
            return sum;
        }
        sum = sum.wrapping_mul(31).wrapping_add(u32::from(byte));
    }
}

/// Drives `checksum` over a byte string, without allocating.
#[must_use]
pub fn checksum_of(bytes: &[u8]) -> u32 {
    let (_, mut g) = checksum().start();
    for &byte in bytes {
        if let GeneratorState::Complete(sum) = g.send(byte) {
            return sum;
        }
    }
    match g.send(0) {
        GeneratorState::Complete(sum) | GeneratorState::Yielded(sum) => sum,
    }
}

/// Delegation without `alloc`: an array, then another generator, then the
/// sub-generator's return value (no boxed generator can be built here, so
/// nothing is ever handed over to a stack).
#[generator(yield = u64)]
pub fn framed(limit: u64) -> usize {
    yield_from!([u64::MAX; 2]);
    let count = yield_from!(fibonacci(limit));
    r#yield!(u64::MAX);
    count
}
