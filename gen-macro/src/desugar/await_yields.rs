//! Async generators: each yield marker becomes an awaited yield of its
//! operand, on the body's `Co` (see `gen-runtime`'s `asynch` module). The
//! rest of the body stays a native `async` block.

use syn::visit_mut::{self, VisitMut};

use crate::marker::{self, YieldPoint};

/// Replaces every marker in `body` by `Co::yield_(&mut co, operand).await`,
/// then `.resumed()` on what the yield evaluates to (`into_sent` or
/// `into_result`); with `resumed` `None` (a generator that takes nothing
/// in), by `Co::yield_unit(&mut co, operand).await`, which evaluates to
/// `()` without reading the resume.
pub(crate) fn await_yields(
    body: &mut syn::Block,
    points: &[YieldPoint],
    rt: &syn::Path,
    co: &syn::Ident,
    resumed: Option<&syn::Ident>,
) {
    AwaitYields {
        points,
        rt,
        co,
        resumed,
    }
    .visit_block_mut(body);
}

/// Replaces each marker by the awaited yield of its operand.
struct AwaitYields<'a> {
    points: &'a [YieldPoint],
    rt: &'a syn::Path,
    co: &'a syn::Ident,
    resumed: Option<&'a syn::Ident>,
}

impl VisitMut for AwaitYields<'_> {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        if let Some(index) = marker::index_of(expr)
            && let Some(point) = self.points.get(index)
        {
            let (rt, co, resumed) = (self.rt, self.co, self.resumed);
            let mut operand = point.operand.clone();
            self.visit_expr_mut(&mut operand);
            let glue = crate::spans::glue(point.span);
            // A block of its own: the yield future borrows `co` mutably
            // until the end of its statement, so two yields in one
            // expression (`f(r#yield!(a), r#yield!(b))`) take turns.
            *expr = match resumed {
                Some(resumed) => reparse_spanned!(glue=> {
                    let __gen_resumed = #rt::__private::Co::yield_(&mut #co, #operand).await;
                    __gen_resumed.#resumed()
                }),
                None => reparse_spanned!(glue=> {
                    #rt::__private::Co::yield_unit(&mut #co, #operand).await
                }),
            };
            return;
        }
        visit_mut::visit_expr_mut(self, expr);
    }
}
