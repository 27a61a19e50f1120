//! Content parity between the languages: the locale files parse, hold the same keys with
//! the same placeholders, and every key the code uses exists. A Hebrew string that is an
//! untranslated copy of the English one fails too.

mod common;

use common::rust_files;

use mlops_lab::i18n::{Catalog, LOCALE_SOURCES, Lang, placeholders};
use mlops_lab::sections::Section;
use std::collections::BTreeSet;
use std::path::Path;

fn catalogs() -> Vec<(Lang, Catalog)> {
    LOCALE_SOURCES
        .iter()
        .map(|(lang, files)| {
            for (name, text) in files.iter() {
                if let Err(e) = Catalog::parse(text) {
                    panic!("{}/{name}.txt line {}: {}", lang.code(), e.line, e.text);
                }
            }
            let sources: Vec<&'static str> = files.iter().map(|(_, text)| *text).collect();
            let catalog = Catalog::parse_all(&sources)
                .unwrap_or_else(|e| panic!("{}/: {}", lang.code(), e.text));
            (*lang, catalog)
        })
        .collect()
}

fn keys(catalog: &Catalog) -> BTreeSet<&'static str> {
    catalog.keys().collect()
}

#[test]
fn both_languages_have_the_same_locale_files() {
    fn names(files: &[(&'static str, &'static str)]) -> Vec<&'static str> {
        files.iter().map(|(name, _)| *name).collect()
    }
    let en = names(LOCALE_SOURCES[0].1);
    for (lang, files) in &LOCALE_SOURCES[1..] {
        assert_eq!(en, names(files), "{lang:?}");
    }
}

/// Each key sits in the file of its language that has the same name in the other one, so
/// a translator finds it where the original is.
#[test]
fn every_key_sits_in_the_same_file_in_both_languages() {
    let en = LOCALE_SOURCES[0].1;
    for (lang, other) in &LOCALE_SOURCES[1..] {
        for ((name, en_text), (_, other_text)) in en.iter().zip(other.iter()) {
            let en_keys = keys(&Catalog::parse(en_text).unwrap());
            let other_keys = keys(&Catalog::parse(other_text).unwrap());
            assert_eq!(
                en_keys,
                other_keys,
                "keys of {name}.txt differ between en/ and {}/",
                lang.code()
            );
        }
    }
}

#[test]
fn every_key_exists_in_both_languages() {
    let all = catalogs();
    let en = keys(&all[0].1);
    for (lang, catalog) in &all[1..] {
        let other = keys(catalog);
        let only_en: Vec<_> = en.difference(&other).collect();
        let only_other: Vec<_> = other.difference(&en).collect();
        assert!(
            only_en.is_empty() && only_other.is_empty(),
            "only in en/: {only_en:?}\nonly in {}/: {only_other:?}",
            lang.code()
        );
    }
}

#[test]
fn both_languages_use_the_same_placeholders_and_no_value_is_empty() {
    let all = catalogs();
    let en = &all[0].1;
    for (lang, other) in &all[1..] {
        for key in en.keys() {
            let (e, o) = (en.get(key).unwrap(), other.get(key).unwrap_or_default());
            assert!(
                !e.is_empty() && !o.is_empty(),
                "{key} is empty in en or {}",
                lang.code()
            );
            assert_eq!(
                placeholders(e),
                placeholders(o),
                "placeholders differ for {key} in {}",
                lang.code()
            );
        }
    }
}

/// Keys whose Hebrew value is rightly Latin: names that Hebrew speakers use as they are.
const LATIN_IN_HEBREW: &[&str] = &[
    "lang.other",
    "role.dev.name",
    "role.ops.name",
    "scenario.monitor.psi",
    "scenario.monitor.js",
    "scenario.monitor.w",
    // Metric names the Hebrew text keeps in English, as the glossary chooses them.
    "scenario.threshold.accuracy",
    "scenario.threshold.precision",
    "scenario.threshold.recall",
    "scenario.threshold.f1",
    // "195K": Hebrew charts abbreviate thousands with a Latin K too; see he/shell.txt.
    "number.thousands",
];

#[test]
fn hebrew_strings_are_written_in_hebrew() {
    let all = catalogs();
    let he = &all[1].1;
    for key in he.keys() {
        let value = he.get(key).unwrap();
        // Placeholders are names, not text.
        let text: String = value
            .split('{')
            .map(|part| part.split_once('}').map_or(part, |(_, rest)| rest))
            .collect();
        let value = text.as_str();
        let has_letters = value.chars().any(|c| c.is_alphabetic());
        let has_hebrew = value
            .chars()
            .any(|c| ('\u{0590}'..='\u{05FF}').contains(&c));
        if has_letters && !LATIN_IN_HEBREW.contains(&key) {
            assert!(has_hebrew, "he/ {key} has no Hebrew: {value}");
        }
    }
}

#[test]
fn every_section_has_a_title_a_navigation_label_and_a_summary_in_both_languages() {
    for (lang, catalog) in catalogs() {
        for section in Section::ALL {
            for key in [
                section.title_key(),
                section.nav_key(),
                section.summary_key(),
            ] {
                assert!(catalog.get(&key).is_some(), "{}/ lacks {key}", lang.code());
            }
        }
    }
}

/// Every string literal in the code that looks like a locale key (`ns.name`, where `ns` is
/// a namespace the locale files use) must exist; a typo shows as the raw key otherwise.
#[test]
fn every_key_the_code_names_exists() {
    let all = catalogs();
    let known = keys(&all[0].1);
    let namespaces: BTreeSet<&str> = known.iter().filter_map(|k| k.split('.').next()).collect();
    let mut missing = Vec::new();
    for file in rust_files(Path::new(env!("CARGO_MANIFEST_DIR")).join("src").as_path()) {
        let text = std::fs::read_to_string(&file).unwrap();
        for literal in text.split('"').skip(1).step_by(2) {
            let looks_like_key = literal.contains('.')
                && !literal.ends_with('.')
                && literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_');
            let namespace = literal.split('.').next().unwrap_or("");
            if looks_like_key && namespaces.contains(namespace) && !known.contains(literal) {
                missing.push(format!("{}: {literal}", file.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "keys used in code but missing from the locale files:\n{}",
        missing.join("\n")
    );
}
