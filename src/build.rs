//! Build script (named in Cargo.toml). It does work only for the `shell-only` feature, the
//! build that measures the shell alone (`npm run size -- --shell`, `pages::placeholder`):
//! it writes the locale files that build compiles in, keeping the shell's own files whole
//! and, from the content sections' files, only the story scenes' titles (a lesson's bar
//! names its stops). The content sections' strings belong to those sections, as their code
//! does, so the measured shell leaves both out. Every other build reads `src/i18n/` as it is.

use std::path::Path;
use std::{env, fs};

/// The shell's own locale files, compiled in whole.
const SHELL_FILES: [&str; 3] = ["shell", "home", "lesson"];
/// The content sections' locale files, of which the shell keeps only `keep` keys.
const CONTENT_FILES: [&str; 5] = ["roles", "lifecycle", "tools", "scenario", "glossary"];

/// Whether the shell uses `key` from a content section's file: a story scene's title.
fn keep(key: &str) -> bool {
    key.strip_prefix("scenario.scene.")
        .and_then(|rest| rest.strip_suffix(".title"))
        .is_some_and(|slug| !slug.contains('.'))
}

fn main() {
    println!("cargo:rerun-if-changed=src/build.rs");
    if env::var_os("CARGO_FEATURE_SHELL_ONLY").is_none() {
        return;
    }
    println!("cargo:rerun-if-changed=src/i18n");
    let out = Path::new(&env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("locales");
    for lang in ["en", "he"] {
        let dir = out.join(lang);
        fs::create_dir_all(&dir).expect("create the locale folder");
        for name in SHELL_FILES.iter().chain(&CONTENT_FILES) {
            let source = fs::read_to_string(format!("src/i18n/{lang}/{name}.txt"))
                .expect("read a locale file");
            let text = if SHELL_FILES.contains(name) {
                source
            } else {
                source
                    .lines()
                    .filter(|line| line.split_once(" = ").is_some_and(|(k, _)| keep(k.trim())))
                    .map(|line| format!("{line}\n"))
                    .collect()
            };
            fs::write(dir.join(format!("{name}.txt")), text).expect("write a locale file");
        }
    }
}
