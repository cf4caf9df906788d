//! Control-flow helpers on syntax for the lowering: where `break` and
//! `continue` jump, which labels are used, which statements always leave
//! their block, which operand an expression evaluates first, and the small
//! rebuilds a segment makes of loops, blocks and `let`s.

use proc_macro2::Span;
use syn::{Block, Expr, Stmt};

use crate::marker::{self, YieldPoint};

/// `let PAT = EXPR [else …];` with a lowered initialiser; when it always
/// leaves, the pattern never binds, so only the expression is kept.
pub(super) fn rebuild_local(
    local: &syn::Local,
    expr: Expr,
    else_branch: Option<(syn::Token![else], Expr)>,
    diverges: bool,
) -> Stmt {
    if diverges {
        return Stmt::Expr(expr, Some(Default::default()));
    }
    let mut local = local.clone();
    if let Some(init) = &mut local.init {
        *init.expr = expr;
        init.diverge = else_branch.map(|(token, block)| (token, Box::new(block)));
    }
    Stmt::Local(local)
}

/// `'l: loop { body }` as a segment emits it. A copy whose body always
/// leaves without `continue` never loops (it suspends, returns or breaks on
/// its first pass); a labeled one becomes the labeled block it then is, its
/// unlabeled `break`s naming the label, since clippy's `never_loop` sees the
/// user's label (which keeps its span for hygiene) and cannot know the loop
/// is a copy.
pub(super) fn loop_or_block(
    label: Option<&syn::Label>,
    mut body: Block,
    body_diverges: bool,
) -> Expr {
    let span = crate::spans::glue(Span::call_site());
    let looping = |label: Option<&syn::Label>, body: Block| {
        Expr::Loop(syn::ExprLoop {
            attrs: Vec::new(),
            label: label.cloned(),
            loop_token: syn::Token![loop](span),
            body,
        })
    };
    let Some(label) = label else {
        return looping(None, body);
    };
    if !body_diverges || has_continue(&body, &label.name) {
        return looping(Some(label), body);
    }
    struct Relabel<'l>(&'l syn::Lifetime, usize);
    impl syn::visit_mut::VisitMut for Relabel<'_> {
        fn visit_expr_mut(&mut self, expr: &mut Expr) {
            match expr {
                Expr::Break(b) if b.label.is_none() && self.1 == 0 => {
                    b.label = Some(self.0.clone());
                    syn::visit_mut::visit_expr_break_mut(self, b);
                }
                // (A `for` loop's iterator runs outside the loop.)
                Expr::ForLoop(f) => {
                    self.visit_expr_mut(&mut f.expr);
                    self.1 += 1;
                    self.visit_block_mut(&mut f.body);
                    self.1 -= 1;
                }
                Expr::Loop(_) | Expr::While(_) => {
                    self.1 += 1;
                    syn::visit_mut::visit_expr_mut(self, expr);
                    self.1 -= 1;
                }
                Expr::Closure(_) | Expr::Async(_) => {}
                _ => syn::visit_mut::visit_expr_mut(self, expr),
            }
        }
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    syn::visit_mut::VisitMut::visit_block_mut(&mut Relabel(&label.name, 0), &mut body);
    Expr::Block(syn::ExprBlock {
        attrs: Vec::new(),
        label: Some(label.clone()),
        block: body,
    })
}

/// A `continue` of the loop labeled `label` (labeled, or unlabeled at the
/// top level of its body)?
fn has_continue(body: &Block, label: &syn::Lifetime) -> bool {
    struct Continues<'l> {
        label: &'l syn::Lifetime,
        depth: usize,
        found: bool,
    }
    impl<'ast> syn::visit::Visit<'ast> for Continues<'_> {
        fn visit_expr(&mut self, expr: &'ast Expr) {
            match expr {
                Expr::Continue(c) => match &c.label {
                    Some(l) => self.found |= l.ident == self.label.ident,
                    None => self.found |= self.depth == 0,
                },
                // (A `for` loop's iterator runs outside the loop.)
                Expr::ForLoop(f) => {
                    self.visit_expr(&f.expr);
                    self.depth += 1;
                    self.visit_block(&f.body);
                    self.depth -= 1;
                }
                Expr::Loop(_) | Expr::While(_) => {
                    self.depth += 1;
                    syn::visit::visit_expr(self, expr);
                    self.depth -= 1;
                }
                Expr::Closure(_) | Expr::Async(_) => {}
                _ => syn::visit::visit_expr(self, expr),
            }
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut continues = Continues {
        label,
        depth: 0,
        found: false,
    };
    syn::visit::Visit::visit_block(&mut continues, body);
    continues.found
}

