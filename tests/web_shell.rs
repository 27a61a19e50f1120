//! Browser component tests: the app mounted in headless Chromium (wasm-bindgen-test with
//! chromedriver), checked through the DOM as a user would see it.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mlops_lab::i18n::{Lang, tr};
use mlops_lab::{App, Pages};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn html_attr(name: &str) -> Option<String> {
    document().document_element().unwrap().get_attribute(name)
}

fn h1_text() -> String {
    document()
        .query_selector("main h1")
        .unwrap()
        .map(|h| h.text_content().unwrap_or_default())
        .unwrap_or_default()
}

fn path() -> String {
    web_sys::window().unwrap().location().pathname().unwrap()
}

fn search() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

/// Lets the reactive system and the router finish their work.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 60)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn click(selector: &str) {
    let element = document()
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap();
    element.click();
}

/// Mounts the app once, at `path`. Every scenario below then drives this one app, as a
/// user would, because a router keeps window listeners for the life of the page.
async fn mount_at(at: &str) {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(at))
        .unwrap();
    let container = document()
        .create_element("div")
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    // A release build's page fetches its strings (src/strings.rs); here they are compiled in.
    mlops_lab::i18n::install_compiled();
    // The scenario's binary: it draws every page.
    let pages = Pages {
        scenario: Some(|| view! { <mlops_lab::pages::scenario::ScenarioPage /> }.into_any()),
    };
    leptos::mount::mount_to(container, move || view! { <App pages /> }).forget();
    settle().await;
}

/// Goes to `at` the way the browser's back and forward buttons do.
async fn visit_by_history(at: &str) {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(at))
        .unwrap();
    let event = web_sys::PopStateEvent::new("popstate").unwrap();
    window.dispatch_event(&event).unwrap();
    settle().await;
}

fn press(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    document().body().unwrap().dispatch_event(&event).unwrap();
}

// The scenarios share one page, so they run in order inside one test.
#[wasm_bindgen_test]
async fn the_shell_behaves_in_the_browser() {
    mount_at("/he/roles").await;

    // A Hebrew URL makes the document right to left; the switch flips it back live.
    assert_eq!(html_attr("dir").as_deref(), Some("rtl"));
    assert_eq!(html_attr("lang").as_deref(), Some("he"));
    assert_eq!(h1_text(), tr(Lang::He, "section.roles.title"));
    click("a.lang-switch");
    settle().await;
    assert_eq!(path(), "/en/roles");
    assert_eq!(html_attr("dir").as_deref(), Some("ltr"));
    assert_eq!(html_attr("lang").as_deref(), Some("en"));
    assert_eq!(h1_text(), tr(Lang::En, "section.roles.title"));

    // The pager's next link and the navigation move between sections.
    click("nav.pager a[rel=next]");
    settle().await;
    assert_eq!(path(), "/en/lifecycle");
    assert_eq!(h1_text(), tr(Lang::En, "section.lifecycle.title"));
    click("nav.site-nav a[href='/en/glossary']");
    settle().await;
    assert_eq!(path(), "/en/glossary");
    let current = document()
        .query_selector("nav.site-nav a[aria-current=page]")
        .unwrap()
        .unwrap();
    assert_eq!(
        current.get_attribute("href").as_deref(),
        Some("/en/glossary")
    );
    assert_eq!(
        document().title(),
        format!(
            "{} · {}",
            tr(Lang::En, "section.glossary.title"),
            tr(Lang::En, "app.name")
        )
    );

    // From English the switch turns the document right to left, and the page keeps its
    // query and fragment: only the language changes.
    visit_by_history("/en/glossary?from=lesson#term-f1").await;
    assert_eq!(html_attr("dir").as_deref(), Some("ltr"));
    assert_eq!(html_attr("lang").as_deref(), Some("en"));
    click("a.lang-switch");
    settle().await;
    assert_eq!(path(), "/he/glossary");
    assert_eq!(search(), "?from=lesson");
    assert_eq!(hash(), "#term-f1");
    assert_eq!(html_attr("dir").as_deref(), Some("rtl"));
    assert_eq!(html_attr("lang").as_deref(), Some("he"));
    assert_eq!(h1_text(), tr(Lang::He, "section.glossary.title"));

    // Arrow keys follow the reading direction: in Hebrew the left arrow goes forward.
    visit_by_history("/he/tools").await;
    assert_eq!(html_attr("dir").as_deref(), Some("rtl"));
    press("ArrowLeft");
    settle().await;
    assert_eq!(path(), "/he/scenario");
    press("PageUp");
    settle().await;
    assert_eq!(path(), "/he/tools");
    press("ArrowRight");
    settle().await;
    assert_eq!(path(), "/he/lifecycle");

    // An unknown path shows the not-found page in the language of the URL.
    visit_by_history("/he/nowhere").await;
    assert_eq!(h1_text(), tr(Lang::He, "notfound.title"));
    assert_eq!(html_attr("dir").as_deref(), Some("rtl"));

    the_routes_draw_the_page_route_parse_names().await;
    the_fatal_error_panel_is_visible_with_reload_and_reset_links();
}

/// The router's routes and `route::parse` (which the shell and the prerender read) agree:
/// every path shows the page and language `route::parse` names.
async fn the_routes_draw_the_page_route_parse_names() {
    use mlops_lab::route::{self, Page};
    use mlops_lab::sections::Section;
    let mut paths: Vec<String> = Vec::new();
    for lang in Lang::ALL {
        for section in Section::ALL {
            let path = route::section_path("", lang, section);
            paths.push(path.trim_end_matches('/').to_string());
            paths.push(format!("{}/", path.trim_end_matches('/')));
        }
        paths.push(route::lesson_path("", lang));
        paths.push(format!("/{}/nowhere", lang.code()));
        paths.push(format!("/{}/roles/extra", lang.code()));
    }
    paths.extend(["/fr/roles", "/fr", "/index.html", "/EN/roles"].map(String::from));
    for path in paths {
        visit_by_history(&path).await;
        let parsed = route::parse(&path, "");
        let heading = match parsed.page {
            Page::Section(Section::Home) => "home.title".to_string(),
            Page::Section(section) => section.title_key(),
            Page::Lesson => "builder.title".to_string(),
            Page::NotFound => "notfound.title".to_string(),
        };
        // Without a language in the path, the page is in the visitor's (saved or browser's).
        let langs = parsed.lang.map_or(Lang::ALL.to_vec(), |lang| vec![lang]);
        let shown = h1_text();
        assert!(
            langs.iter().any(|lang| shown == tr(*lang, &heading)),
            "{path}: {shown}"
        );
    }
}

fn the_fatal_error_panel_is_visible_with_reload_and_reset_links() {
    mlops_lab::i18n::install_compiled();
    document()
        .document_element()
        .unwrap()
        .set_attribute("lang", "en")
        .unwrap();
    mlops_lab::platform::show_fatal_error("boom: test panic");
    let panel = document()
        .get_element_by_id("fatal-error")
        .expect("panel shown");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    let text = panel.text_content().unwrap();
    assert!(text.contains(tr(Lang::En, "error.title")));
    assert!(text.contains("boom: test panic"));
    let links = panel.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 2);
    let reset = links
        .item(1)
        .unwrap()
        .dyn_into::<web_sys::Element>()
        .unwrap();
    assert_eq!(reset.get_attribute("href").as_deref(), Some("/?reset"));
    panel.remove();
}
