//! The footer: privacy, the source article, and the keyboard hint.

use crate::components::i18n::T;
use leptos::prelude::*;

/// The site footer.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                <T k="footer.privacy" />
            </p>
            <p>
                <T k="footer.source" />
            </p>
            <p class="keys-hint">
                <T k="footer.keys" />
            </p>
        </footer>
    }
}
