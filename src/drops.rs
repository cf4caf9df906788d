//! A drop recorder: values that log their name when dropped, so tests can
//! compare the order in which a generator drops what it saved with the
//! order a plain function drops its locals.

use std::cell::RefCell;
use std::rc::Rc;

/// A shared log of dropped names, in drop order.
#[derive(Clone, Debug, Default)]
pub struct DropLog(Rc<RefCell<Vec<String>>>);

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

impl Drop for Guard {
    fn drop(&mut self) {
        self.log.0.borrow_mut().push(self.name.clone());
    }
}
