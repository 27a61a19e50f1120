//! Architecture invariant: `src/sim` is pure. It uses no browser or UI crate, does no I/O,
//! reads no clock and prints nothing, so it runs the same natively and in WebAssembly.
//! This test reads the sources and fails on any forbidden name.

#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

const FORBIDDEN: &[&str] = &[
    "leptos",
    "web_sys",
    "web-sys",
    "js_sys",
    "js-sys",
    "wasm_bindgen",
    "wasm-bindgen",
    "gloo",
    "plotters",
    // The crate's own UI and drawing layers, and its text: the simulation returns data.
    "crate::app",
    "crate::components",
    "crate::pages",
    "crate::platform",
    "crate::nav",
    "crate::sim_client",
    "crate::worker",
    "crate::charts",
    "crate::i18n",
    "crate::lesson",
    "crate::scenario",
    "crate::display",
    "crate::teach",
    "std::fs",
    "std::io",
    "std::net",
    "std::env",
    "std::time",
    "std::thread",
    "Instant",
    "SystemTime",
    "println!",
    "eprintln!",
    "print!",
    "dbg!",
    "thread_rng",
    "SmallRng",
    "getrandom",
    "f64::exp",
    ".exp()",
    ".ln()",
    ".sqrt()",
    ".powf(",
    ".powi(",
    "HashMap",
];

fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).expect("src/sim exists") {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = fs::read_to_string(&path).unwrap();
            out.push((path.display().to_string(), text));
        }
    }
}

fn sim_sources() -> Vec<(String, String)> {
    let mut out = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/sim"),
        &mut out,
    );
    assert!(
        out.len() >= 10,
        "expected the sim's files, found {}",
        out.len()
    );
    out
}

#[test]
fn the_simulation_uses_no_browser_crate_no_io_and_no_platform_math() {
    let mut problems = Vec::new();
    for (path, text) in sim_sources() {
        for (n, line) in text.lines().enumerate() {
            // Comments may name what the module avoids.
            let code = line.split("//").next().unwrap_or("");
            for word in FORBIDDEN {
                if code.contains(word) {
                    problems.push(format!("{path}:{}: uses `{word}`", n + 1));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_simulation_file_opens_with_a_module_doc_block() {
    for (path, text) in sim_sources() {
        assert!(
            text.starts_with("//!"),
            "{path} must start with a //! block"
        );
    }
}
