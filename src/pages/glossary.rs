//! Glossary: every technical term of the lab, alphabetical in the page's language, each
//! with its name in both languages, a short definition and an anchor (`#term-<id>`) that
//! the `Term` links of the other sections point to. A search box filters the entries.

use crate::components::i18n::{page_local, render_text, t, use_i18n};
use crate::i18n::{tr, tr_args};
use crate::intl;
use crate::sections::Section;
use crate::teach::glossary::{self, TERMS};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The Glossary page.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    let i18n = use_i18n();
    let (query, set_query) = signal(String::new());
    let location = use_location();
    // Every entry reads the hash: through a page-local copy (see `page_local`).
    let hash = page_local(move || location.hash.get());
    let name_key = |id: &str| format!("term.{id}.name");
    let def_key = |id: &str| format!("term.{id}.def");
    let visible = move |id: &str, q: &str| {
        let lang = i18n.lang.get();
        glossary::matches_query(
            q,
            &[
                tr(lang, &name_key(id)),
                tr(lang.other(), &name_key(id)),
                tr(lang, &def_key(id)),
            ],
            |text| intl::lowercase(text, lang),
        )
    };

    // Bring a linked entry into view once the page has rendered it.
    Effect::new(move |_| {
        let target = hash.get();
        let id = target.trim_start_matches('#').to_string();
        if id.is_empty() {
            return;
        }
        request_animation_frame(move || {
            if let Some(element) = document().get_element_by_id(&id) {
                element.scroll_into_view();
            }
        });
    });

    let entries = move || {
        let lang = i18n.lang.get();
        let other = lang.other();
        // In Hebrew, entries whose names start in Hebrew come first, then the Latin ones,
        // as in a Hebrew book's index; each group in the language's alphabetical order.
        let mut ids: Vec<((bool, &str), &'static str)> = TERMS
            .iter()
            .map(|id| {
                let name = tr(lang, &name_key(id));
                let latin_first_letter = name.chars().next().is_some_and(|c| c.is_ascii());
                ((lang.is_rtl() && latin_first_letter, name), *id)
            })
            .collect();
        let order = intl::collator(lang);
        ids.sort_by(|(a, _), (b, _)| a.0.cmp(&b.0).then_with(|| order(a.1, b.1)));
        ids.into_iter()
            .map(|(_, id)| {
                let anchor = glossary::anchor(id);
                let target = format!("#{anchor}");
                view! {
                    <li
                        id=anchor
                        class="term-entry card"
                        class:current=move || hash.get() == target
                        hidden=move || !query.with(|q| visible(id, q))
                    >
                        <h2>{render_text(lang, tr(lang, &name_key(id)))}</h2>
                        <p class="term-other">
                            <span class="other-label">
                                {t("glossary.other")}
                            </span>
                            " "
                            <span lang=other.code() dir=other.dir()>
                                {tr(other, &name_key(id))}
                            </span>
                        </p>
                        <p>{render_text(lang, tr(lang, &def_key(id)))}</p>
                    </li>
                }
            })
            .collect_view()
    };
    let count = move || {
        let lang = i18n.lang.get();
        let n = query.with(|q| TERMS.iter().filter(|id| visible(id, q)).count());
        let text = if n == 0 {
            tr(lang, "glossary.none").to_string()
        } else {
            tr_args(
                lang,
                "glossary.count",
                &[("n", &n.to_string()), ("total", &TERMS.len().to_string())],
            )
        };
        render_text(lang, &text)
    };

    view! {
        <article class="page glossary">
            <h1 tabindex="-1">
                {t(Section::Glossary.title_key())}
            </h1>
            <p class="lead">
                {t(Section::Glossary.summary_key())}
            </p>
            <p>
                {t("glossary.intro")}
            </p>
            <div class="glossary-search">
                <label for="glossary-search">
                    {t("glossary.search.label")}
                </label>
                <input
                    id="glossary-search"
                    type="search"
                    placeholder=i18n.t("glossary.search.hint")
                    prop:value=move || query.get()
                    on:input=move |ev| set_query.set(event_target_value(&ev))
                />
                <p class="glossary-count" role="status">
                    {count}
                </p>
            </div>
            <ul class="term-entries">{entries}</ul>
        </article>
    }
}
