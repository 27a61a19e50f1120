//! The error budget over the run (`sim::ops`): the share of the SLO's allowed failures each
//! maturity level has left at the end of every day, so a student sees which incidents spend
//! it and which level overspends it.

use super::{PLOT, WIDTH, day_axis, policy_stroke};
use crate::charts::spec::{Axis, Chart, ChartRequest, Level, LineChart, Series, nice_ticks};
use crate::components::chart::ChartFigure;
use crate::components::i18n::use_i18n;
use crate::i18n::numbers::percent;
use crate::i18n::{tr, tr_args};
use crate::scenario::describe::policy_key;
use crate::sim::PolicyKind;
use leptos::prelude::*;

/// The chart.
#[component]
pub(super) fn BudgetChart(
    /// The share of the error budget each level has left at the end of each day.
    budget: Memo<[Vec<f64>; 3]>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chart = Memo::new(move |_| {
        let lang = i18n.lang.get();
        budget.with(|budget_left| {
            let days = budget_left[0].len();
            (days > 0).then(|| {
                let low = budget_left
                    .iter()
                    .flatten()
                    .fold(0.0f64, |m, &v| m.min(v))
                    .max(-5.0);
                let series = PolicyKind::ALL
                    .into_iter()
                    .map(|level| Series {
                        label: tr(lang, &policy_key(level)).into(),
                        points: budget_left[level.index()]
                            .iter()
                            .enumerate()
                            .map(|(d, &v)| (d as f64, v.max(low)))
                            .collect(),
                        slot: level.index(),
                        stroke: policy_stroke(level),
                    })
                    .collect();
                ChartRequest {
                    chart: Chart::Line(LineChart {
                        x: day_axis(lang, days.saturating_sub(1) as u32),
                        y: Axis {
                            range: (low, 1.05),
                            ticks: nice_ticks(low, 1.0, 5)
                                .into_iter()
                                .map(|v| (v, percent(v)))
                                .collect(),
                            title: tr(lang, "scenario.ops.budget.axis").into(),
                        },
                        series,
                        levels: vec![Level {
                            value: 0.0,
                            label: tr(lang, "scenario.ops.budget.spent").into(),
                            dotted: false,
                        }],
                        markers: Vec::new(),
                    }),
                    width: WIDTH,
                    height: PLOT,
                }
            })
        })
    });
    let summary = move || {
        let lang = i18n.lang.get();
        budget.with(|budget_left| {
            let left = |level: PolicyKind| {
                percent(budget_left[level.index()].last().copied().unwrap_or(1.0))
            };
            tr_args(
                lang,
                "scenario.ops.budget.summary",
                &[
                    ("none", &left(PolicyKind::NoLoop)),
                    ("manual", &left(PolicyKind::ManualRetrain)),
                    ("auto", &left(PolicyKind::AutomatedLoop)),
                ],
            )
        })
    };
    view! {
        <ChartFigure
            id="budget-chart"
            title=Signal::derive(move || tr(i18n.lang.get(), "scenario.ops.budget.title").to_string())
            chart=chart
            summary=Signal::derive(summary)
        />
    }
}
