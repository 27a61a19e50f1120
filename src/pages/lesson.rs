//! The lesson builder, for instructors: pick the stops (sections, story scenes, the lab),
//! set the lab's starting values with the lab's own controls, choose which of them
//! students may change, and copy the link. The lesson being built lives in this page's
//! URL (the same query a lesson link carries), so a half-made lesson survives a reload.

use crate::components::i18n::{page_local, t, use_i18n};
use crate::components::lab::{ControlsCtx, LabControls};
use crate::display::Slide;
use crate::i18n::tr_args;
use crate::lesson::{self, Control, Lesson};
use crate::platform;
use crate::route;
use crate::scenario::scenes::Scene;
use crate::scenario::url::PageState;
use crate::sections::Section;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};
use wasm_bindgen::JsCast;

/// The locale key naming a control.
fn control_key(control: Control) -> &'static str {
    match control {
        Control::Preset => "scenario.lab.preset",
        Control::Drift => "scenario.lab.drift",
        Control::Strength => "scenario.lab.strength",
        Control::Onset => "scenario.lab.onset",
        Control::Shape => "scenario.lab.shape",
        Control::Delay => "scenario.lab.delay",
        Control::Cohort => "scenario.lab.cohort",
        Control::Seed => "scenario.lab.seed",
        Control::Alert => "scenario.lab.alert",
        Control::Policy => "scenario.lab.policy",
        Control::Bad => "scenario.lab.bad",
        Control::Business => "scenario.lab.business",
        Control::Timings => "scenario.assume.title",
        Control::Incidents => "scenario.ops.controls",
    }
}

