// The seed article's "empty log report" bug: a generator is exhausted by one
// consumer and silently yields nothing to the next. In Rust the first
// consumer takes the generator by value, so reuse is a compile error.
use gen_runtime::generator;

#[generator(yield = String)]
fn lines(text: &'static str) {
    for line in text.lines() {
        r#yield!(line.to_owned());
    }
}

fn count_errors(lines: impl Iterator<Item = String>) -> usize {
    lines.filter(|l| l.contains("ERROR")).count()
}

fn main() {
    let log = lines("ok\nERROR disk\nok");
    let errors = count_errors(log);
    let total = log.count();
    println!("{errors} of {total}");
}
