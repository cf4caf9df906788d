//! Differential test of the `#[generator]` lowering (issue 4, items 1–2).
//!
//! `differential/gen.rs` builds random generator bodies from a seed. Each
//! body is written twice into one generated crate under
//! `target/differential/`: as a `#[generator]` function and as a plain
//! reference function whose `r#yield!` records the yielded value and a drop
//! log marker, and evaluates to the next sent value. One `cargo build` and
//! one run check the whole batch; for every program the yielded sequence,
//! the return value and the drop log (with the yield markers, so the log
//! also shows *when* each value was dropped) must be equal:
//!
//! - run to completion (`send = u32` programs through `start`/`send`,
//!   `send = ()` programs as an `Iterator` and `take_return`);
//! - stopped after k yields, for every k (or 30 spread values of k), once
//!   with `close()` and once by dropping the generator, against the
//!   reference returning at its k-th yield;
//! - the same body as a `gen_block!`, run to completion and stopped alike;
//! - the same body as an async generator (`async fn`), each yield's operand
//!   first awaiting a future that is pending on every other call, driven
//!   by `start`/`send` or as a `Stream`, run to completion and stopped alike;
//! - forked (`#[generator(clone)]`) at each of those k: the original and
//!   the copy both run to completion, the copy's values recording into a
//!   log of their own, against the reference's run and its part after the
//!   k-th yield.
//!
//! Size: `GEN_DIFF_PROGRAMS` (default 200), first seed `GEN_DIFF_SEED`
//! (default 0), programs per generated crate `GEN_DIFF_BATCH` (default 250);
//! `GEN_DIFF_EXTRA=0` leaves out the `gen_block!` twin and the forks (a
//! third of the build time, for runs at size).
//! A failing seed is printed; replay it alone with
//! `GEN_DIFF_SEED=<seed> GEN_DIFF_PROGRAMS=1 cargo test --test differential -- --nocapture`,
//! or several with `GEN_DIFF_SEEDS=<seed>,<seed>,…`,
//! and the program's source is `target/differential/batch/src/p_<seed>.rs`.
//!
//! The 10,000-program run:
//! `GEN_DIFF_PROGRAMS=10000 cargo test --release --test differential -- --nocapture`
//! (the generated crate is always a debug build).

#[path = "differential/gen.rs"]
mod r#gen;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use r#gen::{Features, Program};

fn env_u64(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v:?} is not a number")),
        Err(_) => default,
    }
}

const SUPPORT: &str = r#"//! Helpers the generated bodies call.
#![allow(dead_code)]
use gen_workspace::drops::Guard;

pub fn f2(a: u32, b: u32) -> u32 { (a % 1000) * 31 + b % 1000 }
pub fn f3(a: u32, b: u32, c: u32) -> u32 { (a % 100) * 7 + (b % 100) * 3 + c % 100 }
/// The value sent in answer to the n-th yield.
pub fn sv(n: usize) -> u32 { ((n as u32).wrapping_mul(37) + 11) % 101 }
pub fn opt(a: u32) -> Option<u32> { if a % 7 == 3 { None } else { Some(a % 1000) } }
pub fn cat(mut s: String, a: u32) -> String {
    if s.len() > 24 { s.truncate(8); }
    s.push_str(&a.to_string());
    s
}
pub fn num(a: u32) -> String { a.to_string() }
pub fn ch(a: u32) -> char { (b'a' + (a % 26) as u8) as char }
pub fn touch(g: Guard, a: u32) -> u32 { a ^ g.name().len() as u32 }
pub fn sumv(v: &[u32]) -> u32 { v.iter().fold(0u32, |a, b| a.wrapping_add(*b)) % 1000 }
pub fn vpush(mut v: Vec<u32>, a: u32) -> Vec<u32> { if v.len() < 8 { v.push(a); } v }
pub fn take_s(s: String) -> u32 { s.len() as u32 }
pub fn take_v(v: Vec<u32>) -> u32 { v.len() as u32 }
#[derive(Clone)]
pub struct Rec { pub g: Guard, pub s: String, pub n: u32 }
pub fn rec_sum(r: &Rec) -> u32 { r.n % 1000 + r.s.len() as u32 + r.g.name().len() as u32 }
impl Rec {
    /// By value, under a name the macro knows consumes (`into_…`).
    pub fn into_total(self) -> u32 { rec_sum(&self) ^ 5 }
    /// By reference, under a name the macro knows nothing about.
    pub fn total(&self) -> u32 { rec_sum(self) ^ 9 }
}
/// The argument of the programs that iterate one (`items`).
pub fn items_arg(log: &gen_workspace::drops::DropLog) -> Vec<Guard> {
    (0..3).map(|i| log.guard(format!("a{i}"))).collect()
}
/// The receiver of the programs written as methods (`self: Rec`).
pub fn rec_self(log: &gen_workspace::drops::DropLog) -> Rec {
    Rec { g: log.guard("self.g"), s: "self".to_owned(), n: 7 }
}

