//! The production incidents (`sim::ops`): a switch and a day for each (shown among the
//! lab's controls, so a lesson can fix them, with the slower release's slowdown), then for
//! each one switched on its paragraph, chosen from the run
//! (`scenario::story::incident_reading`), the three maturity levels side by side (who
//! noticed, how soon, how long until it was over, what it cost) and the two roles' lanes;
//! and the error budget and SLA credits left. The production system's charts sit beside
//! the F1 chart (`charts::ops`).

use super::fields::{change_config, input_value, use_controls};
use crate::components::i18n::{render_text, t, use_i18n};
use crate::i18n::numbers::{grouped, percent};
use crate::i18n::{tr, tr_args};
use crate::lesson::Control;
use crate::pages::scenario::use_scenario;
use crate::scenario::describe::{artifact_key, policy_key};
use crate::scenario::story::{duration, incident_reading, monitor_key};
use crate::scenario::url::short;
use crate::sim::ops::{
    CANARY_MINUTES, CANARY_SHARE, DAY_MINUTES, FIXED_REPLICAS, IncidentKind, Monitor, OFFER_SHARE,
    ONCALL_RESPONSE_MINUTES, PEAK_RPS, SERVICE_MS, SLA_CREDIT_TIERS, SLA_MONTHLY_FEE_NIS,
    SLO_AVAILABILITY, SLO_P95_MS, SLOWDOWN_RANGE, STARTUP_MINUTES,
};
use crate::sim::{PolicyKind, Role};
use crate::teach::incidents::{Course, Moment, name_key, response_steps};
use crate::teach::tools::tool_name;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A switch and a day for one incident, in the lab's controls (and the lesson builder's).
#[component]
pub(super) fn IncidentSwitch(kind: IncidentKind) -> impl IntoView {
    let ctx = use_controls();
    // A lesson that fixes the incidents fixes every switch and day.
    let locked = move || ctx.open.with(|open| !open.contains(&Control::Incidents));
    let i18n = use_i18n();
    let id = format!("incident-{}", kind.slug());
    let day_id = format!("{id}-day");
    let label_for = id.clone();
    let day_for = day_id.clone();
    let name = name_key(kind);
    let day = move || ctx.config.with(|c| c.incidents.day(kind));
    let last = move || ctx.config.with(|c| c.horizon_days.saturating_sub(1));
    let day_label = {
        let name = name.clone();
        move || {
            let lang = i18n.lang.get();
            tr_args(lang, "scenario.ops.on", &[("incident", tr(lang, &name))])
        }
    };
    view! {
        <div class="control incident">
            <label class="check" for=label_for>
                <input
                    id=id
                    type="checkbox"
                    disabled=locked
                    prop:checked=move || day().is_some()
                    on:change=move |ev| {
                        let on = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                            .is_some_and(|i| i.checked());
                        change_config(|c| {
                            let d = kind.default_day().min(c.horizon_days.saturating_sub(1));
                            c.incidents.set(kind, on.then_some(d));
                        });
                    }
                />
                {t(name)}
            </label>
            <label for=day_for>{day_label}</label>
            <input
                id=day_id
                type="number"
                min="0"
                max=move || last().to_string()
                step="1"
                disabled=move || day().is_none() || locked()
                prop:value=move || day().unwrap_or(kind.default_day()).to_string()
                on:change=move |ev| {
                    if let Ok(d) = input_value(&ev).parse::<u32>() {
                        change_config(|c| {
                            let d = d.min(c.horizon_days.saturating_sub(1));
                            c.incidents.set(kind, Some(d));
                        });
                    }
                }
            />
            {(kind == IncidentKind::SlowRelease)
                .then(|| view! { <Slowdown off=Signal::derive(move || day().is_none() || locked()) /> })}
        </div>
    }
}

/// How much slower a slower release scores: whether the canary catches it depends on it.
#[component]
fn Slowdown(off: Signal<bool>) -> impl IntoView {
    let ctx = use_controls();
    let id = "incident-slow-release-slowdown";
    let (lo, hi) = SLOWDOWN_RANGE;
    view! {
        <label for=id>{t("scenario.ops.slowdown")}</label>
        <input
            id=id
            type="number"
            min=short(lo)
            max=short(hi)
            step="0.1"
            disabled=off
            prop:value=move || ctx.config.with(|c| short(c.incidents.slowdown))
            on:change=move |ev| {
                let typed = input_value(&ev).parse::<f64>().ok().filter(|x| x.is_finite());
                if let Some(x) = typed {
                    // Tenths, as the field steps, within the range offered.
                    change_config(|c| c.incidents.slowdown = ((x * 10.0).round() / 10.0).clamp(lo, hi));
                }
            }
        />
    }
}

