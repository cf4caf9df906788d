fn names<'_1, 'a>(
    &'a self,
    prefix: &'_1 str,
) -> ::gen_runtime::__private::Fresh<
    impl ::gen_runtime::__private::RawGenerator<
        Yield = &'a str,
        Send = (),
        Throw = ::gen_runtime::__private::NoThrow,
        Return = (),
    > + ::gen_runtime::__private::Captures<(&'_1 (), &'a ())>,
> {
    #[allow(non_camel_case_types, dead_code, clippy::large_enum_variant)]
    enum __GenState<__A0, __A1, __T1, __T2, __T4, __TR> {
        __Start { param_1: __A1, param_0: __A0 },
        __Yield0 { name_4: __T4, gen_iter_0_2: __T2, prefix_1: __T1 },
        __Returned(__TR),
        __Done,
        __Closed,
    }
    impl<__A0, __A1, __T1, __T2, __T4, __TR> ::gen_runtime::__private::GenState
    for __GenState<__A0, __A1, __T1, __T2, __T4, __TR> {
        type Return = __TR;
        const NAME: &'static str = "names";
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
            param_0: self,
            param_1: prefix,
        },
        #[cfg_attr(not(debug_assertions), inline(always))]
        #[cfg_attr(debug_assertions, inline)]
        move |
            __gen_state,
            __gen_arg: ::gen_runtime::__private::Resume<
                (),
                ::gen_runtime::__private::NoThrow,
            >,
        | -> ::gen_runtime::__private::GeneratorState<&'a str, ()> {
            use ::gen_runtime::__private::{
                KeepNothingCopy as _, KeepNothingMut as _, KeepValue as _,
            };
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
                    let __self = __gen_param_0;
                    #[allow(unused_mut, unused_variables)]
                    let prefix = __gen_param_1;
                    #[allow(unused_braces)]
                    let __gen_return = {
                        {
                            #[allow(unused_mut)]
                            let mut __gen_iter_0 = ::gen_runtime::__private::core::iter::IntoIterator::into_iter(
                                &__self.names,
                            );
                            loop {
                                let name = match ::gen_runtime::__private::core::iter::Iterator::next(
                                    &mut __gen_iter_0,
                                ) {
                                    ::gen_runtime::__private::core::option::Option::Some(
                                        __gen_next,
                                    ) => __gen_next,
                                    ::gen_runtime::__private::core::option::Option::None => {
                                        break;
                                    }
                                };
                                if name.starts_with(prefix) {
                                    {
                                        let __gen_yielded: &'a str = name.as_str();
                                        let __gen_kept_4 = (&&&::gen_runtime::__private::Keep::new(
                                            name,
                                        ))
                                            .__gen_kept();
                                        *__gen_state = __GenState::__Yield0 {
                                            prefix_1: prefix,
                                            gen_iter_0_2: __gen_iter_0,
                                            name_4: __gen_kept_4,
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
                        prefix_1: __gen_slot_1,
                        gen_iter_0_2: __gen_slot_2,
                        name_4: __gen_slot_4,
                    } = ::gen_runtime::__private::core::mem::replace(
                        __gen_state,
                        __GenState::__Done,
                    ) else { ::gen_runtime::__private::resumed_finished() };
                    #[allow(unused_braces)]
                    let __gen_return = {
                        #[allow(unused_mut, unused_variables)]
                        let prefix = __gen_slot_1;
                        {
                            {
                                #[allow(unused_mut, unused_variables)]
                                #[allow(unused_mut)]
                                let mut __gen_iter_0 = __gen_slot_2;
                                {
                                    {
                                        #[allow(unused_mut, unused_variables)]
                                        let name = __gen_slot_4;
                                        {}
                                    }
                                    loop {
                                        let name = match ::gen_runtime::__private::core::iter::Iterator::next(
                                            &mut __gen_iter_0,
                                        ) {
                                            ::gen_runtime::__private::core::option::Option::Some(
                                                __gen_next,
                                            ) => __gen_next,
                                            ::gen_runtime::__private::core::option::Option::None => {
                                                break;
                                            }
                                        };
                                        if name.starts_with(prefix) {
                                            {
                                                let __gen_yielded: &'a str = name.as_str();
                                                let __gen_kept_4 = (&&&::gen_runtime::__private::Keep::new(
                                                    name,
                                                ))
                                                    .__gen_kept();
                                                *__gen_state = __GenState::__Yield0 {
                                                    prefix_1: prefix,
                                                    gen_iter_0_2: __gen_iter_0,
                                                    name_4: __gen_kept_4,
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