static TICKS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
/// A future that is pending (waking itself) on every other call, then 0.
pub struct Tick(bool);
impl std::future::Future for Tick {
    type Output = u32;
    fn poll(mut self: std::pin::Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<u32> {
        if self.0 {
            self.0 = false;
            cx.waker().wake_by_ref();
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(0)
        }
    }
}
pub fn tick() -> Tick {
    Tick(TICKS.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % 2 == 0)
}
"#;

const DRIVER: &str = r#"
use std::panic::{catch_unwind, AssertUnwindSafe};
use gen_runtime::GeneratorState;
use gen_workspace::drops::DropLog;
use support::sv;

#[derive(Debug, PartialEq)]
struct Outcome {
    yields: Vec<u32>,
    ret: Option<String>,
    log: Vec<String>,
    note: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum End { Complete, Close, Drop }

fn reference<R: std::fmt::Debug>(f: fn(DropLog, &mut Vec<u32>, usize) -> R, stop: usize) -> Outcome {
    let log = DropLog::new();
    let mut yields = Vec::new();
    let r = f(log.clone(), &mut yields, stop);
    let ret = if yields.len() == stop {
        drop(log.guard("<closed>"));
        None
    } else {
        drop(log.guard("<end>"));
        Some(format!("{r:?}"))
    };
    Outcome { yields, ret, log: log.dropped(), note: None }
}

/// Ends a generator suspended at the `stop`-th yield.
macro_rules! end {
    ($g:ident, $log:ident, $end:expr) => {
        match $end {
            End::Close => {
                $g.close();
                if !$g.is_finished() { return Err("not finished after close()".into()); }
                drop($log.guard("<closed>"));
                drop($g);
            }
            _ => {
                drop($g);
                drop($log.guard("<closed>"));
            }
        }
    };
}

macro_rules! drive_send {
    ($p:ident :: $make:ident, $stop:expr, $end:expr, $cap:expr) => {{
        let log = DropLog::new();
        let mut yields = Vec::new();
        let mut ret = None;
        let mut note = None;
        let (mut st, mut g) = $p::$make(log.clone()).start();
        loop {
            match st {
                GeneratorState::Yielded(y) => {
                    yields.push(y);
                    let n = yields.len();
                    drop(log.guard(format!("<y{n}>")));
                    if n == $stop { end!(g, log, $end); break; }
                    if n > $cap { note = Some("runaway: too many yields".to_owned()); break; }
                    st = g.send(sv(n));
                }
                GeneratorState::Complete(r) => {
                    if !g.is_finished() { note = Some("complete but not finished".to_owned()); }
                    ret = Some(format!("{r:?}"));
                    drop(log.guard("<end>"));
                    drop(g);
                    break;
                }
            }
        }
        Outcome { yields, ret, log: log.dropped(), note }
    }};
}

macro_rules! drive_iter {
    ($p:ident :: $make:ident, $stop:expr, $end:expr, $cap:expr) => {{
        let log = DropLog::new();
        let mut yields = Vec::new();
        let mut ret = None;
        let mut note = None;
        let mut g = $p::$make(log.clone());
        loop {
            match g.next() {
                Some(y) => {
                    yields.push(y);
                    let n = yields.len();
                    drop(log.guard(format!("<y{n}>")));
                    if n == $stop { end!(g, log, $end); break; }
                    if n > $cap { note = Some("runaway: too many yields".to_owned()); break; }
                }
                None => {
                    if !g.is_finished() { note = Some("None but not finished".to_owned()); }
                    ret = g.take_return().map(|r| format!("{r:?}"));
                    if g.take_return().is_some() { note = Some("take_return twice".to_owned()); }
                    drop(log.guard("<end>"));
                    drop(g);
                    break;
                }
            }
        }
        Outcome { yields, ret, log: log.dropped(), note }
    }};
}

/// Polls `f` to completion with a no-op waker (the bodies' futures are
/// pending at most once in a row).
fn block_on<F: std::future::Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    for _ in 0..1_000_000 {
        if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
    panic!("an async generator stayed pending")
}

/// `drive_send` for the async twin: `start().await`, `send(v).await`.
macro_rules! drive_async_send {
    ($p:ident :: $make:ident, $stop:expr, $end:expr, $cap:expr) => {{
        let log = DropLog::new();
        let mut yields = Vec::new();
        let mut ret = None;
        let mut note = None;
        let mut fresh = Box::pin($p::$make(log.clone()));
        let (mut st, mut g) = block_on(fresh.as_mut().start());
        loop {
            match st {
                GeneratorState::Yielded(y) => {
                    yields.push(y);
                    let n = yields.len();
                    drop(log.guard(format!("<y{n}>")));
                    if n == $stop {
                        if $end == End::Close {
                            g.close();
                            if !g.is_finished() { return Err("async: not finished after close()".into()); }
                            drop(log.guard("<closed>"));
                            drop(g);
                            drop(fresh);
                        } else {
                            drop(g);
                            drop(fresh);
                            drop(log.guard("<closed>"));
                        }
                        break;
                    }
                    if n > $cap { note = Some("runaway: too many yields".to_owned()); break; }
                    st = block_on(g.send(sv(n)));
                }
                GeneratorState::Complete(r) => {
                    if !g.is_finished() { note = Some("complete but not finished".to_owned()); }
                    ret = Some(format!("{r:?}"));
                    drop(log.guard("<end>"));
                    drop(g);
                    drop(fresh);
                    break;
                }
            }
        }
        Outcome { yields, ret, log: log.dropped(), note }
    }};
}

/// `drive_iter` for the async twin: polled as a `Stream`.
macro_rules! drive_async_iter {
    ($p:ident :: $make:ident, $stop:expr, $end:expr, $cap:expr) => {{
        let log = DropLog::new();
        let mut yields = Vec::new();
        let mut ret = None;
        let mut note = None;
        let mut g = Box::pin($p::$make(log.clone()));
        loop {
            let next = block_on(std::future::poll_fn(|cx| futures_core::Stream::poll_next(g.as_mut(), cx)));
            match next {
                Some(y) => {
                    yields.push(y);
                    let n = yields.len();
                    drop(log.guard(format!("<y{n}>")));
                    if n == $stop {
                        if $end == End::Close {
                            g.as_mut().close();
                            if !g.is_finished() { return Err("async: not finished after close()".into()); }
                            drop(log.guard("<closed>"));
                            drop(g);
                        } else {
                            drop(g);
                            drop(log.guard("<closed>"));
                        }
                        break;
                    }
                    if n > $cap { note = Some("runaway: too many yields".to_owned()); break; }
                }
                None => {
                    if !g.is_finished() { note = Some("None but not finished".to_owned()); }
                    ret = g.as_mut().take_return().map(|r| format!("{r:?}"));
                    if g.as_mut().take_return().is_some() { note = Some("take_return twice".to_owned()); }
                    drop(log.guard("<end>"));
                    drop(g);
                    break;
                }
            }
        }
        Outcome { yields, ret, log: log.dropped(), note }
    }};
}

/// The value a yield evaluates to after the n-th yield.
trait Sent {
    fn sent(n: usize) -> Self;
}
impl Sent for () {
    fn sent(_: usize) {}
}
impl Sent for u32 {
    fn sent(n: usize) -> u32 { sv(n) }
}

/// Resumes `g` after its `n`-th yield and runs it to completion, recording
/// what it yields (with the drop-log markers the reference writes) and
/// what it returns.
fn finish<G>(g: &mut G, log: &DropLog, mut yields: Vec<u32>, mut n: usize, cap: usize) -> Outcome
where
    G: gen_runtime::Generator<Yield = u32>,
    G::Send: Sent,
    G::Return: std::fmt::Debug,
{
    let mut note = None;
    let mut ret = None;
    loop {
        match g.resume(Sent::sent(n)) {
            GeneratorState::Yielded(y) => {
                yields.push(y);
                n += 1;
                drop(log.guard(format!("<y{n}>")));
                if n > cap { note = Some("runaway: too many yields".to_owned()); break; }
            }
            GeneratorState::Complete(r) => {
                if !g.is_finished() { note = Some("complete but not finished".to_owned()); }
                ret = Some(format!("{r:?}"));
                drop(log.guard("<end>"));
                break;
            }
        }
    }
    Outcome { yields, ret, log: log.dropped(), note }
}

/// Runs a fresh generator to its `k`-th yield, clones it there (the copy's
/// values record into a log of their own), and runs the original, then the
/// copy, to completion.
fn fork<G>(make: fn(DropLog) -> G, k: usize, cap: usize) -> Result<(Outcome, Outcome), String>
where
    G: gen_runtime::Generator<Yield = u32> + Clone,
    G::Send: Sent,
    G::Return: std::fmt::Debug,
{
    let log = DropLog::new();
    let mut g = make(log.clone());
    let mut yields = Vec::new();
    match g.prime() {
        GeneratorState::Yielded(y) => yields.push(y),
        GeneratorState::Complete(_) => return Err("completed before the fork point".into()),
    }
    drop(log.guard("<y1>"));
    while yields.len() < k {
        match g.resume(Sent::sent(yields.len())) {
            GeneratorState::Yielded(y) => yields.push(y),
            GeneratorState::Complete(_) => return Err("completed before the fork point".into()),
        }
        drop(log.guard(format!("<y{}>", yields.len())));
    }
    let fork_log = DropLog::new();
    let mut copy = DropLog::forking_into(&fork_log, || g.clone());
    let original = finish(&mut g, &log, yields, k, cap);
    drop(g);
    let copy_outcome = finish(&mut copy, &fork_log, Vec::new(), k, cap);
    drop(copy);
    Ok((original, copy_outcome))
}

/// What a copy forked at the `k`-th yield must do: the rest of the
/// reference's run, and the drops after its `k`-th yield marker.
fn after_fork(want: &Outcome, k: usize) -> Outcome {
    let marker = format!("<y{k}>");
    let at = want.log.iter().position(|e| *e == marker).map_or(want.log.len(), |i| i + 1);
    Outcome {
        yields: want.yields[k.min(want.yields.len())..].to_vec(),
        ret: want.ret.clone(),
        log: want.log[at..].to_vec(),
        note: None,
    }
}

fn stops(n: usize) -> Vec<usize> {
    if n <= 30 { (1..=n).collect() } else { (0..30).map(|i| 1 + i * (n - 1) / 29).collect() }
}

static PANIC_AT: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

fn panic_message(e: Box<dyn std::any::Any + Send>) -> String {
    let msg = if let Some(s) = e.downcast_ref::<&str>() { s.to_string() }
    else if let Some(s) = e.downcast_ref::<String>() { s.clone() }
    else { "<panic>".to_owned() };
    format!("{msg} (at {})", PANIC_AT.lock().unwrap())
}

/// The code only when the batch checks blocks and forks.
macro_rules! when {
    (true, { $($t:tt)* }) => { $($t)* };
    (false, { $($t:tt)* }) => {};
}

macro_rules! check {
    ($p:ident, $seed:expr, $drive:ident, $adrive:ident, $extras:tt) => {{
        println!("BEGIN {}", $seed);
        let result = catch_unwind(AssertUnwindSafe(|| -> Result<Vec<String>, String> {
            let mut fails = Vec::new();
            let want = catch_unwind(AssertUnwindSafe(|| reference($p::reference, usize::MAX)))
                .map_err(|e| format!("reference panicked: {}", panic_message(e)))?;
            let cap = want.yields.len() + 50;
            let got = $drive!($p::generator, usize::MAX, End::Complete, cap);
            if got != want {
                fails.push(format!("complete: want {want:?} got {got:?}"));
            }
            when!($extras, {
                let got = $drive!($p::block, usize::MAX, End::Complete, cap);
                if got != want {
                    fails.push(format!("gen_block! complete: want {want:?} got {got:?}"));
                }
                let got = $adrive!($p::async_generator, usize::MAX, End::Complete, cap);
                if got != want {
                    fails.push(format!("async complete: want {want:?} got {got:?}"));
                }
            });
            for k in stops(want.yields.len()) {
                let stopped = reference($p::reference, k);
                for end in [End::Close, End::Drop] {
                    let got = $drive!($p::generator, k, end, cap);
                    if got != stopped {
                        fails.push(format!("{end:?} after {k}: want {stopped:?} got {got:?}"));
                    }
                    when!($extras, {
                        let got = $drive!($p::block, k, end, cap);
                        if got != stopped {
                            fails.push(format!("gen_block! {end:?} after {k}: want {stopped:?} got {got:?}"));
                        }
                        let got = $adrive!($p::async_generator, k, end, cap);
                        if got != stopped {
                            fails.push(format!("async {end:?} after {k}: want {stopped:?} got {got:?}"));
                        }
                    });
                }
                when!($extras, {
                    match fork($p::generator, k, cap) {
                        Ok((original, copy)) => {
                            if original != want {
                                fails.push(format!("fork at {k}, original: want {want:?} got {original:?}"));
                            }
                            let rest = after_fork(&want, k);
                            if copy != rest {
                                fails.push(format!("fork at {k}, copy: want {rest:?} got {copy:?}"));
                            }
                        }
                        Err(e) => fails.push(format!("fork at {k}: {e}")),
                    }
                });
            }
            Ok(fails)
        }));
        match result {
            Ok(Ok(fails)) => {
                for f in fails { println!("FAIL {} {}", $seed, f.replace('\n', " ")); }
            }
            Ok(Err(e)) => println!("FAIL {} {}", $seed, e.replace('\n', " ")),
            Err(e) => println!("FAIL {} generator panicked: {}", $seed, panic_message(e).replace('\n', " ")),
        }
    }};
}
"#;

/// How a program whose reference does not compile is reported.
const INVALID: &str = "invalid program (its plain-function reference does not compile: fix the generator in tests/differential/gen.rs): ";

struct Batch {
    dir: PathBuf,
    target: PathBuf,
    /// Also the `gen_block!` twin and forks (`GEN_DIFF_EXTRA`, default 1).
    extras: bool,
}

impl Batch {
    fn new() -> Self {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let base = root.join("target").join("differential");
        let dir = base.join("batch");
        std::fs::create_dir_all(dir.join("src")).unwrap();
        let manifest = format!(
            "[package]\nname = \"gen-differential-batch\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\ngen-runtime = {{ path = {rt:?} }}\ngen-workspace = {{ path = {ws:?} }}\nfutures-core = \"0.3\"\n\n\
             [profile.dev]\ndebug = 0\nincremental = false\n\n[workspace]\n",
            rt = root.join("gen-runtime").display().to_string(),
            ws = root.display().to_string(),
        );
        std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
        if !dir.join("Cargo.lock").exists() {
            // Same dependency versions as the workspace, no resolution.
            let _ = std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock"));
        }
        std::fs::write(dir.join("src").join("support.rs"), SUPPORT).unwrap();
        Batch {
            dir,
            target: base.join("target"),
            extras: env_u64("GEN_DIFF_EXTRA", 1) != 0,
        }
    }

