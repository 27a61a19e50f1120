//! The last resort: a panic hook that shows a visible panel, in the page's language, with
//! a way to reload or to reset what was saved.

use super::{base_path, document};
use crate::i18n::{Lang, tr};

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
