//! The online service hour by hour at the level the lab shows (`sim::ops`): p50, p95 and
//! p99 latency against the SLO, over the days around the first incident switched on (the
//! first days of the run when none is), with the load, the ready replicas and the failed
//! share in its table.

use super::ops::HourWindow;
use super::{PLOT, WIDTH, col_head, whole_axis};
use crate::charts::spec::{Chart, ChartRequest, Level, LineChart, Series, Swatch};
use crate::components::chart::ChartFigure;
use crate::components::i18n::use_i18n;
use crate::i18n::numbers::{grouped, percent};
use crate::i18n::{tr, tr_args};
use crate::sim::ops::{SLO_P95_MS, TIMEOUT_S};
use leptos::prelude::*;

/// The chart, and its table of the hours shown.
#[component]
pub(super) fn ServiceChart(
    /// The hours shown.
    window: Memo<HourWindow>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chart = Memo::new(move |_| {
        let lang = i18n.lang.get();
        window.with(|w| {
            let hours = &w.hours;
            if hours.is_empty() {
                return None;
            }
            let top = hours
                .iter()
                .map(|h| h.p99_ms as f64)
                .fold(SLO_P95_MS * 1.2, f64::max)
                .min(TIMEOUT_S * 1000.0)
                * 1.1;
            let line = |key: &str,
                        slot: usize,
                        stroke: Swatch,
                        y: fn(&crate::sim::ops::HourPoint) -> f32| Series {
                label: tr(lang, key).into(),
                points: hours
                    .iter()
                    .enumerate()
                    .map(|(i, h)| (w.x(i), y(h) as f64))
                    .collect(),
                slot,
                stroke,
            };
            Some(ChartRequest {
                chart: Chart::Line(LineChart {
                    x: w.axis(lang),
                    y: whole_axis(top, tr(lang, "scenario.ops.chart.metric")),
                    series: vec![
                        line("scenario.ops.chart.p50", 1, Swatch::Dashed, |h| h.p50_ms),
                        line("scenario.ops.chart.p95", 0, Swatch::Line, |h| h.p95_ms),
                        line("scenario.ops.chart.p99", 2, Swatch::Dotted, |h| h.p99_ms),
                    ],
                    levels: vec![Level {
                        value: SLO_P95_MS,
                        label: tr_args(
                            lang,
                            "scenario.ops.chart.slo",
                            &[("slo", &grouped(SLO_P95_MS))],
                        ),
                        dotted: false,
                    }],
                    markers: Vec::new(),
                }),
                width: WIDTH,
                height: PLOT,
            })
        })
    });
    let summary = move || {
        let lang = i18n.lang.get();
        window.with(|w| {
            let hours = &w.hours;
            let p95 = hours.iter().map(|h| h.p95_ms as f64).fold(0.0, f64::max);
            let replicas = hours.iter().map(|h| h.replicas).max().unwrap_or(0);
            let errors = hours
                .iter()
                .map(|h| h.error_rate as f64)
                .fold(0.0, f64::max);
            tr_args(
                lang,
                "scenario.ops.chart.summary",
                &[
                    ("from", &w.from.to_string()),
                    ("to", &w.to.to_string()),
                    ("p95", &grouped(p95)),
                    ("slo", &grouped(SLO_P95_MS)),
                    ("replicas", &replicas.to_string()),
                    ("errors", &percent(errors)),
                ],
            )
        })
    };
    let rows = move || {
        window.with(|w| {
            w.hours
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    let when = w.when(i);
                    view! {
                        <tr>
                            <th scope="row" class="num">{when}</th>
                            <td class="num">{grouped(h.rps as f64)}</td>
                            <td class="num">{h.replicas}</td>
                            <td class="num">{grouped(h.p50_ms as f64)}</td>
                            <td class="num">{grouped(h.p95_ms as f64)}</td>
                            <td class="num">{grouped(h.p99_ms as f64)}</td>
                            <td class="num">{percent(h.error_rate as f64)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <ChartFigure
            id="service-chart"
            title=Signal::derive(move || tr(i18n.lang.get(), "scenario.ops.chart.title").to_string())
            chart=chart
            summary=Signal::derive(summary)
            table_label="scenario.ops.chart.table"
        >
            <table class="data-table">
                <thead>
                    <tr>
                        {col_head("scenario.ops.chart.axis")}
                        {col_head("scenario.ops.chart.rps")}
                        {col_head("scenario.ops.chart.replicas")}
                        {col_head("scenario.ops.chart.p50")}
                        {col_head("scenario.ops.chart.p95")}
                        {col_head("scenario.ops.chart.p99")}
                        {col_head("scenario.ops.chart.errors")}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </ChartFigure>
    }
}
