//! F1 over time up to the day on the timeline: each policy's true F1 (which the team learns
//! only in hindsight), what the automated loop could measure that day (the F1 of each week
//! whose labels had matured, and the label-free estimate, CBPE), both alert rules, and the
//! loop's first alert and promotion once the day reaches them.

use super::{PLOT, WIDTH, col_head, day_axis, day_cursor, decimal_axis, last_day, policy_stroke};
use crate::charts::spec::{Chart, ChartRequest, Level, LineChart, Marker, Series, Swatch};
use crate::components::chart::ChartFigure;
use crate::components::i18n::use_i18n;
use crate::i18n::numbers::score;
use crate::i18n::{tr, tr_args};
use crate::pages::scenario::use_scenario;
use crate::scenario::describe::policy_key;
use crate::sim::{DayMetrics, Outcome, PolicyKind};
use leptos::prelude::*;

/// The drop rule's line: the deployed model's validation F1 less the drop the rule allows.
fn drop_line(o: &Outcome) -> f64 {
    o.models.first().map_or(f64::NAN, |m| m.reference_f1) - o.config.alert_drop
}

/// The day `week`'s labels matured and the F1 the loop measured on them, if by `today`.
fn matured(o: &Outcome, week: u32, today: u32) -> Option<(u32, f64)> {
    let day = 7 * week + o.config.label_delay_days;
    if day > today {
        return None;
    }
    let days = &o.policy(PolicyKind::AutomatedLoop).days;
    Some((day, days.get(day as usize)?.matured_f1?))
}

/// The F1 the loop measured on each week's matured labels, at the day they matured, up to
/// `today`.
fn matured_points(o: &Outcome, today: u32) -> Vec<(f64, f64)> {
    (0..=today / 7)
        .filter_map(|week| matured(o, week, today))
        .map(|(day, f1)| (day as f64, f1))
        .collect()
}

/// The latest matured week by `today` and the F1 the loop measured on it.
fn latest_matured(o: &Outcome, today: u32) -> Option<(u32, f64)> {
    (0..=today / 7)
        .rev()
        .find_map(|week| Some((week, matured(o, week, today)?.1)))
}

/// F1 over time up to the day: the policies' true F1, the loop's measurements, the alert.
#[component]
pub(in crate::components::lab) fn F1Chart(
    /// The day on the timeline.
    day: Memo<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let day_x = move || day_cursor(day);
    // F1 up to the day: the run, the language and the day (what is known grows with it).
    let f1 = Memo::new(move |_| {
        let lang = i18n.lang.get();
        let today = day.get();
        ctx.outcome.with(|o| {
            let loop_run = o.policy(PolicyKind::AutomatedLoop);
            let known = |d: &&DayMetrics| d.day <= today;
            let mut markers = Vec::new();
            if let Some(d) = loop_run.first_alert_day.filter(|&d| d <= today) {
                markers.push(Marker {
                    x: d as f64,
                    label: tr(lang, "scenario.chart.alert").into(),
                });
            }
            if let Some(d) = loop_run.first_promotion_day.filter(|&d| d <= today) {
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
                        .filter(known)
                        .map(|d| (d.day as f64, d.f1))
                        .collect(),
                    slot: i,
                    stroke: policy_stroke(*p),
                })
                .collect();
            series.push(Series {
                label: tr(lang, "scenario.chart.matured").into(),
                points: matured_points(o, today),
                slot: 2,
                stroke: Swatch::Dots,
            });
            series.push(Series {
                label: tr(lang, "scenario.chart.cbpe").into(),
                points: loop_run
                    .days
                    .iter()
                    .filter(known)
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
            let today = d.to_string();
            let delay = o.config.label_delay_days.to_string();
            let truth = tr_args(
                lang,
                "scenario.chart.f1.summary",
                &[
                    ("day", &today),
                    ("noloop", &at(PolicyKind::NoLoop)),
                    ("manual", &at(PolicyKind::ManualRetrain)),
                    ("loop", &at(PolicyKind::AutomatedLoop)),
                ],
            );
            let known = match latest_matured(o, d as u32) {
                Some((week, f1)) => tr_args(
                    lang,
                    "scenario.chart.f1.known",
                    &[
                        ("week", &week.to_string()),
                        ("matured", &score(f1)),
                        ("delay", &delay),
                        ("cbpe", &cbpe),
                    ],
                ),
                None => tr_args(
                    lang,
                    "scenario.chart.f1.known_none",
                    &[("delay", &delay), ("cbpe", &cbpe)],
                ),
            };
            let rule = tr_args(
                lang,
                "scenario.chart.f1.rule",
                &[
                    ("threshold", &score(o.config.alert_f1)),
                    ("drop_line", &score(drop_line(o))),
                ],
            );
            format!("{truth} {known} {rule}")
        })
    };
    // One row a week up to the day, each as text: a new day redraws the rows only when
    // a week starts or a week's labels mature.
    let rows = Memo::new(move |_| {
        let today = day.get();
        ctx.outcome.with(|o| {
            let loop_days = &o.policy(PolicyKind::AutomatedLoop).days;
            (0..=today / 7)
                .filter_map(|week| {
                    let d = (week * 7) as usize;
                    let f1 = |p: PolicyKind| o.policy(p).days.get(d).map(|m| score(m.f1));
                    let measured = matured(o, week, today)
                        .map_or_else(|| "–".to_string(), |(_, f1)| score(f1));
                    Some([
                        week.to_string(),
                        f1(PolicyKind::NoLoop)?,
                        f1(PolicyKind::ManualRetrain)?,
                        f1(PolicyKind::AutomatedLoop)?,
                        measured,
                        score(loop_days.get(d)?.cbpe_f1),
                    ])
                })
                .collect::<Vec<_>>()
        })
    });
    let f1_rows = move || {
        rows.get()
            .into_iter()
            .map(|[week, noloop, manual, auto, matured, cbpe]| {
                view! {
                    <tr>
                        <th scope="row">{week}</th>
                        <td class="num">{noloop}</td>
                        <td class="num">{manual}</td>
                        <td class="num">{auto}</td>
                        <td class="num">{matured}</td>
                        <td class="num">{cbpe}</td>
                    </tr>
                }
            })
            .collect_view()
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
                        {col_head("scenario.chart.matured")}
                        {col_head("scenario.chart.cbpe")}
                    </tr>
                </thead>
                <tbody>{f1_rows}</tbody>
            </table>
        </ChartFigure>
    }
}
