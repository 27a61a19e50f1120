//! The confusion matrix of the shown policy's model on the day's cohort.

use super::charts::last_day;
use crate::charts::spec::{Chart, ChartRequest, ConfusionChart};
use crate::components::chart::ChartFigure;
use crate::components::i18n::{t, use_i18n};
use crate::i18n::numbers::{grouped, score};
use crate::i18n::{tr, tr_args};
use crate::pages::scenario::use_scenario;
use crate::scenario::describe::policy_key;
use crate::sim::metrics::Confusion;
use leptos::prelude::*;

/// The confusion matrix of the shown policy's model on the day's cohort, drawn, read out
/// in a sentence, and as a table.
#[component]
pub(super) fn ConfusionTable(day: Memo<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let cells = Memo::new(move |_| {
        ctx.outcome.with(|o| {
            let run = o.policy(o.config.policy);
            run.days.get(last_day(o, day.get())).map(|d| d.confusion)
        })
    });
    let cell = move |pick: fn(&Confusion) -> u32| {
        move || {
            cells
                .get()
                .map(|c| grouped(pick(&c) as f64))
                .unwrap_or_default()
        }
    };
    let title = move || {
        let lang = i18n.lang.get();
        let policy = tr(lang, &policy_key(ctx.config.get().policy));
        tr_args(
            lang,
            "scenario.confusion.title",
            &[
                (
                    "day",
                    &ctx.outcome.with(|o| last_day(o, day.get())).to_string(),
                ),
                ("policy", policy),
            ],
        )
    };
    let drawn = Memo::new(move |_| {
        let lang = i18n.lang.get();
        let c = cells.get()?;
        Some(ChartRequest {
            chart: Chart::Confusion(ConfusionChart {
                cells: [[c.tp, c.fn_], [c.fp, c.tn]],
                rows: [
                    tr(lang, "scenario.confusion.churned").into(),
                    tr(lang, "scenario.confusion.stayed").into(),
                ],
                columns: [
                    tr(lang, "scenario.confusion.flagged").into(),
                    tr(lang, "scenario.confusion.not_flagged").into(),
                ],
            }),
            width: 520,
            height: 260,
        })
    });
    let summary = move || {
        let lang = i18n.lang.get();
        cells
            .get()
            .map(|c| {
                tr_args(
                    lang,
                    "scenario.confusion.summary",
                    &[
                        ("churners", &grouped((c.tp + c.fn_) as f64)),
                        ("flagged", &grouped((c.tp + c.fp) as f64)),
                        ("tp", &grouped(c.tp as f64)),
                        ("recall", &score(c.recall())),
                        ("precision", &score(c.precision())),
                        ("f1", &score(c.f1())),
                    ],
                )
            })
            .unwrap_or_default()
    };
    view! {
        <ChartFigure
            id="confusion-chart"
            title=Signal::derive(title)
            chart=drawn
            summary=Signal::derive(summary)
            table_label="scenario.chart.table.matrix"
        >
            <table class="data-table confusion">
                <thead>
                    <tr>
                        <td></td>
                        <th scope="col">{t("scenario.confusion.flagged")}</th>
                        <th scope="col">{t("scenario.confusion.not_flagged")}</th>
                    </tr>
                </thead>
                <tbody>
                    <tr>
                        <th scope="row">{t("scenario.confusion.churned")}</th>
                        <td class="num good">{cell(|c| c.tp)}</td>
                        <td class="num bad">{cell(|c| c.fn_)}</td>
                    </tr>
                    <tr>
                        <th scope="row">{t("scenario.confusion.stayed")}</th>
                        <td class="num bad">{cell(|c| c.fp)}</td>
                        <td class="num good">{cell(|c| c.tn)}</td>
                    </tr>
                </tbody>
            </table>
        </ChartFigure>
    }
}
