//! What the app keeps in the browser's storage, as versioned serde data: each kept value is
//! a JSON record `{"version":1,"value":…}` under a key of its own. Reading checks the
//! version, the shape and the value's own rules (`Kept::valid`); anything else, an old
//! version included, is reported as discarded, so the page starts fresh with a notice
//! instead of trusting or crashing on it. The browser side is `platform::LOCAL` and
//! `platform::SESSION` (`load`, `save`); this module is pure, and tested natively.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A value the app keeps, in the format `VERSION`, under a key its page names.
pub trait Kept: Serialize + DeserializeOwned {
    /// The format's version; a record of any other version is discarded.
    const VERSION: u32;
    /// Whether a value that parsed is one the app can use.
    fn valid(&self) -> bool {
        true
    }
}

/// The stored form: the format's version and the value.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record<T> {
    version: u32,
    value: T,
}

/// What a page finds in storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loaded<T> {
    /// Nothing saved: start fresh.
    Fresh,
    /// A saved value, valid.
    Restored(T),
    /// Something unreadable, invalid or of another version was saved: start fresh, and
    /// tell the user.
    Discarded,
}

impl<T> Loaded<T> {
    /// The restored value, if any.
    pub fn restored(self) -> Option<T> {
        match self {
            Loaded::Restored(value) => Some(value),
            Loaded::Fresh | Loaded::Discarded => None,
        }
    }
}

/// The stored form of `value`.
pub fn encode<T: Kept>(value: &T) -> String {
    let record = Record {
        version: T::VERSION,
        value,
    };
    serde_json::to_string(&record).unwrap_or_default()
}

/// Reads what storage returned for a `T`.
pub fn decode<T: Kept>(saved: Option<&str>) -> Loaded<T> {
    let Some(text) = saved else {
        return Loaded::Fresh;
    };
    match serde_json::from_str::<Record<T>>(text) {
        Ok(record) if record.version == T::VERSION && record.value.valid() => {
            Loaded::Restored(record.value)
        }
        _ => Loaded::Discarded,
    }
}

/// The colour theme a visitor chose (none saved: the system's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    /// The value of `<html data-theme>`.
    pub fn attr(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

impl Kept for Theme {
    const VERSION: u32 = 1;
}

impl Kept for crate::i18n::Lang {
    const VERSION: u32 = 1;
}

/// The lesson in force in a tab, as its link's query (`lesson::parse` reads it back).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonLink(pub String);

impl Kept for LessonLink {
    const VERSION: u32 = 1;
    fn valid(&self) -> bool {
        matches!(
            crate::lesson::parse(&self.0),
            crate::lesson::Found::Lesson(_, ref problems) if problems.is_empty()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn values_survive_a_round_trip_in_a_readable_record() {
        let text = encode(&Theme::Dark);
        assert_eq!(text, r#"{"version":1,"value":"dark"}"#);
        assert_eq!(decode::<Theme>(Some(&text)), Loaded::Restored(Theme::Dark));
        assert_eq!(encode(&Lang::He), r#"{"version":1,"value":"he"}"#);
        assert_eq!(
            decode::<Lang>(Some(r#"{"version":1,"value":"en"}"#)),
            Loaded::Restored(Lang::En)
        );
        let lesson = LessonLink(crate::lesson::Lesson::default().to_query());
        assert_eq!(
            decode::<LessonLink>(Some(&encode(&lesson))),
            Loaded::Restored(lesson)
        );
    }

    #[test]
    fn nothing_saved_is_fresh() {
        assert_eq!(decode::<Theme>(None), Loaded::Fresh);
    }

    #[test]
    fn corrupt_foreign_or_old_records_are_discarded_not_trusted() {
        for bad in [
            "",
            "dark",
            "{broken",
            "null",
            r#""dark""#,
            r#"{"version":2,"value":"dark"}"#,
            r#"{"version":0,"value":"dark"}"#,
            r#"{"version":"1","value":"dark"}"#,
            r#"{"version":1,"value":"blue"}"#,
            r#"{"version":1,"value":"dark","extra":1}"#,
            r#"{"value":"dark"}"#,
            r#"{"version":1}"#,
            r#"<script>alert(1)</script>"#,
        ] {
            assert_eq!(decode::<Theme>(Some(bad)), Loaded::Discarded, "{bad:?}");
        }
        assert_eq!(
            decode::<Lang>(Some(r#"{"version":1,"value":"fr"}"#)),
            Loaded::Discarded
        );
        for bad in ["", "lesson=nothing", "stops=home"] {
            let record = encode(&LessonLink(bad.to_string()));
            assert_eq!(
                decode::<LessonLink>(Some(&record)),
                Loaded::Discarded,
                "{bad:?}"
            );
        }
    }
}
