//! The churn scenario: the article's incident, simulated live in the browser. The URL holds
//! the whole state (`scenario::url`); the simulation reruns only when the configuration
//! changes, in the worker, whose `sim::Session` keeps the history and the champion between
//! runs.
//! The simulation runs in its worker (`crate::sim_client`), the first run included: the page
//! paints its title and a status at once and the story or lab when the outcome arrives, and
//! a dragged slider never waits. A worker that fails leaves a notice and a retry button.
//! Story mode pages through the scenes; lab mode exposes every control.

use crate::components::i18n::{page_local, render_text, t, use_i18n};
use crate::components::lab::Lab;
use crate::components::lesson::use_lesson;
use crate::components::story::Story;
use crate::i18n::numbers::score;
use crate::i18n::{tr, tr_args};
use crate::route;
use crate::scenario::url::{self, Mode, PageState, Problem};
use crate::sections::Section;
use crate::sim::{Config, Outcome};
use crate::sim_client::Answer;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

/// What the scenario's parts share: the state from the URL, the simulated outcome, and a
/// way to change the state (which rewrites the URL).
#[derive(Clone, Copy)]
pub struct ScenarioCtx {
    /// The page state parsed from the URL.
    pub state: Memo<PageState>,
    /// Its configuration alone (unchanged by a new day, a scene or a chart's pick).
    pub config: Memo<Config>,
    /// The outcome of the current configuration.
    pub outcome: Memo<Outcome>,
    /// Moves to a new state: `(state, replace)`; `replace` keeps the history short for
    /// control changes, scenes push an entry so Back returns to the previous one.
    pub go: Callback<(PageState, bool)>,
    /// True while a newer configuration is being simulated and `outcome` is the last one.
    pub busy: ReadSignal<bool>,
}

/// How long a control must be still before the address is rewritten with its value.
const ADDRESS_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

