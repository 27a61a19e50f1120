//! A first experiment for a newcomer to the lab: four changes to the article's run, each a
//! link (so it is shareable and the back button undoes it), each with the question to ask
//! of the charts. The words say what to try and what to look at, never what will happen:
//! the run shows that.

use super::fields::use_controls;
use crate::components::i18n::{t, use_i18n};
use crate::lesson::Control;
use crate::route;
use crate::scenario::guide::STEPS;
use crate::scenario::url::{Mode, PageState, to_query};
use crate::sections::Section;
use leptos::prelude::*;

/// The guided first experiment, folded under one line; hidden in a lesson, whose
/// instructor fixes what the class changes.
#[component]
pub(super) fn FirstExperiment() -> impl IntoView {
    let i18n = use_i18n();
    let controls = use_controls();
    let in_lesson = move || controls.open.with(|open| open.len() < Control::ALL.len());
    let items = STEPS
        .iter()
        .map(|step| {
            let href = move || {
                let mut state = PageState {
                    mode: Mode::Lab,
                    ..PageState::default()
                };
                (step.change)(&mut state);
                let path = route::section_path(i18n.base, i18n.lang.get(), Section::Scenario);
                format!("{path}?{}", to_query(&state))
            };
            view! {
                <li>
                    <a href=href>{t(format!("scenario.guide.{}", step.key))}</a>
                    " "
                    <span>{t(format!("scenario.guide.{}.ask", step.key))}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="guide" hidden=in_lesson>
            <summary>{t("scenario.guide.title")}</summary>
            <ol>{items}</ol>
        </details>
    }
}
