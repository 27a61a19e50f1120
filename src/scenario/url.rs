//! The scenario page's state in the URL query, so a copied link shows another browser
//! exactly the same thing. Parsing never fails: each parameter that is unknown, malformed
//! or out of range falls back to its default and is reported, so the page can show a
//! notice. Only values that differ from the preset are written back, keeping links short.
//!
//! Why it is longer than ~400 lines: the table of every parameter (how each is read,
//! checked and written) is one list, so a new parameter is one entry; the code is about
//! 530 lines, the rest its tests.

use super::scenes::Scene;
use crate::sim::drift::Column;
use crate::sim::ops::{IncidentKind, Incidents, SLOWDOWN_RANGE};
use crate::sim::{Config, DriftKind, DriftShape, PolicyKind, Preset};

/// Story (guided scenes) or lab (the sandbox).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// The guided story, the default.
    #[default]
    Story,
    /// The sandbox with every control.
    Lab,
}

impl Mode {
    /// The URL value.
    pub fn slug(self) -> &'static str {
        match self {
            Mode::Story => "story",
            Mode::Lab => "lab",
        }
    }
}

/// The drift statistic the lab's monitor chart shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Stat {
    /// Population stability index.
    #[default]
    Psi,
    /// Jensen-Shannon distance.
    Js,
    /// Normalised Wasserstein distance.
    Wasserstein,
    /// The test's p-value: Kolmogorov-Smirnov, or chi-square for a category.
    PValue,
}

impl Stat {
    /// Every statistic, in menu order.
    pub const ALL: [Stat; 4] = [Stat::Psi, Stat::Js, Stat::Wasserstein, Stat::PValue];

    /// The URL value.
    pub fn slug(self) -> &'static str {
        match self {
            Stat::Psi => "psi",
            Stat::Js => "js",
            Stat::Wasserstein => "wasserstein",
            Stat::PValue => "p",
        }
    }

    /// The statistic named by a URL value.
    pub fn from_slug(slug: &str) -> Option<Stat> {
        Stat::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// The URL value of a monitored input column.
pub fn column_slug(column: Column) -> &'static str {
    match column {
        Column::Tenure => "tenure",
        Column::Contract => "contract",
        Column::Internet => "internet",
        Column::Charges => "charges",
        Column::Echeck => "echeck",
        Column::Calls => "calls",
        Column::Usage => "usage",
        Column::Late => "late",
        Column::Score => "score",
    }
}

/// The input column named by a URL value (the score is not an input).
pub fn column_from_slug(slug: &str) -> Option<Column> {
    Column::INPUTS.into_iter().find(|c| column_slug(*c) == slug)
}

/// The input column the distribution chart shows first: the one the article's competitor
/// moves most visibly when there is anything to see.
pub const DEFAULT_FEATURE: Column = Column::Charges;

/// Everything the scenario page shows, as the URL encodes it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageState {
    /// Story or lab.
    pub mode: Mode,
    /// The story scene.
    pub scene: Scene,
    /// The lab's day on the timeline (`None`: the end of the horizon).
    pub day: Option<u32>,
    /// The preset the configuration starts from.
    pub preset: Preset,
    /// The simulated configuration (the preset plus the URL's changes).
    pub config: Config,
    /// The input column the lab's distribution chart shows.
    pub feature: Column,
    /// The statistic the lab's monitor chart shows.
    pub stat: Stat,
}

impl PageState {
    /// The starting point as the lab names it (`starting_point`).
    pub fn starting_point(&self) -> &'static str {
        starting_point(self.preset, &self.config)
    }
}

/// The starting point as the lab names it: the preset's slug, or `custom` once any
/// setting but the seed departs from `preset`.
pub fn starting_point(preset: Preset, config: &Config) -> &'static str {
    let mut base = Config::preset(preset);
    base.seed = config.seed;
    if *config == base {
        preset.slug()
    } else {
        "custom"
    }
}

impl Default for PageState {
    fn default() -> Self {
        PageState {
            mode: Mode::Story,
            scene: Scene::Problem,
            day: None,
            preset: Preset::Article,
            config: Config::preset(Preset::Article),
            feature: DEFAULT_FEATURE,
            stat: Stat::Psi,
        }
    }
}

