#!/usr/bin/env bash
# Build cost of generators: wall time and peak memory of building one crate
# that holds
#   - a chain of N distinct generators, each delegating to the one below
#     (`yield_from!(l{k-1}(n))`; diapause: `yield_all!`; hand-written: a
#     struct per level wrapping the one below);
#   - a pipeline of N stages of one generic generator over
#     `impl Iterator<Item = u64>` (hand-written: a generic struct);
#   - 500 distinct generators, a `send` accumulator each;
# with ours, diapause and hand-written code, in a debug build (full
# debuginfo) and a release build. Only the crate itself is timed: its
# dependencies are built first, and CARGO_INCREMENTAL=0.
#
# Usage: bash benches/compile_cost.sh > table.md
#   SIZES="8 16 24 32"  chain and pipeline lengths
#   TIMEOUT=120         seconds before a build counts as "> TIMEOUT s"
#   IMPLS="ours diapause hand"
#   PROFILES="debug release"
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/compile_cost"
sizes=${SIZES:-"8 16 24 32"}
timeout_s=${TIMEOUT:-120}
impls=${IMPLS:-"ours diapause hand"}
profiles=${PROFILES:-"debug release"}
mkdir -p "$work"

manifest() { # impl
    cat <<EOF
[package]
name = "cost_$1"
version = "0.0.0"
edition = "2021"
publish = false

[workspace]

[lib]
path = "src/lib.rs"

[dependencies]
EOF
    case $1 in
    ours) echo "gen-runtime = { path = \"$root/gen-runtime\" }" ;;
    diapause) echo 'diapause = "0.2.0"' ;;
    hand) ;;
    esac
}

chain() { # impl n
    local impl=$1 n=$2 k
    case $impl in
    ours)
        echo 'use gen_runtime::generator;'
        echo '#[generator(yield = u64)] pub fn l0(n: u64) { for i in 0..n { r#yield!(i); } }'
        for k in $(seq 1 "$n"); do
            echo "#[generator(yield = u64)] pub fn l$k(n: u64) { yield_from!(l$((k - 1))(n)); }"
        done
        echo "pub fn total(n: u64) -> u64 { l$n(n).sum() }"
        ;;
    diapause)
        echo 'use diapause::{Coroutine, CoroutineState};'
        echo '#[diapause::coroutine(yield = u64)] pub fn l0(n: u64) { for i in 0u64..n { yield_!(i); } }'
        for k in $(seq 1 "$n"); do
            echo "#[diapause::coroutine(yield = u64)] pub fn l$k(n: u64) { yield_all!(l$((k - 1))(n)); }"
        done
        echo "pub fn total(n: u64) -> u64 { let mut c = l$n(n); let mut s = 0; let mut st = c.start(); while let CoroutineState::Yielded(y) = st { s += y; st = c.resume(()); } s }"
        ;;
    hand)
        echo 'pub struct L0 { i: u64, n: u64 }'
        echo 'impl Iterator for L0 { type Item = u64; fn next(&mut self) -> Option<u64> { (self.i < self.n).then(|| { self.i += 1; self.i - 1 }) } }'
        echo 'pub fn l0(n: u64) -> L0 { L0 { i: 0, n } }'
        for k in $(seq 1 "$n"); do
            echo "pub struct L$k(L$((k - 1)));"
            echo "impl Iterator for L$k { type Item = u64; fn next(&mut self) -> Option<u64> { self.0.next() } }"
            echo "pub fn l$k(n: u64) -> L$k { L$k(l$((k - 1))(n)) }"
        done
        echo "pub fn total(n: u64) -> u64 { l$n(n).sum() }"
        ;;
    esac
}

pipeline() { # impl n
    local impl=$1 n=$2 k wrap=""
    case $impl in
    ours)
        echo 'use gen_runtime::generator;'
        echo '#[generator(yield = u64)] pub fn src(n: u64) { for i in 0..n { r#yield!(i); } }'
        echo '#[generator(yield = u64)] pub fn stage(input: impl Iterator<Item = u64>, k: u64) { for x in input { if x % (k + 2) != 0 { r#yield!(x.wrapping_mul(k + 1)); } } }'
        ;;
    diapause)
        echo '#[diapause::coroutine(yield = u64)] pub fn src(n: u64) { for i in 0u64..n { yield_!(i); } }'
        echo '#[diapause::coroutine(yield = u64)] pub fn stage_co<I: Iterator<Item = u64>>(input: I, k: u64) { for x in input { if x % (k + 2) != 0 { yield_!(x.wrapping_mul(k + 1)); } } }'
        echo 'pub fn stage<I: Iterator<Item = u64>>(input: I, k: u64) -> impl Iterator<Item = u64> { diapause::Iter::new(stage_co(input, k)) }'
        wrap="diapause::Iter::new"
        ;;
    hand)
        echo 'pub struct Src { i: u64, n: u64 }'
        echo 'impl Iterator for Src { type Item = u64; fn next(&mut self) -> Option<u64> { (self.i < self.n).then(|| { self.i += 1; self.i - 1 }) } }'
        echo 'pub fn src(n: u64) -> Src { Src { i: 0, n } }'
        echo 'pub struct Stage<I> { input: I, k: u64 }'
        echo 'impl<I: Iterator<Item = u64>> Iterator for Stage<I> { type Item = u64; fn next(&mut self) -> Option<u64> { loop { let x = self.input.next()?; if x % (self.k + 2) != 0 { return Some(x.wrapping_mul(self.k + 1)); } } } }'
        echo 'pub fn stage<I: Iterator<Item = u64>>(input: I, k: u64) -> Stage<I> { Stage { input, k } }'
        ;;
    esac
    printf 'pub fn total(n: u64) -> u64 { let s = %s(src(n));' "$wrap"
    for k in $(seq 1 "$n"); do printf ' let s = stage(s, %d);' "$k"; done
    echo ' s.sum() }'
}

