fn resilient(
    jobs: Vec<&'static str>,
) -> ::gen_runtime::__private::Fresh<
    impl ::gen_runtime::__private::RawGenerator<
        Yield = String,
        Send = (),
        Throw = Retry,
        Return = (),
    >,
> {
    #[allow(non_camel_case_types, dead_code, clippy::large_enum_variant)]
    enum __GenState<__A0, __T3, __TR>
    where
        __A0: ::gen_runtime::__private::core::iter::IntoIterator,
    {
        __Start { param_0: __A0 },
        __Yield0 {
            job_3: __T3,
            gen_iter_0_1: <__A0 as ::gen_runtime::__private::core::iter::IntoIterator>::IntoIter,
        },
        __Returned(__TR),
        __Done,
        __Closed,
    }
    impl<__A0, __T3, __TR> ::gen_runtime::__private::GenState
    for __GenState<__A0, __T3, __TR>
    where
        __A0: ::gen_runtime::__private::core::iter::IntoIterator,
    {
        type Return = __TR;
        const NAME: &'static str = "resilient";
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
            param_0: jobs,
        },
        #[cfg_attr(not(debug_assertions), inline(always))]
        #[cfg_attr(debug_assertions, inline)]
        #[allow(clippy::diverging_sub_expression)]
        move |
            __gen_state,
            __gen_arg: ::gen_runtime::__private::Resume<(), Retry>,
        | -> ::gen_runtime::__private::GeneratorState<String, ()> {
            match __gen_state {
                __GenState::__Start { .. } => {
                    let __GenState::__Start { param_0: __gen_param_0 } = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    let _ = __gen_arg;
                    #[allow(unused_mut, unused_variables)]
                    let jobs = __gen_param_0;
                    #[allow(unused_braces)]
                    let __gen_return = {
                        {
                            #[allow(unused_mut)]
                            let mut __gen_iter_0 = ::gen_runtime::__private::core::iter::IntoIterator::into_iter(
                                jobs,
                            );
                            loop {
                                let job = match ::gen_runtime::__private::core::iter::Iterator::next(
                                    &mut __gen_iter_0,
                                ) {
                                    ::gen_runtime::__private::core::option::Option::Some(
                                        __gen_next,
                                    ) => __gen_next,
                                    ::gen_runtime::__private::core::option::Option::None => {
                                        break;
                                    }
                                };
                                loop {
                                    {
                                        let __gen_yielded: String = format!("running {job}");
                                        *__gen_state = __GenState::__Yield0 {
                                            gen_iter_0_1: __gen_iter_0,
                                            job_3: job,
                                        };
                                        return ::gen_runtime::__private::GeneratorState::Yielded(
                                            __gen_yielded,
                                        );
                                    }
                                }
                            }
                        }
                    };
                    #[allow(unreachable_code)]
                    return ::gen_runtime::__private::GeneratorState::Complete(
                        __gen_return,
                    );
                }
                __GenState::__Yield0 { .. } => {
                    let __GenState::__Yield0 {
                        gen_iter_0_1: __gen_slot_1,
                        job_3: __gen_slot_3,
                    } = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    #[allow(unused_braces)]
                    let __gen_return = {
                        {
                            {
                                #[allow(unused_mut, unused_variables)]
                                #[allow(unused_mut)]
                                let mut __gen_iter_0 = __gen_slot_1;
                                {
                                    {
                                        #[allow(unused_mut, unused_variables)]
                                        let job = __gen_slot_3;
                                        '__gen_exit_0: {
                                            {
                                                match __gen_arg.into_result() {
                                                    Ok(()) => break '__gen_exit_0,
                                                    Err(Retry(why)) => println!("caught {why}, retrying {job}"),
                                                }
                                            }
                                            loop {
                                                {
                                                    let __gen_yielded: String = format!("running {job}");
                                                    *__gen_state = __GenState::__Yield0 {
                                                        gen_iter_0_1: __gen_iter_0,
                                                        job_3: job,
                                                    };
                                                    return ::gen_runtime::__private::GeneratorState::Yielded(
                                                        __gen_yielded,
                                                    );
                                                }
                                            }
                                        }
                                    }
                                    loop {
                                        let job = match ::gen_runtime::__private::core::iter::Iterator::next(
                                            &mut __gen_iter_0,
                                        ) {
                                            ::gen_runtime::__private::core::option::Option::Some(
                                                __gen_next,
                                            ) => __gen_next,
                                            ::gen_runtime::__private::core::option::Option::None => {
                                                break;
                                            }
                                        };
                                        loop {
                                            {
                                                let __gen_yielded: String = format!("running {job}");
                                                *__gen_state = __GenState::__Yield0 {
                                                    gen_iter_0_1: __gen_iter_0,
                                                    job_3: job,
                                                };
                                                return ::gen_runtime::__private::GeneratorState::Yielded(
                                                    __gen_yielded,
                                                );
                                            }
                                        }
                                    }
                                }
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
