//! Why F1, and the threshold the business would choose: accuracy, precision, recall and F1
//! at every threshold on the champion's validation weeks, the F1-best and the money-best
//! thresholds marked, the campaign's weekly value at each in the table, and a paragraph
//! that reads the run's own churn rate, AUC and costs.

use super::{PLOT, WIDTH, col_head, decimal_axis};
use crate::charts::spec::{Chart, ChartRequest, LineChart, Marker, Series, Swatch};
use crate::components::chart::ChartFigure;
use crate::components::i18n::{render_text, use_i18n};
use crate::i18n::numbers::{grouped, percent, score};
use crate::i18n::{tr, tr_args};
use crate::pages::scenario::use_scenario;
use crate::sim::{Outcome, ThresholdPoint};
use leptos::prelude::*;

/// The first of the best points by `key`, as tuning keeps the first best.
fn best(points: &[ThresholdPoint], key: impl Fn(&ThresholdPoint) -> f64) -> Option<ThresholdPoint> {
    points
        .iter()
        .copied()
        .reduce(|a, b| if key(&b) > key(&a) { b } else { a })
}

/// The F1-best and the money-best thresholds of a run.
fn choices(o: &Outcome) -> Option<(ThresholdPoint, ThresholdPoint)> {
    Some((
        best(&o.thresholds, |p| p.confusion.f1())?,
        best(&o.thresholds, |p| p.value_nis)?,
    ))
}

fn accuracy(p: &ThresholdPoint) -> f64 {
    let c = p.confusion;
    (c.tp + c.tn) as f64 / c.total().max(1) as f64
}

/// The threshold chart and its reading.
#[component]
pub(super) fn ThresholdChart() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let chart = Memo::new(move |_| {
        let lang = i18n.lang.get();
        ctx.outcome.with(|o| {
            let (f1_best, money_best) = choices(o)?;
            // Accuracy dashed: the figure the text warns against.
            let line = |key: &str, slot: usize, y: &dyn Fn(&ThresholdPoint) -> f64| Series {
                label: tr(lang, key).into(),
                points: o.thresholds.iter().map(|p| (p.threshold, y(p))).collect(),
                slot,
                stroke: if slot == 3 {
                    Swatch::Dashed
                } else {
                    Swatch::Line
                },
            };
            Some(ChartRequest {
                chart: Chart::Line(LineChart {
                    x: decimal_axis((0.0, 1.0), 10, tr(lang, "scenario.threshold.axis")),
                    y: decimal_axis((0.0, 1.0), 5, tr(lang, "scenario.threshold.metric")),
                    series: vec![
                        line("scenario.threshold.accuracy", 3, &accuracy),
                        line("scenario.threshold.precision", 1, &|p| {
                            p.confusion.precision()
                        }),
                        line("scenario.threshold.recall", 2, &|p| p.confusion.recall()),
                        line("scenario.threshold.f1", 0, &|p| p.confusion.f1()),
                    ],
                    levels: Vec::new(),
                    markers: vec![
                        Marker {
                            x: f1_best.threshold,
                            label: tr(lang, "scenario.threshold.f1_best").into(),
                        },
                        Marker {
                            x: money_best.threshold,
                            label: tr(lang, "scenario.threshold.money_best").into(),
                        },
                    ],
                }),
                width: WIDTH,
                height: PLOT,
            })
        })
    });
    let summary = move || {
        let lang = i18n.lang.get();
        ctx.outcome.with(|o| {
            let Some((f, m)) = choices(o) else {
                return String::new();
            };
            tr_args(
                lang,
                "scenario.threshold.summary",
                &[
                    ("t_f1", &score(f.threshold)),
                    ("f1", &score(f.confusion.f1())),
                    ("v_f1", &grouped(f.value_nis)),
                    ("t_money", &score(m.threshold)),
                    ("v_money", &grouped(m.value_nis)),
                    ("f1_money", &score(m.confusion.f1())),
                ],
            )
        })
    };
    let rows = move || {
        let lang = i18n.lang.get();
        ctx.outcome.with(|o| {
            let (f, m) = choices(o)?;
            Some(
                o.thresholds
                    .iter()
                    .filter(|p| {
                        let k = (p.threshold * 100.0).round() as u32;
                        k.is_multiple_of(5)
                            || p.threshold == f.threshold
                            || p.threshold == m.threshold
                    })
                    .map(|p| {
                        let mark = [
                            (p.threshold == f.threshold, "scenario.threshold.f1_best"),
                            (p.threshold == m.threshold, "scenario.threshold.money_best"),
                        ]
                        .into_iter()
                        .filter(|(on, _)| *on)
                        .map(|(_, key)| tr(lang, key))
                        .collect::<Vec<_>>()
                        .join(", ");
                        let chosen = !mark.is_empty();
                        view! {
                            <tr class:chosen=chosen>
                                <th scope="row" class="num">{score(p.threshold)}</th>
                                <td class="num">{score(accuracy(p))}</td>
                                <td class="num">{score(p.confusion.precision())}</td>
                                <td class="num">{score(p.confusion.recall())}</td>
                                <td class="num">{score(p.confusion.f1())}</td>
                                <td class="num">{grouped(p.value_nis)}</td>
                                <td>{mark}</td>
                            </tr>
                        }
                    })
                    .collect_view(),
            )
        })
    };
    view! {
        <ChartFigure
            id="threshold-chart"
            title=Signal::derive(move || tr(i18n.lang.get(), "scenario.threshold.title").to_string())
            chart=chart
            summary=Signal::derive(summary)
            table_label="scenario.threshold.table"
        >
            <table class="data-table">
                <thead>
                    <tr>
                        {col_head("scenario.threshold.axis")}
                        {col_head("scenario.threshold.accuracy")}
                        {col_head("scenario.threshold.precision")}
                        {col_head("scenario.threshold.recall")}
                        {col_head("scenario.threshold.f1")}
                        {col_head("scenario.threshold.value")}
                        {col_head("scenario.threshold.choice")}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </ChartFigure>
        <WhyF1 />
    }
}

