//! The strings `tr` looks up. Native builds (tests, the prerender, the command line) use
//! the locale files compiled in. The page carries no strings: a release build writes each
//! language's strings in parts (`.ci/strings.mjs`: the shared core, the term names, and
//! one part per other section's locale file). The page installs the parts it fetches
//! (`install`, from `src/strings.rs`) and asks which are in (`is_installed`) before it
//! shows a page in a language.

use super::{Catalog, LOCALE_SOURCES, Lang, ParseError};
use std::sync::{OnceLock, RwLock};

/// A language's strings on the page: the parts installed so far, and their entries.
struct Installed {
    /// The parts' names; `"*"` when every string is in (`install_compiled`).
    parts: Vec<String>,
    catalog: Catalog,
}

static PAGE: [RwLock<Installed>; 2] = [const {
    RwLock::new(Installed {
        parts: Vec::new(),
        catalog: Catalog {
            entries: Vec::new(),
        },
    })
}; 2];

/// The locale files compiled in, parsed: what native builds look strings up in, and what
/// the tests check.
pub fn catalog(lang: Lang) -> &'static Catalog {
    static COMPILED: [OnceLock<Catalog>; 2] = [OnceLock::new(), OnceLock::new()];
    COMPILED[lang.index()].get_or_init(|| {
        let (_, files) = LOCALE_SOURCES[lang.index()];
        let sources: Vec<&'static str> = files.iter().map(|(_, source)| *source).collect();
        Catalog::parse_all(&sources).unwrap_or_else(|e| panic!("{}: {e:?}", lang.code()))
    })
}

/// The string for `key` in `lang`, if it is in.
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    if cfg!(target_arch = "wasm32") {
        PAGE[lang.index()].read().ok()?.catalog.get(key)
    } else {
        catalog(lang).get(key)
    }
}

/// Installs `part` of `lang`'s strings, the `key = value` lines of its file.
pub fn install(lang: Lang, part: &str, text: String) -> Result<(), ParseError> {
    let catalog = Catalog::parse(Box::leak(text.into_boxed_str()))?;
    if let Ok(mut installed) = PAGE[lang.index()].write() {
        installed.catalog.merge(catalog);
        installed.parts.push(part.to_string());
    }
    Ok(())
}

/// Installs every string of every language from the locale files compiled in: for the
/// browser tests, which mount the app without a release build's files.
pub fn install_compiled() {
    for lang in Lang::ALL {
        if let Ok(mut installed) = PAGE[lang.index()].write() {
            installed.catalog.merge(Catalog {
                entries: catalog(lang).entries.clone(),
            });
            installed.parts.push("*".to_string());
        }
    }
}

/// Whether `part` of `lang`'s strings is in.
pub fn is_installed(lang: Lang, part: &str) -> bool {
    !cfg!(target_arch = "wasm32")
        || PAGE[lang.index()]
            .read()
            .is_ok_and(|installed| installed.parts.iter().any(|p| p == part || p == "*"))
}

/// Where a key that is not in goes (the page logs it, so a page shown before the part
/// holding one of its strings arrived fails the end-to-end tests).
static REPORT: OnceLock<fn(Lang, &str)> = OnceLock::new();

/// Sets what `tr` does with a key that is not in.
pub fn report_missing_with(report: fn(Lang, &str)) {
    let _ = REPORT.set(report);
}

pub(super) fn report_missing(lang: Lang, key: &str) {
    if let Some(report) = REPORT.get() {
        report(lang, key);
    }
}
