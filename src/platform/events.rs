//! Where a keyboard event lands, for the keys that page through sections.

use wasm_bindgen::JsCast;

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
/// (text fields, selects, sliders, editable text, a chart or table that scrolls sideways),
/// where section paging must stay out.
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
        || element.scroll_width() > element.client_width()
}
