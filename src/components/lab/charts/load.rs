//! The online service's load hour by hour at the level the lab shows (`sim::ops`): the
//! requests a second against what the ready replicas serve at the target utilisation, over
//! the same days as the latency chart, so the autoscaler's lag (or a fixed pool's ceiling)
//! shows where the latency breaks.

use super::service::window;
use super::{PLOT, WIDTH};
use crate::charts::spec::{Axis, Chart, ChartRequest, LineChart, Series, nice_ticks};
use crate::components::chart::ChartFigure;
use crate::components::i18n::use_i18n;
use crate::i18n::numbers::{grouped, percent};
use crate::i18n::{tr, tr_args};
use crate::pages::scenario::use_scenario;
use crate::sim::ops::{SERVICE_MS, TARGET_UTILISATION};
use leptos::prelude::*;

/// Requests a second one replica serves at the autoscaler's target utilisation, at the
/// usual service time.
fn per_replica() -> f64 {
    1000.0 / SERVICE_MS * TARGET_UTILISATION
}

/// The chart.
#[component]
pub(in crate::components::lab) fn LoadChart() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let chart = Memo::new(move |_| {
        let lang = i18n.lang.get();
        ctx.outcome.with(|o| {
            let (from, to) = window(o);
            let hours = o.ops.hours.get(24 * from as usize..24 * to as usize)?;
            let x = |i: usize| from as f64 + i as f64 / 24.0;
            let load: Vec<(f64, f64)> = hours
                .iter()
                .enumerate()
                .map(|(i, h)| (x(i), h.rps as f64))
                .collect();
            let capacity: Vec<(f64, f64)> = hours
                .iter()
                .enumerate()
                .map(|(i, h)| (x(i), h.replicas as f64 * per_replica()))
                .collect();
            let top = load
                .iter()
                .chain(&capacity)
                .map(|p| p.1)
                .fold(10.0, f64::max)
                * 1.1;
            Some(ChartRequest {
                chart: Chart::Line(LineChart {
                    x: Axis {
                        range: (from as f64, to as f64),
                        ticks: (from..=to).map(|d| (d as f64, d.to_string())).collect(),
                        title: tr(lang, "scenario.chart.axis.day").into(),
                    },
                    y: Axis {
                        range: (0.0, top),
                        ticks: nice_ticks(0.0, top, 6)
                            .into_iter()
                            .map(|v| (v, format!("{v:.0}")))
                            .collect(),
                        title: tr(lang, "scenario.ops.chart.rps").into(),
                    },
                    series: vec![
                        Series {
                            label: tr(lang, "scenario.ops.load.demand").into(),
                            points: load,
                            slot: 0,
                            dashed: false,
                        },
                        Series {
                            label: tr_args(
                                lang,
                                "scenario.ops.load.capacity",
                                &[("target", &percent(TARGET_UTILISATION))],
                            ),
                            points: capacity,
                            slot: 1,
                            dashed: true,
                        },
                    ],
                    levels: Vec::new(),
                    markers: Vec::new(),
                }),
                width: WIDTH,
                height: PLOT,
            })
        })
    });
    let summary = move || {
        let lang = i18n.lang.get();
        ctx.outcome.with(|o| {
            let (from, to) = window(o);
            let hours = o
                .ops
                .hours
                .get(24 * from as usize..24 * to as usize)
                .unwrap_or(&[]);
            let peak = hours.iter().map(|h| h.rps as f64).fold(0.0, f64::max);
            let short = hours
                .iter()
                .filter(|h| (h.rps as f64) > h.replicas as f64 * per_replica())
                .count();
            tr_args(
                lang,
                "scenario.ops.load.summary",
                &[
                    ("from", &from.to_string()),
                    ("to", &to.to_string()),
                    ("peak", &grouped(peak)),
                    ("per", &grouped(per_replica())),
                    ("hours", &short.to_string()),
                ],
            )
        })
    };
    view! {
        <ChartFigure
            id="load-chart"
            title=Signal::derive(move || tr(i18n.lang.get(), "scenario.ops.load.title").to_string())
            chart=chart
            summary=Signal::derive(summary)
        />
    }
}
