//! The self-check at the end of a section, and `SavedAnswers`, the answers of an exercise
//! kept in the browser: loaded with `teach::progress` (anything unreadable is discarded
//! and flagged, never trusted), saved on every change.

use crate::components::i18n::{render_text, t, use_i18n};
use crate::i18n::{tr, tr_args};
use crate::platform;
use crate::saved::Loaded;
use crate::teach::progress;
use crate::teach::quiz;
use leptos::prelude::*;

/// One exercise's answers, mirrored in storage under its key.
#[derive(Clone, Copy)]
pub struct SavedAnswers {
    /// One answer per item (`None`: unanswered).
    pub answers: RwSignal<Vec<Option<u8>>>,
    /// True when a corrupt saved state was found and discarded on load.
    pub discarded: RwSignal<bool>,
    key: StoredValue<String>,
}

impl SavedAnswers {
    /// Loads the answers saved under `key` for items with `options[i]` choices each.
    pub fn load(key: String, options: &[u8]) -> SavedAnswers {
        let empty = vec![None; options.len()];
        let (initial, discarded) =
            match progress::load(platform::LOCAL.get(&key).as_deref(), options) {
                Loaded::Fresh => (empty, false),
                Loaded::Restored(answers) => (answers, false),
                Loaded::Discarded => {
                    platform::LOCAL.remove(&key);
                    (empty, true)
                }
            };
        SavedAnswers {
            answers: RwSignal::new(initial),
            discarded: RwSignal::new(discarded),
            key: StoredValue::new(key),
        }
    }

    /// The answer to item `index`.
    pub fn get(self, index: usize) -> Option<u8> {
        self.answers.with(|a| a.get(index).copied().flatten())
    }

    /// Records an answer and saves all of them.
    pub fn set(self, index: usize, value: Option<u8>) {
        self.answers.update(|answers| {
            if let Some(slot) = answers.get_mut(index) {
                *slot = value;
            }
        });
        let text = self.answers.with_untracked(|a| progress::encode(a));
        self.key.with_value(|key| platform::LOCAL.set(key, &text));
    }

    /// Forgets every answer, here and in storage.
    pub fn clear(self) {
        self.answers
            .update(|answers| answers.iter_mut().for_each(|a| *a = None));
        self.discarded.set(false);
        self.key.with_value(|key| platform::LOCAL.remove(key));
    }
}

/// The notice shown when saved answers were unreadable and have been discarded.
#[component]
pub fn DiscardedNotice(saved: SavedAnswers, k: &'static str) -> impl IntoView {
    move || {
        saved.discarded.get().then(|| {
            view! {
                <p class="note notice" role="status">
                    {t(k)}
                </p>
            }
        })
    }
}

/// The self-check of a section (`roles`, `lifecycle` or `tools`).
#[component]
pub fn Quiz(section: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let questions = quiz::for_section(section);
    let options: Vec<u8> = questions.iter().map(|q| q.options).collect();
    let saved = SavedAnswers::load(format!("quiz-{section}"), &options);
    let items = questions
        .iter()
        .enumerate()
        .map(|(qi, q)| {
            let base = format!("quiz.{section}.{}", q.id);
            let correct = q.correct;
            let name = format!("quiz-{section}-{qi}");
            let choices = (0..q.options)
                .map(|oi| {
                    let id = format!("{name}-{oi}");
                    view! {
                        <li>
                            <input
                                type="radio"
                                id=id.clone()
                                name=name.clone()
                                prop:checked=move || saved.get(qi) == Some(oi)
                                on:change=move |_| saved.set(qi, Some(oi))
                            />
                            <label for=id>
                                {t(format!("{base}.opt{oi}"))}
                            </label>
                        </li>
                    }
                })
                .collect_view();
            let why = base.clone();
            let feedback = move || {
                saved.get(qi).map(|chosen| {
                    let right = chosen == correct;
                    let (class, verdict) = if right {
                        ("feedback right", "quiz.right")
                    } else {
                        ("feedback wrong", "quiz.wrong")
                    };
                    view! {
                        <div class=class>
                            <p>
                                <strong>
                                    {t(verdict)}
                                </strong>
                                " "
                                {t(format!("{why}.why{chosen}"))}
                            </p>
                            {(!right)
                                .then(|| {
                                    // The right option by name, then why it is right.
                                    let answer = {
                                        let why = why.clone();
                                        move || {
                                            let lang = i18n.lang.get();
                                            let option = tr(lang, &format!("{why}.opt{correct}"));
                                            tr_args(lang, "quiz.answer", &[("option", option)])
                                        }
                                    };
                                    view! {
                                        <p>
                                            <strong>{answer}</strong>
                                            " "
                                            {t(format!("{why}.why{correct}"))}
                                        </p>
                                    }
                                })}
                        </div>
                    }
                })
            };
            let number = move || {
                tr_args(
                    i18n.lang.get(),
                    "quiz.question",
                    &[("n", &(qi + 1).to_string())],
                )
            };
            view! {
                <li class="quiz-question">
                    <fieldset>
                        <legend>
                            <span class="quiz-number">{number}</span>
                            {t(base.clone())}
                        </legend>
                        <ul class="choices">{choices}</ul>
                    </fieldset>
                    {feedback}
                </li>
            }
        })
        .collect_view();
    let total = questions.len();
    let status = move || {
        let lang = i18n.lang.get();
        let (answered, right) = saved.answers.with(|a| {
            (
                a.iter().filter(|x| x.is_some()).count(),
                quiz::score(questions, a),
            )
        });
        let text = tr_args(
            lang,
            "quiz.progress",
            &[
                ("answered", &answered.to_string()),
                ("total", &total.to_string()),
                ("correct", &right.to_string()),
            ],
        );
        render_text(lang, &text)
    };
    let title_id = format!("quiz-{section}-title");
    view! {
        <section class="quiz" aria-labelledby=title_id.clone()>
            <h2 id=title_id.clone()>
                {t("quiz.title")}
            </h2>
            <p>
                {t("quiz.lead")}
            </p>
            <DiscardedNotice saved=saved k="quiz.corrupt" />
            <ol class="quiz-list">{items}</ol>
            <div class="quiz-footer">
                <p class="quiz-status" role="status">
                    {status}
                </p>
                <button type="button" class="button" on:click=move |_| saved.clear()>
                    {t("quiz.reset")}
                </button>
            </div>
        </section>
    }
}
