use gen_edition2021_user::{accumulator, evens, show_all, word_lengths, Counter};
use gen_runtime::GeneratorState;

#[test]
fn borrowed_argument_with_named_lifetime() {
    let data = vec![1, 2, 3, 4];
    let got: Vec<&u64> = evens(&data).collect();
    assert_eq!(got, [&2, &4]);
}

#[test]
fn borrowed_argument_with_elided_lifetime() {
    let text = String::from("a bb ccc");
    assert_eq!(word_lengths(&text).collect::<Vec<_>>(), [1, 2, 3]);
}

#[test]
fn method_on_borrowed_self() {
    let counter = Counter { step: 3 };
    assert_eq!(counter.multiples(4).collect::<Vec<_>>(), [0, 3, 6, 9]);
}

#[test]
fn generic_with_return_value() {
    let mut g = show_all(vec![1, 2]);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), ["1", "2"]);
    assert_eq!(g.take_return(), Some(2));
}

#[test]
fn send_protocol() {
    let (first, mut acc) = accumulator().start();
    assert_eq!(first, GeneratorState::Yielded(0));
    assert_eq!(acc.send(10), GeneratorState::Yielded(10));
    assert_eq!(acc.send(-1), GeneratorState::Complete(10));
}
