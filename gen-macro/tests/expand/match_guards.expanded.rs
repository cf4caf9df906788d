fn classify(
    items: Vec<Option<i32>>,
) -> ::gen_runtime::__private::Fresh<
    impl ::gen_runtime::__private::RawGenerator<
        Yield = String,
        Send = (),
        Throw = ::gen_runtime::__private::NoThrow,
        Return = usize,
    >,
> {
    #[allow(non_camel_case_types, dead_code, clippy::large_enum_variant)]
    enum __GenState<__A0, __T1, __T5, __T6, __TR>
    where
        __A0: ::gen_runtime::__private::core::iter::IntoIterator,
    {
        __Start { param_0: __A0 },
        __Yield0 {
            n_5: __T5,
            gen_iter_0_2: <__A0 as ::gen_runtime::__private::core::iter::IntoIterator>::IntoIter,
            seen_1: __T1,
        },
        __Yield1 {
            n_6: __T6,
            gen_iter_0_2: <__A0 as ::gen_runtime::__private::core::iter::IntoIterator>::IntoIter,
            seen_1: __T1,
        },
        __Returned(__TR),
        __Done,
        __Closed,
    }
    impl<__A0, __T1, __T5, __T6, __TR> ::gen_runtime::__private::GenState
    for __GenState<__A0, __T1, __T5, __T6, __TR>
    where
        __A0: ::gen_runtime::__private::core::iter::IntoIterator,
    {
        type Return = __TR;
        const NAME: &'static str = "classify";
        const DONE: Self = Self::__Done;
        const CLOSED: Self = Self::__Closed;
        const POINTS: &'static [::gen_runtime::__private::Location] = &[
            ::gen_runtime::__private::Location::new("<source>", 0u32, 0u32),
            ::gen_runtime::__private::Location::new("<source>", 0u32, 0u32),
        ];
        #[inline(always)]
        fn variant(&self) -> usize {
            match self {
                Self::__Start { .. } => 0,
                Self::__Yield0 { .. } => 1usize,
                Self::__Yield1 { .. } => 2usize,
                Self::__Returned(_) => 3usize,
                Self::__Done => 4usize,
                Self::__Closed => 5usize,
            }
        }
        #[inline]
        fn returned(value: __TR) -> Self {
            Self::__Returned(value)
        }
        #[inline]
        fn into_returned(
            self,
        ) -> ::gen_runtime::__private::core::result::Result<__TR, Self> {
            match self {
                Self::__Returned(value) => {
                    ::gen_runtime::__private::core::result::Result::Ok(value)
                }
                other => ::gen_runtime::__private::core::result::Result::Err(other),
            }
        }
    }
    ::gen_runtime::__private::fresh(
        __GenState::__Start {
            param_0: items,
        },
        #[cfg_attr(not(debug_assertions), inline(always))]
        #[cfg_attr(debug_assertions, inline)]
        move |
            __gen_state,
            __gen_arg: ::gen_runtime::__private::Resume<
                (),
                ::gen_runtime::__private::NoThrow,
            >,
        | -> ::gen_runtime::__private::GeneratorState<String, usize> {
            use ::gen_runtime::__private::{
                KeepNothingCopy as _, KeepNothingMut as _, KeepValue as _,
            };
            match __gen_state {
                __GenState::__Start { .. } => {
                    let __GenState::__Start { param_0: __gen_param_0 } = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    let _ = __gen_arg;
                    #[allow(unused_mut, unused_variables)]
                    let items = __gen_param_0;
                    #[allow(unused_braces)]
                    let __gen_return = {
                        #[allow(unused_mut)]
                        let mut seen = 0;
                        {
                            #[allow(unused_mut)]
                            let mut __gen_iter_0 = ::gen_runtime::__private::core::iter::IntoIterator::into_iter(
                                items,
                            );
                            loop {
                                let item = match ::gen_runtime::__private::core::iter::Iterator::next(
                                    &mut __gen_iter_0,
                                ) {
                                    ::gen_runtime::__private::core::option::Option::Some(
                                        __gen_next,
                                    ) => __gen_next,
                                    ::gen_runtime::__private::core::option::Option::None => {
                                        break;
                                    }
                                };
                                match item {
                                    Some(n) if n < 0 => {
                                        let __gen_yielded: String = format!("negative {n}");
                                        let __gen_kept_5 = (&&&::gen_runtime::__private::Keep::new(
                                            n,
                                        ))
                                            .__gen_kept();
                                        *__gen_state = __GenState::__Yield0 {
                                            seen_1: seen,
                                            gen_iter_0_2: __gen_iter_0,
                                            n_5: __gen_kept_5,
                                        };
                                        return ::gen_runtime::__private::GeneratorState::Yielded(
                                            __gen_yielded,
                                        );
                                    }
                                    Some(n) => {
                                        seen += 1;
                                        {
                                            let __gen_yielded: String = format!("value {n}");
                                            let __gen_kept_6 = (&&&::gen_runtime::__private::Keep::new(
                                                n,
                                            ))
                                                .__gen_kept();
                                            *__gen_state = __GenState::__Yield1 {
                                                seen_1: seen,
                                                gen_iter_0_2: __gen_iter_0,
                                                n_6: __gen_kept_6,
                                            };
                                            return ::gen_runtime::__private::GeneratorState::Yielded(
                                                __gen_yielded,
                                            );
                                        }
                                    }
                                    None => continue,
                                }
                            }
                        }
                        seen
                    };
                    #[allow(unreachable_code)]
                    return ::gen_runtime::__private::GeneratorState::Complete(
                        __gen_return,
                    );
                }
                __GenState::__Yield0 { .. } => {
                    let __GenState::__Yield0 {
                        seen_1: __gen_slot_1,
                        gen_iter_0_2: __gen_slot_2,
                        n_5: __gen_slot_5,
                    } = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    #[allow(unused_braces)]
                    let __gen_return = {
                        {
                            #[allow(unused_mut, unused_variables)]
                            #[allow(unused_mut)]
                            let mut seen = __gen_slot_1;
                            {
                                #[allow(unused_mut, unused_variables)]
                                #[allow(unused_mut)]
                                let mut __gen_iter_0 = __gen_slot_2;
                                {
                                    {
                                        {
                                            #[allow(unused_mut, unused_variables)]
                                            let n = __gen_slot_5;
                                        }
                                    }
                                    loop {
                                        let item = match ::gen_runtime::__private::core::iter::Iterator::next(
                                            &mut __gen_iter_0,
                                        ) {
                                            ::gen_runtime::__private::core::option::Option::Some(
                                                __gen_next,
                                            ) => __gen_next,
                                            ::gen_runtime::__private::core::option::Option::None => {
                                                break;
                                            }
                                        };
                                        match item {
                                            Some(n) if n < 0 => {
                                                let __gen_yielded: String = format!("negative {n}");
                                                let __gen_kept_5 = (&&&::gen_runtime::__private::Keep::new(
                                                    n,
                                                ))
                                                    .__gen_kept();
                                                *__gen_state = __GenState::__Yield0 {
                                                    seen_1: seen,
                                                    gen_iter_0_2: __gen_iter_0,
                                                    n_5: __gen_kept_5,
                                                };
                                                return ::gen_runtime::__private::GeneratorState::Yielded(
                                                    __gen_yielded,
                                                );
                                            }
                                            Some(n) => {
                                                seen += 1;
                                                {
                                                    let __gen_yielded: String = format!("value {n}");
                                                    let __gen_kept_6 = (&&&::gen_runtime::__private::Keep::new(
                                                        n,
                                                    ))
                                                        .__gen_kept();
                                                    *__gen_state = __GenState::__Yield1 {
                                                        seen_1: seen,
                                                        gen_iter_0_2: __gen_iter_0,
                                                        n_6: __gen_kept_6,
                                                    };
                                                    return ::gen_runtime::__private::GeneratorState::Yielded(
                                                        __gen_yielded,
                                                    );
                                                }
                                            }
                                            None => continue,
                                        }
                                    }
                                }
                            }
                            seen
                        }
                    };
                    #[allow(unreachable_code)]
                    return ::gen_runtime::__private::GeneratorState::Complete(
                        __gen_return,
                    );
                }
                __GenState::__Yield1 { .. } => {
                    let __GenState::__Yield1 {
                        seen_1: __gen_slot_1,
                        gen_iter_0_2: __gen_slot_2,
                        n_6: __gen_slot_6,
                    } = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    #[allow(unused_braces)]
                    let __gen_return = {
                        {
                            #[allow(unused_mut, unused_variables)]
                            #[allow(unused_mut)]
                            let mut seen = __gen_slot_1;
                            {
                                #[allow(unused_mut, unused_variables)]
                                #[allow(unused_mut)]
                                let mut __gen_iter_0 = __gen_slot_2;
                                {
                                    {
                                        {
                                            #[allow(unused_mut, unused_variables)]
                                            let n = __gen_slot_6;
                                            {}
                                        }
                                    }
                                    loop {
                                        let item = match ::gen_runtime::__private::core::iter::Iterator::next(
                                            &mut __gen_iter_0,
                                        ) {
                                            ::gen_runtime::__private::core::option::Option::Some(
                                                __gen_next,
                                            ) => __gen_next,
                                            ::gen_runtime::__private::core::option::Option::None => {
                                                break;
                                            }
                                        };
                                        match item {
                                            Some(n) if n < 0 => {
                                                let __gen_yielded: String = format!("negative {n}");
                                                let __gen_kept_5 = (&&&::gen_runtime::__private::Keep::new(
                                                    n,
                                                ))
                                                    .__gen_kept();
                                                *__gen_state = __GenState::__Yield0 {
                                                    seen_1: seen,
                                                    gen_iter_0_2: __gen_iter_0,
                                                    n_5: __gen_kept_5,
                                                };
                                                return ::gen_runtime::__private::GeneratorState::Yielded(
                                                    __gen_yielded,
                                                );
                                            }
                                            Some(n) => {
                                                seen += 1;
                                                {
                                                    let __gen_yielded: String = format!("value {n}");
                                                    let __gen_kept_6 = (&&&::gen_runtime::__private::Keep::new(
                                                        n,
                                                    ))
                                                        .__gen_kept();
                                                    *__gen_state = __GenState::__Yield1 {
                                                        seen_1: seen,
                                                        gen_iter_0_2: __gen_iter_0,
                                                        n_6: __gen_kept_6,
                                                    };
                                                    return ::gen_runtime::__private::GeneratorState::Yielded(
                                                        __gen_yielded,
                                                    );
                                                }
                                            }
                                            None => continue,
                                        }
                                    }
                                }
                            }
                            seen
                        }
                    };
                    #[allow(unreachable_code)]
                    return ::gen_runtime::__private::GeneratorState::Complete(
                        __gen_return,
                    );
                }
                _ => ::gen_runtime::__private::resumed_finished(),
            }
        },
    )
}
