//! Lab mode: every control of the simulation, a day timeline with play, pause and step,
//! the charts (`lab_charts`), the policies compared, the monitors' table, the confusion
//! matrix and the events up to the chosen day. Each control moves the scenario page to a
//! new state (`ScenarioCtx::go`): the page asks the worker for the run at once, and the URL
//! follows once the control is still.
//!
//! Why it is longer than ~400 lines: the lab's form of controls (which the lesson builder
//! reuses through `ControlsCtx`) and its result panels (timeline, standings, report, monitors,
//! confusion matrix, events) all read the one `ScenarioCtx` and the day; they are kept
//! together until each panel becomes a component file of its own.

use crate::charts::spec::{Chart, ChartRequest, ConfusionChart};
use crate::components::chart::{ChartFigure, ChartShelf};
use crate::components::erased::{dynamic, show};
use crate::components::i18n::{page_local, render_text, t, use_i18n};
use crate::components::lab_charts::{LabCharts, column_key, last_day};
use crate::components::story::TermList;
use crate::i18n::numbers::{grouped, score};
use crate::i18n::{tr, tr_args};
use crate::lesson::Control;
use crate::pages::scenario::use_scenario;
use crate::platform;
use crate::route;
use crate::scenario::describe::{describe, policy_key};
use crate::scenario::report::{Report, Standing, standings};
use crate::scenario::scenes::LAB_TERMS;
use crate::scenario::url::{self, PageState, short};
use crate::sections::Section;
use crate::sim::drift::{DriftReport, Verdict};
use crate::sim::metrics::Confusion;
use crate::sim::{Config, DriftKind, DriftShape, PolicyKind, Preset, WeekReport};
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

fn use_controls() -> ControlsCtx {
    expect_context::<ControlsCtx>()
}

/// Whether a lesson fixes the control an input belongs to, reactively.
fn locked(id: &'static str) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    let ctx = use_controls();
    let control = Control::of_input(id);
    move || control.is_some_and(|c| ctx.open.with(|open| !open.contains(&c)))
}

/// Applies `change` to the current state's configuration and moves there.
fn change_config(change: impl FnOnce(&mut Config)) {
    let ctx = use_controls();
    let mut next = ctx.state.get_untracked();
    change(&mut next.config);
    if next.config.validate().is_ok() {
        ctx.go.run((next, true));
    }
}

fn input_value(event: &leptos::ev::Event) -> String {
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
fn Slider(
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
                <output for=id class="num">{dynamic(shown)}</output>
            </div>
        </div>
    }
}

/// A labelled number field for one numeric field.
#[component]
fn NumberField(
    id: &'static str,
    label: &'static str,
    min: f64,
    max: f64,
    step: f64,
    get: fn(&Config) -> f64,
    set: fn(&mut Config, f64),
) -> impl IntoView {
    let ctx = use_controls();
    view! {
        <div class="control">
            <label for=id>
                {t(label)}
            </label>
            <input
                id=id
                type="number"
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
        </div>
    }
}

/// A labelled select over slugs.
#[component]
fn Choice(
    id: &'static str,
    label: &'static str,
    options: Vec<(&'static str, String)>,
    current: Signal<&'static str>,
    on_pick: fn(&str),
) -> impl IntoView {
    let i18n = use_i18n();
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
            </select>
        </div>
    }
}

/// A checkbox for one bad decision.
#[component]
fn BadDecision(
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

/// The lab's controls: the world, operations, bad decisions and the business inputs.
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
        {show(some_fixed, || view! {
            <p class="note">
                {t("lesson.fixed")}
            </p>
        })}
        <fieldset>
            <legend>
                {t("scenario.lab.world")}
            </legend>
            <Choice
                id="preset"
                label="scenario.lab.preset"
                options=preset_options
                current=Signal::derive(move || ctx.preset.get().slug())
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
    </form>
    }
}

