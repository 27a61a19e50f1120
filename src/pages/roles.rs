//! Roles: the ML Developer and the MLOps Engineer as the article defines them, its
//! comparison table (a real table on wide screens, one card per aspect on a phone), why
//! one data scientist is not enough, the sorting exercise and the self-check. The role
//! names link to the glossary, and each part lists the glossary terms it uses.

use crate::components::i18n::{t, use_i18n};
use crate::components::quiz::Quiz;
use crate::components::sort_exercise::SortExercise;
use crate::components::story::TermList;
use crate::components::term::Term;
use crate::i18n::tr;
use crate::sections::Section;
use crate::teach::roles::{ASPECTS, SOLO_TERMS, TABLE_TERMS};
use leptos::prelude::*;

const SOLO_GAPS: [&str; 3] = ["home.solo.gap1", "home.solo.gap2", "home.solo.gap3"];

/// The Roles page.
#[component]
pub fn RolesPage() -> impl IntoView {
    let i18n = use_i18n();
    let label = move |key: &'static str| move || tr(i18n.lang.get(), key);
    let rows = ASPECTS
        .into_iter()
        .map(|aspect| {
            view! {
                <tr>
                    <th scope="row">
                        {t(format!("roles.aspect.{aspect}"))}
                    </th>
                    <td class="col-dev" data-label=label("role.dev.name")>
                        {t(format!("roles.aspect.{aspect}.dev"))}
                    </td>
                    <td class="col-ops" data-label=label("role.ops.name")>
                        {t(format!("roles.aspect.{aspect}.ops"))}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <article class="page roles">
            <h1 tabindex="-1">
                {t(Section::Roles.title_key())}
            </h1>
            <p class="lead">
                {t(Section::Roles.summary_key())}
            </p>

            <section aria-labelledby="defs-title">
                <h2 id="defs-title">
                    {t("roles.def.title")}
                </h2>
                <div class="roles-split">
                    <div class="role-chip role-dev">
                        <h3>
                            <Term id="ml_developer" />
                        </h3>
                        <p>
                            {t("roles.def.dev")}
                        </p>
                    </div>
                    <div class="role-chip role-ops">
                        <h3>
                            <Term id="mlops_engineer" />
                        </h3>
                        <p>
                            {t("roles.def.ops")}
                        </p>
                    </div>
                </div>
                <blockquote class="brain">
                    <p>
                        {t("roles.brain")}
                    </p>
                </blockquote>
            </section>

            <section aria-labelledby="compare-title">
                <h2 id="compare-title">
                    {t("roles.table.title")}
                </h2>
                <table class="compare">
                    <caption>
                        {t("roles.table.caption")}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">
                                {t("roles.table.aspect")}
                            </th>
                            <th scope="col" class="col-dev">
                                {t("role.dev.name")}
                            </th>
                            <th scope="col" class="col-ops">
                                {t("role.ops.name")}
                            </th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                <TermList terms=Signal::stored(&TABLE_TERMS[..]) />
            </section>

            <section class="solo" aria-labelledby="solo-title">
                <h2 id="solo-title">
                    {t("roles.solo.title")}
                </h2>
                <p>
                    {t("roles.solo.lead")}
                </p>
                <ul class="checklist">
                    {SOLO_GAPS.into_iter().map(|k| view! { <li>{t(k)}</li> }).collect_view()}
                </ul>
                <p>
                    {t("roles.solo.close")}
                </p>
                <TermList terms=Signal::stored(&SOLO_TERMS[..]) />
            </section>

            <SortExercise />
            <Quiz section="roles" />
        </article>
    }
}
