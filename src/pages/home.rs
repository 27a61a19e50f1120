//! Home: why MLOps matters, true to the article (about 10% of models survive past the
//! experiment; three kinds of challenge; why one data scientist is not enough; 90% with
//! both roles), and a map of the app that leads into the sections.

use crate::components::dot_grid::DotGrid;
use crate::components::i18n::{render_text, t, use_i18n};
use crate::components::icons::ArrowForward;
use crate::components::journey::ProgressPanel;
use crate::content::{MODELS_SURVIVING_PERCENT, MODELS_SURVIVING_WITH_BOTH_ROLES_PERCENT};
use crate::i18n::tr_args;
use crate::route;
use crate::sections::Section;
use leptos::prelude::*;

const CHALLENGES: [&str; 3] = ["statistical", "infrastructure", "regulation"];
const SOLO_GAPS: [&str; 3] = ["home.solo.gap1", "home.solo.gap2", "home.solo.gap3"];

/// The home page.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let link =
        move |section: Section| move || route::section_path(i18n.base, i18n.lang.get(), section);
    let stat = move |percent: usize,
                     value_key: &'static str,
                     caption_key: &'static str,
                     class: &'static str| {
        let text = move |key: &'static str| {
            move || {
                let lang = i18n.lang.get();
                let filled = tr_args(lang, key, &[("n", &percent.to_string())]);
                render_text(lang, &filled)
            }
        };
        view! {
            <figure class=format!("stat {class}")>
                <div class="stat-grid">
                    <DotGrid filled=percent total=100 columns=10 />
                </div>
                <figcaption>
                    <span class="stat-value">{text(value_key)}</span>
                    <span class="stat-caption">{text(caption_key)}</span>
                </figcaption>
            </figure>
        }
    };
    let map = Section::ALL
        .into_iter()
        .filter(|s| *s != Section::Home)
        .map(|section| {
            view! {
                <li class="card map-card">
                    <h3>
                        <a href=link(section) class="card-link">
                            {t(section.title_key())}
                        </a>
                    </h3>
                    <p>
                        {t(section.summary_key())}
                    </p>
                    <span class="card-go" aria-hidden="true">
                        <ArrowForward />
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="page home">
            <header class="hero">
                <p class="kicker">
                    {t("home.kicker")}
                </p>
                <h1 tabindex="-1">
                    {t("home.title")}
                </h1>
                <p class="lead">
                    {t("home.lead")}
                </p>
                <p class="hero-actions">
                    <a class="button primary" href=link(Section::Roles)>
                        {t("home.start")}
                        <ArrowForward />
                    </a>
                    <a class="button" href=link(Section::Scenario)>
                        {t("home.jump_scenario")}
                    </a>
                </p>
            </header>

            <section class="stats" aria-labelledby="stats-title">
                <h2 id="stats-title">
                    {t("home.stats.title")}
                </h2>
                <div class="stat-pair">
                    {stat(MODELS_SURVIVING_PERCENT, "home.stat.survive.value", "home.stat.survive.caption", "stat-low")}
                    {stat(
                        MODELS_SURVIVING_WITH_BOTH_ROLES_PERCENT,
                        "home.stat.together.value",
                        "home.stat.together.caption",
                        "stat-high",
                    )}
                </div>
                <p class="stat-source">
                    {t("home.stats.source")}
                </p>
            </section>

            <section aria-labelledby="challenges-title">
                <h2 id="challenges-title">
                    {t("home.challenges.title")}
                </h2>
                <p>
                    {t("home.challenges.lead")}
                </p>
                <ul class="cards three">
                    {CHALLENGES
                        .into_iter()
                        .map(|id| {
                            view! {
                                <li class=format!("card challenge challenge-{id}")>
                                    <h3>
                                        {t(format!("home.challenge.{id}.title"))}
                                    </h3>
                                    <p>
                                        {t(format!("home.challenge.{id}.body"))}
                                    </p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>

            <section class="solo" aria-labelledby="solo-title">
                <h2 id="solo-title">
                    {t("home.solo.title")}
                </h2>
                <p>
                    {t("home.solo.lead")}
                </p>
                <ul class="checklist">
                    {SOLO_GAPS.into_iter().map(|k| view! { <li>{t(k)}</li> }).collect_view()}
                </ul>
                <div class="roles-split">
                    <div class="role-chip role-dev">
                        <strong>{t("role.dev.name")}</strong>
                        <span>{t("home.solo.dev")}</span>
                    </div>
                    <div class="role-chip role-ops">
                        <strong>{t("role.ops.name")}</strong>
                        <span>{t("home.solo.ops")}</span>
                    </div>
                </div>
            </section>

            <section class="promise" aria-labelledby="promise-title">
                <h2 id="promise-title">
                    {t("home.promise.title")}
                </h2>
                <p>
                    {t("home.promise.body")}
                </p>
            </section>

            <ProgressPanel />

            <section aria-labelledby="map-title">
                <h2 id="map-title">
                    {t("home.map.title")}
                </h2>
                <p>
                    {t("home.map.lead")}
                </p>
                <ol class="cards map">{map}</ol>
            </section>
        </article>
    }
}
