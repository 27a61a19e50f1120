//! The page's strings, fetched per language and part. The page's WebAssembly carries no
//! text: a release build writes each language's strings as a core, the term names and one
//! part per section (see `.ci/strings.mjs`), each file named by its content's hash and
//! named in a `<meta name="strings-he-core">` of every page. A page is shown once the
//! parts it needs are in: the first before the app mounts (a prerendered
//! page has already asked for both with preloads), any other when the visitor opens it,
//! and every part of both languages once the page is idle, so moving on does not wait.

use crate::i18n::{self, Lang};
use crate::route::Page;
use crate::sections::Section;

/// The part every page needs: the shell's, the home page's and the lesson's strings.
const CORE: &str = "core";
/// The glossary's term names, which every page may link to.
const TERMS: &str = "terms";

/// The part of the strings `page` needs besides the core and the term names, if any.
pub fn part_of(page: Page) -> Option<&'static str> {
    match page {
        Page::Section(Section::Home) | Page::NotFound => None,
        Page::Section(section) => Some(section.id()),
        // The lesson builder sets the lab's values with the lab's own controls.
        Page::Lesson => Some(Section::Scenario.id()),
    }
}

/// Every part: the core, the term names and each section's.
fn parts() -> impl Iterator<Item = &'static str> {
    [CORE, TERMS].into_iter().chain(
        Section::ALL
            .iter()
            .filter_map(|s| part_of(Page::Section(*s))),
    )
}

/// The strings `page` shows in `lang`: the core, the term names, its own part, and for the
/// glossary, which names every term in both languages, the other language's term names.
/// (`examples/prerender.rs` preloads the same.)
fn needs(lang: Lang, page: Page) -> Vec<(Lang, &'static str)> {
    let mut needs = vec![(lang, CORE), (lang, TERMS)];
    needs.extend(part_of(page).map(|part| (lang, part)));
    if page == Page::Section(Section::Glossary) {
        needs.push((lang.other(), TERMS));
    }
    needs
}

/// Whether `page` can be shown in `lang`: its strings are in.
pub fn ready(lang: Lang, page: Page) -> bool {
    needs(lang, page)
        .into_iter()
        .all(|(lang, part)| i18n::is_installed(lang, part))
}

/// Fetches and installs what `page` needs in `lang`.
pub async fn load_for(lang: Lang, page: Page) -> Result<(), String> {
    for (lang, part) in needs(lang, page) {
        load(lang, part).await?;
    }
    Ok(())
}

/// Fetches every part of every language not yet in; true if any arrived.
pub async fn load_all() -> bool {
    let mut arrived = false;
    for lang in Lang::ALL {
        for part in parts() {
            if !i18n::is_installed(lang, part) {
                arrived |= load(lang, part).await.is_ok();
            }
        }
    }
    arrived
}

/// The address of a part's file, as the page names it.
fn address(lang: Lang, part: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(&format!("meta[name=\"strings-{}-{part}\"]", lang.code()))
        .ok()??
        .get_attribute("content")
}

/// Fetches and installs `part` of `lang`'s strings unless it is in already.
async fn load(lang: Lang, part: &str) -> Result<(), String> {
    if i18n::is_installed(lang, part) {
        return Ok(());
    }
    let url =
        address(lang, part).ok_or_else(|| format!("no strings file for {}-{part}", lang.code()))?;
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    if !response.ok() {
        return Err(format!("{url}: {}", response.status()));
    }
    let text = response.text().await.map_err(|e| format!("{url}: {e}"))?;
    // Two requests for one part may cross; the first to arrive is kept.
    if i18n::is_installed(lang, part) {
        return Ok(());
    }
    i18n::install(lang, part, text).map_err(|e| format!("{url}: line {}: {}", e.line, e.text))
}
