//! Lifecycle: the eight stages as a cycle diagram drawn in SVG, each stage a focusable
//! button; the selected stage's goal, the work of each role, the artifacts handed over and
//! what breaks without them; the maturity switch (Google's levels 0-2) that marks which
//! stages run automatically; the overlap areas, the rituals, the feedback loop and the
//! self-check. Artifacts are glossary links, and the stage, the maturity levels and each
//! card list the other glossary terms they use. Geometry comes from `teach::lifecycle`.

use crate::components::i18n::{render_text, t, use_i18n};
use crate::components::icons::ArrowForward;
use crate::components::incident_link::IncidentLink;
use crate::components::quiz::Quiz;
use crate::components::story::TermList;
use crate::components::term::Term;
use crate::i18n::{tr, tr_args};
use crate::route;
use crate::sections::Section;
use crate::teach::lifecycle::{self, LEVELS, MATURITY_TERMS, OVERLAPS, RITUALS, STAGES};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const CX: f64 = 350.0;
const CY: f64 = 240.0;
const RING: f64 = 165.0;
const NODE: f64 = 30.0;

fn focus_stage(index: usize) {
    if let Some(element) = document()
        .get_element_by_id(&format!("stage-{index}"))
        .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok())
    {
        let _ = element.focus();
    }
}

