//! The labels the campaign leaves: the champion's true F1 each week against the F1 the team
//! measures on the labels its retention offers left (`sim::campaign`), the customers the
//! offers kept and recorded as stayers, and the paragraph `scenario::story::labels_reading`
//! chooses from the run: what the control group costs, or what goes wrong without one.

use super::{PLOT, WIDTH, col_head, count_axis, decimal_axis};
use crate::charts::spec::{Chart, ChartRequest, LineChart, Series, Swatch};
use crate::components::chart::ChartFigure;
use crate::components::i18n::{render_text, use_i18n};
use crate::i18n::numbers::{grouped, score};
use crate::i18n::{tr, tr_args};
use crate::pages::scenario::use_scenario;
use crate::scenario::story::{labels_reading, largest_gap};
use leptos::prelude::*;

/// The chart, its table and its reading.
#[component]
pub(super) fn LabelsChart() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let chart = Memo::new(move |_| {
        let lang = i18n.lang.get();
        ctx.outcome.with(|o| {
            let line = |key: &str,
                        slot: usize,
                        stroke: Swatch,
                        y: fn(&crate::sim::WeekReport) -> f64| Series {
                label: tr(lang, key).into(),
                points: o.weeks.iter().map(|w| (w.week as f64, y(w))).collect(),
                slot,
                stroke,
            };
            (!o.weeks.is_empty()).then(|| ChartRequest {
                chart: Chart::Line(LineChart {
                    x: count_axis(
                        o.weeks.len().saturating_sub(1) as u32,
                        tr(lang, "scenario.labels.axis"),
                    ),
                    y: decimal_axis((0.0, 1.0), 5, tr(lang, "scenario.labels.metric")),
                    series: vec![
                        line("scenario.labels.truth", 0, Swatch::Line, |w| w.champion_f1),
                        line("scenario.labels.seen", 1, Swatch::Dashed, |w| {
                            w.champion_seen_f1
                        }),
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
            tr_args(
                lang,
                "scenario.labels.summary",
                &[
                    ("weeks", &o.weeks.len().to_string()),
                    ("gap", &score(largest_gap(o))),
                ],
            )
        })
    };
    let rows = move || {
        ctx.outcome.with(|o| {
            o.weeks
                .iter()
                .map(|w| {
                    view! {
                        <tr>
                            <th scope="row" class="num">{w.week}</th>
                            <td class="num">{score(w.champion_f1)}</td>
                            <td class="num">{score(w.champion_seen_f1)}</td>
                            <td class="num">{grouped(w.champion_offered as f64)}</td>
                            <td class="num">{grouped(w.champion_kept as f64)}</td>
                            <td class="num">{grouped(w.control_churners_flagged as f64)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let text = move || {
        let lang = i18n.lang.get();
        let text = ctx.outcome.with(|o| labels_reading(lang, o))?;
        Some(render_text(lang, &text))
    };
    view! {
        <ChartFigure
            id="labels-chart"
            title=Signal::derive(move || tr(i18n.lang.get(), "scenario.labels.title").to_string())
            chart=chart
            summary=Signal::derive(summary)
            table_label="scenario.labels.table"
        >
            <table class="data-table">
                <thead>
                    <tr>
                        {col_head("scenario.labels.axis")}
                        {col_head("scenario.labels.truth")}
                        {col_head("scenario.labels.seen")}
                        {col_head("scenario.labels.offered")}
                        {col_head("scenario.labels.kept")}
                        {col_head("scenario.labels.control")}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </ChartFigure>
        <p class="labels-reading">{text}</p>
    }
}
