//! Shared helpers for the run-pass tests.
//!
//! `dual!` writes one body twice: once as a `#[generator]` function and once
//! as a plain function (the reference oracle) whose `r#yield!(v)` pushes `v`
//! to a `Vec` and evaluates to the next value of a list of sent values. The
//! tests then drive the generator and run the reference with the same sent
//! values and compare the yielded sequences and the return values.
#![allow(dead_code, unused_macros)]

/// `dual! { #[attrs] fn gen / reference (args) yield Y, send S => R { body } }`
/// (attributes optional, put on both functions; `=> R` optional, it becomes
/// the functions' `-> R`). `S` is a `ty` fragment, so it reaches the
/// attribute the way a `send = $s` written in any `macro_rules!` does
/// (wrapped in an invisible group); `()` there is still the unit send type.
macro_rules! dual {
    ($($t:tt)*) => { dual_impl! { ($) $($t)* } };
}

macro_rules! dual_impl {
    (
        ($d:tt)
        $(#[$attr:meta])*
        fn $name:ident / $refname:ident ( $($arg:ident : $argty:ty),* $(,)? )
        yield $y:ty, send $s:ty $(=> $r:ty)?
        { $($body:tt)* }
    ) => {
        #[::gen_runtime::generator(yield = $y, send = $s)]
        // The bodies exercise constructs (`let v = loop { .. break x; }; v`,
        // loops that never loop) rather than idiomatic style: no clippy here.
        #[allow(clippy::all)]
        $(#[$attr])*
        fn $name($($arg: $argty),*) $(-> $r)? { $($body)* }

        #[allow(clippy::all)]
        $(#[$attr])*
        fn $refname(
            $($arg: $argty,)*
            __out: &mut ::std::vec::Vec<$y>,
            __sends: &mut dyn ::std::iter::Iterator<Item = $s>,
        ) $(-> $r)? {
            #[allow(unused_macros)]
            macro_rules! r#yield {
                ($d e:expr) => {{
                    let __v = $d e;
                    __out.push(__v);
                    __sends.next().expect("reference: ran out of values to send")
                }};
            }
            $($body)*
        }
    };
}

/// Iterates a `send = ()` generator to the end, runs the reference, and
/// asserts equal yielded sequences and return values. Evaluates to the
/// yielded values.
macro_rules! check_iter {
    ($gen:ident / $reference:ident ( $($a:expr),* $(,)? )) => {{
        let mut generator = $gen($($a),*);
        let got: ::std::vec::Vec<_> = generator.by_ref().collect();
        assert!(generator.is_finished(), "generator not finished after iteration");
        let ret = generator.take_return().expect("no return value after iteration");
        assert!(generator.take_return().is_none(), "take_return handed out twice");
        let mut out = ::std::vec::Vec::new();
        let want_ret = $reference($($a,)* &mut out, &mut ::std::iter::repeat(()));
        assert_eq!(got, out, "yielded sequences differ");
        assert_eq!(ret, want_ret, "return values differ");
        (got, ret)
    }};
}

/// Drives a generator with `start` and then `send`s the given values one per
/// yield, runs the reference with the same values, and compares.
macro_rules! check_send {
    ($gen:ident / $reference:ident ( $($a:expr),* $(,)? ), $sends:expr) => {{
        let sends: ::std::vec::Vec<_> = $sends.into_iter().collect();
        let (got, ret) = drive!($gen($($a),*), sends.clone());
        let mut out = ::std::vec::Vec::new();
        let mut it = sends.clone().into_iter();
        let want_ret = $reference($($a,)* &mut out, &mut it);
        assert_eq!(it.next(), None, "reference did not use every sent value");
        assert_eq!(got, out, "yielded sequences differ");
        assert_eq!(ret, want_ret, "return values differ");
        (got, ret)
    }};
}

/// `start`s a fresh generator and sends values (one per yield) until it
/// completes; evaluates to `(yielded, return value)`. Panics when it runs
/// out of values or when values are left over.
macro_rules! drive {
    ($fresh:expr, $sends:expr) => {{
        let mut sends = ::std::iter::IntoIterator::into_iter($sends);
        let mut out = ::std::vec::Vec::new();
        let (mut st, mut started) = $fresh.start();
        let ret = loop {
            match st {
                ::gen_runtime::GeneratorState::Yielded(y) => {
                    out.push(y);
                    assert!(!started.is_finished());
                    st = started.send(sends.next().expect("generator: ran out of values to send"));
                }
                ::gen_runtime::GeneratorState::Complete(r) => {
                    assert!(started.is_finished(), "completed but not finished");
                    break r;
                }
            }
        };
        assert!(
            sends.next().is_none(),
            "generator did not use every sent value"
        );
        (out, ret)
    }};
}
