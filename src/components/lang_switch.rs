//! The language switch: a link to the same page in the other language, with the same
//! query and fragment (a configured lab or a glossary entry stays as it is). Following it
//! changes the language live (the app follows the link itself, no reload) and saves the
//! choice.

use crate::components::i18n::{t, use_i18n};
use crate::platform;
use crate::route;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// Where the choice is kept (the bare address's script in `index.html` reads it too).
pub const KEY: &str = "lang";

/// A link to the current page in the other language, written in that language.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let other = move || i18n.lang.get().other();
    let location = use_location();
    let href = move || {
        route::switch_language(
            i18n.base,
            i18n.route.get(),
            other(),
            &location.search.read(),
            &location.hash.read(),
        )
    };
    view! {
        <A
            href=href
            exact=true
            attr:class="lang-switch button-like"
            attr:hreflang=move || other().code()
            attr:lang=move || other().code()
            on:click=move |_| platform::LOCAL.save(KEY, &other())
        >
            {t("lang.other")}
        </A>
    }
}
