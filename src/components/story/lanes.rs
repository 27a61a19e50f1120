//! The two swimlanes of a scene: who acts in it and what passes between the roles.

use crate::components::i18n::{render_text, t, use_i18n};
use crate::i18n::{tr, tr_args};
use crate::pages::scenario::use_scenario;
use crate::scenario::describe::{artifact_key, describe};
use crate::scenario::scenes::Scene;
use crate::sim::{EventKind, PolicyKind, Role};
use leptos::prelude::*;

/// The two swimlanes of a scene: the automated loop's events that belong to it, each in the
/// lane of the role that acts (both lanes when both act), with the artifact it passes on.
#[component]
pub(super) fn Swimlanes(scene: Memo<Scene>) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let rows = move || {
        let lang = i18n.lang.get();
        let scene = scene.get();
        ctx.outcome.with(|outcome| {
            outcome
                .policy(PolicyKind::AutomatedLoop)
                .events
                .iter()
                .filter(|e| scene.shows(&e.kind))
                // A scene about labels shows the matured week it is about, not every week.
                .filter(|e| !matches!(e.kind, EventKind::LabelsMatured { week, .. } if week != 1))
                .map(|event| {
                    let lane = match event.role {
                        Some(Role::MlDeveloper) => "lane-dev",
                        Some(Role::MlopsEngineer) => "lane-ops",
                        Some(Role::Both) => "lane-both",
                        Some(Role::Business) | None => "lane-world",
                    };
                    let day = tr_args(lang, "scenario.day", &[("day", &event.day.to_string())]);
                    let text = describe(lang, event, outcome);
                    let artifact = event.artifact.map(|a| tr(lang, artifact_key(a)));
                    view! {
                        <li class=format!("lane-event {lane}")>
                            <span class="lane-day">{day}</span>
                            <span class="lane-text">{render_text(lang, &text)}</span>
                            {artifact.map(|a| view! { <span class="artifact">{a}</span> })}
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="swimlanes" aria-labelledby="lanes-title">
            <h3 id="lanes-title">
                {t("scenario.lanes.label")}
            </h3>
            <div class="lane-heads" aria-hidden="true">
                <span class="lane-head lane-dev">
                    {t("role.dev.name")}
                </span>
                <span class="lane-head lane-ops">
                    {t("role.ops.name")}
                </span>
            </div>
            {move || {
                let rows = rows();
                if rows.is_empty() {
                    match scene.get().planned_work() {
                        Some((role, artifact)) => {
                            let lang = i18n.lang.get();
                            let lane = match role {
                                Role::MlDeveloper => "lane-dev",
                                Role::MlopsEngineer => "lane-ops",
                                Role::Both | Role::Business => "lane-both",
                            };
                            let goal = format!("{}%", crate::content::CHURN_REDUCTION_GOAL_PERCENT);
                            let text = tr_args(
                                lang,
                                &format!("scenario.lane.{}", scene.get().slug()),
                                &[("goal", &goal)],
                            );
                            let artifact = artifact.map(|a| tr(lang, artifact_key(a)));
                            view! {
                                <ol class="lane-events">
                                    <li class=format!("lane-event {lane}")>
                                        <span class="lane-text">{render_text(lang, &text)}</span>
                                        {artifact.map(|a| view! { <span class="artifact">{a}</span> })}
                                    </li>
                                </ol>
                            }
                                .into_any()
                        }
                        None => {
                            view! {
                                <p class="lanes-empty">
                                    {t("scenario.lanes.none")}
                                </p>
                            }
                                .into_any()
                        }
                    }
                } else {
                    view! { <ol class="lane-events">{rows}</ol> }.into_any()
                }
            }}
        </section>
    }
}
