//! The footer: privacy, the source article, and the keyboard hint.

use crate::components::i18n::{T, use_i18n};
use crate::route;
use leptos::prelude::*;

/// The site footer.
#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    let builder = move || route::lesson_path(i18n.base, i18n.lang.get());
    view! {
        <footer class="site-footer">
            <p>
                <a href=builder>
                    <T k="builder.footer" />
                </a>
            </p>
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
