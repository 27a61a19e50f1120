//! Where the story ends: on screen the last scene's ways on (the lab with the same run,
//! the Roles and Tools sections), on paper a handout of every scene.

use crate::components::i18n::{render_text, t, use_i18n};
use crate::components::icons::ArrowForward;
use crate::pages::scenario::use_scenario;
use crate::route;
use crate::scenario::scenes::Scene;
use crate::scenario::story::{scene_figure, scene_text, scene_title};
use crate::scenario::url::{Mode, PageState, to_query};
use crate::sections::Section;
use leptos::prelude::*;

/// Every scene of the story, for paper: the page prints as a handout of the whole story
/// (the screen shows one scene at a time, and none of this).
#[component]
pub(super) fn StoryHandout() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let scenes = move || {
        let lang = i18n.lang.get();
        ctx.outcome.with(|o| {
            Scene::ALL
                .iter()
                .map(|&scene| {
                    let figure = scene_figure(lang, scene, o).map(|f| render_text(lang, &f));
                    view! {
                        <h3>{scene_title(lang, scene, o)}</h3>
                        <p>{render_text(lang, &scene_text(lang, scene, o))}</p>
                        {figure.map(|f| view! { <p>{f}</p> })}
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="print-only story-handout" aria-hidden="true">
            {scenes}
        </section>
    }
}

/// Where the last scene leads: the lab with the same run, and the sections that explain
/// the roles and the tools the story showed at work.
#[component]
pub(super) fn StoryEnd() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let path = move |section: Section| route::section_path(i18n.base, i18n.lang.get(), section);
    let lab = move || {
        let state = PageState {
            mode: Mode::Lab,
            ..ctx.state.get()
        };
        format!("{}?{}", path(Section::Scenario), to_query(&state))
    };
    view! {
        <ul class="story-end">
            <li>
                <a class="button primary" href=lab>
                    {t("scenario.end.lab")}
                    <ArrowForward />
                </a>
            </li>
            <li>
                <a href=move || path(Section::Roles)>{t("scenario.end.roles")}</a>
            </li>
            <li>
                <a href=move || path(Section::Tools)>{t("scenario.end.tools")}</a>
            </li>
        </ul>
    }
}
