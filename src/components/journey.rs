//! Self-study progress: the shell records each page a student opens (`record`), and the
//! home page shows what was done (sections, story scenes, the sorting exercise and the
//! self-checks), a link to continue where the student left off, and a way to start over.

use crate::components::i18n::{t, use_i18n};
use crate::i18n::tr_args;
use crate::platform;
use crate::route::Page;
use crate::saved::Loaded;
use crate::scenario::story::{PREDICTIONS_KEY, prediction_option_counts};
use crate::scenario::url::{self as scenario_url, Mode};
use crate::sections::Section;
use crate::teach::journey::Journey;
use crate::teach::progress;
use crate::teach::{quiz, roles};
use leptos::prelude::*;

const KEY: &str = "journey";
const QUIZZES: [&str; 3] = ["roles", "lifecycle", "tools"];

fn load() -> Journey {
    platform::LOCAL
        .load::<Journey>(KEY)
        .restored()
        .unwrap_or_default()
}

/// Records the page now open: its section, the story scene shown, and the page itself for
/// "continue where I left off".
pub fn record(page: Page, path: &str, query: &str) {
    let Page::Section(section) = page else {
        return;
    };
    let mut journey = load();
    journey.visit(section);
    if section == Section::Scenario {
        let state = scenario_url::parse(query).0;
        if state.mode == Mode::Story {
            journey.see(state.scene);
        }
    }
    if section != Section::Home {
        let query = query.trim_start_matches('?');
        journey.open(&if query.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{query}")
        });
    }
    platform::LOCAL.save(KEY, &journey);
}

/// Answered and right, out of how many, for saved answers under `key`.
fn answered(
    key: &str,
    options: &[u8],
    right: impl Fn(&[Option<u8>]) -> usize,
) -> (usize, usize, usize) {
    match progress::load(platform::LOCAL.get(key).as_deref(), options) {
        Loaded::Restored(answers) => (
            answers.iter().flatten().count(),
            right(&answers),
            options.len(),
        ),
        _ => (0, 0, options.len()),
    }
}

/// The progress panel of the home page.
#[component]
pub fn ProgressPanel() -> impl IntoView {
    let i18n = use_i18n();
    // Read once when the page opens; the reset button reads again.
    let (version, set_version) = signal(0u32);
    let journey = Memo::new(move |_| {
        version.track();
        load()
    });
    let lines = move || {
        version.track();
        let lang = i18n.lang.get();
        let j = journey.get();
        let count = |key: &str, n: usize, of: usize| {
            tr_args(
                lang,
                key,
                &[("n", &n.to_string()), ("total", &of.to_string())],
            )
        };
        let mut items = vec![
            count(
                "journey.sections",
                j.sections_visited().0,
                j.sections_visited().1,
            ),
            count("journey.scenes", j.scenes_seen().0, j.scenes_seen().1),
        ];
        let (guessed, _, predictions) =
            answered(PREDICTIONS_KEY, &prediction_option_counts(), |_| 0);
        items.push(count("journey.predictions", guessed, predictions));
        let sort_options = [3u8; roles::TASKS.len()];
        let (sorted, _, tasks) = answered("sort-roles", &sort_options, |_| 0);
        items.push(count("journey.sort", sorted, tasks));
        for section in QUIZZES {
            let questions = quiz::for_section(section);
            let options: Vec<u8> = questions.iter().map(|q| q.options).collect();
            let (done, right, total) = answered(&format!("quiz-{section}"), &options, |a| {
                quiz::score(questions, a)
            });
            items.push(tr_args(
                lang,
                "journey.quiz",
                &[
                    (
                        "section",
                        crate::i18n::tr(lang, &format!("section.{section}.nav")),
                    ),
                    ("n", &done.to_string()),
                    ("total", &total.to_string()),
                    ("right", &right.to_string()),
                ],
            ));
        }
        items
            .into_iter()
            .map(|text| view! { <li>{text}</li> })
            .collect_view()
    };
    let reset = move |_| {
        platform::LOCAL.remove(KEY);
        platform::LOCAL.remove("sort-roles");
        platform::LOCAL.remove(PREDICTIONS_KEY);
        for section in QUIZZES {
            platform::LOCAL.remove(&format!("quiz-{section}"));
        }
        set_version.update(|v| *v += 1);
    };
    view! {
        <section class="progress-panel" aria-labelledby="progress-title">
            <h2 id="progress-title">
                {t("journey.title")}
            </h2>
            {move || {
                if journey.get().is_empty() {
                    view! { <p>{t("journey.empty")}</p> }.into_any()
                } else {
                    view! { <ul class="checklist">{lines}</ul> }.into_any()
                }
            }}
            <div class="progress-actions">
                {move || journey.get().last.map(|href| view! {
                    <a class="button primary" href=href>
                        {t("journey.continue")}
                    </a>
                })}
                <Show when=move || !journey.get().is_empty()>
                    <button type="button" class="button" on:click=reset>
                        {t("journey.reset")}
                    </button>
                </Show>
            </div>
        </section>
    }
}
