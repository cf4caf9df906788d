//! The token trees of macro arguments, which syn leaves unparsed: one
//! recursion into groups for the passes that rewrite identifiers there
//! (each group keeps its delimiter and span), and one for those that only
//! search them.

use proc_macro2::{Group, TokenStream, TokenTree};

/// What [`rewrite`] puts in place of a tree: `with`, standing for
/// `consumed` trees from that one on (at least one).
pub(crate) struct Edit {
    pub(crate) with: TokenStream,
    pub(crate) consumed: usize,
}

impl Edit {
    /// `with` in place of the one tree.
    pub(crate) fn one(with: impl Into<TokenStream>) -> Self {
        Edit {
            with: with.into(),
            consumed: 1,
        }
    }
}

/// Rebuilds `tokens`. At each tree that is not a group, `edit` sees the
/// trees around it (its group's, in order), its index among them, and
/// whether that group is nested inside `tokens` (`false` for `tokens`'
/// own trees); `None` keeps the tree. Groups are rebuilt from their own
/// trees.
pub(crate) fn rewrite<F>(tokens: TokenStream, edit: &mut F) -> TokenStream
where
    F: FnMut(&[TokenTree], usize, bool) -> Option<Edit>,
{
    rewrite_at(tokens, edit, false)
}

fn rewrite_at<F>(tokens: TokenStream, edit: &mut F, nested: bool) -> TokenStream
where
    F: FnMut(&[TokenTree], usize, bool) -> Option<Edit>,
{
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out: Vec<TokenTree> = Vec::with_capacity(trees.len());
    let mut i = 0;
    while i < trees.len() {
        if let TokenTree::Group(group) = &trees[i] {
            let mut new = Group::new(group.delimiter(), rewrite_at(group.stream(), edit, true));
            new.set_span(group.span());
            out.push(TokenTree::Group(new));
            i += 1;
            continue;
        }
        match edit(&trees, i, nested) {
            Some(Edit { with, consumed }) => {
                out.extend(with);
                i += consumed.max(1);
            }
            None => {
                out.push(trees[i].clone());
                i += 1;
            }
        }
    }
    out.into_iter().collect()
}

/// Does `found` hold for a tree that is not a group, at any depth? It
/// sees the trees around it and its index, as in [`rewrite`].
pub(crate) fn any<F>(tokens: TokenStream, found: &mut F) -> bool
where
    F: FnMut(&[TokenTree], usize) -> bool,
{
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    (0..trees.len()).any(|i| match &trees[i] {
        TokenTree::Group(group) => any(group.stream(), found),
        _ => found(&trees, i),
    })
}

/// Is `trees[i]` preceded by a `.` (a field or method name, not a local)?
pub(crate) fn after_dot(trees: &[TokenTree], i: usize) -> bool {
    i.checked_sub(1)
        .is_some_and(|j| matches!(&trees[j], TokenTree::Punct(p) if p.as_char() == '.'))
}

/// Is `trees[i]` followed by the punctuation `c`?
pub(crate) fn followed_by(trees: &[TokenTree], i: usize, c: char) -> bool {
    matches!(trees.get(i + 1), Some(TokenTree::Punct(p)) if p.as_char() == c)
}

#[cfg(test)]
mod tests {
    use proc_macro2::{Ident, Span, TokenStream, TokenTree};
    use quote::quote;

    use super::{Edit, after_dot, any, followed_by, rewrite};

    #[test]
    fn rewrite_reaches_every_depth_and_keeps_the_groups() {
        let tokens = quote!(a + [a.a, (a)] + { b: a });
        let out = rewrite(tokens, &mut |trees, i, _| match &trees[i] {
            TokenTree::Ident(ident) if ident == "a" && !after_dot(trees, i) => Some(Edit::one(
                TokenTree::Ident(Ident::new("z", Span::call_site())),
            )),
            _ => None,
        });
        assert_eq!(
            out.to_string(),
            quote!(z + [z.a, (z)] + { b: z }).to_string()
        );
    }

    #[test]
    fn rewrite_tells_nested_trees_and_consumes_runs() {
        let tokens = quote!(x.f, (x.f));
        let mut nested_seen = Vec::new();
        let out = rewrite(tokens, &mut |trees, i, nested| match &trees[i] {
            TokenTree::Ident(ident) if ident == "x" && followed_by(trees, i, '.') => {
                nested_seen.push(nested);
                Some(Edit {
                    with: quote!(x_f),
                    consumed: 3,
                })
            }
            _ => None,
        });
        assert_eq!(out.to_string(), quote!(x_f, (x_f)).to_string());
        assert_eq!(nested_seen, [false, true]);
    }

    #[test]
    fn any_searches_inside_groups() {
        let is = |name: &'static str| move |trees: &[TokenTree], i: usize| matches!(&trees[i], TokenTree::Ident(id) if id == name);
        assert!(any(quote!(f((g[h]))), &mut is("h")));
        assert!(!any(quote!(f((g[h]))), &mut is("k")));
        assert!(!any(TokenStream::new(), &mut is("k")));
    }
}
