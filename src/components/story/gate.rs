//! The validation gate's criteria with the challenger's measured values.

use crate::components::i18n::{render_text, t, use_i18n};
use crate::i18n::numbers::{percent, score};
use crate::i18n::{tr, tr_args};
use crate::pages::scenario::use_scenario;
use crate::scenario::story::{gate_criterion, gates_to_fix};
use crate::sim::outcome::{GATE_MIN_SEGMENT_CHURNERS, GATE_MIN_SEGMENT_F1, GateReport};
use leptos::prelude::*;

/// The validation gate's criteria with the challenger's measured values: one table for
/// each challenger the loop's gate judged until its fix went live.
#[component]
pub(super) fn GateTables() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    move || {
        let lang = i18n.lang.get();
        ctx.outcome.with(|o| {
            gates_to_fix(o)
                .into_iter()
                .map(|(day, report, _)| {
                    let caption =
                        tr_args(lang, "scenario.gate.caption", &[("day", &day.to_string())]);
                    view! { <GateTable caption report /> }
                })
                .collect_view()
        })
    }
}

/// One gate report: a row per criterion, a row per contract segment (a segment with too
/// few churners in the holdout is shown and marked as not judged).
#[component]
fn GateTable(caption: String, report: GateReport) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang.get_untracked();
    let verdict = |ok: bool| {
        if ok {
            "scenario.gate.pass"
        } else {
            "scenario.gate.fail"
        }
    };
    let mut rows = vec![
        (
            gate_criterion(lang, "beats"),
            format!(
                "{} / {}",
                score(report.challenger_f1),
                score(report.champion_f1)
            ),
            None,
            verdict(report.beats_champion),
        ),
        (
            gate_criterion(lang, "f1"),
            score(report.challenger_f1),
            None,
            verdict(report.f1_ok),
        ),
        (
            gate_criterion(lang, "auc"),
            score(report.challenger_auc),
            None,
            verdict(report.auc_ok),
        ),
        (
            gate_criterion(lang, "rate"),
            format!(
                "{} / {}",
                percent(report.positive_rate),
                percent(report.observed_churn_rate)
            ),
            None,
            verdict(report.rate_ok),
        ),
    ];
    for (i, (f1, churners)) in report
        .contract_f1
        .iter()
        .zip(report.contract_churners)
        .enumerate()
    {
        let segment = tr(lang, &format!("scenario.cat.contract.{i}"));
        let criterion = tr_args(
            lang,
            "scenario.gate.segment",
            &[("segment", segment), ("min", &score(GATE_MIN_SEGMENT_F1))],
        );
        let note = tr_args(
            lang,
            "scenario.gate.segment_churners",
            &[("churners", &churners.to_string())],
        );
        let result = if churners < GATE_MIN_SEGMENT_CHURNERS {
            "scenario.gate.exempt"
        } else {
            verdict(*f1 >= GATE_MIN_SEGMENT_F1)
        };
        rows.push((criterion, score(*f1), Some(note), result));
    }
    let rows = rows
        .into_iter()
        .map(|(criterion, value, note, result)| {
            let class = match result {
                "scenario.gate.pass" => "pass",
                "scenario.gate.fail" => "fail",
                _ => "exempt",
            };
            view! {
                <tr>
                    <th scope="row">{render_text(lang, &criterion)}</th>
                    <td>
                        <span class="num">{value}</span>
                        {note.map(|n| view! { " " <span class="gate-churners">{n}</span> })}
                    </td>
                    <td class=class>{tr(lang, result)}</td>
                </tr>
            }
        })
        .collect_view();
    let exemption = tr_args(
        lang,
        "scenario.gate.exemption",
        &[("churners", &GATE_MIN_SEGMENT_CHURNERS.to_string())],
    );
    view! {
        <table class="gate-table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">
                        {t("scenario.gate.criterion")}
                    </th>
                    <th scope="col">
                        {t("scenario.gate.value")}
                    </th>
                    <th scope="col">
                        {t("scenario.gate.result")}
                    </th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <p class="gate-note">{exemption}</p>
    }
}
