//! Misuse is a compile error: every diagnostic of the macro and every
//! protocol mistake the runtime turns into a type error, with the exact
//! message pinned in a `.stderr` file next to each case.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/**/*.rs");
}
