//! The app's routes (leptos_router): the bare address, each section and the lesson
//! builder under a language prefix, and the not-found page for anything else. Each route
//! draws its page in a `PageFrame`, which waits for the page's strings. `route::parse`
//! reads the same paths for the shell and the prerender; `web_shell` checks they agree.

use crate::app::Pages;
use crate::components::page_frame::PageFrame;
use crate::components::pager::Pager;
use crate::i18n::Lang;
#[cfg(not(feature = "shell-only"))]
use crate::pages::{
    glossary::GlossaryPage, lesson::LessonBuilder, lifecycle::LifecyclePage, roles::RolesPage,
    tools::ToolsPage,
};
use crate::pages::{home::HomePage, not_found::NotFound};
use crate::platform;
use crate::route::{self, LESSON_SLUG, Page};
use crate::sections::Section;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::hooks::use_location;
use leptos_router::{
    ParamSegment, PartialPathMatch, PathSegment, PossibleRouteMatch, StaticSegment,
};

/// The first segment of every page's path: a language the app speaks (`en`, `he`). A path
/// in another language matches no route and shows the not-found page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct LangSegment;

impl PossibleRouteMatch for LangSegment {
    fn optional(&self) -> bool {
        false
    }

    fn test<'a>(&self, path: &'a str) -> Option<PartialPathMatch<'a>> {
        let matched = ParamSegment("lang").test(path)?;
        Lang::from_code(matched.matched().trim_start_matches('/')).map(|_| matched)
    }

    fn generate_path(&self, path: &mut Vec<PathSegment>) {
        ParamSegment("lang").generate_path(path);
    }
}

/// The page for the current address, from the routes.
#[component]
pub fn PageRoutes(
    /// The pages this binary draws.
    pages: Pages,
) -> impl IntoView {
    let location = use_location();
    let draw = move |page: Page| view! { <PageFrame page>{page_view(pages, page)}</PageFrame> };
    let section = move |section: Section| {
        move || match (section, pages.scenario) {
            // A binary without the scenario has the server load its page, with the
            // binary that draws it (`app::Pages`).
            (Section::Scenario, None) => {
                // The router writes a followed link into the browser's history only
                // after the page is drawn: the address comes from the router.
                let address = location.pathname.get_untracked()
                    + &route::with_query(String::new(), &location.search.get_untracked())
                    + &location.hash.get_untracked();
                platform::load_from_server(&address);
                ().into_any()
            }
            _ => draw(Page::Section(section)).into_any(),
        }
    };
    let slug = |section: Section| StaticSegment(section.slug());
    view! {
        <Routes fallback=move || draw(Page::NotFound)>
            // The bare address: the shell sends it to the home page in the visitor's language.
            <Route path=StaticSegment("") view=section(Section::Home) />
            <Route path=LangSegment view=section(Section::Home) />
            <Route path=(LangSegment, slug(Section::Roles)) view=section(Section::Roles) />
            <Route path=(LangSegment, slug(Section::Lifecycle)) view=section(Section::Lifecycle) />
            <Route path=(LangSegment, slug(Section::Tools)) view=section(Section::Tools) />
            <Route path=(LangSegment, slug(Section::Scenario)) view=section(Section::Scenario) />
            <Route path=(LangSegment, slug(Section::Glossary)) view=section(Section::Glossary) />
            <Route path=(LangSegment, StaticSegment(LESSON_SLUG)) view=move || draw(Page::Lesson) />
        </Routes>
    }
}

/// A page's own view, below its frame.
#[cfg(not(feature = "shell-only"))]
fn page_view(pages: Pages, page: Page) -> AnyView {
    match page {
        Page::Section(Section::Home) => {
            view! { <HomePage /> <Pager section=Section::Home /> }.into_any()
        }
        Page::Section(Section::Roles) => {
            view! { <RolesPage /> <Pager section=Section::Roles /> }.into_any()
        }
        Page::Section(Section::Lifecycle) => {
            view! { <LifecyclePage /> <Pager section=Section::Lifecycle /> }.into_any()
        }
        Page::Section(Section::Tools) => {
            view! { <ToolsPage /> <Pager section=Section::Tools /> }.into_any()
        }
        Page::Section(Section::Glossary) => {
            view! { <GlossaryPage /> <Pager section=Section::Glossary /> }.into_any()
        }
        Page::Section(Section::Scenario) => match pages.scenario {
            Some(scenario) => view! { {scenario()} <Pager section=Section::Scenario /> }.into_any(),
            None => ().into_any(),
        },
        Page::Lesson => view! { <LessonBuilder /> }.into_any(),
        Page::NotFound => view! { <NotFound /> }.into_any(),
    }
}

/// The shell measured on its own (see `pages::placeholder`).
#[cfg(feature = "shell-only")]
fn page_view(_: Pages, page: Page) -> AnyView {
    match page {
        Page::Section(Section::Home) => {
            view! { <HomePage /> <Pager section=Section::Home /> }.into_any()
        }
        Page::Section(section) => {
            use crate::pages::placeholder::Placeholder;
            view! { <Placeholder section /> <Pager section /> }.into_any()
        }
        Page::Lesson | Page::NotFound => view! { <NotFound /> }.into_any(),
    }
}
