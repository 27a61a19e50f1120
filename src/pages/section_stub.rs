//! A section whose full content is not built yet: its title and an honest one-paragraph
//! summary of what it will teach, nothing invented.

use crate::components::i18n::T;
use crate::sections::Section;
use leptos::prelude::*;

/// The placeholder page of `section`.
#[component]
pub fn SectionStub(section: Section) -> impl IntoView {
    view! {
        <article class="page stub">
            <h1 tabindex="-1">
                <T k=section.title_key() />
            </h1>
            <p class="lead">
                <T k=section.summary_key() />
            </p>
            <p class="note">
                <T k="stub.note" />
            </p>
        </article>
    }
}
