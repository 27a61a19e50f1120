//! How the app is shown: presenter mode (for a projector) and embed mode (inside a
//! learning platform's page), and the deck an instructor pages through: every section in
//! order, with the churn story's scenes and its lab standing in for the scenario section,
//! and how paging walks a long page part by part before leaving it. Pure: the
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
    /// The churn scenario's lab: in the presenter's deck after the story's last scene.
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

/// Every stop, in presenting order: the churn scenario is its story's scenes, then its lab.
pub fn deck() -> Vec<Slide> {
    Section::ALL
        .into_iter()
        .flat_map(|section| match section {
            Section::Scenario => Scene::ALL
                .into_iter()
                .map(Slide::Scene)
                .chain([Slide::Lab])
                .collect(),
            other => vec![Slide::Section(other)],
        })
        .collect()
}

/// The 1-based position of a slide in the deck and the deck's length.
pub fn position(slide: Slide) -> (usize, usize) {
    let deck = deck();
    let at = deck.iter().position(|s| *s == slide).unwrap_or(0);
    (at + 1, deck.len())
}

/// The slide before or after `slide`, if any.
pub fn step(slide: Slide, forward: bool) -> Option<Slide> {
    let deck = deck();
    let at = deck.iter().position(|s| *s == slide)?;
    if forward {
        deck.get(at + 1).copied()
    } else {
        at.checked_sub(1).and_then(|i| deck.get(i).copied())
    }
}

/// Where paging within a page scrolls to: the top of the next (or previous) part of the
/// page, so each press shows one part below the sticky header, like a slide; a part taller
/// than the screen is walked a screen at a time, so nothing is skipped. `None` once the
/// page's end (or start) is on screen: the key then leaves the page.
///
/// All in CSS pixels from the document's top: `parts` holds where each part starts (its
/// heading), `top` is the scroll position, `view` the viewport's height, `header` the sticky
/// header's and `end` the document's.
pub fn page_target(
    parts: &[f64],
    top: f64,
    (view, header, end): (f64, f64, f64),
    forward: bool,
) -> Option<f64> {
    /// Room left above a part's heading.
    const GAP: f64 = 12.0;
    /// Less than this is no move.
    const NEAR: f64 = 2.0;
    let last = (end - view).max(0.0);
    let screen = (view - header - 2.0 * GAP).max(view / 2.0);
    let starts = parts.iter().map(|p| (p - header - GAP).max(0.0));
    let target = if forward {
        if top >= last - NEAR {
            return None;
        }
        let next = starts
            .filter(|s| *s > top + NEAR)
            .fold(f64::INFINITY, f64::min);
        next.min(top + screen).min(last)
    } else {
        if top <= NEAR {
            return None;
        }
        let previous = starts.filter(|s| *s < top - NEAR).fold(0.0, f64::max);
        previous.max(top - screen)
    };
    target.is_finite().then_some(target)
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
        assert_eq!(deck.len(), Section::ALL.len() + Scene::ALL.len());
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
            Some(Slide::Lab)
        );
        assert_eq!(step(Slide::Section(Section::Home), false), None);
        assert_eq!(step(Slide::Section(Section::Glossary), true), None);
    }

    #[test]
    fn the_lab_closes_the_story_in_the_deck() {
        let deck = deck();
        let lab = Scene::ALL.len() + 5;
        assert_eq!(position(Slide::Lab), (lab, deck.len()));
        let last_scene = Slide::Scene(Scene::ALL[Scene::ALL.len() - 1]);
        assert_eq!(step(last_scene, true), Some(Slide::Lab));
        assert_eq!(step(Slide::Lab, false), Some(last_scene));
        assert_eq!(
            step(Slide::Lab, true),
            Some(Slide::Section(Section::Glossary))
        );
    }

    #[test]
    fn paging_within_a_page_walks_its_parts_then_leaves() {
        // A page 3,000 px long in a 1,000 px window under a 100 px header, with parts at
        // 0, 500, 700 and 2,400 px.
        let frame = (1000.0, 100.0, 3000.0);
        let parts = [0.0, 500.0, 700.0, 2400.0];
        let next = |top| page_target(&parts, top, frame, true);
        let back = |top| page_target(&parts, top, frame, false);
        // Each part's heading lands just below the header.
        assert_eq!(next(0.0), Some(388.0));
        assert_eq!(next(388.0), Some(588.0));
        // The part from 700 to 2,400 is longer than a screen: a screen at a time.
        assert_eq!(next(588.0), Some(588.0 + 876.0));
        assert_eq!(next(1464.0), Some(2000.0));
        // At the end the key leaves the page; at the start, back leaves it.
        assert_eq!(next(2000.0), None);
        assert_eq!(back(2000.0), Some(2000.0 - 876.0));
        assert_eq!(back(588.0), Some(388.0));
        assert_eq!(back(388.0), Some(0.0));
        assert_eq!(back(0.0), None);
        // A page that fits its window is one slide.
        assert_eq!(page_target(&parts, 0.0, (1000.0, 100.0, 900.0), true), None);
        // Nothing finite is ever returned as a move from bad measures.
        assert_eq!(page_target(&[], 0.0, (f64::NAN, 0.0, 10.0), true), None);
    }
}
