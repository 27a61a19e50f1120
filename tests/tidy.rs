//! Tidy checks that keep the architecture's promises: views hold no literal user-facing
//! text (in markup, in struct fields handed to components and charts, or as a unit glued
//! to a formatted number), every source file opens with a `//!` line, reactive view parts
//! share one closure type, and the end-to-end tests visit exactly the sections the
//! `Section` enum lists.

mod common;

use common::rust_files;

use mlops_lab::sections::Section;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_source_file_opens_with_a_module_comment() {
    for file in rust_files(&root().join("src")) {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.starts_with("//!"),
            "{} does not open with a //! comment",
            file.display()
        );
    }
}

/// Text between tags in a `view!` (`>Hello<`) or a literal label attribute
/// (`aria-label="Hello"`) would not be translated.
#[test]
fn views_hold_no_literal_user_facing_text() {
    let mut offenders = Vec::new();
    let view_files = ["app.rs", "components", "pages"].iter().flat_map(|p| {
        let path = root().join("src").join(p);
        if path.is_dir() {
            rust_files(&path)
        } else {
            vec![path]
        }
    });
    for file in view_files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (number, line) in text.lines().enumerate() {
            let trimmed = line.trim();
            if trimmed.starts_with("//") {
                continue;
            }
            let literal_text_node = trimmed
                .split('>')
                .skip(1)
                .filter_map(|after| after.split('<').next())
                .any(|between| {
                    let between = between.trim();
                    !between.is_empty()
                        && !between.starts_with('{')
                        && !between.starts_with('"')
                        && between.chars().next().is_some_and(|c| c.is_alphabetic())
                        && trimmed.contains('<')
                        && !trimmed.contains("->")
                        && !trimmed.contains("::<")
                        && !trimmed.contains("=>")
                });
            let literal_label = ["aria-label=\"", "title=\"", "alt=\"", "placeholder=\""]
                .iter()
                .any(|attr| trimmed.contains(attr));
            if literal_text_node || literal_label {
                offenders.push(format!("{}:{}: {trimmed}", file.display(), number + 1));
            }
        }
    }
    assert_none("literal text in views", &offenders);
}

/// The first string literal on a line after `at`, if the line has one.
fn literal_after(line: &str, at: usize) -> Option<&str> {
    let rest = &line[at..];
    let start = rest.find('"')? + 1;
    let len = rest[start..].find('"')?;
    Some(&rest[start..start + len])
}

/// Whether a literal is a locale key (`scenario.chart.axis.day`), not text.
fn is_locale_key(literal: &str) -> bool {
    literal.contains('.')
        && literal
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_')
}

/// Text handed to a chart or a component through a struct field (`title: "F1"`) is as
/// visible as text in a view, and as untranslated.
#[test]
fn views_pass_no_literal_text_through_struct_fields() {
    let mut offenders = Vec::new();
    for dir in ["components", "pages"] {
        for file in rust_files(&root().join("src").join(dir)) {
            let text = std::fs::read_to_string(&file).unwrap();
            for (number, line) in text.lines().enumerate() {
                let trimmed = line.trim();
                if trimmed.starts_with("//") {
                    continue;
                }
                let Some(at) = trimmed.find(": \"") else {
                    continue;
                };
                let is_field = trimmed[..at]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_');
                let literal = literal_after(trimmed, at).unwrap_or("");
                if is_field && literal.chars().any(char::is_alphabetic) && !is_locale_key(literal) {
                    offenders.push(format!("{}:{}: {trimmed}", file.display(), number + 1));
                }
            }
        }
    }
    assert_none("literal text passed to views", &offenders);
}

/// Fails with `what` and every offending line, if there are any.
fn assert_none(what: &str, offenders: &[String]) {
    assert!(offenders.is_empty(), "{what}:\n{}", offenders.join("\n"));
}

/// Every line of code under `src/` that is not a comment, trimmed, with where it is
/// (`file:line`), for the checks that read code line by line.
fn code_lines() -> Vec<(String, String)> {
    let mut lines = Vec::new();
    for file in rust_files(&root().join("src")) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (number, line) in text.lines().enumerate() {
            let trimmed = line.trim();
            if !trimmed.starts_with("//") {
                lines.push((
                    format!("{}:{}", file.display(), number + 1),
                    trimmed.to_string(),
                ));
            }
        }
    }
    lines
}

/// A unit glued to a formatted number (`format!("{}K", …)`) is a word the locale files
/// should give: it may differ between the languages.
#[test]
fn formatted_numbers_carry_no_literal_units() {
    let mut offenders = Vec::new();
    for (place, line) in code_lines() {
        let Some(at) = line.find("format!(") else {
            continue;
        };
        let Some(template) = literal_after(&line, at) else {
            continue;
        };
        // A placeholder's closing brace followed by a letter; `\u{…}` escapes aside.
        let glued = template.match_indices('}').any(|(i, _)| {
            let opened = template[..i].rfind('{').unwrap_or(0);
            let escape = template[..opened].ends_with("\\u");
            !escape
                && template[i + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic)
        });
        if glued {
            offenders.push(format!("{place}: {line}"));
        }
    }
    assert_none(
        "units glued to formatted numbers (take them from the locale files)",
        &offenders,
    );
}

#[test]
fn the_end_to_end_tests_visit_exactly_the_sections_of_the_enum() {
    let fixtures = std::fs::read_to_string(root().join("tests/e2e/fixtures.mjs")).unwrap();
    let listed: Vec<(String, String)> = fixtures
        .lines()
        .filter_map(|line| {
            let line = line.trim();
            let id = line
                .strip_prefix("{ id: \"")?
                .split('"')
                .next()?
                .to_string();
            let slug = line
                .split("slug: \"")
                .nth(1)?
                .split('"')
                .next()?
                .to_string();
            Some((id, slug))
        })
        .collect();
    let expected: Vec<(String, String)> = Section::ALL
        .iter()
        .map(|s| (s.id().to_string(), s.slug().to_string()))
        .collect();
    assert_eq!(listed, expected);
}
