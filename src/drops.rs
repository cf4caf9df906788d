//! A drop recorder: values that log their name when dropped, so tests can
//! compare the order in which a generator drops what it saved with the
//! order a plain function drops its locals.

use std::cell::RefCell;
use std::rc::Rc;

/// A shared log of dropped names, in drop order.
#[derive(Debug, Default)]
pub struct DropLog(Rc<RefCell<Vec<String>>>);

thread_local! {
    /// While a forked generator is being cloned: the log its copies of
    /// `DropLog`s and `Guard`s record into (see [`DropLog::forking_into`]).
    static FORK_INTO: RefCell<Option<Rc<RefCell<Vec<String>>>>> = const { RefCell::new(None) };
}

/// Another handle to the same log, or, inside [`DropLog::forking_into`],
/// to the fork's log.
impl Clone for DropLog {
    fn clone(&self) -> Self {
        FORK_INTO.with(|into| match &*into.borrow() {
            Some(fork) => DropLog(Rc::clone(fork)),
            None => DropLog(Rc::clone(&self.0)),
        })
    }
}

impl DropLog {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// A value that records `name` in this log when dropped.
    #[must_use]
    pub fn guard(&self, name: impl Into<String>) -> Guard {
        Guard {
            name: name.into(),
            log: self.clone(),
        }
    }

    /// The names dropped so far.
    #[must_use]
    pub fn dropped(&self) -> Vec<String> {
        self.0.borrow().clone()
    }

    /// Runs `f`, which clones a generator (`#[generator(clone)]`), so that
    /// every `DropLog` and `Guard` cloned meanwhile records into `into`: the
    /// copy then logs apart from the original, and each log can be
    /// compared with a plain function's.
    pub fn forking_into<R>(into: &DropLog, f: impl FnOnce() -> R) -> R {
        struct Reset;
        impl Drop for Reset {
            fn drop(&mut self) {
                FORK_INTO.with(|fork| fork.borrow_mut().take());
            }
        }
        FORK_INTO.with(|fork| *fork.borrow_mut() = Some(Rc::clone(&into.0)));
        let _reset = Reset;
        f()
    }

    /// Empties the log.
    pub fn clear(&self) {
        self.0.borrow_mut().clear();
    }
}

/// Records its name in a [`DropLog`] when dropped.
#[derive(Debug)]
pub struct Guard {
    name: String,
    log: DropLog,
}

impl Guard {
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// The same name, recording into the same log (or, while forking, the
/// fork's log).
impl Clone for Guard {
    fn clone(&self) -> Self {
        Guard {
            name: self.name.clone(),
            log: self.log.clone(),
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.log.0.borrow_mut().push(self.name.clone());
    }
}
