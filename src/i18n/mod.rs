//! Languages and the text catalogue. Every user-facing string of the app lives in the
//! locale files, one folder per language (`en/`, `he/`) with one file per part of the app
//! (`shell.txt`, `home.txt`, `roles.txt`, …); views look strings up by key and never hold
//! literal text. A locale file is a list of `key = value` lines (blank lines and lines
//! starting with `#` are ignored), simple enough that the end-to-end tests read the same
//! files and can assert the visible text in either language.

mod bidi;
pub mod numbers;
pub mod store;

pub use bidi::{Run, escape_html, isolate_latin_runs, to_html};
pub use store::{catalog, install, install_compiled, is_installed};

/// A language the app speaks; kept in storage by its code.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, left to right.
    #[default]
    En,
    /// Hebrew, right to left: the language of the source article.
    He,
}

impl Lang {
    /// Every language, in the order the switch lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::He];

    /// The BCP 47 code used in URLs, `<html lang>` and storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::He => "he",
        }
    }

    /// The text direction, as `<html dir>` expects it.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::En => "ltr",
            Lang::He => "rtl",
        }
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        self == Lang::He
    }

    /// The language's place in `Lang::ALL`.
    pub fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::He => 1,
        }
    }

    /// The other language: what the header switch offers.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::He,
            Lang::He => Lang::En,
        }
    }

    /// Parses a URL or storage code. Only exact codes count: anything else is `None`, so a
    /// tampered value falls back to the next source instead of guessing.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "he" => Some(Lang::He),
            _ => None,
        }
    }

    /// Reads a browser language tag (`he-IL`, `iw`, `en-US`), ignoring case and region.
    /// `iw` is the old code for Hebrew that some browsers still report.
    pub fn from_browser_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "he" | "iw" => Some(Lang::He),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Chooses the language: the URL first, then the saved choice, then the first browser
    /// language the app speaks, then English.
    pub fn negotiate(url: Option<Lang>, saved: Option<Lang>, browser: &[String]) -> Lang {
        url.or(saved)
            .or_else(|| browser.iter().find_map(|tag| Lang::from_browser_tag(tag)))
            .unwrap_or_default()
    }
}

/// The locale files of one language, by name (the same names in every language).
macro_rules! locale_files {
    ($dir:literal) => {
        &[
            ("shell", include_str!(concat!($dir, "/shell.txt"))),
            ("home", include_str!(concat!($dir, "/home.txt"))),
            ("roles", include_str!(concat!($dir, "/roles.txt"))),
            ("lifecycle", include_str!(concat!($dir, "/lifecycle.txt"))),
            ("tools", include_str!(concat!($dir, "/tools.txt"))),
            ("scenario", include_str!(concat!($dir, "/scenario.txt"))),
            ("glossary", include_str!(concat!($dir, "/glossary.txt"))),
            ("lesson", include_str!(concat!($dir, "/lesson.txt"))),
        ]
    };
}

/// The locale files as written: the native builds' strings and what the tests check. The
/// page carries none of them (see `catalog`).
pub const LOCALE_SOURCES: [(Lang, &[(&str, &str)]); 2] = [
    (Lang::En, locale_files!("en")),
    (Lang::He, locale_files!("he")),
];

/// One language's strings, sorted by key for binary search.
#[derive(Debug)]
pub struct Catalog {
    entries: Vec<(&'static str, &'static str)>,
}

/// A line of a locale file that is neither blank, a comment, nor `key = value`.
#[derive(Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line number.
    pub line: usize,
    /// The offending line.
    pub text: String,
}

impl Catalog {
    /// Parses a locale file. Duplicate keys are an error too: the second would silently win.
    pub fn parse(source: &'static str) -> Result<Catalog, ParseError> {
        Catalog::parse_all(&[source])
    }

    /// Parses several locale files into one catalogue; a key defined twice, in one file or
    /// across files, is an error.
    pub fn parse_all(sources: &[&'static str]) -> Result<Catalog, ParseError> {
        let mut entries = Vec::new();
        for source in sources {
            Catalog::parse_into(source, &mut entries)?;
        }
        entries.sort_by(|a, b| a.0.cmp(b.0));
        if let Some(pair) = entries.windows(2).find(|pair| pair[0].0 == pair[1].0) {
            return Err(ParseError {
                line: 0,
                text: format!("duplicate key {}", pair[0].0),
            });
        }
        Ok(Catalog { entries })
    }

    fn parse_into(
        source: &'static str,
        entries: &mut Vec<(&'static str, &'static str)>,
    ) -> Result<(), ParseError> {
        for (index, raw) in source.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = || ParseError {
                line: index + 1,
                text: raw.to_string(),
            };
            let (key, value) = line.split_once(" = ").ok_or_else(error)?;
            let key = key.trim();
            if key.is_empty() || key.contains(char::is_whitespace) {
                return Err(error());
            }
            entries.push((key, value.trim()));
        }
        Ok(())
    }

