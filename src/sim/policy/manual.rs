//! Manual retrain: the ML developer reads the monitoring dashboard once a week; when the
//! latest matured F1 breaks the alert rule, a ticket opens, the retrain is scheduled a few
//! days later and the new model waits for the next release window.

use super::{Fix, Known, Operating, Ops, Step};
use crate::sim::config::PolicyKind;
use crate::sim::events::{Artifact, EventKind, Role};
use crate::sim::lab::Lab;
use crate::sim::outcome::ModelId;

/// The policy with a dashboard and a manual retrain.
pub(super) struct ManualRetrain;

impl Operating for ManualRetrain {
    const KIND: PolicyKind = PolicyKind::ManualRetrain;

    fn trigger(
        &mut self,
        ops: &mut Ops<'_>,
        lab: &mut Lab<'_>,
        d: u32,
        known: Known,
    ) -> Option<Fix> {
        let t = ops.config.timings;
        let (week, f1, served) = known.matured?;
        let read = d % 7 == t.dashboard_weekday
            && served == ops.serving
            && ops.alerting(f1, lab.models[served.0 as usize].reference_f1);
        if !read {
            return None;
        }
        ops.first_alert_day.get_or_insert(d);
        ops.log(
            d,
            Some(Role::MlDeveloper),
            Some(Artifact::MonitoringReport),
            EventKind::DashboardReviewed { week, f1 },
        );
        ops.log(
            d,
            Some(Role::MlDeveloper),
            Some(Artifact::IncidentTicket),
            EventKind::TicketOpened,
        );
        Some(Fix::retrain(
            d + t.manual_retrain_after,
            d + t.manual_release_after,
        ))
    }

    fn after_gate(&self, challenger: ModelId, d: u32, fix: Fix) -> Fix {
        release_on_schedule(challenger, d, fix)
    }
}

/// A manual release: the challenger is promoted on the release day fixed with the ticket,
/// and never before the day after its gate.
pub(super) fn release_on_schedule(challenger: ModelId, d: u32, fix: Fix) -> Fix {
    Fix {
        day: fix.release_day.max(d + 1),
        step: Step::Promote(challenger),
        ..fix
    }
}
