fn collect_sent(
    base: u32,
) -> ::gen_runtime::__private::Fresh<
    impl ::gen_runtime::__private::RawGenerator<
        Yield = u32,
        Send = u32,
        Throw = ::gen_runtime::__private::NoThrow,
        Return = Vec<u32>,
    >,
> {
    #[allow(non_camel_case_types, dead_code, clippy::large_enum_variant)]
    enum __GenState<__A0, __T0, __T1, __T3, __TR> {
        __Start { param_0: __A0 },
        __Yield0 { v_1: __T1, base_0: __T0 },
        __Yield1 { gen_hoist_2_3: __T3, v_1: __T1 },
        __Returned(__TR),
        __Done,
        __Closed,
    }
    impl<__A0, __T0, __T1, __T3, __TR> ::gen_runtime::__private::GenState
    for __GenState<__A0, __T0, __T1, __T3, __TR> {
        type Return = __TR;
        const NAME: &'static str = "collect_sent";
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
            param_0: base,
        },
        #[cfg_attr(not(debug_assertions), inline(always))]
        #[cfg_attr(debug_assertions, inline)]
        move |
            __gen_state,
            __gen_arg: ::gen_runtime::__private::Resume<
                u32,
                ::gen_runtime::__private::NoThrow,
            >,
        | -> ::gen_runtime::__private::GeneratorState<u32, Vec<u32>> {
            match __gen_state {
                __GenState::__Start { .. } => {
                    let __GenState::__Start { param_0: __gen_param_0 } = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    let _ = __gen_arg;
                    #[allow(unused_mut, unused_variables)]
                    let base = __gen_param_0;
                    {
                        #[allow(unused_mut)]
                        let mut v = Vec::new();
                        {
                            {
                                let __gen_yielded: u32 = base;
                                *__gen_state = __GenState::__Yield0 {
                                    base_0: base,
                                    v_1: v,
                                };
                                return ::gen_runtime::__private::GeneratorState::Yielded(
                                    __gen_yielded,
                                );
                            }
                        };
                    }
                    #[allow(unreachable_code)]
                    ::gen_runtime::__private::resumed_finished()
                }
                __GenState::__Yield0 { .. } => {
                    let __GenState::__Yield0 {
                        base_0: __gen_slot_0,
                        v_1: __gen_slot_1,
                    } = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    {
                        #[allow(unused_mut, unused_variables)]
                        let base = __gen_slot_0;
                        {
                            #[allow(unused_mut, unused_variables)]
                            #[allow(unused_mut)]
                            let mut v = __gen_slot_1;
                            {
                                let __gen_hoist_0 = __gen_arg.into_sent();
                                v.push(__gen_hoist_0)
                            };
                            {
                                {
                                    let __gen_hoist_2 = base;
                                    {
                                        let __gen_yielded: u32 = base + 1;
                                        *__gen_state = __GenState::__Yield1 {
                                            v_1: v,
                                            gen_hoist_2_3: __gen_hoist_2,
                                        };
                                        return ::gen_runtime::__private::GeneratorState::Yielded(
                                            __gen_yielded,
                                        );
                                    }
                                };
                            };
                        }
                    }
                    #[allow(unreachable_code)]
                    ::gen_runtime::__private::resumed_finished()
                }
                __GenState::__Yield1 { .. } => {
                    let __GenState::__Yield1 {
                        v_1: __gen_slot_1,
                        gen_hoist_2_3: __gen_slot_3,
                    } = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    #[allow(unused_braces)]
                    let __gen_return = {
                        {
                            #[allow(unused_mut, unused_variables)]
                            #[allow(unused_mut)]
                            let mut v = __gen_slot_1;
                            {
                                let __gen_hoist_1 = {
                                    #[allow(unused_mut, unused_variables)]
                                    let __gen_hoist_2 = __gen_slot_3;
                                    let __gen_hoist_3 = __gen_arg.into_sent();
                                    __gen_hoist_2 + __gen_hoist_3
                                };
                                v.push(__gen_hoist_1)
                            };
                            v
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
