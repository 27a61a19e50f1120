//! The sections' binary: every page but the scenario (see `app::Pages`). Installs the panic
//! hook and mounts the app.

fn main() {
    #[cfg(target_arch = "wasm32")]
    mlops_lab::start(mlops_lab::Pages { scenario: None });
}
