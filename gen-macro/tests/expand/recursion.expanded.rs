fn walk<'_1>(
    tree: &'_1 Tree,
) -> ::gen_runtime::__private::Fresh<
    impl ::gen_runtime::__private::RawGenerator<
        Yield = u32,
        Send = (),
        Throw = ::gen_runtime::__private::NoThrow,
        Return = (),
    > + ::gen_runtime::__private::Captures<(&'_1 (),)>,
> {
    #[allow(non_camel_case_types, dead_code, clippy::large_enum_variant)]
    enum __GenState<__A0, __T2, __T3, __TR> {
        __Start { param_0: __A0 },
        __Yield0 { right_3: __T3, value_2: __T2 },
        __Yield1 { right_3: __T3, value_2: __T2 },
        __Yield2 { value_2: __T2 },
        __Returned(__TR),
        __Done,
        __Closed,
    }
    impl<__A0, __T2, __T3, __TR> ::gen_runtime::__private::GenState
    for __GenState<__A0, __T2, __T3, __TR> {
        type Return = __TR;
        const NAME: &'static str = "walk";
        const DONE: Self = Self::__Done;
        const CLOSED: Self = Self::__Closed;
        const POINTS: &'static [::gen_runtime::__private::Location] = &[
            ::gen_runtime::__private::Location::new("<source>", 0u32, 0u32),
            ::gen_runtime::__private::Location::new("<source>", 0u32, 0u32),
            ::gen_runtime::__private::Location::new("<source>", 0u32, 0u32),
        ];
        #[inline(always)]
        fn variant(&self) -> usize {
            match self {
                Self::__Start { .. } => 0,
                Self::__Yield0 { .. } => 1usize,
                Self::__Yield1 { .. } => 2usize,
                Self::__Yield2 { .. } => 3usize,
                Self::__Returned(_) => 4usize,
                Self::__Done => 5usize,
                Self::__Closed => 6usize,
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
        __GenState::__Start {
            param_0: tree,
        },
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
                    let tree = __gen_param_0;
                    #[allow(unused_braces)]
                    let __gen_return = {
                        if let Tree::Node(left, value, right) = tree {
                            {
                                let __gen_yielded = {
                                    let __gen_call_0_arg_0: &'_1 Tree = left;
                                    __GenState::__Start {
                                        param_0: __gen_call_0_arg_0,
                                    }
                                };
                                *__gen_state = __GenState::__Yield0 {
                                    value_2: value,
                                    right_3: right,
                                };
                                return ::gen_runtime::__private::Step::Call(__gen_yielded);
                            }
                        }
                    };
                    #[allow(unreachable_code)]
                    return ::gen_runtime::__private::Step::Complete(__gen_return);
                }
                __GenState::__Yield0 { .. } => {
                    let __GenState::__Yield0 {
                        value_2: __gen_slot_2,
                        right_3: __gen_slot_3,
                    } = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    {
                        {
                            {
                                #[allow(unused_mut, unused_variables)]
                                let value = __gen_slot_2;
                                #[allow(unused_mut, unused_variables)]
                                let right = __gen_slot_3;
                                {
                                    __gen_arg.into_returned();
                                    {
                                        let __gen_yielded: u32 = *value;
                                        *__gen_state = __GenState::__Yield1 {
                                            value_2: value,
                                            right_3: right,
                                        };
                                        return ::gen_runtime::__private::Step::Yielded(
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
                __GenState::__Yield1 { .. } => {
                    let __GenState::__Yield1 {
                        value_2: __gen_slot_2,
                        right_3: __gen_slot_3,
                    } = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    {
                        {
                            {
                                #[allow(unused_mut, unused_variables)]
                                let value = __gen_slot_2;
                                #[allow(unused_mut, unused_variables)]
                                let right = __gen_slot_3;
                                {
                                    {
                                        let __gen_yielded = {
                                            let __gen_call_2_arg_0: &'_1 Tree = right;
                                            __GenState::__Start {
                                                param_0: __gen_call_2_arg_0,
                                            }
                                        };
                                        *__gen_state = __GenState::__Yield2 {
                                            value_2: value,
                                        };
                                        return ::gen_runtime::__private::Step::Call(__gen_yielded);
                                    }
                                }
                            }
                        }
                    }
                    #[allow(unreachable_code)]
                    ::gen_runtime::__private::resumed_finished()
                }
                __GenState::__Yield2 { .. } => {
                    let __GenState::__Yield2 { value_2: __gen_slot_2 } = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    #[allow(unused_braces)]
                    let __gen_return = {
                        {
                            {
                                #[allow(unused_mut, unused_variables)]
                                let value = __gen_slot_2;
                                {
                                    __gen_arg.into_returned();
                                }
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
