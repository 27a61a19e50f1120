//! URLs: what a path means and how to build one. Pure functions of strings, so a tampered
//! or odd URL is handled by tested code: it never panics, it maps to a page (possibly the
//! not-found page). The app may live under a sub-path (`/mlops-lab/`): `base` is that
//! prefix without its trailing slash (`""` at the root).

use crate::i18n::Lang;
use crate::sections::Section;

/// What a URL shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// One of the sections.
    Section(Section),
    /// The lesson builder, for instructors (`/{lang}/lesson`).
    Lesson,
    /// Anything else.
    NotFound,
}

/// A parsed path: the language it names (if any) and the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Route {
    /// The language in the first segment, if it is one the app speaks.
    pub lang: Option<Lang>,
    /// The page to show.
    pub page: Page,
    /// True when the path is the bare entry point (`/` or the base), which the app
    /// redirects to the home page in the negotiated language.
    pub is_entry: bool,
}

/// Normalises a base path from `<base href>`: leading slash, no trailing slash, `""` for
/// the root. Only the path part is kept, so a full URL works too.
pub fn normalize_base(raw: &str) -> String {
    let path = match raw.find("://") {
        Some(scheme_end) => {
            let after = &raw[scheme_end + 3..];
            after.find('/').map(|i| &after[i..]).unwrap_or("/")
        }
        None => raw,
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}

/// The lesson builder's URL segment.
pub const LESSON_SLUG: &str = "lesson";

/// The lesson builder's path in `lang`.
pub fn lesson_path(base: &str, lang: Lang) -> String {
    format!("{base}/{}/{LESSON_SLUG}", lang.code())
}

/// Parses a path (without query or hash) under `base`.
pub fn parse(path: &str, base: &str) -> Route {
    let not_found = Route {
        lang: None,
        page: Page::NotFound,
        is_entry: false,
    };
    let Some(rest) = path.strip_prefix(base) else {
        return not_found;
    };
    if !(rest.is_empty() || rest.starts_with('/')) {
        return not_found;
    }
    let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    match segments.as_slice() {
        [] => Route {
            lang: None,
            page: Page::Section(Section::Home),
            is_entry: true,
        },
        [first, tail @ ..] => {
            let Some(lang) = Lang::from_code(first) else {
                return not_found;
            };
            let page = match tail {
                [] => Page::Section(Section::Home),
                [LESSON_SLUG] => Page::Lesson,
                [slug] => Section::from_slug(slug)
                    .map(Page::Section)
                    .unwrap_or(Page::NotFound),
                _ => Page::NotFound,
            };
            Route {
                lang: Some(lang),
                page,
                is_entry: false,
            }
        }
    }
}

/// The path of a section in a language: `/base/en/roles`, `/base/he/`.
pub fn section_path(base: &str, lang: Lang, section: Section) -> String {
    let slug = section.slug();
    if slug.is_empty() {
        format!("{base}/{}/", lang.code())
    } else {
        format!("{base}/{}/{slug}", lang.code())
    }
}

/// A path with a query string appended, or the bare path when the query is empty.
pub fn with_query(path: String, query: &str) -> String {
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

/// The same page in another language, with the same query and fragment: the scenario
/// keeps its whole state in the query (a configured lab, a story's scene) and a glossary
/// link its term in the fragment, so switching language changes only the words. `query`
/// and `hash` are taken as the location gives them, with or without their `?` and `#`.
/// The not-found page maps to that language's home, without either: they belonged to a
/// page that does not exist.
pub fn switch_language(base: &str, route: Route, to: Lang, query: &str, hash: &str) -> String {
    match route.page {
        Page::Section(_) | Page::Lesson => {
            let path = match route.page {
                Page::Section(section) => section_path(base, to, section),
                _ => lesson_path(base, to),
            };
            let query = query.strip_prefix('?').unwrap_or(query);
            let hash = hash.strip_prefix('#').unwrap_or(hash);
            let path = with_query(path, query);
            if hash.is_empty() {
                path
            } else {
                format!("{path}#{hash}")
            }
        }
        Page::NotFound => section_path(base, to, Section::Home),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths_are_normalised_from_any_form() {
        assert_eq!(normalize_base("/"), "");
        assert_eq!(normalize_base(""), "");
        assert_eq!(normalize_base("/mlops-lab/"), "/mlops-lab");
        assert_eq!(
            normalize_base("http://localhost:8080/mlops-lab/?x#y"),
            "/mlops-lab"
        );
        assert_eq!(normalize_base("https://example.org"), "");
    }

    #[test]
    fn the_entry_point_asks_for_a_redirect_to_home() {
        let route = parse("/", "");
        assert!(route.is_entry);
        assert_eq!(route.page, Page::Section(Section::Home));
        assert!(parse("/mlops-lab/", "/mlops-lab").is_entry);
        assert!(parse("/mlops-lab", "/mlops-lab").is_entry);
    }

    #[test]
    fn every_section_path_parses_back_to_its_section_in_both_languages() {
        for base in ["", "/mlops-lab"] {
            for lang in Lang::ALL {
                for section in Section::ALL {
                    let path = section_path(base, lang, section);
                    let route = parse(&path, base);
                    assert_eq!(route.lang, Some(lang), "{path}");
                    assert_eq!(route.page, Page::Section(section), "{path}");
                    assert!(!route.is_entry);
                }
            }
        }
    }

    #[test]
    fn unknown_or_tampered_paths_are_not_found() {
        for path in [
            "/fr/roles",
            "/en/nope",
            "/en/roles/extra",
            "/<script>",
            "/EN/roles",
            "/other/en/",
        ] {
            assert_eq!(parse(path, "").page, Page::NotFound, "{path}");
        }
        assert_eq!(parse("/en/roles", "/mlops-lab").page, Page::NotFound);
        assert_eq!(parse("/he/lesson", "").page, Page::Lesson);
        assert_eq!(parse("/m/en/lesson/", "/m").page, Page::Lesson);
        assert_eq!(parse("/lesson", "").page, Page::NotFound);
        assert_eq!(lesson_path("/m", Lang::He), "/m/he/lesson");
        assert_eq!(parse("/mlops-labx/en/", "/mlops-lab").page, Page::NotFound);
    }

    #[test]
    fn a_known_language_on_an_unknown_page_keeps_the_language() {
        let route = parse("/he/missing", "");
        assert_eq!(route.lang, Some(Lang::He));
        assert_eq!(route.page, Page::NotFound);
    }

    #[test]
    fn a_query_is_appended_only_when_there_is_one() {
        assert_eq!(with_query("/en/scenario".into(), ""), "/en/scenario");
        assert_eq!(
            with_query("/en/scenario".into(), "mode=lab"),
            "/en/scenario?mode=lab"
        );
    }

    #[test]
    fn switching_language_keeps_the_page() {
        let route = parse("/en/tools", "");
        assert_eq!(switch_language("", route, Lang::He, "", ""), "/he/tools");
        let lost = parse("/en/nope", "");
        assert_eq!(switch_language("", lost, Lang::He, "", ""), "/he/");
    }

    #[test]
    fn switching_language_keeps_the_query_so_a_configured_lab_survives() {
        let query = "mode=lab&strength=1.05&bad=skipgate&policy=manual";
        let lab = parse("/mlops-lab/en/scenario", "/mlops-lab");
        assert_eq!(
            switch_language("/mlops-lab", lab, Lang::He, query, ""),
            format!("/mlops-lab/he/scenario?{query}")
        );
        // The location may hand the query over with its `?`; it is not doubled.
        let back = parse("/he/scenario", "");
        assert_eq!(
            switch_language("", back, Lang::En, "?mode=lab", ""),
            "/en/scenario?mode=lab"
        );
        // An empty query leaves no dangling `?`.
        assert_eq!(switch_language("", back, Lang::En, "?", ""), "/en/scenario");
    }

    #[test]
    fn switching_language_keeps_the_fragment_after_the_query() {
        let glossary = parse("/en/glossary", "");
        assert_eq!(
            switch_language("", glossary, Lang::He, "", "#term-f1"),
            "/he/glossary#term-f1"
        );
        assert_eq!(
            switch_language("", glossary, Lang::He, "q=1", "term-f1"),
            "/he/glossary?q=1#term-f1"
        );
        assert_eq!(
            switch_language("", glossary, Lang::He, "", "#"),
            "/he/glossary"
        );
        let home = parse("/he/", "");
        assert_eq!(
            switch_language("", home, Lang::En, "present", "#main"),
            "/en/?present#main"
        );
    }

    #[test]
    fn a_page_not_found_switches_to_home_without_its_query_or_fragment() {
        let lost = parse("/en/nope", "");
        assert_eq!(
            switch_language("/mlops-lab", lost, Lang::He, "mode=lab", "#x"),
            "/mlops-lab/he/"
        );
    }

    #[test]
    fn the_switched_link_parses_back_to_the_same_page_in_the_other_language() {
        for base in ["", "/mlops-lab"] {
            for from in Lang::ALL {
                for section in Section::ALL {
                    let route = parse(&section_path(base, from, section), base);
                    let link = switch_language(base, route, from.other(), "a=1&b=2", "#c");
                    let (path, rest) = link.split_once('?').expect("query kept");
                    assert_eq!(rest, "a=1&b=2#c");
                    let back = parse(path, base);
                    assert_eq!(back.lang, Some(from.other()), "{link}");
                    assert_eq!(back.page, Page::Section(section), "{link}");
                }
            }
        }
    }
}
