//! A page in the app's frame: what each route draws around its page. The page speaks the
//! language its address asks for once the strings it needs in that language are in, and
//! until then shows nothing of its own (see `I18n::for_page`).

use crate::components::i18n::{I18n, page_local};
use crate::components::journey;
use crate::i18n::Lang;
use crate::route::Page;
use crate::strings;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// What the frame needs from the shell: the shell's own language context, the language
/// the address asks for, and a signal that ticks whenever a part of the strings arrives.
/// (The frame takes the shell's context from here, not from the nearest `I18n`: the
/// router may draw a page below an owner of the page before it.)
#[derive(Clone, Copy)]
pub struct Speech {
    /// The shell's language context.
    pub shell: I18n,
    /// The address's language (else the negotiated one).
    pub wanted: Memo<Lang>,
    /// Notified when strings arrive.
    pub arrived: RwSignal<()>,
}

/// Provides the shell's `Speech` to the routes below it.
pub fn provide_speech(shell: I18n, wanted: Memo<Lang>, arrived: RwSignal<()>) {
    provide_context(Speech {
        shell,
        wanted,
        arrived,
    });
}

/// Draws `children` as `page`, in the address's language once its strings are in.
#[component]
pub fn PageFrame(
    /// The page drawn, for the strings it needs.
    page: Page,
    children: ChildrenFn,
) -> impl IntoView {
    let speech = expect_context::<Speech>();
    let speaks = move |lang: Lang| {
        speech.arrived.track();
        strings::ready(lang, page)
    };
    let i18n = speech.shell.for_page(speech.wanted, speaks);
    provide_context(i18n);
    let ready = page_local(move || speaks(i18n.lang.get()));
    // Self-study progress: a page is recorded as opened once it is drawn, so the home
    // page shows what was done before this visit.
    let location = use_location();
    let search = page_local(move || location.search.get());
    Effect::new(move |_| {
        let here = i18n.route.get();
        if ready.get() && here.page == page {
            journey::record(page, &location.pathname.get_untracked(), &search.get());
        }
    });
    view! { <Show when=move || ready.get()>{children()}</Show> }
}
