//! The champion's errors by segment (contract, tenure, charges) in the week shown, against
//! its validation weeks: the evidence triage reads, with the diagnosis the two signals
//! give for that week.

use super::{PLOT, WIDTH, col_head, decimal_axis};
use crate::charts::spec::{BarChart, Bars, Chart, ChartRequest};
use crate::components::chart::ChartFigure;
use crate::components::i18n::use_i18n;
use crate::i18n::numbers::score;
use crate::i18n::{tr, tr_args};
use crate::pages::scenario::use_scenario;
use crate::scenario::story::{diagnosis_slug, segment_name};
use crate::sim::WeekReport;
use crate::sim::metrics::{Confusion, SegmentKind};
use crate::sim::triage::{self, MIN_SEGMENT_CHURNERS};
use leptos::prelude::*;

/// Every segment in order, with the reference's and the week's confusion.
fn rows(
    reference: &crate::sim::metrics::Segments,
    week: &WeekReport,
) -> Vec<(SegmentKind, u8, Confusion, Confusion)> {
    SegmentKind::ALL
        .into_iter()
        .flat_map(|kind| (0..3u8).map(move |band| (kind, band)))
        .map(|(kind, band)| {
            (
                kind,
                band,
                reference.of(kind)[band as usize],
                week.champion_segments.of(kind)[band as usize],
            )
        })
        .collect()
}

/// The errors by segment.
#[component]
pub(super) fn SegmentsChart(
    /// The week the day falls in.
    week: Memo<usize>,
    /// The report of that week.
    report: Memo<Option<WeekReport>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let chart = Memo::new(move |_| {
        let lang = i18n.lang.get();
        let reference = ctx.outcome.with(|o| o.reference_segments);
        report.with(|r| {
            let r = r.as_ref()?;
            let rows = rows(&reference, r);
            Some(ChartRequest {
                chart: Chart::Bars(BarChart {
                    groups: rows
                        .iter()
                        .map(|(k, b, ..)| segment_name(lang, *k, *b))
                        .collect(),
                    // The labels say what they are; a rotated title would cross them.
                    group_title: String::new(),
                    value: decimal_axis((0.0, 1.0), 5, tr(lang, "chart.axis.f1")),
                    series: vec![
                        Bars {
                            label: tr(lang, "scenario.segments.reference").into(),
                            values: rows.iter().map(|(.., r, _)| r.f1()).collect(),
                            slot: 0,
                        },
                        Bars {
                            label: tr_args(
                                lang,
                                "scenario.dist.current",
                                &[("week", &week.get().to_string())],
                            ),
                            values: rows.iter().map(|(.., w)| w.f1()).collect(),
                            slot: 1,
                        },
                    ],
                    levels: Vec::new(),
                    marker: None,
                    horizontal: true,
                }),
                width: WIDTH,
                height: PLOT + 120,
            })
        })
    });
    let title = move || {
        tr_args(
            i18n.lang.get(),
            "scenario.segments.title",
            &[("week", &week.get().to_string())],
        )
    };
    let summary = move || {
        let lang = i18n.lang.get();
        let reference = ctx.outcome.with(|o| o.reference_segments);
        report
            .with(|r| {
                let r = r.as_ref()?;
                let worst = triage::worst_fall(&reference, &r.champion_segments);
                let psi = r.drift.max_input_psi();
                let diagnosis = triage::diagnose(psi, worst.as_ref());
                let worst = worst?;
                Some(tr_args(
                    lang,
                    "scenario.segments.summary",
                    &[
                        ("segment", &segment_name(lang, worst.kind, worst.band)),
                        ("before", &score(worst.reference_f1)),
                        ("now", &score(worst.f1)),
                        ("psi", &format!("{psi:.3}")),
                        (
                            "diagnosis",
                            tr(
                                lang,
                                &format!("scenario.diagnosis.{}", diagnosis_slug(diagnosis)),
                            ),
                        ),
                    ],
                ))
            })
            .unwrap_or_default()
    };
    let table = move || {
        let lang = i18n.lang.get();
        let reference = ctx.outcome.with(|o| o.reference_segments);
        report.with(|r| {
            let r = r.as_ref()?;
            Some(
                rows(&reference, r)
                    .into_iter()
                    .map(|(kind, band, before, now)| {
                        let churners = now.tp + now.fn_;
                        let judged = churners >= MIN_SEGMENT_CHURNERS
                            && before.tp + before.fn_ >= MIN_SEGMENT_CHURNERS;
                        let change = if judged {
                            format!("{:+.2}", now.f1() - before.f1())
                        } else {
                            tr(lang, "scenario.gate.exempt").to_string()
                        };
                        view! {
                            <tr>
                                <th scope="row">{segment_name(lang, kind, band)}</th>
                                <td class="num">{churners}</td>
                                <td class="num">{score(before.f1())}</td>
                                <td class="num">{score(now.f1())}</td>
                                <td class="num">{change}</td>
                            </tr>
                        }
                    })
                    .collect_view(),
            )
        })
    };
    view! {
        <ChartFigure
            id="segments-chart"
            title=Signal::derive(title)
            chart=chart
            summary=Signal::derive(summary)
            table_label="scenario.segments.table"
        >
            <table class="data-table">
                <thead>
                    <tr>
                        {col_head("scenario.segments.group")}
                        {col_head("scenario.segments.churners")}
                        {col_head("scenario.segments.reference")}
                        {col_head("scenario.segments.week")}
                        {col_head("scenario.segments.change")}
                    </tr>
                </thead>
                <tbody>{table}</tbody>
            </table>
        </ChartFigure>
    }
}
