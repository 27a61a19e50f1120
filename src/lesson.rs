//! A lesson: what an instructor shares with a class. It names the stops students walk
//! through (sections, story scenes, the lab) and which of the lab's controls they may
//! change; every other control stays at the value the instructor chose. The whole lesson
//! lives in a link's query:
//!
//! `?lesson=roles,drop,alert,lab&open=strength,alert&drift=price-rise&strength=1.2`
//!
//! `lesson` lists the stops, `open` the controls students may change (all of them when it
//! is missing), and the scenario's own keys (`crate::scenario::url`) give the values.
//! Parsing never fails: unknown parts are dropped and reported. Pure: the shell keeps the
//! lesson for the browser tab.
//!
//! Why it is longer than ~400 lines: the stops, the controls and the link that carries
//! them are one format, read and written here; the code is about 450 lines, the rest its
//! tests.

use crate::display::Slide;
use crate::scenario::scenes::Scene;
use crate::scenario::url::{self, Mode, PageState, Problem, copy_fields};
use crate::sections::Section;

/// A lab control a lesson can open to students or fix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// The preset the world starts from.
    Preset,
    /// The kind of drift.
    Drift,
    /// The drift's strength.
    Strength,
    /// The day the drift begins.
    Onset,
    /// Step or ramp (with the ramp's length).
    Shape,
    /// The label delay.
    Delay,
    /// Customers scored a week.
    Cohort,
    /// The random world.
    Seed,
    /// The alert threshold.
    Alert,
    /// The operating policy.
    Policy,
    /// The bad decisions.
    Bad,
    /// The business inputs (ARPU, offer cost, save rate, months retained...).
    Business,
    /// How long each step of a fix takes (the assumptions).
    Timings,
    /// The production incidents switched on, and their days.
    Incidents,
}

/// The URL keys (and lab input ids) of the assumptions: how long each step of a fix takes.
pub const TIMING_KEYS: [&str; 8] = [
    "lretrain",
    "canary",
    "dash",
    "mretrain",
    "mrelease",
    "review",
    "nlretrain",
    "nldeploy",
];

impl Control {
    /// Every control, in the lab's order.
    pub const ALL: [Control; 14] = [
        Control::Preset,
        Control::Drift,
        Control::Strength,
        Control::Onset,
        Control::Shape,
        Control::Delay,
        Control::Cohort,
        Control::Seed,
        Control::Alert,
        Control::Policy,
        Control::Bad,
        Control::Business,
        Control::Timings,
        Control::Incidents,
    ];

    /// The URL value.
    pub fn slug(self) -> &'static str {
        match self {
            Control::Preset => "preset",
            Control::Drift => "drift",
            Control::Strength => "strength",
            Control::Onset => "onset",
            Control::Shape => "shape",
            Control::Delay => "delay",
            Control::Cohort => "cohort",
            Control::Seed => "seed",
            Control::Alert => "alert",
            Control::Policy => "policy",
            Control::Bad => "bad",
            Control::Business => "business",
            Control::Timings => "timings",
            Control::Incidents => "incidents",
        }
    }

    /// The control named by a URL value.
    pub fn from_slug(slug: &str) -> Option<Control> {
        Control::ALL.into_iter().find(|c| c.slug() == slug)
    }

    /// The scenario URL keys the control sets.
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            Control::Preset => &[],
            Control::Drift => &["drift"],
            Control::Strength => &["strength"],
            Control::Onset => &["onset"],
            Control::Shape => &["shape", "ramp"],
            Control::Delay => &["delay"],
            Control::Cohort => &["n"],
            Control::Seed => &["seed"],
            Control::Alert => &["alert", "drop"],
            Control::Policy => &["policy"],
            Control::Bad => &["bad"],
            Control::Business => &["arpu", "offer", "save", "fpaccept", "months", "control"],
            Control::Timings => &TIMING_KEYS,
            Control::Incidents => &["incidents", "slowdown"],
        }
    }

    /// The control an element of the lab belongs to, by the element's id.
    pub fn of_input(id: &str) -> Option<Control> {
        match id {
            "n" => Some(Control::Cohort),
            "ramp" => Some(Control::Shape),
            "arpu" | "offer" | "save" | "fpaccept" | "months" | "control" => {
                Some(Control::Business)
            }
            "drop" => Some(Control::Alert),
            _ if TIMING_KEYS.contains(&id) => Some(Control::Timings),
            _ if id.starts_with("bad-") => Some(Control::Bad),
            _ if id.starts_with("incident-") => Some(Control::Incidents),
            _ => Control::from_slug(id),
        }
    }
}

