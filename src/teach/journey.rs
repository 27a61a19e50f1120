//! A student's way through the app, as the browser keeps it: the sections visited, the
//! story scenes seen and the last page open (for "continue where I left off"). It is kept
//! as versioned serde data (`saved::Kept`); a record whose bits or path the app would not
//! have written is discarded, so a tampered value can only reset the record, never break
//! the page.

use crate::saved::Kept;
use crate::scenario::scenes::Scene;
use crate::sections::Section;
use serde::{Deserialize, Serialize};

/// What a student has done so far.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
}

impl Kept for Journey {
    const VERSION: u32 = 1;

    /// Only bits of sections and scenes that exist, and a last page `open` would keep.
    fn valid(&self) -> bool {
        let all_sections = (1u16 << Section::ALL.len()) - 1;
        let all_scenes = (1u32 << Scene::ALL.len()) - 1;
        let mut reopened = Journey::default();
        if let Some(path) = &self.last {
            reopened.open(path);
        }
        u16::from(self.sections) & !all_sections == 0
            && u32::from(self.scenes) & !all_scenes == 0
            && reopened.last == self.last
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::saved::{Loaded, decode, encode};

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
        assert_eq!(decode(Some(&encode(&j))), Loaded::Restored(j));
    }

    #[test]
    fn tampered_records_are_discarded_and_odd_paths_not_kept() {
        for bad in [
            "",
            "v1|1|1|",
            r#"{"version":2,"value":{"sections":1,"scenes":1,"last":null}}"#,
            r#"{"version":1,"value":{"sections":255,"scenes":0,"last":null}}"#,
            r#"{"version":1,"value":{"sections":1,"scenes":65535,"last":null}}"#,
            r#"{"version":1,"value":{"sections":-1,"scenes":0,"last":null}}"#,
            r#"{"version":1,"value":{"sections":1,"scenes":1,"last":"//evil.example"}}"#,
            r#"{"version":1,"value":{"sections":1,"scenes":1,"last":"javascript:alert(1)"}}"#,
            r#"{"version":1,"value":{"sections":1,"scenes":1,"last":"/a\"><script>"}}"#,
            r#"{"version":1,"value":{"sections":1,"scenes":1,"last":null,"more":1}}"#,
            "junk",
        ] {
            assert_eq!(decode::<Journey>(Some(bad)), Loaded::Discarded, "{bad}");
        }
        let mut j = Journey::default();
        j.open("https://elsewhere.example/");
        j.open(&format!("/{}", "a".repeat(600)));
        assert_eq!(j.last, None);
    }
}
