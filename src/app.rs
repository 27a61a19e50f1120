//! The application shell: the address, the contexts, the header, the page for the current
//! URL, the pager and the footer, plus the document-wide effects (`<html lang dir>`, the
//! title, section paging from the keyboard).

use crate::components::display::{current_slide, provide_display};
use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::components::i18n::provide_i18n;
use crate::components::lesson::{LessonBar, provide_lesson, scenario_state, stop_href};
use crate::components::page_frame::provide_speech;
use crate::components::skip_link::SkipLink;
use crate::display::{self, Slide};
use crate::i18n::{Lang, tr};
use crate::platform;
use crate::route::{self, Page};
use crate::routes::PageRoutes;
use crate::scenario;
use crate::scenario::url::{Mode, PageState, step_scene};
use crate::sections::Section;
use crate::strings;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::Router;
use leptos_router::hooks::{use_location, use_navigate};

/// The pages a binary draws. The sections' binary (`src/main.rs`) draws every page but
/// the scenario, whose page, lab, story and report are most of the app's code: a visit to
/// any other section does not download them. The scenario's binary
/// (`src/bin/scenario.rs`) draws every page. Going to a page a binary does not draw loads
/// it from the server, and with it the binary that does (`routes::PageRoutes`).
#[derive(Clone, Copy)]
pub struct Pages {
    /// The scenario page, where this binary draws it.
    pub scenario: Option<fn() -> AnyView>,
}

/// Installs the panic hook, honours `?reset`, fetches the strings of the page's language,
/// and mounts the app on `<body>`, drawing `pages`.
pub fn start(pages: Pages) {
    // The simulation's worker loads this same module: it has no page to mount.
    if web_sys::window().is_none() {
        return;
    }
    platform::install_panic_hook();
    platform::handle_reset_request();
    let base = platform::base_path();
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let route = route::parse(&path, &base);
    let lang = route.lang.unwrap_or_else(negotiated_language);
    crate::i18n::store::report_missing_with(|lang, key| {
        web_sys::console::error_1(&format!("MLOps Lab: no string {key} in {}", lang.code()).into())
    });
    // Before the app, and its executor, are there.
    wasm_bindgen_futures::spawn_local(async move {
        // Without its strings the app has nothing to say: the page keeps its plain-HTML
        // opening, whose links work, and the console says why.
        if let Err(error) = strings::load_for(lang, route.page).await {
            web_sys::console::error_1(&format!("MLOps Lab: {error}").into());
            return;
        }
        mount(pages);
    });
}

/// The language when the address names none: the saved choice, else the browser's.
fn negotiated_language() -> Lang {
    let saved = platform::LOCAL
        .load::<Lang>(crate::components::lang_switch::KEY)
        .restored();
    Lang::negotiate(None, saved, &platform::browser_languages())
}

fn mount(pages: Pages) {
    // A release build's page for this address shows its opening as plain HTML: it is
    // painted first, then replaced by the app.
    platform::after_paint_of_prerendered(move || {
        platform::remove_prerendered();
        leptos::mount::mount_to_body(move || view! { <App pages /> });
        // Release builds only: a debug build has no offline copy to register. Once the
        // page is idle: the offline copy (the simulation's worker included) downloads
        // after what the visitor waits for.
        if !cfg!(debug_assertions) {
            platform::when_idle(|| platform::register_service_worker(&platform::base_path()));
        }
    });
}

/// The whole app: the router, under the base path the page names.
#[component]
pub fn App(
    /// The pages this binary draws.
    pages: Pages,
) -> impl IntoView {
    let base: &'static str = Box::leak(platform::base_path().into_boxed_str());
    view! {
        <Router base>
            <Shell pages base />
        </Router>
    }
}

