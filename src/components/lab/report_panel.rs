//! The run as a file a student can hand in: the report, with the charts as they are now.

use crate::components::chart::ChartShelf;
use crate::components::i18n::{t, use_i18n};
use crate::pages::scenario::use_scenario;
use crate::platform;
use crate::route;
use crate::scenario::report::Report;
use crate::scenario::url;
use crate::sections::Section;
use leptos::prelude::*;

/// The report's heading, hint and download button. The charts come from the
/// `ChartShelf` the lab provides.
#[component]
pub(super) fn ReportPanel(
    /// The day shown.
    day: Memo<u32>,
    /// The charts drawn so far.
    shelf: ChartShelf,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let download_report = move |_| {
        let state = ctx.state.get_untracked();
        let made = String::from(js_sys::Date::new_0().to_iso_string())
            .chars()
            .take(10)
            .collect::<String>();
        // The run's own address (the address bar may not have caught up with a control).
        let origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default();
        let path = route::section_path(i18n.base, i18n.lang.get_untracked(), Section::Scenario);
        let link = format!(
            "{origin}{}",
            route::with_query(path, &url::to_query(&state))
        );
        let charts = shelf.charts();
        ctx.outcome.with_untracked(|outcome| {
            let report = Report {
                lang: i18n.lang.get_untracked(),
                state: &state,
                outcome,
                day: day.get_untracked(),
                link: &link,
                made: &made,
                charts: &charts,
            };
            platform::download_text(&report.file_name(), "text/html", &report.html());
        });
    };
    view! {
        <section class="report-panel" aria-labelledby="report-title">
            <h3 id="report-title">
                {t("report.heading")}
            </h3>
            <p>
                {t("report.hint")}
            </p>
            <button type="button" class="button" on:click=download_report>
                {t("report.download")}
            </button>
        </section>
    }
}
