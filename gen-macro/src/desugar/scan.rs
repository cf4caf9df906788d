//! Finds every `r#yield!` in the body, replaces it with a marker, and
//! reports yields the lowering cannot suspend at: inside closures, async
//! blocks, nested items, or another macro's arguments.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, Ident, Macro, Stmt};

use crate::error::Diagnostics;
use crate::front::shell::{ProtocolTypes, Recursion};
use crate::known::ITERATOR_ADAPTORS;
use crate::marker::{self, PointKind, YieldPoint};

/// What kind of code the walk is in; yields only work in `Body`.
#[derive(Clone, Copy, PartialEq)]
enum Scope {
    /// The generator body itself.
    Body,
    /// A closure: its code runs when the closure is called, not here.
    Closure,
    /// An `async` block: it has its own state machine.
    Async,
    /// A nested `fn`, `impl`, `const` or other item.
    Item,
    /// A `const { … }` block, evaluated at compile time.
    Const,
}

#[derive(Clone, Copy, PartialEq)]
enum YieldMacro {
    Yield,
    YieldFrom,
}

/// `r#yield!`, `yield!` (in `gen_block!`), `yield_from!`, also spelled with
/// a path (`gen_runtime::r#yield!`).
fn yield_macro(mac: &Macro) -> Option<YieldMacro> {
    let ident = &mac.path.segments.last()?.ident;
    match ident.unraw().to_string().as_str() {
        "yield" => Some(YieldMacro::Yield),
        "yield_from" => Some(YieldMacro::YieldFrom),
        _ => None,
    }
}

/// What the scan needs to know of the generator to expand `yield_from!`.
pub(crate) struct Context<'a> {
    pub(crate) rt: &'a syn::Path,
    /// `throw = E`: `yield_from!` then evaluates to `Result<R, E>`.
    pub(crate) throw_declared: bool,
    /// How to recognise and build a call of the generator to itself
    /// (`None` in a `gen_block!`, which has no name).
    pub(crate) recursion: Option<&'a Recursion<'a>>,
    /// The generator's yield, send and throw types, which pick the
    /// delegate of a `yield_from!`.
    pub(crate) types: &'a ProtocolTypes,
    /// Offer boxed sub-generators to the driver's stack (hand-off points):
    /// in every generator that does not call itself.
    pub(crate) handoff: bool,
    /// How messages spell the yield macro: `yield!` in a `gen_block!`,
    /// where the keyword works, `r#yield!` in a function.
    pub(crate) yield_spelling: &'static str,
    /// An async generator: `yield_from!` awaits its delegate's steps (see
    /// the async driver, `asynch.rs`).
    pub(crate) asynchronous: bool,
}

pub(crate) fn scan_body(
    body: &mut syn::Block,
    context: &Context<'_>,
    cx: &mut Diagnostics,
) -> Vec<YieldPoint> {
    let mut scanner = Scanner {
        cx,
        context,
        scope: Scope::Body,
        points: Vec::new(),
    };
    scanner.visit_block_mut(body);
    scanner.points
}

struct Scanner<'a> {
    cx: &'a mut Diagnostics,
    context: &'a Context<'a>,
    scope: Scope,
    points: Vec<YieldPoint>,
}

