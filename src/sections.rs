//! The sections of the app. `Section` is the one list that drives the navigation, the
//! routes, the previous/next pager and the tests that visit every page: adding a section
//! here (and its strings in the locale files) is all it takes to appear everywhere.

/// A top-level section, in reading order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// Why MLOps matters, and a map of the app.
    Home,
    /// The ML Developer and the MLOps Engineer.
    Roles,
    /// The shared lifecycle and its handoffs.
    Lifecycle,
    /// The tool map.
    Tools,
    /// The churn-prediction scenario.
    Scenario,
    /// The bilingual glossary.
    Glossary,
}

impl Section {
    /// Every section, in reading order.
    pub const ALL: [Section; 6] = [
        Section::Home,
        Section::Roles,
        Section::Lifecycle,
        Section::Tools,
        Section::Scenario,
        Section::Glossary,
    ];

    /// The URL segment after the language (`/en/roles`); Home has none (`/en/`).
    pub fn slug(self) -> &'static str {
        match self {
            Section::Home => "",
            Section::Roles => "roles",
            Section::Lifecycle => "lifecycle",
            Section::Tools => "tools",
            Section::Scenario => "scenario",
            Section::Glossary => "glossary",
        }
    }

    /// The section for a URL segment, if there is one.
    pub fn from_slug(slug: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The stem of the section's locale keys: `section.<id>.title`, `.nav`, `.summary`.
    pub fn id(self) -> &'static str {
        match self {
            Section::Home => "home",
            Section::Roles => "roles",
            Section::Lifecycle => "lifecycle",
            Section::Tools => "tools",
            Section::Scenario => "scenario",
            Section::Glossary => "glossary",
        }
    }

    /// Locale key of the page title.
    pub fn title_key(self) -> String {
        format!("section.{}.title", self.id())
    }

    /// Locale key of the short navigation label.
    pub fn nav_key(self) -> String {
        format!("section.{}.nav", self.id())
    }

    /// Locale key of the one-paragraph summary.
    pub fn summary_key(self) -> String {
        format!("section.{}.summary", self.id())
    }

    /// 0-based position in reading order.
    pub fn index(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The next section, if any.
    pub fn next(self) -> Option<Section> {
        Section::ALL.get(self.index() + 1).copied()
    }

    /// The previous section, if any.
    pub fn prev(self) -> Option<Section> {
        self.index().checked_sub(1).map(|i| Section::ALL[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_slug_leads_back_to_its_section() {
        for section in Section::ALL {
            assert_eq!(Section::from_slug(section.slug()), Some(section));
        }
        assert_eq!(Section::from_slug("nope"), None);
    }

    #[test]
    fn next_and_prev_walk_the_sections_in_order_and_stop_at_the_ends() {
        assert_eq!(Section::Home.prev(), None);
        assert_eq!(Section::Home.next(), Some(Section::Roles));
        assert_eq!(Section::Glossary.next(), None);
        assert_eq!(Section::Glossary.prev(), Some(Section::Scenario));
        for pair in Section::ALL.windows(2) {
            assert_eq!(pair[0].next(), Some(pair[1]));
            assert_eq!(pair[1].prev(), Some(pair[0]));
        }
    }
}
