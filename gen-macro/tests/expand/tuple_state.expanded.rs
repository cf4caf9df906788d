fn tuple_state(
    rounds: usize,
    __gen_arg_0: (u64, u64),
) -> ::gen_runtime::__private::Fresh<
    impl ::gen_runtime::__private::RawGenerator<
        Yield = u64,
        Send = (),
        Throw = ::gen_runtime::__private::NoThrow,
        Return = (),
    >,
> {
    #[allow(non_camel_case_types, dead_code, clippy::large_enum_variant)]
    enum __GenState<__A0, __A1, __T1, __T2, __T3, __T4, __T5, __T6, __T7, __T8, __TR> {
        __Start { param_1: __A1, param_0: __A0 },
        __Yield0 {
            gen_iter_0_8: __T8,
            c_7: __T7,
            b_6: __T6,
            names_5: __T5,
            a_4: __T4,
            buf_3: __T3,
            step_2: __T2,
            x_1: __T1,
        },
        __Returned(__TR),
        __Done,
        __Closed,
    }
    impl<
        __A0,
        __A1,
        __T1,
        __T2,
        __T3,
        __T4,
        __T5,
        __T6,
        __T7,
        __T8,
        __TR,
    > ::gen_runtime::__private::GenState
    for __GenState<__A0, __A1, __T1, __T2, __T3, __T4, __T5, __T6, __T7, __T8, __TR> {
        type Return = __TR;
        const NAME: &'static str = "tuple_state";
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
            param_1: __gen_arg_0,
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
                        let __GenState::__Start {
                            param_0: __gen_param_0,
                            param_1: __gen_param_1,
                        } = ::gen_runtime::__private::core::mem::replace(
                            __gen_state,
                            __GenState::__Done,
                        ) else { ::gen_runtime::__private::resumed_finished() };
                        let _ = __gen_arg;
                        #[allow(unused_mut, unused_variables)]
                        let rounds = __gen_param_0;
                        #[allow(unused_mut, unused_variables)]
                        let (mut x, step) = __gen_param_1;
                        {
                            #[allow(unused_mut)]
                            let (mut buf, mut a, mut names) = (
                                [0u8; 64],
                                1u64,
                                Vec::new(),
                            );
                            #[allow(unused_mut)]
                            let (mut b, mut c) = (2u64, 3u64);
                            {
                                #[allow(unused_mut)]
                                let mut __gen_iter_0 = ::gen_runtime::__private::core::iter::IntoIterator::into_iter(
                                    0..rounds,
                                );
                                {
                                    *__gen_state = __GenState::__Yield0 {
                                        x_1: x,
                                        step_2: step,
                                        buf_3: buf,
                                        a_4: a,
                                        names_5: names,
                                        b_6: b,
                                        c_7: c,
                                        gen_iter_0_8: __gen_iter_0,
                                    };
                                    break '__gen_enter;
                                }
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
                    x_1: __gen_ref_1,
                    step_2: __gen_ref_2,
                    buf_3: __gen_ref_3,
                    a_4: __gen_ref_4,
                    names_5: __gen_ref_5,
                    b_6: __gen_ref_6,
                    c_7: __gen_ref_7,
                    gen_iter_0_8: __gen_ref_8,
                } => {
                    #[allow(unused_braces)]
                    let __gen_return = {
                        #[allow(unused_mut, unused_variables)]
                        let mut x;
                        #[allow(unused_mut, unused_variables)]
                        let step;
                        {
                            #[allow(unused_mut, unused_variables)]
                            #[allow(unused_mut)]
                            let mut buf;
                            #[allow(unused_mut, unused_variables)]
                            #[allow(unused_mut)]
                            let mut a;
                            #[allow(unused_mut, unused_variables)]
                            #[allow(unused_mut)]
                            let mut names;
                            #[allow(unused_mut, unused_variables)]
                            #[allow(unused_mut)]
                            let mut b;
                            #[allow(unused_mut, unused_variables)]
                            #[allow(unused_mut)]
                            let mut c;
                            {
                                #[allow(unused_mut, unused_variables)]
                                #[allow(unused_mut)]
                                let mut __gen_iter_0;
                                {
                                    let __gen_loop_value = {
                                        {}
                                        loop {
                                            let round = match ::gen_runtime::__private::core::iter::Iterator::next(
                                                &mut (*__gen_ref_8),
                                            ) {
                                                ::gen_runtime::__private::core::option::Option::Some(
                                                    __gen_next,
                                                ) => __gen_next,
                                                ::gen_runtime::__private::core::option::Option::None => {
                                                    break;
                                                }
                                            };
                                            (*__gen_ref_3)[round % 64] = (*__gen_ref_3)[(round * 7)
                                                    % 64]
                                                .wrapping_add(round as u8);
                                            (*__gen_ref_4) = (*__gen_ref_4)
                                                .wrapping_mul(31)
                                                .wrapping_add(u64::from((*__gen_ref_3)[round % 64]));
                                            (*__gen_ref_6) = (*__gen_ref_7)
                                                .wrapping_add((*__gen_ref_4))
                                                .wrapping_add((*__gen_ref_6));
                                            (*__gen_ref_7) = (*__gen_ref_6)
                                                .wrapping_add((*__gen_ref_4));
                                            (*__gen_ref_1) = (*__gen_ref_1)
                                                .wrapping_add((*__gen_ref_2));
                                            (*__gen_ref_5).push(round);
                                            {
                                                let __gen_yielded: u64 = (*__gen_ref_4) ^ (*__gen_ref_6)
                                                    ^ (*__gen_ref_7) ^ (*__gen_ref_1);
                                                return ::gen_runtime::__private::GeneratorState::Yielded(
                                                    __gen_yielded,
                                                );
                                            }
                                        }
                                    };
                                    #[allow(unreachable_code, unused_assignments)]
                                    {
                                        let __GenState::__Yield0 {
                                            x_1: __gen_slot_1,
                                            step_2: __gen_slot_2,
                                            buf_3: __gen_slot_3,
                                            a_4: __gen_slot_4,
                                            names_5: __gen_slot_5,
                                            b_6: __gen_slot_6,
                                            c_7: __gen_slot_7,
                                            gen_iter_0_8: __gen_slot_8,
                                        } = ::gen_runtime::__private::core::mem::replace(
                                            __gen_state,
                                            __GenState::__Done,
                                        ) else { ::gen_runtime::__private::resumed_finished() };
                                        x = __gen_slot_1;
                                        step = __gen_slot_2;
                                        buf = __gen_slot_3;
                                        a = __gen_slot_4;
                                        names = __gen_slot_5;
                                        b = __gen_slot_6;
                                        c = __gen_slot_7;
                                        __gen_iter_0 = __gen_slot_8;
                                    }
                                    __gen_loop_value
                                }
                            }
                            drop(names);
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
