//! Redeclared bindings nothing in the arm refers to.
//!
//! A binding that is dead at a suspension point but assigned again after it
//! is declared anew in the point's arm (`let mut h;`), without a value. When
//! every assignment lies beyond a later suspension point, the arm ends
//! before reaching any of them, and the bare `let` has nothing to infer its
//! type from (E0282 at the attribute). Such declarations are dropped here;
//! one that the rest of its block might assign is kept. The binding is dead
//! at the point, so the arm cannot read it before assigning it: an arm that
//! never assigns it never reads it, whatever else shares its name (a field,
//! a `for` pattern the lowering did not see as shadowing).

use proc_macro2::{Ident, Spacing, TokenStream, TokenTree};
use syn::visit::Visit;
use syn::visit_mut::VisitMut;
use syn::{Block, Stmt};

use crate::known::BORROWING_MACROS;
use crate::syntax::pat_bindings;

/// Removes the marked declarations no later statement of their block
/// assigns, and the mark from the others.
pub(super) fn prune_redeclared(block: &mut Block) {
    Prune.visit_block_mut(block);
}

struct Prune;

impl VisitMut for Prune {
    fn visit_block_mut(&mut self, block: &mut Block) {
        syn::visit_mut::visit_block_mut(self, block);
        let mut index = 0;
        while index < block.stmts.len() {
            let Stmt::Local(local) = &mut block.stmts[index] else {
                index += 1;
                continue;
            };
            let Some(mark) = crate::names::LetMark::Redeclared.position(&local.attrs) else {
                index += 1;
                continue;
            };
            local.attrs.remove(mark);
            let named = pat_bindings(&local.pat)
                .iter()
                .any(|(ident, _, _)| assigns(&block.stmts[index + 1..], ident));
            if named {
                index += 1;
            } else {
                block.stmts.remove(index);
            }
        }
    }

    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

/// Might `stmts` assign the binding `ident` declared just before them?
/// Exact for shadowing by `let`, a match arm's pattern, a closure's
/// parameter, an `if let`, `while let` or `for` pattern; conservative
/// elsewhere: the name anywhere on the left of `=` (`v[a] = 0` too), in a
/// macro's tokens or in tokens syn left unparsed counts.
fn assigns(stmts: &[Stmt], ident: &Ident) -> bool {
    let mut finder = Finder {
        ident,
        found: false,
        in_assignee: false,
    };
    finder.statements(stmts);
    finder.found
}

struct Finder<'a> {
    ident: &'a Ident,
    found: bool,
    /// Visiting the left-hand side of an assignment.
    in_assignee: bool,
}

