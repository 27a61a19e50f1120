//! The browser entry point: install the panic hook, mount the app.

fn main() {
    #[cfg(target_arch = "wasm32")]
    mlops_lab::start();
}
