//! The lab's charts: F1 over time, the money each loop saves, a feature's distribution
//! against the reference, one drift statistic for every input against its threshold, and
//! the score distribution. Each is drawn by `crate::charts` from the outcome and shown in
//! a `ChartFigure` with a sentence that reads it and its data as a table.
//!
//! Why it is longer than ~400 lines: six charts, each a block of the same shape (the
//! `ChartRequest` it asks the worker for, the sentence that reads it, its data table), around
//! the axis and bin helpers at the top that they share.

use crate::charts::spec::{
    Axis, BarChart, Bars, Chart, ChartRequest, Level, LineChart, Marker, Series, nice_ticks,
};
use crate::components::chart::ChartFigure;
use crate::components::erased::dynamic;
use crate::components::i18n::{t, use_i18n};
use crate::components::lab::verdict_key;
use crate::i18n::numbers::{grouped, percent, score, thousands};
use crate::i18n::{Lang, tr, tr_args};
use crate::pages::scenario::use_scenario;
use crate::scenario::describe::policy_key;
use crate::scenario::url::{PageState, Stat, column_from_slug, column_slug};
use crate::sim::drift::{
    Bin, Column, ColumnDrift, DISTANCE_THRESHOLD, DriftReport, P_THRESHOLD, PSI_ALERT, PSI_WARN,
};
use crate::sim::{Outcome, PolicyKind, WeekReport};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Chart width in SVG user units (the SVG scales to the page).
const WIDTH: u32 = 760;
/// Height of a chart's plotting band.
const PLOT: u32 = 280;

/// The locale key of a monitored column's name.
pub fn column_key(column: Column) -> String {
    format!("scenario.feature.{}", column_slug(column))
}

fn day_axis(lang: Lang, horizon: u32) -> Axis {
    let horizon = horizon.max(1) as f64;
    Axis {
        range: (0.0, horizon),
        ticks: nice_ticks(0.0, horizon, 9)
            .into_iter()
            .map(|d| (d, format!("{d:.0}")))
            .collect(),
        title: tr(lang, "scenario.chart.axis.day").into(),
    }
}

