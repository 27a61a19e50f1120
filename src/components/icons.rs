//! Small inline icons. Decorative: hidden from assistive technology, since every icon sits
//! next to text that says the same. Arrows carry `flip-rtl` so they mirror in Hebrew.

use leptos::prelude::*;

/// An arrow pointing to the reading direction's "forward" (right in English, left in Hebrew).
#[component]
pub fn ArrowForward() -> impl IntoView {
    view! {
        <svg class="icon flip-rtl" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M5 12h13M13 6l6 6-6 6" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}

/// An arrow pointing backwards in the reading direction.
#[component]
pub fn ArrowBack() -> impl IntoView {
    view! {
        <svg class="icon flip-rtl" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M19 12H6M11 6l-6 6 6 6" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}

/// A half-filled circle: the theme switch.
#[component]
pub fn ThemeIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="12" cy="12" r="8.5" fill="none" stroke="currentColor" stroke-width="2" />
            <path d="M12 3.5a8.5 8.5 0 0 1 0 17z" fill="currentColor" />
        </svg>
    }
}

/// Three bars: the menu button on narrow screens.
#[component]
pub fn MenuIcon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 7h16M4 12h16M4 17h16" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
        </svg>
    }
}
