//! One drift statistic for every input and the score, against its threshold, with the
//! picker of the statistic.

use super::{PLOT, WIDTH, column_key, go_view, of_week, select_value};
use crate::charts::spec::{Axis, BarChart, Bars, Chart, ChartRequest, Level, nice_ticks};
use crate::components::chart::ChartFigure;
use crate::components::i18n::t;
use crate::components::i18n::use_i18n;
use crate::i18n::{tr, tr_args};
use crate::pages::scenario::use_scenario;
use crate::scenario::url::Stat;
use crate::sim::WeekReport;
use crate::sim::drift::{
    ColumnDrift, DISTANCE_THRESHOLD, DriftReport, P_THRESHOLD, PSI_ALERT, PSI_WARN,
};
use leptos::prelude::*;

/// A statistic's value for one column (the p-value is KS's, or chi-square's for a
/// category).
fn stat_value(stat: Stat, c: &ColumnDrift) -> f64 {
    match stat {
        Stat::Psi => c.psi,
        Stat::Js => c.js,
        Stat::Wasserstein => c.wasserstein,
        Stat::PValue => {
            if c.column.is_categorical() {
                c.chi2_p
            } else {
                c.ks_p
            }
        }
    }
}

/// True when the statistic crosses its drift threshold for the column.
fn stat_crosses(stat: Stat, c: &ColumnDrift) -> bool {
    let v = stat_value(stat, c);
    match stat {
        Stat::Psi => v >= PSI_ALERT,
        Stat::Js => v >= DISTANCE_THRESHOLD,
        Stat::Wasserstein => !c.column.is_categorical() && v >= DISTANCE_THRESHOLD,
        Stat::PValue => v < P_THRESHOLD,
    }
}

/// One drift statistic for every input and the score, against its threshold, with the.
#[component]
pub(super) fn StatisticsChart(
    /// The week the day falls in.
    week: Memo<usize>,
    /// The report of that week.
    report: Memo<Option<WeekReport>>,
    /// What the monitors saw that week.
    drift: Memo<Option<DriftReport>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let stat = Memo::new(move |_| ctx.state.with(|s| s.stat));
    let stat_options = Stat::ALL
        .iter()
        .map(|s| {
            let s = *s;
            view! {
                <option value=s.slug() selected=move || stat.get() == s>
                    {i18n.t(&format!("scenario.stat.{}", s.slug()))}
                </option>
            }
        })
        .collect_view();
    // One statistic for every input and the score, against its threshold.
    let stats = Memo::new(move |_| {
        let lang = i18n.lang.get();
        let stat = stat.get();
        drift.with(|w| {
            let w = w.as_ref()?;
            let columns: Vec<&ColumnDrift> =
                w.inputs.iter().chain(std::iter::once(&w.score)).collect();
            let values: Vec<f64> = columns.iter().map(|c| stat_value(stat, c)).collect();
            let top = values.iter().copied().fold(0.0, f64::max);
            let (levels, top) = match stat {
                Stat::Psi => (
                    vec![
                        Level {
                            value: PSI_WARN,
                            label: tr(lang, "scenario.stats.warn").into(),
                            dotted: true,
                        },
                        Level {
                            value: PSI_ALERT,
                            label: tr(lang, "scenario.stats.alert").into(),
                            dotted: false,
                        },
                    ],
                    top.max(0.3),
                ),
                Stat::Js | Stat::Wasserstein => (
                    vec![Level {
                        value: DISTANCE_THRESHOLD,
                        label: tr(lang, "scenario.stats.alert").into(),
                        dotted: false,
                    }],
                    top.max(0.15),
                ),
                Stat::PValue => (
                    vec![Level {
                        value: P_THRESHOLD,
                        label: tr(lang, "scenario.stats.p").into(),
                        dotted: false,
                    }],
                    1.0,
                ),
            };
            let top = (top * 1.1).min(if stat == Stat::PValue { 1.0 } else { f64::MAX });
            let chart = BarChart {
                groups: columns
                    .iter()
                    .map(|c| tr(lang, &column_key(c.column)).to_string())
                    .collect(),
                group_title: String::new(),
                value: Axis {
                    range: (0.0, top),
                    ticks: nice_ticks(0.0, top, 5)
                        .into_iter()
                        .map(|v| (v, format!("{v:.2}")))
                        .collect(),
                    title: tr(lang, &format!("scenario.stat.{}", stat.slug())).into(),
                },
                series: vec![Bars {
                    label: tr(lang, "scenario.stats.value").into(),
                    values,
                    slot: 3,
                }],
                levels,
                marker: None,
                horizontal: true,
            };
            Some(ChartRequest {
                chart: Chart::Bars(chart),
                width: WIDTH,
                height: PLOT,
            })
        })
    });
    let stats_title = move || {
        let lang = i18n.lang.get();
        tr_args(
            lang,
            "scenario.stats.title",
            &[
                (
                    "stat",
                    tr(lang, &format!("scenario.stat.{}", stat.get().slug())),
                ),
                ("week", &week.get().to_string()),
            ],
        )
    };
    let stats_summary = move || {
        let lang = i18n.lang.get();
        let stat = stat.get();
        of_week(report, &|w| {
            let crossed: Vec<&str> = w
                .drift
                .inputs
                .iter()
                .filter(|c| stat_crosses(stat, c))
                .map(|c| tr(lang, &column_key(c.column)))
                .collect();
            let names = if crossed.is_empty() {
                tr(lang, "scenario.stats.none").to_string()
            } else {
                crossed.join(", ")
            };
            Some(tr_args(
                lang,
                "scenario.stats.summary",
                &[
                    ("count", &crossed.len().to_string()),
                    ("total", &w.drift.inputs.len().to_string()),
                    ("names", &names),
                ],
            ))
        })
        .unwrap_or_default()
    };

    view! {
        <div class="control chart-pick">
            <label for="stat">
                {t("scenario.stats.pick")}
            </label>
            <select
                id="stat"
                on:change=move |ev| {
                    if let Some(s) = Stat::from_slug(&select_value(&ev)) {
                        go_view(&|state| state.stat = s);
                    }
                }
            >
                {stat_options}
            </select>
        </div>
        <ChartFigure id="stats-chart" title=Signal::derive(stats_title) chart=stats summary=Signal::derive(stats_summary) />
    }
}
