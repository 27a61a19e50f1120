//! The events of the shown policy's run up to the day shown, each as a sentence.

use super::day_text;
use crate::components::i18n::{render_text, use_i18n};
use crate::i18n::tr_args;
use crate::pages::scenario::use_scenario;
use crate::scenario::describe::describe;
use leptos::prelude::*;

/// The events list.
#[component]
pub(super) fn EventList(
    /// The day shown.
    day: Memo<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    // How many of the policy's events the day has reached (they are in day order): the
    // list is rebuilt when that changes, not on every day.
    let events_reached = Memo::new(move |_| {
        let today = day.get();
        ctx.outcome.with(|o| {
            o.policy(o.config.policy)
                .events
                .iter()
                .take_while(|e| e.day <= today)
                .count()
        })
    });
    let events = move || {
        let lang = i18n.lang.get();
        let reached = events_reached.get();
        ctx.outcome.with(|o| {
            o.policy(o.config.policy)
                .events
                .iter()
                .take(reached)
                .map(|e| {
                    let day = tr_args(lang, "scenario.day", &[("day", &e.day.to_string())]);
                    view! {
                        <li>
                            <span class="lane-day">{day}</span>
                            {render_text(lang, &describe(lang, e, o))}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section aria-labelledby="events-title">
            <h3 id="events-title">{day_text(day, "scenario.events.title")}</h3>
            <ol class="event-list">{events}</ol>
        </section>
    }
}
