//! The browser, behind small functions: storage, the `<html>` element, the base path, the
//! system theme and the panic hook. Each call tolerates a missing or failing browser API
//! (storage disabled, privacy mode) by doing nothing or returning `None`, so the app runs
//! wherever a page can run.

use crate::i18n::{Lang, tr};
use crate::route::normalize_base;
use wasm_bindgen::JsCast;

/// Prefix of every key the app keeps in `localStorage`.
pub const STORAGE_PREFIX: &str = "mlops-lab.";

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a saved value.
pub fn storage_get(key: &str) -> Option<String> {
    storage()?
        .get_item(&format!("{STORAGE_PREFIX}{key}"))
        .ok()
        .flatten()
}

/// Saves a value; a full or disabled storage is ignored (the choice lasts for the visit).
pub fn storage_set(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(&format!("{STORAGE_PREFIX}{key}"), value);
    }
}

/// Removes a saved value.
pub fn storage_remove(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(&format!("{STORAGE_PREFIX}{key}"));
    }
}

/// Removes everything the app saved.
pub fn storage_clear_all() {
    let Some(storage) = storage() else { return };
    let count = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(STORAGE_PREFIX))
        .collect();
    for key in keys {
        let _ = storage.remove_item(&key);
    }
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

/// Sets `<html lang dir>`.
pub fn set_document_lang(lang: Lang) {
    if let Some(html) = document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("lang", lang.code());
        let _ = html.set_attribute("dir", lang.dir());
    }
}

/// Sets the document title.
pub fn set_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}

/// Sets `<meta name="description">`, creating it if the page has none.
pub fn set_meta_description(text: &str) {
    let Some(document) = document() else { return };
    let meta = match document
        .query_selector("meta[name=description]")
        .ok()
        .flatten()
    {
        Some(meta) => meta,
        None => {
            let Ok(meta) = document.create_element("meta") else {
                return;
            };
            let _ = meta.set_attribute("name", "description");
            if let Some(head) = document.head() {
                let _ = head.append_child(&meta);
            }
            meta
        }
    };
    let _ = meta.set_attribute("content", text);
}

/// Whether the system asks for a dark colour scheme.
pub fn system_prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .map(|m| m.matches())
        .unwrap_or(false)
}

/// Sets or clears `<html data-theme>`; without it the CSS follows the system setting.
pub fn set_theme_attr(theme: Option<&str>) {
    if let Some(html) = document().and_then(|d| d.document_element()) {
        let _ = match theme {
            Some(theme) => html.set_attribute("data-theme", theme),
            None => html.remove_attribute("data-theme"),
        };
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

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Reads a value kept for this browser tab only.
pub fn session_get(key: &str) -> Option<String> {
    session()?
        .get_item(&format!("{STORAGE_PREFIX}{key}"))
        .ok()
        .flatten()
}

/// Keeps a value for this browser tab only (display modes: a projector's tab stays in
/// presenter mode, a student's other tabs do not).
pub fn session_set(key: &str, value: &str) {
    if let Some(session) = session() {
        let _ = session.set_item(&format!("{STORAGE_PREFIX}{key}"), value);
    }
}

/// Runs `then` once the page's plain-HTML opening has been painted (after the next frame),
/// or at once when the page has none (the bare shell, a debug build).
pub fn after_paint_of_prerendered(then: impl FnOnce() + 'static) {
    let prerendered = document()
        .and_then(|d| d.query_selector("[data-prerender]").ok().flatten())
        .is_some();
    let Some(window) = web_sys::window().filter(|_| prerendered) else {
        then();
        return;
    };
    // The frame callback runs before that frame paints; a task queued from it runs after.
    // (A tab in the background has no frames: it mounts when it is shown.)
    let task = wasm_bindgen::closure::Closure::once_into_js(then);
    let queue = {
        let task = task.clone();
        move || {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(task.unchecked_ref());
            }
        }
    };
    let frame = wasm_bindgen::closure::Closure::once_into_js(queue);
    if window
        .request_animation_frame(frame.unchecked_ref())
        .is_err()
    {
        let _ = window.set_timeout_with_callback(task.unchecked_ref());
    }
}

/// Removes the plain-HTML opening a release build's page shows before the app mounts.
pub fn remove_prerendered() {
    let Some(document) = document() else { return };
    if let Ok(nodes) = document.query_selector_all("[data-prerender]") {
        for i in 0..nodes.length() {
            if let Some(node) = nodes.get(i)
                && let Some(parent) = node.parent_node()
            {
                let _ = parent.remove_child(&node);
            }
        }
    }
}

/// Forgets a value kept for this browser tab.
pub fn session_remove(key: &str) {
    if let Some(session) = session() {
        let _ = session.remove_item(&format!("{STORAGE_PREFIX}{key}"));
    }
}

/// The page's origin (`https://host:port`), or `""` when unknown.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Puts text on the clipboard; false where the browser does not allow it (the caller
/// then leaves the text selected for the user to copy).
pub fn copy_text(text: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&window.navigator(), &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(write) = write else { return false };
    match write.call1(&clipboard, &text.into()) {
        Ok(promise) => {
            if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                let ignore =
                    wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {});
                let _ = promise.catch(&ignore);
                ignore.forget();
            }
            true
        }
        Err(_) => false,
    }
}