    /// Writes the crate for `programs` (removing other programs' files).
    fn write(&self, programs: &[Program]) {
        let src = self.dir.join("src");
        for entry in std::fs::read_dir(&src).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with("p_") {
                std::fs::remove_file(path).unwrap();
            }
        }
        let mut main = String::from("#![allow(warnings)]\nmod support;\n");
        for p in programs {
            std::fs::write(
                src.join(format!("p_{}.rs", p.seed)),
                p.module_source_with(self.extras),
            )
            .unwrap();
            let _ = writeln!(main, "mod p_{};", p.seed);
        }
        main.push_str(DRIVER);
        main.push_str("\nfn main() {\n    std::panic::set_hook(Box::new(|info| {\n        if let Some(l) = info.location() { *PANIC_AT.lock().unwrap() = l.to_string(); }\n    }));\n");
        for p in programs {
            let (drive, adrive) = if p.send_u32 {
                ("drive_send", "drive_async_send")
            } else {
                ("drive_iter", "drive_async_iter")
            };
            let _ = writeln!(
                main,
                "    check!(p_{0}, {0}u64, {drive}, {adrive}, {1});",
                p.seed, self.extras
            );
        }
        main.push_str("    println!(\"DONE\");\n}\n");
        std::fs::write(src.join("main.rs"), main).unwrap();
    }

