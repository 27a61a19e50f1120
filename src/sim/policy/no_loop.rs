//! No loop: nobody reads the model's labels. The monthly business review compares recent
//! churn with churn before the model; when it has risen by more than 10 %, a ticket opens
//! and the fix waits for the next scheduled retrain and release.

use super::{Fix, Known, Operating, Ops};
use crate::sim::config::PolicyKind;
use crate::sim::events::{Artifact, EventKind, Role};
use crate::sim::lab::Lab;
use crate::sim::outcome::ModelId;

/// The policy without a feedback loop.
pub(super) struct NoLoop;

impl Operating for NoLoop {
    const KIND: PolicyKind = PolicyKind::NoLoop;
    const READS_LABELS: bool = false;

    fn trigger(&mut self, ops: &mut Ops<'_>, lab: &mut Lab<'_>, d: u32, _: Known) -> Option<Fix> {
        let t = ops.config.timings;
        if d != t.business_review_day {
            return None;
        }
        let before = lab.world.history[6..]
            .iter()
            .map(|c| c.churn_rate())
            .sum::<f64>()
            / 2.0;
        let recent: Vec<f64> = (0..lab.world.weeks.len() as u32)
            .filter(|w| 7 * w + ops.config.label_delay_days <= d)
            .map(|w| lab.world.weeks[w as usize].churn_rate())
            .collect();
        let recent = &recent[recent.len().saturating_sub(4)..];
        let churn_recent = if recent.is_empty() {
            before
        } else {
            recent.iter().sum::<f64>() / recent.len() as f64
        };
        let noticed = churn_recent > before * 1.10;
        ops.log(
            d,
            Some(Role::Business),
            Some(Artifact::MonitoringReport),
            EventKind::BusinessReview {
                churn_before: before,
                churn_recent,
                noticed,
            },
        );
        if !noticed {
            return None;
        }
        ops.first_alert_day.get_or_insert(d);
        ops.log(
            d,
            Some(Role::Business),
            Some(Artifact::IncidentTicket),
            EventKind::TicketOpened,
        );
        Some(Fix::retrain(t.no_loop_retrain_day, t.no_loop_deploy_day))
    }

    /// The release goes out on its scheduled day.
    fn after_gate(&self, challenger: ModelId, d: u32, fix: Fix) -> Fix {
        super::manual::release_on_schedule(challenger, d, fix)
    }
}
