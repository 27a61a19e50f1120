//! A lesson on the page: the `LessonCtx` context (from a lesson link, kept for the browser
//! tab), the links between its stops, and the lesson bar that shows where a student is,
//! with the previous and next stops and a way to leave the lesson.

use crate::components::i18n::{page_local, t, use_i18n};
use crate::components::pager::PagerLink;
use crate::display::Slide;
use crate::i18n::{Lang, tr_args};
use crate::lesson::{self, Found, Lesson};
use crate::platform;
use crate::route::{self, Page};
use crate::saved::{LessonLink, Loaded};
use crate::scenario::url::{self as scenario_url, Mode, PageState};
use crate::sections::Section;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The lesson in force, and what a lesson link could not use.
#[derive(Clone, Copy)]
pub struct LessonCtx {
    /// The lesson, if a lesson link opened one in this tab.
    pub lesson: RwSignal<Option<Lesson>>,
    /// The parts of the last lesson link (or saved lesson) that could not be used.
    pub problems: RwSignal<Vec<String>>,
}

const KEY: &str = "lesson";

/// Provides the lesson: from the tab's memory, then from every lesson link opened. The
/// builder's own page holds a lesson being made, not one in force, so it is skipped.
pub fn provide_lesson(page: Memo<Page>) -> LessonCtx {
    let ctx = LessonCtx {
        lesson: RwSignal::new(None),
        problems: RwSignal::new(Vec::new()),
    };
    match platform::SESSION.load::<LessonLink>(KEY) {
        Loaded::Fresh => {}
        Loaded::Restored(LessonLink(link)) => {
            if let Found::Lesson(lesson, _) = lesson::parse(&link) {
                ctx.lesson.set(Some(*lesson));
            }
        }
        // A saved lesson that no longer reads cleanly is dropped, with a notice.
        Loaded::Discarded => ctx.problems.set(vec![KEY.to_string()]),
    }
    let location = use_location();
    Effect::new(move |_| {
        let search = location.search.get();
        if page.get() == Page::Lesson {
            return;
        }
        match lesson::parse(&search) {
            Found::Nothing => {}
            Found::Leave => leave(ctx),
            Found::Lesson(lesson, problems) => {
                platform::SESSION.save(KEY, &LessonLink(lesson.to_query()));
                ctx.lesson.set(Some(*lesson));
                ctx.problems.set(problems);
            }
            Found::Broken(problems) => ctx.problems.set(problems),
        }
    });
    provide_context(ctx);
    ctx
}

/// Ends the lesson in this tab.
pub fn leave(ctx: LessonCtx) {
    platform::SESSION.remove(KEY);
    ctx.lesson.set(None);
    ctx.problems.set(Vec::new());
}

/// The lesson context; the shell provides it.
pub fn use_lesson() -> LessonCtx {
    expect_context::<LessonCtx>()
}

/// The lesson in force, if any (untracked reads are the caller's choice).
pub fn current() -> Option<Lesson> {
    use_context::<LessonCtx>().and_then(|c| c.lesson.get())
}

/// Where a stop of a lesson is: a section's path, or the scenario at a scene or the lab.
/// `from` is the scenario state to keep (a student's own settings), if on the scenario.
pub fn stop_href(
    base: &str,
    lang: Lang,
    lesson: &Lesson,
    stop: Slide,
    from: Option<PageState>,
) -> String {
    let path = route::section_path(base, lang, stop.section());
    let state = match (stop, from) {
        (Slide::Section(_), _) => return path,
        (Slide::Lab, Some(from)) => PageState {
            mode: Mode::Lab,
            ..from
        },
        (Slide::Scene(scene), Some(from)) => PageState {
            mode: Mode::Story,
            scene,
            ..from
        },
        (stop, None) => lesson.state_at(stop),
    };
    route::with_query(path, &scenario_url::to_query(&state))
}

/// The locale key of a stop's title.
pub fn stop_title_key(stop: Slide) -> String {
    match stop {
        Slide::Section(section) => section.nav_key(),
        Slide::Scene(scene) => format!("scenario.scene.{}.title", scene.slug()),
        Slide::Lab => "lesson.stop.lab".to_string(),
    }
}

/// The scenario state to keep when moving from the current page, if it is the scenario.
pub fn scenario_state(page: Page, query: &str) -> Option<PageState> {
    (page == Page::Section(Section::Scenario)).then(|| scenario_url::parse(query).0)
}

/// A link to a lesson's stop, as the pager shows it.
#[component]
pub fn StopLink(stop: Slide, forward: bool) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let lesson = use_lesson().lesson;
    let lesson = page_local(move || lesson.get());
    let search = page_local(move || location.search.get());
    let href = move || {
        let lesson = lesson.get()?;
        let from = scenario_state(i18n.route.get().page, &search.get());
        Some(stop_href(i18n.base, i18n.lang.get(), &lesson, stop, from))
    };
    let label = if forward {
        "lesson.next"
    } else {
        "lesson.prev"
    };
    view! {
        <PagerLink
            href=Signal::derive(move || href().unwrap_or_default())
            forward=forward
            label=label
            title=stop_title_key(stop)
        />
    }
}

/// The lesson bar under the header: the position, and leaving the lesson. Also the notice
/// for a lesson link that could not be fully read.
#[component]
pub fn LessonBar() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_lesson();
    let location = use_location();
    let on_builder = move || i18n.route.get().page == Page::Lesson;
    let position = move || {
        let lesson = ctx.lesson.get()?;
        let here = crate::components::display::current_slide(
            i18n.route.get().page,
            &location.search.get(),
        );
        let lang = i18n.lang.get();
        Some(match here.and_then(|h| lesson.position(h)) {
            Some((n, total)) => tr_args(
                lang,
                "lesson.position",
                &[("n", &n.to_string()), ("total", &total.to_string())],
            ),
            None => tr_args(
                lang,
                "lesson.outside",
                &[("total", &lesson.stops.len().to_string())],
            ),
        })
    };
    let notice = move || {
        let problems = ctx.problems.get();
        (!problems.is_empty()).then(|| {
            let names = problems.join(", ");
            view! {
                <p class="notice" role="status">
                    {move || tr_args(i18n.lang.get(), "lesson.notice", &[("names", &names)])}
                </p>
            }
        })
    };
    let active = move || ctx.lesson.with(Option::is_some);
    view! {
        <Show when=move || !on_builder() && (active() || ctx.problems.with(|p| !p.is_empty()))>
            <aside class="lesson-bar" aria-label=i18n.t("lesson.label")>
                {notice}
                <Show when=active>
                    <p>
                        <strong>
                            {t("lesson.label")}
                        </strong>
                        " "
                        <span aria-live="polite">{position}</span>
                    </p>
                    <button type="button" class="button" on:click=move |_| leave(ctx)>
                        {t("lesson.leave")}
                    </button>
                </Show>
            </aside>
        </Show>
    }
}
