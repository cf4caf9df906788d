//! Forking a generator: something Python cannot do. A Python generator's
//! frame cannot be copied (`copy.copy(gen)` raises `TypeError: cannot
//! pickle 'generator' object`), so `itertools.tee` buffers every value
//! one consumer saw until the other catches up, and a backtracking search
//! written as a generator must replay from the start to try another branch.
//! With `#[generator(clone)]` a generator is a plain value that can be
//! cloned at a suspension point; each copy continues on its own.
//!
//! Three uses:
//!
//! - `tee` without a buffer: two independent iterators over one sequence;
//! - backtracking: a word search that forks at every choice point;
//! - checkpoint and rewind: a tokenizer copied before an attempt to parse,
//!   restored when the attempt fails.
//!
//! Prints:
//!
//! ```text
//! tee: squares 0 1 4 9 16 | odd squares 1 9 25 49 81
//! paths spelling a word: ["ace", "add", "bad", "bed", "cab"]
//! parsed: sum 42, then rewound before "7" and read ["7", "*", "2"]
//! ```

use gen_runtime::{Fresh, GeneratorState, RawGenerator, Started, generator};

#[generator(yield = u64, clone)]
fn squares() {
    let mut i = 0u64;
    loop {
        r#yield!(i * i);
        i += 1;
    }
}

/// Spells strings from a grid of letter choices, one choice per step: each
/// step yields the prefix so far and receives the index of the next letter.
#[generator(yield = String, send = usize, clone)]
fn speller(choices: Vec<Vec<char>>) -> String {
    let mut word = String::new();
    for step in 0..choices.len() {
        let pick = r#yield!(word.clone());
        let options = &choices[step];
        word.push(options[pick % options.len()]);
    }
    word
}

const WORDS: &[&str] = &["ace", "add", "bad", "bed", "cab", "dab"];

/// Tries every option at every step by forking, abandoning a branch as soon
/// as no word starts with its prefix.
fn search<G>(at: Started<G>, prefix: &str, width: usize, found: &mut Vec<String>)
where
    G: RawGenerator<Yield = String, Send = usize, Return = String> + Clone,
{
    if !WORDS.iter().any(|w| w.starts_with(prefix)) {
        return;
    }
    for pick in 0..width {
        let mut branch = at.clone();
        match branch.send(pick) {
            GeneratorState::Yielded(longer) => search(branch, &longer, width, found),
            GeneratorState::Complete(word) if WORDS.contains(&word.as_str()) => found.push(word),
            GeneratorState::Complete(_) => {}
        }
    }
}

#[generator(yield = String, clone)]
fn tokens(text: String) {
    let chars: Vec<char> = text.chars().collect();
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        at += 1;
        if c.is_ascii_digit() {
            let mut number = c.to_string();
            while at < chars.len() && chars[at].is_ascii_digit() {
                number.push(chars[at]);
                at += 1;
            }
            r#yield!(number);
        } else if !c.is_whitespace() {
            r#yield!(c.to_string());
        }
    }
}

/// `a + b`, or `None` with the tokenizer rewound to where it was.
fn sum<G>(toks: &mut Fresh<G>) -> Option<u64>
where
    G: RawGenerator<Yield = String, Send = ()> + Clone,
{
    let checkpoint = toks.clone();
    let mut attempt = || {
        let a: u64 = toks.next()?.parse().ok()?;
        (toks.next()? == "+").then_some(())?;
        let b: u64 = toks.next()?.parse().ok()?;
        Some(a + b)
    };
    let parsed = attempt();
    if parsed.is_none() {
        *toks = checkpoint;
    }
    parsed
}

fn main() {
    let all = squares();
    let odd = all.clone().filter(|n| n % 2 == 1);
    let shown = |it: &mut dyn Iterator<Item = u64>| {
        it.take(5)
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    println!(
        "tee: squares {} | odd squares {}",
        shown(&mut all.into_iter()),
        shown(&mut odd.into_iter())
    );

    let grid = vec![
        vec!['a', 'b', 'c'],
        vec!['a', 'c', 'd', 'e'],
        vec!['b', 'd', 'e'],
    ];
    let (first, start) = speller(grid).start();
    let mut found = Vec::new();
    if let GeneratorState::Yielded(prefix) = first {
        search(start, &prefix, 4, &mut found);
    }
    found.sort();
    found.dedup();
    println!("paths spelling a word: {found:?}");

    let mut toks = tokens("12 + 30 7 * 2".to_string());
    let first_sum = sum(&mut toks).expect("12 + 30 is a sum");
    let second = sum(&mut toks);
    assert_eq!(second, None);
    println!(
        "parsed: sum {first_sum}, then rewound before \"7\" and read {:?}",
        toks.collect::<Vec<_>>()
    );
}
