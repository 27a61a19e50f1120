//! Writes a page for every section in every language next to a release build's
//! index.html: the same shell with the section's title, description, language and
//! direction, and its header (with the app's buttons, so it is as tall) and opening (title,
//! lead and the text right after it) as plain HTML, marked up as the app marks them up
//! (Latin runs isolated in Hebrew), so a visitor sees the page at once while the app loads
//! and the app's own paint of it takes the same room: nothing moves when it takes over.
//! The app removes this copy as it mounts. `en/index.html` is the English home page,
//! `en/roles.html` the Roles page; static hosts serve `/en/roles` from it.
//!
//! `cargo run --example prerender -- DIST` (the release build's post-build hook runs it).

use mlops_lab::i18n::{Lang, escape_html as esc, to_html, tr};
use mlops_lab::sections::Section;
use std::fs;
use std::path::Path;
use std::process::ExitCode;

/// A string as the app's `T` renders it.
fn text(lang: Lang, key: &str) -> String {
    to_html(lang.is_rtl(), tr(lang, key))
}

/// The page's opening, in the app's own markup.
fn opening(lang: Lang, section: Section) -> String {
    let t = |key: &str| text(lang, key);
    if section == Section::Home {
        return format!(
            r#"<header class="hero"><p class="kicker">{}</p><h1>{}</h1><p class="lead">{}</p></header>"#,
            t("home.kicker"),
            t("home.title"),
            t("home.lead")
        );
    }
    let after = match section {
        Section::Lifecycle => format!(r#"<p class="note">{}</p>"#, t("lifecycle.key")),
        Section::Tools => format!("<p>{}</p>", t("tools.intro")),
        Section::Glossary => format!("<p>{}</p>", t("glossary.intro")),
        _ => String::new(),
    };
    format!(
        r#"<h1>{}</h1><p class="lead">{}</p>{after}"#,
        t(&section.title_key()),
        t(&section.summary_key())
    )
}

/// The header's menu button and tools as the app first renders them
/// (`components::header`, `display::PresenterTools`, `LangSwitch`, `ThemeToggle`), so the
/// header is as tall here as in the app and nothing below it moves when the app takes over.
/// Only the language switch works before then: it is a plain link.
fn header_tools(lang: Lang, section: Section) -> String {
    const MENU_ICON: &str = r#"<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 7h16M4 12h16M4 17h16" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"></path></svg>"#;
    const THEME_ICON: &str = r#"<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><circle cx="12" cy="12" r="8.5" fill="none" stroke="currentColor" stroke-width="2"></circle><path d="M12 3.5a8.5 8.5 0 0 1 0 17z" fill="currentColor"></path></svg>"#;
    let other = lang.other();
    format!(
        r#"<button type="button" class="menu-toggle" aria-controls="site-nav" aria-expanded="false">{MENU_ICON}{}</button><div class="header-tools"><button type="button" class="button-like present-toggle" aria-pressed="false">{}</button><a class="lang-switch button-like" href="{}/{}" hreflang="{}" lang="{}">{}</a><button type="button" class="theme-toggle button-like" aria-pressed="false" title="{}">{THEME_ICON}{}</button></div>"#,
        text(lang, "nav.menu"),
        text(lang, "present.switch"),
        other.code(),
        section.slug(),
        other.code(),
        other.code(),
        text(lang, "lang.other"),
        esc(tr(lang, "theme.hint")),
        text(lang, "theme.dark"),
    )
}

/// The fonts a language's page needs first.
fn fonts(lang: Lang) -> &'static [&'static str] {
    if lang.is_rtl() {
        &[
            "heebo-hebrew-wght-normal.woff2",
            "heebo-latin-wght-normal.woff2",
        ]
    } else {
        &["heebo-latin-wght-normal.woff2"]
    }
}

/// The file of `part` of `lang`'s strings, as index.html names it (`.ci/strings.mjs`,
/// `src/strings.rs`: the core, and a section's own part).
fn strings_file<'a>(template: &'a str, lang: Lang, part: &str) -> Result<&'a str, String> {
    let meta = format!("<meta name=\"strings-{}-{part}\" content=\"", lang.code());
    template
        .split_once(&meta)
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(file, _)| file)
        .ok_or_else(|| format!("index.html names no strings file {}-{part}", lang.code()))
}

