//! The champion's scores against its validation scores, with its decision threshold.

use super::{bin_rows, bins_chart, col_head, current_head, of_week};
use crate::charts::spec::Marker;
use crate::components::chart::ChartFigure;
use crate::components::i18n::use_i18n;
use crate::components::lab::verdict_key;
use crate::i18n::numbers::{percent, score};
use crate::i18n::{tr, tr_args};
use crate::pages::scenario::use_scenario;
use crate::sim::WeekReport;
use crate::sim::drift::{Column, DriftReport};
use leptos::prelude::*;

/// The champion's scores against its validation scores, with its decision threshold.
#[component]
pub(super) fn ScoresChart(
    /// The week the day falls in.
    week: Memo<usize>,
    /// The report of that week.
    report: Memo<Option<WeekReport>>,
    /// What the monitors saw that week.
    drift: Memo<Option<DriftReport>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let threshold = Memo::new(move |_| {
        ctx.outcome
            .with(|o| o.models.first().map(|m| m.model.threshold))
    });
    let current_head = current_head(week);
    // The champion's scores against its validation scores, with its decision threshold.
    let scores = Memo::new(move |_| {
        let lang = i18n.lang.get();
        let threshold = threshold.get()?;
        drift.with(|w| {
            let w = w.as_ref()?;
            let bins = &w.score_bins;
            let cut = tr_args(lang, "scenario.score.cut", &[("t", &score(threshold))]);
            Some(bins_chart(
                lang,
                Column::Score,
                bins,
                week.get(),
                tr(lang, "scenario.score.axis"),
                tr(lang, "scenario.score.reference"),
                Some(Marker {
                    x: threshold * bins.len() as f64,
                    label: cut,
                }),
            ))
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
        of_week(report, &|w| {
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

    view! {
        <ChartFigure id="score-chart" title=Signal::derive(scores_title) chart=scores summary=Signal::derive(scores_summary) table_label="scenario.chart.table.bins">
            <table class="data-table">
                <thead>
                    <tr>
                        {col_head("scenario.score.axis")}
                        {col_head("scenario.score.reference")}
                        <th scope="col">{current_head}</th>
                    </tr>
                </thead>
                <tbody>{score_rows}</tbody>
            </table>
        </ChartFigure>
    }
}
