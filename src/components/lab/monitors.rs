//! What the input monitors report for the week shown: every statistic of every feature and
//! of the score, with the verdicts against the documented thresholds.

use super::charts::column_key;
use crate::components::i18n::{t, use_i18n};
use crate::i18n::{tr, tr_args};
use crate::sim::WeekReport;
use crate::sim::drift::{DriftReport, Verdict};
use leptos::prelude::*;

/// The locale key of a verdict's name.
pub fn verdict_key(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Stable => "scenario.verdict.stable",
        Verdict::Warn => "scenario.verdict.warn",
        Verdict::Drift => "scenario.verdict.drift",
    }
}

/// What the input monitors report for the week shown: every statistic of every feature
/// and of the score, with the verdicts against the documented thresholds.
#[component]
pub(super) fn MonitorTable(
    report: Memo<Option<WeekReport>>,
    drift: Memo<Option<DriftReport>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let week = move || report.with(|r| r.as_ref().map(|r| r.week).unwrap_or_default());
    let title = move || {
        let week = week().to_string();
        tr_args(
            i18n.lang.get(),
            "scenario.monitor.title",
            &[("week", &week)],
        )
    };
    let rows = move || {
        let lang = i18n.lang.get();
        drift.with(|drift| {
            let drift = drift.as_ref()?;
            let rows = drift.inputs.iter().chain(std::iter::once(&drift.score)).map(|c| {
                let categorical = c.column.is_categorical();
                view! {
                    <tr class:drifted=c.drifted>
                        <th scope="row">{tr(lang, &column_key(c.column))}</th>
                        <td class="num">{format!("{:.3}", c.psi)}</td>
                        <td>{tr(lang, verdict_key(c.psi_verdict))}</td>
                        <td class="num">{format!("{:.3}", c.js)}</td>
                        <td class="num">
                            {if categorical { "—".to_string() } else { format!("{:.3}", c.wasserstein) }}
                        </td>
                        <td class="num">
                            {if categorical { format!("{:.3}", c.chi2_p) } else { format!("{:.3}", c.ks_p) }}
                        </td>
                        <td>{tr(lang, if c.drifted { "scenario.verdict.drift" } else { "scenario.verdict.stable" })}</td>
                    </tr>
                }
            });
            Some(rows.collect_view())
        })
    };
    let share = move || {
        let lang = i18n.lang.get();
        drift.with(|w| {
            w.as_ref().map(|w| {
                let key = if w.dataset_drift {
                    "scenario.monitor.dataset_drift"
                } else {
                    "scenario.monitor.dataset_stable"
                };
                tr_args(
                    lang,
                    key,
                    &[("share", &crate::i18n::numbers::percent(w.drifted_share))],
                )
            })
        })
    };
    view! {
        <section aria-labelledby="monitor-title">
            <h3 id="monitor-title">{title}</h3>
            // Scrolls sideways on a phone, so it takes focus for keyboard scrolling.
            <div class="table-scroll" tabindex="0" role="group" aria-labelledby="monitor-title">
                <table class="data-table monitor">
                    <thead>
                        <tr>
                            <th scope="col">{t("scenario.monitor.feature")}</th>
                            <th scope="col">{t("scenario.monitor.psi")}</th>
                            <th scope="col">{t("scenario.monitor.psi_verdict")}</th>
                            <th scope="col">{t("scenario.monitor.js")}</th>
                            <th scope="col">{t("scenario.monitor.w")}</th>
                            <th scope="col">{t("scenario.monitor.p_value")}</th>
                            <th scope="col">{t("scenario.monitor.verdict")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p>{share}</p>
        </section>
    }
}
