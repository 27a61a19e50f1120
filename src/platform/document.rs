//! The document: `<html lang dir>`, the title and description, the theme and display
//! flags, full screen, focus after a page change, paging within a long page, and the
//! plain-HTML opening a release page shows before the app mounts.

use super::document;
use crate::i18n::Lang;
use wasm_bindgen::JsCast;

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

/// The height of the sticky site header, which covers the top of the page (0 without one).
fn header_height(document: &web_sys::Document) -> f64 {
    document
        .query_selector(".site-header")
        .ok()
        .flatten()
        .map_or(0.0, |h| h.get_bounding_client_rect().height())
}

/// Scrolls the page to its next (or previous) part, each part starting at a heading of
/// the main content (`display::page_target`). False when the page's end (or start) is
/// already on screen, so the key can leave the page instead.
pub fn page_within(forward: bool) -> bool {
    let (Some(window), Some(document)) = (web_sys::window(), document()) else {
        return false;
    };
    let number = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64());
    let top = window.scroll_y().unwrap_or(0.0);
    let view = number(window.inner_height()).unwrap_or(0.0);
    let header = header_height(&document);
    // The page's end for paging: where its closing matter starts (the scenario's note on
    // the numbers, the previous/next links), which a reader scrolls to if they want it.
    let end = document
        .query_selector("main .caveat, main .pager")
        .ok()
        .flatten()
        .map(|closing| closing.get_bounding_client_rect().top() + top)
        .or_else(|| {
            let html = document.document_element()?;
            Some(f64::from(html.scroll_height()))
        })
        .unwrap_or(0.0);
    let mut parts = Vec::new();
    if let Ok(headings) = document.query_selector_all("main h2, main h3") {
        for i in 0..headings.length() {
            if let Some(heading) = headings
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let rect = heading.get_bounding_client_rect();
                // Hidden headings take no room and start no part.
                if rect.height() > 0.0 {
                    parts.push(rect.top() + top);
                }
            }
        }
    }
    match crate::display::page_target(&parts, top, (view, header, end), forward) {
        Some(to) => {
            window.scroll_to_with_x_and_y(0.0, to);
            true
        }
        None => false,
    }
}

/// After the next frame, scrolls the element with `id` to just below the sticky header and
/// moves keyboard focus to it (it needs `tabindex="-1"`): a new part of the page, such as
/// the story's next scene, starts where the reader looks.
pub fn bring_into_view(id: &'static str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        let Some(document) = document() else { return };
        let Some(element) = document
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let header = header_height(&document);
        if let Some(window) = web_sys::window() {
            let scrolled = window.scroll_y().unwrap_or(0.0);
            let top = element.get_bounding_client_rect().top() + scrolled - header - 12.0;
            window.scroll_to_with_x_and_y(0.0, top.max(0.0));
        }
        let _ = element.focus();
    });
    let _ = window.request_animation_frame(callback.unchecked_ref());
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
