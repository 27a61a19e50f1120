//! Story mode: one scene at a time, with the scene's text (numbers from the run), the two
//! swimlanes that show who acts and what passes between them, the predict-then-reveal
//! questions, the validation gate's criteria, and buttons to the previous and next scene.
//!
//! One file a part: `lanes` (the swimlanes), `predict` (predict, then reveal), `gate` (the
//! gate's tables), `end` (the last scene's ways on and the printed handout).

mod end;
mod gate;
mod lanes;
mod predict;

use end::{StoryEnd, StoryHandout};
use gate::GateTables;
use lanes::Swimlanes;
use predict::{PredictReveal, predictions};

use crate::components::i18n::{page_local, render_text, t, use_i18n};
use crate::components::icons::{ArrowBack, ArrowForward};
use crate::components::lesson::use_lesson;
use crate::components::term::Term;
use crate::i18n::tr_args;
use crate::pages::scenario::use_scenario;
use crate::scenario::scenes::Scene;
use crate::scenario::story::{scene_figure, scene_text, scene_title};
use crate::scenario::url::PageState;
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
