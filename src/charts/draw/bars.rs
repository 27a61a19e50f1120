//! Grouped bar charts: a feature's or the score's reference distribution against the
//! current week's (vertical bars, one group per bin), and one drift statistic for every
//! monitored column against its threshold (horizontal bars, one per column, the first at
//! the top). Levels are dashed or dotted lines in palette slot 4 across the groups; the
//! marker is an ink line with its label on the plot.

use super::line::{level_dashes, on_plot};
use super::{Colour, Drawing, Frame, Pen, Y_LABELS, framed, legend, rect};
use crate::charts::spec::{Axis, BarChart, Drawn, Swatch};
use plotters::style::text_anchor::HPos;

/// The width of the group labels' band beside a horizontal chart.
const GROUP_LABELS: u32 = 170;

/// Draws the bar chart `width` wide with a plotting band `plot_height` tall (its axis
/// labels and legend add to the height). Every value of a group that exists is a bar, one
/// of zero height included; values past the last group are left out.
pub fn draw(chart: &BarChart, width: u32, plot_height: u32) -> Drawn {
    let n = chart.groups.len().max(1) as f64;
    let horizontal = chart.horizontal;
    let group_axis = Axis {
        range: (0.0, n),
        ticks: chart
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let at = if horizontal {
                    n - i as f64 - 0.5
                } else {
                    i as f64 + 0.5
                };
                (at, g.clone())
            })
            .collect(),
        title: chart.group_title.clone(),
    };
    let legend = legend(
        chart
            .series
            .iter()
            .map(|s| (s.label.as_str(), s.slot, Swatch::Box)),
        &chart.levels,
    );
    let (x, y, y_label_width) = if horizontal {
        (&chart.value, &group_axis, GROUP_LABELS)
    } else {
        (&group_axis, &chart.value, Y_LABELS)
    };
    let frame = Frame {
        width,
        plot_height,
        y_label_width,
        x,
        y,
        legend,
    };
    // (group position, value) to chart coordinates.
    let at = move |g: f64, v: f64| if horizontal { (v, n - g) } else { (g, v) };
    let (v0, v1) = chart.value.range;
    framed(&frame, |area, plot| -> Drawing {
        let band = 0.8 / chart.series.len().max(1) as f64;
        for (s, series) in chart.series.iter().enumerate() {
            let colour = Colour::Series(series.slot.min(3));
            for (i, v) in series.values.iter().take(chart.groups.len()).enumerate() {
                let start = i as f64 + 0.1 + s as f64 * band;
                let v = if v.is_nan() { v0 } else { v.max(v0).min(v1) };
                let (a, b) = (plot.at(at(start, v0)), plot.at(at(start + band * 0.92, v)));
                rect(area, a, b, colour, 1.0)?;
            }
        }
        for level in &chart.levels {
            let ends = [at(0.0, level.value), at(n, level.value)];
            plot.line(
                area,
                ends,
                Pen(Colour::Series(4), 2, Some(level_dashes(level))),
            )?;
        }
        if let Some(marker) = chart.marker.as_ref().filter(|m| m.x.is_finite()) {
            plot.line(
                area,
                [at(marker.x, v0), at(marker.x, v1)],
                Pen(Colour::Ink, 2, None),
            )?;
            let top = at(marker.x, v1 - (v1 - v0) * 0.02);
            let label_at = plot.at((top.0 + n * 0.01, top.1));
            on_plot(area, &marker.label, label_at, HPos::Left)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::draw::only_palette_colours;
    use crate::charts::spec::{Bars, Level, Marker};

    fn chart(horizontal: bool) -> BarChart {
        let bars = |label: &str, values: Vec<f64>, slot| Bars {
            label: label.into(),
            values,
            slot,
        };
        BarChart {
            groups: vec!["low".into(), "middle".into(), "high".into()],
            group_title: "bins".into(),
            value: Axis {
                range: (0.0, 0.5),
                ticks: vec![(0.0, "0%".into()), (0.5, "50%".into())],
                title: "share".into(),
            },
            series: vec![
                bars("reference", vec![0.1, 0.2, 0.7], 0),
                bars("this week", vec![0.3, 0.0, 0.4], 1),
            ],
            levels: vec![Level {
                value: 0.25,
                label: "threshold".into(),
                dotted: true,
            }],
            marker: Some(Marker {
                x: 1.5,
                label: "cut".into(),
            }),
            horizontal,
        }
    }

    /// The solid boxes drawn in `hex` (as plotters writes it, upper case).
    fn boxes_in(svg: &str, hex: &str) -> usize {
        let fill = format!(r##"opacity="1" fill="{hex}""##);
        svg.lines()
            .filter(|l| l.starts_with("<rect") && l.contains(&fill))
            .count()
    }

    #[test]
    fn one_bar_per_group_and_series_and_every_label() {
        for horizontal in [false, true] {
            let drawn = draw(&chart(horizontal), 640, 240);
            let svg = &drawn.svg;
            // Three bars in each series' colour plus its legend swatch (a zero-height bar
            // included).
            assert_eq!(boxes_in(svg, "#B4232A"), 3 + 1, "{horizontal}");
            assert_eq!(boxes_in(svg, "#9A5B00"), 3 + 1, "{horizontal}");
            for text in [
                "low",
                "middle",
                "high",
                "bins",
                "share",
                "reference",
                "this week",
                "threshold",
                "cut",
            ] {
                assert!(
                    svg.contains(&format!(">\n{text}\n</text>")),
                    "missing {text}"
                );
            }
            assert!(svg.contains(r##"stroke="#5B36A3""##), "the level is drawn");
            assert!(only_palette_colours(svg));
            let left = if horizontal { 14.0 + 170.0 } else { 78.0 };
            assert_eq!(drawn.plot_x, (left, 626.0));
        }
    }

    #[test]
    fn the_first_group_is_at_the_top_of_a_horizontal_chart() {
        let svg = draw(&chart(true), 640, 240).svg;
        let y_of = |label: &str| {
            let line = svg.lines().position(|l| l == label).unwrap_or(0);
            let tag = svg.lines().nth(line.saturating_sub(1)).unwrap_or("");
            let y = tag
                .split(r#" y=""#)
                .nth(1)
                .unwrap_or("")
                .split('"')
                .next()
                .unwrap_or("");
            y.parse::<i32>().unwrap_or(-1)
        };
        assert!(0 < y_of("low") && y_of("low") < y_of("middle") && y_of("middle") < y_of("high"));
    }

    #[test]
    fn bad_values_and_no_groups_still_draw() {
        let mut c = chart(false);
        c.series[0].values = vec![f64::INFINITY, -3.0, f64::NAN, 9.0];
        c.value.range = (1.0, 1.0);
        c.marker = Some(Marker {
            x: f64::NAN,
            label: "nowhere".into(),
        });
        let drawn = draw(&c, 640, 240);
        assert_eq!(
            boxes_in(&drawn.svg, "#B4232A"),
            3 + 1,
            "the fourth value has no group"
        );
        assert!(!drawn.svg.contains("NaN") && !drawn.svg.contains("inf"));
        assert!(!drawn.svg.contains("nowhere"));
        c.groups.clear();
        c.series.clear();
        let drawn = draw(&c, 640, 240);
        assert!(drawn.svg.contains("<svg") && !drawn.svg.contains("NaN"));
        assert!(only_palette_colours(&drawn.svg));
    }
}