/// The order stops are walked in: the presenter's deck, with the lab after the story.
fn order(slide: Slide) -> usize {
    let scenario = Section::Scenario.index();
    match slide {
        Slide::Section(section) if section.index() <= scenario => section.index(),
        Slide::Scene(scene) => scenario + scene.index(),
        Slide::Lab => scenario + Scene::ALL.len(),
        Slide::Section(section) => section.index() + Scene::ALL.len(),
    }
}

/// A stop's URL value.
pub fn stop_slug(stop: Slide) -> &'static str {
    match stop {
        Slide::Section(Section::Home) => "home",
        Slide::Section(section) => section.slug(),
        Slide::Scene(scene) => scene.slug(),
        Slide::Lab => "lab",
    }
}

/// The stop named by a URL value. The scenario itself is not a stop: its scenes and lab
/// are.
pub fn stop_from_slug(slug: &str) -> Option<Slide> {
    match slug {
        "home" => Some(Slide::Section(Section::Home)),
        "lab" => Some(Slide::Lab),
        "scenario" => None,
        other => Section::from_slug(other)
            .filter(|s| *s != Section::Home)
            .map(Slide::Section)
            .or_else(|| Scene::from_slug(other).map(Slide::Scene)),
    }
}

/// Every stop a lesson can have, in order.
pub fn all_stops() -> Vec<Slide> {
    let mut stops: Vec<Slide> = Section::ALL
        .into_iter()
        .filter(|s| *s != Section::Scenario)
        .map(Slide::Section)
        .chain(Scene::ALL.into_iter().map(Slide::Scene))
        .chain([Slide::Lab])
        .collect();
    stops.sort_by_key(|s| order(*s));
    stops
}

/// A lesson.
#[derive(Clone, Debug, PartialEq)]
pub struct Lesson {
    /// The stops, in walking order, at least one.
    pub stops: Vec<Slide>,
    /// The lab controls students may change.
    pub open: Vec<Control>,
    /// The values the lab starts from; the controls not open stay at them.
    pub fixed: PageState,
}

/// What a query says about lessons.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// The query has no `lesson` key.
    Nothing,
    /// `lesson=off`: leave the lesson.
    Leave,
    /// A lesson, and the parts of the link that could not be used.
    Lesson(Box<Lesson>, Vec<String>),
    /// A `lesson` key with no stop the app knows, and what could not be used.
    Broken(Vec<String>),
}

impl Default for Lesson {
    /// Every stop, every control open, the article's scenario.
    fn default() -> Self {
        Lesson {
            stops: all_stops(),
            open: Control::ALL.to_vec(),
            fixed: PageState::default(),
        }
    }
}

fn list(raw: &str) -> impl Iterator<Item = &str> {
    raw.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .take(64)
}

/// Reads a lesson from a query string (with or without its leading `?`).
pub fn parse(query: &str) -> Found {
    match read(query) {
        None => Found::Nothing,
        Some(None) => Found::Leave,
        Some(Some((lesson, problems))) if lesson.stops.is_empty() => Found::Broken(problems),
        Some(Some((lesson, problems))) => Found::Lesson(Box::new(lesson), problems),
    }
}

/// Reads a lesson being made (the builder's page), which may have no stop yet: every
/// stop when the query names no lesson.
pub fn draft(query: &str) -> Lesson {
    match read(query) {
        Some(Some((lesson, _))) => lesson,
        _ => Lesson::default(),
    }
}

/// `None` without a `lesson` key, `Some(None)` to leave, else the lesson (its stops may
/// be empty) and the parts that could not be used.
fn read(query: &str) -> Option<Option<(Lesson, Vec<String>)>> {
    let pairs = url::pairs(query);
    let (_, stops_raw) = pairs.iter().find(|(k, _)| k == "lesson")?;
    if matches!(stops_raw.as_str(), "off" | "0") {
        return Some(None);
    }
    let mut problems = Vec::new();
    let mut stops: Vec<Slide> = Vec::new();
    for slug in list(stops_raw) {
        match stop_from_slug(slug) {
            Some(stop) if !stops.contains(&stop) => stops.push(stop),
            Some(_) => {}
            None => problems.push(slug.chars().take(24).collect()),
        }
    }
    stops.sort_by_key(|s| order(*s));
    let open = match pairs.iter().find(|(k, _)| k == "open") {
        None => Control::ALL.to_vec(),
        Some((_, raw)) => {
            let mut open = Vec::new();
            for slug in list(raw) {
                match Control::from_slug(slug) {
                    Some(control) if !open.contains(&control) => open.push(control),
                    Some(_) => {}
                    None => problems.push(slug.chars().take(24).collect()),
                }
            }
            Control::ALL
                .into_iter()
                .filter(|c| open.contains(c))
                .collect()
        }
    };
    // The values: the scenario's own keys, with the page's view settings left out.
    let (state, config_problems) = url::parse(query);
    for problem in config_problems {
        match problem {
            Problem::Unknown(name) => problems.push(name),
            Problem::BadValue(name) => problems.push(name.to_string()),
            Problem::Inconsistent => problems.push("config".to_string()),
        }
    }
    let fixed = PageState {
        preset: state.preset,
        config: state.config,
        ..PageState::default()
    };
    Some(Some((Lesson { stops, open, fixed }, problems)))
}

