//! The skip link: the first stop of the keyboard, straight to the page content.

use crate::components::i18n::t;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A link, visible when focused, that moves focus to `<main>`.
#[component]
pub fn SkipLink() -> impl IntoView {
    // Handled here rather than by the browser's fragment navigation, which the app
    // would treat as a page change.
    let on_click = move |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        if let Some(main) = document()
            .get_element_by_id("main")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = main.focus();
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=on_click>
            {t("skip.link")}
        </a>
    }
}
