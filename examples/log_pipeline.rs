//! The seed article's compressed-log pipeline, one `#[generator]` per stage:
//!
//! ```text
//! read_chunks → decompress → split_lines → progress → parse → filter_errors → Report
//!  (64 KiB of     (flate2,     (one line    (tap: \r     (JSON)  (level ==      (counts per
//!   gzip bytes)   streaming)    at a time)   on stderr)           "error")       service)
//! ```
//!
//! Pull-based, like Python's generator pipeline: the report asks for the
//! next error event, and each stage computes only enough to answer. Memory
//! stays constant whatever the file size: one compressed chunk, its
//! decompressed output, one partial line and one record in flight.
//!
//! ```text
//! cargo run --release --example log_pipeline              # data/service-log.jsonl.gz
//! cargo run --release --example log_pipeline -- other.jsonl.gz
//! ```
//!
//! The same pipeline written as hand-made `Iterator` structs is
//! `examples/log_pipeline_handwritten.rs`; both print the same report and
//! their elapsed time on stderr.
//!
//! The Python shape it follows:
//!
//! ```python
//! def read_chunks(f, size=65536):
//!     while chunk := f.read(size):
//!         yield chunk
//!
//! def decompress(chunks):
//!     d = zlib.decompressobj(wbits=31)
//!     for chunk in chunks:
//!         if out := d.decompress(chunk):
//!             yield out
//!     if tail := d.flush():
//!         yield tail
//!
//! def split_lines(blocks):
//!     pending = b""
//!     for block in blocks:
//!         *lines, pending = (pending + block).split(b"\n")
//!         yield from lines
//!     if pending:
//!         yield pending
//!
//! def parse(lines):
//!     for line in lines:
//!         yield json.loads(line)
//!
//! def filter_errors(events):
//!     for e in events:
//!         if e["level"] == "error":
//!             yield e
//!
//! with open(path, "rb") as f:
//!     errors = filter_errors(parse(split_lines(decompress(read_chunks(f)))))
//!     report = Counter(e["service"] for e in errors)
//! ```

use std::fs::File;
use std::io::{self, Read, Write};
use std::rc::Rc;

use flate2::write::GzDecoder;
use gen_runtime::generator;

#[path = "log_common/mod.rs"]
mod log_common;

use log_common::{CHUNK_SIZE, Event, Meter, PipelineError, Report, open_input, parse_event};

/// Stage 1: fixed-size chunks of the compressed file.
#[generator(yield = io::Result<Vec<u8>>)]
fn read_chunks(mut file: File, meter: Rc<Meter>) {
    loop {
        let mut chunk = vec![0; CHUNK_SIZE];
        match file.read(&mut chunk) {
            Ok(0) => return,
            Ok(n) => {
                meter.add_bytes(n);
                chunk.truncate(n);
                r#yield!(Ok(chunk));
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                r#yield!(Err(e));
                return;
            }
        }
    }
}

/// Stage 2: streaming gzip decompression. Each compressed chunk is pushed
/// into the decoder; whatever it produced is yielded as one block.
#[generator(yield = io::Result<Vec<u8>>)]
fn decompress(chunks: impl Iterator<Item = io::Result<Vec<u8>>>) {
    let mut decoder = GzDecoder::new(Vec::new());
    for chunk in chunks {
        match chunk {
            Ok(compressed) => {
                if let Err(e) = decoder.write_all(&compressed) {
                    r#yield!(Err(e));
                    return;
                }
                let block = std::mem::take(decoder.get_mut());
                if !block.is_empty() {
                    r#yield!(Ok(block));
                }
            }
            Err(e) => {
                r#yield!(Err(e));
                return;
            }
        }
    }
    // End of input: check the gzip trailer (CRC, length), flush the rest.
    match decoder.try_finish() {
        Ok(()) => {
            let block = std::mem::take(decoder.get_mut());
            if !block.is_empty() {
                r#yield!(Ok(block));
            }
        }
        Err(e) => r#yield!(Err(e)),
    }
}

/// Stage 3: blocks of text → lines (without the `\n`). A line split across
/// two blocks is carried over in `pending`.
#[generator(yield = io::Result<Vec<u8>>)]
fn split_lines(blocks: impl Iterator<Item = io::Result<Vec<u8>>>) {
    let mut pending = Vec::new();
    for block in blocks {
        match block {
            Ok(text) => {
                let mut start = 0;
                while let Some(len) = text[start..].iter().position(|&b| b == b'\n') {
                    let end = start + len;
                    let line = if pending.is_empty() {
                        text[start..end].to_vec()
                    } else {
                        pending.extend_from_slice(&text[start..end]);
                        std::mem::take(&mut pending)
                    };
                    start = end + 1;
                    r#yield!(Ok(line));
                }
                pending.extend_from_slice(&text[start..]);
            }
            Err(e) => {
                r#yield!(Err(e));
                return;
            }
        }
    }
    if !pending.is_empty() {
        r#yield!(Ok(pending));
    }
}

/// A tap stage (the seed article's `tap`): counts lines and redraws the
/// progress line, passing every item through untouched.
#[generator(yield = (u64, io::Result<Vec<u8>>))]
fn progress(lines: impl Iterator<Item = io::Result<Vec<u8>>>, meter: Rc<Meter>) {
    for line in lines {
        let line_no = meter.add_line();
        r#yield!((line_no, line));
    }
    meter.finish();
}

/// Stage 4: JSON → `Event`. A bad line becomes an `Err` item that travels
/// on to the report (never silently dropped).
#[generator(yield = Result<Event, PipelineError>)]
fn parse(lines: impl Iterator<Item = (u64, io::Result<Vec<u8>>)>) {
    for (line_no, line) in lines {
        r#yield!(
            line.map_err(PipelineError::Io)
                .and_then(|line| parse_event(line_no, &line))
        );
    }
}

/// Stage 5: keep error events (and every error, so nothing is hidden).
#[generator(yield = Result<Event, PipelineError>)]
fn filter_errors(events: impl Iterator<Item = Result<Event, PipelineError>>) {
    for event in events {
        let keep = match &event {
            Ok(event) => event.level == "error",
            Err(_) => true,
        };
        if keep {
            r#yield!(event);
        }
    }
}

fn main() -> io::Result<()> {
    let (path, file) = open_input()?;
    let meter = Rc::new(Meter::new(&file)?);
    eprintln!("reading {path}");

    // Nothing runs yet: each call only stores its argument (Python: calling
    // a generator function returns a generator object).
    let chunks = read_chunks(file, Rc::clone(&meter));
    let lines = progress(split_lines(decompress(chunks)), Rc::clone(&meter));
    let errors = filter_errors(parse(lines));

    // The report pulls every item through all stages, one at a time.
    let report = Report::collect(errors)?;

    // The seed article's "empty log report" bug: in Python a second
    // consumer of the same generator silently sees nothing, because the
    // first one exhausted it:
    //
    //     errors = filter_errors(parse(...))
    //     report = Counter(e["service"] for e in errors)
    //     total = sum(1 for _ in errors)      # 0, no error raised
    //
    // In Rust the first consumer took `errors` by value, so reusing it does
    // not compile:
    //
    //     let total = errors.count();
    //     // error[E0382]: use of moved value: `errors`
    //
    // To consume twice, build the pipeline twice or collect once.

    report.print(meter.lines());
    meter.print_elapsed("pipeline (generators)");
    Ok(())
}
