//! `gen_block! { … }`: a generator expression (Python's `(f(x) for x in
//! xs)`), the block form of `#[generator]`. Owns what is particular to a
//! block: the optional arguments, the literal `yield!` spelling, and what
//! the block captures from its environment, which become the parameters of
//! the body core (`body::lower_body`).
//!
//! Input: `gen_block! { stmts }` or `gen_block!(yield = T, send = S, throw
//! = E, clone; { stmts })`. Output: a block expression that moves the
//! captured values into the initial state and builds the fresh generator,
//! `{ enum __GenState<…> {…} fresh(__GenState::__Start { param_0: v, … },
//! move |state, arg| …) }`; its yield and return types are inferred.

use proc_macro2::{Delimiter, Ident, TokenStream, TokenTree};
use quote::quote;
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::visit::{self, Visit};
use syn::{Expr, Pat, Stmt, Token};

use crate::body::lower_body;
use crate::error::Diagnostics;
use crate::front::args::Args;
use crate::front::shell::{ProtocolTypes, Shell};
use crate::front::signature::{Param, Signature};
use crate::syntax::{format_captures, pat_bindings};

pub(crate) fn gen_block(input: TokenStream) -> TokenStream {
    let input = raw_yield(input);
    let (args, block) = match split_args(input) {
        Ok(parsed) => parsed,
        Err(error) => return error.to_compile_error(),
    };
    let rt = args.runtime_path();
    let mut cx = Diagnostics::default();

    let captures = Captures::of(&block);
    let mut params = Vec::new();
    if captures.self_used {
        params.push(Param::Receiver {
            mutable: true,
            is_ref: false,
            owns_fields: false,
            boxed: false,
        });
    }
    params.extend(captures.found.into_iter().map(|ident| Param::Ident {
        ident,
        mutable: true,
        is_ref: false,
        ty: Box::new(syn::parse_quote!(_)),
    }));
    let signature = Signature {
        sig: syn::parse_quote!(fn gen_block()),
        params,
        return_ty: syn::parse_quote!(_),
        lifetimes: Vec::new(),
        elided_output: None,
    };
    let infer: syn::Type = syn::parse_quote!(_);
    let types = ProtocolTypes {
        yield_ty: args.yield_ty.clone().unwrap_or_else(|| infer.clone()),
        send_ty: args
            .send_ty
            .clone()
            .unwrap_or_else(|| syn::parse_quote!(())),
        throw_ty: match &args.throw_ty {
            Some((_, ty)) => ty.clone(),
            None => syn::parse_quote!(#rt::__private::NoThrow),
        },
    };
    let shell = Shell {
        args: &args,
        signature: &signature,
        types: &types,
        rt: &rt,
        state_enum: crate::names::state_enum(),
        recursion: None,
        yield_spelling: "yield!",
    };
    match lower_body(&shell, block, &mut cx, |emit| {
        let expression = emit.expression();
        quote!({ #expression })
    }) {
        Some(tokens) => tokens,
        None => {
            // The errors, and a value of a generator type, so the use site
            // reports nothing more.
            let errors = cx.into_compile_errors();
            let ProtocolTypes {
                yield_ty,
                send_ty,
                throw_ty,
            } = &types;
            quote!({ #errors #rt::__private::stub::<#yield_ty, #send_ty, #throw_ty, _>() })
        }
    }
}

/// `yield!(x)` → `r#yield!(x)`: inside a function-like macro the reserved
/// keyword reaches the macro, but syn would parse it as a `yield`
/// expression applied to `!(x)`.
fn raw_yield(tokens: TokenStream) -> TokenStream {
    crate::tokens::rewrite(tokens, &mut |trees, i, _| match &trees[i] {
        TokenTree::Ident(ident)
            if ident == "yield" && crate::tokens::followed_by(trees, i, '!') =>
        {
            Some(crate::tokens::Edit::one(TokenTree::Ident(Ident::new_raw(
                "yield",
                ident.span(),
            ))))
        }
        _ => None,
    })
}

/// `args; { stmts }`, or the statements alone.
fn split_args(input: TokenStream) -> syn::Result<(Args, syn::Block)> {
    let tokens: Vec<TokenTree> = input.clone().into_iter().collect();
    let semi = tokens
        .iter()
        .position(|tt| matches!(tt, TokenTree::Punct(p) if p.as_char() == ';'));
    if let Some(at) = semi
        && let [TokenTree::Group(group)] = &tokens[at + 1..]
        && group.delimiter() == Delimiter::Brace
    {
        let head: TokenStream = tokens[..at].iter().cloned().collect();
        if let Ok(args) = syn::parse2::<Args>(head) {
            let stmts = syn::Block::parse_within.parse2(group.stream())?;
            let block = syn::Block {
                brace_token: syn::token::Brace(group.delim_span()),
                stmts,
            };
            return Ok((args, block));
        }
    }
    let stmts = syn::Block::parse_within.parse2(input)?;
    let args = syn::parse2::<Args>(TokenStream::new())?;
    Ok((
        args,
        syn::Block {
            brace_token: syn::token::Brace::default(),
            stmts,
        },
    ))
}

/// The names a block uses from its environment, in order of first use: a
/// lowercase name in a value position not bound inside the block (a local,
/// or a function item passed as a value), and `self`. A name called as a
/// function (`f(x)`) is left to the resume closure, which captures a local
/// closure by move and needs nothing for a function item.
struct Captures {
    scopes: Vec<Vec<String>>,
    found: Vec<Ident>,
    self_used: bool,
}

impl Captures {
    fn of(block: &syn::Block) -> Self {
        let mut captures = Captures {
            scopes: vec![Vec::new()],
            found: Vec::new(),
            self_used: false,
        };
        captures.visit_block(block);
        captures
    }

    fn in_scope(&mut self, f: impl FnOnce(&mut Self)) {
        self.scopes.push(Vec::new());
        f(self);
        self.scopes.pop();
    }

    fn declare(&mut self, pat: &Pat) {
        let names = pat_bindings(pat)
            .into_iter()
            .map(|(ident, ..)| ident.to_string());
        if let Some(scope) = self.scopes.last_mut() {
            scope.extend(names);
        }
    }

    fn use_name(&mut self, ident: &Ident) {
        let name = ident.to_string();
        if name == "self" {
            self.self_used = true;
            return;
        }
        let looks_local = name
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || (c == '_' && name.len() > 1));
        let bound = self.scopes.iter().flatten().any(|n| *n == name);
        if looks_local && !bound && !self.found.iter().any(|f| *f == name) {
            self.found.push(ident.clone());
        }
    }

    /// The arguments of a macro call, when they parse as expressions
    /// (`r#yield!(x)`, `format!("{}", x)`, `vec![a, b]`); `name = value`
    /// arguments of format macros name no variable on the left.
    fn visit_macro_args(&mut self, mac: &syn::Macro) {
        let parser = Punctuated::<Expr, Token![,]>::parse_terminated;
        let Ok(args) = parser.parse2(mac.tokens.clone()) else {
            return;
        };
        for arg in &args {
            match arg {
                Expr::Assign(assign) => self.visit_expr(&assign.right),
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => {
                    let names: Vec<String> = format_captures(&s.token().to_string());
                    for name in names {
                        self.use_name(&Ident::new(&name, s.span()));
                    }
                }
                other => self.visit_expr(other),
            }
        }
    }
}

impl<'ast> Visit<'ast> for Captures {
    fn visit_block(&mut self, block: &'ast syn::Block) {
        self.in_scope(|s| {
            for stmt in &block.stmts {
                s.visit_stmt(stmt);
            }
        });
    }

    fn visit_stmt(&mut self, stmt: &'ast Stmt) {
        match stmt {
            Stmt::Local(local) => {
                if let Some(init) = &local.init {
                    self.visit_expr(&init.expr);
                    if let Some((_, diverge)) = &init.diverge {
                        self.visit_expr(diverge);
                    }
                }
                self.declare(&local.pat);
            }
            // A nested item captures nothing.
            Stmt::Item(_) => {}
            Stmt::Expr(expr, _) => self.visit_expr(expr),
            Stmt::Macro(mac) => self.visit_macro_args(&mac.mac),
        }
    }

    fn visit_item(&mut self, _: &'ast syn::Item) {}

    fn visit_expr_macro(&mut self, mac: &'ast syn::ExprMacro) {
        self.visit_macro_args(&mac.mac);
    }

    fn visit_expr_closure(&mut self, closure: &'ast syn::ExprClosure) {
        self.in_scope(|s| {
            for input in &closure.inputs {
                s.declare(input);
            }
            s.visit_expr(&closure.body);
        });
    }

    fn visit_expr_for_loop(&mut self, for_loop: &'ast syn::ExprForLoop) {
        self.visit_expr(&for_loop.expr);
        self.in_scope(|s| {
            s.declare(&for_loop.pat);
            s.visit_block(&for_loop.body);
        });
    }

    fn visit_expr_match(&mut self, m: &'ast syn::ExprMatch) {
        self.visit_expr(&m.expr);
        for arm in &m.arms {
            self.in_scope(|s| {
                s.declare(&arm.pat);
                if let Pat::Guard(guarded) = &arm.pat {
                    s.visit_expr(&guarded.guard);
                }
                s.visit_expr(&arm.body);
            });
        }
    }

    fn visit_expr_if(&mut self, expr: &'ast syn::ExprIf) {
        // `if let` bindings are in scope in the `then` branch only.
        self.in_scope(|s| {
            s.visit_expr(&expr.cond);
            s.visit_block(&expr.then_branch);
        });
        if let Some((_, otherwise)) = &expr.else_branch {
            self.visit_expr(otherwise);
        }
    }

    fn visit_expr_while(&mut self, expr: &'ast syn::ExprWhile) {
        self.in_scope(|s| {
            s.visit_expr(&expr.cond);
            s.visit_block(&expr.body);
        });
    }

    fn visit_expr_let(&mut self, expr: &'ast syn::ExprLet) {
        self.visit_expr(&expr.expr);
        self.declare(&expr.pat);
    }

    fn visit_expr_path(&mut self, path: &'ast syn::ExprPath) {
        if path.qself.is_none()
            && let Some(ident) = path.path.get_ident()
        {
            self.use_name(ident);
        }
    }

    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        if !matches!(&*call.func, Expr::Path(p) if p.path.get_ident().is_some()) {
            self.visit_expr(&call.func);
        }
        for arg in &call.args {
            self.visit_expr(arg);
        }
    }

    fn visit_expr_struct(&mut self, expr: &'ast syn::ExprStruct) {
        for field in &expr.fields {
            self.visit_expr(&field.expr);
        }
        if let Some(rest) = &expr.rest {
            self.visit_expr(rest);
        }
    }

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        visit::visit_expr_method_call(self, call);
    }
}
