//! Items declared in the body (`fn helper`, `const K`, `struct Row`, `use`,
//! `macro_rules!`, a nested `#[generator] fn`, `impl` blocks) move out of
//! it, to the top of the expansion.
//!
//! An item is visible in the whole block that declares it, before and
//! after its statement, and captures nothing of the body. The lowering
//! splits the body into one arm per suspension point, and an item left
//! where it was would be declared in one arm only: `helper(K)` after a
//! yield would name nothing (E0425). Declared once before the state
//! machine, it is visible in every arm.
//!
//! Two items of one name in different blocks of the body would clash
//! there; such items stay where they are (seen only in their own arm, as
//! before). So do items inside closures and `async` blocks, which the
//! lowering does not split.

use std::collections::HashMap;

use syn::visit::Visit;
use syn::visit_mut::VisitMut;
use syn::{Block, Item, Stmt, UseTree};

/// Removes the items of `body`'s blocks that can move, and returns them in
/// source order.
pub(crate) fn take_items(body: &mut Block) -> Vec<Item> {
    let mut counter = NameCounter::default();
    counter.visit_block(body);
    let mut taker = Taker {
        names: counter.names,
        taken: Vec::new(),
    };
    taker.visit_block_mut(body);
    taker.taken
}

/// How many movable items declare each name.
#[derive(Default)]
struct NameCounter {
    names: HashMap<String, usize>,
}

impl<'ast> Visit<'ast> for NameCounter {
    fn visit_stmt(&mut self, stmt: &'ast Stmt) {
        if let Stmt::Item(item) = stmt {
            for name in declared_names(item).into_iter().flatten() {
                *self.names.entry(name).or_default() += 1;
            }
        }
        syn::visit::visit_stmt(self, stmt);
    }

    // Not split by the lowering: their items stay.
    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
    fn visit_expr_async(&mut self, _: &'ast syn::ExprAsync) {}
    fn visit_item(&mut self, _: &'ast Item) {}
}

struct Taker {
    names: HashMap<String, usize>,
    taken: Vec<Item>,
}

impl Taker {
    fn movable(&self, item: &Item) -> bool {
        declared_names(item).is_some_and(|names| {
            names
                .iter()
                .all(|name| self.names.get(name).is_some_and(|&count| count == 1))
        })
    }
}

impl VisitMut for Taker {
    fn visit_block_mut(&mut self, block: &mut Block) {
        let stmts = std::mem::take(&mut block.stmts);
        for mut stmt in stmts {
            match stmt {
                Stmt::Item(item) if self.movable(&item) => self.taken.push(item),
                _ => {
                    self.visit_stmt_mut(&mut stmt);
                    block.stmts.push(stmt);
                }
            }
        }
    }

    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
    fn visit_item_mut(&mut self, _: &mut Item) {}
}

/// The names `item` declares in the block's scope (none for an `impl`);
/// `None` for an item whose names the macro does not read (an `extern`
/// block, tokens syn does not parse), which stays where it is.
fn declared_names(item: &Item) -> Option<Vec<String>> {
    let ident = match item {
        Item::Const(i) => Some(&i.ident),
        Item::Enum(i) => Some(&i.ident),
        Item::ExternCrate(i) => Some(i.rename.as_ref().map_or(&i.ident, |(_, r)| r)),
        Item::Fn(i) => Some(&i.sig.ident),
        Item::Macro(i) => i.ident.as_ref(),
        Item::Mod(i) => Some(&i.ident),
        Item::Static(i) => Some(&i.ident),
        Item::Struct(i) => Some(&i.ident),
        Item::Trait(i) => Some(&i.ident),
        Item::TraitAlias(i) => Some(&i.ident),
        Item::Type(i) => Some(&i.ident),
        Item::Union(i) => Some(&i.ident),
        Item::Use(i) => {
            let mut names = Vec::new();
            use_names(&i.tree, &mut names);
            return Some(names);
        }
        Item::Impl(_) => None,
        _ => return None,
    };
    Some(ident.map(|ident| ident.to_string()).into_iter().collect())
}

/// The names a `use` tree brings in; a glob brings in none by name.
fn use_names(tree: &UseTree, out: &mut Vec<String>) {
    match tree {
        UseTree::Path(p) => use_names(&p.tree, out),
        // `use a::{self}` names `a`; counted as `self`, which at worst
        // keeps two such `use`s where they are.
        UseTree::Name(n) => out.push(n.ident.to_string()),
        UseTree::Glob(_) => {}
        UseTree::Rename(r) => out.push(r.rename.to_string()),
        UseTree::Group(g) => g.items.iter().for_each(|tree| use_names(tree, out)),
    }
}
