//! The lab's controls: the world, operations, bad decisions and the business inputs, as
//! one form of `fields`. The lesson builder reuses it to set a lesson's starting values.

use super::fields::{
    BadDecision, Choice, NumberField, Slider, change_config, input_value, locked, use_controls,
};
use super::incidents::IncidentSwitch;
use crate::components::i18n::t;
use crate::lesson::Control;
use crate::scenario::describe::policy_key;
use crate::scenario::url::{PageState, starting_point};
use crate::sim::ops::IncidentKind;
use crate::sim::{Config, TIMING_FIELDS};
use crate::sim::{DriftKind, DriftShape, PolicyKind, Preset};
use leptos::prelude::*;

/// The label and hint keys of each duration, in `TIMING_FIELDS` order.
const TIMING_TEXT: [(&str, &str); 8] = [
    ("scenario.assume.lretrain", "scenario.assume.lretrain.hint"),
    ("scenario.assume.canary", "scenario.assume.canary.hint"),
    ("scenario.assume.dash", "scenario.assume.dash.hint"),
    ("scenario.assume.mretrain", "scenario.assume.mretrain.hint"),
    ("scenario.assume.mrelease", "scenario.assume.mrelease.hint"),
    ("scenario.assume.review", "scenario.assume.review.hint"),
    (
        "scenario.assume.nlretrain",
        "scenario.assume.nlretrain.hint",
    ),
    ("scenario.assume.nldeploy", "scenario.assume.nldeploy.hint"),
];

