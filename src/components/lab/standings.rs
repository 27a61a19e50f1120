//! The three policies compared on the day shown: F1, days below the alert level, and value.

use super::day_text;
use crate::components::i18n::{t, use_i18n};
use crate::i18n::numbers::{grouped, score};
use crate::i18n::tr_args;
use crate::pages::scenario::use_scenario;
use crate::scenario::describe::policy_key;
use crate::scenario::report::{Standing, standings};
use crate::sim::PolicyKind;
use leptos::prelude::*;

/// The standings table: one row a policy, built once; a new day changes only their
/// figures' text.
#[component]
pub(super) fn Standings(
    /// The day shown.
    day: Memo<u32>,
) -> impl IntoView {
    let ctx = use_scenario();
    let standing = Memo::new(move |_| {
        let today = day.get();
        ctx.outcome.with(|o| standings(o, today))
    });
    // Days 0 to the day shown: the most a policy can have been degraded.
    let i18n = use_i18n();
    let degraded_head = move || {
        tr_args(
            i18n.lang.get(),
            "scenario.summary.degraded",
            &[("n", &(day.get() + 1).to_string())],
        )
    };
    let rows = PolicyKind::ALL
        .iter()
        .enumerate()
        .map(|(i, policy)| {
            let policy = *policy;
            let figure = move |f: fn(&Standing) -> String| {
                move || standing.with(|s| s.get(i).map(f).unwrap_or_default())
            };
            view! {
                <tr class:current=move || ctx.config.get().policy == policy>
                    <th scope="row">{t(policy_key(policy))}</th>
                    <td class="num">{figure(|s| s.f1.map(score).unwrap_or_default())}</td>
                    <td class="num">{figure(|s| s.degraded.to_string())}</td>
                    <td class="num">{figure(|s| grouped(s.value_nis))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="summary-title">
            <h3 id="summary-title">{day_text(day, "scenario.summary.title")}</h3>
            <table class="data-table summary">
                <thead>
                    <tr>
                        <th scope="col">
                            {t("scenario.summary.policy")}
                        </th>
                        <th scope="col">{day_text(day, "scenario.summary.f1_today")}</th>
                        <th scope="col">{degraded_head}</th>
                        <th scope="col">
                            {t("scenario.summary.value")}
                        </th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p>{day_text(day, "scenario.summary.saving")}</p>
            <p class="hint">{t("scenario.summary.defs")}</p>
        </section>
    }
}