    fn cargo(&self) -> Command {
        let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
        cmd.current_dir(&self.dir)
            .env("CARGO_TARGET_DIR", &self.target)
            .env("CARGO_INCREMENTAL", "0")
            .env_remove("RUSTC_WRAPPER");
        cmd
    }

    /// Builds; on error returns the seeds whose files the errors point at,
    /// with their first error line, or the whole output when an error
    /// points elsewhere.
    fn build(&self) -> Result<(), Result<BTreeMap<u64, String>, String>> {
        let out = self
            .cargo()
            .args(["build", "--quiet", "--message-format=short"])
            .output()
            .expect("run cargo build");
        if out.status.success() {
            return Ok(());
        }
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let mut seeds = BTreeMap::new();
        let mut unattributed = false;
        for line in stderr.lines() {
            if !line.contains("error") || line.starts_with("error: could not compile") {
                continue;
            }
            match line.find("src/p_").and_then(|i| {
                let rest = &line[i + 6..];
                rest[..rest.find(".rs")?].parse::<u64>().ok()
            }) {
                Some(seed) => {
                    let first = seeds.entry(seed).or_insert_with(|| line.to_owned());
                    // An error in the plain-function reference is a bug of
                    // the program generator (it wrote invalid Rust), not of
                    // the macro: say so, whichever error came first.
                    if self.in_reference(seed, line) && !first.starts_with(INVALID) {
                        *first = format!("{INVALID}{line}");
                    }
                }
                None if line.starts_with("error: aborting")
                    || line.starts_with("error: could not") => {}
                None => unattributed = true,
            }
        }
        if seeds.is_empty() || (unattributed && seeds.is_empty()) {
            return Err(Err(stderr));
        }
        Err(Ok(seeds))
    }

