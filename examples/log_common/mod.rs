//! What the log pipelines (`log_pipeline`: generators,
//! `log_pipeline_handwritten`: `Iterator` structs, `async_log_pipeline`:
//! async generators) share: input, record
//! parsing, the progress meter and the report. Only the stages differ.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;
use std::fs::File;
use std::io;
use std::time::Instant;

/// Checked in; regenerate with `cargo run --release --example make_log`.
pub const DEFAULT_PATH: &str = "data/service-log.jsonl.gz";
/// Bytes per `read` from the compressed file.
pub const CHUNK_SIZE: usize = 64 * 1024;
/// The progress line on stderr is redrawn every this many lines.
pub const PROGRESS_EVERY: u64 = 25_000;

/// Opens `argv[1]`, or the checked-in sample log.
pub fn open_input() -> io::Result<(String, File)> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| DEFAULT_PATH.to_string());
    match File::open(&path) {
        Ok(file) => Ok((path, file)),
        Err(e) => Err(io::Error::new(e.kind(), format!("{path}: {e}"))),
    }
}

/// One log record, reduced to the fields the report uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub level: String,
    pub service: String,
    pub latency_ms: u64,
}

/// Why a record did not reach the report.
#[derive(Debug)]
pub enum PipelineError {
    /// Reading or decompressing failed: the stream ends here.
    Io(io::Error),
    /// One line is not a valid record: skipped, counted, and shown.
    Malformed { line: u64, reason: String },
}

impl fmt::Display for PipelineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PipelineError::Io(e) => write!(f, "I/O error: {e}"),
            PipelineError::Malformed { line, reason } => write!(f, "line {line}: {reason}"),
        }
    }
}

/// Parses one JSON line (`line_no` is 1-based, for the error message).
pub fn parse_event(line_no: u64, bytes: &[u8]) -> Result<Event, PipelineError> {
    let malformed = |reason: String| PipelineError::Malformed {
        line: line_no,
        reason,
    };
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| malformed(e.to_string()))?;
    let field = |name: &str| {
        value
            .get(name)
            .ok_or_else(|| malformed(format!("missing field `{name}`")))
    };
    let text = |name: &str| {
        field(name)?
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| malformed(format!("field `{name}` is not a string")))
    };
    Ok(Event {
        level: text("level")?,
        service: text("service")?,
        latency_ms: field("latency_ms")?
            .as_u64()
            .ok_or_else(|| malformed("field `latency_ms` is not an integer".into()))?,
    })
}

/// Counts bytes and lines as they flow past, and redraws one progress line
/// on stderr (`\r`) every [`PROGRESS_EVERY`] lines.
#[derive(Debug)]
pub struct Meter {
    total_bytes: u64,
    bytes_read: Cell<u64>,
    lines: Cell<u64>,
    started: Instant,
}

impl Meter {
    pub fn new(file: &File) -> io::Result<Self> {
        Ok(Meter {
            total_bytes: file.metadata()?.len(),
            bytes_read: Cell::new(0),
            lines: Cell::new(0),
            started: Instant::now(),
        })
    }

    pub fn add_bytes(&self, n: usize) {
        self.bytes_read.set(self.bytes_read.get() + n as u64);
    }

    /// Counts one line; returns its 1-based number.
    pub fn add_line(&self) -> u64 {
        let n = self.lines.get() + 1;
        self.lines.set(n);
        if n.is_multiple_of(PROGRESS_EVERY) {
            self.draw();
        }
        n
    }

    pub fn lines(&self) -> u64 {
        self.lines.get()
    }

    fn draw(&self) {
        const MIB: f64 = 1024.0 * 1024.0;
        eprint!(
            "\r{:.1}/{:.1} MiB read, {} lines",
            self.bytes_read.get() as f64 / MIB,
            self.total_bytes as f64 / MIB,
            self.lines.get(),
        );
    }

    /// Draws the final state and ends the progress line.
    pub fn finish(&self) {
        if !self.lines.get().is_multiple_of(PROGRESS_EVERY) {
            self.draw();
        }
        eprintln!();
    }

    /// Prints the elapsed time since the meter was created.
    pub fn print_elapsed(&self, what: &str) {
        eprintln!("{what}: {:.3} s", self.started.elapsed().as_secs_f64());
    }
}

#[derive(Debug, Default)]
struct ServiceStats {
    errors: u64,
    max_latency_ms: u64,
}

/// The consumer at the end of the pipeline: error events per service.
#[derive(Debug, Default)]
pub struct Report {
    services: BTreeMap<String, ServiceStats>,
    malformed: Vec<String>,
}

impl Report {
    /// Drains the filtered stream. An I/O error ends it with `Err`; a
    /// malformed line is recorded (not swallowed) and skipped.
    #[allow(dead_code)] // the async pipeline adds items one by one
    pub fn collect(
        errors: impl Iterator<Item = Result<Event, PipelineError>>,
    ) -> io::Result<Report> {
        let mut report = Report::default();
        for item in errors {
            report.add(item)?;
        }
        Ok(report)
    }

    /// Counts one item of the filtered stream (for a consumer that is not
    /// an `Iterator`, such as the async pipeline's stream).
    pub fn add(&mut self, item: Result<Event, PipelineError>) -> io::Result<()> {
        match item {
            Ok(event) => {
                let stats = self.services.entry(event.service).or_default();
                stats.errors += 1;
                stats.max_latency_ms = stats.max_latency_ms.max(event.latency_ms);
            }
            Err(PipelineError::Io(e)) => return Err(e),
            Err(bad @ PipelineError::Malformed { .. }) => self.malformed.push(bad.to_string()),
        }
        Ok(())
    }

    /// Prints the report to stdout (the same text for both pipelines).
    pub fn print(&self, lines: u64) {
        let total: u64 = self.services.values().map(|s| s.errors).sum();
        println!("error events per service ({lines} lines read):");
        let mut rows: Vec<_> = self.services.iter().collect();
        rows.sort_by(|a, b| b.1.errors.cmp(&a.1.errors).then(a.0.cmp(b.0)));
        for (service, stats) in rows {
            println!(
                "  {service:<14} {:>6}   max latency {:>5} ms",
                stats.errors, stats.max_latency_ms
            );
        }
        println!("  {:<14} {total:>6}", "total");
        println!("malformed lines skipped: {}", self.malformed.len());
        for bad in &self.malformed {
            println!("  {bad}");
        }
    }
}