impl Scanner<'_> {
    fn in_scope(&mut self, scope: Scope, f: impl FnOnce(&mut Self)) {
        let saved = std::mem::replace(&mut self.scope, scope);
        f(self);
        self.scope = saved;
    }

    /// Turns `r#yield!(x)` into a marker, or reports why it cannot suspend.
    fn lower_yield(&mut self, mac: &Macro, kind: YieldMacro) -> Expr {
        let span = mac.path.span();
        let name = match kind {
            YieldMacro::Yield => self.context.yield_spelling,
            YieldMacro::YieldFrom => "yield_from!",
        };
        let misplaced = match self.scope {
            Scope::Body => None,
            Scope::Closure => {
                Some("a closure: the closure runs when it is called, not as part of the generator")
            }
            Scope::Async => {
                Some("an `async` block: it is a separate future, not part of the generator")
            }
            Scope::Item => {
                Some("a nested item: a nested `fn` or `impl` is not part of the generator")
            }
            Scope::Const => Some("a `const` block"),
        };
        if let Some(reason) = misplaced {
            self.cx.error(
                span,
                format!("`{name}` cannot suspend the generator from inside {reason}"),
            );
            return unit(span);
        }
        if kind == YieldMacro::YieldFrom {
            return self.lower_yield_from(mac, span);
        }
        let operand = if mac.tokens.is_empty() {
            unit(span)
        } else {
            match syn::parse2::<Expr>(mac.tokens.clone()) {
                Ok(mut expr) => {
                    self.visit_expr_mut(&mut expr);
                    expr
                }
                Err(error) => {
                    self.cx.push(error);
                    unit(span)
                }
            }
        };
        let index = self.points.len();
        // `r#yield!(… r#yield!(x) …)`: the operand suspends first.
        let hidden = format_ident!(
            "__gen_operand_{}",
            index,
            span = Span::mixed_site().located_at(span)
        );
        self.suspend(span, operand, PointKind::Yield, hidden)
    }

    /// A suspension point with `operand`, as a marker. An operand that
    /// itself suspends (`r#yield!(r#yield!(x))`, a yield in a recursive
    /// call's arguments) runs first, into the binding `hidden` that the
    /// point then takes: `{ let hidden = OPERAND; <marker> }`.
    fn suspend(&mut self, span: Span, operand: Expr, kind: PointKind, hidden: Ident) -> Expr {
        let index = self.points.len();
        if !marker::contains(&operand, None) {
            self.points.push(YieldPoint {
                span,
                operand,
                kind,
                delegate: None,
                raw_resume: false,
            });
            return marker::make(index, span);
        }
        self.points.push(YieldPoint {
            span,
            operand: reparse!(#hidden),
            kind,
            delegate: None,
            raw_resume: false,
        });
        let point = marker::make(index, span);
        let glue = crate::spans::glue(span);
        reparse_spanned!(glue=> { let #hidden = #operand; #point })
    }

    /// Desugar `yield_from!(sub)` into a loop that drives the delegate and
    /// yields what it yields (PEP 380's `yield from`):
    ///
    /// ```text
    /// { let sub = SUB; let mut d = <delegate of sub>;
    ///   if d.offers_frame() { <hand-off point> }
    ///   let mut next = first_turn(&d); // None
    ///   loop {
    ///       let item = match run_with(&mut d, next) { Yielded(y) => y, Complete(r) => break r };
    ///       next = receive(r#yield!(item).map_send(into_send), &d);
    ///   } }
    /// ```
    ///
    /// The loop's yield evaluates to the raw resume argument, which the
    /// loop's next turn passes to the delegate; a `Start` there makes that
    /// turn the first, so the start arm (and the hand-off point's arm)
    /// enter the loop by jumping to that yield's arm (`lower::entry`) and
    /// the loop is emitted once, with one call into the delegate. `next`
    /// is moved into the call before the yield and assigned after it: the
    /// generator never saves it.
    ///
    /// With `throw = E` a thrown error goes into the delegate when its
    /// throw type is `E`, and otherwise ends the delegation with `Err(e)`;
    /// the loop's value is `Result<R, E>`. An async generator awaits each
    /// step in the older form (`next = Some(Resume::Send(r#yield!(item)))`),
    /// with the sent value as the yield's value.
    fn lower_yield_from(&mut self, mac: &Macro, span: Span) -> Expr {
        let mut sub = match syn::parse2::<Expr>(mac.tokens.clone()) {
            Ok(sub) => sub,
            Err(_) => {
                self.cx.error(span, "`yield_from!` needs one operand: a generator or an iterable, e.g. `yield_from!(child())`");
                return unit(span);
            }
        };
        self.visit_expr_mut(&mut sub);
        if let Some(args) = self.self_call(&sub) {
            return self.lower_self_call(args, span);
        }
        // A yield in the operand (`yield_from!(sub(r#yield!(x)))`) runs
        // before the delegation starts: it is a yield in the initialiser
        // of the `let` below, like any other.
        let index = self.points.len();
        let at = Span::mixed_site().located_at(span);
        let hidden = |name: &str| format_ident!("__gen_from_{}_{}", name, index, span = at);
        let (sub_value, delegate, next, state, item, sent) = (
            hidden("sub"),
            hidden("delegate"),
            hidden("next"),
            hidden("state"),
            hidden("item"),
            hidden("sent"),
        );
        self.points.push(YieldPoint {
            span,
            operand: reparse!(#item),
            kind: PointKind::Yield,
            delegate: None,
            raw_resume: !self.context.asynchronous,
        });
        let marker = marker::make(index, span);
        let rt = self.context.rt;
        let glue = crate::spans::glue(span);
        let (handoff, via_frame) = if self.context.handoff {
            // Right after the loop's yield: `lower::resume` finds the loop
            // a hand-off point's arm enters as the point before it.
            let handoff_index = self.points.len();
            self.points.push(YieldPoint {
                span,
                operand: reparse_spanned!(glue=> #rt::__private::Handoff),
                kind: PointKind::Handoff,
                delegate: Some(delegate.clone()),
                raw_resume: false,
            });
            let handoff_marker = marker::make(handoff_index, span);
            (
                quote_spanned! {glue=>
                    if #rt::__private::Delegate::offers_frame(&#delegate) {
                        #handoff_marker;
                    }
                },
                quote_spanned!(glue=> ViaFrame as _,),
            )
        } else {
            (TokenStream::new(), TokenStream::new())
        };
        let ProtocolTypes {
            yield_ty,
            send_ty,
            throw_ty,
        } = self.context.types;
        // The probe's yield type only matters to `ViaFrame` (hand-off
        // points); method lookup needs the probe's type known, so a
        // `gen_block!` whose yield type is inferred (and which has no
        // hand-off points) probes with `()`.
        let unit: syn::Type = syn::parse_quote!(());
        let yield_ty = if matches!(yield_ty, syn::Type::Infer(_)) {
            &unit
        } else {
            yield_ty
        };
        // The sync loop's yield gives the raw resume argument; the sent
        // value is converted here, where a delegate that takes other
        // values is reported.
        let receive = |resumed: &dyn quote::ToTokens| {
            quote_spanned! {glue=>
                #rt::__private::receive(
                    #rt::__private::Resume::map_send(#resumed, |#sent| #rt::__private::SendInto::into_send(#sent)),
                    &#delegate,
                )
            }
        };
        let (complete, resume, receive) = if self.context.throw_declared {
            let new_probe = if self.context.asynchronous {
                format_ident!("new_async")
            } else {
                format_ident!("new")
            };
            let error = hidden("error");
            let probe = hidden("probe");
            let resumed = hidden("resumed");
            let receive_resumed = receive(&resumed);
            (
                quote_spanned!(glue=> #rt::__private::core::result::Result::Ok(r)),
                quote_spanned! {glue=>
                    match #sent {
                        #rt::__private::core::result::Result::Ok(value) => #rt::__private::Resume::Send(value),
                        #rt::__private::core::result::Result::Err(#error) => {
                            #[allow(unused_imports)]
                            use #rt::__private::{ThrowIntoDelegate as _, ThrowPastDelegate as _};
                            let #probe = #rt::__private::ThrowProbe::#new_probe(&#delegate, &#error);
                            match (&#probe).deliver(#error) {
                                #rt::__private::core::result::Result::Ok(resume) => resume,
                                #rt::__private::core::result::Result::Err(#error) => {
                                    break #rt::__private::core::result::Result::Err(#error)
                                }
                            }
                        }
                    }
                },
                quote_spanned! {glue=>
                    match #marker {
                        #rt::__private::Resume::Throw(#error) => {
                            #[allow(unused_imports)]
                            use #rt::__private::{ThrowIntoDelegate as _, ThrowPastDelegate as _};
                            let #probe = #rt::__private::ThrowProbe::#new_probe(&#delegate, &#error);
                            match (&#probe).deliver(#error) {
                                #rt::__private::core::result::Result::Ok(resume) => #rt::__private::core::option::Option::Some(resume),
                                #rt::__private::core::result::Result::Err(#error) => {
                                    break #rt::__private::core::result::Result::Err(#error)
                                }
                            }
                        }
                        #resumed => #receive_resumed,
                    }
                },
            )
        } else {
            (
                quote_spanned!(glue=> r),
                quote_spanned!(glue=> #rt::__private::Resume::Send(#rt::__private::SendInto::into_send(#sent))),
                receive(&marker),
            )
        };
        // What the delegate yields is checked against the yield type at the
        // operand, which is what a mismatch is about.
        let item_at_operand = syn::Ident::new("item", glue.located_at(sub.span()));
        let yield_item_ty = if matches!(self.context.types.yield_ty, syn::Type::Infer(_)) {
            quote!(_)
        } else {
            let ty = &self.context.types.yield_ty;
            quote!(#ty)
        };
        if self.context.asynchronous {
            // The same loop, each step awaited; the delegate is pinned in
            // the body, where an async delegate runs in place.
            reparse_spanned! {glue=>
                {
                    let #sub_value = #sub;
                    let mut #delegate = #rt::__private::core::pin::pin!({
                        #[allow(unused_imports)]
                        use #rt::__private::{ViaAsyncGenerator as _, ViaStream as _, ViaGenerator as _, ViaAnyGenerator as _, ViaIterator as _};
                        let probe = #rt::__private::probe::<#yield_ty, #send_ty, #throw_ty, _>(&#sub_value);
                        let kind = (&&&&&probe).delegate_kind();
                        kind.into_async_delegate(#sub_value)
                    });
                    let mut #next = #rt::__private::core::option::Option::None;
                    loop {
                        let #state = match #rt::__private::core::option::Option::take(&mut #next) {
                            #rt::__private::core::option::Option::None => {
                                #rt::__private::async_first(#rt::__private::core::pin::Pin::as_mut(&mut #delegate)).await
                            }
                            #rt::__private::core::option::Option::Some(resume) => {
                                #rt::__private::async_step(#rt::__private::core::pin::Pin::as_mut(&mut #delegate), resume).await
                            }
                        };
                        let #item: #yield_item_ty = match #state {
                            #rt::__private::GeneratorState::Yielded(item) => #item_at_operand,
                            #rt::__private::GeneratorState::Complete(r) => break #complete,
                        };
                        let #sent = #marker;
                        #next = #rt::__private::core::option::Option::Some(#resume);
                    }
                }
            }
        } else {
            reparse_spanned! {glue=>
                {
                    let #sub_value = #sub;
                    let mut #delegate = {
                        #[allow(unused_imports)]
                        use #rt::__private::{#via_frame ViaGenerator as _, ViaAnyGenerator as _, ViaIterator as _};
                        let probe = #rt::__private::probe::<#yield_ty, #send_ty, #throw_ty, _>(&#sub_value);
                        let kind = (&&&&probe).delegate_kind();
                        kind.into_delegate(#sub_value)
                    };
                    #handoff
                    let mut #next = #rt::__private::first_turn(&#delegate);
                    loop {
                        let #state = #rt::__private::run_with(&mut #delegate, #next);
                        let #item: #yield_item_ty = match #state {
                            #rt::__private::GeneratorState::Yielded(item) => #item_at_operand,
                            #rt::__private::GeneratorState::Complete(r) => break #complete,
                        };
                        #next = #receive;
                    }
                }
            }
        }
    }

    /// The arguments (the receiver first) of a `yield_from!` operand that
    /// calls this generator function itself: `name(args)` (a function
    /// without receiver), `Self::name(args)`, or `self.name(args)` (a
    /// method); a plain path without turbofish, with as many arguments as
    /// the function has parameters.
    fn self_call(&self, sub: &Expr) -> Option<Vec<Expr>> {
        let recursion = self.context.recursion?;
        let args: Vec<Expr> = match sub {
            Expr::Call(call) => {
                let Expr::Path(path) = &*call.func else {
                    return None;
                };
                let segments: Vec<_> = path.path.segments.iter().collect();
                let plain = |segment: &syn::PathSegment| segment.arguments.is_none();
                let names_self = match segments.as_slice() {
                    [name] => {
                        !recursion.has_receiver && plain(name) && name.ident == *recursion.name
                    }
                    [ty, name] => {
                        ty.ident == "Self"
                            && plain(ty)
                            && plain(name)
                            && name.ident == *recursion.name
                    }
                    _ => false,
                };
                if !names_self || path.qself.is_some() || path.path.leading_colon.is_some() {
                    return None;
                }
                call.args.iter().cloned().collect()
            }
            Expr::MethodCall(call) => {
                let on_self = matches!(&*call.receiver, Expr::Path(p) if p.path.is_ident("self"));
                if !recursion.has_receiver
                    || !on_self
                    || call.method != *recursion.name
                    || call.turbofish.is_some()
                {
                    return None;
                }
                std::iter::once((*call.receiver).clone())
                    .chain(call.args.iter().cloned())
                    .collect()
            }
            _ => return None,
        };
        (args.len() == recursion.param_types.len()).then_some(args)
    }

    /// `for x in walk(n - 1) { r#yield!(x) }` inside `fn walk` (Python's
    /// spelling of recursion): the loop keeps the callee across the yield,
    /// so the generator's state would contain itself and rustc reports only
    /// E0720 "cannot resolve opaque type" at the attribute. Say what works.
    fn check_self_iteration(&mut self, iterable: &Expr) {
        let (Some(call), Some(recursion)) = (self.call_of_itself(iterable), self.context.recursion)
        else {
            return;
        };
        let name = recursion.name;
        let callee = if recursion.has_receiver {
            format!("Self::{name}(self, …)")
        } else {
            format!("{name}(…)")
        };
        self.cx.push(syn::Error::new_spanned(
            call,
            format!(
                "a generator cannot iterate over a call of itself across `r#yield!` (its state would contain itself): write `yield_from!({callee})` to yield the call's values on this generator's own stack, or iterate over `{callee}.boxed()` to transform them"
            ),
        ));
    }

    /// The call of this generator function in `iterable`, also through
    /// iterator adaptors on it, parentheses and references
    /// (`walk(n).map(f)`, `&mut walk(n)`), whatever its arguments.
    fn call_of_itself<'e>(&self, iterable: &'e Expr) -> Option<&'e Expr> {
        let recursion = self.context.recursion?;
        match iterable {
            Expr::Call(call) => {
                let Expr::Path(path) = &*call.func else {
                    return None;
                };
                let segments: Vec<_> = path.path.segments.iter().collect();
                let names_self = match segments.as_slice() {
                    [name] => !recursion.has_receiver && name.ident == *recursion.name,
                    [ty, name] => ty.ident == "Self" && name.ident == *recursion.name,
                    _ => false,
                };
                (names_self && path.qself.is_none()).then_some(iterable)
            }
            Expr::MethodCall(call) => {
                let on_self = matches!(&*call.receiver, Expr::Path(p) if p.path.is_ident("self"));
                if recursion.has_receiver && on_self && call.method == *recursion.name {
                    Some(iterable)
                } else if ITERATOR_ADAPTORS.contains(&call.method.to_string().as_str()) {
                    self.call_of_itself(&call.receiver)
                } else {
                    // `.boxed()`, `.collect()`, …: the loop may hold a value
                    // that does not contain the call's generator.
                    None
                }
            }
            Expr::Paren(inner) => self.call_of_itself(&inner.expr),
            Expr::Reference(inner) => self.call_of_itself(&inner.expr),
            _ => None,
        }
    }

    /// `yield_from!(walk(a, b))` inside `fn walk`: a call point whose
    /// operand is the callee's initial state,
    /// `{ let a0: A = a; let a1: B = b; __GenState::__Start { param_0: a0, param_1: a1 } }`.
    /// The arguments are evaluated in order and coerced to the parameter
    /// types, as the call would.
    fn lower_self_call(&mut self, args: Vec<Expr>, span: Span) -> Expr {
        // invariant: only called with the arguments `self_call` found, which
        // needs the recursion info.
        let Some(recursion) = self.context.recursion else {
            return unit(span);
        };
        let index = self.points.len();
        let at = Span::mixed_site().located_at(span);
        let glue = crate::spans::glue(span);
        let mut lets = Vec::new();
        let mut fields = Vec::new();
        for (i, (arg, ty)) in args.iter().zip(&recursion.param_types).enumerate() {
            let temp = format_ident!("__gen_call_{}_arg_{}", index, i, span = at);
            let arg_span = arg.span();
            lets.push(match ty {
                Some(ty) => quote_spanned!(arg_span=> let #temp: #ty = #arg;),
                None => quote_spanned!(arg_span=> let #temp = #arg;),
            });
            let field = crate::names::param_field(i);
            fields.push(quote_spanned!(glue=> #field: #temp));
        }
        let state_enum = recursion.state_enum;
        let operand: Expr =
            reparse_spanned!(glue=> { #(#lets)* #state_enum::__Start { #(#fields),* } });
        // A yield in the arguments (`yield_from!(walk(r#yield!(d)))`) runs
        // before the call: the callee's start state is built first.
        let hidden = format_ident!("__gen_call_{}_start", index, span = at);
        self.suspend(span, operand, PointKind::Call, hidden)
    }

    /// Yields inside another macro's tokens cannot be seen by the lowering.
    fn check_macro_tokens(&mut self, mac: &Macro) {
        let outer = mac
            .path
            .segments
            .last()
            .map_or_else(|| "macro".to_owned(), |s| s.ident.to_string());
        // A nested `gen_block!` is a generator of its own: its yields
        // suspend it, not this one.
        if outer == "gen_block" {
            return;
        }
        find_nested_yields(mac.tokens.clone(), &mut |span, name| {
            let message = if self.scope == Scope::Body {
                format!(
                    "`{name}!` cannot be used inside the arguments of `{outer}!`: the generator cannot suspend in the middle of another macro; bind the value first, e.g. `let v = {name}!(…);`"
                )
            } else {
                format!("`{name}!` cannot suspend the generator from inside `{outer}!`")
            };
            self.cx.error(span, message);
        });
    }
}

fn unit(span: Span) -> Expr {
    let span = crate::spans::glue(span);
    reparse_spanned!(span=> ())
}

fn find_nested_yields(tokens: TokenStream, report: &mut impl FnMut(Span, &str)) {
    crate::tokens::any(tokens, &mut |trees, i| {
        if let TokenTree::Ident(ident) = &trees[i]
            && crate::tokens::followed_by(trees, i, '!')
        {
            let name = ident.unraw().to_string();
            if name == "yield" {
                report(ident.span(), "r#yield");
            } else if name == "yield_from" {
                report(ident.span(), "yield_from");
            }
        }
        false
    });
}

impl VisitMut for Scanner<'_> {
    fn visit_expr_mut(&mut self, expr: &mut Expr) {
        match expr {
            Expr::Macro(mac) => {
                if marker::index_of_mac(&mac.mac).is_some() {
                    // The lowering's own name: written by hand it would pose
                    // as a suspension point.
                    self.cx.error(
                        mac.mac.path.span(),
                        "`__gen_yield!` is reserved for the expansion of `r#yield!`",
                    );
                    *expr = unit(mac.mac.path.span());
                } else if let Some(kind) = yield_macro(&mac.mac) {
                    let mac = mac.mac.clone();
                    *expr = self.lower_yield(&mac, kind);
                } else {
                    self.check_macro_tokens(&mac.mac);
                }
            }
            Expr::Yield(y) => {
                // rustc already rejects `yield` (E0658); say how to fix it.
                self.cx.error(
                    y.yield_token.span,
                    "write `r#yield!(…)` instead: stable Rust rejects the `yield` keyword in a function body before any macro runs (E0658)",
                );
            }
            Expr::ForLoop(_) if self.scope == Scope::Body => {
                let before = self.points.len();
                visit_mut::visit_expr_mut(self, expr);
                if let Expr::ForLoop(for_loop) = expr
                    && self.points.len() > before
                {
                    self.check_self_iteration(&for_loop.expr);
                }
            }
            Expr::Await(awaited) if !self.context.asynchronous && self.scope == Scope::Body => {
                // rustc would say "only allowed inside `async` functions"
                // and point at the attribute; say which generator to write.
                let message = if self.context.recursion.is_none()
                    && self.context.yield_spelling == "yield!"
                {
                    "`.await` cannot be used in a `gen_block!`, which is a synchronous generator; write an async generator function (`#[generator(…)] async fn`), which is a `Stream`"
                } else {
                    "`.await` cannot be used in a generator that is not `async`: declare it `#[generator(…)] async fn`, which makes it a `Stream`"
                };
                self.cx.error(awaited.await_token.span, message);
                visit_mut::visit_expr_mut(self, expr);
            }
            Expr::Closure(_) => {
                self.in_scope(Scope::Closure, |s| visit_mut::visit_expr_mut(s, expr))
            }
            Expr::Async(_) => self.in_scope(Scope::Async, |s| visit_mut::visit_expr_mut(s, expr)),
            Expr::Const(_) => self.in_scope(Scope::Const, |s| visit_mut::visit_expr_mut(s, expr)),
            _ => visit_mut::visit_expr_mut(self, expr),
        }
    }

    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        // `r#yield! { a }` in the middle of a block needs no `;` as a
        // statement macro; as the expression it becomes, it does.
        let last = block.stmts.len().saturating_sub(1);
        for stmt in &mut block.stmts[..last] {
            if let Stmt::Macro(sm) = stmt
                && sm.semi_token.is_none()
                && matches!(sm.mac.delimiter, syn::MacroDelimiter::Brace(_))
                && yield_macro(&sm.mac).is_some()
            {
                sm.semi_token = Some(Default::default());
            }
        }
        visit_mut::visit_block_mut(self, block);
    }

    fn visit_stmt_mut(&mut self, stmt: &mut Stmt) {
        if let Stmt::Macro(sm) = stmt {
            if yield_macro(&sm.mac).is_some() || marker::index_of_mac(&sm.mac).is_some() {
                let mut expr = Expr::Macro(syn::ExprMacro {
                    attrs: sm.attrs.clone(),
                    mac: sm.mac.clone(),
                });
                let semi = sm.semi_token;
                self.visit_expr_mut(&mut expr);
                *stmt = Stmt::Expr(expr, semi);
                return;
            }
            self.check_macro_tokens(&sm.mac);
            return;
        }
        visit_mut::visit_stmt_mut(self, stmt);
    }

    fn visit_item_mut(&mut self, item: &mut syn::Item) {
        self.in_scope(Scope::Item, |s| visit_mut::visit_item_mut(s, item));
    }

    // A nested generator (`#[generator] fn inner() { r#yield!(1); }`, also
    // as a method of a nested `impl`) owns its yields: its own attribute
    // lowers them once this one has expanded.
    fn visit_item_fn_mut(&mut self, item: &mut syn::ItemFn) {
        if !is_generator(&item.attrs) {
            visit_mut::visit_item_fn_mut(self, item);
        }
    }

    fn visit_impl_item_fn_mut(&mut self, item: &mut syn::ImplItemFn) {
        if !is_generator(&item.attrs) {
            visit_mut::visit_impl_item_fn_mut(self, item);
        }
    }

    fn visit_macro_mut(&mut self, mac: &mut Macro) {
        // Macros in patterns and types.
        self.check_macro_tokens(mac);
    }
}

/// `#[generator]` or `#[generator(…)]`, by any path (`#[gen_runtime::generator]`).
fn is_generator(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path()
            .segments
            .last()
            .is_some_and(|s| s.ident == "generator")
    })
}
