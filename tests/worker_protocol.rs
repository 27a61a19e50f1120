//! What crosses between the page and the simulation's worker: every request and response
//! goes through gloo-worker's codec (bincode over serde) and must come back equal, for every
//! preset's configuration and outcome.

#![cfg(not(target_arch = "wasm32"))]

use mlops_lab::sim::{Config, Preset, run};
use mlops_lab::worker::protocol::{Request, Response};

fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned>(value: &T) -> T {
    let bytes = bincode::serialize(value).expect("serialises");
    bincode::deserialize(&bytes).expect("deserialises")
}

#[test]
fn every_presets_request_and_outcome_cross_unchanged() {
    for preset in Preset::ALL {
        let config = Config::preset(preset);
        let request = Request::Run(config);
        assert_eq!(round_trip(&request), request, "{preset:?}");
        let outcome = run(&config).expect("a preset is valid");
        let response = Response::Ran(Box::new(outcome));
        assert_eq!(round_trip(&response), response, "{preset:?}");
    }
}

#[test]
fn the_failure_answers_cross_unchanged() {
    for response in [
        Response::Refused("cohort size out of range".into()),
        Response::Panicked("panicked at src/sim/run.rs".into()),
    ] {
        assert_eq!(round_trip(&response), response);
    }
}

#[test]
fn a_truncated_message_is_an_error_not_a_wrong_value() {
    let outcome = run(&Config::default()).expect("the default is valid");
    let bytes = bincode::serialize(&Response::Ran(Box::new(outcome))).expect("serialises");
    for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            bincode::deserialize::<Response>(&bytes[..cut]).is_err(),
            "cut at {cut}"
        );
    }
}
