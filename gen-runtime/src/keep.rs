//! What a suspension point saves of a value nothing reads again.
//!
//! A plain function keeps every binding until its scope ends, and drops it
//! there. A generator suspended inside that scope must keep the value in
//! its state for the same reason — unless the value has nothing to drop.
//! For `if let Some(rest) = line.strip_prefix('#') { r#yield!(rest.len()); }`
//! the plain function holds `rest`, a dead borrow of `line`, across the
//! yield, and rustc accepts it because `&str` has no destructor. Saved in
//! the state beside `line`, the borrow would tie the state to itself.
//!
//! The macro cannot see types, so for a binding no code reads after any
//! point that saves it, the expansion saves `(&&&Keep::new(x)).__gen_kept()`,
//! which method resolution turns, by the autoref steps it tries in order,
//! into:
//!
//! 1. `Nothing` when the value is `Copy` (so it has no destructor);
//! 2. `Nothing` when it is a `&mut` (no destructor either);
//! 3. the value itself otherwise, to be dropped with its scope as before.
//!
//! The resumed code binds the saved `Nothing` under the user's name, where
//! nothing reads it.

use core::cell::Cell;

/// The value, handed to the method call that decides what to keep.
#[doc(hidden)]
pub struct Keep<T>(Cell<Option<T>>);

impl<T> core::fmt::Debug for Keep<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Keep")
    }
}

impl<T> Keep<T> {
    #[inline(always)]
    pub fn new(value: T) -> Self {
        Keep(Cell::new(Some(value)))
    }
}

/// Saved in place of a value without a destructor.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct Nothing;

/// Step 1: the receiver `&&&Keep<T>` itself, for `T: Copy`.
#[doc(hidden)]
pub trait KeepNothingCopy {
    fn __gen_kept(&self) -> Nothing;
}

impl<T: Copy> KeepNothingCopy for &&Keep<T> {
    #[inline(always)]
    fn __gen_kept(&self) -> Nothing {
        Nothing
    }
}

/// Step 2: one dereference down, for `&mut U`.
#[doc(hidden)]
pub trait KeepNothingMut {
    fn __gen_kept(&self) -> Nothing;
}

impl<U: ?Sized> KeepNothingMut for &Keep<&mut U> {
    #[inline(always)]
    fn __gen_kept(&self) -> Nothing {
        Nothing
    }
}

/// Step 3: two dereferences down, any `T`: the value.
#[doc(hidden)]
pub trait KeepValue<T> {
    fn __gen_kept(&self) -> T;
}

impl<T> KeepValue<T> for Keep<T> {
    #[inline(always)]
    fn __gen_kept(&self) -> T {
        match self.0.take() {
            Some(value) => value,
            // The expansion calls `kept` once, on a `Keep` it just made.
            None => unreachable!("a value kept for its drop was taken twice"),
        }
    }
}

#[cfg(test)]
mod tests {
    extern crate alloc;
    use super::*;
    use alloc::string::String;

    // The reference depth is what picks the step, as in the expansion.
    #[allow(clippy::needless_borrow)]
    #[test]
    fn copy_values_and_mutable_borrows_keep_nothing_others_keep_the_value() {
        let line = String::from("#tag");
        let rest: Option<&str> = line.strip_prefix('#');
        let kept: Nothing = (&&&Keep::new(rest)).__gen_kept();
        let _ = kept;
        let mut owned = String::from("x");
        let borrowed: &mut String = &mut owned;
        let kept: Nothing = (&&&Keep::new(borrowed)).__gen_kept();
        let _ = kept;
        let kept: String = (&&&Keep::new(String::from("kept"))).__gen_kept();
        assert_eq!(kept, "kept");
        let kept: Nothing = (&&&Keep::new(7u8)).__gen_kept();
        let _ = kept;
    }
}
