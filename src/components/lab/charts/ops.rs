//! The production system's charts (`sim::ops`), shown beside the F1 chart while an
//! incident is on: the service's latency and load hour by hour over the days around the
//! first incident, the error budget over the run and each week's batch. This file holds
//! what they share: the hours shown, as one memo, so a control that leaves the service as
//! it was (a drift's strength, a business input) redraws none of them.

use super::{budget, freshness, load, service};
use crate::charts::spec::Axis;
use crate::i18n::{Lang, tr};
use crate::pages::scenario::use_scenario;
use crate::sim::Outcome;
use crate::sim::ops::{BatchWeek, HourPoint};
use leptos::prelude::*;

/// Days the service's charts show: from the day before the first incident, four days.
const WINDOW_DAYS: u32 = 4;

/// The service's hours over the days shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct HourWindow {
    /// The first day shown.
    pub from: u32,
    /// The day after the last one shown.
    pub to: u32,
    /// Each hour from `from` to `to`.
    pub hours: Vec<HourPoint>,
}

impl HourWindow {
    /// The days around the first incident switched on (the run's first days when none is).
    fn of(o: &Outcome) -> HourWindow {
        let days = (o.ops.hours.len() / 24) as u32;
        let first = o.config.incidents.on().map(|(_, d)| d).min();
        let from = first.map_or(0, |d| d.saturating_sub(1));
        let to = (from + WINDOW_DAYS).min(days);
        let from = to.saturating_sub(WINDOW_DAYS);
        HourWindow {
            from,
            to,
            hours: o
                .ops
                .hours
                .get(24 * from as usize..24 * to as usize)
                .unwrap_or(&[])
                .to_vec(),
        }
    }

    /// Where the `i`th hour shown sits on the day axis.
    pub fn x(&self, i: usize) -> f64 {
        self.from as f64 + i as f64 / 24.0
    }

    /// The day axis of the days shown, a tick a day.
    pub fn axis(&self, lang: Lang) -> Axis {
        Axis {
            range: (self.from as f64, self.to as f64),
            ticks: (self.from..=self.to)
                .map(|d| (d as f64, d.to_string()))
                .collect(),
            title: tr(lang, "scenario.chart.axis.day").into(),
        }
    }

    /// The label of the `i`th hour shown: its day and hour.
    pub fn when(&self, i: usize) -> String {
        let at = 24 * self.from as usize + i;
        format!("{} {:02}:00", at / 24, at % 24)
    }
}

/// The production system's charts, while an incident is on.
#[component]
pub(super) fn OpsCharts() -> impl IntoView {
    let ctx = use_scenario();
    let on = Memo::new(move |_| ctx.config.with(|c| !c.incidents.is_empty()));
    // Each chart's data as its own memo: unchanged data draws nothing again.
    let window = Memo::new(move |_| ctx.outcome.with(HourWindow::of));
    let budget = Memo::new(move |_| ctx.outcome.with(|o| o.ops.budget_left.clone()));
    let batches: Memo<Vec<BatchWeek>> =
        Memo::new(move |_| ctx.outcome.with(|o| o.ops.batches.clone()));
    view! {
        <Show when=move || on.get()>
            <service::ServiceChart window=window />
            <load::LoadChart window=window />
            <budget::BudgetChart budget=budget />
            <freshness::FreshnessChart batches=batches />
        </Show>
    }
}
