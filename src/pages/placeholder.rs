//! A section as the bare shell shows it: its title and the one-paragraph summary of what it
//! teaches. Only the `shell-only` build uses it, to measure what the shell costs on its
//! own (`npm run size -- --shell`): every content section becomes this, so the linker leaves
//! out their pages, the simulation and the charts, and what remains is the navigation,
//! the header, footer and pager, the language and theme switches, presenter mode, lessons,
//! progress, the home page and the not-found page.

use crate::components::i18n::t;
use crate::sections::Section;
use leptos::prelude::*;

/// The title and summary of `section`.
#[component]
pub fn Placeholder(section: Section) -> impl IntoView {
    view! {
        <article class=format!("page {}", section.id())>
            <h1 tabindex="-1">
                {t(section.title_key())}
            </h1>
            <p class="lead">
                {t(section.summary_key())}
            </p>
        </article>
    }
}
