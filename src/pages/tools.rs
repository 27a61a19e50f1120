//! Tools: the article's tool table as an interactive map. Each category is a row with the
//! two roles' marks and its tools; filters by role and by pipeline stage narrow it; a
//! selected tool opens its details in place (what it is, the stage, the artifacts, how
//! each role uses that tool). MLflow and Feast carry the bridge mark. Then the lineage of
//! one model through the tools, and the self-check. The map and each lineage step list the
//! glossary terms they use.

use crate::components::i18n::{render_text, t, use_i18n};
use crate::components::incident_link::IncidentLink;
use crate::components::quiz::Quiz;
use crate::components::story::TermList;
use crate::components::term::Term;
use crate::i18n::{tr, tr_args};
use crate::sections::Section;
use crate::teach::incidents::incidents_of_tool;
use crate::teach::tools::{
    self, CATEGORIES, Category, LINEAGE, LINEAGE_TERMS, MAP_TERMS, PIPELINE_STAGES, RoleFilter,
    is_bridge, tool_name,
};
use leptos::prelude::*;

fn tool_details(category: &'static Category, tool: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let title = move || {
        let lang = i18n.lang.get();
        render_text(
            lang,
            &tr_args(lang, "tools.detail.title", &[("tool", tool_name(tool))]),
        )
    };
    let incidents = incidents_of_tool(tool);
    let stages = category
        .stages
        .iter()
        .map(|s| view! { <li class="stage-chip">{t(format!("tools.stage.{s}"))}</li> })
        .collect_view();
    view! {
        <div class="tool-detail" id="tool-detail" role="region" aria-labelledby="tool-detail-title">
            <h4 id="tool-detail-title">
                {title}
                {is_bridge(tool)
                    .then(|| view! { <span class="bridge-badge">{t("tools.bridge")}</span> })}
            </h4>
            <dl>
                <dt>{t("tools.detail.what")}</dt>
                <dd>{t(format!("tools.tool.{tool}.what"))}</dd>
                <dt>{t("tools.detail.stage")}</dt>
                <dd><ul class="chips-inline">{stages}</ul></dd>
                <dt>{t("tools.detail.artifact")}</dt>
                <dd>{t(format!("tools.tool.{tool}.artifact"))}</dd>
                <dt class="who-dev">{t("tools.detail.dev")}</dt>
                <dd>{t(format!("tools.tool.{tool}.dev"))}</dd>
                <dt class="who-ops">{t("tools.detail.ops")}</dt>
                <dd>{t(format!("tools.tool.{tool}.ops"))}</dd>
                {category
                    .term
                    .map(|term| {
                        view! {
                            <dt>{t("tools.detail.term")}</dt>
                            <dd><Term id=term /></dd>
                        }
                    })}
                {(!incidents.is_empty())
                    .then(|| {
                        view! {
                            <dt>{t("tools.detail.lab")}</dt>
                            <dd>
                                <ul class="incident-links">
                                    {incidents
                                        .into_iter()
                                        .map(|kind| view! { <li><IncidentLink kind=kind /></li> })
                                        .collect_view()}
                                </ul>
                            </dd>
                        }
                    })}
            </dl>
        </div>
    }
}