/// A URL parameter that could not be used, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A parameter the page does not know.
    Unknown(String),
    /// A known parameter with a value that cannot be read or is out of range.
    BadValue(&'static str),
    /// The values could each be read but together make an invalid configuration; the
    /// preset's configuration is used instead.
    Inconsistent,
}

type Setter = fn(&mut Config, &str) -> bool;
type Getter = fn(&Config) -> String;

/// A configuration field in the URL: its key, how to read and write it.
struct Param {
    key: &'static str,
    get: Getter,
    set: Setter,
}

/// A duration of the timings: its value, or `None` for another key.
fn timing(key: &str) -> Option<crate::sim::TimingField> {
    crate::sim::TIMING_FIELDS.into_iter().find(|f| f.key == key)
}

/// Reads a configuration field by URL key: a `PARAMS` entry or a duration.
fn get_param(key: &str, c: &Config) -> Option<String> {
    match PARAMS.iter().find(|p| p.key == key) {
        Some(p) => Some((p.get)(c)),
        None => timing(key).map(|f| (f.get)(&c.timings).to_string()),
    }
}

/// Writes a configuration field by URL key; false when the value does not read.
fn set_param(key: &str, c: &mut Config, value: &str) -> bool {
    match PARAMS.iter().find(|p| p.key == key) {
        Some(p) => (p.set)(c, value),
        None => timing(key).is_some_and(|f| {
            whole(value, f.range.0, f.range.1)
                .map(|v| (f.set)(&mut c.timings, v))
                .is_some()
        }),
    }
}

/// Every configuration key a link may hold, in the order it writes them.
fn config_keys() -> impl Iterator<Item = &'static str> {
    PARAMS
        .iter()
        .map(|p| p.key)
        .chain(crate::sim::TIMING_FIELDS.iter().map(|f| f.key))
}

/// A number in `lo..=hi`, kept to the four decimals `short` writes, so the state a link
/// gives is exactly the state it writes back.
fn number(value: &str, lo: f64, hi: f64) -> Option<f64> {
    let v: f64 = value.parse().ok()?;
    let v = (v * 1e4).round() / 1e4;
    let v = if v == 0.0 { 0.0 } else { v };
    (v.is_finite() && (lo..=hi).contains(&v)).then_some(v)
}

fn whole(value: &str, lo: u32, hi: u32) -> Option<u32> {
    let v: u32 = value.parse().ok()?;
    (lo..=hi).contains(&v).then_some(v)
}

