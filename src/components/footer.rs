//! The footer: privacy, the source article, and the keyboard hint.

use crate::components::i18n::{t, use_i18n};
use crate::route;
use leptos::prelude::*;
use leptos_router::components::A;

/// The site footer.
#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    let builder = move || route::lesson_path(i18n.base, i18n.lang.get());
    view! {
        <footer class="site-footer">
            <p>
                <A href=builder exact=true>
                    {t("builder.footer")}
                </A>
            </p>
            <p>
                {t("footer.privacy")}
            </p>
            <p>
                {t("footer.source")}
            </p>
            <p class="keys-hint">
                {t("footer.keys")}
            </p>
        </footer>
    }
}
