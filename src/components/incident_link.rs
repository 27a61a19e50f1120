//! `IncidentLink`: a link into the lab with one production incident switched on, so the
//! Roles and Tools sections can send the reader to the incident in which a task or a tool
//! acts (`teach::incidents`).

use crate::components::i18n::use_i18n;
use crate::i18n::{tr, tr_args};
use crate::route;
use crate::sections::Section;
use crate::sim::ops::IncidentKind;
use crate::teach::incidents::{lab_query, name_key};
use leptos::prelude::*;

/// A link to the lab running `kind`, named by the incident.
#[component]
pub fn IncidentLink(kind: IncidentKind) -> impl IntoView {
    let i18n = use_i18n();
    let href = move || {
        format!(
            "{}?{}#ops-{}",
            route::section_path(i18n.base, i18n.lang.get(), Section::Scenario),
            lab_query(kind),
            kind.slug()
        )
    };
    let text = move || {
        let lang = i18n.lang.get();
        tr_args(
            lang,
            "incident.see",
            &[("incident", tr(lang, &(name_key(kind))))],
        )
    };
    view! { <a class="incident-link" href=href>{text}</a> }
}
