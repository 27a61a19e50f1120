//! The page for any URL the app does not know, in the current language, with a way home.

use crate::components::i18n::{t, use_i18n};
use crate::route;
use crate::sections::Section;
use leptos::prelude::*;

/// The not-found page.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    let home = move || route::section_path(i18n.base, i18n.lang.get(), Section::Home);
    view! {
        <article class="page not-found">
            <h1 tabindex="-1">
                {t("notfound.title")}
            </h1>
            <p class="lead">
                {t("notfound.body")}
            </p>
            <p>
                <a class="button primary" href=home>
                    {t("notfound.home")}
                </a>
            </p>
        </article>
    }
}
