//! Story mode: one scene at a time, with the scene's text (numbers from the run), the two
//! swimlanes that show who acts and what passes between them, the predict-then-reveal
//! questions, the validation gate's criteria, and buttons to the previous and next scene.

use crate::components::i18n::{page_local, render_text, t, use_i18n};
use crate::components::icons::{ArrowBack, ArrowForward};
use crate::components::lesson::use_lesson;
use crate::components::quiz::{DiscardedNotice, SavedAnswers};
use crate::components::term::Term;
use crate::i18n::numbers::{percent, score};
use crate::i18n::{tr, tr_args};
use crate::pages::scenario::use_scenario;
use crate::route;
use crate::scenario::describe::{artifact_key, describe};
use crate::scenario::scenes::{Prediction, Scene};
use crate::scenario::story::{
    PREDICTIONS_KEY, gate_criterion, gates_to_fix, prediction_answer, prediction_option_counts,
    prediction_options, prediction_question, scene_figure, scene_text, scene_title,
};
use crate::scenario::url::{Mode, PageState, to_query};
use crate::sections::Section;
use crate::sim::outcome::{GATE_MIN_SEGMENT_CHURNERS, GATE_MIN_SEGMENT_F1, GateReport};
use crate::sim::{EventKind, PolicyKind, Role};
use leptos::prelude::*;

/// The story.
#[component]
pub fn Story() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let scene = Memo::new(move |_| ctx.state.with(|s| s.scene));
    let move_to = move |target: Option<Scene>| {
        if let Some(target) = target {
            ctx.go.run((
                PageState {
                    scene: target,
                    ..ctx.state.get_untracked()
                },
                false,
            ));
        }
    };
    // In a lesson, the story is its scenes only.
    let lesson = use_lesson().lesson;
    let lesson = page_local(move || lesson.get());
    let neighbour = move |scene: Scene, forward: bool| {
        lesson.with(|l| match l {
            Some(l) if l.has_story() => l.step_scene(scene, forward),
            _ if forward => scene.next(),
            _ => scene.prev(),
        })
    };
    let position = move || {
        let scene = scene.get();
        let (n, total) = lesson
            .with(|l| {
                l.as_ref().and_then(|l| {
                    let scenes = l.scenes();
                    let at = scenes.iter().position(|s| *s == scene)?;
                    Some((at + 1, scenes.len()))
                })
            })
            .unwrap_or((scene.index() + 1, Scene::ALL.len()));
        tr_args(
            i18n.lang.get(),
            "scenario.scene.position",
            &[("n", &n.to_string()), ("total", &total.to_string())],
        )
    };
    let body = move || {
        let lang = i18n.lang.get();
        let text = ctx.outcome.with(|o| scene_text(lang, scene.get(), o));
        render_text(lang, &text)
    };
    let figure = move || {
        let lang = i18n.lang.get();
        let text = ctx.outcome.with(|o| scene_figure(lang, scene.get(), o))?;
        Some(view! { <p class="scene-body scene-figure">{render_text(lang, &text)}</p> })
    };
    // The guesses, kept once revealed; a scene's question is answered once its guess is in.
    let guesses = predictions();
    let answered = move || {
        scene
            .get()
            .prediction()
            .is_none_or(|p| guesses.get(p.index()).is_some())
    };
    // A new scene starts at its title, below the header, with the focus on it.
    Effect::new(move |shown: Option<Scene>| {
        let now = scene.get();
        if shown.is_some_and(|s| s != now) {
            crate::platform::bring_into_view("scene-title");
        }
        now
    });
    view! {
        <section class="story" aria-labelledby="scene-title">
            <p class="scene-position">{position}</p>
            <h2 id="scene-title" tabindex="-1">
                {move || {
                    let lang = i18n.lang.get();
                    ctx.outcome.with(|o| scene_title(lang, scene.get(), o))
                }}
            </h2>
            <p class="scene-body">{body}</p>
            {figure}
            {move || {
                scene.get().prediction().map(|p| view! { <PredictReveal prediction=p saved=guesses /> })
            }}
            {move || (scene.get() == Scene::Gate).then(|| view! { <GateTables /> })}
            // What the team saw that scene answers its question: it waits for the guess.
            <Show when=answered>
                <Swimlanes scene=scene />
            </Show>
            <TermList terms=Signal::derive(move || scene.get().terms()) />
            {move || neighbour(scene.get(), true).is_none().then(|| view! { <StoryEnd /> })}
            <nav class="scene-nav" aria-label=i18n.t("scenario.lanes.label")>
                <button
                    type="button"
                    class="button"
                    disabled=move || neighbour(scene.get(), false).is_none()
                    on:click=move |_| move_to(neighbour(scene.get_untracked(), false))
                >
                    <ArrowBack />
                    {t("scenario.scene.prev")}
                </button>
                <button
                    type="button"
                    class="button primary"
                    disabled=move || neighbour(scene.get(), true).is_none()
                    on:click=move |_| move_to(neighbour(scene.get_untracked(), true))
                >
                    {t("scenario.scene.next")}
                    <ArrowForward />
                </button>
            </nav>
        </section>
        <StoryHandout />
    }
}

