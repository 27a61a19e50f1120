//! The Roles exercise: sort real tasks between the ML Developer, the MLOps Engineer and
//! both. Every task has a radio group (the keyboard way), and its card can be dragged onto
//! a role (HTML5 drag and drop, an enhancement over the radios; the columns and the words
//! about dragging show only where there is room for them). Checking judges the tasks
//! placed, each right or not and why, and gives nothing away about the others; "Show the
//! answers" is a separate step for a student who gives up. The glossary terms the tasks use
//! are linked under the lead.

use crate::components::i18n::{render_text, t, use_i18n};
use crate::components::incident_link::IncidentLink;
use crate::components::quiz::{DiscardedNotice, SavedAnswers};
use crate::components::story::TermList;
use crate::i18n::{tr, tr_args};
use crate::teach::Owner;
use crate::teach::incidents::incident_of_task;
use crate::teach::roles::{self, TASK_TERMS, TASKS};
use leptos::ev;
use leptos::prelude::*;

/// The locale key of an owner's name.
pub fn owner_key(owner: Owner) -> &'static str {
    match owner {
        Owner::Dev => "role.dev.name",
        Owner::Ops => "role.ops.name",
        Owner::Both => "roles.owner.both",
    }
}

/// How much the exercise tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reveal {
    /// Nothing yet.
    Hidden,
    /// Whether each placed task is right, and why.
    Placed,
    /// Every task's answer, placed or not.
    All,
}

impl Reveal {
    /// Checking: the placed tasks judged, unless every answer is shown already.
    fn max_placed(self) -> Reveal {
        if self == Reveal::All {
            Reveal::All
        } else {
            Reveal::Placed
        }
    }
}

