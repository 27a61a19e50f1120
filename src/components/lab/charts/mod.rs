//! The lab's charts: F1 over time, the money each loop saves, a feature's distribution
//! against the reference, one drift statistic for every input against its threshold, and
//! the score distribution, the champion's errors by segment, accuracy, precision, recall and F1
//! over every threshold, and the true F1 against the F1 measured on the labels the campaign left,
//! one file each; beside the F1 chart while an incident is on, the production system's
//! (`ops`: the service's latency and load, the error budget, each week's batch). Each is drawn by `crate::charts` in the worker
//! from the outcome and shown in a `ChartFigure` with a sentence that reads it and its data
//! as a table. This file holds the axes, bins and table parts they share. A new chart: its
//! data in `crate::charts::spec`, its drawing in `crate::charts::draw`, its component here.

mod budget;
mod distribution;
mod f1;
mod freshness;
mod labels;
mod load;
mod money;
mod ops;
mod scores;
mod segments;
mod service;
mod statistics;
mod threshold;

use crate::charts::spec::{Axis, BarChart, Bars, Chart, ChartRequest, Marker, Swatch, nice_ticks};
use crate::components::i18n::{t, use_i18n};
use crate::i18n::numbers::percent;
use crate::i18n::{Lang, tr, tr_args};
use crate::pages::scenario::use_scenario;
use crate::scenario::url::{PageState, column_slug};
use crate::sim::drift::{Bin, Column, DriftReport};
use crate::sim::{Outcome, PolicyKind, WeekReport};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Chart width in SVG user units (the SVG scales to the page).
pub(super) const WIDTH: u32 = 760;
/// Height of a chart's plotting band.
pub(super) const PLOT: u32 = 280;

/// How a policy's line is drawn besides its colour, the same on every chart: dotted without
/// a loop, long dashes for the manual retrain, solid for the automated loop.
pub(super) fn policy_stroke(policy: PolicyKind) -> Swatch {
    match policy {
        PolicyKind::NoLoop => Swatch::Dotted,
        PolicyKind::ManualRetrain => Swatch::LongDashed,
        PolicyKind::AutomatedLoop => Swatch::Line,
    }
}

/// The locale key of a monitored column's name.
pub(in crate::components::lab) fn column_key(column: Column) -> String {
    format!("scenario.feature.{}", column_slug(column))
}

pub(super) fn day_axis(lang: Lang, horizon: u32) -> Axis {
    count_axis(horizon, tr(lang, "scenario.chart.axis.day"))
}

/// An axis of whole numbers from 0 to `last` (days, weeks).
pub(super) fn count_axis(last: u32, title: &str) -> Axis {
    let last = last.max(1) as f64;
    Axis {
        range: (0.0, last),
        ticks: nice_ticks(0.0, last, 9)
            .into_iter()
            .map(|d| (d, format!("{d:.0}")))
            .collect(),
        title: title.into(),
    }
}

/// An axis of whole numbers from 0 to `top`, about six ticks (milliseconds, requests,
/// hours).
pub(super) fn whole_axis(top: f64, title: &str) -> Axis {
    Axis {
        range: (0.0, top),
        ticks: nice_ticks(0.0, top, 6)
            .into_iter()
            .map(|v| (v, format!("{v:.0}")))
            .collect(),
        title: title.into(),
    }
}

/// An axis of plain numbers with one decimal (F1, a threshold, a share from 0 to 1).
pub(super) fn decimal_axis(range: (f64, f64), ticks: usize, title: &str) -> Axis {
    Axis {
        range,
        ticks: nice_ticks(range.0, range.1, ticks)
            .into_iter()
            .map(|v| (v, format!("{v:.1}")))
            .collect(),
        title: title.into(),
    }
}

pub(super) fn share_axis(lang: Lang, top: f64) -> Axis {
    let top = (top * 1.15).clamp(0.05, 1.0);
    Axis {
        range: (0.0, top),
        ticks: nice_ticks(0.0, top, 5)
            .into_iter()
            .map(|v| (v, percent(v)))
            .collect(),
        title: tr(lang, "scenario.dist.axis.share").into(),
    }
}

/// The simulated day the lab's day stands for: the horizon's end shows its last day.
pub(in crate::components::lab) fn last_day(o: &Outcome, day: u32) -> usize {
    (day as usize).min(o.policy(PolicyKind::NoLoop).days.len().saturating_sub(1))
}

/// Each policy's cumulative value over no loop, by day.
pub(super) fn savings(o: &Outcome, policy: PolicyKind) -> Vec<f64> {
    let base = &o.policy(PolicyKind::NoLoop).days;
    let mut total = 0.0;
    o.policy(policy)
        .days
        .iter()
        .zip(base)
        .map(|(d, b)| {
            total += d.value_nis - b.value_nis;
            total
        })
        .collect()
}

/// Where an input column stands in `Column::INPUTS` (and in a drift report's lists).
pub(super) fn input_index(column: Column) -> usize {
    Column::INPUTS
        .iter()
        .position(|c| *c == column)
        .unwrap_or(0)
}