    /// Adds `other`'s strings (a key both hold keeps `other`'s).
    pub fn merge(&mut self, other: Catalog) {
        self.entries.extend(other.entries);
        // Stable, so of two equal keys `other`'s comes last, and `dedup_by` keeps the first.
        self.entries.sort_by(|a, b| a.0.cmp(b.0));
        self.entries.reverse();
        self.entries.dedup_by(|a, b| a.0 == b.0);
        self.entries.reverse();
    }

    /// The string for `key`, if the catalogue has it.
    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.entries
            .binary_search_by(|(k, _)| (*k).cmp(key))
            .ok()
            .map(|index| self.entries[index].1)
    }

    /// Every key, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|(k, _)| *k)
    }
}

/// Looks a key up. A missing key shows the key itself (the parity tests make that
/// impossible in a build that passed them, unless the page has not installed the part
/// that holds it: `store::report_missing_with` makes that loud).
pub fn tr(lang: Lang, key: &str) -> &'static str {
    match store::lookup(lang, key) {
        Some(text) => text,
        None => {
            store::report_missing(lang, key);
            leak_key(key)
        }
    }
}

fn leak_key(key: &str) -> &'static str {
    // Only reached for a key that is missing from the catalogue, which tests rule out; the
    // leak keeps `tr` returning `&'static str` without a second code path.
    Box::leak(key.to_string().into_boxed_str())
}

/// Looks a key up and fills its `{name}` placeholders.
pub fn tr_args(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    fill(tr(lang, key), args)
}

/// Replaces each `{name}` in `template` by its value; unknown placeholders stay as they are.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The `{name}` placeholders a string uses, sorted: both languages must use the same ones.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_language_wins_over_saved_and_browser_choices() {
        let browser = vec!["en-US".to_string()];
        assert_eq!(
            Lang::negotiate(Some(Lang::He), Some(Lang::En), &browser),
            Lang::He
        );
    }

    #[test]
    fn a_saved_choice_wins_over_the_browser_language() {
        let browser = vec!["he-IL".to_string()];
        assert_eq!(Lang::negotiate(None, Some(Lang::En), &browser), Lang::En);
    }

    #[test]
    fn a_corrupt_saved_choice_falls_through_to_the_browser_language() {
        let browser = vec!["fr-FR".to_string(), "iw".to_string()];
        let saved = crate::saved::decode::<Lang>(Some("<script>")).restored();
        assert_eq!(Lang::negotiate(None, saved, &browser), Lang::He);
    }

    #[test]
    fn with_nothing_to_go_on_the_language_is_english() {
        assert_eq!(Lang::negotiate(None, None, &[]), Lang::En);
    }

    #[test]
    fn hebrew_is_right_to_left_and_english_left_to_right() {
        assert_eq!(Lang::He.dir(), "rtl");
        assert_eq!(Lang::En.dir(), "ltr");
        assert_eq!(Lang::He.other(), Lang::En);
    }

    #[test]
    fn a_locale_file_parses_into_sorted_lookups() {
        let catalog = Catalog::parse("# comment\n\nb.key = Bee\na.key = A {n} thing\n").unwrap();
        assert_eq!(catalog.get("a.key"), Some("A {n} thing"));
        assert_eq!(catalog.get("b.key"), Some("Bee"));
        assert_eq!(catalog.get("c.key"), None);
        assert_eq!(catalog.keys().collect::<Vec<_>>(), ["a.key", "b.key"]);
    }

    #[test]
    fn a_malformed_line_or_a_duplicate_key_is_a_parse_error() {
        assert_eq!(
            Catalog::parse("ok = yes\nno equals here\n")
                .unwrap_err()
                .line,
            2
        );
        assert!(Catalog::parse("a = 1\na = 2\n").is_err());
    }

    #[test]
    fn merged_parts_keep_every_key_once_sorted_and_the_newest_value() {
        let mut catalog = Catalog::parse("b = 1\nd = 2").unwrap();
        catalog.merge(Catalog::parse("a = 3\nd = 4\nc = 5").unwrap());
        let keys: Vec<&str> = catalog.keys().collect();
        assert_eq!(keys, ["a", "b", "c", "d"]);
        assert_eq!(catalog.get("d"), Some("4"));
        assert_eq!(catalog.get("b"), Some("1"));
        assert_eq!(catalog.get("e"), None);
    }

    #[test]
    fn placeholders_are_filled_and_listed() {
        assert_eq!(fill("{a} of {b}", &[("a", "6"), ("b", "14")]), "6 of 14");
        assert_eq!(placeholders("{b} and {a} and {b}, not { }"), ["a", "b"]);
    }
}
