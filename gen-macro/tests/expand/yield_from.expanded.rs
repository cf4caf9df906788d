fn parent() -> ::gen_runtime::__private::Fresh<
    impl ::gen_runtime::__private::RawGenerator<
        Yield = String,
        Send = (),
        Throw = ::gen_runtime::__private::NoThrow,
        Return = (),
    >,
> {
    #[allow(non_camel_case_types, dead_code, clippy::large_enum_variant)]
    enum __GenState<__T3, __T10, __TR> {
        __Start {},
        __Yield0 { gen_from_delegate_0_3: __T3 },
        __Yield1 { gen_from_delegate_0_3: __T3 },
        __Yield2 { result_10: __T10 },
        __Returned(__TR),
        __Done,
        __Closed,
    }
    impl<__T3, __T10, __TR> ::gen_runtime::__private::GenState
    for __GenState<__T3, __T10, __TR> {
        type Return = __TR;
        const NAME: &'static str = "parent";
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
    fn __gen_name() -> &'static str {
        "parent"
    }
    let mut __gen_owned = ::gen_runtime::__private::owned_state::<
        _,
        (),
    >(__GenState::__Start {});
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
                String,
                (),
                ::gen_runtime::__private::Handoff,
            > {
                use ::gen_runtime::__private::{
                    KeepNothingCopy as _, KeepNothingMut as _, KeepValue as _,
                };
                '__gen_enter: {
                    match __gen_state {
                        __GenState::__Start { .. } => {
                            let __GenState::__Start {} = ::gen_runtime::__private::core::mem::replace(
                                __gen_state,
                                __GenState::__Done,
                            ) else { ::gen_runtime::__private::resumed_finished() };
                            let _ = __gen_arg;
                            {
                                {
                                    let __gen_from_sub_0 = child();
                                    #[allow(unused_mut)]
                                    let mut __gen_from_delegate_0 = {
                                        #[allow(unused_imports)]
                                        use ::gen_runtime::__private::{
                                            ViaFrame as _, ViaGenerator as _, ViaAnyGenerator as _,
                                            ViaIterator as _,
                                        };
                                        let probe = ::gen_runtime::__private::probe::<
                                            String,
                                            (),
                                            ::gen_runtime::__private::NoThrow,
                                            _,
                                        >(&__gen_from_sub_0);
                                        let kind = (&&&&probe).delegate_kind();
                                        kind.into_delegate(__gen_from_sub_0)
                                    };
                                    if ::gen_runtime::__private::Delegate::offers_frame(
                                        &__gen_from_delegate_0,
                                    ) {
                                        {
                                            let __gen_yielded = ::gen_runtime::__private::Handoff;
                                            *__gen_state = __GenState::__Yield1 {
                                                gen_from_delegate_0_3: __gen_from_delegate_0,
                                            };
                                            *__gen_at = {
                                                const AT: ::gen_runtime::__private::Location = ::gen_runtime::__private::Location::new(
                                                    "<source>",
                                                    0u32,
                                                    0u32,
                                                );
                                                &AT
                                            };
                                            return ::gen_runtime::__private::Step::Call(__gen_yielded);
                                        }
                                    }
                                    #[allow(unused_mut)]
                                    let mut __gen_from_next_0 = ::gen_runtime::__private::first_turn(
                                        &__gen_from_delegate_0,
                                    );
                                    {
                                        *__gen_state = __GenState::__Yield0 {
                                            gen_from_delegate_0_3: __gen_from_delegate_0,
                                        };
                                        break '__gen_enter;
                                    }
                                };
                            }
                            #[allow(unreachable_code)]
                            ::gen_runtime::__private::resumed_finished()
                        }
                        __GenState::__Yield1 { .. } => {
                            let __GenState::__Yield1 {
                                gen_from_delegate_0_3: __gen_slot_3,
                            } = ::gen_runtime::__private::core::mem::replace(
                                __gen_state,
                                __GenState::__Done,
                            ) else { ::gen_runtime::__private::resumed_finished() };
                            {
                                {
                                    {
                                        #[allow(unused_mut, unused_variables)]
                                        #[allow(unused_mut)]
                                        let mut __gen_from_delegate_0 = __gen_slot_3;
                                        {
                                            __gen_arg.expect_handed();
                                        }
                                        #[allow(unused_mut)]
                                        let mut __gen_from_next_0 = ::gen_runtime::__private::first_turn(
                                            &__gen_from_delegate_0,
                                        );
                                        {
                                            *__gen_state = __GenState::__Yield0 {
                                                gen_from_delegate_0_3: __gen_from_delegate_0,
                                            };
                                            break '__gen_enter;
                                        }
                                    };
                                }
                            }
                            #[allow(unreachable_code)]
                            ::gen_runtime::__private::resumed_finished()
                        }
                        _ => {}
                    }
                }
                match __gen_state {
                    __GenState::__Yield0 { gen_from_delegate_0_3: __gen_ref_3 } => {
                        {
                            {
                                let result = {
                                    #[allow(unused_mut, unused_variables)]
                                    #[allow(unused_mut)]
                                    let mut __gen_from_delegate_0;
                                    #[allow(unused_mut, unused_variables)]
                                    #[allow(unused_mut)]
                                    let mut __gen_from_next_0;
                                    {
                                        let __gen_loop_value = {
                                            {
                                                __gen_from_next_0 = ::gen_runtime::__private::receive(
                                                    ::gen_runtime::__private::Resume::map_send(
                                                        __gen_arg,
                                                        |__gen_from_sent_0| ::gen_runtime::__private::SendInto::into_send(
                                                            __gen_from_sent_0,
                                                        ),
                                                    ),
                                                    &(*__gen_ref_3),
                                                );
                                            }
                                            loop {
                                                let __gen_from_state_0 = ::gen_runtime::__private::run_with(
                                                    &mut (*__gen_ref_3),
                                                    __gen_from_next_0,
                                                );
                                                let __gen_from_item_0: String = match __gen_from_state_0 {
                                                    ::gen_runtime::__private::GeneratorState::Yielded(item) => {
                                                        item
                                                    }
                                                    ::gen_runtime::__private::GeneratorState::Complete(r) => {
                                                        break r;
                                                    }
                                                };
                                                {
                                                    let __gen_yielded: String = __gen_from_item_0;
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
                                        };
                                        #[allow(unreachable_code, unused_assignments)]
                                        {
                                            let __GenState::__Yield0 {
                                                gen_from_delegate_0_3: __gen_slot_3,
                                            } = ::gen_runtime::__private::core::mem::replace(
                                                __gen_state,
                                                __GenState::__Done,
                                            ) else { ::gen_runtime::__private::resumed_finished() };
                                            __gen_from_delegate_0 = __gen_slot_3;
                                        }
                                        __gen_loop_value
                                    }
                                };
                                {
                                    let __gen_yielded: String = format!("child said: {result}");
                                    let __gen_kept_10 = (&&&::gen_runtime::__private::Keep::new(
                                        result,
                                    ))
                                        .__gen_kept();
                                    *__gen_state = __GenState::__Yield2 {
                                        result_10: __gen_kept_10,
                                    };
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
                        #[allow(unreachable_code)]
                        ::gen_runtime::__private::resumed_finished()
                    }
                    __GenState::__Yield2 { .. } => {
                        let __GenState::__Yield2 { result_10: __gen_slot_10 } = ::gen_runtime::__private::core::mem::replace(
                            __gen_state,
                            __GenState::__Done,
                        ) else { ::gen_runtime::__private::resumed_finished() };
                        #[allow(unused_braces)]
                        let __gen_return = {
                            {
                                #[allow(unused_mut, unused_variables)]
                                let result = __gen_slot_10;
                            }
                        };
                        #[allow(unreachable_code)]
                        return ::gen_runtime::__private::Step::Complete(__gen_return);
                    }
                    _ => ::gen_runtime::__private::resumed_finished(),
                }
            },
            |__gen_state| match __gen_state {
                __GenState::__Yield1 { gen_from_delegate_0_3: __gen_delegate, .. } => {
                    ::gen_runtime::__private::TakeFrame::take_frame(__gen_delegate)
                }
                _ => ::gen_runtime::__private::core::option::Option::None,
            },
        ),
    )
}
