//! The scenario's binary: every page, the scenario's included (see `app::Pages`). trunk
//! builds it beside the sections' binary, and the loader picks it for the scenario's
//! address; moving on from the scenario to another section stays in it.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        use leptos::prelude::*;
        mlops_lab::start(mlops_lab::Pages {
            scenario: Some(|| view! { <mlops_lab::pages::scenario::ScenarioPage /> }.into_any()),
        });
    }
}
