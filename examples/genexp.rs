//! Generator expressions with `gen_block!`, and the seed article's
//! evaluation trap, done right.
//!
//! The Python originals (seed article "Python Generators — Deep Dive"):
//!
//! ```python
//! nums = range(1, 11)
//! odd_squares = (x * x for x in nums if x % 2)        # nothing runs yet
//! print(sum(odd_squares))                              # 165
//! print(sum(odd_squares))                              # 0: single pass
//!
//! # chained, one element at a time, no intermediate lists
//! words = (w for line in text.splitlines() for w in line.split())
//! long = (w.upper() for w in words if len(w) > 4)
//! print(list(long))
//!
//! # the trap: the file handle lives as long as the expression, and is
//! # closed only when the garbage collector gets to it
//! gen = (line.strip() for line in open("data.txt"))
//! # safer: ownership of the file made explicit
//! def lines(path):
//!     with open(path, "r", encoding="utf-8") as f:
//!         for line in f:
//!             yield line.strip()
//! ```
//!
//! In Rust the block owns what it captures, so the reader it opens lives
//! exactly as long as the generator: it is closed when the block finishes
//! or when the generator is closed or dropped, whichever comes first —
//! `with open(…)` is the default, not the careful version.
//!
//! Prints:
//!
//! ```text
//! sum of odd squares: 165
//! again: 0 (single pass)
//! long words: ["GENERATORS", "YIELD", "VALUES", "DEMAND"]
//! data.txt closed
//! first two stripped lines: ["alpha", "beta"]
//! after the generator is gone, 1 file was opened and 1 closed
//! ```

use std::cell::Cell;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::rc::Rc;

use gen_runtime::gen_block;

/// A reader that says when it is closed, to show the generator closes it.
struct Tracked<R> {
    inner: R,
    name: &'static str,
    closed: Rc<Cell<u32>>,
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.inner.read(buf)
    }
}

impl<R> Drop for Tracked<R> {
    fn drop(&mut self) {
        self.closed.set(self.closed.get() + 1);
        println!("{} closed", self.name);
    }
}

/// `(line.strip() for line in open(path))`, owning the file: the lines of
/// `path` without surrounding whitespace, opened at the first `next()`.
fn stripped_lines(
    path: PathBuf,
    opened: Rc<Cell<u32>>,
    closed: Rc<Cell<u32>>,
) -> impl Iterator<Item = String> {
    gen_block! {
        let file = File::open(&path).expect("the example wrote this file");
        opened.set(opened.get() + 1);
        let reader = BufReader::new(Tracked { inner: file, name: "data.txt", closed });
        for line in reader.lines() {
            yield!(line.expect("readable text").trim().to_string());
        }
    }
}

fn main() {
    let nums = 1..=10u32;
    let mut odd_squares = gen_block! {
        for x in nums {
            if x % 2 == 1 {
                yield!(x * x);
            }
        }
    };
    println!("sum of odd squares: {}", odd_squares.by_ref().sum::<u32>());
    println!("again: {} (single pass)", odd_squares.sum::<u32>());

    let text = "generators yield values\non demand";
    let words = gen_block! {
        for line in text.lines() {
            for w in line.split_whitespace() {
                yield!(w);
            }
        }
    };
    let long = gen_block! {
        for w in words {
            if w.len() > 4 {
                yield!(w.to_uppercase());
            }
        }
    };
    println!("long words: {:?}", long.collect::<Vec<_>>());

    let path = std::env::temp_dir().join(format!("genexp-{}.txt", std::process::id()));
    std::fs::write(&path, "  alpha \n\tbeta\ngamma  \n").expect("a writable temp dir");
    let (opened, closed) = (Rc::new(Cell::new(0)), Rc::new(Cell::new(0)));
    {
        let lines = stripped_lines(path.clone(), opened.clone(), closed.clone());
        // Stop early, like a `break` out of a Python `for`: `take(2)` drops
        // the generator once it has its two lines, which closes the file
        // at once, not at the next GC.
        let first_two: Vec<String> = lines.take(2).collect();
        println!("first two stripped lines: {first_two:?}");
    }
    println!(
        "after the generator is gone, {} file was opened and {} closed",
        opened.get(),
        closed.get()
    );
    std::fs::remove_file(&path).expect("the file written above");
}
