//! The previous/next control at the end of every section.

use crate::components::i18n::{T, use_i18n};
use crate::components::icons::{ArrowBack, ArrowForward};
use crate::route;
use crate::sections::Section;
use leptos::prelude::*;

/// Links to the sections before and after `section`, with their titles.
#[component]
pub fn Pager(section: Section) -> impl IntoView {
    let i18n = use_i18n();
    let link = move |target: Section, forward: bool| {
        let href = move || route::section_path(i18n.base, i18n.lang.get(), target);
        let (class, rel, label) = if forward {
            ("pager-next", "next", "pager.next")
        } else {
            ("pager-prev", "prev", "pager.prev")
        };
        view! {
            <a class=class href=href rel=rel>
                <span class="pager-label">
                    {(!forward).then(|| view! { <ArrowBack /> })}
                    <T k=label />
                    {forward.then(|| view! { <ArrowForward /> })}
                </span>
                <span class="pager-title">
                    <T k=target.nav_key() />
                </span>
            </a>
        }
    };
    view! {
        <nav class="pager" aria-label=i18n.t("pager.label")>
            {section.prev().map(|s| link(s, false))}
            {section.next().map(|s| link(s, true))}
        </nav>
    }
}