/// Why the lab watches F1, read from the run: the churn rate that makes accuracy useless,
/// the AUC the ML Developer asks about, and the costs that move the business's threshold.
#[component]
fn WhyF1() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let text = move || {
        let lang = i18n.lang.get();
        let text = ctx.outcome.with(|o| {
            let (f, m) = choices(o)?;
            let c = f.confusion;
            let churn = (c.tp + c.fn_) as f64 / c.total().max(1) as f64;
            let b = &o.config.business;
            let saved = b.save_rate * (b.arpu_nis * b.months_retained - b.offer_cost_nis);
            let wasted = b.fp_accept_rate * b.offer_cost_nis;
            let auc = o.models.first().map_or(f64::NAN, |m| m.reference_auc);
            let head = tr_args(
                lang,
                "scenario.threshold.why",
                &[
                    ("churn", &percent(churn)),
                    ("accuracy", &percent(1.0 - churn)),
                    ("auc", &score(auc)),
                ],
            );
            let costs = if saved <= 0.0 {
                tr(lang, "scenario.threshold.costs_worthless").to_string()
            } else if wasted <= 0.0 {
                tr(lang, "scenario.threshold.costs_free").to_string()
            } else {
                tr_args(
                    lang,
                    "scenario.threshold.costs",
                    &[("ratio", &format!("{:.1}", saved / wasted))],
                )
            };
            let key = if m.threshold < f.threshold {
                "scenario.threshold.lower"
            } else if m.threshold > f.threshold {
                "scenario.threshold.higher"
            } else {
                "scenario.threshold.same"
            };
            Some(format!("{head} {costs} {}", tr(lang, key)))
        })?;
        Some(render_text(lang, &text))
    };
    view! { <p class="why-f1">{text}</p> }
}
