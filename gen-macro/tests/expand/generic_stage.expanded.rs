fn stage(
    input: impl Iterator<Item = u64>,
    k: u64,
) -> ::gen_runtime::__private::Fresh<
    impl ::gen_runtime::__private::RawGenerator<
        Yield = u64,
        Send = (),
        Throw = ::gen_runtime::__private::NoThrow,
        Return = (),
    >,
> {
    #[allow(non_camel_case_types, dead_code, clippy::large_enum_variant)]
    enum __GenState<__A0, __A1, __T1, __TR>
    where
        __A0: ::gen_runtime::__private::core::iter::IntoIterator,
    {
        __Start { param_1: __A1, param_0: __A0 },
        __Yield0 {
            gen_iter_0_2: <__A0 as ::gen_runtime::__private::core::iter::IntoIterator>::IntoIter,
            k_1: __T1,
        },
        __Returned(__TR),
        __Done,
        __Closed,
    }
    impl<__A0, __A1, __T1, __TR> ::gen_runtime::__private::GenState
    for __GenState<__A0, __A1, __T1, __TR>
    where
        __A0: ::gen_runtime::__private::core::iter::IntoIterator,
    {
        type Return = __TR;
        const NAME: &'static str = "stage";
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
    fn __gen_name() -> &'static str {
        "stage"
    }
    let mut __gen_owned = ::gen_runtime::__private::owned_state::<
        _,
        (),
    >(__GenState::__Start {
        param_0: input,
        param_1: k,
    });
    ::gen_runtime::__private::fresh_owned(
        __gen_name,
        #[inline(always)]
        move |__gen_request| ::gen_runtime::__private::serve(
            &mut __gen_owned,
            __gen_request,
            #[cfg_attr(not(debug_assertions), inline(always))]
            #[cfg_attr(debug_assertions, inline)]
            move |
                __gen_state,
                __gen_arg: ::gen_runtime::__private::Resume<
                    (),
                    ::gen_runtime::__private::NoThrow,
                >,
                __gen_at: &mut &'static ::gen_runtime::__private::Location,
            | -> ::gen_runtime::__private::Step<
                u64,
                (),
                ::gen_runtime::__private::Handoff,
            > {
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
                            let input = __gen_param_0;
                            #[allow(unused_mut, unused_variables)]
                            let k = __gen_param_1;
                            {
                                {
                                    #[allow(unused_mut)]
                                    let mut __gen_iter_0 = ::gen_runtime::__private::core::iter::IntoIterator::into_iter(
                                        input,
                                    );
                                    {
                                        *__gen_state = __GenState::__Yield0 {
                                            k_1: k,
                                            gen_iter_0_2: __gen_iter_0,
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
                        k_1: __gen_ref_1,
                        gen_iter_0_2: __gen_ref_2,
                    } => {
                        #[allow(unused_braces)]
                        let __gen_return = {
                            #[allow(unused_mut, unused_variables)]
                            let k;
                            {
                                {
                                    #[allow(unused_mut, unused_variables)]
                                    #[allow(unused_mut)]
                                    let mut __gen_iter_0;
                                    {
                                        let __gen_loop_value = {
                                            { {} }
                                            loop {
                                                let x = match ::gen_runtime::__private::core::iter::Iterator::next(
                                                    &mut (*__gen_ref_2),
                                                ) {
                                                    ::gen_runtime::__private::core::option::Option::Some(
                                                        __gen_next,
                                                    ) => __gen_next,
                                                    ::gen_runtime::__private::core::option::Option::None => {
                                                        break;
                                                    }
                                                };
                                                if x % (*__gen_ref_1) != 0 {
                                                    {
                                                        let __gen_yielded: u64 = x * (*__gen_ref_1);
                                                        *__gen_at = {
                                                            const AT: ::gen_runtime::__private::Location = ::gen_runtime::__private::Location::new(
                                                                "<source>",
                                                                0u32,
                                                                0u32,
                                                            );
                                                            &AT
                                                        };
                                                        return ::gen_runtime::__private::Step::Yielded(
                                                            __gen_yielded,
                                                        );
                                                    }
                                                }
                                            }
                                        };
                                        #[allow(unreachable_code, unused_assignments)]
                                        {
                                            let __GenState::__Yield0 {
                                                k_1: __gen_slot_1,
                                                gen_iter_0_2: __gen_slot_2,
                                            } = ::gen_runtime::__private::core::mem::replace(
                                                __gen_state,
                                                __GenState::__Done,
                                            ) else { ::gen_runtime::__private::resumed_finished() };
                                            k = __gen_slot_1;
                                            __gen_iter_0 = __gen_slot_2;
                                        }
                                        __gen_loop_value
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
            |__gen_state| match __gen_state {
                _ => ::gen_runtime::__private::core::option::Option::None,
            },
        ),
    )
}
