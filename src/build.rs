//! Build script (named in Cargo.toml): compiles the locale files (`src/i18n/{en,he}/*.txt`)
//! into the compact catalogue the app carries, `OUT_DIR/catalog.rs`: every key once, sorted,
//! one per line, and each language's values in the same order, one per line. Comments and
//! the second copy of every key stay out of the download (`i18n::catalog` reads it back).
//!
//! For the `shell-only` feature, the build that measures the shell alone (`npm run size --
//! --shell`, `pages::placeholder`), it keeps the shell's own files whole and, from the
//! content sections' files, only the story scenes' titles (a lesson's bar names its stops):
//! the content sections' strings belong to those sections, as their code does.
//!
//! A malformed line, a key defined twice or a key one language lacks stops the build with
//! the file and key; `tests/i18n_parity.rs` checks the same and more on the files as written.

use std::collections::BTreeMap;
use std::path::Path;
use std::{env, fs};

const LANGS: [&str; 2] = ["en", "he"];
/// The shell's own locale files, which the shell-only build keeps whole.
const SHELL_FILES: [&str; 3] = ["shell", "home", "lesson"];

/// Whether the shell uses `key` from a content section's file: a story scene's title.
fn shell_uses(key: &str) -> bool {
    key.strip_prefix("scenario.scene.")
        .and_then(|rest| rest.strip_suffix(".title"))
        .is_some_and(|slug| !slug.contains('.'))
}

/// One language's strings, by key, from every locale file in its folder.
fn read_language(lang: &str, shell_only: bool) -> BTreeMap<String, String> {
    let dir = format!("src/i18n/{lang}");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {dir}: {e}"))
        .map(|entry| entry.expect("a locale folder entry").file_name())
        .filter_map(|name| name.to_str()?.strip_suffix(".txt").map(str::to_string))
        .collect();
    names.sort();
    let mut strings = BTreeMap::new();
    for name in names {
        let path = format!("{dir}/{name}.txt");
        let source = fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
        let whole = !shell_only || SHELL_FILES.contains(&name.as_str());
        for (index, raw) in source.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((key, value)) = line.split_once(" = ") else {
                panic!("{path} line {}: not `key = value`: {raw}", index + 1);
            };
            let key = key.trim();
            if !whole && !shell_uses(key) {
                continue;
            }
            if strings
                .insert(key.to_string(), value.trim().to_string())
                .is_some()
            {
                panic!("{path}: the key {key} is defined twice in {lang}/");
            }
        }
    }
    strings
}

fn main() {
    println!("cargo:rerun-if-changed=src/build.rs");
    // A folder: cargo looks at every file under it.
    println!("cargo:rerun-if-changed=src/i18n");
    let shell_only = env::var_os("CARGO_FEATURE_SHELL_ONLY").is_some();
    let languages: Vec<BTreeMap<String, String>> = LANGS
        .iter()
        .map(|lang| read_language(lang, shell_only))
        .collect();
    let keys: Vec<&String> = languages[0].keys().collect();
    for (lang, strings) in LANGS.iter().zip(&languages).skip(1) {
        if let Some(key) = keys.iter().find(|key| !strings.contains_key(**key)) {
            panic!("{lang}/ lacks the key {key} that en/ has");
        }
        if let Some(key) = strings.keys().find(|key| !languages[0].contains_key(*key)) {
            panic!("en/ lacks the key {key} that {lang}/ has");
        }
    }
    let join = |items: Vec<&String>| {
        items
            .into_iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let values: Vec<String> = languages
        .iter()
        .map(|strings| format!("{:?}", join(strings.values().collect())))
        .collect();
    let code = format!(
        "/// Every key, sorted, one per line.\n\
         const KEYS: &str = {:?};\n\
         /// Each language's values, in `Lang::ALL`'s order, one per line in the keys' order.\n\
         const VALUES: [&str; {}] = [{}];\n",
        join(keys),
        LANGS.len(),
        values.join(", ")
    );
    let out = Path::new(&env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalog.rs");
    fs::write(out, code).expect("write the catalogue");
}
