//! How the app is shown: presenter mode (for a projector) and embed mode (inside a
//! learning platform's page), and the deck an instructor pages through: every section in
//! order, with the churn story's scenes standing in for the scenario section. Pure: the
//! shell reads the flags from the URL and keeps them for the browser tab.

use crate::scenario::scenes::Scene;
use crate::sections::Section;

/// The display modes a URL can switch on or off.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    /// `?present`: large type, fewer controls, a visible position, paging by clicker.
    pub present: Option<bool>,
    /// `?embed`: no header or footer, to sit in an iframe.
    pub embed: Option<bool>,
}

/// The URL keys of the display flags; every page ignores them otherwise.
pub const FLAG_KEYS: [&str; 2] = ["present", "embed"];

fn switch(value: &str) -> Option<bool> {
    match value {
        "" | "1" | "on" | "true" | "yes" => Some(true),
        "0" | "off" | "false" | "no" => Some(false),
        _ => None,
    }
}

/// Reads the display flags from a query string (`?present`, `present=0`, `embed=1`...).
/// A flag with a value that is not a switch is ignored.
pub fn flags(query: &str) -> Flags {
    let mut out = Flags::default();
    for pair in query.trim_start_matches('?').split('&').take(64) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "present" => out.present = switch(value).or(out.present),
            "embed" => out.embed = switch(value).or(out.embed),
            _ => {}
        }
    }
    out
}

/// One stop of the deck: a section, or a scene of the churn story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    /// A section's page.
    Section(Section),
    /// A scene of the churn scenario's story.
    Scene(Scene),
    /// The churn scenario's lab. A lesson can include it; the presenter's deck counts it
    /// as the story's first scene.
    Lab,
}

impl Slide {
    /// The section the slide belongs to.
    pub fn section(self) -> Section {
        match self {
            Slide::Section(section) => section,
            Slide::Scene(_) | Slide::Lab => Section::Scenario,
        }
    }
}

/// Where the lab stands in the deck.
fn in_deck(slide: Slide) -> Slide {
    match slide {
        Slide::Lab => Slide::Scene(Scene::ALL[0]),
        other => other,
    }
}

/// Every stop, in presenting order.
pub fn deck() -> Vec<Slide> {
    Section::ALL
        .into_iter()
        .flat_map(|section| match section {
            Section::Scenario => Scene::ALL.into_iter().map(Slide::Scene).collect(),
            other => vec![Slide::Section(other)],
        })
        .collect()
}

/// The 1-based position of a slide in the deck and the deck's length.
pub fn position(slide: Slide) -> (usize, usize) {
    let slide = in_deck(slide);
    let deck = deck();
    let at = deck.iter().position(|s| *s == slide).unwrap_or(0);
    (at + 1, deck.len())
}

/// The slide before or after `slide`, if any.
pub fn step(slide: Slide, forward: bool) -> Option<Slide> {
    let slide = in_deck(slide);
    let deck = deck();
    let at = deck.iter().position(|s| *s == slide)?;
    if forward {
        deck.get(at + 1).copied()
    } else {
        at.checked_sub(1).and_then(|i| deck.get(i).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_are_switched_on_and_off_and_junk_is_ignored() {
        assert_eq!(flags(""), Flags::default());
        assert_eq!(flags("?present").present, Some(true));
        assert_eq!(flags("mode=lab&present=1&embed").embed, Some(true));
        assert_eq!(flags("present=off").present, Some(false));
        assert_eq!(flags("present=<script>").present, None);
        assert_eq!(flags("present=1&present=junk").present, Some(true));
        assert_eq!(flags("presenter=1").present, None);
    }

    #[test]
    fn the_deck_is_every_section_with_the_story_for_the_scenario() {
        let deck = deck();
        assert_eq!(deck.len(), Section::ALL.len() - 1 + Scene::ALL.len());
        assert_eq!(deck[0], Slide::Section(Section::Home));
        assert_eq!(position(Slide::Scene(Scene::ALL[0])), (5, deck.len()));
        assert_eq!(
            position(Slide::Section(Section::Glossary)),
            (deck.len(), deck.len())
        );
        // Paging runs from the tools map into the story and from its end to the glossary.
        assert_eq!(
            step(Slide::Section(Section::Tools), true),
            Some(Slide::Scene(Scene::ALL[0]))
        );
        assert_eq!(
            step(Slide::Section(Section::Glossary), false),
            Some(Slide::Scene(Scene::ALL[Scene::ALL.len() - 1]))
        );
        assert_eq!(step(Slide::Section(Section::Home), false), None);
        assert_eq!(position(Slide::Lab), (5, deck.len()));
        assert_eq!(step(Slide::Lab, true), Some(Slide::Scene(Scene::ALL[1])));
        assert_eq!(step(Slide::Section(Section::Glossary), true), None);
    }
}