impl Lesson {
    /// The lesson as a query string (without `?`), in a fixed order.
    pub fn to_query(&self) -> String {
        let stops: Vec<&str> = self.stops.iter().map(|s| stop_slug(*s)).collect();
        let mut parts = vec![format!("lesson={}", stops.join(","))];
        if self.open.len() != Control::ALL.len() {
            let open: Vec<&str> = self.open.iter().map(|c| c.slug()).collect();
            parts.push(format!("open={}", open.join(",")));
        }
        let values = url::to_query(&self.fixed);
        if !values.is_empty() {
            parts.push(values);
        }
        parts.join("&")
    }

    /// Whether students may change a control.
    pub fn is_open(&self, control: Control) -> bool {
        self.open.contains(&control)
    }

    /// Whether the lesson has any scene of the story.
    pub fn has_story(&self) -> bool {
        self.stops.iter().any(|s| matches!(s, Slide::Scene(_)))
    }

    /// Whether the lesson has the lab.
    pub fn has_lab(&self) -> bool {
        self.stops.contains(&Slide::Lab)
    }

    /// Whether the lesson goes to a section (the scenario: any scene or the lab).
    pub fn shows(&self, section: Section) -> bool {
        self.stops.iter().any(|s| s.section() == section)
    }

    /// The 1-based position of a stop and the number of stops, if the stop is in the
    /// lesson.
    pub fn position(&self, stop: Slide) -> Option<(usize, usize)> {
        let at = self.stops.iter().position(|s| *s == stop)?;
        Some((at + 1, self.stops.len()))
    }

    /// The stop after or before `here`, which need not be in the lesson itself.
    pub fn step(&self, here: Slide, forward: bool) -> Option<Slide> {
        let at = order(here);
        if forward {
            self.stops.iter().find(|s| order(**s) > at).copied()
        } else {
            self.stops.iter().rev().find(|s| order(**s) < at).copied()
        }
    }

    /// The story scene after or before `scene` in the lesson.
    pub fn step_scene(&self, scene: Scene, forward: bool) -> Option<Scene> {
        match self.step(Slide::Scene(scene), forward) {
            Some(Slide::Scene(next)) => Some(next),
            _ => None,
        }
    }

    /// The scenes the lesson has.
    pub fn scenes(&self) -> Vec<Scene> {
        self.stops
            .iter()
            .filter_map(|s| match s {
                Slide::Scene(scene) => Some(*scene),
                _ => None,
            })
            .collect()
    }

    /// The state the scenario opens in at a stop of the lesson.
    pub fn state_at(&self, stop: Slide) -> PageState {
        match stop {
            Slide::Lab => PageState {
                mode: Mode::Lab,
                ..self.fixed
            },
            Slide::Scene(scene) => PageState {
                scene,
                ..self.fixed
            },
            _ => self.fixed,
        }
    }

    /// Holds the controls that are not open at the lesson's values. Returns true when
    /// anything had to change.
    pub fn enforce(&self, state: &mut PageState) -> bool {
        let before = *state;
        let locked: Vec<&str> = Control::ALL
            .into_iter()
            .filter(|c| !self.is_open(*c))
            .flat_map(|c| c.keys().iter().copied())
            .collect();
        if !self.is_open(Control::Preset) && state.preset != self.fixed.preset {
            state.preset = self.fixed.preset;
            // The horizon and timings come with the preset.
            let mut config = self.fixed.config;
            copy_fields(&state.config, &mut config, &open_keys(self));
            state.config = config;
        }
        copy_fields(&self.fixed.config, &mut state.config, &locked);
        if state.config.validate().is_err() {
            state.preset = self.fixed.preset;
            state.config = self.fixed.config;
        }
        if let Some(day) = state.day
            && day >= state.config.horizon_days
        {
            state.day = None;
        }
        *state != before
    }

