//! The simulation off the page's main thread. The worker (`public/sim-worker.js`) loads
//! the page's own WebAssembly module (on a release page, the module the loader compiled,
//! handed over as it is), so nothing extra is downloaded or compiled, and calls
//! `simulate`, which keeps one `sim::Session` between runs. Configurations go in and
//! outcomes come back in `sim::wire` bytes.
//!
//! On the page, `request` sends a configuration and hands the outcome to the scenario page
//! when it arrives. While one run is in the worker, newer requests wait and only the newest
//! is sent next, so a dragged slider never queues stale runs. When there is no worker (it
//! cannot start, or fails), `request` says so and the page runs the simulation itself.

use crate::sim::wire::{decode, encode};
use crate::sim::{Config, Outcome, Session};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

thread_local! {
    static SESSION: RefCell<Session> = RefCell::new(Session::new());
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// Runs the simulation for a wire-encoded `Config` and answers with the wire-encoded
/// `Option<Outcome>`: none for bytes that are not a valid configuration
/// (the page then runs it itself; it only ever sends valid ones). Called inside the worker.
/// (Not exported from the shell-only build, which has no scenario: see `pages::placeholder`.)
#[cfg_attr(not(feature = "shell-only"), wasm_bindgen)]
pub fn simulate(config: &[u8]) -> Vec<u8> {
    let outcome: Option<Outcome> = decode::<Config>(config)
        .and_then(|config| SESSION.with(|s| s.borrow_mut().run(&config)).ok());
    encode(&outcome)
}

/// What the page is told: an outcome, or that the worker cannot serve it.
pub type Deliver = Rc<dyn Fn(Option<Outcome>)>;

struct Client {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
    in_flight: bool,
    pending: Option<Config>,
    deliver: Option<Deliver>,
    broken: bool,
}

/// The URLs of the page's JavaScript bindings and WebAssembly module: a release page's
/// loader names them (`.ci/loader.mjs`), a debug page preloads them in its head.
fn module_urls() -> Option<(String, String)> {
    let document = web_sys::window()?.document()?;
    let base = document.base_uri().ok()??;
    let find = |selector: &str, attribute: &str| {
        document
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute(attribute))
            .and_then(|h| web_sys::Url::new_with_base(&h, &base).ok())
            .map(|u| u.href())
    };
    Some((
        find("script[data-app-js]", "data-app-js")
            .or_else(|| find(r#"link[rel="modulepreload"][href$=".js"]"#, "href"))?,
        find("script[data-app-wasm]", "data-app-wasm")
            .or_else(|| find(r#"link[rel="preload"][href$=".wasm"]"#, "href"))?,
    ))
}

fn start(base: &str) -> Option<Client> {
    let (js, wasm) = module_urls()?;
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker =
        web_sys::Worker::new_with_options(&format!("{base}/sim-worker.js"), &options).ok()?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
            let bytes = js_sys::Reflect::get(&event.data(), &"bytes".into())
                .ok()
                .and_then(|b| b.dyn_into::<js_sys::Uint8Array>().ok())
                .map(|b| b.to_vec());
            let outcome = bytes.and_then(|b| decode::<Option<Outcome>>(&b)).flatten();
            answered(outcome);
        });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|_event: web_sys::Event| {
        CLIENT.with(|c| {
            if let Some(c) = c.borrow_mut().as_mut() {
                c.broken = true;
            }
        });
        answered(None);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"js".into(), &js.into()).ok()?;
    js_sys::Reflect::set(&init, &"wasm".into(), &wasm.into()).ok()?;
    // A release page's loader keeps the compiled module (`.ci/loader.mjs`): the worker
    // instantiates it instead of fetching and compiling the file again.
    if let Some(module) = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"mlopsLabModule".into()).ok())
        .filter(|m| m.is_instance_of::<js_sys::WebAssembly::Module>())
    {
        js_sys::Reflect::set(&init, &"module".into(), &module).ok()?;
    }
    worker.post_message(&init).ok()?;
    Some(Client {
        worker,
        _on_message: on_message,
        _on_error: on_error,
        in_flight: false,
        pending: None,
        deliver: None,
        broken: false,
    })
}

fn send(client: &mut Client, config: &Config) -> bool {
    let bytes = encode(config);
    let message = js_sys::Object::new();
    let array = js_sys::Uint8Array::from(&bytes[..]);
    let sent = js_sys::Reflect::set(&message, &"config".into(), &array).is_ok()
        && client.worker.post_message(&message).is_ok();
    client.in_flight = sent;
    sent
}

/// A run came back (or the worker failed): send the newest waiting request, then hand
/// the outcome to the page. A failed worker hands `None`, and the page runs the
/// simulation itself from then on.
fn answered(outcome: Option<Outcome>) {
    let deliver = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let client = c.as_mut()?;
        client.in_flight = false;
        if outcome.is_some()
            && !client.broken
            && let Some(next) = client.pending.take()
        {
            send(client, &next);
        }
        client.deliver.clone()
    });
    if let Some(deliver) = deliver {
        deliver(outcome);
    }
}

/// Asks the worker to run `config` and to hand the outcome to `deliver`. Returns false
/// when there is no working worker: the caller then runs the simulation itself.
pub fn request(base: &str, config: Config, deliver: Deliver) -> bool {
    CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = start(base);
        }
        let Some(client) = c.as_mut().filter(|c| !c.broken) else {
            return false;
        };
        client.deliver = Some(deliver);
        if client.in_flight {
            client.pending = Some(config);
            true
        } else {
            send(client, &config)
        }
    })
}

/// True while a run is in the worker or waiting for it.
pub fn busy() -> bool {
    CLIENT.with(|c| {
        c.borrow()
            .as_ref()
            .is_some_and(|c| c.in_flight || c.pending.is_some())
    })
}

/// Stops handing outcomes to a page that is gone (the worker stays for the next visit).
pub fn forget_page() {
    CLIENT.with(|c| {
        if let Some(c) = c.borrow_mut().as_mut() {
            c.deliver = None;
            c.pending = None;
        }
    });
}
