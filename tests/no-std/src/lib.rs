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

/// An async generator without `std` or `alloc`: its yields pass through a
/// slot inside the pinned generator, not a thread-local or a heap cell.
#[generator(yield = u64)]
pub async fn async_squares(limit: u64) -> u64 {
    let mut sum = 0;
    for i in 0..limit {
        sum += i * i;
        r#yield!(i * i);
    }
    sum
}

/// Drives `async_squares` to the end on the stack with a no-op waker (its
/// body never waits on anything else): no executor, no allocation.
#[must_use]
pub fn sum_of_async_squares(limit: u64) -> (u64, Option<u64>) {
    use core::pin::pin;
    use core::task::{Context, Poll, Waker};
    use futures_core::Stream;

    let mut g = pin!(async_squares(limit));
    let mut cx = Context::from_waker(Waker::noop());
    let mut yielded = 0;
    loop {
        match g.as_mut().poll_next(&mut cx) {
            Poll::Ready(Some(square)) => yielded += square,
            Poll::Ready(None) => break,
            Poll::Pending => unreachable!("the body awaits nothing but its yields"),
        }
    }
    (yielded, g.as_mut().take_return())
}
