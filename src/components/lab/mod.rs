//! Lab mode: every control of the simulation, a day timeline with play, pause and step,
//! the charts, the policies compared, the report to hand in, the monitors' table, the
//! confusion matrix and the events up to the chosen day. Each control moves the scenario
//! page to a new state (`ScenarioCtx::go`): the page asks the worker for the run at once,
//! and the URL follows once the control is still.
//!
//! One file a panel: `controls` (the form, of `fields`; the lesson builder reuses it
//! through `ControlsCtx`), `timeline`, `charts/`, `standings`, `report_panel`, `monitors`,
//! `confusion`, `events`, `incidents` (the production incidents), `guide` (a newcomer's
//! first experiment). This file holds what they share: the day shown and the week's
//! report. A new panel is a component of its own here, given the day or the week.

mod charts;
mod confusion;
mod controls;
mod events;
mod fields;
mod guide;
mod incidents;
mod monitors;
mod report_panel;
mod standings;
mod timeline;

pub use controls::LabControls;
pub use fields::ControlsCtx;
pub use monitors::verdict_key;

use crate::components::chart::ChartShelf;
use crate::components::i18n::{page_local, t, use_i18n};
use crate::components::story::TermList;
use crate::i18n::numbers::grouped;
use crate::i18n::{tr, tr_args};
use crate::lesson::Control;
use crate::pages::scenario::use_scenario;
use crate::scenario::describe::policy_key;
use crate::scenario::report::settings;
use crate::scenario::scenes::LAB_TERMS;
use crate::scenario::story::{idle_bad_decisions, opening_day, run_reading};
use crate::scenario::url::PageState;
use leptos::prelude::*;

/// A sentence of the lab that names the day shown, the policy shown and the run's saving.
fn day_text(day: Memo<u32>, key: &'static str) -> impl Fn() -> String + Copy + Send + Sync {
    let i18n = use_i18n();
    let ctx = use_scenario();
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
}

/// The lab.
#[component]
pub fn Lab() -> impl IntoView {
    let ctx = use_scenario();
    let lesson = crate::components::lesson::use_lesson().lesson;
    provide_context(ControlsCtx {
        state: ctx.state.into(),
        config: ctx.config,
        preset: Memo::new(move |_| ctx.state.with(|s| s.preset)),
        go: ctx.go,
        open: page_local(move || {
            lesson.with(|l| l.as_ref().map_or(Control::ALL.to_vec(), |l| l.open.clone()))
        })
        .into(),
    });
    // The last simulated day: the day slider runs from 0 to it.
    let final_day = Memo::new(move |_| ctx.config.get().horizon_days.saturating_sub(1));
    // Without a day in the address the lab opens where the run it opened with tells the
    // most (`opening_day`), and keeps that day while controls change.
    let opening = ctx.outcome.with_untracked(opening_day);
    let day = Memo::new(move |_| ctx.state.get().day.unwrap_or(opening).min(final_day.get()));
    // Whether the day is still the one the lab opened on: Play then starts from day 0.
    let day_untouched = Memo::new(move |_| ctx.state.with(|s| s.day.is_none()));
    let set_day = Callback::new(move |d: u32| {
        let state = ctx.state.get_untracked();
        ctx.go.run((
            PageState {
                day: Some(d.min(state.config.horizon_days.saturating_sub(1))),
                ..state
            },
            true,
        ));
    });

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
    // The charts as they are now, for the report.
    let shelf = ChartShelf::provide();
    // What happened in this run, under the main chart.
    let i18n = use_i18n();
    let reading = Memo::new(move |_| {
        let lang = i18n.lang.get();
        ctx.outcome.with(|o| run_reading(lang, o))
    });
    // The settings, for the printed page.
    let settings_list = move || {
        let lang = i18n.lang.get();
        ctx.state.with(|state| {
            settings(lang, state)
                .into_iter()
                .map(|(name, value)| view! { <dt>{name}</dt> <dd>{value}</dd> })
                .collect_view()
        })
    };
    // The bad decisions switched on that had nothing to act on.
    let idle = Memo::new(move |_| {
        let lang = i18n.lang.get();
        ctx.outcome.with(|o| idle_bad_decisions(lang, o))
    });

    view! {
        <section class="lab" aria-labelledby="lab-title">
            <h2 id="lab-title">
                {t("scenario.lab.title")}
            </h2>
            <p>
                {t("scenario.lab.lead")}
            </p>
            <guide::FirstExperiment />
            <div class="lab-grid">
                <LabControls />
                <div class="lab-results" aria-busy=move || ctx.busy.get().to_string()>
                    // The main chart first, beside the controls, with the timeline under it.
                    <charts::F1Chart day=day />
                    <p class="run-reading">{reading}</p>
                    {move || {
                        idle.get()
                            .into_iter()
                            .map(|text| view! { <p class="note">{text}</p> })
                            .collect_view()
                    }}
                    <timeline::Timeline day=day final_day=final_day set_day=set_day from_start=day_untouched />
                    <charts::LabCharts day=day report=report drift=drift />
                    <incidents::Incidents />
                    <standings::Standings day=day />
                    <report_panel::ReportPanel day=day shelf=shelf />
                    <monitors::MonitorTable report=report drift=drift />
                    <confusion::ConfusionTable day=day />
                    <events::EventList day=day />
                </div>
            </div>
            <TermList terms=Signal::stored(&LAB_TERMS[..]) />
            // On paper the controls are gone: the settings they hold, listed.
            <section class="print-only lab-settings" aria-labelledby="lab-settings-title">
                <h3 id="lab-settings-title">{t("report.config")}</h3>
                <dl>{settings_list}</dl>
            </section>
        </section>
    }
}