/// The sorting exercise.
#[component]
pub fn SortExercise() -> impl IntoView {
    let i18n = use_i18n();
    let saved = SavedAnswers::load("sort-roles".to_string(), &[3; TASKS.len()]);
    let (reveal, set_reveal) = signal(Reveal::Hidden);
    let dragging = RwSignal::new(None::<usize>);
    let owner_at = move |i: usize| saved.get(i).and_then(Owner::from_index);
    let place = move |i: usize, owner: Owner| {
        saved.set(i, Some(owner.index()));
        // A new placement waits for the next check; answers shown stay shown.
        set_reveal.update(|r| {
            if *r == Reveal::Placed {
                *r = Reveal::Hidden;
            }
        });
    };

    let bins = Owner::ALL
        .into_iter()
        .map(|owner| {
            let over = RwSignal::new(false);
            let chips = move || {
                (0..TASKS.len())
                    .filter(|&i| owner_at(i) == Some(owner))
                    .map(|i| view! { <li class="chip">{i + 1}</li> })
                    .collect_view()
            };
            let empty = move || (0..TASKS.len()).all(|i| owner_at(i) != Some(owner));
            view! {
                <div
                    class=format!("bin bin-{}", owner.id())
                    class:over=move || over.get()
                    on:dragover=move |event: ev::DragEvent| {
                        event.prevent_default();
                        over.set(true);
                    }
                    on:dragleave=move |_| over.set(false)
                    on:drop=move |event: ev::DragEvent| {
                        event.prevent_default();
                        over.set(false);
                        if let Some(i) = dragging.get_untracked() {
                            place(i, owner);
                        }
                        dragging.set(None);
                    }
                >
                    <h3 class="bin-title">
                        {t(owner_key(owner))}
                    </h3>
                    <ol class="chips">{chips}</ol>
                    {move || {
                        empty()
                            .then(|| {
                                view! {
                                    <p class="bin-hint">
                                        {t("roles.sort.drop")}
                                    </p>
                                }
                            })
                    }}
                </div>
            }
        })
        .collect_view();

    let tasks = TASKS
        .iter()
        .enumerate()
        .map(|(i, task)| {
            let group = format!("task-{i}");
            let choices = Owner::ALL
                .into_iter()
                .map(|owner| {
                    view! {
                        <label class=format!("choice choice-{}", owner.id())>
                            <input
                                type="radio"
                                name=group.clone()
                                prop:checked=move || owner_at(i) == Some(owner)
                                on:change=move |_| place(i, owner)
                            />
                            <span>
                                {t(owner_key(owner))}
                            </span>
                        </label>
                    }
                })
                .collect_view();
            let feedback = move || {
                let shown = match reveal.get() {
                    Reveal::Hidden => false,
                    Reveal::Placed => owner_at(i).is_some(),
                    Reveal::All => true,
                };
                shown.then(|| {
                    let lang = i18n.lang.get();
                    let answer = owner_at(i);
                    let right = answer == Some(task.owner);
                    let name = tr(lang, owner_key(task.owner));
                    let verdict = match answer {
                        _ if right => tr(lang, "roles.sort.right").to_string(),
                        None => tr_args(lang, "roles.sort.missing", &[("owner", name)]),
                        Some(_) => tr_args(lang, "roles.sort.wrong", &[("owner", name)]),
                    };
                    let class = if right {
                        "feedback right"
                    } else {
                        "feedback wrong"
                    };
                    view! {
                        <p class=class>
                            <strong>{render_text(lang, &verdict)}</strong>
                            " "
                            {t(format!("roles.task.{}.why", task.id))}
                            {incident_of_task(task.id)
                                .map(|kind| view! { " " <IncidentLink kind=kind /> })}
                        </p>
                    }
                })
            };
            let placed = move || {
                owner_at(i).map_or("task", |o| match o {
                    Owner::Dev => "task placed-dev",
                    Owner::Ops => "task placed-ops",
                    Owner::Both => "task placed-both",
                })
            };
            view! {
                <li
                    class=placed
                    draggable="true"
                    on:dragstart=move |event: ev::DragEvent| {
                        dragging.set(Some(i));
                        if let Some(data) = event.data_transfer() {
                            let _ = data.set_data("text/plain", task.id);
                            data.set_effect_allowed("move");
                        }
                    }
                    on:dragend=move |_| dragging.set(None)
                >
                    <fieldset>
                        <legend>
                            <span class="task-number">{i + 1}</span>
                            <span>
                                {t(format!("roles.task.{}", task.id))}
                            </span>
                        </legend>
                        <div class="choices">{choices}</div>
                    </fieldset>
                    {feedback}
                </li>
            }
        })
        .collect_view();

    let status = move || {
        let lang = i18n.lang.get();
        let total = TASKS.len().to_string();
        let placed = (0..TASKS.len()).filter(|&i| owner_at(i).is_some()).count();
        let text = if reveal.get() == Reveal::Hidden {
            tr_args(
                lang,
                "roles.sort.progress",
                &[("n", &placed.to_string()), ("total", &total)],
            )
        } else {
            let answers: Vec<Option<Owner>> = (0..TASKS.len()).map(owner_at).collect();
            let n = roles::score(&answers).to_string();
            let key = if placed == TASKS.len() {
                "roles.sort.score"
            } else {
                "roles.sort.score_partial"
            };
            tr_args(
                lang,
                key,
                &[
                    ("n", &n),
                    ("placed", &placed.to_string()),
                    ("total", &total),
                    ("left", &(TASKS.len() - placed).to_string()),
                ],
            )
        };
        render_text(lang, &text)
    };

    view! {
        <section class="sort" aria-labelledby="sort-title">
            <h2 id="sort-title">
                {t("roles.sort.title")}
            </h2>
            <p>
                {t("roles.sort.lead")}
                <span class="drag-hint">" "{t("roles.sort.drag")}</span>
            </p>
            <TermList terms=Signal::stored(&TASK_TERMS[..]) />
            <DiscardedNotice saved=saved k="roles.sort.corrupt" />
            <div class="bins" aria-hidden="true">{bins}</div>
            <ol class="tasks">{tasks}</ol>
            <div class="sort-footer">
                <p class="sort-status" role="status">
                    {status}
                </p>
                <button
                    type="button"
                    class="button primary"
                    on:click=move |_| set_reveal.update(|r| *r = (*r).max_placed())
                >
                    {t("roles.sort.check")}
                </button>
                <button type="button" class="button" on:click=move |_| set_reveal.set(Reveal::All)>
                    {t("roles.sort.show")}
                </button>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        saved.clear();
                        set_reveal.set(Reveal::Hidden);
                    }
                >
                    {t("roles.sort.reset")}
                </button>
            </div>
        </section>
    }
}
