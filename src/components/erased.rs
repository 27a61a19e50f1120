//! Reactive parts of views behind one closure type. Leptos compiles the code that builds
//! and rebuilds a reactive part (`{move || ...}`) once for every closure type: a page with
//! sixty of them carries sixty copies, each with its view's build code inlined. Boxed here
//! behind one `dyn FnMut() -> AnyView`, they all share one copy. Each closure runs at the
//! same times as before, through one pointer more; the download is about 9 KB smaller
//! gzipped (ARCHITECTURE.md, "Size"). `show` and `show_or` are `<Show>` built the same
//! way, and `components::i18n::t` a translated string.

use leptos::prelude::*;
use std::sync::{Arc, Mutex};

/// What `dynamic` returns: a view part that renders itself again when what it reads
/// changes.
pub type Dynamic = Arc<Mutex<dyn FnMut() -> AnyView + Send>>;

/// A part of a view that `f` renders again whenever what it reads changes, like
/// `{move || ...}`, with the view erased to `AnyView`.
pub fn dynamic<V: IntoView + 'static>(f: impl Fn() -> V + Send + 'static) -> Dynamic {
    Arc::new(Mutex::new(move || f().into_view().into_any()))
}

/// A condition as a memo, so what shows on it changes only when it flips. Not generic: one
/// copy serves every `show`.
fn condition(when: Box<dyn Fn() -> bool + Send + Sync>) -> Memo<bool> {
    Memo::new(move |_| when())
}

/// `view` while `when` holds, like `<Show>`: the view is built again only when `when`
/// turns from false to true, not each time what it reads changes.
pub fn show<V: IntoView + 'static>(
    when: impl Fn() -> bool + Send + Sync + 'static,
    view: impl Fn() -> V + Send + Sync + 'static,
) -> Dynamic {
    let when = condition(Box::new(when));
    dynamic(move || when.get().then(&view))
}

/// `view` while `when` holds and `fallback` while it does not, like `<Show fallback>`.
pub fn show_or<V: IntoView + 'static, F: IntoView + 'static>(
    when: impl Fn() -> bool + Send + Sync + 'static,
    view: impl Fn() -> V + Send + Sync + 'static,
    fallback: impl Fn() -> F + Send + Sync + 'static,
) -> Dynamic {
    let when = condition(Box::new(when));
    dynamic(move || {
        if when.get() {
            view().into_view().into_any()
        } else {
            fallback().into_view().into_any()
        }
    })
}
