//! `log_pipeline` without generators: every stage is a hand-written
//! `Iterator` struct whose fields are the state a generator keeps for free
//! (the decoder, the carried-over partial line, the position in the current
//! block, "am I done"). Same stages, same report, same progress line; the
//! elapsed time on stderr is what the generator version is compared with:
//!
//! ```text
//! cargo run --release --example log_pipeline_handwritten
//! cargo run --release --example log_pipeline
//! ```

use std::fs::File;
use std::io::{self, Read, Write};
use std::rc::Rc;

use flate2::write::GzDecoder;

#[path = "log_common/mod.rs"]
mod log_common;

use log_common::{CHUNK_SIZE, Event, Meter, PipelineError, Report, open_input, parse_event};

/// Stage 1: fixed-size chunks of the compressed file.
struct ReadChunks {
    file: File,
    meter: Rc<Meter>,
    done: bool,
}

impl Iterator for ReadChunks {
    type Item = io::Result<Vec<u8>>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let mut chunk = vec![0; CHUNK_SIZE];
            match self.file.read(&mut chunk) {
                Ok(0) => self.done = true,
                Ok(n) => {
                    self.meter.add_bytes(n);
                    chunk.truncate(n);
                    return Some(Ok(chunk));
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
        }
        None
    }
}

/// Stage 2: streaming gzip decompression.
struct Decompress<I> {
    chunks: I,
    decoder: GzDecoder<Vec<u8>>,
    done: bool,
}

impl<I: Iterator<Item = io::Result<Vec<u8>>>> Iterator for Decompress<I> {
    type Item = io::Result<Vec<u8>>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let written = match self.chunks.next() {
                Some(Ok(compressed)) => self.decoder.write_all(&compressed),
                Some(Err(e)) => Err(e),
                None => {
                    // End of input: check the gzip trailer, flush the rest.
                    self.done = true;
                    self.decoder.try_finish()
                }
            };
            if let Err(e) = written {
                self.done = true;
                return Some(Err(e));
            }
            let block = std::mem::take(self.decoder.get_mut());
            if !block.is_empty() {
                return Some(Ok(block));
            }
        }
        None
    }
}

/// Stage 3: blocks of text → lines (without the `\n`).
struct SplitLines<I> {
    blocks: I,
    text: Vec<u8>,
    start: usize,
    pending: Vec<u8>,
    done: bool,
}

impl<I: Iterator<Item = io::Result<Vec<u8>>>> Iterator for SplitLines<I> {
    type Item = io::Result<Vec<u8>>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let rest = &self.text[self.start..];
            if let Some(len) = rest.iter().position(|&b| b == b'\n') {
                let end = self.start + len;
                let line = if self.pending.is_empty() {
                    self.text[self.start..end].to_vec()
                } else {
                    self.pending.extend_from_slice(&self.text[self.start..end]);
                    std::mem::take(&mut self.pending)
                };
                self.start = end + 1;
                return Some(Ok(line));
            }
            self.pending.extend_from_slice(rest);
            self.start = 0;
            match self.blocks.next() {
                Some(Ok(text)) => self.text = text,
                Some(Err(e)) => {
                    self.done = true;
                    return Some(Err(e));
                }
                None => {
                    self.done = true;
                    if !self.pending.is_empty() {
                        return Some(Ok(std::mem::take(&mut self.pending)));
                    }
                }
            }
        }
        None
    }
}

/// The tap stage: counts lines, redraws the progress line.
struct Progress<I> {
    lines: I,
    meter: Rc<Meter>,
    done: bool,
}

impl<I: Iterator<Item = io::Result<Vec<u8>>>> Iterator for Progress<I> {
    type Item = (u64, io::Result<Vec<u8>>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.lines.next() {
            Some(line) => Some((self.meter.add_line(), line)),
            None => {
                self.done = true;
                self.meter.finish();
                None
            }
        }
    }
}

/// Stage 4: JSON → `Event`.
struct Parse<I> {
    lines: I,
}

impl<I: Iterator<Item = (u64, io::Result<Vec<u8>>)>> Iterator for Parse<I> {
    type Item = Result<Event, PipelineError>;

    fn next(&mut self) -> Option<Self::Item> {
        let (line_no, line) = self.lines.next()?;
        Some(match line {
            Ok(line) => parse_event(line_no, &line),
            Err(e) => Err(PipelineError::Io(e)),
        })
    }
}

/// Stage 5: keep error events (and every error).
struct FilterErrors<I> {
    events: I,
}

impl<I: Iterator<Item = Result<Event, PipelineError>>> Iterator for FilterErrors<I> {
    type Item = Result<Event, PipelineError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.events.find(|event| match event {
            Ok(event) => event.level == "error",
            Err(_) => true,
        })
    }
}

fn main() -> io::Result<()> {
    let (path, file) = open_input()?;
    let meter = Rc::new(Meter::new(&file)?);
    eprintln!("reading {path}");

    let chunks = ReadChunks {
        file,
        meter: Rc::clone(&meter),
        done: false,
    };
    let blocks = Decompress {
        chunks,
        decoder: GzDecoder::new(Vec::new()),
        done: false,
    };
    let lines = SplitLines {
        blocks,
        text: Vec::new(),
        start: 0,
        pending: Vec::new(),
        done: false,
    };
    let lines = Progress {
        lines,
        meter: Rc::clone(&meter),
        done: false,
    };
    let errors = FilterErrors {
        events: Parse { lines },
    };

    let report = Report::collect(errors)?;
    report.print(meter.lines());
    meter.print_elapsed("pipeline (hand-written iterators)");
    Ok(())
}
