//! The online service's load hour by hour at the level the lab shows (`sim::ops`): the
//! requests a second against what the ready replicas serve at the target utilisation, over
//! the same days as the latency chart, so the autoscaler's lag (or a fixed pool's ceiling)
//! shows where the latency breaks.

use super::ops::HourWindow;
use super::{PLOT, WIDTH, whole_axis};
use crate::charts::spec::{Chart, ChartRequest, LineChart, Series, Swatch};
use crate::components::chart::ChartFigure;
use crate::components::i18n::use_i18n;
use crate::i18n::numbers::{grouped, percent};
use crate::i18n::{tr, tr_args};
use crate::sim::ops::{SERVICE_MS, TARGET_UTILISATION};
use leptos::prelude::*;

/// Requests a second one replica serves at the autoscaler's target utilisation, at the
/// usual service time.
fn per_replica() -> f64 {
    1000.0 / SERVICE_MS * TARGET_UTILISATION
}

/// The chart.
#[component]
pub(super) fn LoadChart(
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
            let x = |i: usize| w.x(i);
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
                    x: w.axis(lang),
                    y: whole_axis(top, tr(lang, "scenario.ops.chart.rps")),
                    series: vec![
                        Series {
                            label: tr(lang, "scenario.ops.load.demand").into(),
                            points: load,
                            slot: 0,
                            stroke: Swatch::Line,
                        },
                        Series {
                            label: tr_args(
                                lang,
                                "scenario.ops.load.capacity",
                                &[("target", &percent(TARGET_UTILISATION))],
                            ),
                            points: capacity,
                            slot: 1,
                            stroke: Swatch::Dashed,
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
        window.with(|w| {
            let hours = &w.hours;
            let peak = hours.iter().map(|h| h.rps as f64).fold(0.0, f64::max);
            let short = hours
                .iter()
                .filter(|h| (h.rps as f64) > h.replicas as f64 * per_replica())
                .count();
            tr_args(
                lang,
                "scenario.ops.load.summary",
                &[
                    ("from", &w.from.to_string()),
                    ("to", &w.to.to_string()),
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