/// The scenario page.
#[component]
pub fn ScenarioPage() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    // In a lesson, the controls it does not open hold its values, whatever the URL says.
    let lesson = use_lesson().lesson;
    let lesson = page_local(move || lesson.get());
    let parsed = page_local(move || {
        let (mut state, problems) = url::parse(&location.search.get());
        lesson.with(|l| l.as_ref().map(|l| l.enforce(&mut state)));
        (state, problems)
    });
    // The state the page shows: the address's, except while a control has moved and the
    // address has not caught up. A control changes it at once; the address follows once
    // the control has been still for `ADDRESS_DELAY`, so a dragged slider does not write
    // the history, parse the address and update everything that reads it on every step.
    let shown = RwSignal::new(parsed.get_untracked().0);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let cancel_pending = move || {
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    Effect::new(move |_| {
        // The address changed: our own write landing (then it equals `shown`), or a link,
        // Back or a lesson, which wins over a write still waiting.
        let from_address = parsed.get().0;
        cancel_pending();
        if shown.get_untracked() != from_address {
            shown.set(from_address);
        }
    });
    on_cleanup(cancel_pending);
    let state = Memo::new(move |_| shown.get());
    let config = Memo::new(move |_| state.with(|s| s.config));
    let mode = Memo::new(move |_| state.with(|s| s.mode));
    // Every run goes to the simulation's worker, and the page keeps showing the last
    // outcome until the next one arrives; until the first, it shows a status. A worker
    // that fails leaves a notice with a way to start a new one.
    let (current, set_current) = signal(None::<Outcome>);
    let (busy, set_busy) = signal(false);
    let (failed, set_failed) = signal(false);
    let deliver: crate::sim_client::Deliver = std::rc::Rc::new(move |answer| {
        match answer {
            Answer::Outcome(outcome) => {
                set_failed.set(false);
                set_current.set(Some(*outcome));
            }
            Answer::Failed => set_failed.set(true),
        }
        set_busy.set(crate::sim_client::busy());
    });
    Effect::new(move |_| {
        crate::sim_client::request(i18n.base, config.get(), deliver.clone());
        set_busy.set(crate::sim_client::busy());
    });
    on_cleanup(crate::sim_client::forget_page);
    let ready = Memo::new(move |_| current.with(Option::is_some));
    let retry = move |_| {
        set_failed.set(false);
        crate::sim_client::restart(i18n.base);
        set_busy.set(crate::sim_client::busy());
    };
    let navigate = use_navigate();
    let write_address = move |next: &PageState, replace: bool| {
        let path = route::section_path(i18n.base, i18n.lang.get_untracked(), Section::Scenario);
        let to = route::with_query(path, &url::to_query(next));
        navigate(
            &to,
            NavigateOptions {
                // The app's paths hold the base already.
                resolve: false,
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let go = Callback::new(move |(next, replace): (PageState, bool)| {
        cancel_pending();
        if shown.get_untracked() != next {
            shown.set(next);
        }
        if replace {
            // A control or a day: the address is replaced once the control is still.
            let write = write_address.clone();
            let handle = set_timeout_with_handle(
                move || {
                    pending.set_value(None);
                    write(&shown.get_untracked(), true);
                },
                ADDRESS_DELAY,
            );
            pending.set_value(handle.ok());
        } else {
            // A scene: a new history entry at once, so Back returns to the previous one.
            write_address(&next, false);
        }
    });

    let notice = move || {
        let problems = parsed.get().1;
        (!problems.is_empty()).then(|| {
            let lang = i18n.lang.get();
            let names: Vec<String> = problems
                .iter()
                .map(|p| match p {
                    Problem::Unknown(name) => format!("“{name}”"),
                    Problem::BadValue(name) => format!("“{name}”"),
                    Problem::Inconsistent => tr(lang, "scenario.notice.inconsistent").to_string(),
                })
                .collect();
            let text = tr_args(lang, "scenario.notice.url", &[("names", &names.join(", "))]);
            view! {
                <p class="notice" role="status">
                    {text}
                </p>
            }
        })
    };
    let mode_shown = move |mode: Mode| {
        lesson.with(|l| match (l, mode) {
            (None, _) => true,
            (Some(l), Mode::Story) => l.has_story(),
            (Some(l), Mode::Lab) => l.has_lab(),
        })
    };
    let mode_link = move |mode: Mode| {
        let href = move || {
            let next = PageState {
                mode,
                ..state.get()
            };
            let path = route::section_path(i18n.base, i18n.lang.get(), Section::Scenario);
            let query = url::to_query(&next);
            route::with_query(path, &query)
        };
        let key = match mode {
            Mode::Story => "scenario.mode.story",
            Mode::Lab => "scenario.mode.lab",
        };
        view! {
            <a
                href=href
                class="mode-tab"
                hidden=move || !mode_shown(mode)
                aria-current=move || (state.with(|s| s.mode) == mode).then_some("page")
            >
                {t(key)}
            </a>
        }
    };
    let failure = move || {
        failed.get().then(|| {
            view! {
                <div class="notice" role="alert">
                    <p>{t("scenario.worker.failed")}</p>
                    <button type="button" class="button" on:click=retry>
                        {t("scenario.worker.retry")}
                    </button>
                </div>
            }
        })
    };
    let caveat = move |outcome: Memo<Outcome>| {
        let lang = i18n.lang.get();
        let auc = outcome.with(|o| {
            o.models
                .first()
                .map(|m| m.reference_auc)
                .unwrap_or(f64::NAN)
        });
        render_text(
            lang,
            &tr_args(lang, "scenario.caveat", &[("auc", &score(auc))]),
        )
    };

    view! {
        // In the lab the section's lead gives way, so the main chart is on the first screen.
        <article class="page scenario" class:lab-mode=move || mode.get() == Mode::Lab>
            <h1 tabindex="-1">
                {t("section.scenario.title")}
            </h1>
            <p class="lead">
                {t("section.scenario.summary")}
            </p>
            {notice}
            {failure}
            <nav class="mode-tabs" aria-label=i18n.t("scenario.mode.label")>
                {mode_link(Mode::Story)}
                {mode_link(Mode::Lab)}
            </nav>
            // Keyed on the mode alone: a control or day change must not rebuild the lab.
            {move || {
                // Until the first outcome: a status (or, if the worker failed, the notice).
                let Some(first) = ready.get().then(|| current.get_untracked()).flatten() else {
                    return view! {
                        <p class="scenario-running" role="status" hidden=move || failed.get()>
                            {t("scenario.running")}
                        </p>
                    }
                        .into_any();
                };
                let outcome = Memo::new(move |_| current.get().unwrap_or_else(|| first.clone()));
                provide_context(ScenarioCtx {
                    state,
                    config,
                    outcome,
                    go,
                    busy,
                });
                let body = match mode.get() {
                    Mode::Story => view! { <Story /> }.into_any(),
                    Mode::Lab => view! { <Lab /> }.into_any(),
                };
                view! {
                    {body}
                    <p class="caveat">{move || caveat(outcome)}</p>
                }
                    .into_any()
            }}
        </article>
    }
}

/// The scenario context; the scenario page provides it.
pub fn use_scenario() -> ScenarioCtx {
    expect_context::<ScenarioCtx>()
}
