fn lengths(
    line: String,
) -> ::gen_runtime::__private::Fresh<
    impl ::gen_runtime::__private::RawGenerator<
        Yield = usize,
        Send = (),
        Throw = ::gen_runtime::__private::NoThrow,
        Return = (),
    >,
> {
    #[allow(non_camel_case_types, dead_code, clippy::large_enum_variant)]
    enum __GenState<__A0, __T0, __T1, __T2, __TR> {
        __Start { param_0: __A0 },
        __Yield0 { line_shadow_1_1: __T1, line_0: __T0 },
        __Yield1 { line_shadow_2_2: __T2, line_shadow_1_1: __T1, line_0: __T0 },
        __Returned(__TR),
        __Done,
        __Closed,
    }
    impl<__A0, __T0, __T1, __T2, __TR> ::gen_runtime::__private::GenState
    for __GenState<__A0, __T0, __T1, __T2, __TR> {
        type Return = __TR;
        const NAME: &'static str = "lengths";
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
            param_0: line,
        },
        #[cfg_attr(not(debug_assertions), inline(always))]
        #[cfg_attr(debug_assertions, inline)]
        move |
            __gen_state,
            __gen_arg: ::gen_runtime::__private::Resume<
                (),
                ::gen_runtime::__private::NoThrow,
            >,
        | -> ::gen_runtime::__private::GeneratorState<usize, ()> {
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
                    let line = __gen_param_0;
                    {
                        let line = line.trim().to_string();
                        {
                            let __gen_yielded: usize = line.len();
                            let __gen_kept_0 = (&&&::gen_runtime::__private::Keep::new(
                                line,
                            ))
                                .__gen_kept();
                            *__gen_state = __GenState::__Yield0 {
                                line_0: __gen_kept_0,
                                line_shadow_1_1: line,
                            };
                            return ::gen_runtime::__private::GeneratorState::Yielded(
                                __gen_yielded,
                            );
                        }
                    }
                    #[allow(unreachable_code)]
                    ::gen_runtime::__private::resumed_finished()
                }
                __GenState::__Yield0 { .. } => {
                    let __GenState::__Yield0 {
                        line_0: __gen_slot_0,
                        line_shadow_1_1: __gen_slot_1,
                    } = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    {
                        #[allow(unused_mut, unused_variables)]
                        let line = __gen_slot_0;
                        {
                            #[allow(unused_mut, unused_variables)]
                            let line = __gen_slot_1;
                            let line_shadow_2 = line.to_uppercase();
                            {
                                let __gen_yielded: usize = line_shadow_2.len();
                                let __gen_kept_0 = (&&&::gen_runtime::__private::Keep::new(
                                    line,
                                ))
                                    .__gen_kept();
                                let __gen_kept_2 = (&&&::gen_runtime::__private::Keep::new(
                                    line_shadow_2,
                                ))
                                    .__gen_kept();
                                *__gen_state = __GenState::__Yield1 {
                                    line_0: __gen_kept_0,
                                    line_shadow_1_1: line,
                                    line_shadow_2_2: __gen_kept_2,
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
                __GenState::__Yield1 { .. } => {
                    let __GenState::__Yield1 {
                        line_0: __gen_slot_0,
                        line_shadow_1_1: __gen_slot_1,
                        line_shadow_2_2: __gen_slot_2,
                    } = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    #[allow(unused_braces)]
                    let __gen_return = {
                        #[allow(unused_mut, unused_variables)]
                        let line = __gen_slot_0;
                        {
                            #[allow(unused_mut, unused_variables)]
                            let line = __gen_slot_1;
                            #[allow(unused_mut, unused_variables)]
                            let line_shadow_2 = __gen_slot_2;
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
