//! A newcomer's first experiment in the lab, as data: four changes to the article's run,
//! each with the locale key stem of what to try and what to ask of the charts
//! (`scenario.guide.<key>` and `.ask`). The lab shows each as a link.

use crate::scenario::url::PageState;
use crate::sim::ops::IncidentKind;

/// One step: its locale key stem (`scenario.guide.<key>` and `.ask`) and the change it
/// makes to the article's run in the lab.
pub struct Step {
    /// The locale key stem.
    pub key: &'static str,
    /// The change to the lab's state.
    pub change: fn(&mut PageState),
}

pub const STEPS: [Step; 4] = [
    Step {
        key: "play",
        change: |s| s.day = Some(0),
    },
    Step {
        key: "weaker",
        change: |s| s.config.strength = 0.3,
    },
    Step {
        key: "break",
        change: |s| {
            s.config.bad.retrain_on_stale_data = true;
            s.config.bad.skip_gate = true;
        },
    },
    Step {
        key: "incident",
        change: |s| {
            let peak = IncidentKind::TrafficPeak;
            s.config.incidents.set(peak, Some(peak.default_day()));
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::url::{Mode, parse, to_query};

    #[test]
    fn each_step_is_a_valid_lab_state_that_a_link_keeps() {
        for step in &STEPS {
            let mut state = PageState {
                mode: Mode::Lab,
                ..PageState::default()
            };
            (step.change)(&mut state);
            assert!(state.config.validate().is_ok(), "{}", step.key);
            let (back, problems) = parse(&to_query(&state));
            assert!(problems.is_empty(), "{}: {problems:?}", step.key);
            assert_eq!(back, state, "{}", step.key);
            for lang in crate::i18n::Lang::ALL {
                for key in [
                    format!("scenario.guide.{}", step.key),
                    format!("scenario.guide.{}.ask", step.key),
                ] {
                    assert!(crate::i18n::store::lookup(lang, &key).is_some(), "{key}");
                }
            }
        }
    }
}