/// Every scene of the story, for paper: the page prints as a handout of the whole story
/// (the screen shows one scene at a time, and none of this).
#[component]
fn StoryHandout() -> impl IntoView {
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
fn StoryEnd() -> impl IntoView {
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

/// Links to the glossary entries of the terms a part of the page uses.
#[component]
pub fn TermList(terms: Signal<&'static [&'static str]>) -> impl IntoView {
    view! {
        <p class="term-list">
            <span class="term-list-label">
                {t("scenario.terms")}
            </span>
            {move || {
                terms
                    .get()
                    .iter()
                    .map(|id| view! { <Term id=*id /> })
                    .collect_view()
            }}
        </p>
    }
}

/// The two swimlanes of a scene: the automated loop's events that belong to it, each in the
/// lane of the role that acts (both lanes when both act), with the artifact it passes on.
#[component]
fn Swimlanes(scene: Memo<Scene>) -> impl IntoView {
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

/// Asks for a prediction, then reveals what the run shows and why.
#[component]
fn PredictReveal(
    prediction: Prediction,
    /// The story's guesses: kept once revealed, so moving between scenes, or coming back
    /// later, shows the guess with its reveal.
    saved: SavedAnswers,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let slot = prediction.index();
    let (choice, set_choice) = signal(saved.get(slot).map(usize::from));
    let revealed = move || saved.get(slot).is_some();
    let name = match prediction {
        Prediction::F1AfterDrift => "predict-f1",
        Prediction::MonitorsCatchIt => "predict-monitors",
    };
    let options = prediction_options(prediction)
        .iter()
        .enumerate()
        .map(|(i, key)| {
            view! {
                <label class="option">
                    <input
                        type="radio"
                        name=name
                        prop:checked=move || choice.get() == Some(i)
                        on:change=move |_| set_choice.set(Some(i))
                        disabled=revealed
                    />
                    {t(*key)}
                </label>
            }
        })
        .collect_view();
    let answer = move || {
        revealed().then(|| {
            let lang = i18n.lang.get();
            let (right, text) = ctx.outcome.with(|o| prediction_answer(lang, prediction, o));
            let guessed = choice.get() == Some(right);
            let verdict = if guessed {
                "scenario.predict.right"
            } else {
                "scenario.predict.wrong"
            };
            // A wrong guess is told the right option by name.
            let named = (!guessed).then(|| {
                let option = tr(lang, prediction_options(prediction)[right]);
                tr_args(lang, "scenario.predict.answer", &[("option", option)])
            });
            view! {
                <div class="reveal" role="status">
                    <p class="verdict">
                        <strong>{t(verdict)}</strong>
                        {named.map(|n| view! { " " {n} })}
                    </p>
                    <p>{render_text(lang, &text)}</p>
                </div>
            }
        })
    };
    view! {
        <fieldset class="predict">
            <legend>
                {t(prediction_question(prediction))}
            </legend>
            <div class="options">{options}</div>
            <button
                type="button"
                class="button"
                disabled=move || choice.get().is_none() || revealed()
                on:click=move |_| {
                    let guess = choice.get_untracked().and_then(|c| u8::try_from(c).ok());
                    saved.set(slot, guess);
                }
            >
                {t("scenario.predict.reveal")}
            </button>
            <DiscardedNotice saved=saved k="scenario.predict.corrupt" />
            {answer}
        </fieldset>
    }
}

/// The story's guesses, one a prediction, saved once revealed.
fn predictions() -> SavedAnswers {
    SavedAnswers::load(PREDICTIONS_KEY.to_string(), &prediction_option_counts())
}

/// The validation gate's criteria with the challenger's measured values: one table for
/// each challenger the loop's gate judged until its fix went live.
#[component]
fn GateTables() -> impl IntoView {
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
