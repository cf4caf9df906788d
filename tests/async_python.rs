//! Async generators against Python's behaviour: each test is a Python
//! program (quoted, with its output) and the same program in Rust, whose
//! observable output is checked against Python's.
#![deny(warnings)]

use std::cell::RefCell;
use std::pin::pin;
use std::rc::Rc;

use futures::StreamExt;
use gen_runtime::{GeneratorState, generator};

/// What the Python program prints, line by line.
type Out = Rc<RefCell<Vec<String>>>;

fn out() -> Out {
    Rc::new(RefCell::new(Vec::new()))
}

fn print(out: &Out, line: impl ToString) {
    out.borrow_mut().push(line.to_string());
}

// ```python
// async def agen(out):
//     print("started")
//     yield 1
//     print("resumed")
//     yield 2
//
// g = agen()
// print("created")
// async for x in g:
//     print(x)
// ```
// created / started / 1 / resumed / 2
#[generator(yield = u32)]
async fn agen(out: Out) {
    print(&out, "started");
    r#yield!(1);
    print(&out, "resumed");
    r#yield!(2);
}

#[test]
fn lazy_until_polled() {
    let o = out();
    let g = agen(o.clone());
    print(&o, "created");
    futures::executor::block_on(async {
        let mut g = pin!(g);
        while let Some(x) = g.next().await {
            print(&o, x);
        }
    });
    assert_eq!(*o.borrow(), ["created", "started", "1", "resumed", "2"]);
}

// ```python
// async def acc():
//     total = 0
//     while True:
//         v = yield total
//         if v is None:
//             return
//         total += v
//
// g = acc()
// print(await g.asend(None))   # priming
// print(await g.asend(10))
// print(await g.asend(7))
// ```
// 0 / 10 / 17
#[generator(yield = i64, send = Option<i64>)]
async fn acc() -> i64 {
    let mut total = 0;
    loop {
        match r#yield!(total) {
            None => return total,
            Some(v) => total += v,
        }
    }
}

#[tokio::test]
async fn asend_with_priming() {
    let g = pin!(acc());
    let (first, mut g) = g.start().await;
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.send(Some(10)).await, GeneratorState::Yielded(10));
    assert_eq!(g.send(Some(7)).await, GeneratorState::Yielded(17));
    assert_eq!(g.send(None).await, GeneratorState::Complete(17));
}

#[derive(Debug, PartialEq)]
enum Exc {
    Value,
    Key,
}

// ```python
// async def resilient():
//     n = 0
//     while True:
//         try:
//             yield n
//             n += 1
//         except ValueError:
//             n = 100
//
// g = resilient()
// print(await g.asend(None))
// print(await g.asend(None))
// print(await g.athrow(ValueError))
// print(await g.asend(None))
// await g.athrow(KeyError)      # not caught: raised out of athrow
// ```
// 0 / 1 / 100 / 101 / KeyError
#[generator(yield = u32, throw = Exc)]
async fn resilient() -> Result<(), Exc> {
    let mut n = 0;
    loop {
        match r#yield!(n) {
            Ok(()) => n += 1,
            Err(Exc::Value) => n = 100,
            Err(other) => return Err(other),
        }
    }
}

#[tokio::test]
async fn athrow_caught_and_rethrown() {
    let g = pin!(resilient());
    let (first, mut g) = g.start().await;
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(g.send(()).await, GeneratorState::Yielded(1));
    assert_eq!(g.throw(Exc::Value).await, GeneratorState::Yielded(100));
    assert_eq!(g.send(()).await, GeneratorState::Yielded(101));
    assert_eq!(
        g.throw(Exc::Key).await,
        GeneratorState::Complete(Err(Exc::Key))
    );
    assert!(g.is_finished());
}

struct Cleanup(Out);

impl Drop for Cleanup {
    fn drop(&mut self) {
        print(&self.0, "cleanup");
    }
}

// ```python
// async def worker(out):
//     try:
//         yield 1
//         yield 2
//     finally:
//         print("cleanup")
//
// g = worker()
// print(await g.asend(None))
// await g.aclose()
// await g.aclose()
// print("closed")
// ```
// 1 / cleanup / closed
#[generator(yield = u32)]
async fn worker(out: Out) {
    let _finally = Cleanup(out);
    r#yield!(1);
    r#yield!(2);
}

#[tokio::test]
async fn aclose_runs_cleanup_once() {
    let o = out();
    let g = pin!(worker(o.clone()));
    let (first, mut g) = g.start().await;
    if let GeneratorState::Yielded(x) = first {
        print(&o, x);
    }
    g.close();
    g.close();
    print(&o, "closed");
    assert_eq!(*o.borrow(), ["1", "cleanup", "closed"]);
}

// ```python
// async def inner():
//     yield "a"
//     yield "b"
//     return 2
//
// async def outer():
//     # no `yield from` in async generators: delegate by hand
//     n = 0
//     async for x in inner():
//         yield x
//         n += 1
//     yield f"inner yielded {n}"
//
// async for x in outer():
//     print(x)
// ```
// a / b / inner yielded 2
#[generator(yield = String)]
async fn inner() -> usize {
    r#yield!("a".to_string());
    r#yield!("b".to_string());
    2
}

#[generator(yield = String)]
async fn outer() {
    let n = yield_from!(inner());
    r#yield!(format!("inner yielded {n}"));
}

#[tokio::test]
async fn delegation_with_the_return_value() {
    let got: Vec<String> = outer().collect().await;
    assert_eq!(got, ["a", "b", "inner yielded 2"]);
}

// ```python
// async def parse(lines):
//     for line in lines:
//         yield int(line)
//
// async for x in parse(["1", "2", "x"]):
//     print(x)
// ```
// 1 / 2 / ValueError: invalid literal for int() with base 10: 'x'
#[generator(yield = i64)]
async fn parse(lines: Vec<&'static str>) -> Result<(), String> {
    for line in lines {
        let n: i64 = line
            .parse()
            .map_err(|_| format!("invalid literal for int() with base 10: '{line}'"))?;
        r#yield!(n);
    }
    Ok(())
}

#[tokio::test]
async fn an_error_in_a_stage_is_the_last_item() {
    let got: Vec<_> = parse(vec!["1", "2", "x"]).try_stream().collect().await;
    assert_eq!(
        got,
        [
            Ok(1),
            Ok(2),
            Err("invalid literal for int() with base 10: 'x'".to_string())
        ]
    );
}