fn page(template: &str, lang: Lang, section: Section) -> Result<String, String> {
    const BOOT: &str = r#"<div class="boot" aria-hidden="true"></div>"#;
    const HTML: &str = r#"<html lang="en" dir="ltr">"#;
    if !template.contains(BOOT) || !template.contains(HTML) || !template.contains("<title>") {
        return Err("index.html has changed: no boot element, <html> or <title> to replace".into());
    }
    let code = lang.code();
    let nav: String = Section::ALL
        .iter()
        .map(|s| {
            format!(
                r#"<li><a href="{code}/{}"{}>{}</a></li>"#,
                s.slug(),
                if *s == section {
                    r#" aria-current="page""#
                } else {
                    ""
                },
                text(lang, &s.nav_key())
            )
        })
        .collect();
    let body = format!(
        r#"<div data-prerender><header class="site-header"><div class="header-bar"><a class="brand" href="{code}/"><span class="brand-mark" aria-hidden="true"></span>{}</a>{}</div><nav class="site-nav" aria-label="{}"><ul>{nav}</ul></nav></header><main><article class="page {}">{}</article></main></div>"#,
        text(lang, "app.name"),
        header_tools(lang, section),
        esc(tr(lang, "nav.label")),
        section.id(),
        opening(lang, section)
    );
    let description = format!(
        "<head>\n    <meta name=\"description\" content=\"{}\" />",
        esc(tr(lang, &section.summary_key()))
    );
    // After `<base>`, so they resolve against the app's root, not the section's folder: the
    // fonts, and the strings the app fetches before it mounts (src/strings.rs).
    // As `src/strings.rs` asks for them: the core, the term names, the section's part,
    // and for the glossary (names in both languages) the other language's term names.
    let mut strings = vec![
        strings_file(template, lang, "core")?,
        strings_file(template, lang, "terms")?,
    ];
    if section != Section::Home {
        strings.push(strings_file(template, lang, section.id())?);
    }
    if section == Section::Glossary {
        strings.push(strings_file(template, lang.other(), "terms")?);
    }
    let preloads: String = fonts(lang)
        .iter()
        .map(|f| {
            format!("\n    <link rel=\"preload\" href=\"{f}\" as=\"font\" type=\"font/woff2\" crossorigin />")
        })
        .chain(strings.iter().map(|s| {
            format!("\n    <link rel=\"preload\" href=\"{s}\" as=\"fetch\" crossorigin />")
        }))
        .collect();
    let title = format!(
        "<title>{} · {}</title>",
        esc(tr(lang, &section.title_key())),
        esc(tr(lang, "app.name"))
    );
    let start = template.find("<title>").unwrap_or(0);
    let end = template[start..]
        .find("</title>")
        .map(|i| start + i + "</title>".len())
        .ok_or("index.html: <title> is not closed")?;
    let mut html = format!("{}{title}{}", &template[..start], &template[end..]);
    html = html.replacen(
        HTML,
        &format!(r#"<html lang="{code}" dir="{}">"#, lang.dir()),
        1,
    );
    html = html.replacen("<head>", &description, 1);
    let base_end = html
        .find("<base ")
        .and_then(|at| html[at..].find('>').map(|end| at + end + 1))
        .ok_or("index.html: no <base> element to put the font preloads after")?;
    html.insert_str(base_end, &preloads);
    Ok(html.replacen(BOOT, &body, 1))
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: prerender DIST");
        return ExitCode::from(2);
    };
    let dir = Path::new(&dir);
    let template = match fs::read_to_string(dir.join("index.html")) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("prerender: {}: {e}", dir.join("index.html").display());
            return ExitCode::FAILURE;
        }
    };
    let mut written = 0;
    for lang in Lang::ALL {
        let folder = dir.join(lang.code());
        for section in Section::ALL {
            let file = if section == Section::Home {
                folder.join("index.html")
            } else {
                folder.join(format!("{}.html", section.slug()))
            };
            let result = page(&template, lang, section).and_then(|html| {
                fs::create_dir_all(&folder)
                    .and_then(|_| fs::write(&file, html))
                    .map_err(|e| format!("{}: {e}", file.display()))
            });
            if let Err(e) = result {
                eprintln!("prerender: {e}");
                return ExitCode::FAILURE;
            }
            written += 1;
        }
    }
    println!("prerender: {written} pages");
    ExitCode::SUCCESS
}
