#!/usr/bin/env python3
"""Cuts a failing differential program down to a few lines.

Usage (from the workspace root, after a failing run saved the program):

    python3 tests/differential/reduce.py target/differential/failed/p_SEED.rs compile "E0425"
    python3 tests/differential/reduce.py target/differential/failed/p_SEED.rs runtime

`compile NEEDLE`: keeps the generator body failing to compile with NEEDLE in
the error; `runtime`: keeps it compiling but behaving differently from the
plain function (yields, return value, drop log, or finished state, with the
sent values of the differential driver). Either way the plain-function
reference must compile. Removes lines, and blocks with their braces, until
nothing more can go; the result is printed and kept in
target/differential/reduce/reduced.rs. Each step builds a scratch crate in
target/differential/reduce (a few seconds).
"""
import os, re, shutil, subprocess, sys

ROOT = os.getcwd()
WORK = os.path.join(ROOT, 'target/differential/reduce')
BATCH = os.path.join(ROOT, 'target/differential/batch')

MAIN = r'''#![allow(warnings)]
mod support;
mod p;
use gen_runtime::GeneratorState;
use gen_workspace::drops::DropLog;
use support::sv;
fn main() {
    let log = DropLog::new();
    let mut out = Vec::new();
    let r = p::reference(log.clone(), &mut out);
    drop(log.guard("<end>"));
    let want = (out.clone(), format!("{r:?}"), log.dropped());
    let log = DropLog::new();
    let mut yields = Vec::new();
    let (mut st, mut g) = p::generator(log.clone()).start();
    let mut note = "";
    let ret;
    loop {
        match st {
            GeneratorState::Yielded(y) => {
                yields.push(y);
                let n = yields.len();
                drop(log.guard(format!("<y{n}>")));
                if n > 1000 { ret = "runaway".to_string(); break; }
                st = g.send(sv(n));
            }
            GeneratorState::Complete(r) => {
                if !g.is_finished() { note = "complete but not finished"; }
                ret = format!("{r:?}");
                drop(log.guard("<end>"));
                drop(g);
                break;
            }
        }
    }
    let got = (yields, ret, log.dropped());
    if want != got || !note.is_empty() {
        println!("MISMATCH {note}\nwant {want:?}\ngot  {got:?}");
    } else {
        println!("SAME");
    }
}
'''


def setup():
    os.makedirs(os.path.join(WORK, 'src'), exist_ok=True)
    manifest = open(os.path.join(BATCH, 'Cargo.toml')).read()
    manifest = re.sub(r'name = "[^"]*"', 'name = "gen-differential-reduce"', manifest, count=1)
    open(os.path.join(WORK, 'Cargo.toml'), 'w').write(manifest)
    shutil.copy(os.path.join(BATCH, 'src/support.rs'), os.path.join(WORK, 'src/support.rs'))
    open(os.path.join(WORK, 'src/main.rs'), 'w').write(MAIN)


def split(program):
    """The generator's attribute arguments, return type and body."""
    lines = program.split('\n')
    start = next(i for i, l in enumerate(lines) if l.startswith('pub fn generator('))
    attrs = re.search(r'generator\((.*)\)\]', lines[start - 1]).group(1)
    ret = re.search(r'-> (.*) \{$', lines[start]).group(1)
    end = close_of(lines, start)
    return attrs, ret, lines[start + 1:end]


def build(attrs, ret, body):
    text = '\n'.join(body)
    send = 'u32' if 'send = u32' in attrs else '()'
    p = ('#![allow(warnings, clippy::all)]\nuse super::support::*;\nuse gen_workspace::drops::DropLog;\n'
         f'#[gen_runtime::generator({attrs})]\npub fn generator(log: DropLog) -> {ret} {{\n{text}\n}}\n'
         # A delegated yield (`Features::delegated_yields`) is a yield.
         f'#[gen_runtime::generator({attrs})]\nfn __echo(v: u32) -> {send} {{ r#yield!(v) }}\n'
         f'pub fn reference(log: DropLog, out: &mut Vec<u32>) -> {ret} {{\n'
         'macro_rules! r#yield { ($e:expr) => {{ let v: u32 = $e; out.push(v); '
         'drop(log.guard(format!("<y{}>", out.len()))); sv(out.len()) }} }\n'
         'macro_rules! yield_from { ($f:ident($e:expr)) => { r#yield!($e) } }\n'
         f'{text}\n}}\n')
    open(os.path.join(WORK, 'src/p.rs'), 'w').write(p)
    binary = os.path.join(WORK, 'target/debug/gen-differential-reduce')
    if os.path.exists(binary):
        os.remove(binary)
    r = subprocess.run(['cargo', 'build', '--offline', '--message-format=short'], cwd=WORK,
                       capture_output=True, text=True)
    errors = [l for l in r.stderr.split('\n') if ': error' in l]
    return errors, binary


def reproduces(attrs, ret, body, mode, needle):
    errors, binary = build(attrs, ret, body)
    reference_errors = [e for e in errors if re.search(r'p\.rs:(\d+)', e)
                        and int(re.search(r'p\.rs:(\d+)', e).group(1)) > len(body) + 8]
    if reference_errors:
        return False
    if mode == 'compile':
        # Every error: a cut that breaks the body in another way (a name no
        # longer declared, a body that no longer returns its type) must not
        # count, or the result keeps the needle among unrelated errors.
        return bool(errors) and all(needle in e for e in errors)
    if errors or not os.path.exists(binary):
        return False
    try:
        out = subprocess.run([binary], capture_output=True, text=True, timeout=10).stdout
    except subprocess.TimeoutExpired:
        return False
    return out.startswith('MISMATCH')


def close_of(lines, i):
    depth = 0
    for j in range(i, len(lines)):
        depth += lines[j].count('{') - lines[j].count('}')
        if depth <= 0 and j > i:
            return j
    return None


def main():
    path, mode = sys.argv[1], sys.argv[2]
    needle = sys.argv[3] if mode == 'compile' else None
    setup()
    attrs, ret, body = split(open(path).read())
    check = lambda b: reproduces(attrs, ret, b, mode, needle)
    if not check(body):
        sys.exit('the program as saved does not reproduce (or its reference does not compile)')
    progress = True
    while progress:
        progress = False
        i = 0
        while i < len(body):
            taken = False
            if body[i].rstrip().endswith('{'):
                j = close_of(body, i)
                if j is not None:
                    for cand in (body[:i] + body[j + 1:], body[:i] + body[i + 1:j] + body[j + 1:]):
                        if check(cand):
                            body, progress, taken = cand, True, True
                            break
            if not taken:
                cand = body[:i] + body[i + 1:]
                if check(cand):
                    body, progress = cand, True
                else:
                    i += 1
            print(f'{len(body)} lines', file=sys.stderr, flush=True)
    open(os.path.join(WORK, 'reduced.rs'), 'w').write('\n'.join(body))
    print(f'#[gen_runtime::generator({attrs})]\npub fn generator(log: DropLog) -> {ret} {{')
    print('\n'.join(body))
    print('}')


if __name__ == '__main__':
    main()