/// An availability as its SLA states it: `99.5%`.
fn availability(share: f64) -> String {
    format!("{}%", short(100.0 * share))
}

/// The three levels side by side for one incident.
#[component]
fn LevelTable(kind: IncidentKind) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let caption = move || {
        let lang = i18n.lang.get();
        tr_args(
            lang,
            "scenario.ops.table",
            &[("incident", tr(lang, &(name_key(kind))))],
        )
    };
    // The rows are rebuilt only when a response changes, not on every run.
    let responses = Memo::new(move |_| {
        ctx.outcome.with(|o| {
            PolicyKind::ALL
                .into_iter()
                .filter_map(|level| o.ops.response(kind, level).copied())
                .collect::<Vec<_>>()
        })
    });
    let rows = move || {
        let lang = i18n.lang.get();
        responses.with(|responses| {
            responses
                .iter()
                .map(|r| {
                    let by = r
                        .detected
                        .map_or(tr(lang, "scenario.ops.nobody"), |(_, m)| {
                            tr(lang, monitor_key(m))
                        });
                    let never = || tr(lang, "scenario.ops.never").to_string();
                    let detect = r
                        .minutes_to_detect()
                        .map_or_else(never, |m| duration(lang, m));
                    let recover = r
                        .minutes_to_recover()
                        .map_or_else(never, |m| duration(lang, m));
                    view! {
                        <tr>
                            <th scope="row">{tr(lang, &policy_key(r.level))}</th>
                            <td>{by}</td>
                            <td>{detect}</td>
                            <td>{recover}</td>
                            <td class="num">{r.slo_breach_minutes}</td>
                            <td class="num">{grouped(r.failed_requests)}</td>
                            <td class="num">{grouped(r.cost_nis())}</td>
                            <td class="num">{grouped(r.sla_credit_nis)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="table-scroll">
            <table class="data-table ops-levels">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("scenario.ops.col.level")}</th>
                        <th scope="col">{t("scenario.ops.col.by")}</th>
                        <th scope="col">{t("scenario.ops.col.detect")}</th>
                        <th scope="col">{t("scenario.ops.col.recover")}</th>
                        <th scope="col">{t("scenario.ops.col.breach")}</th>
                        <th scope="col">{t("scenario.ops.col.failed")}</th>
                        <th scope="col">{t("scenario.ops.col.cost")}</th>
                        <th scope="col">{t("scenario.ops.col.credits")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The two roles' lanes of one incident at the automated level: each step with the time
/// the run gives it, the tool that takes it and the artifact it passes on.
#[component]
fn Lanes(kind: IncidentKind) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let title = move || {
        let lang = i18n.lang.get();
        tr_args(
            lang,
            "scenario.ops.lanes",
            &[("incident", tr(lang, &name_key(kind)))],
        )
    };
    // The response and how it ran: a canary that let a slower release through changes
    // the steps.
    let response = Memo::new(move |_| {
        ctx.outcome.with(|o| {
            let r = o.ops.response(kind, PolicyKind::AutomatedLoop).copied();
            let passed = o
                .ops
                .checks(kind)
                .iter()
                .any(|c| c.monitor == Monitor::Canary && !c.fired);
            let course = match r {
                Some(r) if passed && r.detected.is_some() => Course::Missed,
                Some(_) if passed => Course::Kept,
                _ => Course::Planned,
            };
            (r, course)
        })
    });
    let rows = move || {
        let lang = i18n.lang.get();
        let (response, course) = response.get();
        let (steps, stem) = response_steps(kind, course);
        let at = |minute: Option<u32>| {
            minute.map(|m| {
                let time = format!("{:02}:{:02}", (m % DAY_MINUTES) / 60, m % 60);
                tr_args(
                    lang,
                    "scenario.ops.at",
                    &[("day", &(m / DAY_MINUTES).to_string()), ("time", &time)],
                )
            })
        };
        steps
            .iter()
            .enumerate()
            .map(|(n, step)| {
                let when = response.and_then(|r| match step.at {
                    Moment::Start => at(Some(r.start_minute)),
                    Moment::CanaryDone => at(Some(r.start_minute + CANARY_MINUTES)),
                    Moment::Detected => at(r.detected.map(|d| d.0)),
                    Moment::Recovered => at(r.recovered_minute),
                });
                let lane = match step.role {
                    Role::MlDeveloper => "lane-dev",
                    Role::MlopsEngineer => "lane-ops",
                    Role::Both | Role::Business => "lane-both",
                };
                let text = tr_args(
                    lang,
                    &format!("scenario.ops.step.{stem}.{n}"),
                    &[
                        ("startup", &STARTUP_MINUTES.to_string()),
                        ("share", &percent(CANARY_SHARE)),
                    ],
                );
                let tool = tr_args(lang, "scenario.ops.tool", &[("tool", tool_name(step.tool))]);
                let artifact = step.artifact.map(|a| tr(lang, artifact_key(a)));
                view! {
                    <li class=format!("lane-event {lane}")>
                        {when.map(|w| view! { <span class="lane-day">{w}</span> })}
                        <span class="lane-text">{render_text(lang, &text)}</span>
                        <span class="artifact">{tool}</span>
                        {artifact.map(|a| view! { <span class="artifact">{a}</span> })}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="swimlanes ops-lanes" aria-label=title>
            <div class="lane-heads" aria-hidden="true">
                <span class="lane-head lane-dev">{t("role.dev.name")}</span>
                <span class="lane-head lane-ops">{t("role.ops.name")}</span>
            </div>
            <ol class="lane-events">{rows}</ol>
        </section>
    }
}

/// One incident switched on: its paragraph, the levels side by side and the lanes.
#[component]
fn IncidentArticle(kind: IncidentKind) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    // The paragraph is rewritten only when the run tells it differently.
    let reading = Memo::new(move |_| {
        let lang = i18n.lang.get();
        ctx.outcome.with(|o| incident_reading(lang, o, kind))
    });
    view! {
        <article class="ops-incident" id=format!("ops-{}", kind.slug())>
            <h4>{t(name_key(kind))}</h4>
            <p class="ops-reading">
                {move || {
                    reading.get().map(|text| render_text(i18n.lang.get_untracked(), &text))
                }}
            </p>
            <LevelTable kind=kind />
            <Lanes kind=kind />
        </article>
    }
}

/// The incidents panel.
#[component]
pub fn Incidents() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let lead = move || {
        let lang = i18n.lang.get();
        let text = tr_args(
            lang,
            "scenario.ops.lead",
            &[
                ("slo", &grouped(SLO_P95_MS)),
                ("availability", &availability(SLO_AVAILABILITY)),
            ],
        );
        render_text(lang, &text)
    };
    let assumptions = move || {
        let lang = i18n.lang.get();
        tr_args(
            lang,
            "scenario.ops.assumptions",
            &[
                ("peak", &grouped(PEAK_RPS)),
                ("service", &grouped(SERVICE_MS)),
                ("startup", &STARTUP_MINUTES.to_string()),
                ("fixed", &FIXED_REPLICAS.to_string()),
                ("oncall", &ONCALL_RESPONSE_MINUTES[1].to_string()),
                ("visits", &grouped(1.0 / OFFER_SHARE)),
                ("fee", &grouped(SLA_MONTHLY_FEE_NIS)),
                ("floor_low", &availability(SLA_CREDIT_TIERS[0].0)),
                ("low", &percent(SLA_CREDIT_TIERS[0].1)),
                ("floor_mid", &availability(SLA_CREDIT_TIERS[1].0)),
                ("mid", &percent(SLA_CREDIT_TIERS[1].1)),
                ("floor_high", &availability(SLA_CREDIT_TIERS[2].0)),
                ("high", &percent(SLA_CREDIT_TIERS[2].1)),
            ],
        )
    };
    let on = Memo::new(move |_| {
        ctx.config
            .with(|c| c.incidents.on().map(|(k, _)| k).collect::<Vec<_>>())
    });
    let budget = move || {
        let lang = i18n.lang.get();
        ctx.outcome.with(|o| {
            let level = o.config.policy;
            let left = o.ops.budget_left[level.index()].last().copied()?;
            Some(tr_args(
                lang,
                "scenario.ops.budget",
                &[
                    (
                        "left",
                        &format!("{}%", short((1000.0 * left).round() / 10.0)),
                    ),
                    ("level", tr(lang, &policy_key(level))),
                    ("credits", &grouped(o.ops.sla_credits_nis[level.index()])),
                ],
            ))
        })
    };
    view! {
        <section class="ops" aria-labelledby="ops-title">
            <h3 id="ops-title">{t("scenario.ops.title")}</h3>
            <p>{lead}</p>
            <p class="hint ops-assumptions">{assumptions}</p>
            <Show when=move || on.with(Vec::is_empty)>
                <p class="ops-none">{t("scenario.ops.none")}</p>
            </Show>
            <For each=move || on.get() key=|kind| kind.index() let:kind>
                <IncidentArticle kind=kind />
            </For>
            <p class="ops-budget">{budget}</p>
        </section>
    }
}