/// Offers text as a file download (`name`, of MIME type `mime`).
pub fn download_text(name: &str, mime: &str, text: &str) {
    use wasm_bindgen::JsCast;
    let Some(document) = document() else { return };
    let Ok(link) = document.create_element("a") else {
        return;
    };
    let href = format!(
        "data:{mime};charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    );
    let _ = link.set_attribute("href", &href);
    let _ = link.set_attribute("download", name);
    if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
        link.click();
    }
}

/// Sets or clears a flag attribute on `<html>` (`data-present`, `data-embed`).
pub fn set_html_flag(name: &str, on: bool) {
    if let Some(html) = document().and_then(|d| d.document_element()) {
        let _ = if on {
            html.set_attribute(name, "")
        } else {
            html.remove_attribute(name)
        };
    }
}

/// True while the page fills the screen.
pub fn is_fullscreen() -> bool {
    document().is_some_and(|d| d.fullscreen_element().is_some())
}

/// Fills the screen with the page, or leaves full screen; ignored where not allowed.
pub fn toggle_fullscreen() {
    let Some(document) = document() else { return };
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if let Some(html) = document.document_element() {
        let _ = html.request_fullscreen();
    }
}

/// Whether a key press lands on something Space already activates (a button, a link, a
/// disclosure, a checkbox), where Space must not also turn the page.
pub fn event_is_on_activatable(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| {
            matches!(
                e.tag_name().to_ascii_lowercase().as_str(),
                "button" | "a" | "summary" | "input" | "select" | "textarea" | "label"
            )
        })
}

/// Whether a keyboard event comes from a control that uses the arrow and page keys itself
/// (text fields, selects, sliders, editable text), where section paging must stay out.
pub fn event_is_in_form_control(event: &web_sys::Event) -> bool {
    let Some(element) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let tag = element.tag_name().to_ascii_lowercase();
    let role = element.get_attribute("role").unwrap_or_default();
    matches!(tag.as_str(), "input" | "textarea" | "select" | "option")
        || matches!(
            role.as_str(),
            "slider" | "spinbutton" | "listbox" | "menu" | "tablist" | "radiogroup" | "textbox"
        )
        || element
            .dyn_ref::<web_sys::HtmlElement>()
            .map(|e| e.is_content_editable())
            .unwrap_or(false)
}

/// Moves keyboard focus to the heading of the page just shown, so keyboard and screen
/// reader users land on the new content.
pub fn focus_main_heading() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(|| {
        if let Some(heading) = document()
            .and_then(|d| d.query_selector("main h1").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = heading.focus();
        }
    });
    let _ = window.request_animation_frame(callback.unchecked_ref());
}

/// Handles `?reset` in the URL: forgets everything saved and drops the flag from the URL.
/// The error screen links here, so a corrupt saved state can always be cleared.
pub fn handle_reset_request() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let search = location.search().unwrap_or_default();
    if search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair == "reset" || pair.starts_with("reset="))
    {
        storage_clear_all();
        let path = location.pathname().unwrap_or_else(|_| "/".into());
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
    }
}

/// Installs a panic hook that logs the panic and shows a visible message with a way to
/// reload or reset, in the page's current language, instead of leaving a dead page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        show_fatal_error(&info.to_string());
    }));
}

/// Puts the fatal-error panel at the top of the page. Built with plain DOM calls and plain
/// links (no Rust event handlers), because after a panic the app's code no longer runs.
pub fn show_fatal_error(details: &str) {
    let Some(document) = document() else { return };
    let Some(body) = document.body() else { return };
    if document.get_element_by_id("fatal-error").is_some() {
        return;
    }
    let lang = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default();
    let reload_href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_else(|| "./".into());
    let reset_href = format!("{}/?reset", base_path());
    let build = || -> Option<web_sys::Element> {
        let panel = document.create_element("section").ok()?;
        panel.set_id("fatal-error");
        panel.set_attribute("role", "alert").ok()?;
        panel.set_attribute("class", "fatal-error").ok()?;
        let add = |tag: &str, text: &str| -> Option<web_sys::Element> {
            let el = document.create_element(tag).ok()?;
            el.set_text_content(Some(text));
            panel.append_child(&el).ok()?;
            Some(el)
        };
        add("h2", tr(lang, "error.title"))?;
        add("p", tr(lang, "error.body"))?;
        let actions = document.create_element("p").ok()?;
        actions.set_attribute("class", "actions").ok()?;
        for (href, key) in [
            (reload_href.as_str(), "error.reload"),
            (reset_href.as_str(), "error.reset"),
        ] {
            let link = document.create_element("a").ok()?;
            link.set_attribute("href", href).ok()?;
            link.set_attribute("class", "button").ok()?;
            link.set_text_content(Some(tr(lang, key)));
            actions.append_child(&link).ok()?;
        }
        panel.append_child(&actions).ok()?;
        let more = document.create_element("details").ok()?;
        let summary = document.create_element("summary").ok()?;
        summary.set_text_content(Some(tr(lang, "error.details")));
        more.append_child(&summary).ok()?;
        let pre = document.create_element("pre").ok()?;
        pre.set_text_content(Some(details));
        more.append_child(&pre).ok()?;
        panel.append_child(&more).ok()?;
        Some(panel)
    };
    if let Some(panel) = build() {
        let _ = body.prepend_with_node_1(&panel);
    }
}
