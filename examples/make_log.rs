//! Writes the sample input of `log_pipeline`: a gzip-compressed JSON-lines
//! service log, fully deterministic (fixed-seed PRNG, gzip mtime 0), so the
//! checked-in `data/service-log.jsonl.gz` can be regenerated bit for bit:
//!
//! ```text
//! cargo run --release --example make_log                 # data/service-log.jsonl.gz, 250000 lines
//! cargo run --release --example make_log -- out.gz 1000  # another path / size
//! ```
//!
//! Each line is one event with the fields `ts`, `level`, `service`, `msg`
//! and `latency_ms`. A handful of lines are deliberately malformed (cut off
//! mid-record, as a crashed writer leaves them), so the pipeline has bad
//! records to count instead of silently swallowing them.

use std::fs::File;
use std::io::{self, BufWriter, Write};

use flate2::{Compression, GzBuilder};

const DEFAULT_PATH: &str = "data/service-log.jsonl.gz";
const DEFAULT_LINES: u64 = 250_000;
/// 2024-03-01T00:00:00Z
const START_MS: u64 = 1_709_251_200_000;

/// SplitMix64: tiny, fast, and the same sequence on every platform.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// (service, error rate in per mille, typical latency in ms)
const SERVICES: &[(&str, u64, u64)] = &[
    ("gateway", 25, 12),
    ("auth", 40, 35),
    ("billing", 90, 180),
    ("checkout", 70, 140),
    ("search", 30, 60),
    ("inventory", 55, 90),
    ("notifications", 120, 250),
    ("profile", 15, 25),
];

const PATHS: &[&str] = &[
    "/api/v1/orders",
    "/api/v1/cart",
    "/api/v1/users",
    "/api/v1/search",
    "/api/v1/items",
    "/api/v2/payments",
    "/healthz",
];
const HOSTS: &[&str] = &["db-1", "db-2", "db-3", "cache-1", "cache-2", "queue-1"];
const ERRORS: &[&str] = &[
    "upstream timeout",
    "connection reset by peer",
    "deadlock detected",
    "invalid token",
    "payment declined by provider",
    "rate limit exceeded",
    "null field in response",
];

/// Days since 1970-01-01 to (year, month, day) (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn iso8601(ms: u64) -> String {
    let secs = ms / 1000;
    let (y, mo, d) = civil_from_days((secs / 86_400) as i64);
    let rem = secs % 86_400;
    format!(
        "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60,
        ms % 1000
    )
}

fn write_log(out: &mut impl Write, lines: u64) -> io::Result<()> {
    let mut rng = Rng(0x5EED_1095_2024_0301);
    let mut now = START_MS;
    for n in 0..lines {
        now += rng.below(40);
        let &(service, error_rate, typical) = rng.pick(SERVICES);
        let roll = rng.below(1000);
        let latency = typical / 2 + rng.below(typical * 2);
        let (level, latency, msg) = if roll < error_rate {
            let latency = latency * (2 + rng.below(10));
            let msg = format!(
                "{} host={} path={} request_id={:016x}",
                rng.pick(ERRORS),
                rng.pick(HOSTS),
                rng.pick(PATHS),
                rng.next_u64()
            );
            ("error", latency, msg)
        } else if roll < error_rate + 60 {
            let msg = format!("slow response path={} took={latency}ms", rng.pick(PATHS));
            ("warn", latency, msg)
        } else if roll < 700 {
            let msg = format!(
                "request completed path={}/{} status=200 user={}",
                rng.pick(PATHS),
                rng.below(100_000),
                rng.below(50_000)
            );
            ("info", latency, msg)
        } else {
            let msg = format!(
                "cache lookup key=item:{} hit={}",
                rng.below(1_000_000),
                rng.below(2) == 1
            );
            ("debug", latency, msg)
        };
        let line = format!(
            r#"{{"ts":"{}","level":"{level}","service":"{service}","msg":{},"latency_ms":{latency}}}"#,
            iso8601(now),
            serde_json::Value::from(msg),
        );
        if n % 50_000 == 49_999 {
            // A record cut off by a crashed writer.
            writeln!(out, "{}", &line[..line.len() / 2])?;
        } else {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

fn main() -> io::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| DEFAULT_PATH.to_string());
    let lines = match args.next() {
        Some(n) => n
            .parse()
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?,
        None => DEFAULT_LINES,
    };
    if let Some(dir) = std::path::Path::new(&path).parent() {
        std::fs::create_dir_all(dir)?;
    }
    // GzBuilder writes mtime 0 unless told otherwise: reproducible output.
    let gz = GzBuilder::new().write(BufWriter::new(File::create(&path)?), Compression::default());
    let mut out = BufWriter::new(gz);
    write_log(&mut out, lines)?;
    out.into_inner()
        .map_err(|e| e.into_error())?
        .finish()?
        .flush()?;
    eprintln!("wrote {lines} lines to {path}");
    Ok(())
}
