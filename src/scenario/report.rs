//! A scenario run as a report a student can hand in: one self-contained HTML file with the
//! configuration and the assumptions, the key figures, the story of the run, the three
//! policies compared, the charts as the lab drew them, and the events of the policy shown. Every figure comes from the run; the file
//! needs nothing else to open or print, in either language. Pure: the lab gathers the
//! charts and offers the file.
//!
//! Over ~400 lines with its tests; the code itself is about 350 lines.

use crate::i18n::numbers::{grouped, percent, score};
use crate::i18n::{Lang, escape_html as esc, to_html, tr, tr_args};
use crate::scenario::describe::{describe, policy_key};
use crate::scenario::scenes::Scene;
use crate::scenario::story::{incident_reading, labels_reading, scene_text, scene_title};
use crate::scenario::url::{PageState, short};
use crate::sim::ops::IncidentKind;
use crate::sim::{DriftShape, Outcome, PolicyKind, TIMING_FIELDS};
use crate::teach::incidents::name_key;

/// One policy's standing on a day: its F1 that day, the days it was degraded so far and
/// the value its scores brought so far (NIS).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Standing {
    /// The policy.
    pub policy: PolicyKind,
    /// F1 on the day.
    pub f1: Option<f64>,
    /// Degraded days up to the day.
    pub degraded: usize,
    /// Value up to the day, NIS.
    pub value_nis: f64,
}

/// The three policies' standing on `day`.
pub fn standings(outcome: &Outcome, day: u32) -> Vec<Standing> {
    PolicyKind::ALL
        .iter()
        .map(|p| {
            let run = outcome.policy(*p);
            let upto = &run.days[..(day as usize + 1).min(run.days.len())];
            Standing {
                policy: *p,
                f1: upto.last().map(|d| d.f1),
                degraded: upto.iter().filter(|d| d.degraded).count(),
                value_nis: upto.iter().map(|d| d.value_nis).sum(),
            }
        })
        .collect()
}

/// A chart as the lab shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportChart {
    /// The caption.
    pub title: String,
    /// The sentence that reads it.
    pub summary: String,
    /// The drawn SVG (with the page's colour variables).
    pub svg: String,
}

/// The configuration of a lab state: each setting the lab offers, named in `lang`, and its
/// value, as plain text (the report and the printed lab list them).
pub fn settings(lang: Lang, state: &PageState) -> Vec<(String, String)> {
    let c = &state.config;
    let mut rows = vec![
        (
            "scenario.lab.preset",
            tr(lang, &format!("scenario.preset.{}", state.starting_point())).to_string(),
        ),
        (
            "scenario.lab.drift",
            tr(lang, &format!("scenario.drift.{}", c.drift.slug())).to_string(),
        ),
        ("scenario.lab.strength", format!("{:.2}", c.strength)),
        ("scenario.lab.onset", c.onset_day.to_string()),
        (
            "scenario.lab.shape",
            tr(lang, &format!("scenario.shape.{}", c.shape.slug())).to_string(),
        ),
    ];
    if c.shape == DriftShape::Ramp {
        rows.push(("report.ramp", c.ramp_days.to_string()));
    }
    let bad: Vec<&str> = [
        (c.bad.ignore_alert, "scenario.bad.ignore"),
        (c.bad.retrain_on_stale_data, "scenario.bad.stale"),
        (c.bad.skip_gate, "scenario.bad.skipgate"),
        (c.bad.force_rollback, "scenario.bad.rollback"),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, key)| tr(lang, key))
    .collect();
    rows.extend([
        ("scenario.lab.delay", c.label_delay_days.to_string()),
        ("scenario.lab.cohort", c.cohort_size.to_string()),
        ("scenario.lab.seed", c.seed.to_string()),
        ("scenario.lab.alert", score(c.alert_f1)),
        (
            "scenario.lab.policy",
            tr(lang, &policy_key(c.policy)).to_string(),
        ),
        (
            "scenario.lab.bad",
            if bad.is_empty() {
                tr(lang, "report.none").to_string()
            } else {
                bad.join("; ")
            },
        ),
        ("scenario.lab.arpu", short(c.business.arpu_nis)),
        ("scenario.lab.offer", short(c.business.offer_cost_nis)),
        ("scenario.lab.save", short(c.business.save_rate)),
        ("scenario.lab.months", short(c.business.months_retained)),
        ("scenario.lab.control", percent(c.business.control_share)),
        ("scenario.lab.drop", score(c.alert_drop)),
    ]);
    let mut rows: Vec<(String, String)> = rows
        .into_iter()
        .map(|(key, value)| (tr(lang, key).to_string(), value))
        .collect();
    // The assumptions: how long each step of a fix takes.
    rows.extend(TIMING_FIELDS.iter().map(|f| {
        (
            tr(lang, &format!("scenario.assume.{}", f.key)).to_string(),
            (f.get)(&c.timings).to_string(),
        )
    }));
    // The production incidents switched on, each on its day.
    rows.extend(c.incidents.on().map(|(kind, day)| {
        (
            tr_args(
                lang,
                "scenario.ops.on",
                &[("incident", tr(lang, &name_key(kind)))],
            ),
            day.to_string(),
        )
    }));
    if c.incidents.day(IncidentKind::SlowRelease).is_some() {
        rows.push((
            tr(lang, "scenario.ops.slowdown").to_string(),
            short(c.incidents.slowdown),
        ));
    }
    rows
}