    /// Does the error `line` (`src/p_<seed>.rs:<line>:<col>: …`) point into
    /// the program's `reference` function?
    fn in_reference(&self, seed: u64, line: &str) -> bool {
        let Ok(source) = std::fs::read_to_string(self.dir.join("src").join(format!("p_{seed}.rs")))
        else {
            return false;
        };
        // The reference runs from its `pub fn` (a method `reference_N` in
        // the programs written as methods) to the next item: the twins and
        // the wrappers follow it.
        let lines: Vec<&str> = source.lines().collect();
        let Some(start) = lines.iter().position(|l| l.starts_with("pub fn reference")) else {
            return false;
        };
        let end = lines[start + 1..]
            .iter()
            .position(|l| l.starts_with("pub fn ") || l.starts_with("#["))
            .map_or(lines.len(), |at| start + 1 + at);
        let at = format!("src/p_{seed}.rs:");
        line.find(&at)
            .and_then(|i| {
                line[i + at.len()..]
                    .split(':')
                    .next()?
                    .parse::<usize>()
                    .ok()
            })
            // (Line numbers count from 1.)
            .is_some_and(|number| number > start && number <= end)
    }

    /// Runs the binary; returns (FAIL lines, finished, last BEGIN seed).
    fn run(&self, timeout: Duration) -> (Vec<String>, bool, Option<u64>) {
        let exe = self.target.join("debug").join("gen-differential-batch");
        let mut child = Command::new(exe)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("run the batch");
        let mut stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = stdout.read_to_string(&mut s);
            s
        });
        let start = Instant::now();
        let mut timed_out = false;
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            if start.elapsed() > timeout {
                let _ = child.kill();
                let _ = child.wait();
                timed_out = true;
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let text = reader.join().unwrap();
        let mut fails = Vec::new();
        let mut last = None;
        let mut done = false;
        for line in text.lines() {
            if let Some(s) = line.strip_prefix("BEGIN ") {
                last = s.parse().ok();
            } else if line.starts_with("FAIL ") {
                fails.push(line.to_owned());
            } else if line == "DONE" {
                done = true;
            }
        }
        (fails, done && !timed_out, last)
    }
}