many() { # impl: 500 distinct send accumulators, each driven once
    local impl=$1 k
    case $impl in
    ours)
        echo 'use gen_runtime::{GeneratorState, generator};'
        for k in $(seq 1 500); do
            echo "#[generator(yield = i64, send = i64)] pub fn acc$k() -> i64 { let mut total = $k; loop { let v = r#yield!(total); if v < 0 { return total; } total += v; } }"
            echo "pub fn run$k(v: i64) -> i64 { let (_, mut g) = acc$k().start(); g.send(v); match g.send(-1) { GeneratorState::Complete(t) => t, GeneratorState::Yielded(t) => t } }"
        done
        ;;
    diapause)
        echo 'use diapause::{Coroutine, CoroutineState};'
        for k in $(seq 1 500); do
            echo "#[diapause::coroutine(yield = i64, resume = i64)] pub fn acc$k() -> i64 { let mut total: i64 = $k; loop { let v = yield_!(total); if v < 0 { return total; } total += v; } }"
            echo "pub fn run$k(v: i64) -> i64 { let mut g = acc$k(); let _ = g.start(); g.resume(v); match g.resume(-1) { CoroutineState::Complete(t) => t, CoroutineState::Yielded(t) => t } }"
        done
        ;;
    hand)
        for k in $(seq 1 500); do
            echo "pub struct Acc$k { total: i64, done: bool }"
            echo "impl Acc$k { pub fn send(&mut self, v: i64) -> Result<i64, i64> { if self.done { panic!(\"after completion\") } if v < 0 { self.done = true; return Err(self.total); } self.total += v; Ok(self.total) } }"
            echo "pub fn run$k(v: i64) -> i64 { let mut g = Acc$k { total: $k, done: false }; let _ = g.send(v); match g.send(-1) { Ok(t) | Err(t) => t } }"
        done
        ;;
    esac
}

# Prints "<seconds> s, <MB> MB", or "> TIMEOUT s".
build() { # dir profile
    local dir=$1 profile=$2 flag=() log
    [ "$profile" = release ] && flag=(--release)
    touch "$dir/src/lib.rs"
    log=$(mktemp)
    if (cd "$dir" && CARGO_INCREMENTAL=0 timeout "$timeout_s" /usr/bin/time -f '%e %M' -o "$log" \
        cargo build -q --offline "${flag[@]}" 2>/dev/null); then
        awk '{ printf "%.2f s, %d MB", $1, $2 / 1024 }' "$log"
    elif [ -s "$log" ] && ! grep -q "Command exited with non-zero status 124" "$log"; then
        printf 'build failed'
    else
        printf '> %s s' "$timeout_s"
    fi
    rm -f "$log"
}

declare -A cell
rows=()
for n in $sizes; do rows+=("chain $n" "pipeline $n"); done
rows+=("500 generators")

for impl in $impls; do
    dir="$work/$impl"
    mkdir -p "$dir/src"
    manifest "$impl" >"$dir/Cargo.toml"
    for profile in $profiles; do
        # Dependencies first (and the macro's first load), so that only the
        # crate itself is timed.
        chain "$impl" 1 >"$dir/src/lib.rs"
        flag=()
        [ "$profile" = release ] && flag=(--release)
        (cd "$dir" && CARGO_INCREMENTAL=0 cargo build -q --offline "${flag[@]}" 2>/dev/null) || true
        for row in "${rows[@]}"; do
            # 32 nested generator types are deeper than rustc's default
            # recursion limit (see the README's limits); the same for all.
            echo '#![recursion_limit = "256"]' >"$dir/src/lib.rs"
            case $row in
            chain*) chain "$impl" "${row#chain }" >>"$dir/src/lib.rs" ;;
            pipeline*) pipeline "$impl" "${row#pipeline }" >>"$dir/src/lib.rs" ;;
            500*) many "$impl" >>"$dir/src/lib.rs" ;;
            esac
            cell["$row|$impl|$profile"]=$(build "$dir" "$profile")
            echo "  $row, $impl, $profile: ${cell["$row|$impl|$profile"]}" >&2
        done
    done
done

echo "# Build cost"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- command: \`SIZES=\"$sizes\" TIMEOUT=$timeout_s bash benches/compile_cost.sh\`"
echo "- $(rustc --version); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
echo "- one crate per cell (with \`#![recursion_limit = \"256\"]\`), dependencies built beforehand, \`CARGO_INCREMENTAL=0\`; debug = cargo's dev profile (full debuginfo), release = cargo's release profile; wall time and peak memory (\`/usr/bin/time\`)"
echo
header="| workload |"
rule="|---|"
for impl in $impls; do
    for profile in $profiles; do
        header+=" $impl $profile |"
        rule+="---|"
    done
done
echo "$header"
echo "$rule"
for row in "${rows[@]}"; do
    line="| $row |"
    for impl in $impls; do
        for profile in $profiles; do
            line+=" ${cell["$row|$impl|$profile"]} |"
        done
    done
    echo "$line"
done