    /// The link that opens the lesson at its first stop: a path under `base` in `lang`,
    /// with the lesson's query.
    pub fn link(&self, base: &str, lang: crate::i18n::Lang) -> String {
        let first = self
            .stops
            .first()
            .copied()
            .unwrap_or(Slide::Section(Section::Home));
        let path = crate::route::section_path(base, lang, first.section());
        let mut query = self.to_query();
        let view = url::to_query(&PageState {
            preset: self.fixed.preset,
            config: self.fixed.config,
            ..self.state_at(first)
        });
        // The scene or the lab the scenario opens at, ahead of the values.
        for part in view.split('&') {
            if part.starts_with("mode=") || part.starts_with("scene=") {
                query.push('&');
                query.push_str(part);
            }
        }
        crate::route::with_query(path, &query)
    }
}

fn open_keys(lesson: &Lesson) -> Vec<&'static str> {
    lesson
        .open
        .iter()
        .flat_map(|c| c.keys().iter().copied())
        .collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_timings_control_holds_every_duration() {
        let keys: Vec<&str> = crate::sim::TIMING_FIELDS.iter().map(|f| f.key).collect();
        assert_eq!(keys, TIMING_KEYS);
    }

    use super::*;
    use crate::i18n::Lang;
    use crate::sim::{Config, DriftKind, PolicyKind, Preset};

    fn lesson(query: &str) -> Lesson {
        match parse(query) {
            Found::Lesson(lesson, problems) => {
                assert!(problems.is_empty(), "{problems:?}");
                *lesson
            }
            other => panic!("no lesson in {query}: {other:?}"),
        }
    }

    #[test]
    fn a_query_without_a_lesson_is_nothing_and_off_leaves() {
        assert_eq!(parse(""), Found::Nothing);
        assert_eq!(parse("mode=lab&strength=1"), Found::Nothing);
        assert_eq!(parse("lesson=off"), Found::Leave);
    }

    #[test]
    fn stops_are_read_in_walking_order_without_repeats() {
        let l = lesson("lesson=glossary,lab,drop,roles,drop,home");
        assert_eq!(
            l.stops,
            vec![
                Slide::Section(Section::Home),
                Slide::Section(Section::Roles),
                Slide::Scene(Scene::Drop),
                Slide::Lab,
                Slide::Section(Section::Glossary),
            ]
        );
        assert_eq!(l.open, Control::ALL.to_vec(), "no open list: all open");
        assert!(l.shows(Section::Scenario) && !l.shows(Section::Tools));
        assert!(l.has_lab() && l.has_story());
    }

    #[test]
    fn a_lesson_round_trips_through_its_query() {
        let mut l = Lesson {
            stops: vec![
                Slide::Section(Section::Roles),
                Slide::Scene(Scene::Alert),
                Slide::Lab,
            ],
            open: vec![Control::Strength, Control::Policy],
            ..Lesson::default()
        };
        l.fixed.config.drift = DriftKind::PriceRise;
        l.fixed.config.strength = 1.2;
        let query = l.to_query();
        assert_eq!(
            query,
            "lesson=roles,alert,lab&open=strength,policy&drift=price-rise&strength=1.2"
        );
        assert_eq!(lesson(&query), l);
        let none_open = Lesson {
            open: vec![],
            ..Lesson::default()
        };
        assert!(none_open.to_query().contains("open=&") || none_open.to_query().ends_with("open="));
        assert_eq!(lesson(&none_open.to_query()), none_open);
        assert_eq!(lesson(&Lesson::default().to_query()), Lesson::default());
    }

    #[test]
    fn the_link_opens_the_first_stop() {
        let l = lesson("lesson=lab,glossary&open=alert&seed=9");
        let link = l.link("/mlops-lab", Lang::He);
        assert!(link.starts_with("/mlops-lab/he/scenario?lesson=lab,glossary&open=alert&seed=9"));
        assert!(link.ends_with("&mode=lab"), "{link}");
        let l = lesson("lesson=tools,gate");
        assert_eq!(l.link("", Lang::En), "/en/tools?lesson=tools,gate");
        let l = lesson("lesson=gate,impact");
        assert_eq!(
            l.link("", Lang::En),
            "/en/scenario?lesson=gate,impact&scene=gate"
        );
    }

    #[test]
    fn walking_moves_between_the_stops_from_anywhere() {
        let l = lesson("lesson=roles,drop,alert,glossary");
        let roles = Slide::Section(Section::Roles);
        assert_eq!(l.position(roles), Some((1, 4)));
        assert_eq!(l.step(roles, true), Some(Slide::Scene(Scene::Drop)));
        assert_eq!(l.step(roles, false), None);
        assert_eq!(
            l.step(Slide::Scene(Scene::Drop), true),
            Some(Slide::Scene(Scene::Alert))
        );
        assert_eq!(
            l.step_scene(Scene::Alert, true),
            None,
            "the glossary is not a scene"
        );
        assert_eq!(l.step_scene(Scene::Alert, false), Some(Scene::Drop));
        // From a page outside the lesson, to the nearest stop each way.
        let tools = Slide::Section(Section::Tools);
        assert_eq!(l.position(tools), None);
        assert_eq!(l.step(tools, true), Some(Slide::Scene(Scene::Drop)));
        assert_eq!(l.step(tools, false), Some(roles));
        assert_eq!(
            l.step(Slide::Lab, true),
            Some(Slide::Section(Section::Glossary))
        );
        assert_eq!(l.scenes(), vec![Scene::Drop, Scene::Alert]);
    }

    #[test]
    fn controls_not_open_hold_the_lessons_values() {
        let l = lesson("lesson=lab&open=strength&drift=price-rise&strength=1.2&alert=0.8");
        let mut state = PageState::default();
        state.config.strength = 0.4;
        state.config.alert_f1 = 0.6;
        state.config.policy = PolicyKind::NoLoop;
        assert!(l.enforce(&mut state));
        assert_eq!(state.config.strength, 0.4, "open: the student's value");
        assert_eq!(state.config.alert_f1, 0.8);
        assert_eq!(state.config.drift, DriftKind::PriceRise);
        assert_eq!(state.config.policy, l.fixed.config.policy);
        assert!(!l.enforce(&mut state), "already held");
        // A fixed preset brings its horizon back; the open strength stays.
        let mut other = PageState {
            preset: Preset::GradualRamp,
            config: Config::preset(Preset::GradualRamp),
            ..state
        };
        other.config.strength = 1.5;
        l.enforce(&mut other);
        assert_eq!(other.preset, Preset::Article);
        assert_eq!(other.config.horizon_days, l.fixed.config.horizon_days);
        assert_eq!(other.config.strength, 1.5);
        assert!(other.config.validate().is_ok());
    }

    #[test]
    fn hostile_lesson_links_are_reported_and_never_panic() {
        match parse("lesson=<script>,roles,scenario&open=all,alert&strength=NaN") {
            Found::Lesson(l, problems) => {
                assert_eq!(l.stops, vec![Slide::Section(Section::Roles)]);
                assert_eq!(l.open, vec![Control::Alert]);
                assert_eq!(l.fixed.config.strength, Config::default().strength);
                for name in ["<script>", "scenario", "all", "strength"] {
                    assert!(problems.iter().any(|p| p == name), "{name}: {problems:?}");
                }
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(parse("lesson=nothing"), Found::Broken(p) if p == ["nothing"]));
        assert!(matches!(parse("lesson="), Found::Broken(_)));
        let huge = format!("lesson={}", "roles,".repeat(50_000));
        assert!(matches!(parse(&huge), Found::Lesson(l, _) if l.stops.len() == 1));
    }

    #[test]
    fn a_draft_keeps_its_values_without_stops() {
        let d = draft("lesson=&open=seed&strength=0.5");
        assert!(d.stops.is_empty());
        assert_eq!(d.open, vec![Control::Seed]);
        assert_eq!(d.fixed.config.strength, 0.5);
        assert_eq!(draft(&d.to_query()), d);
        assert_eq!(draft("mode=lab"), Lesson::default());
    }

    #[test]
    fn every_lab_input_belongs_to_a_control() {
        for id in [
            "preset",
            "drift",
            "strength",
            "onset",
            "shape",
            "delay",
            "cohort",
            "seed",
            "alert",
            "policy",
            "bad-ignore",
            "bad-skipgate",
            "arpu",
            "offer",
            "save",
            "months",
            "control",
        ] {
            assert!(Control::of_input(id).is_some(), "{id}");
        }
        for control in Control::ALL {
            assert_eq!(Control::from_slug(control.slug()), Some(control));
        }
        for stop in all_stops() {
            assert_eq!(stop_from_slug(stop_slug(stop)), Some(stop));
        }
        assert_eq!(all_stops().len(), 5 + Scene::ALL.len() + 1);
    }
}
