fn accumulator() -> ::gen_runtime::__private::Fresh<
    impl ::gen_runtime::__private::RawGenerator<
        Yield = i64,
        Send = i64,
        Throw = ::gen_runtime::__private::NoThrow,
        Return = i64,
    >,
> {
    #[allow(non_camel_case_types, dead_code, clippy::large_enum_variant)]
    enum __GenState<__T0, __TR> {
        __Start {},
        __Yield0 { total_0: __T0 },
        __Returned(__TR),
        __Done,
        __Closed,
    }
    impl<__T0, __TR> ::gen_runtime::__private::GenState for __GenState<__T0, __TR> {
        type Return = __TR;
        const NAME: &'static str = "accumulator";
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
        __GenState::__Start {},
        #[cfg_attr(not(debug_assertions), inline(always))]
        #[cfg_attr(debug_assertions, inline)]
        move |
            __gen_state,
            __gen_arg: ::gen_runtime::__private::Resume<
                i64,
                ::gen_runtime::__private::NoThrow,
            >,
        | -> ::gen_runtime::__private::GeneratorState<i64, i64> {
            match __gen_state {
                __GenState::__Start { .. } => {
                    let __GenState::__Start {} = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    let _ = __gen_arg;
                    {
                        #[allow(unused_mut)]
                        let mut total = 0;
                        loop {
                            {
                                let __gen_yielded: i64 = total;
                                *__gen_state = __GenState::__Yield0 {
                                    total_0: total,
                                };
                                return ::gen_runtime::__private::GeneratorState::Yielded(
                                    __gen_yielded,
                                );
                            }
                        }
                    }
                    #[allow(unreachable_code)]
                    ::gen_runtime::__private::resumed_finished()
                }
                __GenState::__Yield0 { total_0: __gen_ref_0 } => {
                    {
                        {
                            #[allow(unused_mut, unused_variables)]
                            #[allow(unused_mut)]
                            let mut total;
                            {
                                {
                                    let v = __gen_arg.into_sent();
                                    if v < 0 {
                                        {
                                            let __gen_completion = ::gen_runtime::__private::GeneratorState::Complete(
                                                (*__gen_ref_0),
                                            );
                                            #[allow(unreachable_code, unused_assignments)]
                                            {
                                                let __GenState::__Yield0 { total_0: __gen_slot_0 } = ::gen_runtime::__private::core::mem::replace(
                                                    __gen_state,
                                                    __GenState::__Done,
                                                ) else { ::gen_runtime::__private::resumed_finished() };
                                                total = __gen_slot_0;
                                            }
                                            return __gen_completion;
                                        };
                                    }
                                    (*__gen_ref_0) += v;
                                }
                                loop {
                                    {
                                        let __gen_yielded: i64 = (*__gen_ref_0);
                                        return ::gen_runtime::__private::GeneratorState::Yielded(
                                            __gen_yielded,
                                        );
                                    }
                                }
                            }
                        }
                    }
                    #[allow(unreachable_code)]
                    ::gen_runtime::__private::resumed_finished()
                }
                _ => ::gen_runtime::__private::resumed_finished(),
            }
        },
    )
}
