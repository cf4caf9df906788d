fn pairs(
    n: u32,
) -> ::gen_runtime::__private::Fresh<
    impl ::gen_runtime::__private::RawGenerator<
        Yield = (u32, u32),
        Send = (),
        Throw = ::gen_runtime::__private::NoThrow,
        Return = u32,
    >,
> {
    #[allow(non_camel_case_types, dead_code, clippy::large_enum_variant)]
    enum __GenState<__A0, __T1, __T3, __T4, __TR> {
        __Start { param_0: __A0 },
        __Yield0 { gen_iter_1_4: __T4, i_3: __T3, gen_iter_0_1: __T1 },
        __Returned(__TR),
        __Done,
        __Closed,
    }
    impl<__A0, __T1, __T3, __T4, __TR> ::gen_runtime::__private::GenState
    for __GenState<__A0, __T1, __T3, __T4, __TR> {
        type Return = __TR;
        const NAME: &'static str = "pairs";
        const DONE: Self = Self::__Done;
        const CLOSED: Self = Self::__Closed;
        const POINTS: &'static [::gen_runtime::__private::Location] = &[
            ::gen_runtime::__private::Location::new("<source>", 0u32, 0u32),
        ];
        #[inline(always)]
        fn variant(&self) -> usize {
            match self {
                Self::__Start { .. } => 0,
                Self::__Yield0 { .. } => 1usize,
                Self::__Returned(_) => 2usize,
                Self::__Done => 3usize,
                Self::__Closed => 4usize,
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
        __GenState::__Start { param_0: n },
        #[cfg_attr(not(debug_assertions), inline(always))]
        #[cfg_attr(debug_assertions, inline)]
        #[allow(clippy::diverging_sub_expression)]
        move |
            __gen_state,
            __gen_arg: ::gen_runtime::__private::Resume<
                (),
                ::gen_runtime::__private::NoThrow,
            >,
        | -> ::gen_runtime::__private::GeneratorState<(u32, u32), u32> {
            '__gen_enter: {
                match __gen_state {
                    __GenState::__Start { .. } => {
                        let __GenState::__Start { param_0: __gen_param_0 } = ::gen_runtime::__private::core::mem::replace(
                            __gen_state,
                            __GenState::__Done,
                        ) else { ::gen_runtime::__private::resumed_finished() };
                        let _ = __gen_arg;
                        #[allow(unused_mut, unused_variables)]
                        let n = __gen_param_0;
                        #[allow(unused_braces)]
                        let __gen_return = {
                            let found = 'outer: {
                                {
                                    #[allow(unused_mut)]
                                    let mut __gen_iter_0 = ::gen_runtime::__private::core::iter::IntoIterator::into_iter(
                                        0..n,
                                    );
                                    loop {
                                        let i = match ::gen_runtime::__private::core::iter::Iterator::next(
                                            &mut __gen_iter_0,
                                        ) {
                                            ::gen_runtime::__private::core::option::Option::Some(
                                                __gen_next,
                                            ) => __gen_next,
                                            ::gen_runtime::__private::core::option::Option::None => {
                                                break;
                                            }
                                        };
                                        {
                                            #[allow(unused_mut)]
                                            let mut __gen_iter_1 = ::gen_runtime::__private::core::iter::IntoIterator::into_iter(
                                                0..i,
                                            );
                                            {
                                                *__gen_state = __GenState::__Yield0 {
                                                    gen_iter_0_1: __gen_iter_0,
                                                    i_3: i,
                                                    gen_iter_1_4: __gen_iter_1,
                                                };
                                                break '__gen_enter;
                                            }
                                        }
                                    }
                                }
                                break 'outer 0;
                            };
                            found
                        };
                        #[allow(unreachable_code)]
                        return ::gen_runtime::__private::GeneratorState::Complete(
                            __gen_return,
                        );
                    }
                    _ => {}
                }
            }
            match __gen_state {
                __GenState::__Yield0 { .. } => {
                    let __GenState::__Yield0 {
                        gen_iter_0_1: __gen_slot_1,
                        i_3: __gen_slot_3,
                        gen_iter_1_4: __gen_slot_4,
                    } = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    #[allow(unused_braces)]
                    let __gen_return = {
                        {
                            let found = '__gen_exit_0: {
                                {
                                    {
                                        #[allow(unused_mut, unused_variables)]
                                        #[allow(unused_mut)]
                                        let mut __gen_iter_0 = __gen_slot_1;
                                        {
                                            {
                                                #[allow(unused_mut, unused_variables)]
                                                let i = __gen_slot_3;
                                                {
                                                    #[allow(unused_mut, unused_variables)]
                                                    #[allow(unused_mut)]
                                                    let mut __gen_iter_1 = __gen_slot_4;
                                                    {
                                                        {}
                                                        loop {
                                                            let j = match ::gen_runtime::__private::core::iter::Iterator::next(
                                                                &mut __gen_iter_1,
                                                            ) {
                                                                ::gen_runtime::__private::core::option::Option::Some(
                                                                    __gen_next,
                                                                ) => __gen_next,
                                                                ::gen_runtime::__private::core::option::Option::None => {
                                                                    break;
                                                                }
                                                            };
                                                            if i * j > 6 {
                                                                break '__gen_exit_0 i;
                                                            }
                                                            {
                                                                let __gen_yielded: (u32, u32) = (i, j);
                                                                *__gen_state = __GenState::__Yield0 {
                                                                    gen_iter_0_1: __gen_iter_0,
                                                                    i_3: i,
                                                                    gen_iter_1_4: __gen_iter_1,
                                                                };
                                                                return ::gen_runtime::__private::GeneratorState::Yielded(
                                                                    __gen_yielded,
                                                                );
                                                            }
                                                        }
                                                    }
                                                }
                                            }
                                            loop {
                                                let i = match ::gen_runtime::__private::core::iter::Iterator::next(
                                                    &mut __gen_iter_0,
                                                ) {
                                                    ::gen_runtime::__private::core::option::Option::Some(
                                                        __gen_next,
                                                    ) => __gen_next,
                                                    ::gen_runtime::__private::core::option::Option::None => {
                                                        break;
                                                    }
                                                };
                                                {
                                                    #[allow(unused_mut)]
                                                    let mut __gen_iter_1 = ::gen_runtime::__private::core::iter::IntoIterator::into_iter(
                                                        0..i,
                                                    );
                                                    loop {
                                                        let j = match ::gen_runtime::__private::core::iter::Iterator::next(
                                                            &mut __gen_iter_1,
                                                        ) {
                                                            ::gen_runtime::__private::core::option::Option::Some(
                                                                __gen_next,
                                                            ) => __gen_next,
                                                            ::gen_runtime::__private::core::option::Option::None => {
                                                                break;
                                                            }
                                                        };
                                                        if i * j > 6 {
                                                            break '__gen_exit_0 i;
                                                        }
                                                        {
                                                            let __gen_yielded: (u32, u32) = (i, j);
                                                            *__gen_state = __GenState::__Yield0 {
                                                                gen_iter_0_1: __gen_iter_0,
                                                                i_3: i,
                                                                gen_iter_1_4: __gen_iter_1,
                                                            };
                                                            return ::gen_runtime::__private::GeneratorState::Yielded(
                                                                __gen_yielded,
                                                            );
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                    break '__gen_exit_0 0;
                                }
                            };
                            found
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
