//! Line charts over days: F1 for each policy with the alert threshold and the label-free
//! estimate, and the money each loop saves over no loop. Data in, SVG text out; labels
//! arrive translated, so the function knows no language.

use super::frame::{self, Axis, Colour, Drawn, HPos, Legend, Swatch, VPos};

/// One line: a label and its points.
pub struct Series<'a> {
    /// Legend text.
    pub label: &'a str,
    /// (x, y) points.
    pub points: Vec<(f64, f64)>,
    /// Palette slot 0..=3 (CSS `--series-N`).
    pub slot: usize,
    /// Dashed, for estimates.
    pub dashed: bool,
}

/// A horizontal reference line (a threshold) and its legend text.
pub struct Level<'a> {
    /// Its value.
    pub value: f64,
    /// Legend text.
    pub label: &'a str,
    /// Dotted instead of dashed, to tell a warning level from a threshold.
    pub dotted: bool,
}

impl Level<'_> {
    /// The dash and gap lengths of its line.
    pub(crate) fn dashes(&self) -> (u32, u32) {
        if self.dotted { (2, 4) } else { (6, 4) }
    }

    /// Its legend swatch.
    pub(crate) fn swatch(&self) -> Swatch {
        if self.dotted {
            Swatch::Dotted
        } else {
            Swatch::Dashed
        }
    }
}

/// A vertical marker: an x position and a short label.
pub struct Marker<'a> {
    /// Where it stands.
    pub x: f64,
    /// Its label.
    pub label: &'a str,
}

/// Everything a line chart shows.
pub struct LineChart<'a> {
    /// The x axis.
    pub x: Axis<'a>,
    /// The y axis.
    pub y: Axis<'a>,
    /// The lines.
    pub series: Vec<Series<'a>>,
    /// Reference levels, drawn dashed in the threshold colour.
    pub levels: Vec<Level<'a>>,
    /// Event markers.
    pub markers: Vec<Marker<'a>>,
}

/// Draws the chart `width` wide with a plot `plot_height` tall.
pub fn line_chart(chart: &LineChart<'_>, width: u32, plot_height: u32) -> Drawn {
    let mut legend: Vec<Legend<'_>> = chart
        .series
        .iter()
        .map(|s| Legend {
            label: s.label,
            slot: s.slot.min(3),
            swatch: if s.dashed {
                Swatch::Dashed
            } else {
                Swatch::Line
            },
        })
        .collect();
    legend.extend(chart.levels.iter().map(|l| Legend {
        label: l.label,
        slot: 4,
        swatch: l.swatch(),
    }));
    let (x0, x1) = chart.x.range;
    let (y0, y1) = chart.y.range;
    frame::draw(
        width,
        plot_height,
        frame::Y_LABELS,
        &chart.x,
        &chart.y,
        &legend,
        |plot| {
            for level in &chart.levels {
                let dashes = Some(level.dashes());
                plot.line(
                    [(x0, level.value), (x1, level.value)],
                    Colour::Series(4),
                    2,
                    dashes,
                );
            }
            for marker in &chart.markers {
                plot.line([(marker.x, y0), (marker.x, y1)], Colour::Grid, 2, None);
            }
            for series in &chart.series {
                let colour = Colour::Series(series.slot.min(3));
                let dashes = series.dashed.then_some((5, 5));
                plot.line(series.points.iter().copied(), colour, 3, dashes);
            }
            // The markers' labels last, over every line. They step down so markers a few
            // days apart do not overlap.
            for (i, marker) in chart.markers.iter().enumerate() {
                let y = y1 - (y1 - y0) * (0.02 + 0.07 * i as f64);
                let near_end = marker.x > x0 + (x1 - x0) * 0.8;
                let anchor = if near_end { HPos::Right } else { HPos::Left };
                let pad = (x1 - x0) * 0.006 * if near_end { -1.0 } else { 1.0 };
                plot.label(marker.label, (marker.x + pad, y), (anchor, VPos::Top));
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> LineChart<'static> {
        LineChart {
            x: Axis {
                range: (0.0, 63.0),
                ticks: vec![(0.0, "0".into()), (30.0, "30".into()), (60.0, "60".into())],
                title: "day",
            },
            y: Axis {
                range: (0.4, 1.0),
                ticks: vec![(0.4, "0.4".into()), (1.0, "1.0".into())],
                title: "F1",
            },
            series: vec![
                Series {
                    label: "loop",
                    points: vec![(0.0, 0.84), (14.0, 0.72), (17.0, 0.86)],
                    slot: 2,
                    dashed: false,
                },
                Series {
                    label: "estimate",
                    points: vec![(0.0, 0.83), (17.0, 0.83)],
                    slot: 3,
                    dashed: true,
                },
            ],
            levels: vec![Level {
                value: 0.78,
                label: "threshold",
                dotted: false,
            }],
            markers: vec![
                Marker {
                    x: 14.0,
                    label: "alert",
                },
                Marker {
                    x: 60.0,
                    label: "late",
                },
            ],
        }
    }

    #[test]
    fn a_line_chart_is_an_svg_with_its_labels_and_themed_colours() {
        let drawn = line_chart(&sample(), 720, 300);
        assert!(drawn.plot_x.0 > 0.0 && drawn.plot_x.1 <= 720.0 && drawn.plot_x.0 < drawn.plot_x.1);
        assert!(drawn.plot_y.0 < drawn.plot_y.1 && drawn.plot_y.1 <= drawn.size.1 as f64);
        let svg = &drawn.svg;
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        for text in [
            "loop",
            "estimate",
            "threshold",
            "alert",
            "late",
            "day",
            "F1",
        ] {
            assert!(svg.contains(text), "missing {text}");
        }
        assert!(svg.contains("var(--series-2)") && svg.contains("var(--series-4)"));
        assert!(!svg.contains("#020202") && !svg.contains("#030303"));
        // Two lines and the threshold, each one polyline, the estimate and the threshold
        // dashed.
        assert!(svg.matches("<polyline").count() >= 3);
        assert!(
            svg.contains(r#"stroke-dasharray="5 5""#) && svg.contains(r#"stroke-dasharray="6 4""#)
        );
        // A marker near the end is labelled to its left so the text stays inside.
        assert!(svg.contains(r#"text-anchor="end""#));
        // Markers' labels are outlined in the background colour, which a file on its own
        // gets as a fixed colour.
        assert!(svg.contains("stroke:var(--chart-halo)"));
        assert!(!frame::standalone(svg).contains("var(--"));
    }

    #[test]
    fn an_empty_chart_still_draws() {
        let chart = LineChart {
            x: Axis {
                range: (0.0, 1.0),
                ticks: Vec::new(),
                title: "x",
            },
            y: Axis {
                range: (0.0, 1.0),
                ticks: Vec::new(),
                title: "y",
            },
            series: Vec::new(),
            levels: Vec::new(),
            markers: Vec::new(),
        };
        assert!(line_chart(&chart, 300, 200).svg.contains("<svg"));
    }
}
