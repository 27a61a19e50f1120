//! The page's side of the simulation's worker (`crate::worker`). The worker is spawned
//! through gloo-worker the first time a page asks for a run, so pages without the scenario
//! never download it. It runs the simulation and draws the charts.
//!
//! While one run is in the worker, newer requests wait and only the newest is sent next, so
//! a dragged slider never queues stale runs; each chart figure likewise has at most one
//! drawing in the worker and one waiting. A worker that panics says so before it stops
//! (`Response::Panicked`); one that never answers (its files failed to load, or it hangs)
//! is given up on after a watchdog's delay. Either way the page is told `Answer::Failed`
//! and keeps its last outcome; `restart` spawns a new worker and sends the newest request.

use crate::charts::spec::{ChartRequest, Drawn};
use crate::sim::{Config, Outcome};
use crate::worker::SimWorker;
use crate::worker::protocol::{Request, Response};
use gloo_events::EventListener;
use gloo_worker::{Spawnable, WorkerBridge};
use leptos::prelude::{TimeoutHandle, set_timeout_with_handle};
use std::cell::Cell;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// How long the first answer may take: it includes downloading and compiling the worker.
const FIRST_ANSWER: Duration = Duration::from_secs(20);
/// How long a later answer may take (a run takes tens of milliseconds).
const LATER_ANSWER: Duration = Duration::from_secs(8);

/// What the page is told.
#[derive(Clone, Debug)]
pub enum Answer {
    /// The outcome of the newest configuration sent.
    Outcome(Box<Outcome>),
    /// The worker failed; `restart` tries again.
    Failed,
}

/// Receives the answers.
pub type Deliver = Rc<dyn Fn(Answer)>;

/// Receives a figure's drawings.
pub type DeliverDrawing = Rc<dyn Fn(Drawn)>;

/// A chart figure's drawings: who receives them, and what is asked.
struct Figure {
    deliver: DeliverDrawing,
    /// The newest request not yet sent (or, after a failure, to send again).
    pending: Option<ChartRequest>,
    /// The request in the worker, kept to send again after a restart.
    sent: Option<ChartRequest>,
}

impl Figure {
    /// Sends `chart` to be drawn for the figure `key`, and keeps it until it comes back.
    fn send(&mut self, bridge: &WorkerBridge<SimWorker>, key: u32, chart: ChartRequest) {
        self.sent = Some(chart.clone());
        bridge.send(Request::Draw { key, chart });
    }
}

struct Client {
    bridge: WorkerBridge<SimWorker>,
    /// A worker that fails before its Rust code runs (its files did not load) can only
    /// report it as an uncaught error, which the browser passes on to the page's window.
    _load_errors: Option<EventListener>,
    answered_once: bool,
    in_flight: Option<Config>,
    pending: Option<Config>,
    watchdog: Option<TimeoutHandle>,
    failed: bool,
    figures: HashMap<u32, Figure>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
    static DELIVER: RefCell<Option<Deliver>> = const { RefCell::new(None) };
    static NEXT_KEY: Cell<u32> = const { Cell::new(0) };
}

fn spawn(base: &str) -> Client {
    let bridge = SimWorker::spawner()
        .callback(|response| answered(Some(response)))
        .spawn(&format!("{}/sim-worker.js", base.trim_end_matches('/')));
    let load_errors = web_sys::window().map(|window| {
        EventListener::new(&window, "error", |event| {
            let from_worker = event.dyn_ref::<web_sys::ErrorEvent>().is_some_and(|e| {
                e.message().contains("sim-worker") || e.filename().starts_with("blob:")
            });
            if from_worker {
                answered(None);
            }
        })
    });
    Client {
        bridge,
        _load_errors: load_errors,
        answered_once: false,
        in_flight: None,
        pending: None,
        watchdog: None,
        failed: false,
        figures: HashMap::new(),
    }
}

fn send(client: &mut Client, config: Config) {
    client.bridge.send(Request::Run(config));
    client.in_flight = Some(config);
    let delay = if client.answered_once {
        LATER_ANSWER
    } else {
        FIRST_ANSWER
    };
    if let Some(old) = client.watchdog.take() {
        old.clear();
    }
    client.watchdog = set_timeout_with_handle(|| answered(None), delay).ok();
}

