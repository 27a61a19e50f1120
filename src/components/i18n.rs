//! The language context: the current language and route, and `t`, the view part that
//! shows a translated string with Latin runs isolated in right-to-left text.

use crate::i18n::{Lang, isolate_latin_runs, tr};
use crate::route::Route;
use leptos::prelude::*;

/// What every view needs to speak and link: the language, the parsed route and the base
/// path. Copy, so closures take it freely.
#[derive(Clone, Copy)]
pub struct I18n {
    /// The current language (from the URL, else negotiated).
    pub lang: Memo<Lang>,
    /// The parsed current URL.
    pub route: Memo<Route>,
    /// The path prefix the app is served from (`""` at the root).
    pub base: &'static str,
}

impl I18n {
    /// A reactive lookup of `key` in the current language, for attributes.
    pub fn t(
        self,
        key: impl Into<String>,
    ) -> impl Fn() -> &'static str + Clone + Send + Sync + 'static {
        let key: String = key.into();
        move || tr(self.lang.get(), &key)
    }
}

/// A page's own copy of a long-lived value. Every reactive text on a page subscribes to
/// the language; if it subscribed to the app's own memo, each one would leave an entry
/// behind in that memo when the page went (reactive_graph drops a subscriber without
/// unsubscribing it from a source that never changes), and moving between pages would
/// grow memory. Subscribed to this copy instead, they go with it: the copy is dropped with
/// the page's owner, after it unsubscribes itself from the app's memo.
pub fn page_local<T>(source: impl Fn() -> T + Send + Sync + 'static) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    page_local_from(move |_| source())
}

/// `page_local` for a value computed from its previous one, as `Memo::new` takes it.
fn page_local_from<T>(source: impl Fn(Option<&T>) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    use leptos::reactive::graph::{Subscriber, ToAnySubscriber};
    let proxy = ArcMemo::new(source);
    let memo = Memo::from(proxy.clone());
    on_cleanup(move || proxy.clear_sources(&proxy.to_any_subscriber()));
    memo
}

impl I18n {
    /// The context a page provides to its own views, from the shell's (`self`): page-local
    /// copies of the language and the route (see `page_local`). The page's language is the
    /// one its address asks for (`wanted`), once the page `speaks` it (its strings are in):
    /// a page on its way out, when the language changes with the page, keeps its own until
    /// it goes instead of looking up strings of the next language that have not arrived,
    /// and a language switch on the same page waits for them.
    pub fn for_page(
        self,
        wanted: Memo<Lang>,
        speaks: impl Fn(Lang) -> bool + Send + Sync + 'static,
    ) -> I18n {
        let (shown, route) = (self.lang, self.route);
        I18n {
            lang: page_local_from(move |before: Option<&Lang>| {
                let now = wanted.get();
                if speaks(now) {
                    return now;
                }
                match before {
                    Some(before) => *before,
                    // A new page whose strings are not in yet in the address's language
                    // opens in the language shown, if it can, and changes when they come.
                    None => {
                        let shown = shown.get_untracked();
                        if speaks(shown) { shown } else { now }
                    }
                }
            }),
            route: page_local(move || route.get()),
            base: self.base,
        }
    }
}

/// Provides the language context to the app and returns it.
pub fn provide_i18n(lang: Memo<Lang>, route: Memo<Route>, base: &'static str) -> I18n {
    let i18n = I18n { lang, route, base };
    provide_context(i18n);
    i18n
}

/// The language context; the shell always provides it.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// Renders text for `lang`: in right-to-left text each Latin or number run becomes a
/// `<bdi>`, so product names and figures keep their punctuation in place.
pub fn render_text(lang: Lang, text: &str) -> AnyView {
    if !lang.is_rtl() {
        return text.to_string().into_any();
    }
    let runs = isolate_latin_runs(text);
    if !runs.iter().any(|run| run.isolate) {
        return text.to_string().into_any();
    }
    let pieces = runs
        .into_iter()
        .map(|run| {
            let piece = run.text.to_string();
            if run.isolate {
                view! { <bdi>{piece}</bdi> }.into_any()
            } else {
                piece.into_any()
            }
        })
        .collect_view();
    // One element, so a flex container (a button, a checkbox's label) lays the sentence
    // out as one item instead of spacing its words and Latin runs apart.
    view! { <span>{pieces}</span> }.into_any()
}

/// A translated string, by key, in the current language: `{t("home.title")}` in a view.
pub fn t(k: impl Into<String>) -> impl IntoView {
    let i18n = use_i18n();
    let k: String = k.into();
    move || {
        let lang = i18n.lang.get();
        render_text(lang, tr(lang, &k))
    }
}
