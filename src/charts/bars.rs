//! Grouped bar charts: a feature's or the score's reference distribution against the
//! current week's (vertical bars, one group per bin), and one drift statistic for every
//! monitored column against its threshold (horizontal bars, one per column). Data in, SVG
//! text out; labels arrive translated.

use super::frame::{self, Axis, Colour, Drawn, HPos, Legend, Swatch, VPos};
use super::line::{Level, Marker};

/// One series of bars: its legend text and one value per group.
pub struct Bars<'a> {
    /// Legend text.
    pub label: &'a str,
    /// One value per group.
    pub values: Vec<f64>,
    /// Palette slot 0..=3.
    pub slot: usize,
}

/// Everything a bar chart shows.
pub struct BarChart<'a> {
    /// The group labels, in order.
    pub groups: Vec<String>,
    /// The title of the group axis.
    pub group_title: &'a str,
    /// The value axis.
    pub value: Axis<'a>,
    /// The series, drawn side by side in each group.
    pub series: Vec<Bars<'a>>,
    /// Reference levels on the value axis (thresholds).
    pub levels: Vec<Level<'a>>,
    /// A marker across the groups, at a position in group units (0 is the first group's
    /// start, 1 its end).
    pub marker: Option<Marker<'a>>,
    /// Bars run left to right with the groups down the side (for long group labels).
    pub horizontal: bool,
}

/// Draws the chart `width` wide with a plot `plot_height` tall.
pub fn bar_chart(chart: &BarChart<'_>, width: u32, plot_height: u32) -> Drawn {
    let n = chart.groups.len().max(1) as f64;
    let group_axis = Axis {
        range: (0.0, n),
        ticks: chart
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| {
                // Horizontal charts list the first group at the top.
                let at = if chart.horizontal {
                    n - i as f64 - 0.5
                } else {
                    i as f64 + 0.5
                };
                (at, g.clone())
            })
            .collect(),
        title: chart.group_title,
    };
    let value_axis = Axis {
        range: chart.value.range,
        ticks: chart.value.ticks.clone(),
        title: chart.value.title,
    };
    let mut legend: Vec<Legend<'_>> = chart
        .series
        .iter()
        .map(|s| Legend {
            label: s.label,
            slot: s.slot.min(3),
            swatch: Swatch::Box,
        })
        .collect();
    legend.extend(chart.levels.iter().map(|l| Legend {
        label: l.label,
        slot: 4,
        swatch: l.swatch(),
    }));
    let (x, y, label_width) = if chart.horizontal {
        (&value_axis, &group_axis, 170)
    } else {
        (&group_axis, &value_axis, frame::Y_LABELS)
    };
    // (group position, value) to chart coordinates.
    let horizontal = chart.horizontal;
    let at = move |g: f64, v: f64| if horizontal { (v, n - g) } else { (g, v) };
    let (v0, v1) = chart.value.range;
    frame::draw(width, plot_height, label_width, x, y, &legend, |plot| {
        let k = chart.series.len().max(1) as f64;
        let band = 0.8 / k;
        for (s, series) in chart.series.iter().enumerate() {
            let colour = Colour::Series(series.slot.min(3));
            for (i, v) in series.values.iter().enumerate() {
                let start = i as f64 + 0.1 + s as f64 * band;
                // Not clamp: see `tests/tidy.rs` (clamp_takes_only_constant_bounds).
                let v = if v.is_nan() { v0 } else { v.max(v0).min(v1) };
                plot.bar(at(start, v0), at(start + band * 0.92, v), colour);
            }
        }
        for level in &chart.levels {
            let dashes = Some(level.dashes());
            let ends = [at(0.0, level.value), at(n, level.value)];
            plot.line(ends, Colour::Series(4), 2, dashes);
        }
        if let Some(marker) = &chart.marker {
            plot.line([at(marker.x, v0), at(marker.x, v1)], Colour::Ink, 2, None);
            let top = at(marker.x, v1 - (v1 - v0) * 0.02);
            plot.label(
                marker.label,
                (top.0 + n * 0.01, top.1),
                (HPos::Left, VPos::Top),
            );
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart(horizontal: bool) -> BarChart<'static> {
        BarChart {
            groups: vec!["low".into(), "middle".into(), "high".into()],
            group_title: "bins",
            value: Axis {
                range: (0.0, 0.5),
                ticks: vec![(0.0, "0%".into()), (0.5, "50%".into())],
                title: "share",
            },
            series: vec![
                Bars {
                    label: "reference",
                    values: vec![0.1, 0.2, 0.7],
                    slot: 0,
                },
                Bars {
                    label: "this week",
                    values: vec![0.3, 0.3, 0.4],
                    slot: 1,
                },
            ],
            levels: vec![Level {
                value: 0.25,
                label: "threshold",
                dotted: true,
            }],
            marker: Some(Marker {
                x: 1.5,
                label: "cut",
            }),
            horizontal,
        }
    }

    #[test]
    fn a_bar_chart_draws_one_bar_per_value_and_its_labels() {
        for horizontal in [false, true] {
            let drawn = bar_chart(&chart(horizontal), 640, 240);
            let svg = &drawn.svg;
            // Six bars plus three legend swatches (two series, no box for the level).
            assert_eq!(svg.matches("<rect").count(), 6 + 2, "{horizontal}");
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
                assert!(svg.contains(text), "missing {text}");
            }
            assert!(svg.contains("var(--series-1)") && svg.contains("var(--series-4)"));
        }
    }

    #[test]
    fn values_beyond_the_axis_are_clipped_to_it() {
        let mut c = chart(false);
        c.series[0].values = vec![f64::INFINITY, -3.0, f64::NAN];
        let drawn = bar_chart(&c, 640, 240);
        assert!(drawn.svg.contains("<rect"));
        assert!(!drawn.svg.contains("NaN") && !drawn.svg.contains("inf"));
    }
}
