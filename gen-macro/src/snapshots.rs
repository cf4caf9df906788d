//! Expansion snapshots: what the macro emits for a dozen representative
//! generators (`gen-macro/tests/expand/NAME.rs`), pretty-printed next to
//! each as `NAME.expanded.rs`, so a change to the lowering shows in review
//! as a diff of generated code.
//!
//! Re-bless after an intended change: `GEN_BLESS=1 cargo test -p gen-macro snapshots`.

use std::fs;
use std::path::Path;

use proc_macro2::TokenStream;
use quote::ToTokens;

use crate::expand;

/// The generator function of an input file: its `#[generator(…)]`
/// attribute's arguments and the function without that attribute.
fn split(file: &syn::File) -> Option<(TokenStream, TokenStream)> {
    let syn::Item::Fn(function) = file.items.first()? else {
        return None;
    };
    let mut function = function.clone();
    let at = function
        .attrs
        .iter()
        .position(|a| a.path().is_ident("generator"))?;
    let attr = function.attrs.remove(at);
    let args = match attr.meta {
        syn::Meta::List(list) => list.tokens,
        _ => TokenStream::new(),
    };
    Some((args, function.into_token_stream()))
}

#[test]
fn snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/expand");
    let bless = std::env::var_os("GEN_BLESS").is_some();
    let mut inputs: Vec<_> = fs::read_dir(&dir)
        .expect("tests/expand exists") // invariant: test-only, checked-in inputs
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension().is_some_and(|e| e == "rs")
                && !path.to_string_lossy().ends_with(".expanded.rs")
        })
        .collect();
    inputs.sort();
    assert!(
        !inputs.is_empty(),
        "no snapshot inputs in {}",
        dir.display()
    );
    let mut stale = Vec::new();
    for input in inputs {
        let source = fs::read_to_string(&input).expect("readable input"); // invariant: test-only
        let file: syn::File = syn::parse_str(&source).expect("input parses"); // invariant: test-only
        let (args, item) = split(&file).expect("input is one #[generator] fn"); // invariant: test-only
        let expanded = expand::generator(args, item);
        let pretty = match syn::parse2::<syn::File>(expanded.clone()) {
            Ok(file) => prettyplease::unparse(&file),
            Err(_) => expanded.to_string(),
        };
        let snapshot = input.with_extension("expanded.rs");
        if bless {
            fs::write(&snapshot, &pretty).expect("writable snapshot"); // invariant: test-only
            continue;
        }
        match fs::read_to_string(&snapshot) {
            Ok(expected) if expected == pretty => {}
            _ => stale.push(snapshot.display().to_string()),
        }
    }
    assert!(
        stale.is_empty(),
        "expansion changed (GEN_BLESS=1 to accept): {stale:#?}"
    );
}
