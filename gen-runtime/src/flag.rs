//! Drop flags for values a generator may or may not have moved.
//!
//! A plain function that moves `a` on one branch (`if give { sink.push(a); }`)
//! drops it at the end of its scope only on the other branch; rustc keeps a
//! hidden flag for that. A generator suspended after such a branch must keep
//! `a` across the yield on one path and hold nothing on the other, in one
//! state layout, so the expansion declares `a` as a `DropFlag<T>`: the value
//! or nothing, dropped with the state when it is still there.
//!
//! The expansion only reads the value on paths where the plain function
//! could (rustc checked that when it accepted the plain function's moves),
//! so the `None` branches below are never taken.

use core::ops::{Deref, DerefMut};

/// A value that may have been moved out (see the module docs).
#[doc(hidden)]
#[derive(Clone, Debug)]
pub struct DropFlag<T>(Option<T>);

impl<T> DropFlag<T> {
    #[inline(always)]
    pub fn new(value: T) -> Self {
        DropFlag(Some(value))
    }

    /// Nothing yet: `let x;` given a value on some paths only.
    #[inline(always)]
    pub fn empty() -> Self {
        DropFlag(None)
    }

    /// Moves the value out (the plain function's move).
    #[inline(always)]
    pub fn take(flag: &mut Self) -> T {
        match flag.0.take() {
            Some(value) => value,
            None => moved(),
        }
    }

    /// Gives it a value again (`a = …` after a move), dropping the old one
    /// if it is still there, as an assignment does.
    #[inline(always)]
    pub fn set(flag: &mut Self, value: T) {
        flag.0 = Some(value);
    }
}

impl<T> Deref for DropFlag<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        match &self.0 {
            Some(value) => value,
            None => moved(),
        }
    }
}

impl<T> DerefMut for DropFlag<T> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut T {
        match &mut self.0 {
            Some(value) => value,
            None => moved(),
        }
    }
}

/// A use of the value by value, as the expansion writes it:
/// `(&mut &mut a).__gen_take()`. Method resolution tries the receiver's
/// types in order, so for a `Copy` value step 1 applies and copies it,
/// leaving it in place as the plain function would (using a `Copy` value
/// never moves it: `k += k` reads `k` on the right after the left was
/// already decided to be a use); any other value is moved out (step 2).
#[doc(hidden)]
pub trait TakeCopy<T> {
    fn __gen_take(&mut self) -> T;
}

impl<T: Copy> TakeCopy<T> for &mut DropFlag<T> {
    #[inline(always)]
    fn __gen_take(&mut self) -> T {
        ***self
    }
}

/// Step 2 of [`TakeCopy`]: any value, moved out.
#[doc(hidden)]
pub trait TakeMove<T> {
    fn __gen_take(&mut self) -> T;
}

impl<T> TakeMove<T> for DropFlag<T> {
    #[inline(always)]
    fn __gen_take(&mut self) -> T {
        DropFlag::take(self)
    }
}

#[cold]
#[inline(never)]
fn moved() -> ! {
    panic!("gen_runtime: a moved value was used (a bug in the generator macro's drop flags)")
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::DropFlag;
    use std::rc::Rc;

    #[test]
    fn drops_the_value_only_when_it_is_still_there() {
        let counter = Rc::new(());
        let mut kept = DropFlag::new(Rc::clone(&counter));
        let mut moved = DropFlag::new(Rc::clone(&counter));
        assert_eq!(Rc::strong_count(&counter), 3);
        let out = DropFlag::take(&mut moved);
        drop(moved);
        assert_eq!(Rc::strong_count(&counter), 3, "the moved value lives on");
        drop(out);
        assert_eq!(Rc::strong_count(&counter), 2);
        DropFlag::set(&mut kept, Rc::clone(&counter));
        assert_eq!(Rc::strong_count(&counter), 2, "the old value was dropped");
        assert_eq!(Rc::strong_count(&kept), 2);
        drop(kept);
        assert_eq!(Rc::strong_count(&counter), 1);
    }

    // The reference depth is what picks the step, as in the expansion; clippy
    // sees a needless borrow where the dispatch needs exactly these two.
    #[test]
    #[allow(clippy::needless_borrow)]
    fn a_use_copies_a_copy_value_and_moves_any_other() {
        use super::{TakeCopy as _, TakeMove as _};
        let mut copy = DropFlag::new(7u32);
        let first: u32 = (&mut &mut copy).__gen_take();
        let second: u32 = (&mut &mut copy).__gen_take();
        assert_eq!((first, second, *copy), (7, 7, 7));
        let counter = Rc::new(());
        let mut moved = DropFlag::new(Rc::clone(&counter));
        let out: Rc<()> = (&mut &mut moved).__gen_take();
        assert_eq!(Rc::strong_count(&counter), 2);
        drop(moved);
        assert_eq!(Rc::strong_count(&counter), 2, "the moved value lives on");
        drop(out);
        assert_eq!(Rc::strong_count(&counter), 1);
        let taken = std::panic::catch_unwind(move || {
            let mut gone = DropFlag::new(std::string::String::from("x"));
            let _: std::string::String = (&mut &mut gone).__gen_take();
            let _: std::string::String = (&mut &mut gone).__gen_take();
        });
        assert!(
            taken.is_err(),
            "a second move of a non-`Copy` value is a bug the flag reports"
        );
    }
}