#[test]
fn generated_programs_match_the_reference() {
    let count = env_u64("GEN_DIFF_PROGRAMS", 200);
    let first = env_u64("GEN_DIFF_SEED", 0);
    let batch_size = env_u64("GEN_DIFF_BATCH", 250).max(1);
    let features = Features::default();
    let batch = Batch::new();
    let started = Instant::now();

    // An explicit list (`GEN_DIFF_SEEDS=3,17,42`) replays failures together.
    let seeds: Vec<u64> = match std::env::var("GEN_DIFF_SEEDS") {
        Ok(list) => list
            .split([',', ' ', '\n'])
            .filter(|s| !s.trim().is_empty())
            .map(|s| {
                s.trim()
                    .parse()
                    .unwrap_or_else(|_| panic!("GEN_DIFF_SEEDS: {s:?} is not a seed"))
            })
            .collect(),
        Err(_) => (first..first + count).collect(),
    };
    let count = seeds.len();

    let mut failures: Vec<String> = Vec::new();
    let mut ran = 0u64;
    for chunk in seeds.chunks(batch_size as usize) {
        let mut programs: Vec<Program> = chunk
            .iter()
            .map(|&s| r#gen::program(s, &features))
            .collect();
        // Build; programs that do not compile are reported and left out.
        let mut built = false;
        for _ in 0..4 {
            batch.write(&programs);
            match batch.build() {
                Ok(()) => {
                    built = true;
                    break;
                }
                Err(Ok(bad)) => {
                    for (s, line) in &bad {
                        failures.push(format!("seed {s}: does not compile: {line}"));
                    }
                    programs.retain(|p| !bad.contains_key(&p.seed));
                }
                Err(Err(out)) => {
                    failures.push(format!("batch build failed:\n{out}"));
                    break;
                }
            }
        }
        if !built || programs.is_empty() {
            continue;
        }
        // Run; a program that hangs is reported and the rest re-run.
        loop {
            let (fails, finished, last) = batch.run(Duration::from_secs(120));
            for f in &fails {
                failures.push(f.clone());
            }
            if finished {
                ran += programs.len() as u64;
                break;
            }
            let Some(hung) = last else {
                failures.push("batch binary failed before any program".to_owned());
                break;
            };
            failures.push(format!("FAIL {hung} timed out or aborted"));
            let pos = programs.iter().position(|p| p.seed == hung).unwrap();
            ran += pos as u64 + 1;
            programs.drain(..=pos);
            if programs.is_empty() {
                break;
            }
            batch.write(&programs);
            if batch.build().is_err() {
                failures.push("rebuild after a hang failed".to_owned());
                break;
            }
        }
    }
    let failing: std::collections::BTreeSet<String> = failures
        .iter()
        .filter_map(|f| {
            let f = f
                .strip_prefix("FAIL ")
                .or_else(|| f.strip_prefix("seed "))?;
            Some(f.split([' ', ':']).next()?.to_owned())
        })
        .collect();
    println!(
        "differential: {count} programs, {ran} compiled and ran, {} failing seeds, {:.1?}",
        failing.len(),
        started.elapsed()
    );
    for f in &failures {
        println!("{f}");
    }
    // Keep the failing programs' sources for inspection.
    let saved = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/differential/failed");
    for s in &failing {
        if let Ok(seed) = s.parse::<u64>() {
            let _ = std::fs::create_dir_all(&saved);
            let p = r#gen::program(seed, &features);
            let _ = std::fs::write(saved.join(format!("p_{seed}.rs")), p.module_source());
        }
    }
    if !failing.is_empty() {
        println!("failing programs saved in {}", saved.display());
    }
    assert!(
        failures.is_empty(),
        "{} failing programs (seeds {:?}); replay one with GEN_DIFF_SEED=<seed> GEN_DIFF_PROGRAMS=1",
        failing.len(),
        failing
    );
}
