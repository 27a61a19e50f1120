//! The lab's form fields: a slider, a number field, a choice and a bad-decision checkbox,
//! each for one field of the configuration. They read and change the state of the
//! `ControlsCtx` in context (the lab's own, or the lesson builder's starting values), and
//! grey out when a lesson fixes their control.

use crate::components::i18n::{t, use_i18n};
use crate::i18n::tr_args;
use crate::lesson::Control;
use crate::scenario::url::{PageState, short};
use crate::sim::{Config, Preset};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the lab's controls read and change: the lab's own state, or the lesson builder's
/// starting values.
#[derive(Clone, Copy)]
pub struct ControlsCtx {
    /// The state the controls show.
    pub state: Signal<PageState>,
    /// Its configuration and starting point alone, which the controls read (so a new day
    /// changes none of them).
    pub config: Memo<Config>,
    /// The starting point.
    pub preset: Memo<Preset>,
    /// Moves to a new state: `(state, replace)`.
    pub go: Callback<(PageState, bool)>,
    /// The controls that may be changed (a lesson fixes the others).
    pub open: Signal<Vec<Control>>,
}

pub(super) fn use_controls() -> ControlsCtx {
    expect_context::<ControlsCtx>()
}

/// Whether a lesson fixes the control an input belongs to, reactively.
pub(super) fn locked(id: &'static str) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    let ctx = use_controls();
    let control = Control::of_input(id);
    move || control.is_some_and(|c| ctx.open.with(|open| !open.contains(&c)))
}

/// Applies `change` to the current state's configuration and moves there.
pub(super) fn change_config(change: impl FnOnce(&mut Config)) {
    let ctx = use_controls();
    let mut next = ctx.state.get_untracked();
    change(&mut next.config);
    if next.config.validate().is_ok() {
        ctx.go.run((next, true));
    }
}

pub(super) fn input_value(event: &leptos::ev::Event) -> String {
    event
        .target()
        .and_then(|t| {
            t.dyn_into::<web_sys::HtmlInputElement>()
                .ok()
                .map(|i| i.value())
        })
        .or_else(|| {
            event.target().and_then(|t| {
                t.dyn_into::<web_sys::HtmlSelectElement>()
                    .ok()
                    .map(|s| s.value())
            })
        })
        .unwrap_or_default()
}

/// A labelled slider for one numeric field.
#[component]
pub(super) fn Slider(
    id: &'static str,
    label: &'static str,
    min: f64,
    max: f64,
    step: f64,
    get: fn(&Config) -> f64,
    set: fn(&mut Config, f64),
    #[prop(default = 2)] decimals: usize,
) -> impl IntoView {
    let ctx = use_controls();
    let value = move || get(&ctx.config.get());
    let shown = move || format!("{:.decimals$}", value());
    view! {
        <div class="control">
            <label for=id>
                {t(label)}
            </label>
            <div class="slider-row">
                <input
                    id=id
                    type="range"
                    disabled=locked(id)
                    min=short(min)
                    max=short(max)
                    step=short(step)
                    prop:value=move || short(value())
                    on:input=move |ev| {
                        if let Ok(v) = input_value(&ev).parse() {
                            change_config(|c| set(c, v));
                        }
                    }
                />
                <output for=id class="num">{shown}</output>
            </div>
        </div>
    }
}

/// A labelled number field for one numeric field, with an optional hint under it (a
/// locale key whose `{default}` is the field's default value).
#[component]
pub(super) fn NumberField(
    id: &'static str,
    label: &'static str,
    min: f64,
    max: f64,
    step: f64,
    get: impl Fn(&Config) -> f64 + Copy + Send + Sync + 'static,
    set: impl Fn(&mut Config, f64) + Copy + Send + Sync + 'static,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let ctx = use_controls();
    let i18n = use_i18n();
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let hint_text = hint.map(|key| {
        move || {
            tr_args(
                i18n.lang.get(),
                key,
                &[("default", &short(get(&Config::default())))],
            )
        }
    });
    view! {
        <div class="control">
            <label for=id>
                {t(label)}
            </label>
            <input
                id=id
                type="number"
                aria-describedby=hint_id.clone()
                disabled=locked(id)
                min=short(min)
                max=short(max)
                step=short(step)
                prop:value=move || short(get(&ctx.config.get()))
                on:change=move |ev| {
                    if let Ok(v) = input_value(&ev).parse::<f64>()
                        && v.is_finite()
                    {
                        change_config(|c| set(c, v.clamp(min, max)));
                    }
                }
            />
            {hint_text.map(|text| view! { <p class="hint" id=hint_id>{text}</p> })}
        </div>
    }
}

/// A labelled select over slugs.
#[component]
pub(super) fn Choice(
    id: &'static str,
    label: &'static str,
    options: Vec<(&'static str, String)>,
    current: Signal<&'static str>,
    on_pick: fn(&str),
    /// An option that is shown only while it is the current value, and cannot be picked
    /// (the starting point's "custom" once a control departs from it): slug and locale key.
    #[prop(optional)]
    state_only: Option<(&'static str, &'static str)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state_only = state_only.map(|(slug, key)| {
        view! {
            <option value=slug disabled hidden=move || current.get() != slug selected=move || current.get() == slug>
                {i18n.t(key)}
            </option>
        }
    });
    let items = options
        .into_iter()
        .map(|(slug, key)| {
            view! {
                <option value=slug selected=move || current.get() == slug>
                    {i18n.t(key)}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="control">
            <label for=id>
                {t(label)}
            </label>
            <select id=id disabled=locked(id) on:change=move |ev| on_pick(&input_value(&ev))>
                {items}
                {state_only}
            </select>
        </div>
    }
}

/// A checkbox for one bad decision.
#[component]
pub(super) fn BadDecision(
    id: &'static str,
    label: &'static str,
    get: fn(&Config) -> bool,
    set: fn(&mut Config, bool),
) -> impl IntoView {
    let ctx = use_controls();
    view! {
        <label class="check" for=id>
            <input
                id=id
                type="checkbox"
                disabled=locked(id)
                prop:checked=move || get(&ctx.config.get())
                on:change=move |ev| {
                    let on = ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                        .map(|i| i.checked())
                        .unwrap_or(false);
                    change_config(|c| set(c, on));
                }
            />
            {t(label)}
        </label>
    }
}