pub(super) fn is_unit(expr: &Expr) -> bool {
    matches!(expr, Expr::Tuple(t) if t.elems.is_empty())
}

/// A statement after which nothing in its block runs: `break`, `continue`,
/// `return`, or a panicking macro.
pub(super) fn stmt_always_leaves(stmt: &Stmt) -> bool {
    let leaves_macro = |mac: &syn::Macro| {
        mac.path.segments.last().is_some_and(|s| {
            matches!(
                s.ident.to_string().as_str(),
                "panic" | "unreachable" | "todo" | "unimplemented"
            )
        })
    };
    match stmt {
        Stmt::Expr(Expr::Break(_) | Expr::Continue(_) | Expr::Return(_), _) => true,
        Stmt::Expr(Expr::Macro(mac), _) => leaves_macro(&mac.mac),
        Stmt::Macro(mac) => leaves_macro(&mac.mac),
        _ => false,
    }
}

/// An expression after which control never goes on: `return`, `break`,
/// `continue`, `panic!`-like macros, or a block ending in one. (A `match`
/// arm `true => return 1` beside a suspending arm makes the whole `match`
/// leave the segment, so what follows it is not emitted there.)
pub(super) fn expr_always_leaves(expr: &Expr) -> bool {
    match expr {
        Expr::Return(_) | Expr::Break(_) | Expr::Continue(_) => true,
        Expr::Block(block) if block.label.is_none() => {
            block.block.stmts.last().is_some_and(stmt_always_leaves)
                || block
                    .block
                    .stmts
                    .iter()
                    .any(|stmt| matches!(stmt, Stmt::Expr(Expr::Return(_), Some(_))))
        }
        Expr::Macro(_) => stmt_always_leaves(&Stmt::Expr(expr.clone(), None)),
        _ => false,
    }
}

/// A segment keeps only part of a labeled loop or block; when the part it
/// keeps never jumps to the label, the label goes (it would warn as unused).
pub(super) fn strip_unused_labels(block: &mut Block) {
    struct Strip;
    impl syn::visit_mut::VisitMut for Strip {
        fn visit_expr_mut(&mut self, expr: &mut Expr) {
            syn::visit_mut::visit_expr_mut(self, expr);
            match expr {
                Expr::Loop(e) => {
                    if let Some(label) = &e.label
                        && !label_used(&e.body, &label.name)
                    {
                        e.label = None;
                    }
                }
                Expr::Block(e) => {
                    if let Some(label) = &e.label
                        && !label_used(&e.block, &label.name)
                    {
                        e.label = None;
                    }
                }
                _ => {}
            }
        }
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    syn::visit_mut::VisitMut::visit_block_mut(&mut Strip, block);
}

/// Does any `break 'label` or `continue 'label` inside `block` name `label`?
fn label_used(block: &Block, label: &syn::Lifetime) -> bool {
    struct Uses<'l> {
        label: &'l syn::Lifetime,
        found: bool,
    }
    impl<'ast> syn::visit::Visit<'ast> for Uses<'_> {
        fn visit_lifetime(&mut self, lifetime: &'ast syn::Lifetime) {
            self.found |= lifetime.ident == self.label.ident;
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut uses = Uses {
        label,
        found: false,
    };
    syn::visit::Visit::visit_block(&mut uses, block);
    uses.found
}

/// Does a `break 'label` inside `block` target this labeled block?
pub(super) fn label_is_targeted(label: Option<&syn::Label>, block: &Block) -> bool {
    let Some(label) = label else { return false };
    struct Targets<'l> {
        label: &'l syn::Lifetime,
        found: bool,
    }
    impl<'ast> syn::visit::Visit<'ast> for Targets<'_> {
        fn visit_expr_break(&mut self, b: &'ast syn::ExprBreak) {
            self.found |= b
                .label
                .as_ref()
                .is_some_and(|l| l.ident == self.label.ident);
            syn::visit::visit_expr_break(self, b);
        }
        fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut targets = Targets {
        label: &label.name,
        found: false,
    };
    syn::visit::Visit::visit_block(&mut targets, block);
    targets.found
}

