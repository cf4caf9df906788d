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
}