impl Finder<'_> {
    fn binds(&self, pat: &syn::Pat) -> bool {
        pat_bindings(pat)
            .iter()
            .any(|(name, _, _)| name == self.ident)
    }

    /// Statements of one block in order; a `let` binding the name hides
    /// it from the statements after it.
    fn statements(&mut self, stmts: &[Stmt]) {
        for stmt in stmts {
            if self.found {
                return;
            }
            let Stmt::Local(local) = stmt else {
                self.visit_stmt(stmt);
                continue;
            };
            for attr in &local.attrs {
                self.visit_attribute(attr);
            }
            if let Some(init) = &local.init {
                self.visit_expr(&init.expr);
                if let Some((_, diverge)) = &init.diverge {
                    self.visit_expr(diverge);
                }
            }
            let shadows = pat_bindings(&local.pat)
                .iter()
                .any(|(name, _, _)| name == self.ident);
            if shadows {
                return;
            }
            self.visit_pat(&local.pat);
        }
    }

    fn tokens(&mut self, tokens: TokenStream) {
        let ident = self.ident;
        self.found |= crate::tokens::any(
            tokens,
            &mut |trees, i| matches!(&trees[i], TokenTree::Ident(found) if found == ident),
        );
    }
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_block(&mut self, block: &'ast Block) {
        self.statements(&block.stmts);
    }

    fn visit_ident(&mut self, ident: &'ast Ident) {
        if self.in_assignee && ident == self.ident {
            self.found = true;
        }
    }

    fn visit_expr_assign(&mut self, e: &'ast syn::ExprAssign) {
        let outer = std::mem::replace(&mut self.in_assignee, true);
        self.visit_expr(&e.left);
        self.in_assignee = outer;
        self.visit_expr(&e.right);
    }

    fn visit_expr(&mut self, expr: &'ast syn::Expr) {
        match expr {
            syn::Expr::Verbatim(tokens) => self.tokens(tokens.clone()),
            _ => syn::visit::visit_expr(self, expr),
        }
    }

    /// A match arm whose pattern binds the name hides it in its guard and
    /// body (`Some(a) if r#yield!(a) > 0 => a`).
    fn visit_arm(&mut self, arm: &'ast syn::Arm) {
        if !self.binds(&arm.pat) {
            syn::visit::visit_arm(self, arm);
        }
    }

    /// So does a closure parameter, in the closure's body.
    fn visit_expr_closure(&mut self, closure: &'ast syn::ExprClosure) {
        if !closure.inputs.iter().any(|pat| self.binds(pat)) {
            syn::visit::visit_expr_closure(self, closure);
        }
    }

    /// And an `if let` pattern, in the `then` block (the scrutinee and the
    /// `else` branch still see the outer binding).
    fn visit_expr_if(&mut self, e: &'ast syn::ExprIf) {
        match &*e.cond {
            syn::Expr::Let(cond) if self.binds(&cond.pat) => {
                self.visit_expr(&cond.expr);
                if let Some((_, else_branch)) = &e.else_branch {
                    self.visit_expr(else_branch);
                }
            }
            _ => syn::visit::visit_expr_if(self, e),
        }
    }

    /// So does a `while let` pattern, in the loop's body.
    fn visit_expr_while(&mut self, e: &'ast syn::ExprWhile) {
        match &*e.cond {
            syn::Expr::Let(cond) if self.binds(&cond.pat) => self.visit_expr(&cond.expr),
            _ => syn::visit::visit_expr_while(self, e),
        }
    }

    /// And a `for` pattern, in the loop's body (the iterator expression
    /// still sees the outer binding).
    fn visit_expr_for_loop(&mut self, e: &'ast syn::ExprForLoop) {
        if self.binds(&e.pat) {
            self.visit_expr(&e.expr);
        } else {
            syn::visit::visit_expr_for_loop(self, e);
        }
    }

    /// A pattern binding the name declares a new binding; it does not
    /// name the old one (`while let Some(c) = …` on a `c` declared again).
    fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
        if p.ident != *self.ident {
            self.visit_ident(&p.ident);
        }
        if let Some((_, sub)) = &p.subpat {
            self.visit_pat(sub);
        }
    }

    /// A formatting macro's named argument `x = value` (how a renamed
    /// capture `"{x}"` is passed on) names the argument, not the binding.
    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        let formatting = mac
            .path
            .segments
            .last()
            .is_some_and(|s| BORROWING_MACROS.contains(&s.ident.to_string().as_str()));
        if !formatting {
            self.tokens(mac.tokens.clone());
            return;
        }
        let trees: Vec<TokenTree> = mac.tokens.clone().into_iter().collect();
        for (index, tree) in trees.iter().enumerate() {
            let after_comma = index
                .checked_sub(1)
                .is_some_and(|before| is_punct(&trees[before], ',', Spacing::Alone));
            let before_eq = trees
                .get(index + 1)
                .is_some_and(|next| is_punct(next, '=', Spacing::Alone));
            if matches!(tree, TokenTree::Ident(_)) && after_comma && before_eq {
                continue;
            }
            self.tokens(TokenStream::from(tree.clone()));
        }
    }

    fn visit_item(&mut self, item: &'ast syn::Item) {
        // An item cannot name a local, but a macro inside one expands in
        // the item's scope; nothing to look for.
        let _ = item;
    }
}

fn is_punct(tree: &TokenTree, ch: char, spacing: Spacing) -> bool {
    matches!(tree, TokenTree::Punct(p) if p.as_char() == ch && p.spacing() == spacing)
}
