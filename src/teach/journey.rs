//! A student's way through the app, as the browser keeps it: the sections visited, the
//! story scenes seen and the last page open (for "continue where I left off"). Its saved
//! form is one short line; anything that does not read back exactly is discarded, so a
//! tampered value can only reset the record, never break the page.

use crate::scenario::scenes::Scene;
use crate::sections::Section;

/// What a student has done so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Journey {
    /// One bit per section, in `Section::ALL` order.
    pub sections: u8,
    /// One bit per story scene, in `Scene::ALL` order.
    pub scenes: u16,
    /// The last page open (a path inside the app, with its query), if any.
    pub last: Option<String>,
}

/// The longest last-page path kept.
const MAX_PATH: usize = 512;

impl Journey {
    /// Marks a section visited.
    pub fn visit(&mut self, section: Section) {
        self.sections |= 1 << section.index();
    }

    /// Marks a story scene seen.
    pub fn see(&mut self, scene: Scene) {
        self.scenes |= 1 << scene.index();
    }

    /// Remembers the page open now, if it is a plain path inside the app.
    pub fn open(&mut self, path: &str) {
        if path.starts_with('/')
            && !path.starts_with("//")
            && path.len() <= MAX_PATH
            && !path
                .chars()
                .any(|c| c.is_control() || c == '"' || c == '<' || c == '>')
        {
            self.last = Some(path.to_string());
        }
    }

    /// Sections visited, and how many there are.
    pub fn sections_visited(&self) -> (usize, usize) {
        (self.sections.count_ones() as usize, Section::ALL.len())
    }

    /// Story scenes seen, and how many there are.
    pub fn scenes_seen(&self) -> (usize, usize) {
        (self.scenes.count_ones() as usize, Scene::ALL.len())
    }

    /// True when nothing has been recorded yet.
    pub fn is_empty(&self) -> bool {
        self.sections == 0 && self.scenes == 0
    }

    /// The saved form: `v1|<sections>|<scenes>|<last path>`.
    pub fn encode(&self) -> String {
        format!(
            "v1|{}|{}|{}",
            self.sections,
            self.scenes,
            self.last.as_deref().unwrap_or("")
        )
    }

    /// Reads a saved form back; `None` for anything that is not exactly one.
    pub fn decode(text: &str) -> Option<Journey> {
        let mut parts = text.splitn(4, '|');
        if parts.next()? != "v1" {
            return None;
        }
        let sections: u8 = parts.next()?.parse().ok()?;
        let scenes: u16 = parts.next()?.parse().ok()?;
        let last = parts.next()?;
        let all_sections = (1u16 << Section::ALL.len()) - 1;
        let all_scenes = (1u32 << Scene::ALL.len()) - 1;
        if u16::from(sections) & !all_sections != 0 || u32::from(scenes) & !all_scenes != 0 {
            return None;
        }
        let mut journey = Journey {
            sections,
            scenes,
            last: None,
        };
        if !last.is_empty() {
            journey.open(last);
            journey.last.as_ref()?;
        }
        (journey.encode() == text).then_some(journey)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_journey_survives_a_round_trip_and_counts_what_was_done() {
        let mut j = Journey::default();
        assert!(j.is_empty());
        j.visit(Section::Roles);
        j.visit(Section::Roles);
        j.visit(Section::Glossary);
        j.see(Scene::ALL[0]);
        j.see(Scene::ALL[12]);
        j.open("/mlops-lab/he/scenario?scene=gate");
        assert_eq!(j.sections_visited(), (2, Section::ALL.len()));
        assert_eq!(j.scenes_seen(), (2, Scene::ALL.len()));
        assert_eq!(Journey::decode(&j.encode()), Some(j));
    }

    #[test]
    fn tampered_records_are_discarded_and_odd_paths_not_kept() {
        for bad in [
            "",
            "v2|1|1|",
            "v1|1|1",
            "v1|255|0|",
            "v1|1|65535|",
            "v1|-1|0|",
            "v1|1|1|//evil.example",
            "v1|1|1|javascript:alert(1)",
            "v1|1|1|/a\"><script>",
            "v1|01|1|",
            "junk",
        ] {
            assert_eq!(Journey::decode(bad), None, "{bad}");
        }
        let mut j = Journey::default();
        j.open("https://elsewhere.example/");
        j.open(&format!("/{}", "a".repeat(600)));
        assert_eq!(j.last, None);
    }
}
