//! Memory over time: what a page's views subscribe to must go with the page, and a page
//! move through the router must leave nothing behind, or every visit grows the wasm heap. A counting allocator measures live bytes exactly. (`npm run soak`
//! watches the release build moving between pages and playing the lab, from outside.)
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
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

/// What a round may leave without a leak worth the name. The same views subscribed to the
/// long-lived source itself leave about 75 bytes each behind, 7.5 KB a round here.
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

/// Moves the mounted router to a path.
type Navigate = Box<dyn Fn(&str)>;

thread_local! {
    /// The router's navigate function, taken from inside the mounted app.
    static NAVIGATE: std::cell::RefCell<Option<Navigate>> = Default::default();
}

/// A page with some reactive content of its own, as the app's section pages have.
#[component]
fn MemoryPage(name: &'static str) -> impl IntoView {
    let (count, set_count) = signal(0);
    let doubled = Memo::new(move |_| count.get() * 2);
    Effect::new(move |_| set_count.set(1));
    view! { <p>{name} {move || doubled.get()}</p> }
}

#[wasm_bindgen_test]
async fn moving_between_pages_leaves_nothing_behind() {
    use leptos_router::components::{Route, Router, Routes};
    use leptos_router::hooks::use_navigate;
    use leptos_router::{NavigateOptions, StaticSegment};
    let div = container();
    let start = web_sys::window().unwrap().location().href().unwrap();
    let _handle = leptos::mount::mount_to(div, || {
        view! {
            <Router>
                {move || {
                    let navigate = use_navigate();
                    NAVIGATE.with_borrow_mut(|slot| {
                        *slot = Some(Box::new(move |to: &str| {
                            navigate(to, NavigateOptions::default())
                        }));
                    });
                }}
                <Routes fallback=|| view! { <p>"none"</p> }>
                    <Route path=StaticSegment("memory-a") view=|| view! { <MemoryPage name="a" /> } />
                    <Route path=StaticSegment("memory-b") view=|| view! { <MemoryPage name="b" /> } />
                </Routes>
            </Router>
        }
    });
    let go = |to: &str| NAVIGATE.with_borrow(|navigate| navigate.as_ref().unwrap()(to));
    // A round is two moves: to one page and back to the other.
    let per = growth("two page moves in the router", 600, async || {
        go("/memory-a");
        settle(0).await;
        go("/memory-b");
        settle(0).await;
    })
    .await;
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&start))
        .unwrap();
    // As published, reactive_graph 0.2.16 left each page's owner allocation under the
    // router's owner and leptos_router 0.8.17 kept every address it went to: 496 bytes a
    // round. The fixes in vendor/ leave nothing.
    assert!(per <= 32, "{per} bytes a round");
}