/// The lab.
#[component]
pub fn Lab() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let lesson = crate::components::lesson::use_lesson().lesson;
    provide_context(ControlsCtx {
        state: ctx.state.into(),
        config: ctx.config,
        preset: Memo::new(move |_| ctx.state.get().preset),
        go: ctx.go,
        open: page_local(move || {
            lesson.with(|l| l.as_ref().map_or(Control::ALL.to_vec(), |l| l.open.clone()))
        })
        .into(),
    });
    // The last simulated day: the day slider runs from 0 to it, and it is the default.
    let final_day = Memo::new(move |_| ctx.config.get().horizon_days.saturating_sub(1));
    let day = Memo::new(move |_| {
        ctx.state
            .get()
            .day
            .unwrap_or(final_day.get())
            .min(final_day.get())
    });
    let set_day = move |d: u32| {
        let state = ctx.state.get_untracked();
        ctx.go.run((
            PageState {
                day: Some(d.min(state.config.horizon_days.saturating_sub(1))),
                ..state
            },
            true,
        ));
    };

    // The week the day falls in, as its own value: the drift charts and the monitors'
    // table redraw only when it changes, not on every run or every day.
    let week_index = Memo::new(move |_| day.get() / 7);
    let report = Memo::new(move |_| {
        let week = week_index.get() as usize;
        ctx.outcome.with(|o| {
            let week = week.min(o.weeks.len().saturating_sub(1));
            o.weeks.get(week).cloned()
        })
    });

    // What the monitors saw that week: unchanged when only the labels move (a concept
    // drift's strength, a policy), so its charts and table stay as they are.
    let drift = Memo::new(move |_| report.with(|r| r.as_ref().map(|r| r.drift.clone())));

    // Play advances a day at a time; it stops at the end of the horizon.
    let (playing, set_playing) = signal(false);
    let timer = StoredValue::new(None::<IntervalHandle>);
    let stop = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(None);
        // Only a change: Step and Reset stop a timeline that is usually not playing.
        if playing.get_untracked() {
            set_playing.set(false);
        }
    };
    let play = move || {
        if day.get_untracked() >= final_day.get_untracked() {
            set_day(0);
        }
        set_playing.set(true);
        let handle = set_interval_with_handle(
            move || {
                let d = day.get_untracked();
                if d >= final_day.get_untracked() {
                    stop();
                } else {
                    set_day(d + 1);
                }
            },
            std::time::Duration::from_millis(250),
        )
        .ok();
        timer.set_value(handle);
    };
    on_cleanup(stop);

    // The three policies' standings on the day: one row each, built once; a new day
    // changes only their figures' text.
    let standing = Memo::new(move |_| {
        let today = day.get();
        ctx.outcome.with(|o| standings(o, today))
    });
    let summary = move || {
        PolicyKind::ALL
            .iter()
            .enumerate()
            .map(|(i, policy)| {
                let policy = *policy;
                let figure = move |f: fn(&Standing) -> String| {
                    move || standing.with(|s| s.get(i).map(f).unwrap_or_default())
                };
                view! {
                    <tr class:current=move || ctx.config.get().policy == policy>
                        <th scope="row">{t(policy_key(policy))}</th>
                        <td class="num">{dynamic(figure(|s| s.f1.map(score).unwrap_or_default()))}</td>
                        <td class="num">{dynamic(figure(|s| s.degraded.to_string()))}</td>
                        <td class="num">{dynamic(figure(|s| grouped(s.value_nis)))}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    // The run as a file a student can hand in, with the charts as they are now.
    let shelf = ChartShelf::provide();
    let download_report = move |_| {
        let state = ctx.state.get_untracked();
        let made = String::from(js_sys::Date::new_0().to_iso_string())
            .chars()
            .take(10)
            .collect::<String>();
        // The run's own address (the address bar may not have caught up with a control).
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        let path = route::section_path(i18n.base, i18n.lang.get_untracked(), Section::Scenario);
        let link = format!(
            "{origin}{}",
            route::with_query(path, &url::to_query(&state))
        );
        let charts = shelf.charts();
        ctx.outcome.with_untracked(|outcome| {
            let report = Report {
                lang: i18n.lang.get_untracked(),
                state: &state,
                outcome,
                day: day.get_untracked(),
                link: &link,
                made: &made,
                charts: &charts,
            };
            platform::download_text(&report.file_name(), "text/html", &report.html());
        });
    };
    // How many of the policy's events the day has reached (they are in day order): the
    // list is rebuilt when that changes, not on every day.
    let events_reached = Memo::new(move |_| {
        let today = day.get();
        ctx.outcome.with(|o| {
            o.policy(o.config.policy)
                .events
                .iter()
                .take_while(|e| e.day <= today)
                .count()
        })
    });
    // The events the day has reached: the list is rebuilt when that count changes, not on
    // every day.
    let events = move || {
        let lang = i18n.lang.get();
        let reached = events_reached.get();
        ctx.outcome.with(|o| {
            o.policy(o.config.policy)
                .events
                .iter()
                .take(reached)
                .map(|e| {
                    let day = tr_args(lang, "scenario.day", &[("day", &e.day.to_string())]);
                    view! {
                        <li>
                            <span class="lane-day">{day}</span>
                            {render_text(lang, &describe(lang, e, o))}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let text_args = move |key: &'static str| {
        move || {
            let lang = i18n.lang.get();
            let today = day.get().to_string();
            let policy = tr(lang, &policy_key(ctx.config.get().policy));
            let saving = ctx.outcome.with(|o| grouped(o.headline.saving_nis));
            tr_args(
                lang,
                key,
                &[("day", &today), ("policy", policy), ("saving", &saving)],
            )
        }
    };

    view! {
        <section class="lab" aria-labelledby="lab-title">
            <h2 id="lab-title">
                {t("scenario.lab.title")}
            </h2>
            <p>
                {t("scenario.lab.lead")}
            </p>
            <TermList terms=Signal::stored(&LAB_TERMS[..]) />
            <div class="lab-grid">
                <LabControls />
                <div class="lab-results" aria-busy=move || ctx.busy.get().to_string()>
                    <section class="timeline" aria-labelledby="timeline-title">
                        <h3 id="timeline-title">
                            {t("scenario.lab.timeline")}
                        </h3>
                        <div class="control">
                            <label for="day">
                                {t("scenario.lab.day")}
                            </label>
                            <div class="slider-row">
                                // Left to right like the chart's time axis, in both languages.
                                <input
                                    dir="ltr"
                                    id="day"
                                    type="range"
                                    min="0"
                                    max=move || final_day.get()
                                    step="1"
                                    prop:value=move || day.get().to_string()
                                    on:input=move |ev| {
                                        if let Ok(d) = input_value(&ev).parse::<u32>() {
                                            set_day(d);
                                        }
                                    }
                                />
                                <output for="day" class="num">{dynamic(move || day.get())}</output>
                            </div>
                        </div>
                        <div class="transport">
                            <button
                                type="button"
                                class="button"
                                aria-pressed=move || playing.get().to_string()
                                on:click=move |_| if playing.get_untracked() { stop() } else { play() }
                            >
                                // Text, not a new view each time: the label changes on every
                                // press, and the page lives long.
                                {dynamic(move || {
                                    let key = if playing.get() { "scenario.lab.pause" } else { "scenario.lab.play" };
                                    render_text(i18n.lang.get(), tr(i18n.lang.get(), key))
                                })}
                            </button>
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| {
                                    stop();
                                    set_day(day.get_untracked() + 1);
                                }
                            >
                                {t("scenario.lab.step")}
                            </button>
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| {
                                    stop();
                                    set_day(0);
                                }
                            >
                                {t("scenario.lab.reset")}
                            </button>
                        </div>
                    </section>
                    <LabCharts day=day report=report drift=drift />
                    <section aria-labelledby="summary-title">
                        <h3 id="summary-title">{text_args("scenario.summary.title")}</h3>
                        <table class="data-table summary">
                            <thead>
                                <tr>
                                    <th scope="col">
                                        {t("scenario.summary.policy")}
                                    </th>
                                    <th scope="col">{text_args("scenario.summary.f1_today")}</th>
                                    <th scope="col">
                                        {t("scenario.summary.degraded")}
                                    </th>
                                    <th scope="col">
                                        {t("scenario.summary.value")}
                                    </th>
                                </tr>
                            </thead>
                            <tbody>{summary()}</tbody>
                        </table>
                        <p>{text_args("scenario.summary.saving")}</p>
                    </section>
                    <section class="report-panel" aria-labelledby="report-title">
                        <h3 id="report-title">
                            {t("report.heading")}
                        </h3>
                        <p>
                            {t("report.hint")}
                        </p>
                        <button type="button" class="button" on:click=download_report>
                            {t("report.download")}
                        </button>
                    </section>
                    <MonitorTable report=report drift=drift />
                    <ConfusionTable day=day />
                    <section aria-labelledby="events-title">
                        <h3 id="events-title">{text_args("scenario.events.title")}</h3>
                        <ol class="event-list">{dynamic(events)}</ol>
                    </section>
                </div>
            </div>
        </section>
    }
}

/// The locale key of a verdict's name.
pub fn verdict_key(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Stable => "scenario.verdict.stable",
        Verdict::Warn => "scenario.verdict.warn",
        Verdict::Drift => "scenario.verdict.drift",
    }
}

/// What the input monitors report for the week shown: every statistic of every feature
/// and of the score, with the verdicts against the documented thresholds.
#[component]
fn MonitorTable(
    report: Memo<Option<WeekReport>>,
    drift: Memo<Option<DriftReport>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let week = move || report.with(|r| r.as_ref().map(|r| r.week).unwrap_or_default());
    let title = move || {
        let week = week().to_string();
        tr_args(
            i18n.lang.get(),
            "scenario.monitor.title",
            &[("week", &week)],
        )
    };
    let rows = move || {
        let lang = i18n.lang.get();
        drift.with(|drift| {
            let drift = drift.as_ref()?;
            let rows = drift.inputs.iter().chain(std::iter::once(&drift.score)).map(|c| {
                let categorical = c.column.is_categorical();
                view! {
                    <tr class:drifted=c.drifted>
                        <th scope="row">{tr(lang, &column_key(c.column))}</th>
                        <td class="num">{format!("{:.3}", c.psi)}</td>
                        <td>{tr(lang, verdict_key(c.psi_verdict))}</td>
                        <td class="num">{format!("{:.3}", c.js)}</td>
                        <td class="num">
                            {if categorical { "—".to_string() } else { format!("{:.3}", c.wasserstein) }}
                        </td>
                        <td class="num">
                            {if categorical { format!("{:.3}", c.chi2_p) } else { format!("{:.3}", c.ks_p) }}
                        </td>
                        <td>{tr(lang, if c.drifted { "scenario.verdict.drift" } else { "scenario.verdict.stable" })}</td>
                    </tr>
                }
            });
            Some(rows.collect_view())
        })
    };
    let share = move || {
        let lang = i18n.lang.get();
        drift.with(|w| {
            w.as_ref().map(|w| {
                let key = if w.dataset_drift {
                    "scenario.monitor.dataset_drift"
                } else {
                    "scenario.monitor.dataset_stable"
                };
                tr_args(
                    lang,
                    key,
                    &[("share", &crate::i18n::numbers::percent(w.drifted_share))],
                )
            })
        })
    };
    view! {
        <section aria-labelledby="monitor-title">
            <h3 id="monitor-title">{dynamic(title)}</h3>
            // Scrolls sideways on a phone, so it takes focus for keyboard scrolling.
            <div class="table-scroll" tabindex="0" role="group" aria-labelledby="monitor-title">
                <table class="data-table monitor">
                    <thead>
                        <tr>
                            <th scope="col">{t("scenario.monitor.feature")}</th>
                            <th scope="col">{t("scenario.monitor.psi")}</th>
                            <th scope="col">{t("scenario.monitor.psi_verdict")}</th>
                            <th scope="col">{t("scenario.monitor.js")}</th>
                            <th scope="col">{t("scenario.monitor.w")}</th>
                            <th scope="col">{t("scenario.monitor.p_value")}</th>
                            <th scope="col">{t("scenario.monitor.verdict")}</th>
                        </tr>
                    </thead>
                    <tbody>{dynamic(rows)}</tbody>
                </table>
            </div>
            <p>{dynamic(share)}</p>
        </section>
    }
}

/// The confusion matrix of the shown policy's model on the day's cohort, drawn, read out
/// in a sentence, and as a table.
#[component]
fn ConfusionTable(day: Memo<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let cells = Memo::new(move |_| {
        ctx.outcome.with(|o| {
            let run = o.policy(o.config.policy);
            run.days.get(last_day(o, day.get())).map(|d| d.confusion)
        })
    });
    let cell = move |pick: fn(&Confusion) -> u32| {
        move || {
            cells
                .get()
                .map(|c| grouped(pick(&c) as f64))
                .unwrap_or_default()
        }
    };
    let title = move || {
        let lang = i18n.lang.get();
        let policy = tr(lang, &policy_key(ctx.config.get().policy));
        tr_args(
            lang,
            "scenario.confusion.title",
            &[
                (
                    "day",
                    &ctx.outcome.with(|o| last_day(o, day.get())).to_string(),
                ),
                ("policy", policy),
            ],
        )
    };
    let drawn = Memo::new(move |_| {
        let lang = i18n.lang.get();
        let c = cells.get()?;
        Some(ChartRequest {
            chart: Chart::Confusion(ConfusionChart {
                cells: [[c.tp, c.fn_], [c.fp, c.tn]],
                rows: [
                    tr(lang, "scenario.confusion.churned").into(),
                    tr(lang, "scenario.confusion.stayed").into(),
                ],
                columns: [
                    tr(lang, "scenario.confusion.flagged").into(),
                    tr(lang, "scenario.confusion.not_flagged").into(),
                ],
            }),
            width: 520,
            height: 260,
        })
    });
    let summary = move || {
        let lang = i18n.lang.get();
        cells
            .get()
            .map(|c| {
                tr_args(
                    lang,
                    "scenario.confusion.summary",
                    &[
                        ("churners", &grouped((c.tp + c.fn_) as f64)),
                        ("flagged", &grouped((c.tp + c.fp) as f64)),
                        ("tp", &grouped(c.tp as f64)),
                        ("recall", &score(c.recall())),
                        ("precision", &score(c.precision())),
                        ("f1", &score(c.f1())),
                    ],
                )
            })
            .unwrap_or_default()
    };
    view! {
        <ChartFigure
            id="confusion-chart"
            title=Signal::derive(title)
            chart=drawn
            summary=Signal::derive(summary)
            table_label="scenario.chart.table.matrix"
        >
            <table class="data-table confusion">
                <thead>
                    <tr>
                        <td></td>
                        <th scope="col">{t("scenario.confusion.flagged")}</th>
                        <th scope="col">{t("scenario.confusion.not_flagged")}</th>
                    </tr>
                </thead>
                <tbody>
                    <tr>
                        <th scope="row">{t("scenario.confusion.churned")}</th>
                        <td class="num good">{cell(|c| c.tp)}</td>
                        <td class="num bad">{cell(|c| c.fn_)}</td>
                    </tr>
                    <tr>
                        <th scope="row">{t("scenario.confusion.stayed")}</th>
                        <td class="num bad">{cell(|c| c.fp)}</td>
                        <td class="num good">{cell(|c| c.tn)}</td>
                    </tr>
                </tbody>
            </table>
        </ChartFigure>
    }
}
