//! The previous/next control at the end of every section.

use crate::components::display::current_slide;
use crate::components::i18n::{page_local, t, use_i18n};
use crate::components::icons::{ArrowBack, ArrowForward};
use crate::components::lesson::{StopLink, use_lesson};
use crate::route::{self, Page};
use crate::sections::Section;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// One previous or next link: the direction, then the title of where it leads.
#[component]
pub fn PagerLink(
    href: Signal<String>,
    forward: bool,
    label: &'static str,
    title: String,
) -> impl IntoView {
    let (class, rel) = if forward {
        ("pager-next", "next")
    } else {
        ("pager-prev", "prev")
    };
    view! {
        <a class=class href=href rel=rel>
            <span class="pager-label">
                {(!forward).then(|| view! { <ArrowBack /> })}
                {t(label)}
                {forward.then(|| view! { <ArrowForward /> })}
            </span>
            <span class="pager-title">
                {t(title)}
            </span>
        </a>
    }
}

/// Links to the sections before and after `section`, with their titles.
#[component]
pub fn Pager(section: Section) -> impl IntoView {
    let i18n = use_i18n();
    let link = move |target: Section, forward: bool| {
        let href = Signal::derive(move || route::section_path(i18n.base, i18n.lang.get(), target));
        let label = if forward { "pager.next" } else { "pager.prev" };
        view! { <PagerLink href=href forward=forward label=label title=target.nav_key() /> }
    };
    // In a lesson, the pager walks its stops instead.
    let lesson = use_lesson().lesson;
    let lesson = page_local(move || lesson.get());
    let location = use_location();
    let search = page_local(move || location.search.get());
    let stops = move || {
        let lesson = lesson.get()?;
        let here = current_slide(Page::Section(section), &search.get())?;
        Some((lesson.step(here, false), lesson.step(here, true)))
    };
    view! {
        <nav class="pager" aria-label=i18n.t("pager.label")>
            {move || match stops() {
                Some((prev, next)) => {
                    view! {
                        {prev.map(|stop| view! { <StopLink stop=stop forward=false /> })}
                        {next.map(|stop| view! { <StopLink stop=stop forward=true /> })}
                    }
                        .into_any()
                }
                None => {
                    view! {
                        {section.prev().map(|s| link(s, false))}
                        {section.next().map(|s| link(s, true))}
                    }
                        .into_any()
                }
            }}
        </nav>
    }
}