/// The Lifecycle page.
#[component]
pub fn LifecyclePage() -> impl IntoView {
    let i18n = use_i18n();
    let (selected, set_selected) = signal(0usize);
    let (level, set_level) = signal(0u8);
    let positions = lifecycle::node_positions(CX, CY, RING);
    let total = STAGES.len();

    let arcs = (0..total)
        .map(|i| {
            view! {
                <path
                    class="cycle-arc"
                    d=lifecycle::arc_path(CX, CY, RING, i, 0.22)
                    marker-end="url(#cycle-arrow)"
                />
            }
        })
        .collect_view();

    let nodes = STAGES
        .iter()
        .enumerate()
        .map(|(i, stage)| {
            let (x, y) = positions[i];
            let (lx, ly, anchor) = lifecycle::label_position(CX, CY, RING + NODE + 14.0, i);
            let short_key = format!("lifecycle.stage.{}.short", stage.id);
            let class = move || {
                let auto = lifecycle::automation(stage, level.get()).id();
                let on = if selected.get() == i { " selected" } else { "" };
                format!("cycle-node auto-{auto}{on}")
            };
            let keydown = move |event: ev::KeyboardEvent| {
                let target = match event.key().as_str() {
                    "Enter" | " " => Some(i),
                    "ArrowRight" | "ArrowDown" => Some(lifecycle::step(i, true)),
                    "ArrowLeft" | "ArrowUp" => Some(lifecycle::step(i, false)),
                    "Home" => Some(0),
                    "End" => Some(total - 1),
                    _ => None,
                };
                if let Some(target) = target {
                    event.prevent_default();
                    set_selected.set(target);
                    if target != i {
                        focus_stage(target);
                    }
                }
            };
            view! {
                <g
                    id=format!("stage-{i}")
                    class=class
                    role="button"
                    tabindex="0"
                    aria-pressed=move || (selected.get() == i).to_string()
                    aria-controls="stage-detail"
                    on:click=move |_| set_selected.set(i)
                    on:keydown=keydown
                >
                    <circle class="node-halo" cx=format!("{x:.1}") cy=format!("{y:.1}") r=format!("{:.1}", NODE + 7.0) />
                    <circle class="node-body" cx=format!("{x:.1}") cy=format!("{y:.1}") r=format!("{NODE:.1}") />
                    <text class="node-number" aria-hidden="true" x=format!("{x:.1}") y=format!("{:.1}", y + 7.0) text-anchor="middle">
                        {i + 1}
                    </text>
                    <text class="node-label" x=format!("{lx:.1}") y=format!("{ly:.1}") text-anchor=anchor>
                        {move || tr(i18n.lang.get(), &short_key)}
                    </text>
                </g>
            }
        })
        .collect_view();

    let scenario = move || route::section_path(i18n.base, i18n.lang.get(), Section::Scenario);
    let detail = move || {
        let i = selected.get();
        let stage = &STAGES[i];
        let lvl = level.get();
        let key = |part: &str| format!("lifecycle.stage.{}.{part}", stage.id);
        let stage_n = move || {
            tr_args(
                i18n.lang.get(),
                "lifecycle.stage_n",
                &[("n", &(i + 1).to_string()), ("total", &total.to_string())],
            )
        };
        let level_label = move || {
            let lang = i18n.lang.get();
            render_text(
                lang,
                &tr_args(
                    lang,
                    "lifecycle.detail.automation",
                    &[("n", &lvl.to_string())],
                ),
            )
        };
        let auto = lifecycle::automation(stage, lvl).id();
        let artifacts = stage
            .artifacts
            .iter()
            .map(|a| view! { <li><Term id=a /></li> })
            .collect_view();
        let terms = stage.terms;
        view! {
            <p class="stage-n">{stage_n}</p>
            <h3 id="stage-detail-title">
                {t(key("name"))}
            </h3>
            <dl class="stage-facts">
                <dt>
                    {t("lifecycle.detail.goal")}
                </dt>
                <dd>
                    {t(key("goal"))}
                </dd>
                <dt class="who-dev">
                    {t("role.dev.name")}
                </dt>
                <dd>
                    {t(key("dev"))}
                </dd>
                <dt class="who-ops">
                    {t("role.ops.name")}
                </dt>
                <dd>
                    {t(key("ops"))}
                </dd>
                <dt>
                    {t("lifecycle.detail.artifacts")}
                </dt>
                <dd>
                    <ul class="artifacts">{artifacts}</ul>
                </dd>
                <dt>
                    {t("lifecycle.detail.skip")}
                </dt>
                <dd class="skip">
                    {t(key("skip"))}
                </dd>
                <dt>{level_label}</dt>
                <dd class=format!("auto-text auto-{auto}")>
                    {t(format!("lifecycle.auto.{auto}"))}
                </dd>
                {(!stage.incidents.is_empty())
                    .then(|| {
                        view! {
                            <dt>{t("lifecycle.detail.lab")}</dt>
                            <dd>
                                <ul class="incident-links">
                                    {stage
                                        .incidents
                                        .iter()
                                        .map(|&kind| view! { <li><IncidentLink kind=kind /></li> })
                                        .collect_view()}
                                </ul>
                            </dd>
                        }
                    })}
            </dl>
            <TermList terms=Signal::stored(terms) />
            {stage
                .scenario_link
                .then(|| {
                    view! {
                        <p>
                            <a class="button primary" href=scenario>
                                {t("lifecycle.detail.scenario")}
                                <ArrowForward />
                            </a>
                        </p>
                    }
                })}
        }
    };

    let levels = LEVELS
        .into_iter()
        .map(|l| {
            view! {
                <label class="segment" class:active=move || level.get() == l>
                    <input
                        type="radio"
                        name="maturity"
                        prop:checked=move || level.get() == l
                        on:change=move |_| set_level.set(l)
                    />
                    <span>
                        {t(format!("lifecycle.level.{l}.name"))}
                    </span>
                </label>
            }
        })
        .collect_view();
    let level_count = move || {
        let lang = i18n.lang.get();
        let n = lifecycle::automated_count(level.get()).to_string();
        render_text(
            lang,
            &tr_args(
                lang,
                "lifecycle.maturity.count",
                &[("n", &n), ("total", &total.to_string())],
            ),
        )
    };
    let level_text = move || {
        let l = level.get();
        view! {
            <p>
                {t(format!("lifecycle.level.{l}.body"))}
            </p>
            <p class="level-who">
                {t(format!("lifecycle.level.{l}.who"))}
            </p>
        }
    };

    let cards = |prefix: &'static str, terms: &'static [&'static [&'static str]]| {
        terms
            .iter()
            .enumerate()
            .map(|(i, &terms)| {
                let n = i + 1;
                view! {
                    <li class="card">
                        <h3>
                            {t(format!("lifecycle.{prefix}.{n}.title"))}
                        </h3>
                        <p>
                            {t(format!("lifecycle.{prefix}.{n}.body"))}
                        </p>
                        <TermList terms=Signal::stored(terms) />
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <article class="page lifecycle">
            <h1 tabindex="-1">
                {t(Section::Lifecycle.title_key())}
            </h1>
            <p class="lead">
                {t(Section::Lifecycle.summary_key())}
            </p>
            <p class="note">
                {t("lifecycle.key")}
            </p>

            <section aria-labelledby="cycle-title">
                <h2 id="cycle-title">
                    {t("lifecycle.diagram.title")}
                </h2>
                <p>
                    {t("lifecycle.diagram.hint")}
                </p>
                <div class="maturity">
                    <h3>
                        {t("lifecycle.maturity.title")}
                    </h3>
                    <p>
                        {t("lifecycle.maturity.lead")}
                    </p>
                    <fieldset class="segmented">
                        <legend>
                            {t("lifecycle.maturity.label")}
                        </legend>
                        {levels}
                    </fieldset>
                    <p class="maturity-count" role="status">
                        {level_count}
                    </p>
                    <div class="level-text">{level_text}</div>
                    <TermList terms=Signal::stored(&MATURITY_TERMS[..]) />
                </div>
                <div class="cycle-layout">
                    <div class="cycle-figure">
                    <svg
                        class="cycle"
                        viewBox="0 0 700 480"
                        role="group"
                        aria-label=i18n.t("lifecycle.diagram.label")
                    >
                        <defs>
                            <marker
                                id="cycle-arrow"
                                viewBox="0 0 10 10"
                                refX="7"
                                refY="5"
                                markerWidth="7"
                                markerHeight="7"
                                orient="auto-start-reverse"
                            >
                                <path d="M0 0L10 5L0 10z" class="arrow-head" />
                            </marker>
                        </defs>
                        {arcs}
                        <text class="cycle-center" x=format!("{CX:.0}") y=format!("{CY:.0}") text-anchor="middle">
                            {move || tr(i18n.lang.get(), "lifecycle.loop.title")}
                        </text>
                        {nodes}
                    </svg>
                    <ul class="cycle-legend">
                        {["full", "partial", "manual"]
                            .into_iter()
                            .map(|a| {
                                view! {
                                    <li class=format!("legend-{a}")>
                                        <span class="swatch" aria-hidden="true"></span>
                                        {t(format!("lifecycle.legend.{a}"))}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    </div>
                    <section id="stage-detail" class="stage-detail card" aria-labelledby="stage-detail-title">
                        {detail}
                    </section>
                </div>
            </section>

            <section aria-labelledby="overlap-title">
                <h2 id="overlap-title">
                    {t("lifecycle.overlap.title")}
                </h2>
                <p>
                    {t("lifecycle.overlap.lead")}
                </p>
                <ul class="cards">{cards("overlap", &OVERLAPS)}</ul>
            </section>

            <section aria-labelledby="ritual-title">
                <h2 id="ritual-title">
                    {t("lifecycle.ritual.title")}
                </h2>
                <p>
                    {t("lifecycle.ritual.lead")}
                </p>
                <ul class="cards">{cards("ritual", &RITUALS)}</ul>
            </section>

            <section class="promise" aria-labelledby="loop-title">
                <h2 id="loop-title">
                    {t("lifecycle.loop.title")}
                </h2>
                <p>
                    {t("lifecycle.loop.body")}
                </p>
            </section>

            <Quiz section="lifecycle" />
        </article>
    }
}