/// The app inside its router: the contexts, the document-wide effects, and the layout.
#[component]
fn Shell(
    /// The pages this binary draws.
    pages: Pages,
    /// The path prefix the app is served from (`""` at the root).
    base: &'static str,
) -> impl IntoView {
    let location = use_location();
    let route = Memo::new(move |_| route::parse(&location.pathname.get(), base));
    let fallback = negotiated_language();
    // The address's language and page are shown once their strings are in (at once for the
    // first, which `start` fetched); until then the app stays on what it shows.
    let wanted = Memo::new(move |_| (route.get().lang.unwrap_or(fallback), route.get().page));
    let strings_in = RwSignal::new(());
    Effect::new(move |_| {
        let (lang, page) = wanted.get();
        if !strings::ready(lang, page) {
            leptos::task::spawn_local(async move {
                match strings::load_for(lang, page).await {
                    Ok(()) => strings_in.notify(),
                    Err(error) => web_sys::console::error_1(&format!("MLOps Lab: {error}").into()),
                }
            });
        }
    });
    let shown = Memo::new(move |before: Option<&(Lang, Page)>| {
        strings_in.track();
        let (lang, page) = wanted.get();
        match before {
            Some(before) if !strings::ready(lang, page) => *before,
            _ => (lang, page),
        }
    });
    let lang = Memo::new(move |_| shown.get().0);
    platform::when_idle(move || {
        leptos::task::spawn_local(async move {
            if strings::load_all().await {
                strings_in.notify();
            }
        })
    });
    let i18n = provide_i18n(lang, route, base);
    provide_speech(i18n, Memo::new(move |_| wanted.get().0), strings_in);
    let modes = provide_display();
    let lesson = provide_lesson(Memo::new(move |_| route.get().page));
    let navigate = use_navigate();

    // The bare entry point goes to the home page in the negotiated language, replacing
    // the history entry so Back does not bounce.
    let go = navigate.clone();
    Effect::new(move |_| {
        if route.get().is_entry {
            let to = route::section_path(base, lang.get_untracked(), Section::Home);
            go(
                &to,
                NavigateOptions {
                    // The app's paths hold the base already.
                    resolve: false,
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });

    Effect::new(move |_| platform::set_document_lang(lang.get()));

    Effect::new(move |_| {
        let lang = lang.get();
        let page_key = match shown.get().1 {
            Page::Section(section) => section.title_key(),
            Page::Lesson => "builder.title".to_string(),
            Page::NotFound => "notfound.title".to_string(),
        };
        platform::set_title(&format!(
            "{} · {}",
            tr(lang, &page_key),
            tr(lang, "app.name")
        ));
        let description = match shown.get().1 {
            Page::Section(section) => tr(lang, &section.summary_key()),
            Page::Lesson => tr(lang, "builder.lead"),
            Page::NotFound => tr(lang, "notfound.body"),
        };
        platform::set_meta_description(description);
    });

    // After a navigation inside the app (not the first render), focus the new heading.
    Effect::new(move |previous: Option<Page>| {
        let page = shown.get().1;
        if previous.is_some_and(|p| p != page) {
            platform::focus_main_heading();
        }
        page
    });

    let keys = window_event_listener(ev::keydown, move |event| {
        if event.default_prevented()
            || event.alt_key()
            || event.ctrl_key()
            || event.meta_key()
            || event.shift_key()
            || platform::event_is_in_form_control(&event)
        {
            return;
        }
        let Page::Section(current) = route.get_untracked().page else {
            return;
        };
        let rtl = i18n.lang.get_untracked().is_rtl();
        let present = modes.present.get_untracked();
        let forward = match event.key().as_str() {
            "PageDown" => Some(true),
            "PageUp" => Some(false),
            "ArrowRight" => Some(!rtl),
            "ArrowLeft" => Some(rtl),
            // A presentation clicker's "next" is often Space.
            " " if present && !platform::event_is_on_activatable(&event) => Some(true),
            _ => None,
        };
        let Some(forward) = forward else {
            return;
        };
        // Page Down and Page Up (and, presenting, every paging key) walk a long page part by
        // part before they leave it.
        let within = present || matches!(event.key().as_str(), "PageDown" | "PageUp");
        if within && platform::page_within(forward) {
            event.prevent_default();
            return;
        }
        let go = |to: String| {
            event.prevent_default();
            navigate(
                &to,
                NavigateOptions {
                    resolve: false,
                    ..Default::default()
                },
            );
        };
        let lang = i18n.lang.get_untracked();
        let search = location.search.get_untracked();
        // In a lesson, the keys walk its stops, keeping a student's own lab settings.
        if let Some(lesson) = lesson.lesson.get_untracked() {
            let page = Page::Section(current);
            if let Some(stop) =
                current_slide(page, &search).and_then(|here| lesson.step(here, forward))
            {
                let from = scenario_state(page, &search);
                go(stop_href(base, lang, &lesson, stop, from));
            }
            return;
        }
        // Presenting, the keys walk the deck: the story's scenes and then the lab stand for
        // the scenario, so paging back from the glossary lands on the lab.
        if present {
            let here = current_slide(Page::Section(current), &search);
            // Within the scenario, its story and lab keep the page's configuration.
            let from = || {
                if current == Section::Scenario {
                    scenario::url::parse(&search).0
                } else {
                    PageState::default()
                }
            };
            let scenario_at = |state: PageState| {
                let path = route::section_path(base, lang, Section::Scenario);
                route::with_query(path, &scenario::url::to_query(&state))
            };
            match here.and_then(|s| display::step(s, forward)) {
                Some(Slide::Section(section)) => go(route::section_path(base, lang, section)),
                Some(Slide::Scene(scene)) => go(scenario_at(PageState {
                    mode: Mode::Story,
                    scene,
                    ..from()
                })),
                Some(Slide::Lab) => go(scenario_at(PageState {
                    mode: Mode::Lab,
                    ..from()
                })),
                None => {}
            }
            return;
        }
        // In the scenario's story, the same keys page through the scenes first.
        if current == Section::Scenario
            && let Some(query) = step_scene(&search, forward)
        {
            let path = route::section_path(base, lang, Section::Scenario);
            go(route::with_query(path, &query));
            return;
        }
        let target = if forward {
            current.next()
        } else {
            current.prev()
        };
        if let Some(section) = target {
            go(route::section_path(base, lang, section));
        }
    });
    on_cleanup(move || keys.remove());

    view! {
        <SkipLink />
        <Header />
        <LessonBar />
        <main id="main" tabindex="-1">
            // The section or the not-found page, from the routes. (No view returns an
            // error; a panic shows `platform::show_fatal_error`'s panel.)
            <PageRoutes pages />
        </main>
        <Footer />
    }
}
