//! The simulation's worker binary: registers `SimWorker` with gloo-worker. trunk builds it
//! beside the page (`data-type="worker"` in `index.html`); the page spawns it on demand.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        use gloo_worker::Registrable;
        mlops_lab::worker::install_panic_hook();
        // Its memory, for `npm run soak` to read from outside (`self.wasmMemory`).
        let _ = js_sys::Reflect::set(
            &js_sys::global(),
            &"wasmMemory".into(),
            &wasm_bindgen::memory(),
        );
        mlops_lab::worker::SimWorker::registrar().register();
    }
}
