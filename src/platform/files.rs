//! Text out of the page: to the clipboard, or as a downloaded file.

use super::document;
use wasm_bindgen::JsCast;

/// Puts text on the clipboard; false where the browser does not allow it (the caller
/// then leaves the text selected for the user to copy).
pub fn copy_text(text: &str) -> bool {
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
