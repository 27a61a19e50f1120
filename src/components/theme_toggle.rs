//! The theme switch. Without a saved choice the colours follow the system setting; pressing
//! the switch picks the opposite of what is shown and remembers it.

use crate::components::i18n::{t, use_i18n};
use crate::components::icons::ThemeIcon;
use crate::platform;
use leptos::prelude::*;

/// A toggle button: pressed means the dark theme is on.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let i18n = use_i18n();
    let saved = platform::storage_get("theme");
    let initial = match saved.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        // Missing or corrupt: follow the system, and forget the corrupt value.
        other => {
            if other.is_some() {
                platform::storage_remove("theme");
            }
            platform::system_prefers_dark()
        }
    };
    if matches!(saved.as_deref(), Some("dark" | "light")) {
        platform::set_theme_attr(saved.as_deref());
    }
    let (dark, set_dark) = signal(initial);
    let toggle = move |_| {
        let next = !dark.get_untracked();
        let theme = if next { "dark" } else { "light" };
        platform::set_theme_attr(Some(theme));
        platform::storage_set("theme", theme);
        set_dark.set(next);
    };
    view! {
        <button
            type="button"
            class="theme-toggle button-like"
            aria-pressed=move || dark.get().to_string()
            title=i18n.t("theme.hint")
            on:click=toggle
        >
            <ThemeIcon />
            {t("theme.dark")}
        </button>
    }
}
