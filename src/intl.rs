//! The browser's locale-aware text services, for what the page compares and searches: lower
//! case for a language (`String.prototype.toLocaleLowerCase`) and its alphabetical order
//! (`Intl.Collator`). The browser has the Unicode tables these need already; the page's
//! WebAssembly does not carry a second copy of them.

use crate::i18n::Lang;
use js_sys::{Array, Intl, JsString, Object};
use std::cmp::Ordering;
use wasm_bindgen::JsValue;

/// `text` in lower case, as `lang` writes it.
pub fn lowercase(text: &str, lang: Lang) -> String {
    JsString::from(text)
        .to_locale_lower_case(Some(lang.code()))
        .into()
}

/// `lang`'s alphabetical order of two texts.
pub fn collator(lang: Lang) -> impl Fn(&str, &str) -> Ordering {
    let locales = Array::of1(&JsValue::from_str(lang.code()));
    let compare = Intl::Collator::new(&locales, &Object::new()).compare();
    move |a, b| {
        compare
            .call2(&JsValue::NULL, &JsValue::from_str(a), &JsValue::from_str(b))
            .ok()
            .and_then(|order| order.as_f64())
            .map_or(Ordering::Equal, |order| order.total_cmp(&0.0))
    }
}
