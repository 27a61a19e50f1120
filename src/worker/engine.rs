//! The worker's side: the engine that answers each request, and the panic hook that tells
//! the page before the worker stops.

use super::SimWorker;
use super::protocol::{Request, Response};
use crate::sim::Session;
use gloo_worker::{HandlerId, WorkerScope};
use std::cell::RefCell;
use wasm_bindgen::JsCast;

/// The worker's state: one `Session`, reused between runs.
#[derive(Default)]
pub struct Engine {
    session: Session,
}

impl Engine {
    /// Answers one request.
    pub fn answer(&mut self, request: Request) -> Response {
        match request {
            Request::Run(config) => match self.session.run(&config) {
                Ok(outcome) => Response::Ran(Box::new(outcome)),
                Err(error) => Response::Refused(error.to_string()),
            },
            Request::Draw { key, chart } => Response::Drawn {
                key,
                drawn: crate::charts::draw::draw(&chart),
            },
        }
    }
}

thread_local! {
    /// The page's bridge, for the panic hook.
    static PAGE: RefCell<Option<(WorkerScope<SimWorker>, HandlerId)>> =
        const { RefCell::new(None) };
}

/// Remembers whom to tell if the worker panics.
pub fn report_panics_to(scope: &WorkerScope<SimWorker>, id: HandlerId) {
    PAGE.with(|p| *p.borrow_mut() = Some((scope.clone(), id)));
}

/// Installs the hook: a panic is logged, sent to the page as `Response::Panicked`, and the
/// worker closes itself (with `panic = "abort"` its state is not to be trusted after).
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&format!("simulation worker: {message}").into());
        if let Some((scope, id)) = PAGE.with(|p| p.borrow_mut().take()) {
            scope.respond(id, Response::Panicked(message));
        }
        if let Ok(global) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() {
            global.close();
        }
    }));
}
