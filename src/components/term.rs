//! `Term`: a glossary term shown as a link to its entry, so every section can send the
//! reader to the definition of a word it uses.

use crate::components::i18n::{t, use_i18n};
use crate::route;
use crate::sections::Section;
use crate::teach::glossary;
use leptos::prelude::*;

/// A link to the glossary entry of term `id`, showing the term in the page's language.
#[component]
pub fn Term(
    /// The glossary id (see `teach::glossary::TERMS`).
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = move || {
        format!(
            "{}#{}",
            route::section_path(i18n.base, i18n.lang.get(), Section::Glossary),
            glossary::anchor(id)
        )
    };
    view! {
        <a class="term" href=href>
            {t(format!("term.{id}.name"))}
        </a>
    }
}
