fn large_state(
    rounds: usize,
) -> ::gen_runtime::__private::Fresh<
    impl ::gen_runtime::__private::RawGenerator<
        Yield = u64,
        Send = (),
        Throw = ::gen_runtime::__private::NoThrow,
        Return = (),
    >,
> {
    #[allow(non_camel_case_types, dead_code, clippy::large_enum_variant)]
    enum __GenState<__A0, __T0, __T1, __T2, __T3, __TR> {
        __Start { param_0: __A0 },
        __Yield0 { round_3: __T3, a_2: __T2, buf_1: __T1, rounds_0: __T0 },
        __Returned(__TR),
        __Done,
        __Closed,
    }
    impl<__A0, __T0, __T1, __T2, __T3, __TR> ::gen_runtime::__private::GenState
    for __GenState<__A0, __T0, __T1, __T2, __T3, __TR> {
        type Return = __TR;
        const NAME: &'static str = "large_state";
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
            param_0: rounds,
        },
        #[cfg_attr(not(debug_assertions), inline(always))]
        #[cfg_attr(debug_assertions, inline)]
        move |
            __gen_state,
            __gen_arg: ::gen_runtime::__private::Resume<
                (),
                ::gen_runtime::__private::NoThrow,
            >,
        | -> ::gen_runtime::__private::GeneratorState<u64, ()> {
            '__gen_enter: {
                match __gen_state {
                    __GenState::__Start { .. } => {
                        let __GenState::__Start { param_0: __gen_param_0 } = ::gen_runtime::__private::core::mem::replace(
                            __gen_state,
                            __GenState::__Done,
                        ) else { ::gen_runtime::__private::resumed_finished() };
                        let _ = __gen_arg;
                        #[allow(unused_mut, unused_variables)]
                        let rounds = __gen_param_0;
                        {
                            #[allow(unused_mut)]
                            let mut buf = [0u8; 256];
                            #[allow(unused_mut)]
                            let mut a: u64 = 1;
                            #[allow(unused_mut)]
                            let mut round = 0;
                            {
                                *__gen_state = __GenState::__Yield0 {
                                    rounds_0: rounds,
                                    buf_1: buf,
                                    a_2: a,
                                    round_3: round,
                                };
                                break '__gen_enter;
                            }
                        }
                        #[allow(unreachable_code)]
                        ::gen_runtime::__private::resumed_finished()
                    }
                    _ => {}
                }
            }
            match __gen_state {
                __GenState::__Yield0 {
                    rounds_0: __gen_ref_0,
                    buf_1: __gen_ref_1,
                    a_2: __gen_ref_2,
                    round_3: __gen_ref_3,
                } => {
                    #[allow(unused_braces)]
                    let __gen_return = {
                        #[allow(unused_mut, unused_variables)]
                        let rounds;
                        {
                            #[allow(unused_mut, unused_variables)]
                            #[allow(unused_mut)]
                            let mut buf;
                            #[allow(unused_mut, unused_variables)]
                            #[allow(unused_mut)]
                            let mut a;
                            #[allow(unused_mut, unused_variables)]
                            #[allow(unused_mut)]
                            let mut round;
                            {
                                let __gen_loop_value = {
                                    { {} }
                                    loop {
                                        if (*__gen_ref_3) < (*__gen_ref_0) {
                                            (*__gen_ref_1)[(*__gen_ref_3) % 256] = (*__gen_ref_1)[((*__gen_ref_3)
                                                    * 7) % 256]
                                                .wrapping_add((*__gen_ref_3) as u8);
                                            (*__gen_ref_2) = (*__gen_ref_2)
                                                .wrapping_mul(31)
                                                .wrapping_add(
                                                    u64::from((*__gen_ref_1)[(*__gen_ref_3) % 256]),
                                                );
                                            (*__gen_ref_3) += 1;
                                            {
                                                let __gen_yielded: u64 = (*__gen_ref_2);
                                                return ::gen_runtime::__private::GeneratorState::Yielded(
                                                    __gen_yielded,
                                                );
                                            }
                                        } else {
                                            break;
                                        }
                                    }
                                };
                                #[allow(unreachable_code, unused_assignments)]
                                {
                                    let __GenState::__Yield0 {
                                        rounds_0: __gen_slot_0,
                                        buf_1: __gen_slot_1,
                                        a_2: __gen_slot_2,
                                        round_3: __gen_slot_3,
                                    } = ::gen_runtime::__private::core::mem::replace(
                                        __gen_state,
                                        __GenState::__Done,
                                    ) else { ::gen_runtime::__private::resumed_finished() };
                                    rounds = __gen_slot_0;
                                    buf = __gen_slot_1;
                                    a = __gen_slot_2;
                                    round = __gen_slot_3;
                                }
                                __gen_loop_value
                            }
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