fn checked(event: &leptos::ev::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// A checkbox that adds or removes one item of the lesson.
#[component]
fn Pick(id: String, label: String, on: Signal<bool>, set: Callback<bool>) -> impl IntoView {
    let input_id = id.clone();
    view! {
        <label class="check" for=id>
            <input
                id=input_id
                type="checkbox"
                prop:checked=move || on.get()
                on:change=move |ev| set.run(checked(&ev))
            />
            {t(label)}
        </label>
    }
}

/// The builder page.
#[component]
pub fn LessonBuilder() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let navigate = use_navigate();
    // The lesson being built: from this page's URL, or everything when there is none.
    let lesson = page_local(move || lesson::draft(&location.search.get()));
    let update = Callback::new(move |change: Box<dyn FnOnce(&mut Lesson)>| {
        let mut next = lesson.get_untracked();
        change(&mut next);
        let path = route::lesson_path(i18n.base, i18n.lang.get_untracked());
        let to = route::with_query(path, &next.to_query());
        // Each tick of a box replaces the address.
        navigate(
            &to,
            NavigateOptions {
                // The app's paths hold the base already.
                resolve: false,
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    });

    let stop_pick = move |stop: Slide, label: String| {
        let id = format!("stop-{}", lesson::stop_slug(stop));
        view! {
            <li>
                <Pick
                    id=id
                    label=label
                    on=Signal::derive(move || lesson.with(|l| l.stops.contains(&stop)))
                    set=Callback::new(move |on: bool| {
                        update.run(Box::new(move |l: &mut Lesson| {
                            l.stops.retain(|s| *s != stop);
                            if on {
                                l.stops.push(stop);
                            }
                            let all = lesson::all_stops();
                            l.stops.sort_by_key(|s| all.iter().position(|a| a == s));
                        }))
                    })
                />
            </li>
        }
    };
    let sections = Section::ALL
        .into_iter()
        .filter(|s| *s != Section::Scenario)
        .map(|s| stop_pick(Slide::Section(s), s.nav_key()))
        .collect_view();
    let scenes = Scene::ALL
        .into_iter()
        .map(|scene| {
            stop_pick(
                Slide::Scene(scene),
                format!("scenario.scene.{}.title", scene.slug()),
            )
        })
        .collect_view();
    let lab_pick = stop_pick(Slide::Lab, "lesson.stop.lab".to_string());
    // A titled group of stops.
    let group = |id: &'static str, title: &'static str, items: AnyView| {
        view! {
            <section aria-labelledby=id>
                <h2 id=id>
                    {t(title)}
                </h2>
                <ul class="plain">{items}</ul>
            </section>
        }
    };
    let set_all = move |on: bool| {
        update.run(Box::new(move |l: &mut Lesson| {
            l.stops = if on { lesson::all_stops() } else { Vec::new() };
        }))
    };

    // The lab's controls set the starting values; every one can be set here.
    let state = Signal::derive(move || PageState {
        mode: crate::scenario::url::Mode::Lab,
        ..lesson.get().fixed
    });
    provide_context(ControlsCtx {
        state,
        config: Memo::new(move |_| state.get().config),
        preset: Memo::new(move |_| state.get().preset),
        go: Callback::new(move |(next, _): (PageState, bool)| {
            update.run(Box::new(move |l: &mut Lesson| {
                l.fixed = PageState {
                    preset: next.preset,
                    config: next.config,
                    ..PageState::default()
                };
            }))
        }),
        open: Signal::derive(|| Control::ALL.to_vec()),
    });

    let open_picks = Control::ALL
        .into_iter()
        .map(|control| {
            view! {
                <li>
                    <Pick
                        id=format!("open-{}", control.slug())
                        label=control_key(control).to_string()
                        on=Signal::derive(move || lesson.with(|l| l.is_open(control)))
                        set=Callback::new(move |on: bool| {
                            update.run(Box::new(move |l: &mut Lesson| {
                                l.open.retain(|c| *c != control);
                                if on {
                                    l.open.push(control);
                                }
                                l.open.sort_by_key(|c| Control::ALL.iter().position(|a| a == c));
                            }))
                        })
                    />
                </li>
            }
        })
        .collect_view();

    let empty = move || lesson.with(|l| l.stops.is_empty());
    let link = move || {
        let path = lesson.with(|l| l.link(i18n.base, i18n.lang.get()));
        format!("{}{path}", platform::origin())
    };
    let summary = move || {
        lesson.with(|l| {
            tr_args(
                i18n.lang.get(),
                "builder.summary",
                &[
                    ("stops", &l.stops.len().to_string()),
                    ("open", &l.open.len().to_string()),
                    ("controls", &Control::ALL.len().to_string()),
                ],
            )
        })
    };
    let (copied, set_copied) = signal(None::<bool>);
    Effect::new(move |_| {
        lesson.track();
        set_copied.set(None);
    });
    let copy = move |_| {
        let text = link();
        let ok = platform::copy_text(&text);
        if !ok
            && let Some(field) = document().get_element_by_id("lesson-link")
            && let Ok(input) = field.dyn_into::<web_sys::HtmlInputElement>()
        {
            input.select();
        }
        set_copied.set(Some(ok));
    };

    view! {
        <article class="page builder">
            <h1 tabindex="-1">
                {t("builder.title")}
            </h1>
            <p class="lead">
                {t("builder.lead")}
            </p>
            <form class="builder-form" on:submit=|ev| ev.prevent_default()>
                <fieldset class="builder-stops">
                    <legend>
                        {t("builder.stops")}
                    </legend>
                    <p class="actions">
                        <button type="button" class="button" on:click=move |_| set_all(true)>
                            {t("builder.all")}
                        </button>
                        <button type="button" class="button" on:click=move |_| set_all(false)>
                            {t("builder.none")}
                        </button>
                    </p>
                    <div class="builder-groups">
                        {group("builder-sections", "builder.sections", sections.into_any())}
                        {group("builder-story", "builder.story", scenes.into_any())}
                        {group("builder-lab", "lesson.stop.lab", lab_pick.into_any())}
                    </div>
                </fieldset>
                <fieldset class="builder-open">
                    <legend>
                        {t("builder.open")}
                    </legend>
                    <p class="hint">
                        {t("builder.open_hint")}
                    </p>
                    <ul class="plain builder-open-list">{open_picks}</ul>
                </fieldset>
            </form>
            <section class="builder-values" aria-labelledby="builder-values">
                <h2 id="builder-values">
                    {t("builder.values")}
                </h2>
                <p class="hint">
                    {t("builder.values_hint")}
                </p>
                <LabControls />
            </section>
            <section class="builder-share" aria-labelledby="builder-share">
                <h2 id="builder-share">
                    {t("builder.share")}
                </h2>
                <Show
                    when=move || !empty()
                    fallback=|| view! {
                        <p class="notice" role="status">
                            {t("builder.empty")}
                        </p>
                    }
                >
                        <p>{summary}</p>
                        <label for="lesson-link">
                            {t("builder.link")}
                        </label>
                        <input id="lesson-link" class="link-field" type="text" readonly prop:value=link />
                        <p class="actions">
                            <button type="button" class="button primary" on:click=copy>
                                {t("builder.copy")}
                            </button>
                            <a class="button" href=link>
                                {t("builder.open_link")}
                            </a>
                        </p>
                        <p role="status" class="copy-status">
                            {move || match copied.get() {
                                Some(true) => view! { {t("builder.copied")} }.into_any(),
                                Some(false) => view! { {t("builder.copy_failed")} }.into_any(),
                                None => ().into_any(),
                            }}
                        </p>
                </Show>
            </section>
        </article>
    }
}
