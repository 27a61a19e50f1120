//! The money each loop saves over no loop, day by day.

use super::{PLOT, WIDTH, col_head, day_axis, day_cursor, last_day, policy_stroke, savings};
use crate::charts::spec::{Axis, Chart, ChartRequest, LineChart, Series, nice_ticks};
use crate::components::chart::ChartFigure;
use crate::components::i18n::use_i18n;
use crate::i18n::numbers::{grouped, thousands};
use crate::i18n::{tr, tr_args};
use crate::pages::scenario::use_scenario;
use crate::scenario::describe::policy_key;
use crate::sim::PolicyKind;
use leptos::prelude::*;

/// The money each loop saves over no loop, day by day.
#[component]
pub(super) fn MoneyChart(
    /// The day on the timeline.
    day: Memo<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let day_x = move || day_cursor(day);
    // Money saved over no loop, day by day.
    let money = Memo::new(move |_| {
        let lang = i18n.lang.get();
        ctx.outcome.with(|o| {
            let lines: Vec<(PolicyKind, Vec<f64>)> =
                [PolicyKind::ManualRetrain, PolicyKind::AutomatedLoop]
                    .into_iter()
                    .map(|p| (p, savings(o, p)))
                    .collect();
            let (lo, hi) = lines
                .iter()
                .flat_map(|(_, v)| v.iter().copied())
                .fold((0.0f64, 1000.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
            let pad = (hi - lo) * 0.05;
            let range = (if lo < 0.0 { lo - pad } else { 0.0 }, hi + pad);
            let chart = LineChart {
                x: day_axis(lang, o.config.horizon_days),
                y: Axis {
                    range,
                    ticks: {
                        // Thousands when the ticks are a thousand apart or more; otherwise
                        // whole shekels, so no two ticks read the same.
                        let ticks = nice_ticks(range.0, range.1, 5);
                        let step = ticks
                            .windows(2)
                            .map(|w| w[1] - w[0])
                            .fold(f64::INFINITY, f64::min);
                        ticks
                            .into_iter()
                            .map(|v| {
                                (
                                    v,
                                    if step >= 1000.0 {
                                        thousands(lang, v)
                                    } else {
                                        grouped(v)
                                    },
                                )
                            })
                            .collect()
                    },
                    title: tr(lang, "scenario.money.axis").into(),
                },
                series: lines
                    .iter()
                    .map(|(p, v)| Series {
                        label: tr(lang, &policy_key(*p)).into(),
                        points: v.iter().enumerate().map(|(d, s)| (d as f64, *s)).collect(),
                        slot: if *p == PolicyKind::AutomatedLoop {
                            2
                        } else {
                            1
                        },
                        stroke: policy_stroke(*p),
                    })
                    .collect(),
                levels: Vec::new(),
                markers: Vec::new(),
            };
            Some(ChartRequest {
                chart: Chart::Line(chart),
                width: WIDTH,
                height: PLOT,
            })
        })
    });
    let money_summary = move || {
        let lang = i18n.lang.get();
        ctx.outcome.with(|o| {
            let d = last_day(o, day.get());
            let at = |p| savings(o, p).get(d).copied().unwrap_or_default();
            tr_args(
                lang,
                "scenario.money.summary",
                &[
                    ("day", &d.to_string()),
                    ("loop", &grouped(at(PolicyKind::AutomatedLoop))),
                    ("manual", &grouped(at(PolicyKind::ManualRetrain))),
                ],
            )
        })
    };
    let money_rows = move || {
        ctx.outcome.with(|o| {
            let (manual, auto) = (
                savings(o, PolicyKind::ManualRetrain),
                savings(o, PolicyKind::AutomatedLoop),
            );
            (0..=o.config.horizon_days / 7)
                .filter_map(|week| {
                    let d = (week * 7) as usize;
                    Some(view! {
                        <tr>
                            <th scope="row">{week}</th>
                            <td class="num">{grouped(*manual.get(d)?)}</td>
                            <td class="num">{grouped(*auto.get(d)?)}</td>
                        </tr>
                    })
                })
                .collect_view()
        })
    };

    view! {
        <ChartFigure
            id="money-chart"
            title=Signal::derive(move || tr(i18n.lang.get(), "scenario.money.title").to_string())
            chart=money
            summary=Signal::derive(money_summary)
            cursor=day_x()
        >
            <table class="data-table">
                <thead>
                    <tr>
                        {col_head("scenario.chart.week")}
                        {col_head("scenario.policy.manual")}
                        {col_head("scenario.policy.loop")}
                    </tr>
                </thead>
                <tbody>{money_rows}</tbody>
            </table>
        </ChartFigure>
    }
}
