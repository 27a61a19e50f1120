//! What the app keeps in the browser: `LOCAL` (`localStorage`) for a visitor's choices and
//! answers, `SESSION` (`sessionStorage`) for a tab's lesson and display modes, and `?reset`,
//! which forgets what the app keeps in both. Kept values go through `saved` (versioned
//! records); a storage the browser refuses (blocked cookies, privacy mode) makes every call
//! do nothing, so the choice lasts for the visit.

use crate::saved::{self, Kept, Loaded};

/// Prefix of every key the app keeps.
pub const STORAGE_PREFIX: &str = "mlops-lab.";

/// One of the browser's storage areas.
#[derive(Clone, Copy)]
pub struct Store(fn(&web_sys::Window) -> Result<Option<web_sys::Storage>, wasm_bindgen::JsValue>);

/// Kept across visits: the language, the theme, answers, the journey.
pub const LOCAL: Store = Store(web_sys::Window::local_storage);

/// Kept for this browser tab only: a lesson, the display modes (a projector's tab stays in
/// presenter mode, a student's other tabs do not).
pub const SESSION: Store = Store(web_sys::Window::session_storage);

impl Store {
    fn area(self) -> Option<web_sys::Storage> {
        (self.0)(&web_sys::window()?).ok().flatten()
    }

    /// Reads a value as saved.
    pub fn get(self, key: &str) -> Option<String> {
        self.area()?
            .get_item(&format!("{STORAGE_PREFIX}{key}"))
            .ok()
            .flatten()
    }

    /// Saves a value.
    pub fn set(self, key: &str, value: &str) {
        if let Some(area) = self.area() {
            let _ = area.set_item(&format!("{STORAGE_PREFIX}{key}"), value);
        }
    }

    /// Forgets a value.
    pub fn remove(self, key: &str) {
        if let Some(area) = self.area() {
            let _ = area.remove_item(&format!("{STORAGE_PREFIX}{key}"));
        }
    }

    /// Reads a kept value (`saved`): fresh when nothing is saved, discarded (and removed)
    /// when what is saved does not read back.
    pub fn load<T: Kept>(self, key: &str) -> Loaded<T> {
        let loaded = saved::decode(self.get(key).as_deref());
        if matches!(loaded, Loaded::Discarded) {
            self.remove(key);
        }
        loaded
    }

    /// Keeps a value (`saved`).
    pub fn save<T: Kept>(self, key: &str, value: &T) {
        self.set(key, &saved::encode(value));
    }

    /// Forgets everything the app keeps here.
    fn clear_all(self) {
        let Some(area) = self.area() else { return };
        let count = area.length().unwrap_or(0);
        let keys: Vec<String> = (0..count)
            .filter_map(|i| area.key(i).ok().flatten())
            .filter(|k| k.starts_with(STORAGE_PREFIX))
            .collect();
        for key in keys {
            let _ = area.remove_item(&key);
        }
    }
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
        LOCAL.clear_all();
        SESSION.clear_all();
        let path = location.pathname().unwrap_or_else(|_| "/".into());
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
    }
}