pub(super) fn block_expr(block: Block) -> syn::ExprBlock {
    syn::ExprBlock {
        attrs: Vec::new(),
        label: None,
        block,
    }
}

// Rebuilds written as syntax, not as tokens parsed again: re-parsing a
// lowered loop or arm, user code included, was a third of the expansion's
// time.

/// `{ stmts }`, or `'label: { stmts }`.
pub(super) fn block_of(label: Option<syn::Lifetime>, stmts: Vec<Stmt>) -> Expr {
    Expr::Block(syn::ExprBlock {
        attrs: Vec::new(),
        label: label.map(|name| syn::Label {
            name,
            colon_token: Default::default(),
        }),
        block: Block {
            brace_token: Default::default(),
            stmts,
        },
    })
}

/// `expr` as a statement: a block-like one before others, or the tail.
pub(super) fn expr_stmt(expr: Expr) -> Stmt {
    Stmt::Expr(expr, None)
}

/// `{ … }` as a statement.
pub(super) fn block_stmt(block: Block) -> Stmt {
    expr_stmt(Expr::Block(block_expr(block)))
}

/// `let name = init;`
pub(super) fn let_stmt(name: syn::Ident, init: Expr) -> Stmt {
    Stmt::Local(syn::Local {
        attrs: Vec::new(),
        let_token: Default::default(),
        modifiers: Default::default(),
        pat: syn::Pat::Ident(syn::PatIdent {
            attrs: Vec::new(),
            by_ref: None,
            mutability: None,
            ident: name,
            subpat: None,
        }),
        init: Some(syn::LocalInit {
            eq_token: Default::default(),
            expr: Box::new(init),
            diverge: None,
        }),
        semi_token: Default::default(),
    })
}

/// The path expression `name`.
pub(super) fn name_expr(name: syn::Ident) -> Expr {
    Expr::Path(syn::ExprPath {
        attrs: Vec::new(),
        qself: None,
        path: name.into(),
    })
}

/// `(expr)`.
pub(super) fn paren(expr: Expr) -> Expr {
    Expr::Paren(syn::ExprParen {
        attrs: Vec::new(),
        paren_token: Default::default(),
        expr: Box::new(expr),
    })
}

/// The statements of tokens the lowering generated (`{ … }` around them
/// parsed as a block).
pub(super) fn stmts_of(tokens: proc_macro2::TokenStream) -> Vec<Stmt> {
    if tokens.is_empty() {
        return Vec::new();
    }
    let block: Block = reparse!({ #tokens });
    block.stmts
}

pub(super) fn marker_span(expr: &Expr, points: &[YieldPoint]) -> Option<Span> {
    struct First<'p> {
        points: &'p [YieldPoint],
        span: Option<Span>,
    }
    impl<'ast> syn::visit::Visit<'ast> for First<'_> {
        fn visit_expr_macro(&mut self, mac: &'ast syn::ExprMacro) {
            if self.span.is_none()
                && let Some(index) = marker::index_of_macro(mac)
            {
                self.span = self.points.get(index).map(|p| p.span);
            }
        }
    }
    let mut first = First { points, span: None };
    syn::visit::Visit::visit_expr(&mut first, expr);
    first.span
}

/// Does `block` contain a `break`/`continue` that leaves or restarts the
/// loop whose body it is (labeled with `label`, or unlabeled at top level)?
pub(super) fn jumps_to_loop(block: &Block, label: Option<&syn::Lifetime>) -> bool {
    jumps(block, label, true)
}

/// Does `block` contain a `break` out of the loop whose body it is? When it
/// does not, the loop never ends and what follows it is dead.
pub(super) fn breaks_out_of_loop(block: &Block, label: Option<&syn::Lifetime>) -> bool {
    jumps(block, label, false)
}

