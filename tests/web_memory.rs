//! Memory over time: the bytes the app holds on the wasm heap must not grow as a student
//! moves between pages or plays the lab. A counting allocator measures live bytes exactly.
//! (`npm run soak` watches the release build for an hour the same way, from outside.)
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mlops_lab::App;
use mlops_lab::components::i18n::page_local;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

struct Counting;
static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(
            new_size as isize - layout.size() as isize,
            Ordering::Relaxed,
        );
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn live() -> isize {
    LIVE.load(Ordering::Relaxed)
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn settle(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn container() -> web_sys::HtmlElement {
    let div = document()
        .create_element("div")
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

async fn visit(at: &str) {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(at))
        .unwrap();
    window
        .dispatch_event(&web_sys::PopStateEvent::new("popstate").unwrap())
        .unwrap();
    settle(5).await;
}

/// The live bytes a round of `step` leaves behind, after ten rounds to warm caches up.
async fn growth(name: &str, rounds: usize, mut step: impl AsyncFnMut()) -> isize {
    for _ in 0..10 {
        step().await;
    }
    let before = live();
    for _ in 0..rounds {
        step().await;
    }
    let per = (live() - before) / rounds as isize;
    web_sys::console::log_1(&format!("{name}: {per} bytes a round").into());
    per
}

/// What a round may leave without a leak worth the name (a collection that happens to
/// double within the measured rounds shows as its new size spread over them). A reactive
/// subscriber left behind per text on a page costs 8 to 20 KB a page visit; the lab's Step
/// leaves about 110 bytes in the router (see `platform::replace_url`).
const NOISE: isize = 256;

#[wasm_bindgen_test]
async fn a_page_local_copy_takes_its_subscribers_with_it() {
    let div = container();
    let (source, _) = signal(1);
    let per = growth("views on a page-local copy", 100, async || {
        let handle = leptos::mount::mount_to(div.clone(), move || {
            let local = page_local(move || source.get());
            (0..100)
                .map(|i| view! { <p>{move || local.get() + i}</p> })
                .collect_view()
        });
        drop(handle);
        // The views' effects end in a task of their own.
        settle(0).await;
    })
    .await;
    assert!(per <= NOISE, "{per} bytes a round");
}

/// The lab's transport button at `index` (Play, Step, Reset), once the lab shows it: a
/// debug build simulates slowly, and a slow machine renders late.
async fn lab_button(index: u32) -> web_sys::HtmlElement {
    for _ in 0..200 {
        if let Some(button) = document()
            .query_selector_all(".transport button")
            .ok()
            .and_then(|list| list.get(index))
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        {
            return button;
        }
        settle(50).await;
    }
    panic!("the lab's transport buttons never appeared");
}

/// Every page, by its path under `/en/`.
const PAGES: [&str; 7] = [
    "glossary",
    "roles",
    "lifecycle",
    "tools",
    "",
    "scenario",
    "lesson",
];

#[wasm_bindgen_test]
async fn moving_between_pages_and_playing_the_lab_do_not_grow_memory() {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/en/glossary"))
        .unwrap();
    leptos::mount::mount_to(container(), App).forget();
    settle(50).await;
    // First every page once, and the lab: what is made once (the reactive arena growing to
    // the largest page, caches) is made before anything is measured.
    for _ in 0..3 {
        for page in PAGES {
            visit(&format!("/en/{page}")).await;
        }
        visit("/en/scenario?mode=lab&day=3").await;
    }
    // Each page, to the not-found page and back. Something short-lived can fall into one
    // page's rounds and out of another's, so the pages are judged together, over all their
    // rounds: a page that leaks what it shows would still lift the mean far above the noise.
    let rounds = 40;
    visit("/en/nowhere").await;
    settle(500).await;
    let before = live();
    for page in PAGES {
        let at = format!("/en/{page}");
        growth(&format!("page /en/{page}"), rounds, async || {
            visit(&at).await;
            visit("/en/nowhere").await;
        })
        .await;
    }
    settle(500).await;
    // Each page's growth counts its ten warm-up rounds too.
    let mean = (live() - before) / ((rounds + 10) * PAGES.len()) as isize;
    web_sys::console::log_1(&format!("all pages: {mean} bytes a round").into());
    assert!(mean <= NOISE, "pages: {mean} bytes a round");
    let mut found = Vec::new();
    // The lab stepping through its days, as Play does, and a new world each time.
    visit("/en/scenario?mode=lab&day=0").await;
    lab_button(0).await;
    let mut day = 0;
    found.push(
        growth("a lab day", 60, async || {
            day = (day + 1) % 60;
            visit(&format!("/en/scenario?mode=lab&day={day}")).await;
        })
        .await,
    );
    // The same through the app's own navigation: the Step button, as Play's timer does.
    visit("/en/scenario?mode=lab&day=0").await;
    let step = lab_button(1).await;
    found.push(
        growth("a lab step", 60, async || {
            step.click();
            settle(5).await;
        })
        .await,
    );
    let mut seed = 0;
    found.push(
        growth("a new lab world", 20, async || {
            seed += 1;
            visit(&format!("/en/scenario?mode=lab&seed={seed}")).await;
            settle(50).await;
        })
        .await,
    );
    assert!(found.iter().all(|per| *per <= NOISE), "{found:?}");
}
