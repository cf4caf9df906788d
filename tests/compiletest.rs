//! Misuse is a compile error: every diagnostic of the macro and every
//! protocol mistake the runtime turns into a type error, with the exact
//! message pinned in a `.stderr` file next to each case.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/**/*.rs");
}

/// No message a user can trigger shows a name the expansion made up (the
/// state enum, hidden bindings and lifetimes, the private module): each
/// pinned `.stderr` is read for them. Two exceptions: the case about
/// writing the reserved marker name by hand, and a `#[generator(clone)]`
/// holding a value that is not `Clone`, where rustc's own check of the
/// opaque return type follows the macro's error (which names the value at
/// its declaration) and cannot be silenced.
const EXEMPT: &[&str] = &["reserved-marker-name.stderr", "held-value-not-clone.stderr"];

/// See [`EXEMPT`].
#[test]
fn messages_show_no_generated_names() {
    const GENERATED: &[&str] = &["__gen", "__GenState", "__private", "__T"];
    let mut offenders = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from("tests/ui")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("tests/ui is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "stderr")
                || EXEMPT.iter().any(|name| path.ends_with(name))
            {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a readable .stderr");
            for name in GENERATED {
                if text.contains(name) {
                    offenders.push(format!("{}: {name}", path.display()));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "generated names in messages: {offenders:#?}"
    );
}
