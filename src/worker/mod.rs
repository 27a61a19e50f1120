//! The simulation's worker: a second WebAssembly binary (`src/bin/sim_worker.rs`) that runs
//! the engine off the page's main thread, behind **gloo-worker**. The page spawns it only
//! when a page needs a run (`crate::sim_client`), sends a `Request` and receives a
//! `Response`, both crossing as serde values in gloo-worker's bincode codec.
//!
//! `SimWorker` is declared once for both binaries: the page needs the type to spawn the
//! worker and to name its messages, the worker runs it. Only the worker's build has the
//! engine (`feature = "engine"`), so only there does `received` compute anything.

pub mod protocol;

#[cfg(target_arch = "wasm32")]
pub use self::agent::SimWorker;

#[cfg(target_arch = "wasm32")]
mod agent {
    use super::protocol::{Request, Response};
    use gloo_worker::{HandlerId, Worker, WorkerScope};

    /// The simulation's worker. It keeps one `sim::Session` between runs, so a moved
    /// slider reuses the history and the champion.
    pub struct SimWorker {
        #[cfg(feature = "engine")]
        engine: super::engine::Engine,
    }

    impl Worker for SimWorker {
        type Message = ();
        type Input = Request;
        type Output = Response;

        fn create(_scope: &WorkerScope<Self>) -> Self {
            SimWorker {
                #[cfg(feature = "engine")]
                engine: super::engine::Engine::default(),
            }
        }

        fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

        fn connected(&mut self, scope: &WorkerScope<Self>, id: HandlerId) {
            #[cfg(feature = "engine")]
            super::engine::report_panics_to(scope, id);
            #[cfg(not(feature = "engine"))]
            let _ = (scope, id);
        }

        fn received(&mut self, scope: &WorkerScope<Self>, request: Request, id: HandlerId) {
            #[cfg(feature = "engine")]
            {
                let response = self.engine.answer(request);
                scope.respond(id, response);
            }
            // The page's build spawns this worker and never runs it.
            #[cfg(not(feature = "engine"))]
            let _ = (scope, request, id);
        }
    }
}

#[cfg(all(target_arch = "wasm32", feature = "engine"))]
mod engine;
#[cfg(all(target_arch = "wasm32", feature = "engine"))]
pub use self::engine::install_panic_hook;
