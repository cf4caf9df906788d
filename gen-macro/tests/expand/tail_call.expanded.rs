fn countdown(
    n: u32,
) -> ::gen_runtime::__private::Fresh<
    impl ::gen_runtime::__private::RawGenerator<
        Yield = u32,
        Send = (),
        Throw = ::gen_runtime::__private::NoThrow,
        Return = (),
    >,
> {
    #[allow(non_camel_case_types, dead_code, clippy::large_enum_variant)]
    enum __GenState<__A0, __T0, __TR> {
        __Start { param_0: __A0 },
        __Yield0 { n_0: __T0 },
        __Yield1 {},
        __Returned(__TR),
        __Done,
        __Closed,
    }
    impl<__A0, __T0, __TR> ::gen_runtime::__private::GenState
    for __GenState<__A0, __T0, __TR> {
        type Return = __TR;
        const NAME: &'static str = "countdown";
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
    ::gen_runtime::__private::fresh_frames(
        __GenState::__Start { param_0: n },
        #[cfg_attr(not(debug_assertions), inline(always))]
        #[cfg_attr(debug_assertions, inline)]
        move |
            __gen_state,
            __gen_arg: ::gen_runtime::__private::Resume<
                (),
                ::gen_runtime::__private::NoThrow,
                (),
            >,
        | -> ::gen_runtime::__private::Step<u32, (), _> {
            match __gen_state {
                __GenState::__Start { .. } => {
                    let __GenState::__Start { param_0: __gen_param_0 } = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    let _ = __gen_arg;
                    #[allow(unused_mut, unused_variables)]
                    let n = __gen_param_0;
                    {
                        {
                            let __gen_yielded: u32 = n;
                            *__gen_state = __GenState::__Yield0 { n_0: n };
                            return ::gen_runtime::__private::Step::Yielded(
                                __gen_yielded,
                            );
                        }
                    }
                    #[allow(unreachable_code)]
                    ::gen_runtime::__private::resumed_finished()
                }
                __GenState::__Yield0 { .. } => {
                    let __GenState::__Yield0 { n_0: __gen_slot_0 } = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    #[allow(unused_braces)]
                    let __gen_return = {
                        #[allow(unused_mut, unused_variables)]
                        let n = __gen_slot_0;
                        {
                            if n > 0 {
                                {
                                    let __gen_yielded = {
                                        let __gen_call_1_arg_0: u32 = n - 1;
                                        __GenState::__Start {
                                            param_0: __gen_call_1_arg_0,
                                        }
                                    };
                                    return ::gen_runtime::__private::Step::TailCall(
                                        __gen_yielded,
                                    );
                                }
                            }
                        }
                    };
                    #[allow(unreachable_code)]
                    return ::gen_runtime::__private::Step::Complete(__gen_return);
                }
                __GenState::__Yield1 { .. } => {
                    let __GenState::__Yield1 {} = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    #[allow(unused_braces)]
                    let __gen_return = {
                        {
                            {
                                __gen_arg.into_returned();
                            }
                        }
                    };
                    #[allow(unreachable_code)]
                    return ::gen_runtime::__private::Step::Complete(__gen_return);
                }
                _ => ::gen_runtime::__private::resumed_finished(),
            }
        },
    )
}
