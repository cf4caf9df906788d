#![allow(missing_docs)] // reached only through `__private`, by generated code
//! `?` inside a generator body. The body's `return` becomes "complete with
//! this value", so the macro lowers `?` to `Try::branch` and
//! `FromResidual::from_residual` (mirrors the unstable `core::ops::Try`).

/// What `?` splits its operand into.
pub trait Try {
    type Output;
    type Residual;
    fn branch(self) -> core::ops::ControlFlow<Self::Residual, Self::Output>;
}

#[diagnostic::on_unimplemented(
    message = "the `?` operator can only be used in a generator that returns `Result` or `Option`",
    label = "this generator returns `{Self}`",
    note = "declare the generator's return value, e.g. `-> Result<(), E>`; `?` then completes the generator with the error"
)]
pub trait FromResidual<Residual> {
    fn from_residual(residual: Residual) -> Self;
}

impl<T, E> Try for Result<T, E> {
    type Output = T;
    type Residual = Result<core::convert::Infallible, E>;
    #[inline(always)]
    fn branch(self) -> core::ops::ControlFlow<Self::Residual, T> {
        match self {
            Ok(value) => core::ops::ControlFlow::Continue(value),
            Err(error) => core::ops::ControlFlow::Break(Err(error)),
        }
    }
}

impl<T> Try for Option<T> {
    type Output = T;
    type Residual = Option<core::convert::Infallible>;
    #[inline(always)]
    fn branch(self) -> core::ops::ControlFlow<Self::Residual, T> {
        match self {
            Some(value) => core::ops::ControlFlow::Continue(value),
            None => core::ops::ControlFlow::Break(None),
        }
    }
}

impl<T, E, F: From<E>> FromResidual<Result<core::convert::Infallible, E>> for Result<T, F> {
    #[inline(always)]
    fn from_residual(residual: Result<core::convert::Infallible, E>) -> Self {
        match residual {
            Err(error) => Err(From::from(error)),
        }
    }
}

impl<T> FromResidual<Option<core::convert::Infallible>> for Option<T> {
    #[inline(always)]
    fn from_residual(_: Option<core::convert::Infallible>) -> Self {
        None
    }
}