/// The lab's controls: the world, operations, bad decisions, the business inputs and the
/// assumptions (how long each step of a fix takes).
/// They read and change the state of the `ControlsCtx` in context.
#[component]
pub fn LabControls() -> impl IntoView {
    let ctx = use_controls();
    let some_fixed = move || ctx.open.with(|open| open.len() < Control::ALL.len());
    let preset_options: Vec<(&'static str, String)> = Preset::ALL
        .iter()
        .map(|p| (p.slug(), format!("scenario.preset.{}", p.slug())))
        .collect();
    let drift_options: Vec<(&'static str, String)> = DriftKind::ALL
        .iter()
        .map(|k| (k.slug(), format!("scenario.drift.{}", k.slug())))
        .collect();
    let shape_options: Vec<(&'static str, String)> = [DriftShape::Step, DriftShape::Ramp]
        .iter()
        .map(|s| (s.slug(), format!("scenario.shape.{}", s.slug())))
        .collect();
    let policy_options: Vec<(&'static str, String)> = PolicyKind::ALL
        .iter()
        .map(|p| (p.slug(), policy_key(*p)))
        .collect();

    view! {
    <form class="lab-controls" on:submit=|ev| ev.prevent_default()>
        <Show when=some_fixed>
            <p class="note">
                {t("lesson.fixed")}
            </p>
        </Show>
        <fieldset>
            <legend>
                {t("scenario.lab.world")}
            </legend>
            <Choice
                id="preset"
                label="scenario.lab.preset"
                options=preset_options
                current=Signal::derive(move || {
                    let preset = ctx.preset.get();
                    ctx.config.with(|c| starting_point(preset, c))
                })
                state_only=("custom", "scenario.preset.custom")
                on_pick=|slug| {
                    if let Some(preset) = Preset::from_slug(slug) {
                        let ctx = use_controls();
                        let state = ctx.state.get_untracked();
                        let mut config = Config::preset(preset);
                        config.seed = state.config.seed;
                        ctx.go.run((PageState { preset, config, ..state }, true));
                    }
                }
            />
            <Choice
                id="drift"
                label="scenario.lab.drift"
                options=drift_options
                current=Signal::derive(move || ctx.config.get().drift.slug())
                on_pick=|slug| {
                    if let Some(kind) = DriftKind::from_slug(slug) {
                        change_config(|c| c.drift = kind);
                    }
                }
            />
            <Slider
                id="strength"
                label="scenario.lab.strength"
                min=0.0
                max=2.0
                step=0.05
                get=|c| c.strength
                set=|c, v| c.strength = v
            />
            <Slider
                id="onset"
                label="scenario.lab.onset"
                min=0.0
                max=56.0
                step=1.0
                decimals=0
                get=|c| c.onset_day as f64
                set=|c, v| c.onset_day = v as u32
            />
            <Choice
                id="shape"
                label="scenario.lab.shape"
                options=shape_options
                current=Signal::derive(move || ctx.config.get().shape.slug())
                on_pick=|slug| {
                    if let Some(shape) = DriftShape::from_slug(slug) {
                        change_config(|c| c.shape = shape);
                    }
                }
            />
            <Slider
                id="delay"
                label="scenario.lab.delay"
                min=7.0
                max=35.0
                step=1.0
                decimals=0
                get=|c| c.label_delay_days as f64
                set=|c, v| c.label_delay_days = v as u32
            />
            <Slider
                id="cohort"
                label="scenario.lab.cohort"
                min=1000.0
                max=20000.0
                step=1000.0
                decimals=0
                get=|c| c.cohort_size as f64
                set=|c, v| c.cohort_size = v as u32
            />
            <div class="control seed">
                <label for="seed">
                    {t("scenario.lab.seed")}
                </label>
                <div class="slider-row">
                    <input
                        id="seed"
                        type="number"
                        disabled=locked("seed")
                        min="0"
                        step="1"
                        prop:value=move || ctx.config.get().seed.to_string()
                        on:change=move |ev| {
                            if let Ok(seed) = input_value(&ev).parse::<u64>() {
                                change_config(|c| c.seed = seed);
                            }
                        }
                    />
                    <button
                        type="button"
                        class="button"
                        disabled=locked("seed")
                        on:click=move |_| {
                            let seed = (js_sys::Math::random() * 1_000_000.0) as u64;
                            change_config(|c| c.seed = seed);
                        }
                    >
                        {t("scenario.lab.new_world")}
                    </button>
                </div>
            </div>
        </fieldset>
        <fieldset>
            <legend>
                {t("scenario.lab.ops")}
            </legend>
            <Slider
                id="alert"
                label="scenario.lab.alert"
                min=0.5
                max=0.95
                step=0.01
                get=|c| c.alert_f1
                set=|c, v| c.alert_f1 = v
            />
            <Slider
                id="drop"
                label="scenario.lab.drop"
                min=0.01
                max=0.3
                step=0.01
                get=|c| c.alert_drop
                set=|c, v| c.alert_drop = v
            />
            <Choice
                id="policy"
                label="scenario.lab.policy"
                options=policy_options
                current=Signal::derive(move || ctx.config.get().policy.slug())
                on_pick=|slug| {
                    if let Some(policy) = PolicyKind::from_slug(slug) {
                        change_config(|c| c.policy = policy);
                    }
                }
            />
        </fieldset>
        <fieldset>
            <legend>
                {t("scenario.lab.bad")}
            </legend>
            <BadDecision
                id="bad-ignore"
                label="scenario.bad.ignore"
                get=|c| c.bad.ignore_alert
                set=|c, v| c.bad.ignore_alert = v
            />
            <BadDecision
                id="bad-stale"
                label="scenario.bad.stale"
                get=|c| c.bad.retrain_on_stale_data
                set=|c, v| c.bad.retrain_on_stale_data = v
            />
            <BadDecision
                id="bad-skipgate"
                label="scenario.bad.skipgate"
                get=|c| c.bad.skip_gate
                set=|c, v| c.bad.skip_gate = v
            />
            <BadDecision
                id="bad-rollback"
                label="scenario.bad.rollback"
                get=|c| c.bad.force_rollback
                set=|c, v| c.bad.force_rollback = v
            />
        </fieldset>
        <fieldset class="business">
            <legend>
                {t("scenario.lab.business")}
            </legend>
            <p class="hint">{t("scenario.lab.business.defs")}</p>
            <NumberField
                id="arpu"
                label="scenario.lab.arpu"
                min=1.0
                max=1000.0
                step=1.0
                get=|c| c.business.arpu_nis
                set=|c, v| c.business.arpu_nis = v
            />
            <NumberField
                id="offer"
                label="scenario.lab.offer"
                min=0.0
                max=1000.0
                step=1.0
                get=|c| c.business.offer_cost_nis
                set=|c, v| c.business.offer_cost_nis = v
            />
            <Slider
                id="save"
                label="scenario.lab.save"
                min=0.0
                max=1.0
                step=0.01
                get=|c| c.business.save_rate
                set=|c, v| c.business.save_rate = v
            />
            <Slider
                id="control"
                label="scenario.lab.control"
                min=0.0
                max=0.5
                step=0.05
                get=|c| c.business.control_share
                set=|c, v| c.business.control_share = v
            />
            <NumberField
                id="months"
                label="scenario.lab.months"
                min=1.0
                max=60.0
                step=1.0
                get=|c| c.business.months_retained
                set=|c, v| c.business.months_retained = v
            />
        </fieldset>
        <fieldset class="assumptions">
            <legend>
                {t("scenario.assume.title")}
            </legend>
            <p class="hint">
                {t("scenario.assume.lead")}
            </p>
            {TIMING_FIELDS
                .into_iter()
                .zip(TIMING_TEXT)
                .map(|(field, (label, hint))| {
                    let (min, max) = field.range;
                    view! {
                        <NumberField
                            id=field.key
                            label=label
                            hint=hint
                            min=min as f64
                            max=max as f64
                            step=1.0
                            get=move |c: &Config| (field.get)(&c.timings) as f64
                            set=move |c: &mut Config, v: f64| (field.set)(&mut c.timings, v as u32)
                        />
                    }
                })
                .collect_view()}
        </fieldset>
        <fieldset class="incidents">
            <legend>
                {t("scenario.ops.controls")}
            </legend>
            {IncidentKind::ALL
                .into_iter()
                .map(|kind| view! { <IncidentSwitch kind=kind /> })
                .collect_view()}
        </fieldset>
    </form>
    }
}
