//! A feature's distribution in the PSI bins: the reference against the week shown, with
//! the picker of the feature.

use super::{
    bin_label, bin_rows, bins_chart, col_head, column_key, current_head, go_view, input_index,
    of_week, select_value,
};
use crate::components::chart::ChartFigure;
use crate::components::i18n::t;
use crate::components::i18n::use_i18n;
use crate::components::lab::verdict_key;
use crate::i18n::numbers::percent;
use crate::i18n::{tr, tr_args};
use crate::pages::scenario::use_scenario;
use crate::scenario::url::{column_from_slug, column_slug};
use crate::sim::WeekReport;
use crate::sim::drift::{Column, DriftReport};
use leptos::prelude::*;

/// A feature's distribution in the PSI bins: the reference against the week shown, with.
#[component]
pub(super) fn DistributionChart(
    /// The week the day falls in.
    week: Memo<usize>,
    /// The report of that week.
    report: Memo<Option<WeekReport>>,
    /// What the monitors saw that week.
    drift: Memo<Option<DriftReport>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let feature = Memo::new(move |_| ctx.state.with(|s| s.feature));
    let current_head = current_head(week);
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
    let dist = Memo::new(move |_| {
        let lang = i18n.lang.get();
        let column = feature.get();
        let index = input_index(column);
        drift.with(|w| {
            let w = w.as_ref()?;
            let bins = w.bins.get(index)?;
            Some(bins_chart(
                lang,
                column,
                bins,
                week.get(),
                tr(lang, &column_key(column)),
                tr(lang, "scenario.dist.reference"),
                None,
            ))
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
        of_week(report, &|w| {
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

    view! {
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
                        <th scope="col">{current_head}</th>
                    </tr>
                </thead>
                <tbody>{dist_rows}</tbody>
            </table>
        </ChartFigure>
    }
}