fn share_axis(lang: Lang, top: f64) -> Axis {
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
pub fn last_day(o: &Outcome, day: u32) -> usize {
    (day as usize).min(o.policy(PolicyKind::NoLoop).days.len().saturating_sub(1))
}

/// Each policy's cumulative value over no loop, by day.
fn savings(o: &Outcome, policy: PolicyKind) -> Vec<f64> {
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
fn input_index(column: Column) -> usize {
    Column::INPUTS
        .iter()
        .position(|c| *c == column)
        .unwrap_or(0)
}

/// A bin's label: the category's name, or the range of values it holds.
fn bin_label(lang: Lang, column: Column, index: usize, bin: &Bin) -> String {
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
fn bin_rows(lang: Lang, column: Column, bins: &[Bin]) -> impl IntoView + use<> {
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

fn select_value(ev: &leptos::ev::Event) -> String {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

/// The lab's charts, following the run and the day on the timeline.
#[component]
pub fn LabCharts(
    /// The day on the timeline.
    day: Memo<u32>,
    /// The report of the week the day falls in.
    report: Memo<Option<WeekReport>>,
    /// What the monitors saw that week.
    drift: Memo<Option<DriftReport>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let horizon = Memo::new(move |_| ctx.config.get().horizon_days);
    let week =
        Memo::new(move |_| report.with(|r| r.as_ref().map(|r| r.week as usize).unwrap_or(0)));
    let threshold = Memo::new(move |_| {
        ctx.outcome
            .with(|o| o.models.first().map(|m| m.model.threshold))
    });
    let feature = Memo::new(move |_| ctx.state.get().feature);
    let stat = Memo::new(move |_| ctx.state.get().stat);
    // The day line: the day on the time axis.
    let day_x =
        move || Signal::derive(move || (day.get() as f64, (0.0, horizon.get().max(1) as f64)));

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
                    dashed: false,
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
                dashed: true,
            });
            let chart = LineChart {
                x: day_axis(lang, o.config.horizon_days),
                y: Axis {
                    range: (0.4, 1.0),
                    ticks: nice_ticks(0.4, 1.0, 6)
                        .into_iter()
                        .map(|v| (v, format!("{v:.1}")))
                        .collect(),
                    title: tr(lang, "chart.axis.f1").into(),
                },
                series,
                levels: vec![Level {
                    value: o.config.alert_f1,
                    label: tr(lang, "scenario.chart.threshold").into(),
                    dotted: false,
                }],
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
                    ticks: nice_ticks(range.0, range.1, 5)
                        .into_iter()
                        .map(|v| (v, thousands(lang, v)))
                        .collect(),
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
                        dashed: false,
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

    // A feature's distribution in the PSI bins: the reference against the week shown.
    let with_week = move |f: &dyn Fn(&WeekReport) -> Option<String>| -> Option<String> {
        report.with(|w| w.as_ref().and_then(f))
    };
    let dist = Memo::new(move |_| {
        let lang = i18n.lang.get();
        let column = feature.get();
        let index = input_index(column);
        drift.with(|w| {
            let w = w.as_ref()?;
            let bins = w.bins.get(index)?;
            let top = bins
                .iter()
                .map(|b| b.reference.max(b.current))
                .fold(0.0, f64::max);
            let current = tr_args(
                lang,
                "scenario.dist.current",
                &[("week", &week.get().to_string())],
            );
            let chart = BarChart {
                groups: bins
                    .iter()
                    .enumerate()
                    .map(|(i, b)| bin_label(lang, column, i, b))
                    .collect(),
                group_title: tr(lang, &column_key(column)).into(),
                value: share_axis(lang, top),
                series: vec![
                    Bars {
                        label: tr(lang, "scenario.dist.reference").into(),
                        values: bins.iter().map(|b| b.reference).collect(),
                        slot: 0,
                    },
                    Bars {
                        label: current.clone(),
                        values: bins.iter().map(|b| b.current).collect(),
                        slot: 1,
                    },
                ],
                levels: Vec::new(),
                marker: None,
                horizontal: false,
            };
            Some(ChartRequest {
                chart: Chart::Bars(chart),
                width: WIDTH,
                height: PLOT,
            })
        })
    });
    let dist_title = move || {
        let lang = i18n.lang.get();
        tr_args(
            lang,
            "scenario.dist.title",
            &[
                ("feature", tr(lang, &column_key(feature.get()))),
                ("week", &week.get().to_string()),
            ],
        )
    };
    let dist_summary = move || {
        let lang = i18n.lang.get();
        let column = feature.get();
        let index = input_index(column);
        with_week(&|w| {
            let c = w.drift.inputs.get(index)?;
            let bins = w.drift.bins.get(index)?;
            let (i, b) = bins.iter().enumerate().max_by(|a, b| {
                (a.1.current - a.1.reference)
                    .abs()
                    .total_cmp(&(b.1.current - b.1.reference).abs())
            })?;
            Some(tr_args(
                lang,
                "scenario.dist.summary",
                &[
                    ("psi", &format!("{:.3}", c.psi)),
                    ("verdict", tr(lang, verdict_key(c.psi_verdict))),
                    ("bin", &bin_label(lang, column, i, b)),
                    ("from", &percent(b.reference)),
                    ("to", &percent(b.current)),
                ],
            ))
        })
        .unwrap_or_default()
    };
    let dist_rows = move || {
        let lang = i18n.lang.get();
        let column = feature.get();
        let index = input_index(column);
        drift.with(|w| {
            w.as_ref()
                .and_then(|w| w.bins.get(index))
                .map(|bins| bin_rows(lang, column, bins))
        })
    };

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
        with_week(&|w| {
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

    // The champion's scores against its validation scores, with its decision threshold.
    let scores = Memo::new(move |_| {
        let lang = i18n.lang.get();
        let threshold = threshold.get()?;
        drift.with(|w| {
            let w = w.as_ref()?;
            let bins = &w.score_bins;
            let top = bins
                .iter()
                .map(|b| b.reference.max(b.current))
                .fold(0.0, f64::max);
            let current = tr_args(
                lang,
                "scenario.dist.current",
                &[("week", &week.get().to_string())],
            );
            let cut = tr_args(lang, "scenario.score.cut", &[("t", &score(threshold))]);
            let chart = BarChart {
                groups: bins
                    .iter()
                    .enumerate()
                    .map(|(i, b)| bin_label(lang, Column::Score, i, b))
                    .collect(),
                group_title: tr(lang, "scenario.score.axis").into(),
                value: share_axis(lang, top),
                series: vec![
                    Bars {
                        label: tr(lang, "scenario.score.reference").into(),
                        values: bins.iter().map(|b| b.reference).collect(),
                        slot: 0,
                    },
                    Bars {
                        label: current.clone(),
                        values: bins.iter().map(|b| b.current).collect(),
                        slot: 1,
                    },
                ],
                levels: Vec::new(),
                marker: Some(Marker {
                    x: threshold * bins.len() as f64,
                    label: cut,
                }),
                horizontal: false,
            };
            Some(ChartRequest {
                chart: Chart::Bars(chart),
                width: WIDTH,
                height: PLOT,
            })
        })
    });
    let scores_title = move || {
        tr_args(
            i18n.lang.get(),
            "scenario.score.title",
            &[("week", &week.get().to_string())],
        )
    };
    let scores_summary = move || {
        let lang = i18n.lang.get();
        with_week(&|w| {
            let c = w.champion_confusion;
            let n = (c.tp + c.fp + c.tn + c.fn_).max(1) as f64;
            Some(tr_args(
                lang,
                "scenario.score.summary",
                &[
                    ("flagged", &percent((c.tp + c.fp) as f64 / n)),
                    ("churn", &percent(w.churn_rate)),
                    ("psi", &format!("{:.3}", w.drift.score.psi)),
                    ("verdict", tr(lang, verdict_key(w.drift.score.psi_verdict))),
                ],
            ))
        })
        .unwrap_or_default()
    };
    let score_rows = move || {
        let lang = i18n.lang.get();
        drift.with(|w| {
            w.as_ref()
                .map(|w| bin_rows(lang, Column::Score, &w.score_bins))
        })
    };

    let go_view = move |change: &dyn Fn(&mut PageState)| {
        let mut next = ctx.state.get_untracked();
        change(&mut next);
        ctx.go.run((next, true));
    };
    let feature_options = Column::INPUTS
        .iter()
        .map(|c| {
            let slug = column_slug(*c);
            view! {
                <option value=slug selected=move || feature.get() == *c>
                    {i18n.t(&column_key(*c))}
                </option>
            }
        })
        .collect_view();
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
    let col_head = move |key: &'static str| view! { <th scope="col">{t(key)}</th> };
    let current_head = move || {
        tr_args(
            i18n.lang.get(),
            "scenario.dist.current",
            &[("week", &week.get().to_string())],
        )
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
                <tbody>{dynamic(f1_rows)}</tbody>
            </table>
        </ChartFigure>
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
                <tbody>{dynamic(money_rows)}</tbody>
            </table>
        </ChartFigure>
        <div class="control chart-pick">
            <label for="feature">
                {t("scenario.dist.pick")}
            </label>
            <select
                id="feature"
                on:change=move |ev| {
                    if let Some(column) = column_from_slug(&select_value(&ev)) {
                        go_view(&|s| s.feature = column);
                    }
                }
            >
                {feature_options}
            </select>
        </div>
        <ChartFigure id="dist-chart" title=Signal::derive(dist_title) chart=dist summary=Signal::derive(dist_summary) table_label="scenario.chart.table.bins">
            <table class="data-table">
                <thead>
                    <tr>
                        {col_head("scenario.dist.bin")}
                        {col_head("scenario.dist.reference")}
                        <th scope="col">{dynamic(current_head)}</th>
                    </tr>
                </thead>
                <tbody>{dynamic(dist_rows)}</tbody>
            </table>
        </ChartFigure>
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
        <ChartFigure id="score-chart" title=Signal::derive(scores_title) chart=scores summary=Signal::derive(scores_summary) table_label="scenario.chart.table.bins">
            <table class="data-table">
                <thead>
                    <tr>
                        {col_head("scenario.score.axis")}
                        {col_head("scenario.score.reference")}
                        <th scope="col">{dynamic(current_head)}</th>
                    </tr>
                </thead>
                <tbody>{dynamic(score_rows)}</tbody>
            </table>
        </ChartFigure>
    }
}
