fn parse_all(
    items: Vec<&'static str>,
) -> ::gen_runtime::__private::Fresh<
    impl ::gen_runtime::__private::RawGenerator<
        Yield = u32,
        Send = (),
        Throw = ::gen_runtime::__private::NoThrow,
        Return = Result<u32, std::num::ParseIntError>,
    >,
> {
    #[allow(non_camel_case_types, dead_code, clippy::large_enum_variant)]
    enum __GenState<__A0, __T1, __T4, __TR>
    where
        __A0: ::gen_runtime::__private::core::iter::IntoIterator,
    {
        __Start { param_0: __A0 },
        __Yield0 {
            item_4: __T4,
            gen_iter_0_2: <__A0 as ::gen_runtime::__private::core::iter::IntoIterator>::IntoIter,
            sum_1: __T1,
        },
        __Returned(__TR),
        __Done,
        __Closed,
    }
    impl<__A0, __T1, __T4, __TR> ::gen_runtime::__private::GenState
    for __GenState<__A0, __T1, __T4, __TR>
    where
        __A0: ::gen_runtime::__private::core::iter::IntoIterator,
    {
        type Return = __TR;
        const NAME: &'static str = "parse_all";
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
        | -> ::gen_runtime::__private::GeneratorState<
            u32,
            Result<u32, std::num::ParseIntError>,
        > {
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
                        let mut sum = 0;
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
                                let Some(rest) = item.strip_prefix('+') else {
                                    continue;
                                };
                                let n: u32 = match ::gen_runtime::__private::Try::branch(
                                    rest.parse(),
                                ) {
                                    ::gen_runtime::__private::core::ops::ControlFlow::Continue(
                                        __gen_value,
                                    ) => __gen_value,
                                    ::gen_runtime::__private::core::ops::ControlFlow::Break(
                                        __gen_residual,
                                    ) => {
                                        return ::gen_runtime::__private::GeneratorState::Complete(
                                            ::gen_runtime::__private::FromResidual::from_residual(
                                                __gen_residual,
                                            ),
                                        );
                                    }
                                };
                                sum += n;
                                {
                                    let __gen_yielded: u32 = n;
                                    let __gen_kept_4 = (&&&::gen_runtime::__private::Keep::new(
                                        item,
                                    ))
                                        .__gen_kept();
                                    *__gen_state = __GenState::__Yield0 {
                                        sum_1: sum,
                                        gen_iter_0_2: __gen_iter_0,
                                        item_4: __gen_kept_4,
                                    };
                                    return ::gen_runtime::__private::GeneratorState::Yielded(
                                        __gen_yielded,
                                    );
                                }
                            }
                        }
                        Ok(sum)
                    };
                    #[allow(unreachable_code)]
                    return ::gen_runtime::__private::GeneratorState::Complete(
                        __gen_return,
                    );
                }
                __GenState::__Yield0 { .. } => {
                    let __GenState::__Yield0 {
                        sum_1: __gen_slot_1,
                        gen_iter_0_2: __gen_slot_2,
                        item_4: __gen_slot_4,
                    } = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    #[allow(unused_braces)]
                    let __gen_return = {
                        {
                            #[allow(unused_mut, unused_variables)]
                            #[allow(unused_mut)]
                            let mut sum = __gen_slot_1;
                            {
                                #[allow(unused_mut, unused_variables)]
                                #[allow(unused_mut)]
                                let mut __gen_iter_0 = __gen_slot_2;
                                {
                                    {
                                        #[allow(unused_mut, unused_variables)]
                                        let item = __gen_slot_4;
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
                                        let Some(rest) = item.strip_prefix('+') else {
                                            continue;
                                        };
                                        let n: u32 = match ::gen_runtime::__private::Try::branch(
                                            rest.parse(),
                                        ) {
                                            ::gen_runtime::__private::core::ops::ControlFlow::Continue(
                                                __gen_value,
                                            ) => __gen_value,
                                            ::gen_runtime::__private::core::ops::ControlFlow::Break(
                                                __gen_residual,
                                            ) => {
                                                return ::gen_runtime::__private::GeneratorState::Complete(
                                                    ::gen_runtime::__private::FromResidual::from_residual(
                                                        __gen_residual,
                                                    ),
                                                );
                                            }
                                        };
                                        sum += n;
                                        {
                                            let __gen_yielded: u32 = n;
                                            let __gen_kept_4 = (&&&::gen_runtime::__private::Keep::new(
                                                item,
                                            ))
                                                .__gen_kept();
                                            *__gen_state = __GenState::__Yield0 {
                                                sum_1: sum,
                                                gen_iter_0_2: __gen_iter_0,
                                                item_4: __gen_kept_4,
                                            };
                                            return ::gen_runtime::__private::GeneratorState::Yielded(
                                                __gen_yielded,
                                            );
                                        }
                                    }
                                }
                            }
                            Ok(sum)
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
