//! `#[generator(yield = T, send = S, throw = E, clone, crate = path)]`.

use proc_macro2::Span;
use syn::parse::{Parse, ParseStream};
use syn::{Path, Token, Type};

pub(crate) struct Args {
    /// `yield = T`; `None` when not written.
    pub(crate) yield_ty: Option<Type>,
    /// `send = S`; `None` means `()`.
    pub(crate) send_ty: Option<Type>,
    /// `throw = E`: every yield evaluates to `Result<S, E>`.
    pub(crate) throw_ty: Option<(Span, Type)>,
    /// `clone`: the generator is `Clone` (forks at its suspension point).
    pub(crate) clone: Option<Span>,
    /// `crate = path`, for users who renamed the runtime dependency.
    pub(crate) krate: Option<Path>,
}

const EXPECTED: &str =
    "expected `yield = <type>`, `send = <type>`, `throw = <type>`, `clone` or `crate = <path>`";

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut args = Args {
            yield_ty: None,
            send_ty: None,
            throw_ty: None,
            clone: None,
            krate: None,
        };
        while !input.is_empty() {
            let (name, span) = parse_name(input)?;
            if name == "clone" {
                if args.clone.is_some() {
                    return Err(syn::Error::new(span, "duplicate `clone` argument"));
                }
                if input.peek(Token![=]) {
                    return Err(syn::Error::new(
                        span,
                        "`clone` takes no value: write `#[generator(…, clone)]`",
                    ));
                }
                args.clone = Some(span);
                if input.is_empty() {
                    break;
                }
                input.parse::<Token![,]>()?;
                continue;
            }
            let eq: syn::Result<Token![=]> = input.parse();
            if eq.is_err() {
                return Err(syn::Error::new(
                    span,
                    format!("expected `{name} = …`, found `{name}`"),
                ));
            }
            let duplicate = || syn::Error::new(span, format!("duplicate `{name}` argument"));
            match name.as_str() {
                "yield" => {
                    if args.yield_ty.is_some() {
                        return Err(duplicate());
                    }
                    args.yield_ty = Some(input.parse()?);
                }
                "send" => {
                    if args.send_ty.is_some() {
                        return Err(duplicate());
                    }
                    args.send_ty = Some(input.parse()?);
                }
                "throw" => {
                    if args.throw_ty.is_some() {
                        return Err(duplicate());
                    }
                    let ty: Type = input.parse()?;
                    args.throw_ty = Some((span, ty));
                }
                "crate" => {
                    if args.krate.is_some() {
                        return Err(duplicate());
                    }
                    args.krate = Some(input.call(Path::parse_mod_style)?);
                }
                _ => {
                    return Err(syn::Error::new(
                        span,
                        format!("unknown argument `{name}`: {EXPECTED}"),
                    ));
                }
            }
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(args)
    }
}

/// The argument names include the keywords `yield` and `crate`.
fn parse_name(input: ParseStream) -> syn::Result<(String, Span)> {
    if input.peek(Token![yield]) {
        let token: Token![yield] = input.parse()?;
        return Ok(("yield".into(), token.span));
    }
    if input.peek(Token![crate]) {
        let token: Token![crate] = input.parse()?;
        return Ok(("crate".into(), token.span));
    }
    match input.parse::<syn::Ident>() {
        Ok(ident) => Ok((ident.to_string(), ident.span())),
        Err(_) => {
            let span = input
                .cursor()
                .token_tree()
                .map_or_else(|| input.span(), |(tt, _)| tt.span());
            Err(syn::Error::new(span, EXPECTED))
        }
    }
}

/// `()`, also when it comes from a `macro_rules!` `$t:ty` (an invisible
/// group) or is parenthesized.
fn is_unit(ty: &Type) -> bool {
    match ty {
        Type::Tuple(tuple) => tuple.elems.is_empty(),
        Type::Group(group) => is_unit(&group.elem),
        Type::Paren(paren) => is_unit(&paren.elem),
        _ => false,
    }
}

impl Args {
    pub(crate) fn runtime_path(&self) -> Path {
        match &self.krate {
            Some(path) => path.clone(),
            None => syn::parse_quote!(::gen_runtime),
        }
    }

    pub(crate) fn send_is_unit(&self) -> bool {
        self.send_ty.as_ref().is_none_or(is_unit)
    }
}
