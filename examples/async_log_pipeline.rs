//! The flagship log pipeline (`log_pipeline`) as async generators: the
//! compressed log is read with `tokio::fs::File`, and each stage is a
//! `#[generator] async fn` that pulls from the stream before it. It prints
//! the same report as `log_pipeline`.
//!
//! ```text
//! read_chunks → decompress → split_lines → progress → parse → filter_errors → Report
//! (tokio::fs,    (flate2,      (one line    (tap)       (JSON)  (level ==      (counts per
//!  64 KiB reads)  streaming)    at a time)                       "error")       service)
//! ```
//!
//! The Python shape it follows (an `async for` per stage):
//!
//! ```python
//! async def read_chunks(f, size=65536):
//!     while chunk := await f.read(size):
//!         yield chunk
//!
//! async def split_lines(blocks):
//!     pending = b""
//!     async for block in blocks:
//!         *lines, pending = (pending + block).split(b"\n")
//!         for line in lines:
//!             yield line
//!     if pending:
//!         yield pending
//! ```
//!
//! ```text
//! cargo run --release --example async_log_pipeline              # data/service-log.jsonl.gz
//! cargo run --release --example async_log_pipeline -- other.jsonl.gz
//! ```

use std::io::{self, Write};
use std::pin::pin;
use std::rc::Rc;

use flate2::write::GzDecoder;
use futures::{Stream, StreamExt};
use gen_runtime::generator;
use tokio::io::AsyncReadExt;

#[path = "log_common/mod.rs"]
mod log_common;

use log_common::{CHUNK_SIZE, Event, Meter, PipelineError, Report, open_input, parse_event};

/// Stage 1: fixed-size chunks of the compressed file, read asynchronously.
#[generator(yield = io::Result<Vec<u8>>)]
async fn read_chunks(mut file: tokio::fs::File, meter: Rc<Meter>) {
    loop {
        let mut chunk = vec![0; CHUNK_SIZE];
        match file.read(&mut chunk).await {
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

/// Stage 2: streaming gzip decompression of each chunk as it arrives.
#[generator(yield = io::Result<Vec<u8>>)]
async fn decompress(chunks: impl Stream<Item = io::Result<Vec<u8>>>) {
    let mut chunks = pin!(chunks);
    let mut decoder = GzDecoder::new(Vec::new());
    while let Some(chunk) = chunks.next().await {
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

/// Stage 3: blocks of text → lines (without the `\n`). The line is a slice
/// of the block held across the yield, which an async generator allows.
#[generator(yield = io::Result<Vec<u8>>)]
async fn split_lines(blocks: impl Stream<Item = io::Result<Vec<u8>>>) {
    let mut blocks = pin!(blocks);
    let mut pending = Vec::new();
    while let Some(block) = blocks.next().await {
        let text = match block {
            Ok(text) => text,
            Err(e) => {
                r#yield!(Err(e));
                return;
            }
        };
        let mut rest = &text[..];
        while let Some(len) = rest.iter().position(|&b| b == b'\n') {
            let line = if pending.is_empty() {
                rest[..len].to_vec()
            } else {
                pending.extend_from_slice(&rest[..len]);
                std::mem::take(&mut pending)
            };
            rest = &rest[len + 1..];
            r#yield!(Ok(line));
        }
        pending.extend_from_slice(rest);
    }
    if !pending.is_empty() {
        r#yield!(Ok(pending));
    }
}

/// A tap stage: counts lines and redraws the progress line.
#[generator(yield = (u64, io::Result<Vec<u8>>))]
async fn progress(lines: impl Stream<Item = io::Result<Vec<u8>>>, meter: Rc<Meter>) {
    let mut lines = pin!(lines);
    while let Some(line) = lines.next().await {
        let line_no = meter.add_line();
        r#yield!((line_no, line));
    }
    meter.finish();
}

/// Stage 4: JSON → `Event`; a bad line travels on as an `Err` item.
#[generator(yield = Result<Event, PipelineError>)]
async fn parse(lines: impl Stream<Item = (u64, io::Result<Vec<u8>>)>) {
    let mut lines = pin!(lines);
    while let Some((line_no, line)) = lines.next().await {
        r#yield!(
            line.map_err(PipelineError::Io)
                .and_then(|line| parse_event(line_no, &line))
        );
    }
}

/// Stage 5: keep error events (and every error, so nothing is hidden).
#[generator(yield = Result<Event, PipelineError>)]
async fn filter_errors(events: impl Stream<Item = Result<Event, PipelineError>>) {
    let mut events = pin!(events);
    while let Some(event) = events.next().await {
        let keep = match &event {
            Ok(event) => event.level == "error",
            Err(_) => true,
        };
        if keep {
            r#yield!(event);
        }
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> io::Result<()> {
    let (path, file) = open_input()?;
    let meter = Rc::new(Meter::new(&file)?);
    eprintln!("reading {path}");

    // Nothing runs yet: each call only stores its arguments.
    let chunks = read_chunks(tokio::fs::File::from_std(file), Rc::clone(&meter));
    let lines = progress(split_lines(decompress(chunks)), Rc::clone(&meter));
    let mut errors = pin!(filter_errors(parse(lines)));

    // `async for event in errors`: each item is pulled through all stages.
    let mut report = Report::default();
    while let Some(item) = errors.next().await {
        report.add(item)?;
    }

    report.print(meter.lines());
    meter.print_elapsed("pipeline (async generators)");
    Ok(())
}
