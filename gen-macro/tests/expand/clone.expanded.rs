fn fib(
    limit: u64,
) -> ::gen_runtime::__private::Fresh<
    impl ::gen_runtime::__private::RawGenerator<
        Yield = u64,
        Send = (),
        Throw = ::gen_runtime::__private::NoThrow,
        Return = (),
    > + ::gen_runtime::__private::core::clone::Clone,
> {
    #[allow(non_camel_case_types, dead_code, clippy::large_enum_variant)]
    enum __GenState<__A0, __T0, __T1, __T2, __TR> {
        __Start { param_0: __A0 },
        __Yield0 { b_2: __T2, a_1: __T1, limit_0: __T0 },
        __Returned(__TR),
        __Done,
        __Closed,
    }
    impl<
        __A0: ::gen_runtime::__private::HeldByCloneGenerator,
        __T0: ::gen_runtime::__private::HeldByCloneGenerator,
        __T1: ::gen_runtime::__private::HeldByCloneGenerator,
        __T2: ::gen_runtime::__private::HeldByCloneGenerator,
        __TR: ::gen_runtime::__private::HeldByCloneGenerator,
    > ::gen_runtime::__private::core::clone::Clone
    for __GenState<__A0, __T0, __T1, __T2, __TR> {
        fn clone(&self) -> Self {
            match self {
                Self::__Start { param_0 } => {
                    Self::__Start {
                        param_0: ::gen_runtime::__private::core::clone::Clone::clone(
                            param_0,
                        ),
                    }
                }
                Self::__Yield0 { limit_0, a_1, b_2 } => {
                    Self::__Yield0 {
                        limit_0: ::gen_runtime::__private::core::clone::Clone::clone(
                            limit_0,
                        ),
                        a_1: ::gen_runtime::__private::core::clone::Clone::clone(a_1),
                        b_2: ::gen_runtime::__private::core::clone::Clone::clone(b_2),
                    }
                }
                Self::__Returned(value) => {
                    Self::__Returned(
                        ::gen_runtime::__private::core::clone::Clone::clone(value),
                    )
                }
                Self::__Done => Self::__Done,
                Self::__Closed => Self::__Closed,
            }
        }
    }
    impl<__A0, __T0, __T1, __T2, __TR> ::gen_runtime::__private::GenState
    for __GenState<__A0, __T0, __T1, __T2, __TR> {
        type Return = __TR;
        const NAME: &'static str = "fib";
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
    ::gen_runtime::__private::held_by_clone_generator(&limit);
    ::gen_runtime::__private::fresh(
        __GenState::__Start {
            param_0: limit,
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
            match __gen_state {
                __GenState::__Start { .. } => {
                    let __GenState::__Start { param_0: __gen_param_0 } = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    let _ = __gen_arg;
                    #[allow(unused_mut, unused_variables)]
                    let limit = __gen_param_0;
                    #[allow(unused_braces)]
                    let __gen_return = {
                        #[allow(unused_mut)]
                        let (mut a, mut b) = (0u64, 1u64);
                        loop {
                            if a < limit {
                                {
                                    let __gen_yielded: u64 = a;
                                    ::gen_runtime::__private::held_by_clone_generator(&limit);
                                    ::gen_runtime::__private::held_by_clone_generator(&a);
                                    ::gen_runtime::__private::held_by_clone_generator(&b);
                                    *__gen_state = __GenState::__Yield0 {
                                        limit_0: limit,
                                        a_1: a,
                                        b_2: b,
                                    };
                                    return ::gen_runtime::__private::GeneratorState::Yielded(
                                        __gen_yielded,
                                    );
                                }
                            } else {
                                break;
                            }
                        }
                    };
                    #[allow(unreachable_code)]
                    return ::gen_runtime::__private::GeneratorState::Complete(
                        __gen_return,
                    );
                }
                __GenState::__Yield0 {
                    limit_0: __gen_ref_0,
                    a_1: __gen_ref_1,
                    b_2: __gen_ref_2,
                } => {
                    #[allow(unused_braces)]
                    let __gen_return = {
                        #[allow(unused_mut, unused_variables)]
                        let limit;
                        {
                            #[allow(unused_mut, unused_variables)]
                            #[allow(unused_mut)]
                            let mut a;
                            #[allow(unused_mut, unused_variables)]
                            #[allow(unused_mut)]
                            let mut b;
                            {
                                let __gen_loop_value = {
                                    {
                                        {
                                            ((*__gen_ref_1), (*__gen_ref_2)) = (
                                                (*__gen_ref_2),
                                                (*__gen_ref_1) + (*__gen_ref_2),
                                            );
                                        }
                                    }
                                    loop {
                                        if (*__gen_ref_1) < (*__gen_ref_0) {
                                            {
                                                let __gen_yielded: u64 = (*__gen_ref_1);
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
                                        limit_0: __gen_slot_0,
                                        a_1: __gen_slot_1,
                                        b_2: __gen_slot_2,
                                    } = ::gen_runtime::__private::core::mem::replace(
                                        __gen_state,
                                        __GenState::__Done,
                                    ) else { ::gen_runtime::__private::resumed_finished() };
                                    limit = __gen_slot_0;
                                    a = __gen_slot_1;
                                    b = __gen_slot_2;
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
