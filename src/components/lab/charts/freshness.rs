//! Each week's batch (`sim::ops::BatchWeek`): how many hours after the marketing system's
//! deadline the week's right scores arrived at each maturity level, as bars side by side,
//! and in its table the data checks that fired on the week's input at the automated level.
//! A late extract or a unit change shows as hours at Level 1 and as weeks without checks.

use super::{PLOT, WIDTH, col_head, whole_axis};
use crate::charts::spec::{BarChart, Bars, Chart, ChartRequest};
use crate::components::chart::ChartFigure;
use crate::components::i18n::use_i18n;
use crate::i18n::numbers::grouped;
use crate::i18n::{tr, tr_args};
use crate::scenario::describe::policy_key;
use crate::scenario::story::{duration, monitor_key};
use crate::sim::PolicyKind;
use crate::sim::ops::{BatchWeek, DAY_MINUTES};
use leptos::prelude::*;

/// Hours in a week: a week that never got its right scores.
const WEEK_HOURS: u32 = 7 * DAY_MINUTES / 60;

/// The chart, and its table of the weeks.
#[component]
pub(super) fn FreshnessChart(
    /// Every weekly batch of the run.
    batches: Memo<Vec<BatchWeek>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chart = Memo::new(move |_| {
        let lang = i18n.lang.get();
        batches.with(|weeks| {
            if weeks.is_empty() {
                return None;
            }
            let top = weeks.iter().flat_map(|w| w.late_hours).fold(6.0, f64::max) * 1.15;
            Some(ChartRequest {
                chart: Chart::Bars(BarChart {
                    groups: weeks
                        .iter()
                        .map(|w| {
                            tr_args(
                                lang,
                                "scenario.ops.fresh.week",
                                &[("week", &w.week.to_string())],
                            )
                        })
                        .collect(),
                    group_title: tr(lang, "scenario.ops.fresh.weeks").into(),
                    value: whole_axis(top, tr(lang, "scenario.ops.fresh.axis")),
                    series: PolicyKind::ALL
                        .into_iter()
                        .map(|level| Bars {
                            label: tr(lang, &policy_key(level)).into(),
                            values: weeks.iter().map(|w| w.late_hours[level.index()]).collect(),
                            slot: level.index(),
                        })
                        .collect(),
                    levels: Vec::new(),
                    marker: None,
                    horizontal: false,
                }),
                width: WIDTH,
                height: PLOT,
            })
        })
    });
    let summary = move || {
        let lang = i18n.lang.get();
        batches.with(|weeks| {
            let worst = weeks.iter().max_by(|a, b| {
                let total = |w: &BatchWeek| w.late_hours.iter().sum::<f64>();
                total(a).total_cmp(&total(b))
            });
            match worst.filter(|w| w.late_hours.iter().any(|&h| h > 0.0)) {
                None => tr(lang, "scenario.ops.fresh.on_time").to_string(),
                Some(w) => {
                    let late = |level: PolicyKind| {
                        duration(lang, (w.late_hours[level.index()] * 60.0).round() as u32)
                    };
                    tr_args(
                        lang,
                        "scenario.ops.fresh.summary",
                        &[
                            ("week", &w.week.to_string()),
                            ("none", &late(PolicyKind::NoLoop)),
                            ("manual", &late(PolicyKind::ManualRetrain)),
                            ("auto", &late(PolicyKind::AutomatedLoop)),
                            ("whole", &WEEK_HOURS.to_string()),
                        ],
                    )
                }
            }
        })
    };
    let rows = move || {
        let lang = i18n.lang.get();
        batches.with(|weeks| {
            weeks
                .iter()
                .map(|w| {
                    let fired = if w.fired.is_empty() {
                        tr(lang, "scenario.ops.fresh.none_fired").to_string()
                    } else {
                        w.fired
                            .iter()
                            .map(|&m| tr(lang, monitor_key(m)))
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    let week = tr_args(
                        lang,
                        "scenario.ops.fresh.week",
                        &[("week", &w.week.to_string())],
                    );
                    view! {
                        <tr>
                            <th scope="row">{week}</th>
                            {w
                                .late_hours
                                .iter()
                                .map(|&h| view! { <td class="num">{grouped(h)}</td> })
                                .collect_view()}
                            <td>{fired}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let level_heads = move || {
        let lang = i18n.lang.get();
        PolicyKind::ALL
            .into_iter()
            .map(|level| view! { <th scope="col">{tr(lang, &policy_key(level))}</th> })
            .collect_view()
    };
    view! {
        <ChartFigure
            id="freshness-chart"
            title=Signal::derive(move || tr(i18n.lang.get(), "scenario.ops.fresh.title").to_string())
            chart=chart
            summary=Signal::derive(summary)
            table_label="scenario.ops.fresh.table"
        >
            <table class="data-table">
                <thead>
                    <tr>
                        {col_head("scenario.ops.fresh.weeks")}
                        {level_heads}
                        {col_head("scenario.ops.fresh.fired")}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </ChartFigure>
    }
}
