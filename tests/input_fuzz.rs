//! Fuzzing what a visitor can hand the app: thousands of random and hostile paths and
//! scenario queries (huge numbers, NaN, unknown keys, scripts in values, broken escapes,
//! repeated and endless parameters) and corrupt saved states. Every one must parse to a
//! valid state without panicking; a bad value must be reported, so the page can say so;
//! and what the app writes back must read back unchanged. The end-to-end suite feeds the
//! same kinds of input to the running app (`tests/e2e/fuzz.spec.mjs`).

#![cfg(not(target_arch = "wasm32"))]

use mlops_lab::i18n::Lang;
use mlops_lab::lesson;
use mlops_lab::route;
use mlops_lab::saved::{self, Loaded, Theme};
use mlops_lab::scenario::url::{self, Problem};
use mlops_lab::teach::journey::Journey;
use mlops_lab::teach::progress;
use proptest::prelude::*;

/// Keys the scenario reads, and some it does not.
const KEYS: &[&str] = &[
    "mode",
    "scene",
    "day",
    "preset",
    "seed",
    "n",
    "drift",
    "strength",
    "onset",
    "shape",
    "ramp",
    "delay",
    "alert",
    "policy",
    "bad",
    "arpu",
    "offer",
    "save",
    "months",
    "feature",
    "stat",
    "lesson",
    "open",
    "horizon",
    "utm_source",
    "",
    "=",
    "%",
    "__proto__",
    "constructor",
];

/// Values chosen to break parsers, plus whatever proptest makes up.
const HOSTILE: &[&str] = &[
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "1e309",
    "-1e309",
    "1e-400",
    "-0",
    "0x10",
    "99999999999999999999999999",
    "-1",
    "",
    " ",
    "+",
    "%",
    "%%",
    "%zz",
    "%00",
    "%FF%FE",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "../../etc/passwd",
    "lab",
    "story",
    "gate",
    "loop",
    "ignore,stale,skipgate,rollback",
    "ignore,ignore",
    ",,,",
    "concept",
    "price-rise",
    "calls",
    "p",
    "roles,drop,lab",
    "home,glossary,impact",
    "strength,alert,bad,business",
    "off",
    "1.05",
    "0.000001",
    "٣",
    "1٬000",
    "１",
    "\u{202e}evil",
    "😀",
];

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(HOSTILE).prop_map(str::to_string),
        Just("9".repeat(5000)),
        any::<f64>().prop_map(|v| v.to_string()),
        any::<i64>().prop_map(|v| v.to_string()),
        ".{0,40}",
    ]
}

fn query() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop_oneof![
                prop::sample::select(KEYS).prop_map(str::to_string),
                "[a-z%&=]{0,8}",
            ],
            value(),
            any::<bool>(),
        ),
        0..40,
    )
    .prop_map(|pairs| {
        let body: Vec<String> = pairs
            .into_iter()
            .map(|(k, v, bare)| if bare { k } else { format!("{k}={v}") })
            .collect();
        format!("?{}", body.join("&"))
    })
}