/// A response arrived, or (`None`) the watchdog gave up waiting.
fn answered(response: Option<Response>) {
    if let Some(Response::Drawn { key, drawn }) = response {
        return drawing_arrived(key, drawn);
    }
    let answer = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let client = c.as_mut()?;
        if client.failed {
            return None;
        }
        if let Some(watchdog) = client.watchdog.take() {
            watchdog.clear();
        }
        let sent = client.in_flight.take();
        match response {
            Some(Response::Ran(outcome)) => {
                client.answered_once = true;
                if let Some(next) = client.pending.take() {
                    send(client, next);
                }
                Some(Answer::Outcome(outcome))
            }
            Some(Response::Refused(error)) => {
                // Every configuration sent was parsed and checked first: a bug, not input.
                leptos::logging::error!("the simulation refused a configuration: {error}");
                client.answered_once = true;
                if let Some(next) = client.pending.take() {
                    send(client, next);
                }
                None
            }
            Some(Response::Drawn { .. }) => None,
            Some(Response::Panicked(_)) | None => {
                // Kept for `restart`: the newest configuration asked for.
                client.failed = true;
                client.pending = client.pending.take().or(sent);
                Some(Answer::Failed)
            }
        }
    });
    if let Some(answer) = answer
        && let Some(deliver) = DELIVER.with(|d| d.borrow().clone())
    {
        deliver(answer);
    }
}

/// Asks for a run of `config`, answered through `deliver`. `base` is the site's base path,
/// where the worker's files are.
pub fn request(base: &str, config: Config, deliver: Deliver) {
    DELIVER.with(|d| *d.borrow_mut() = Some(deliver.clone()));
    let failed = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let client = c.get_or_insert_with(|| spawn(base));
        if client.failed {
            client.pending = Some(config);
            return true;
        }
        if client.in_flight.is_some() {
            client.pending = Some(config);
        } else {
            send(client, config);
        }
        false
    });
    if failed {
        deliver(Answer::Failed);
    }
}

/// Drops a failed (or any) worker and sends the newest request to a new one.
pub fn restart(base: &str) {
    let old = CLIENT.with(|c| c.borrow_mut().take());
    let Some(old) = old else { return };
    if let Some(watchdog) = old.watchdog {
        watchdog.clear();
    }
    let newest = old.pending.or(old.in_flight);
    // Dropping the bridge asks the worker to close; a worker that stopped ignores it.
    drop(old.bridge);
    CLIENT.with(|c| {
        let mut client = spawn(base);
        if let Some(config) = newest {
            send(&mut client, config);
        }
        // Every figure's newest chart, drawn again by the new worker.
        for (key, mut figure) in old.figures {
            if let Some(chart) = figure.pending.take().or(figure.sent.take()) {
                figure.send(&client.bridge, key, chart);
            }
            client.figures.insert(key, figure);
        }
        *c.borrow_mut() = Some(client);
    });
}

/// True while a run is in the worker or waiting for it.
pub fn busy() -> bool {
    CLIENT.with(|c| {
        c.borrow()
            .as_ref()
            .is_some_and(|c| !c.failed && (c.in_flight.is_some() || c.pending.is_some()))
    })
}

/// Stops handing answers to a page that is gone (the worker stays for the next visit).
pub fn forget_page() {
    DELIVER.with(|d| *d.borrow_mut() = None);
    CLIENT.with(|c| {
        if let Some(c) = c.borrow_mut().as_mut() {
            c.pending = None;
        }
    });
}

/// A new figure's key, for `draw`.
pub fn figure_key() -> u32 {
    NEXT_KEY.with(|k| {
        let key = k.get();
        k.set(key.wrapping_add(1));
        key
    })
}

/// Asks the worker to draw `chart` for the figure `key` (spawning it if need be, with the
/// site's base path `base`); the drawing goes to `deliver`. A figure's older requests that
/// have not been sent yet are dropped.
pub fn draw(base: &str, key: u32, chart: ChartRequest, deliver: DeliverDrawing) {
    CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let client = c.get_or_insert_with(|| spawn(base));
        let figure = client.figures.entry(key).or_insert_with(|| Figure {
            deliver: deliver.clone(),
            pending: None,
            sent: None,
        });
        figure.deliver = deliver;
        if figure.sent.is_some() || client.failed {
            figure.pending = Some(chart);
        } else {
            figure.send(&client.bridge, key, chart);
        }
    });
}

/// Stops drawing for a figure that is gone.
pub fn forget_figure(key: u32) {
    CLIENT.with(|c| {
        if let Some(client) = c.borrow_mut().as_mut() {
            client.figures.remove(&key);
        }
    });
}

/// A drawing came back: send the figure's newest waiting chart, then hand this one over.
fn drawing_arrived(key: u32, drawn: Drawn) {
    let deliver = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let client = c.as_mut()?;
        let figure = client.figures.get_mut(&key)?;
        figure.sent = None;
        if let Some(chart) = figure.pending.take() {
            figure.send(&client.bridge, key, chart);
        }
        Some(figure.deliver.clone())
    });
    if let Some(deliver) = deliver {
        deliver(drawn);
    }
}
