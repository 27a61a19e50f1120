//! The browser, behind small functions: storage, the document, files, keyboard events and
//! the panic hook, one file each; here the base path, the browser's languages, the origin,
//! idle work and the offline copy's registration. Each call tolerates a missing or failing
//! browser API (storage disabled, privacy mode) by doing nothing or returning `None`, so
//! the app runs wherever a page can run.

mod document;
mod events;
mod fatal;
mod files;
mod storage;

pub use document::*;
pub use events::*;
pub use fatal::*;
pub use files::*;
pub use storage::*;

use crate::route::normalize_base;
use wasm_bindgen::JsCast;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The path prefix the app is served from, read from `<base href>` (trunk writes it from
/// `--public-url`), without a trailing slash; `""` when the page has no `<base>`.
pub fn base_path() -> String {
    document()
        .and_then(|d| d.query_selector("base[href]").ok().flatten())
        .and_then(|base| base.get_attribute("href"))
        .map(|href| normalize_base(&href))
        .unwrap_or_default()
}

/// True when the page runs inside a frame (a learning platform's page), not as the tab's
/// own page. Comparing the windows works across origins.
pub fn in_frame() -> bool {
    web_sys::window().is_some_and(|w| {
        let top: wasm_bindgen::JsValue = w.top().ok().flatten().into();
        !js_sys::Object::is(&top, w.as_ref())
    })
}

/// The browser's preferred languages, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let navigator = window.navigator();
    let mut tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if tags.is_empty() {
        tags.extend(navigator.language());
    }
    tags
}

/// The page's origin (`https://host:port`), or `""` when unknown.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Loads `address` from the server in place of the current history entry: for a page
/// this binary does not draw, whose server page loads the binary that does. The router
/// has written (or is about to write) the entry for it; the server's page takes its place.
pub fn load_from_server(address: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(address);
    }
}

/// Runs `then` once the page is idle (the browser's idle callback, or a second later where
/// there is none): for work the visitor does not wait for.
pub fn when_idle(then: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let task = wasm_bindgen::closure::Closure::once_into_js(then);
    if window.request_idle_callback(task.unchecked_ref()).is_err() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 1000);
    }
}

/// Registers the offline copy's service worker (`sw.js`, written by release builds only;
/// elsewhere the registration fails quietly and the app simply needs the network).
pub fn register_service_worker(base: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    let options = web_sys::RegistrationOptions::new();
    options.set_scope(&format!("{base}/"));
    let registered = container.register_with_options(&format!("{base}/sw.js"), &options);
    // Once per page load: the handler lives as long as the page.
    let ignore = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {});
    let _ = registered.catch(&ignore);
    ignore.forget();
}
