//! Isolation of Latin runs inside right-to-left text. In Hebrew sentences, product names
//! and numbers ("MLflow", "K8s", "10%") are left-to-right islands; without isolation the
//! Unicode bidi algorithm can attach neighbouring punctuation to the wrong side, so a
//! closing parenthesis or a full stop appears to jump. The view wraps each run this module
//! finds in `<bdi>`.

/// A piece of text: either ordinary text or a Latin/number run to isolate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run<'a> {
    /// The text of the piece.
    pub text: &'a str,
    /// Whether the piece is a left-to-right island to wrap in `<bdi>`.
    pub isolate: bool,
}

/// Splits `text` into runs. A Latin run starts at an ASCII letter or digit and goes on
/// over letters, digits and the joiners that occur inside names and numbers
/// (`. , / + - _ & ' % : space`), but never ends on a joiner: trailing punctuation
/// and spaces belong to the surrounding sentence. A colon joins only when a letter or
/// digit follows it at once ("10:30", "1:2"); a colon followed by a space is the Hebrew
/// sentence's own punctuation, as in "רמה 2: CI/CD אוטומטי", so the runs on either side
/// stay separate islands and the sentence reads right to left between them.
pub fn isolate_latin_runs(text: &str) -> Vec<Run<'_>> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut plain_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_alphanumeric() {
            let start = i;
            let mut end = i + 1;
            let mut j = i + 1;
            while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || joins(bytes, j)) {
                if bytes[j].is_ascii_alphanumeric() || bytes[j] == b'%' {
                    end = j + 1;
                }
                j += 1;
            }
            if start > plain_start {
                runs.push(Run {
                    text: &text[plain_start..start],
                    isolate: false,
                });
            }
            runs.push(Run {
                text: &text[start..end],
                isolate: true,
            });
            plain_start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if plain_start < text.len() {
        runs.push(Run {
            text: &text[plain_start..],
            isolate: false,
        });
    }
    runs
}

/// Whether the byte at `at` may continue a run. Isolating "2: CI/CD" as one left-to-right
/// island would show the level's name before its number in Hebrew, so a colon counts only
/// inside a name or number, never before a space.
fn joins(bytes: &[u8], at: usize) -> bool {
    match bytes[at] {
        b':' => bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric),
        b'.' | b',' | b'/' | b'+' | b'-' | b'_' | b'&' | b'\'' | b'%' | b' ' => true,
        _ => false,
    }
}

/// Escapes text for HTML.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text as HTML the way the app renders it (`components::i18n::render_text`): escaped, and
/// in right-to-left text each Latin run in a `<bdi>`, the whole in one `<span>` when it has
/// any, so it lays out as one flex item as the app's does (for files made outside the page:
/// reports, a release's page openings).
pub fn to_html(rtl: bool, text: &str) -> String {
    if !rtl {
        return escape_html(text);
    }
    let runs = isolate_latin_runs(text);
    if !runs.iter().any(|run| run.isolate) {
        return escape_html(text);
    }
    let inner: String = runs
        .into_iter()
        .map(|run| {
            if run.isolate {
                format!("<bdi>{}</bdi>", escape_html(run.text))
            } else {
                escape_html(run.text)
            }
        })
        .collect();
    format!("<span>{inner}</span>")
}

#[cfg(test)]
mod tests {

    #[test]
    fn html_is_escaped_and_latin_runs_isolated_only_right_to_left() {
        assert_eq!(
            to_html(false, "a <b> & \"c\""),
            "a &lt;b&gt; &amp; &quot;c&quot;"
        );
        assert_eq!(
            to_html(true, "מודל <MLflow> פה"),
            "<span>מודל &lt;<bdi>MLflow</bdi>&gt; פה</span>"
        );
        assert_eq!(to_html(true, "מודל פה"), "מודל פה");
    }
    use super::*;

    fn isolated(text: &str) -> Vec<&str> {
        isolate_latin_runs(text)
            .into_iter()
            .filter(|r| r.isolate)
            .map(|r| r.text)
            .collect()
    }

    #[test]
    fn product_names_and_numbers_inside_hebrew_are_isolated() {
        assert_eq!(isolated("כלים כמו MLflow או Feast."), ["MLflow", "Feast"]);
        assert_eq!(isolated("רק כ-10% מהמודלים"), ["10%"]);
    }

    #[test]
    fn a_multi_word_latin_phrase_is_one_run_without_its_trailing_punctuation() {
        assert_eq!(
            isolated("ה-ML Developer, וה-MLOps Engineer."),
            ["ML Developer", "MLOps Engineer"]
        );
        assert_eq!(isolated("(Docker, K8s)"), ["Docker, K8s"]);
    }

    #[test]
    fn the_runs_put_together_give_back_the_text() {
        let text = "שבועיים אחרי הפריסה F1 ירד ל-0.72 (concept drift).";
        let joined: String = isolate_latin_runs(text).iter().map(|r| r.text).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn a_number_before_a_colon_and_a_space_is_not_joined_to_the_latin_run_after_it() {
        let text = "רמה 2: CI/CD אוטומטי";
        assert_eq!(isolated(text), ["2", "CI/CD"]);
        let joined: String = isolate_latin_runs(text).iter().map(|r| r.text).collect();
        assert_eq!(joined, text);
        assert_eq!(isolated("בתא 3: 12% מהייחוס"), ["3", "12%"]);
        assert_eq!(isolated("מדד PSI: 0.25"), ["PSI", "0.25"]);
    }

    #[test]
    fn a_colon_inside_a_time_or_a_ratio_stays_in_the_run() {
        assert_eq!(isolated("בשעה 10:30 בבוקר"), ["10:30"]);
        assert_eq!(isolated("יחס 1:2 בערך"), ["1:2"]);
        assert_eq!(isolated("סוף המשפט K8s:"), ["K8s"]);
    }

    #[test]
    fn text_without_latin_is_one_plain_run() {
        assert_eq!(
            isolate_latin_runs("שלום"),
            [Run {
                text: "שלום",
                isolate: false
            }]
        );
        assert!(isolate_latin_runs("").is_empty());
    }
}