/// The Tools page.
#[component]
pub fn ToolsPage() -> impl IntoView {
    let i18n = use_i18n();
    let (role, set_role) = signal(RoleFilter::All);
    let (stage, set_stage) = signal(None::<&'static str>);
    let (selected, set_selected) = signal(None::<&'static str>);
    let text = move |key: &'static str| move || tr(i18n.lang.get(), key);

    let role_options = [
        ("all", "tools.filter.all_roles"),
        ("dev", "role.dev.name"),
        ("ops", "role.ops.name"),
    ]
    .into_iter()
    .map(|(value, key)| view! { <option value=value>{text(key)}</option> })
    .collect_view();
    let stage_options = PIPELINE_STAGES
        .into_iter()
        .map(|s| {
            let key = format!("tools.stage.{s}");
            view! { <option value=s>{move || tr(i18n.lang.get(), &key)}</option> }
        })
        .collect_view();

    let mark =
        |role_key: &'static str, class: &'static str, mark: tools::Mark, text_key: String| {
            view! {
                <div class=format!("mark {class} mark-{}", mark.id())>
                    <span class="mark-role">{t(role_key)}</span>
                    <span class="mark-badge">{t(format!("tools.mark.{}", mark.id()))}</span>
                    <span class="mark-text">{t(text_key)}</span>
                </div>
            }
        };

    let rows = move || {
        let (r, s) = (role.get(), stage.get());
        CATEGORIES
            .iter()
            .filter(|c| tools::matches(c, r, s))
            .map(|c| {
                let buttons = c
                    .tools
                    .iter()
                    .map(|&tool| {
                        let bridge = is_bridge(tool);
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class=if bridge { "tool bridge" } else { "tool" }
                                    aria-pressed=move || (selected.get() == Some(tool)).to_string()
                                    on:click=move |_| {
                                        set_selected.update(|s| *s = if *s == Some(tool) { None } else { Some(tool) })
                                    }
                                >
                                    <bdi>{tool_name(tool)}</bdi>
                                    {bridge
                                        .then(|| view! { <span class="bridge-badge">{t("tools.bridge")}</span> })}
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                let stages = c
                    .stages
                    .iter()
                    .map(|s| view! { <li class="stage-chip">{t(format!("tools.stage.{s}"))}</li> })
                    .collect_view();
                let detail = move || {
                    selected
                        .get()
                        .filter(|t| c.tools.contains(t))
                        .map(|t| tool_details(c, t))
                };
                view! {
                    <li class="tool-row card">
                        <div class="tool-cat">
                            <h3>{t(format!("tools.cat.{}", c.id))}</h3>
                            <p class="cell-label">{t("tools.col.stage")}</p>
                            <ul class="chips-inline">{stages}</ul>
                        </div>
                        {mark("role.dev.name", "mark-dev", c.dev, format!("tools.cat.{}.dev", c.id))}
                        {mark("role.ops.name", "mark-ops", c.ops, format!("tools.cat.{}.ops", c.id))}
                        <div class="tool-cell">
                            <p class="cell-label">{t("tools.col.tools")}</p>
                            <ul class="tool-list">{buttons}</ul>
                        </div>
                        {detail}
                    </li>
                }
            })
            .collect_view()
    };
    let shown = move || {
        let lang = i18n.lang.get();
        let n = CATEGORIES
            .iter()
            .filter(|c| tools::matches(c, role.get(), stage.get()))
            .count();
        let text = if n == 0 {
            tr(lang, "tools.none").to_string()
        } else {
            tr_args(
                lang,
                "tools.shown",
                &[
                    ("n", &n.to_string()),
                    ("total", &CATEGORIES.len().to_string()),
                ],
            )
        };
        render_text(lang, &text)
    };

    let lineage = LINEAGE
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let names = step
                .tools
                .iter()
                .map(|&t| {
                    view! { <li class=if is_bridge(t) { "bridge" } else { "" }><bdi>{tool_name(t)}</bdi></li> }
                })
                .collect_view();
            let terms = step.terms;
            view! {
                <li class="lineage-step">
                    <span class="step-number" aria-hidden="true">{i + 1}</span>
                    <h3>{t(format!("tools.lineage.{}.title", step.id))}</h3>
                    <ul class="step-tools">{names}</ul>
                    <p>{t(format!("tools.lineage.{}.body", step.id))}</p>
                    <TermList terms=Signal::stored(terms) />
                </li>
            }
        })
        .collect_view();

    view! {
        <article class="page tools">
            <h1 tabindex="-1">
                {t(Section::Tools.title_key())}
            </h1>
            <p class="lead">
                {t(Section::Tools.summary_key())}
            </p>
            <p>
                {t("tools.intro")}
            </p>

            <section aria-labelledby="map-title">
                <h2 id="map-title">
                    {t("tools.map.title")}
                </h2>
                <div class="filters">
                    <div class="field">
                        <label for="filter-role">
                            {t("tools.filter.role")}
                        </label>
                        <select
                            id="filter-role"
                            on:change=move |ev| {
                                set_role
                                    .set(
                                        match event_target_value(&ev).as_str() {
                                            "dev" => RoleFilter::Dev,
                                            "ops" => RoleFilter::Ops,
                                            _ => RoleFilter::All,
                                        },
                                    )
                            }
                        >
                            {role_options}
                        </select>
                    </div>
                    <div class="field">
                        <label for="filter-stage">
                            {t("tools.filter.stage")}
                        </label>
                        <select
                            id="filter-stage"
                            on:change=move |ev| {
                                let value = event_target_value(&ev);
                                set_stage.set(PIPELINE_STAGES.into_iter().find(|s| *s == value))
                            }
                        >
                            <option value="all">{text("tools.filter.all_stages")}</option>
                            {stage_options}
                        </select>
                    </div>
                    <p class="shown" role="status">{shown}</p>
                </div>
                <p class="note bridge-note">
                    {t("tools.bridge.note")}
                </p>
                <p class="hint">
                    {t("tools.select.hint")}
                </p>
                <ul class="tool-map">{rows}</ul>
                <TermList terms=Signal::stored(&MAP_TERMS[..]) />
            </section>

            <section aria-labelledby="lineage-title">
                <h2 id="lineage-title">
                    {t("tools.lineage.title")}
                </h2>
                <p>
                    {t("tools.lineage.lead")}
                </p>
                <TermList terms=Signal::stored(&LINEAGE_TERMS[..]) />
                <ol class="lineage">{lineage}</ol>
            </section>

            <Quiz section="tools" />
        </article>
    }
}
