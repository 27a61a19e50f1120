//! Build script (named in Cargo.toml): compiles the locale files (`src/i18n/{en,he}/*.txt`)
//! into the compact catalogue the app carries, `OUT_DIR/catalog.rs`: every key once, sorted,
//! one per line, and each language's values in the same order, one per line, with each
//! Hebrew letter in one byte (`encode`). Comments and the second copy of every key stay
//! out of the download (`i18n::catalog` reads it back).
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

/// The values in the form the app carries (`i18n::decode` reads it back): ASCII as it is,
/// each character of the Hebrew block (U+0590 to U+05FF) as one byte from 0x80, and any
/// other character as 0xFF and its UTF-8 bytes. UTF-8 spends two bytes on every Hebrew
/// letter, and the download is compressed less well for it (about 2.5 KB more).
fn encode(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let code = c as u32;
        if code < 0x80 {
            out.push(code as u8);
        } else if (0x590..0x600).contains(&code) {
            out.push((0x80 + code - 0x590) as u8);
        } else {
            out.push(0xFF);
            out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        }
    }
    out
}

/// A Rust byte-string literal of `bytes`.
fn byte_literal(bytes: &[u8]) -> String {
    let mut out = String::from("b\"");
    for &b in bytes {
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push('"');
    out
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
        .map(|strings| byte_literal(&encode(&join(strings.values().collect()))))
        .collect();
    let code = format!(
        "/// Every key, sorted, one per line.\n\
         const KEYS: &str = {:?};\n\
         /// Each language's values, in `Lang::ALL`'s order, one per line in the keys' order,\n\
         /// in the one-byte Hebrew form `i18n::decode` reads.\n\
         const VALUES: [&[u8]; {}] = [{}];\n",
        join(keys),
        LANGS.len(),
        values.join(", ")
    );
    let out = Path::new(&env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalog.rs");
    fs::write(out, code).expect("write the catalogue");
}