/// A bin's label: the category's name, or the range of values it holds.
pub(super) fn bin_label(lang: Lang, column: Column, index: usize, bin: &Bin) -> String {
    if column.is_categorical() {
        return tr(
            lang,
            &format!("scenario.cat.{}.{index}", column_slug(column)),
        )
        .to_string();
    }
    let decimals = match column {
        Column::Usage => 2,
        Column::Score => 1,
        _ => 0,
    };
    let (lo, hi) = (
        format!("{:.decimals$}", bin.lo),
        format!("{:.decimals$}", bin.hi),
    );
    if lo == hi { lo } else { format!("{lo}–{hi}") }
}

/// A distribution's data table: one row a bin, the reference's and the week's shares.
pub(super) fn bin_rows(lang: Lang, column: Column, bins: &[Bin]) -> impl IntoView + use<> {
    bins.iter()
        .enumerate()
        .map(|(i, b)| {
            view! {
                <tr>
                    <th scope="row">{bin_label(lang, column, i, b)}</th>
                    <td class="num">{format!("{:.1}%", b.reference * 100.0)}</td>
                    <td class="num">{format!("{:.1}%", b.current * 100.0)}</td>
                </tr>
            }
        })
        .collect_view()
}

pub(super) fn select_value(ev: &leptos::ev::Event) -> String {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

/// A distribution against its reference, bin by bin, as bars of each bin's share: the
/// reference (named `reference`) and the week shown, with an optional marker.
pub(super) fn bins_chart(
    lang: Lang,
    column: Column,
    bins: &[Bin],
    week: usize,
    group_title: &str,
    reference: &str,
    marker: Option<Marker>,
) -> ChartRequest {
    let top = bins
        .iter()
        .map(|b| b.reference.max(b.current))
        .fold(0.0, f64::max);
    let current = tr_args(
        lang,
        "scenario.dist.current",
        &[("week", &week.to_string())],
    );
    ChartRequest {
        chart: Chart::Bars(BarChart {
            groups: bins
                .iter()
                .enumerate()
                .map(|(i, b)| bin_label(lang, column, i, b))
                .collect(),
            group_title: group_title.into(),
            value: share_axis(lang, top),
            series: vec![
                Bars {
                    label: reference.into(),
                    values: bins.iter().map(|b| b.reference).collect(),
                    slot: 0,
                },
                Bars {
                    label: current,
                    values: bins.iter().map(|b| b.current).collect(),
                    slot: 1,
                },
            ],
            levels: Vec::new(),
            marker,
            horizontal: false,
        }),
        width: WIDTH,
        height: PLOT,
    }
}

/// What a sentence says of the week shown, if there is a report for it.
pub(super) fn of_week(
    report: Memo<Option<WeekReport>>,
    f: &dyn Fn(&WeekReport) -> Option<String>,
) -> Option<String> {
    report.with(|w| w.as_ref().and_then(f))
}

/// A column heading of a chart's data table.
pub(super) fn col_head(key: &'static str) -> impl IntoView {
    view! { <th scope="col">{t(key)}</th> }
}

/// The heading of a distribution table's column for the week shown.
pub(super) fn current_head(week: Memo<usize>) -> impl Fn() -> String + Copy + Send + Sync {
    let i18n = use_i18n();
    move || {
        tr_args(
            i18n.lang.get(),
            "scenario.dist.current",
            &[("week", &week.get().to_string())],
        )
    }
}

/// Moves the scenario page to a new view of the same run (a chart's picker).
pub(super) fn go_view(change: &dyn Fn(&mut PageState)) {
    let ctx = use_scenario();
    let mut next = ctx.state.get_untracked();
    change(&mut next);
    ctx.go.run((next, true));
}

/// The day line of the time charts: the day on an axis from 0 to the horizon.
pub(super) fn day_cursor(day: Memo<u32>) -> Signal<(f64, (f64, f64))> {
    let ctx = use_scenario();
    let horizon = Memo::new(move |_| ctx.config.get().horizon_days);
    Signal::derive(move || (day.get() as f64, (0.0, horizon.get().max(1) as f64)))
}

pub(super) use f1::F1Chart;

/// The lab's charts after the main one (`F1Chart`, which the lab places above the
/// timeline), following the run and the day on the timeline.
#[component]
pub(super) fn LabCharts(
    /// The day on the timeline.
    day: Memo<u32>,
    /// The report of the week the day falls in.
    report: Memo<Option<WeekReport>>,
    /// What the monitors saw that week.
    drift: Memo<Option<DriftReport>>,
) -> impl IntoView {
    let week =
        Memo::new(move |_| report.with(|r| r.as_ref().map(|r| r.week as usize).unwrap_or(0)));
    view! {
        <ops::OpsCharts />
        <money::MoneyChart day=day />
        <distribution::DistributionChart week=week report=report drift=drift />
        <statistics::StatisticsChart week=week report=report drift=drift />
        <scores::ScoresChart week=week report=report drift=drift />
        <segments::SegmentsChart week=week report=report />
        <threshold::ThresholdChart />
        <labels::LabelsChart />
    }
}