/// Formats a number without trailing zeros (`0.5`, `12`, `0.78`).
pub fn short(v: f64) -> String {
    let text = format!("{v:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

const PARAMS: &[Param] = &[
    Param {
        key: "seed",
        get: |c| c.seed.to_string(),
        set: |c, v| v.parse::<u64>().map(|s| c.seed = s).is_ok(),
    },
    Param {
        key: "n",
        get: |c| c.cohort_size.to_string(),
        set: |c, v| whole(v, 500, 20_000).map(|n| c.cohort_size = n).is_some(),
    },
    Param {
        key: "drift",
        get: |c| c.drift.slug().to_string(),
        set: |c, v| DriftKind::from_slug(v).map(|k| c.drift = k).is_some(),
    },
    Param {
        key: "strength",
        get: |c| short(c.strength),
        set: |c, v| number(v, 0.0, 2.0).map(|s| c.strength = s).is_some(),
    },
    Param {
        key: "onset",
        get: |c| c.onset_day.to_string(),
        set: |c, v| whole(v, 0, 126).map(|d| c.onset_day = d).is_some(),
    },
    Param {
        key: "shape",
        get: |c| c.shape.slug().to_string(),
        set: |c, v| DriftShape::from_slug(v).map(|s| c.shape = s).is_some(),
    },
    Param {
        key: "ramp",
        get: |c| c.ramp_days.to_string(),
        set: |c, v| whole(v, 1, 56).map(|d| c.ramp_days = d).is_some(),
    },
    Param {
        key: "delay",
        get: |c| c.label_delay_days.to_string(),
        set: |c, v| whole(v, 7, 35).map(|d| c.label_delay_days = d).is_some(),
    },
    Param {
        key: "alert",
        get: |c| short(c.alert_f1),
        set: |c, v| number(v, 0.5, 0.95).map(|a| c.alert_f1 = a).is_some(),
    },
    Param {
        key: "policy",
        get: |c| c.policy.slug().to_string(),
        set: |c, v| PolicyKind::from_slug(v).map(|p| c.policy = p).is_some(),
    },
    Param {
        key: "arpu",
        get: |c| short(c.business.arpu_nis),
        set: |c, v| {
            number(v, 1.0, 1000.0)
                .map(|x| c.business.arpu_nis = x)
                .is_some()
        },
    },
    Param {
        key: "offer",
        get: |c| short(c.business.offer_cost_nis),
        set: |c, v| {
            number(v, 0.0, 1000.0)
                .map(|x| c.business.offer_cost_nis = x)
                .is_some()
        },
    },
    Param {
        key: "save",
        get: |c| short(c.business.save_rate),
        set: |c, v| {
            number(v, 0.0, 1.0)
                .map(|x| c.business.save_rate = x)
                .is_some()
        },
    },
    Param {
        key: "fpaccept",
        get: |c| short(c.business.fp_accept_rate),
        set: |c, v| {
            number(v, 0.0, 1.0)
                .map(|x| c.business.fp_accept_rate = x)
                .is_some()
        },
    },
    Param {
        key: "months",
        get: |c| short(c.business.months_retained),
        set: |c, v| {
            number(v, 1.0, 60.0)
                .map(|x| c.business.months_retained = x)
                .is_some()
        },
    },
    Param {
        key: "control",
        get: |c| short(c.business.control_share),
        set: |c, v| {
            number(v, 0.0, 0.5)
                .map(|x| c.business.control_share = x)
                .is_some()
        },
    },
    Param {
        key: "drop",
        get: |c| short(c.alert_drop),
        set: |c, v| number(v, 0.01, 0.3).map(|x| c.alert_drop = x).is_some(),
    },
    Param {
        key: "bad",
        get: |c| bad_list(c),
        set: set_bad,
    },
    Param {
        key: "incidents",
        get: incident_list,
        set: set_incidents,
    },
    Param {
        key: "slowdown",
        get: |c| short(c.incidents.slowdown),
        set: |c, v| {
            let (lo, hi) = SLOWDOWN_RANGE;
            number(v, lo, hi)
                .map(|x| c.incidents.slowdown = x)
                .is_some()
        },
    },
];

/// The incidents switched on, as `peak:12,units:9` (slug and day, in menu order).
fn incident_list(c: &Config) -> String {
    c.incidents
        .on()
        .map(|(kind, day)| format!("{}:{day}", kind.slug()))
        .collect::<Vec<_>>()
        .join(",")
}

fn set_incidents(c: &mut Config, value: &str) -> bool {
    let mut incidents = Incidents {
        days: Default::default(),
        ..c.incidents
    };
    for item in value.split(',').filter(|n| !n.is_empty()) {
        let Some((slug, day)) = item.split_once(':') else {
            return false;
        };
        match (IncidentKind::from_slug(slug), whole(day, 0, 125)) {
            (Some(kind), Some(day)) => incidents.set(kind, Some(day)),
            _ => return false,
        }
    }
    c.incidents = incidents;
    true
}

/// The bad decisions, by URL name.
pub const BAD_DECISIONS: [&str; 4] = ["ignore", "stale", "skipgate", "rollback"];

fn bad_list(c: &Config) -> String {
    let on = [
        c.bad.ignore_alert,
        c.bad.retrain_on_stale_data,
        c.bad.skip_gate,
        c.bad.force_rollback,
    ];
    BAD_DECISIONS
        .iter()
        .zip(on)
        .filter(|(_, on)| *on)
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(",")
}

fn set_bad(c: &mut Config, value: &str) -> bool {
    let mut bad = crate::sim::BadDecisions::default();
    for name in value.split(',').filter(|n| !n.is_empty()) {
        match name {
            "ignore" => bad.ignore_alert = true,
            "stale" => bad.retrain_on_stale_data = true,
            "skipgate" => bad.skip_gate = true,
            "rollback" => bad.force_rollback = true,
            _ => return false,
        }
    }
    c.bad = bad;
    true
}

/// Copies the named configuration fields (URL keys) from `from` into `to`; unknown keys
/// are skipped. A lesson uses it to hold the fields it fixes.
pub fn copy_fields(from: &Config, to: &mut Config, keys: &[&str]) {
    for key in config_keys().filter(|k| keys.contains(k)) {
        if let Some(value) = get_param(key, from) {
            set_param(key, to, &value);
        }
    }
}

/// Decodes `%XX` escapes and `+`; malformed escapes are kept as they are.
fn decode(raw: &str) -> String {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match raw
                .get(i + 1..i + 3)
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
            {
                Some(b) => {
                    out.push(b);
                    i += 2;
                }
                None => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The first 64 `key=value` pairs of a query string (with or without its leading `?`),
/// decoded.
pub fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .take(64)
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Reads the page state from a query string (with or without its leading `?`). Returns
/// the state and what could not be used; the state is always valid.
pub fn parse(query: &str) -> (PageState, Vec<Problem>) {
    let mut state = PageState::default();
    let mut problems = Vec::new();
    let pairs = pairs(query);
    // The preset goes first: the other parameters change it.
    if let Some((_, v)) = pairs.iter().find(|(k, _)| k == "preset") {
        match Preset::from_slug(v) {
            Some(preset) => {
                state.preset = preset;
                state.config = Config::preset(preset);
            }
            None => problems.push(Problem::BadValue("preset")),
        }
    }
    let base = state.config;
    for (key, value) in &pairs {
        let value = value.as_str();
        match key.as_str() {
            // The display flags belong to the whole app (`crate::display`).
            // A lesson link's own keys belong to `crate::lesson`.
            "preset" | "present" | "embed" | "lesson" | "open" => {}
            "mode" => match value {
                "story" => state.mode = Mode::Story,
                "lab" => state.mode = Mode::Lab,
                _ => problems.push(Problem::BadValue("mode")),
            },
            "scene" => match Scene::from_slug(value) {
                Some(scene) => state.scene = scene,
                None => problems.push(Problem::BadValue("scene")),
            },
            "feature" => match column_from_slug(value) {
                Some(column) => state.feature = column,
                None => problems.push(Problem::BadValue("feature")),
            },
            "stat" => match Stat::from_slug(value) {
                Some(stat) => state.stat = stat,
                None => problems.push(Problem::BadValue("stat")),
            },
            "day" => match whole(value, 0, 126) {
                Some(day) => state.day = Some(day),
                None => problems.push(Problem::BadValue("day")),
            },
            other => match config_keys().find(|k| *k == other) {
                Some(key) => {
                    if !set_param(key, &mut state.config, value) {
                        problems.push(Problem::BadValue(key));
                    }
                }
                None => {
                    let shown: String = other.chars().take(24).collect();
                    problems.push(Problem::Unknown(shown));
                }
            },
        }
    }
    if state.config.validate().is_err() {
        state.config = base;
        problems.push(Problem::Inconsistent);
    }
    if let Some(day) = state.day
        && day > state.config.horizon_days
    {
        state.day = None;
        problems.push(Problem::BadValue("day"));
    }
    // Each mode keeps only its own view settings, as `to_query` writes them, so a link
    // reads back as exactly the state it came from.
    match state.mode {
        Mode::Story => {
            state.day = None;
            state.feature = DEFAULT_FEATURE;
            state.stat = Stat::Psi;
        }
        Mode::Lab => state.scene = Scene::Problem,
    }
    (state, problems)
}

/// Writes the page state as a query string (without `?`): only what differs from the
/// defaults, in a fixed order.
pub fn to_query(state: &PageState) -> String {
    let mut parts: Vec<String> = Vec::new();
    if state.mode != Mode::Story {
        parts.push(format!("mode={}", state.mode.slug()));
    }
    if state.mode == Mode::Story && state.scene != Scene::Problem {
        parts.push(format!("scene={}", state.scene.slug()));
    }
    if state.preset != Preset::Article {
        parts.push(format!("preset={}", state.preset.slug()));
    }
    let base = Config::preset(state.preset);
    for key in config_keys() {
        let value = get_param(key, &state.config);
        if value != get_param(key, &base)
            && let Some(value) = value
        {
            parts.push(format!("{key}={value}"));
        }
    }
    if state.mode == Mode::Lab {
        if let Some(day) = state.day {
            parts.push(format!("day={day}"));
        }
        if state.feature != DEFAULT_FEATURE {
            parts.push(format!("feature={}", column_slug(state.feature)));
        }
        if state.stat != Stat::Psi {
            parts.push(format!("stat={}", state.stat.slug()));
        }
    }
    parts.join("&")
}

/// The query of the neighbouring story scene, for paging with the keyboard or a
/// presentation clicker: `None` outside story mode or past either end of the story.
pub fn step_scene(query: &str, forward: bool) -> Option<String> {
    let (state, _) = parse(query);
    if state.mode != Mode::Story {
        return None;
    }
    let scene = if forward {
        state.scene.next()
    } else {
        state.scene.prev()
    }?;
    Some(to_query(&PageState { scene, ..state }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_query_is_the_article_story_at_its_first_scene() {
        let (state, problems) = parse("");
        assert_eq!(state, PageState::default());
        assert!(problems.is_empty());
        assert_eq!(to_query(&state), "");
    }

    #[test]
    fn a_full_lab_state_survives_a_round_trip() {
        let mut state = PageState {
            mode: Mode::Lab,
            day: Some(20),
            ..PageState::default()
        };
        state.config.seed = 7;
        state.config.cohort_size = 2000;
        state.config.drift = DriftKind::PriceRise;
        state.config.strength = 1.5;
        state.config.onset_day = 14;
        state.config.shape = DriftShape::Ramp;
        state.config.ramp_days = 21;
        state.config.label_delay_days = 14;
        state.config.alert_f1 = 0.8;
        state.config.policy = PolicyKind::ManualRetrain;
        state.config.business.arpu_nis = 61.5;
        state.config.bad.skip_gate = true;
        state.config.bad.ignore_alert = true;
        state.config.alert_drop = 0.08;
        state
            .config
            .incidents
            .set(IncidentKind::TrafficPeak, Some(12));
        state
            .config
            .incidents
            .set(IncidentKind::UnitChange, Some(9));
        state.config.timings = crate::sim::Timings {
            loop_retrain_after: 0,
            canary_days: 3,
            dashboard_weekday: 5,
            manual_retrain_after: 4,
            manual_release_after: 18,
            business_review_day: 28,
            no_loop_retrain_day: 40,
            no_loop_deploy_day: 61,
        };
        state.feature = Column::Late;
        state.stat = Stat::PValue;
        let query = to_query(&state);
        assert!(
            query.contains("feature=late") && query.contains("stat=p"),
            "{query}"
        );
        assert!(
            query.contains("canary=3") && query.contains("drop=0.08"),
            "{query}"
        );
        assert!(query.contains("incidents=peak:12,units:9"), "{query}");
        let (back, problems) = parse(&query);
        assert!(problems.is_empty(), "{problems:?} from {query}");
        assert_eq!(back, state);
    }

    #[test]
    fn a_story_scene_and_a_preset_round_trip() {
        let state = PageState {
            scene: Scene::Gate,
            preset: Preset::GradualRamp,
            config: Config::preset(Preset::GradualRamp),
            ..PageState::default()
        };
        assert_eq!(to_query(&state), "scene=gate&preset=ramp");
        assert_eq!(parse("?scene=gate&preset=ramp").0, state);
    }

    #[test]
    fn hostile_values_fall_back_to_defaults_and_are_reported() {
        let (state, problems) = parse(
            "strength=NaN&n=99999999999&seed=-1&drift=<script>&mode=x&scene=&day=-3&alert=inf&bad=all&feature=score&stat=%3Cb%3E",
        );
        assert_eq!(state, PageState::default());
        for key in [
            "strength", "n", "seed", "drift", "mode", "scene", "day", "alert", "bad", "feature",
            "stat",
        ] {
            assert!(
                problems.contains(&Problem::BadValue(key)),
                "{key} not reported: {problems:?}"
            );
        }
    }

    #[test]
    fn a_broken_incident_list_is_reported_and_switches_none_on() {
        for bad in [
            "peak",
            "peak:x",
            "fire:3",
            "peak:3,units",
            "units:-1",
            "peak:999",
        ] {
            let (state, problems) = parse(&format!("incidents={bad}"));
            assert!(state.config.incidents.is_empty(), "{bad}");
            assert_eq!(problems, [Problem::BadValue("incidents")], "{bad}");
        }
        // A day past the horizon reads, but not with it.
        let (state, problems) = parse("incidents=peak:100");
        assert!(state.config.incidents.is_empty());
        assert!(problems.contains(&Problem::Inconsistent));
    }

    #[test]
    fn the_starting_point_reads_custom_once_a_setting_departs_from_it() {
        let (state, _) = parse("seed=9");
        assert_eq!(state.starting_point(), "article");
        let (state, _) = parse("preset=promo&seed=9");
        assert_eq!(state.starting_point(), "promo");
        for query in [
            "strength=0.5",
            "incidents=peak:10",
            "preset=promo&alert=0.7",
        ] {
            assert_eq!(parse(query).0.starting_point(), "custom", "{query}");
        }
    }

    #[test]
    fn a_slower_release_s_slowdown_round_trips_and_bad_ones_fall_back() {
        // In either order, the list of incidents keeps the slowdown.
        for query in [
            "incidents=slow-release:17&slowdown=1.8",
            "slowdown=1.8&incidents=slow-release:17",
        ] {
            let (state, problems) = parse(query);
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(state.config.incidents.slowdown, 1.8, "{query}");
            assert!(to_query(&state).contains("slowdown=1.8"));
        }
        // The default is not written.
        let (state, _) = parse("incidents=slow-release:17");
        assert!(!to_query(&state).contains("slowdown"));
        for bad in ["0", "1", "4.5", "NaN", "inf", "-2", "x"] {
            let (state, problems) = parse(&format!("slowdown={bad}"));
            assert_eq!(
                state.config.incidents.slowdown,
                Incidents::default().slowdown,
                "{bad}"
            );
            assert_eq!(problems, [Problem::BadValue("slowdown")], "{bad}");
        }
    }

    #[test]
    fn unknown_keys_are_reported_and_ignored() {
        let (state, problems) = parse("utm_source=mail&seed=3");
        assert_eq!(state.config.seed, 3);
        assert_eq!(problems, [Problem::Unknown("utm_source".to_string())]);
    }

    #[test]
    fn values_valid_alone_but_not_together_fall_back_to_the_preset() {
        // Onset after the horizon: each value is in range, the pair is not.
        let (state, problems) = parse("onset=120&seed=5");
        assert_eq!(state.config, Config::preset(Preset::Article));
        assert!(problems.contains(&Problem::Inconsistent));
    }

    #[test]
    fn percent_escapes_and_huge_queries_are_handled() {
        let (state, _) = parse("bad=ignore%2Cstale&seed=%31%32");
        assert!(state.config.bad.ignore_alert && state.config.bad.retrain_on_stale_data);
        assert_eq!(state.config.seed, 12);
        let huge = "x=1&".repeat(10_000);
        let (_, problems) = parse(&huge);
        assert!(problems.len() <= 64);
        let (_, problems) = parse("%zz=%&%%=%4");
        assert!(!problems.is_empty());
    }

    #[test]
    fn paging_moves_between_scenes_and_stops_at_the_ends_of_the_story() {
        assert_eq!(step_scene("", true).as_deref(), Some("scene=data"));
        assert_eq!(step_scene("scene=data", false).as_deref(), Some(""));
        assert_eq!(step_scene("", false), None);
        assert_eq!(step_scene("scene=impact", true), None);
        assert_eq!(step_scene("mode=lab", true), None);
        assert_eq!(
            step_scene("scene=gate&seed=3", true).as_deref(),
            Some("scene=canary&seed=3")
        );
    }

    #[test]
    fn short_numbers_drop_trailing_zeros() {
        assert_eq!(short(0.5), "0.5");
        assert_eq!(short(12.0), "12");
        assert_eq!(short(0.78), "0.78");
        assert_eq!(short(-0.0), "0");
    }
}
