//! F1 over time for the three policies, with the loop's estimate (CBPE), the alert
//! level and the loop's first alert and promotion.

use super::{PLOT, WIDTH, col_head, day_axis, day_cursor, decimal_axis, last_day, policy_stroke};
use crate::charts::spec::{Chart, ChartRequest, Level, LineChart, Marker, Series, Swatch};
use crate::components::chart::ChartFigure;
use crate::components::i18n::use_i18n;
use crate::i18n::numbers::score;
use crate::i18n::{tr, tr_args};
use crate::pages::scenario::use_scenario;
use crate::scenario::describe::policy_key;
use crate::sim::{Outcome, PolicyKind};
use leptos::prelude::*;

/// The drop rule's line: the deployed model's validation F1 less the drop the rule allows.
fn drop_line(o: &Outcome) -> f64 {
    o.models.first().map_or(f64::NAN, |m| m.reference_f1) - o.config.alert_drop
}

/// F1 over time for the three policies, with the loop's estimate (CBPE), the alert.
#[component]
pub(in crate::components::lab) fn F1Chart(
    /// The day on the timeline.
    day: Memo<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let day_x = move || day_cursor(day);
    // F1 over time: the run and the language only; the day is an overlay.
    let f1 = Memo::new(move |_| {
        let lang = i18n.lang.get();
        ctx.outcome.with(|o| {
            let loop_run = o.policy(PolicyKind::AutomatedLoop);
            let mut markers = Vec::new();
            if let Some(d) = loop_run.first_alert_day {
                markers.push(Marker {
                    x: d as f64,
                    label: tr(lang, "scenario.chart.alert").into(),
                });
            }
            if let Some(d) = loop_run.first_promotion_day {
                markers.push(Marker {
                    x: d as f64,
                    label: tr(lang, "scenario.chart.promotion").into(),
                });
            }
            let mut series: Vec<Series> = PolicyKind::ALL
                .iter()
                .enumerate()
                .map(|(i, p)| Series {
                    label: tr(lang, &policy_key(*p)).into(),
                    points: o
                        .policy(*p)
                        .days
                        .iter()
                        .map(|d| (d.day as f64, d.f1))
                        .collect(),
                    slot: i,
                    stroke: policy_stroke(*p),
                })
                .collect();
            series.push(Series {
                label: tr(lang, "scenario.chart.cbpe").into(),
                points: loop_run
                    .days
                    .iter()
                    .map(|d| (d.day as f64, d.cbpe_f1))
                    .collect(),
                slot: 3,
                stroke: Swatch::Dashed,
            });
            let chart = LineChart {
                x: day_axis(lang, o.config.horizon_days),
                y: decimal_axis((0.4, 1.0), 6, tr(lang, "chart.axis.f1")),
                series,
                // Both alert rules: the threshold, and the drop below the deployed model's
                // validation F1.
                levels: vec![
                    Level {
                        value: o.config.alert_f1,
                        label: tr(lang, "scenario.chart.threshold").into(),
                        dotted: false,
                    },
                    Level {
                        value: drop_line(o),
                        label: tr_args(
                            lang,
                            "scenario.chart.drop_rule",
                            &[("drop", &score(o.config.alert_drop))],
                        ),
                        dotted: true,
                    },
                ],
                markers,
            };
            Some(ChartRequest {
                chart: Chart::Line(chart),
                width: WIDTH,
                height: PLOT,
            })
        })
    });
    let f1_summary = move || {
        let lang = i18n.lang.get();
        ctx.outcome.with(|o| {
            let d = last_day(o, day.get());
            let at = |p: PolicyKind| {
                o.policy(p)
                    .days
                    .get(d)
                    .map(|m| score(m.f1))
                    .unwrap_or_default()
            };
            let cbpe = o
                .policy(PolicyKind::AutomatedLoop)
                .days
                .get(d)
                .map(|m| score(m.cbpe_f1))
                .unwrap_or_default();
            tr_args(
                lang,
                "scenario.chart.f1.summary",
                &[
                    ("day", &d.to_string()),
                    ("noloop", &at(PolicyKind::NoLoop)),
                    ("manual", &at(PolicyKind::ManualRetrain)),
                    ("loop", &at(PolicyKind::AutomatedLoop)),
                    ("cbpe", &cbpe),
                    ("threshold", &score(o.config.alert_f1)),
                    ("drop_line", &score(drop_line(o))),
                ],
            )
        })
    };
    let f1_rows = move || {
        ctx.outcome.with(|o| {
            (0..=o.config.horizon_days / 7)
                .filter_map(|week| {
                    let d = (week * 7) as usize;
                    let f1 = |p: PolicyKind| o.policy(p).days.get(d).map(|m| score(m.f1));
                    Some(view! {
                        <tr>
                            <th scope="row">{week}</th>
                            <td class="num">{f1(PolicyKind::NoLoop)?}</td>
                            <td class="num">{f1(PolicyKind::ManualRetrain)?}</td>
                            <td class="num">{f1(PolicyKind::AutomatedLoop)?}</td>
                            <td class="num">{o.policy(PolicyKind::AutomatedLoop).days.get(d).map(|m| score(m.cbpe_f1))}</td>
                        </tr>
                    })
                })
                .collect_view()
        })
    };

    view! {
        <ChartFigure
            id="f1-chart"
            title=Signal::derive(move || tr(i18n.lang.get(), "scenario.chart.f1.title").to_string())
            chart=f1
            summary=Signal::derive(f1_summary)
            cursor=day_x()
        >
            <table class="data-table">
                <thead>
                    <tr>
                        {col_head("scenario.chart.week")}
                        {col_head("scenario.policy.no-loop")}
                        {col_head("scenario.policy.manual")}
                        {col_head("scenario.policy.loop")}
                        {col_head("scenario.chart.cbpe")}
                    </tr>
                </thead>
                <tbody>{f1_rows}</tbody>
            </table>
        </ChartFigure>
    }
}
