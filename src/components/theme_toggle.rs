//! The theme switch. Without a saved choice the colours follow the system setting; pressing
//! the switch picks the opposite of what is shown and remembers it.

use crate::components::i18n::{t, use_i18n};
use crate::components::icons::ThemeIcon;
use crate::platform;
use crate::saved::Theme;
use leptos::prelude::*;

/// Where the choice is kept.
const KEY: &str = "theme";

/// A toggle button: pressed means the dark theme is on.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let i18n = use_i18n();
    // Missing, or discarded as unreadable: follow the system.
    let saved = platform::LOCAL.load::<Theme>(KEY).restored();
    if let Some(theme) = saved {
        platform::set_theme_attr(Some(theme.attr()));
    }
    let initial = saved.map_or_else(platform::system_prefers_dark, |t| t == Theme::Dark);
    let (dark, set_dark) = signal(initial);
    let toggle = move |_| {
        let next = !dark.get_untracked();
        let theme = if next { Theme::Dark } else { Theme::Light };
        platform::set_theme_attr(Some(theme.attr()));
        platform::LOCAL.save(KEY, &theme);
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
