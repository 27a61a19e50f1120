//! Presenter and embed modes on the page: the `Display` context (switched by the URL's
//! `?present` and `?embed` flags or the presenter switch, kept for the browser tab), the
//! switch itself, the full-screen button and the slide position a projector shows.

use crate::components::i18n::{t, use_i18n};
use crate::display::{self, Slide};
use crate::platform;
use crate::route::Page;
use crate::scenario::url as scenario_url;
use crate::sections::Section;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The display modes in force.
#[derive(Clone, Copy)]
pub struct Display {
    /// Presenter mode: large type, fewer controls, the slide position, a clicker pages.
    pub present: RwSignal<bool>,
    /// Embed mode: no header or footer.
    pub embed: RwSignal<bool>,
}

/// Provides the display modes: from the tab's memory, then from every URL's flags; and
/// mirrors them onto `<html>` for the styles. Embed mode holds for the address that asks
/// for it and the pages reached from it; a page loaded afresh keeps it only inside a frame,
/// so an address typed later in the same tab shows the whole site again.
pub fn provide_display() -> Display {
    let saved = |key: &str| platform::SESSION.get(key).as_deref() == Some("1");
    let display = Display {
        present: RwSignal::new(saved("present")),
        embed: RwSignal::new(saved("embed") && platform::in_frame()),
    };
    let location = use_location();
    Effect::new(move |_| {
        let flags = display::flags(&location.search.get());
        for (flag, signal, key) in [
            (flags.present, display.present, "present"),
            (flags.embed, display.embed, "embed"),
        ] {
            if let Some(on) = flag {
                signal.set(on);
                platform::SESSION.set(key, if on { "1" } else { "0" });
            }
        }
    });
    Effect::new(move |_| platform::set_html_flag("data-present", display.present.get()));
    Effect::new(move |_| platform::set_html_flag("data-embed", display.embed.get()));
    provide_context(display);
    display
}

/// The display modes; the shell provides them.
pub fn use_display() -> Display {
    expect_context::<Display>()
}

/// The slide the page shows: the section, or the story's scene on the scenario page.
pub fn current_slide(page: Page, query: &str) -> Option<Slide> {
    match page {
        Page::Section(Section::Scenario) => {
            let state = scenario_url::parse(query).0;
            Some(match state.mode {
                scenario_url::Mode::Story => Slide::Scene(state.scene),
                scenario_url::Mode::Lab => Slide::Lab,
            })
        }
        Page::Section(section) => Some(Slide::Section(section)),
        Page::Lesson | Page::NotFound => None,
    }
}

/// The presenter switch, the full-screen button (in presenter mode) and the position.
#[component]
pub fn PresenterTools() -> impl IntoView {
    let i18n = use_i18n();
    let display = use_display();
    let location = use_location();
    let present = display.present;
    let toggle = move |_| {
        let on = !present.get_untracked();
        present.set(on);
        platform::SESSION.set("present", if on { "1" } else { "0" });
    };
    let (full, set_full) = signal(false);
    let position = move || {
        let slide = current_slide(i18n.route.get().page, &location.search.get())?;
        // In a lesson, the position among its stops.
        let (n, total) = match crate::components::lesson::current() {
            Some(lesson) => lesson.position(slide)?,
            None => display::position(slide),
        };
        Some(crate::i18n::tr_args(
            i18n.lang.get(),
            "present.position",
            &[("n", &n.to_string()), ("total", &total.to_string())],
        ))
    };
    view! {
        <button
            type="button"
            class="button-like present-toggle"
            aria-pressed=move || present.get().to_string()
            on:click=toggle
        >
            {t("present.switch")}
        </button>
        <Show when=move || present.get()>
            <button
                type="button"
                class="button-like present-toggle"
                aria-pressed=move || full.get().to_string()
                on:click=move |_| {
                    platform::toggle_fullscreen();
                    // The change lands after the browser's own transition.
                    set_timeout(move || set_full.set(platform::is_fullscreen()), std::time::Duration::from_millis(300));
                }
            >
                {t("present.fullscreen")}
            </button>
            <p class="slide-position" aria-live="polite">{position}</p>
        </Show>
    }
}