fn path() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,60}",
        prop::collection::vec(
            prop::sample::select(
                &[
                    "",
                    "en",
                    "he",
                    "fr",
                    "roles",
                    "lifecycle",
                    "tools",
                    "scenario",
                    "glossary",
                    "..",
                    ".",
                    "%2e%2e",
                    "mlops-lab",
                    "index.html",
                    "<script>",
                ][..]
            ),
            0..6
        )
        .prop_map(|parts| format!("/{}", parts.join("/"))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn any_query_gives_a_valid_state_that_reads_back_unchanged(q in query()) {
        let (state, problems) = url::parse(&q);
        prop_assert!(state.config.validate().is_ok(), "{q}: {:?}", state.config.validate());
        if let Some(day) = state.day {
            prop_assert!(day <= state.config.horizon_days);
        }
        // What the app writes into the address bar reads back as the same state, cleanly.
        let written = url::to_query(&state);
        let (again, none) = url::parse(&written);
        prop_assert!(none.is_empty(), "{written}: {none:?}");
        prop_assert_eq!(again, state);
        // Reported problems name at most a short piece of what was typed.
        for p in &problems {
            if let Problem::Unknown(name) = p {
                prop_assert!(name.chars().count() <= 24);
            }
        }
        // Paging the story from any state stays in the story or stops.
        for forward in [true, false] {
            if let Some(next) = url::step_scene(&q, forward) {
                prop_assert!(url::parse(&next).1.is_empty());
            }
        }
    }

    #[test]
    fn any_lesson_link_is_a_valid_lesson_that_reads_back_unchanged(q in query()) {
        match lesson::parse(&q) {
            lesson::Found::Lesson(l, problems) => {
                prop_assert!(!l.stops.is_empty());
                prop_assert!(l.fixed.config.validate().is_ok());
                for p in &problems {
                    prop_assert!(p.chars().count() <= 24);
                }
                // The link it writes reads back as the same lesson, cleanly.
                match lesson::parse(&l.to_query()) {
                    lesson::Found::Lesson(again, none) => {
                        prop_assert!(none.is_empty(), "{}: {:?}", l.to_query(), none);
                        prop_assert_eq!(&again, &l);
                    }
                    other => prop_assert!(false, "{other:?}"),
                }
                // Whatever a student's address says, the held controls keep their values
                // and the state stays valid.
                let (mut state, _) = url::parse(&q);
                l.enforce(&mut state);
                prop_assert!(state.config.validate().is_ok());
                if !l.is_open(lesson::Control::Seed) {
                    prop_assert_eq!(state.config.seed, l.fixed.config.seed);
                }
                if !l.is_open(lesson::Control::Strength) {
                    prop_assert_eq!(state.config.strength, l.fixed.config.strength);
                }
            }
            lesson::Found::Broken(_) | lesson::Found::Leave | lesson::Found::Nothing => {}
        }
        // The builder's draft always has a valid configuration.
        prop_assert!(lesson::draft(&q).fixed.config.validate().is_ok());
    }

    #[test]
    fn any_path_routes_somewhere_without_panicking(p in path(), base in prop_oneof![Just(""), Just("/mlops-lab")]) {
        let route = route::parse(&p, base);
        // Its links to either language lead to the same page (home for a page not found).
        for to in [Lang::En, Lang::He] {
            let back = route::parse(&route::switch_language(base, route, to, "", ""), base);
            prop_assert_eq!(back.lang, Some(to));
            if let route::Page::Section(_) = route.page {
                prop_assert_eq!(back.page, route.page);
            }
        }
    }

    #[test]
    fn corrupt_saved_answers_are_discarded_not_trusted(text in ".{0,80}", n in 0usize..20) {
        let options = vec![4u8; n];
        match progress::load(Some(&text), &options) {
            Loaded::Restored(answers) => {
                prop_assert_eq!(answers.len(), n);
                prop_assert!(answers.iter().flatten().all(|a| *a < 4));
            }
            Loaded::Discarded => {}
            Loaded::Fresh => prop_assert!(false, "something was saved"),
        }
    }

    #[test]
    fn any_saved_text_is_a_value_or_discarded(text in ".{0,80}") {
        // A record whose value is the text itself, and the text as saved.
        for saved in [format!(r#"{{"version":1,"value":{text:?}}}"#), text.clone()] {
            match saved::decode::<Lang>(Some(&saved)) {
                Loaded::Restored(lang) => prop_assert_eq!(Lang::from_code(&text), Some(lang)),
                Loaded::Discarded => {}
                Loaded::Fresh => prop_assert!(false, "something was saved"),
            }
            prop_assert!(!matches!(saved::decode::<Theme>(Some(&saved)), Loaded::Fresh));
            if let Loaded::Restored(journey) = saved::decode::<Journey>(Some(&saved)) {
                prop_assert_eq!(saved::decode(Some(&saved::encode(&journey))), Loaded::Restored(journey));
            }
        }
    }
}

#[test]
fn hostile_values_for_every_key_are_each_reported() {
    for key in KEYS
        .iter()
        .filter(|k| !k.is_empty() && !["=", "%"].contains(k))
    {
        for value in ["NaN", "1e309", "<script>", "-1", "%zz"] {
            let q = format!("{key}={value}");
            // A lesson link's own keys: the lesson reports them (`open` means nothing
            // without a lesson).
            if *key == "lesson" {
                assert!(matches!(lesson::parse(&q), lesson::Found::Broken(p) if !p.is_empty()));
                continue;
            }
            if *key == "open" {
                continue;
            }
            let (state, problems) = url::parse(&q);
            assert!(state.config.validate().is_ok());
            // None of these is a value any key accepts, so each must be reported.
            assert!(!problems.is_empty(), "{q} was silently accepted");
        }
    }
}
