//! Moving around inside the app: the address as signals, links followed without a page
//! load, and the browser's history. The app has one page whose content follows the address
//! (`route::parse`).
//!
//! - `provide_location` starts it: it reads the address, follows back and forward
//!   (`popstate`), and takes clicks on links to the app's own pages.
//! - `use_location` gives the address's parts; `use_navigate` gives a function that goes to
//!   an address, as a new history entry or in place of the current one.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The current address, in parts. Each part changes only when it differs, so a view that
/// reads the query does not redraw when only the path changes, and the other way round.
#[derive(Clone, Copy)]
pub struct Location {
    /// The path, as the browser writes it (`/mlops-lab/en/roles`).
    pub pathname: Memo<String>,
    /// The query, without its `?` (`""` when there is none).
    pub search: Memo<String>,
    /// The fragment, with its `#` (`""` when there is none).
    pub hash: Memo<String>,
}

/// How to go to an address.
#[derive(Clone, Copy, Debug)]
pub struct NavigateOptions {
    /// Replace the current history entry instead of adding one.
    pub replace: bool,
    /// Scroll to the top of the page (or to the fragment's element) once it is shown.
    pub scroll: bool,
}

impl Default for NavigateOptions {
    fn default() -> Self {
        NavigateOptions {
            replace: false,
            scroll: true,
        }
    }
}

#[derive(Clone, Default, PartialEq)]
struct Address {
    path: String,
    search: String,
    hash: String,
}

impl Address {
    fn current() -> Address {
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return Address::default();
        };
        Address {
            path: location.pathname().unwrap_or_else(|_| "/".into()),
            search: strip_question_mark(location.search().unwrap_or_default()),
            hash: location.hash().unwrap_or_default(),
        }
    }

    fn of(url: &web_sys::Url) -> Address {
        Address {
            path: url.pathname(),
            search: strip_question_mark(url.search()),
            hash: url.hash(),
        }
    }

    fn full(&self) -> String {
        let question = if self.search.is_empty() { "" } else { "?" };
        format!("{}{question}{}{}", self.path, self.search, self.hash)
    }
}

fn strip_question_mark(search: String) -> String {
    match search.strip_prefix('?') {
        Some(rest) => rest.to_string(),
        None => search,
    }
}

#[derive(Clone, Copy)]
struct Nav {
    address: RwSignal<Address>,
    location: Location,
    loads_apart: fn(&str) -> bool,
}

/// Starts following the address for the app served under `base` (`""` at the root, else
/// `/mlops-lab` and the like), and returns its parts. `loads_apart` tells the paths this
/// binary does not draw: going there loads the page from the server, whose own binary
/// draws it.
pub fn provide_location(base: &'static str, loads_apart: fn(&str) -> bool) -> Location {
    let address = RwSignal::new(Address::current());
    let location = Location {
        pathname: Memo::new(move |_| address.with(|a| a.path.clone())),
        search: Memo::new(move |_| address.with(|a| a.search.clone())),
        hash: Memo::new(move |_| address.with(|a| a.hash.clone())),
    };
    provide_context(Nav {
        address,
        location,
        loads_apart,
    });
    // Back and forward.
    let popstate = window_event_listener(ev::popstate, move |_| {
        let next = Address::current();
        if loads_apart(&next.path) {
            // An entry this binary does not draw: the server's page for it loads the one
            // that does.
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
            return;
        }
        address.set(next);
    });
    let click = window_event_listener(ev::click, move |event| {
        if let Some((to, scroll)) = link_target(&event, base) {
            event.prevent_default();
            go(
                address,
                loads_apart,
                &to,
                NavigateOptions {
                    replace: false,
                    scroll,
                },
            );
        }
    });
    on_cleanup(move || {
        popstate.remove();
        click.remove();
    });
    location
}

/// The current address's parts; `provide_location` must have run above.
pub fn use_location() -> Location {
    expect_context::<Nav>().location
}

/// A function that goes to an address inside the app (a path with its query and
/// fragment); `provide_location` must have run above.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + 'static {
    let Nav {
        address,
        loads_apart,
        ..
    } = expect_context::<Nav>();
    move |to: &str, options: NavigateOptions| go(address, loads_apart, to, options)
}

fn go(
    address: RwSignal<Address>,
    loads_apart: fn(&str) -> bool,
    to: &str,
    options: NavigateOptions,
) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let origin = window.location().origin().unwrap_or_default();
    let Ok(url) = web_sys::Url::new_with_base(to, &origin) else {
        return;
    };
    let next = Address::of(&url);
    if loads_apart(&next.path) {
        let _ = window.location().assign(&next.full());
        return;
    }
    // Going to the address already shown adds no history entry.
    let replace = options.replace || next == Address::current();
    let written = window.history().and_then(|history| {
        if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&next.full()))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(&next.full()))
        }
    });
    if written.is_err() {
        // The history refused the address (another origin): let the browser load it.
        let _ = window.location().set_href(to);
        return;
    }
    address.set(next);
    // The new page is drawn before the next frame; then its fragment's element, or its top.
    let scroll = options.scroll;
    request_animation_frame(move || scroll_into_place(scroll));
}

fn scroll_into_place(to_top: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    if let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) {
        let id = js_sys::decode_uri_component(id)
            .ok()
            .and_then(|decoded| decoded.as_string())
            .unwrap_or_else(|| id.to_string());
        if let Some(element) = window.document().and_then(|d| d.get_element_by_id(&id)) {
            element.scroll_into_view();
            return;
        }
    }
    if to_top {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// The address a click on a link should open inside the app, and whether to scroll to
/// the top: `None` leaves the click to the browser (a modified click, a new tab or window,
/// a download, `rel="external"`, another origin, or a path outside the app).
fn link_target(event: &web_sys::MouseEvent, base: &str) -> Option<(String, bool)> {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.alt_key()
        || event.ctrl_key()
        || event.shift_key()
    {
        return None;
    }
    let element = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let link = element
        .closest("a[href]")
        .ok()??
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    let external = link
        .get_attribute("rel")
        .is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "external"));
    if !link.target().is_empty() || link.has_attribute("download") || external {
        return None;
    }
    let origin = web_sys::window()?.location().origin().ok()?;
    let url = web_sys::Url::new_with_base(&link.href(), &origin).ok()?;
    let path = url.pathname();
    let inside = base.is_empty()
        || path == base
        || path
            .strip_prefix(base)
            .is_some_and(|rest| rest.starts_with('/'));
    if url.origin() != origin || !inside {
        return None;
    }
    let scroll = !link.has_attribute("noscroll") && !link.has_attribute("data-noscroll");
    Some((Address::of(&url).full(), scroll))
}