fn jumps(block: &Block, label: Option<&syn::Lifetime>, count_continue: bool) -> bool {
    struct Jumps<'l> {
        label: Option<&'l syn::Lifetime>,
        loop_depth: usize,
        count_continue: bool,
        found: bool,
    }
    impl Jumps<'_> {
        fn check(&mut self, target: Option<&syn::Lifetime>) {
            match target {
                None => self.found |= self.loop_depth == 0,
                Some(target) => self.found |= self.label.is_some_and(|l| l.ident == target.ident),
            }
        }
    }
    impl<'ast> syn::visit::Visit<'ast> for Jumps<'_> {
        fn visit_expr(&mut self, expr: &'ast Expr) {
            match expr {
                Expr::Break(b) => {
                    self.check(b.label.as_ref());
                    syn::visit::visit_expr(self, expr);
                }
                Expr::Continue(c) if self.count_continue => self.check(c.label.as_ref()),
                // (A `for` loop's iterator runs outside the loop.)
                Expr::ForLoop(f) => {
                    self.visit_expr(&f.expr);
                    self.loop_depth += 1;
                    self.visit_block(&f.body);
                    self.loop_depth -= 1;
                }
                Expr::Loop(_) | Expr::While(_) => {
                    self.loop_depth += 1;
                    syn::visit::visit_expr(self, expr);
                    self.loop_depth -= 1;
                }
                Expr::Closure(_) | Expr::Async(_) => {}
                _ => syn::visit::visit_expr(self, expr),
            }
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut jumps = Jumps {
        label,
        loop_depth: 0,
        count_continue,
        found: false,
    };
    syn::visit::Visit::visit_block(&mut jumps, block);
    jumps.found
}

/// What [`retarget_jumps`] found and rewrote.
pub(super) struct Retargeted {
    /// A `break` out of the loop became `break 'exit`.
    pub(super) breaks: bool,
    /// A `continue` of the loop became `break 'next`.
    pub(super) continues: bool,
}

/// Points the jumps of `block` that leave or restart the loop whose body it
/// is (labeled `label`, or unlabeled at top level) at two labeled blocks:
/// `break [v]` becomes `break 'exit [v]` and `continue` becomes
/// `break 'next`. The rest of an iteration resumed inside a loop runs in
/// those blocks, before the loop is entered again, so that the borrow
/// checker sees exactly the paths the plain function has (see
/// `Lowerer::resume_loop`).
pub(super) fn retarget_jumps(
    block: &mut Block,
    label: Option<&syn::Lifetime>,
    exit: &syn::Lifetime,
    next: &syn::Lifetime,
) -> Retargeted {
    struct Retarget<'l> {
        label: Option<&'l syn::Lifetime>,
        exit: &'l syn::Lifetime,
        next: &'l syn::Lifetime,
        loop_depth: usize,
        found: Retargeted,
    }
    impl Retarget<'_> {
        fn targets_loop(&self, target: Option<&syn::Lifetime>) -> bool {
            match target {
                None => self.loop_depth == 0,
                Some(target) => self.label.is_some_and(|l| l.ident == target.ident),
            }
        }
    }
    impl syn::visit_mut::VisitMut for Retarget<'_> {
        fn visit_expr_mut(&mut self, expr: &mut Expr) {
            match expr {
                Expr::Break(b) => {
                    syn::visit_mut::visit_expr_break_mut(self, b);
                    if self.targets_loop(b.label.as_ref()) {
                        b.label = Some(self.exit.clone());
                        self.found.breaks = true;
                    }
                }
                Expr::Continue(c) if self.targets_loop(c.label.as_ref()) => {
                    self.found.continues = true;
                    *expr = Expr::Break(syn::ExprBreak {
                        attrs: std::mem::take(&mut c.attrs),
                        break_token: syn::Token![break](c.continue_token.span),
                        label: Some(self.next.clone()),
                        expr: None,
                    });
                }
                // (A `for` loop's iterator runs outside the loop.)
                Expr::ForLoop(f) => {
                    self.visit_expr_mut(&mut f.expr);
                    self.loop_depth += 1;
                    self.visit_block_mut(&mut f.body);
                    self.loop_depth -= 1;
                }
                Expr::Loop(_) | Expr::While(_) => {
                    self.loop_depth += 1;
                    syn::visit_mut::visit_expr_mut(self, expr);
                    self.loop_depth -= 1;
                }
                Expr::Closure(_) | Expr::Async(_) => {}
                _ => syn::visit_mut::visit_expr_mut(self, expr),
            }
        }
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    let mut retarget = Retarget {
        label,
        exit,
        next,
        loop_depth: 0,
        found: Retargeted {
            breaks: false,
            continues: false,
        },
    };
    syn::visit_mut::VisitMut::visit_block_mut(&mut retarget, block);
    retarget.found
}
