//! One Hebrew term per concept. Each concept below has the term the Hebrew text uses, as
//! the glossary lists it (with the English term beside it), and the variants that once
//! crept in for it. No Hebrew string may use a variant: only a glossary entry's own name
//! may give one, in parentheses, as the other name a reader may meet.

use mlops_lab::i18n::{Lang, tr};
use mlops_lab::teach::glossary::TERMS;

/// A concept: its glossary entry, the Hebrew term chosen for it, the variants it must not
/// be called, and longer phrases that contain a variant but name another concept.
struct Concept {
    term: &'static str,
    chosen: &'static str,
    variants: &'static [&'static str],
    other_concepts: &'static [&'static str],
}

const CONCEPTS: [Concept; 11] = [
    Concept {
        term: "feature",
        chosen: "פיצ'ר",
        variants: &["feature", "מאפיין"],
        other_concepts: &["feature store"],
    },
    Concept {
        term: "label_delay",
        chosen: "תוויות",
        variants: &["label", "לייבל"],
        other_concepts: &["label shift"],
    },
    Concept {
        term: "data_contract",
        chosen: "דאטה",
        variants: &["נתונים", "נתוני"],
        other_concepts: &["מדע נתונים", "מסד הנתונים"],
    },
    Concept {
        term: "champion_challenger",
        chosen: "מתמודד",
        variants: &["challenger", "מועמד"],
        other_concepts: &[],
    },
    Concept {
        term: "champion_challenger",
        chosen: "מכהן",
        variants: &["champion", "המודל הנוכחי", "המודל הפעיל"],
        // An MLflow alias, written as the registry writes it.
        other_concepts: &["@champion"],
    },
    Concept {
        term: "holdout",
        chosen: "דאטה שהושאר בצד",
        variants: &["holdout", "שהושארו בצד"],
        other_concepts: &[],
    },
    Concept {
        term: "concept_drift",
        chosen: "drift",
        variants: &["סחף"],
        other_concepts: &[],
    },
    Concept {
        term: "control_group",
        chosen: "קבוצת ביקורת",
        variants: &["קבוצת בקרה", "control group"],
        other_concepts: &[],
    },
    Concept {
        term: "precision",
        chosen: "precision",
        variants: &["דיוק חיובי"],
        other_concepts: &[],
    },
    Concept {
        term: "recall",
        chosen: "recall",
        variants: &["רגישות"],
        other_concepts: &[],
    },
    Concept {
        term: "seed",
        chosen: "ערך התחלתי",
        variants: &["seed", "זרע"],
        other_concepts: &[],
    },
];

/// Every Hebrew string, by key, from the locale files.
fn hebrew_strings() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/i18n/he");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            if let Some((key, value)) = line.split_once(" = ") {
                out.push((key.to_string(), value.to_string()));
            }
        }
    }
    assert!(out.len() > 500, "read {} strings", out.len());
    out
}

/// The text a variant must not appear in: placeholders removed, and the parentheses that
/// give a term's other name removed: in a glossary entry's name any, elsewhere one that
/// holds only the English term (“ערך התחלתי (seed)”).
fn prose(key: &str, value: &str) -> String {
    let in_name = key.starts_with("term.") && key.ends_with(".name");
    let mut text = String::new();
    let mut rest = value;
    while let Some(at) = rest.find(['{', '(']) {
        text.push_str(&rest[..at]);
        let close = if rest[at..].starts_with('{') {
            '}'
        } else {
            ')'
        };
        let Some(len) = rest[at..].find(close) else {
            break;
        };
        let inside = &rest[at + 1..at + len];
        let gloss = close == '}' || in_name || inside.chars().all(|c| c.is_ascii() && c != ',');
        if !gloss {
            text.push_str(&rest[at..=at + len]);
        }
        rest = &rest[at + len + 1..];
    }
    text.push_str(rest);
    text.to_lowercase()
}

/// Whether `word` appears in `text` as a word of its own (a Latin variant may take a
/// plural `s`; a Hebrew one may take prefixes, so it is matched anywhere).
fn uses(text: &str, word: &str) -> bool {
    let latin = word.is_ascii();
    text.match_indices(word).any(|(at, _)| {
        if !latin {
            return true;
        }
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() && c.is_ascii())
            && !after.is_some_and(|c| c.is_ascii_alphanumeric() && c != 's')
    })
}

#[test]
fn every_chosen_term_is_listed_in_the_glossary_with_its_english_term() {
    for concept in CONCEPTS {
        assert!(TERMS.contains(&concept.term), "{}", concept.term);
        let name = tr(Lang::He, &format!("term.{}.name", concept.term));
        let def = tr(Lang::He, &format!("term.{}.def", concept.term));
        assert!(
            name.contains(concept.chosen) || def.contains(concept.chosen),
            "{}: {name}",
            concept.term
        );
        let english = tr(Lang::En, &format!("term.{}.name", concept.term)).to_lowercase();
        let english_word = english.split(['(', ' ']).next().unwrap_or("");
        assert!(
            name.to_lowercase().contains(english_word) || name.contains('('),
            "{}: the Hebrew name {name} shows no English term",
            concept.term
        );
    }
}

#[test]
fn no_hebrew_string_calls_a_concept_by_a_variant() {
    let mut found = Vec::new();
    for (key, value) in hebrew_strings() {
        let mut text = prose(&key, &value);
        for concept in CONCEPTS {
            for other in concept.other_concepts {
                text = text.replace(other, "");
            }
        }
        for concept in CONCEPTS {
            for variant in concept.variants {
                if uses(&text, &variant.to_lowercase()) {
                    found.push(format!("{key}: “{variant}” for “{}”", concept.chosen));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_check_catches_a_variant() {
    let text = prose("scenario.x", "על כל feature ועל ה-labels שלו");
    assert!(uses(&text, "feature") && uses(&text, "label"));
    assert!(!uses(&prose("term.x.name", "פיצ'ר (feature)"), "feature"));
    assert!(!uses(&prose("scenario.x", "{feature}: הייחוס"), "feature"));
    assert!(!uses(&prose("scenario.x", "ערך התחלתי (seed)"), "seed"));
    assert!(uses(&prose("scenario.x", "(PSI על כל feature)"), "feature"));
}