/// What a report is made of.
pub struct Report<'a> {
    /// Its language.
    pub lang: Lang,
    /// The page state (configuration and day).
    pub state: &'a PageState,
    /// The run.
    pub outcome: &'a Outcome,
    /// The day the lab shows.
    pub day: u32,
    /// The address of the run, to open it again.
    pub link: &'a str,
    /// When it was made (a date, as the browser gives it).
    pub made: &'a str,
    /// The lab's charts, in page order.
    pub charts: &'a [ReportChart],
}

/// Escaped text, with Latin runs isolated in right-to-left text as the page does.
fn text(lang: Lang, text: &str) -> String {
    to_html(lang.is_rtl(), text)
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;\
padding:0 1rem;color:#111;background:#fff;line-height:1.5}\
table{border-collapse:collapse;margin:0.5rem 0 1.5rem}\
th,td{border:1px solid #bbb;padding:0.3rem 0.6rem;text-align:start}\
td.num{text-align:end;font-variant-numeric:tabular-nums;direction:ltr;unicode-bidi:isolate}\
figure{margin:1rem 0 2rem;break-inside:avoid}svg{max-width:100%;height:auto}\
figcaption{font-weight:700}svg text{fill:#2b3140}h1{margin-bottom:0.25rem}\
.meta{color:#444}";

impl Report<'_> {
    fn t(&self, key: &str) -> String {
        text(self.lang, tr(self.lang, key))
    }

    fn t_args(&self, key: &str, args: &[(&str, &str)]) -> String {
        text(self.lang, &tr_args(self.lang, key, args))
    }

    /// The configuration (`settings`), escaped for the report's HTML.
    fn settings(&self) -> Vec<(String, String)> {
        settings(self.lang, self.state)
            .into_iter()
            .map(|(name, value)| (text(self.lang, &name), text(self.lang, &value)))
            .collect()
    }

    /// The story of this run: every scene's title and text, as the story tells them.
    fn story(&self, out: &mut String) {
        let lang = self.lang;
        out.push_str(&format!("<h2>{}</h2>", self.t("report.story")));
        for scene in Scene::ALL {
            out.push_str(&format!(
                "<h3>{}</h3><p>{}</p>",
                text(lang, &scene_title(lang, scene, self.outcome)),
                text(lang, &scene_text(lang, scene, self.outcome)),
            ));
        }
        // What the campaign did to the labels the team measured by.
        if let Some(reading) = labels_reading(lang, self.outcome) {
            out.push_str(&format!(
                "<h3>{}</h3><p>{}</p>",
                self.t("scenario.labels.title"),
                text(lang, &reading),
            ));
        }
        // Each production incident switched on, as the run met it at every level.
        for (kind, _) in self.outcome.config.incidents.on() {
            if let Some(reading) = incident_reading(lang, self.outcome, kind) {
                out.push_str(&format!(
                    "<h3>{}</h3><p>{}</p>",
                    self.t(&name_key(kind)),
                    text(lang, &reading),
                ));
            }
        }
    }

    /// The run's headline figures.
    fn figures(&self) -> Vec<(String, String)> {
        let h = &self.outcome.headline;
        let dash = || "—".to_string();
        [
            ("report.f1_before", score(h.f1_before_drift)),
            (
                "report.f1_stale",
                crate::scenario::story::first_change(self.outcome)
                    .map(|f| score(f.week.champion_f1))
                    .unwrap_or_else(dash),
            ),
            (
                "report.f1_after",
                h.f1_after_fix.map(score).unwrap_or_else(dash),
            ),
            (
                "report.days_to_fix",
                h.days_alert_to_fix_with_loop
                    .map(|d| d.to_string())
                    .unwrap_or_else(dash),
            ),
            (
                "report.degraded_loop",
                h.degraded_days_with_loop.to_string(),
            ),
            ("report.degraded_manual", h.degraded_days_manual.to_string()),
            (
                "report.degraded_none",
                h.degraded_days_without_loop.to_string(),
            ),
            ("report.saving", grouped(h.saving_nis)),
            ("report.saving_manual", grouped(h.saving_over_manual_nis)),
            ("report.churn_reduction", percent(h.churn_reduction_healthy)),
        ]
        .into_iter()
        .map(|(key, value)| (self.t(key), esc(&value)))
        .collect()
    }

    /// The whole report, as an HTML document.
    pub fn html(&self) -> String {
        let lang = self.lang;
        let day = self.day.to_string();
        let mut out = String::with_capacity(64 * 1024);
        out.push_str(&format!(
            "<!doctype html>\n<html lang=\"{}\" dir=\"{}\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{}</title><style>{STYLE}</style></head><body><main>",
            lang.code(),
            if lang.is_rtl() { "rtl" } else { "ltr" },
            esc(tr(lang, "report.title")),
        ));
        out.push_str(&format!(
            "<h1>{}</h1><p class=\"meta\">{}</p><p class=\"meta\">{} <a href=\"{}\" dir=\"ltr\">{}</a></p>",
            self.t("report.title"),
            self.t_args("report.made", &[("date", self.made), ("day", &day)]),
            self.t("report.link"),
            esc(self.link),
            esc(self.link),
        ));
        out.push_str(&format!("<p>{}</p>", self.t("report.lead")));

        let table = |out: &mut String,
                     heading: String,
                     head: [String; 2],
                     rows: Vec<(String, String)>| {
            out.push_str(&format!(
                "<h2>{heading}</h2><table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
                head[0], head[1]
            ));
            for (name, value) in rows {
                out.push_str(&format!(
                    "<tr><th scope=\"row\">{name}</th><td>{value}</td></tr>"
                ));
            }
            out.push_str("</tbody></table>");
        };
        table(
            &mut out,
            self.t("report.config"),
            [self.t("report.setting"), self.t("report.value")],
            self.settings(),
        );
        table(
            &mut out,
            self.t("report.figures"),
            [self.t("report.figure"), self.t("report.value")],
            self.figures(),
        );

        self.story(&mut out);

        out.push_str(&format!(
            "<h2>{}</h2><table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
             <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            self.t_args("scenario.summary.title", &[("day", &day)]),
            self.t("scenario.summary.policy"),
            self.t_args("scenario.summary.f1_today", &[("day", &day)]),
            self.t_args(
                "scenario.summary.degraded",
                &[("n", &(self.day + 1).to_string())]
            ),
            self.t("scenario.summary.value"),
        ));
        for s in standings(self.outcome, self.day) {
            out.push_str(&format!(
                "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                self.t(&policy_key(s.policy)),
                s.f1.map(score).unwrap_or_default(),
                s.degraded,
                esc(&grouped(s.value_nis)),
            ));
        }
        out.push_str("</tbody></table>");

        if !self.charts.is_empty() {
            out.push_str(&format!("<h2>{}</h2>", self.t("report.charts")));
        }
        for chart in self.charts {
            out.push_str(&format!(
                "<figure><figcaption>{}</figcaption><div dir=\"ltr\">{}</div><p>{}</p></figure>",
                text(lang, &chart.title),
                // Drawn in the light theme's colours, so it stands alone as it is.
                chart.svg,
                text(lang, &chart.summary),
            ));
        }

        let policy = self.outcome.config.policy;
        out.push_str(&format!(
            "<h2>{}</h2><ol>",
            self.t_args(
                "report.events",
                &[("policy", tr(lang, &policy_key(policy))), ("day", &day)]
            )
        ));
        for event in self
            .outcome
            .policy(policy)
            .events
            .iter()
            .filter(|e| e.day <= self.day)
        {
            out.push_str(&format!(
                "<li>{}: {}</li>",
                self.t_args("scenario.day", &[("day", &event.day.to_string())]),
                text(lang, &describe(lang, event, self.outcome)),
            ));
        }
        out.push_str("</ol>");
        out.push_str(&format!(
            "<p class=\"meta\">{}</p>",
            self.t("report.footer")
        ));
        out.push_str("</main></body></html>\n");
        out
    }

    /// The file name to save it under.
    pub fn file_name(&self) -> String {
        format!(
            "mlops-lab-report-seed{}-{}-day{}.html",
            self.state.config.seed,
            self.state.config.policy.slug(),
            self.day
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::spec::{Axis, Chart, ChartRequest, LineChart, Series, Swatch};
    use crate::scenario::url;
    use crate::sim::run;

    fn report_for(lang: Lang, query: &str, day: u32, f: impl FnOnce(&str, &Outcome)) {
        let (state, _) = url::parse(query);
        let outcome = run(&state.config).expect("valid");
        let charts = [ReportChart {
            title: "F1 <over> time".into(),
            summary: "On day 3 the F1 was 0.84.".into(),
            svg: crate::charts::draw::draw(&ChartRequest {
                chart: Chart::Line(LineChart {
                    x: Axis {
                        range: (0.0, 10.0),
                        ticks: vec![(0.0, "0".into()), (10.0, "10".into())],
                        title: "day".into(),
                    },
                    y: Axis {
                        range: (0.0, 1.0),
                        ticks: vec![(0.0, "0".into()), (1.0, "1".into())],
                        title: "F1".into(),
                    },
                    series: vec![Series {
                        label: "loop".into(),
                        points: vec![(0.0, 0.8), (10.0, 0.9)],
                        slot: 2,
                        stroke: Swatch::Line,
                    }],
                    levels: Vec::new(),
                    markers: Vec::new(),
                }),
                width: 400,
                height: 200,
            })
            .svg,
        }];
        let html = Report {
            lang,
            state: &state,
            outcome: &outcome,
            day,
            link: "http://x/en/scenario?mode=lab&seed=7&a=<b>",
            made: "2026-11-27",
            charts: &charts,
        }
        .html();
        f(&html, &outcome);
    }

    #[test]
    fn the_report_holds_the_runs_own_figures_and_settings() {
        report_for(Lang::En, "mode=lab&seed=7&bad=skipgate", 80, |html, o| {
            assert!(html.starts_with("<!doctype html>"));
            assert!(html.contains("lang=\"en\" dir=\"ltr\""));
            // Figures as the run computed them.
            assert!(html.contains(&grouped(o.headline.saving_nis)), "saving");
            assert!(html.contains(&score(o.headline.f1_before_drift)));
            assert!(html.contains(&percent(o.headline.churn_reduction_healthy)));
            // Settings, the bad decision by name.
            assert!(html.contains(tr(Lang::En, "scenario.bad.skipgate")));
            assert!(html.contains("<td>7</td>"), "seed");
            // Every event of the policy shown, up to the day.
            let events = o
                .policy(o.config.policy)
                .events
                .iter()
                .filter(|e| e.day <= 80)
                .count();
            assert!(events > 0);
            assert_eq!(html.matches("<li>").count(), events);
            // The chart in fixed colours (the light theme's series 2 for this line), its text
            // escaped; the link escaped.
            assert!(html.to_lowercase().contains("stroke=\"#1d4fa8\"") && !html.contains("var(--"));
            assert!(html.contains("F1 &lt;over&gt; time"));
            assert!(html.contains("a=&lt;b&gt;") && !html.contains("<b>"));
        });
    }

    #[test]
    fn the_report_tells_the_runs_story_and_lists_its_assumptions() {
        report_for(Lang::En, "mode=lab&canary=3", 62, |html, o| {
            // Every scene, as the story tells it for this run, and what the campaign did to
            // the labels.
            assert_eq!(html.matches("<h3>").count(), Scene::ALL.len() + 1);
            let labels = crate::scenario::story::labels_reading(Lang::En, o).unwrap();
            assert!(html.contains(&labels[..40]), "labels");
            let days = o.headline.days_alert_to_fix_with_loop.unwrap();
            assert_eq!(days, 5);
            assert!(html.contains(&format!("took {days} days")), "impact");
            // The assumptions, the changed one with its value.
            let canary = tr(Lang::En, "scenario.assume.canary");
            assert!(
                html.contains(&format!("{canary}</th><td>3</td>")),
                "canary days"
            );
        });
    }

    #[test]
    fn the_report_tells_each_incident_switched_on() {
        report_for(
            Lang::En,
            "mode=lab&incidents=peak:10,units:9",
            62,
            |html, o| {
                for kind in [
                    crate::sim::ops::IncidentKind::TrafficPeak,
                    crate::sim::ops::IncidentKind::UnitChange,
                ] {
                    let reading = incident_reading(Lang::En, o, kind).unwrap();
                    assert!(html.contains(&text(Lang::En, &reading)), "{kind:?}");
                    assert!(html.contains(tr(Lang::En, &name_key(kind))));
                }
            },
        );
    }

    #[test]
    fn a_hebrew_report_is_right_to_left_with_latin_isolated() {
        report_for(Lang::He, "mode=lab", 30, |html, _| {
            assert!(html.contains("lang=\"he\" dir=\"rtl\""));
            assert!(html.contains(tr(Lang::He, "report.title")));
            assert!(html.contains("<bdi>"));
            assert!(!html.contains(tr(Lang::En, "report.title")));
        });
    }

    #[test]
    fn standings_count_up_to_the_day() {
        let (state, _) = url::parse("");
        let o = run(&state.config).expect("valid");
        let first = standings(&o, 0);
        let last = standings(&o, o.config.horizon_days);
        assert_eq!(first.len(), 3);
        for (a, b) in first.iter().zip(&last) {
            assert!(a.degraded <= b.degraded);
            assert!(a.degraded <= 1);
        }
        let noloop = last
            .iter()
            .find(|s| s.policy == PolicyKind::NoLoop)
            .unwrap();
        assert_eq!(
            noloop.degraded as u32,
            o.headline.degraded_days_without_loop
        );
        // Past the horizon is the horizon.
        assert_eq!(standings(&o, 10_000), last);
    }
}
