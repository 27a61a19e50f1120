//! Tidy checks that keep the architecture's promises: views hold no literal user-facing
//! text, every source file opens with a `//!` line, and the end-to-end tests visit exactly
//! the sections the `Section` enum lists.

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
    assert!(
        offenders.is_empty(),
        "literal text in views:\n{}",
        offenders.join("\n")
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
