//! Line charts over days: F1 for each policy with the alert threshold and the label-free
//! estimate, and the money each loop saves over no loop. Each series is a line in its
//! palette slot (dashed for estimates), each level a dashed or dotted line in slot 4, each
//! marker a grid-coloured vertical line with its label on the plot, stepped down so
//! markers a few days apart do not overlap.

use super::{
    Area, Colour, DOT_RADIUS, Drawing, Frame, Look, Pen, Y_LABELS, dot, framed, legend, rect, text,
};
use crate::charts::spec::{Drawn, Level, LineChart, Swatch};
use plotters::style::text_anchor::{HPos, VPos};

/// A level's dash and gap lengths: dotted for a warning, dashed for a threshold.
pub(super) fn level_dashes(level: &Level) -> (u32, u32) {
    if level.dotted { (2, 4) } else { (6, 4) }
}

/// A 13-pixel label on the plot, over its lines: a box in the background colour goes under
/// it so it stays legible. The box's width is a guess from the number of characters (half
/// an em each), never a measurement.
pub(super) fn on_plot(area: &Area<'_>, label: &str, at: (i32, i32), h: HPos) -> Drawing {
    let em = 13.0 / 1.24;
    let w = (label.chars().count().min(200) as f64 * em * 0.5).ceil() as i32;
    let x0 = match h {
        HPos::Left => at.0,
        HPos::Center => at.0 - w / 2,
        HPos::Right => at.0 - w,
    };
    let corners = ((x0 - 3, at.1 - 1), (x0 + w + 3, at.1 + em as i32 + 2));
    rect(area, corners.0, corners.1, Colour::Halo, 0.85)?;
    text(area, label, at, Look(16.0, h, VPos::Top, false))
}

/// Draws the line chart `width` wide with a plotting band `plot_height` tall (its axis
/// labels and legend add to the height).
pub fn draw(chart: &LineChart, width: u32, plot_height: u32) -> Drawn {
    let legend = legend(
        chart
            .series
            .iter()
            .map(|s| (s.label.as_str(), s.slot, s.stroke)),
        &chart.levels,
    );
    let frame = Frame {
        width,
        plot_height,
        y_label_width: Y_LABELS,
        x: &chart.x,
        y: &chart.y,
        legend,
    };
    let (x0, x1) = chart.x.range;
    let (y0, y1) = chart.y.range;
    framed(&frame, |area, plot| -> Drawing {
        for level in &chart.levels {
            let ends = [(x0, level.value), (x1, level.value)];
            plot.line(
                area,
                ends,
                Pen(Colour::Series(4), 2, Some(level_dashes(level))),
            )?;
        }
        for marker in &chart.markers {
            let ends = [(marker.x, y0), (marker.x, y1)];
            plot.line(area, ends, Pen(Colour::Grid, 2, None))?;
        }
        for series in &chart.series {
            let colour = Colour::Series(series.slot.min(3));
            let dashes = match series.stroke {
                Swatch::Dashed => Some((5, 5)),
                Swatch::LongDashed => Some((12, 4)),
                Swatch::Dotted => Some((2, 4)),
                Swatch::Dots => {
                    let finite = |(x, y): &&(f64, f64)| x.is_finite() && y.is_finite();
                    for point in series.points.iter().filter(finite) {
                        dot(area, plot.at(*point), DOT_RADIUS, colour)?;
                    }
                    continue;
                }
                Swatch::Line | Swatch::Box => None,
            };
            plot.line(area, series.points.iter().copied(), Pen(colour, 3, dashes))?;
        }
        // The markers' labels last, over every line, each a step lower than the one before.
        for (i, marker) in chart.markers.iter().enumerate() {
            if !marker.x.is_finite() {
                continue;
            }
            let y = y1 - (y1 - y0) * (0.02 + 0.07 * i.min(12) as f64);
            let near_end = marker.x > x0 + (x1 - x0) * 0.8;
            let anchor = if near_end { HPos::Right } else { HPos::Left };
            let pad = (x1 - x0) * 0.006 * if near_end { -1.0 } else { 1.0 };
            let at = plot.at((marker.x + pad, y));
            on_plot(area, &marker.label, at, anchor)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::draw::{axis, only_palette_colours};
    use crate::charts::spec::{Marker, Series};

    fn series(label: &str, points: Vec<(f64, f64)>, slot: usize, dashed: bool) -> Series {
        let label = label.into();
        Series {
            label,
            points,
            slot,
            stroke: if dashed { Swatch::Dashed } else { Swatch::Line },
        }
    }

    fn sample() -> LineChart {
        LineChart {
            x: axis(
                (0.0, 63.0),
                &[(0.0, "0"), (30.0, "30"), (60.0, "60")],
                "day",
            ),
            y: axis((0.4, 1.0), &[(0.4, "0.4"), (1.0, "1.0")], "F1"),
            series: vec![
                series(
                    "loop",
                    vec![(0.0, 0.84), (14.0, 0.72), (17.0, 0.86)],
                    2,
                    false,
                ),
                series("retrain weekly", vec![(0.0, 0.8), (63.0, 0.9)], 0, false),
                series("estimate", vec![(0.0, 0.83), (17.0, 0.83)], 3, true),
            ],
            levels: vec![Level {
                value: 0.78,
                label: "threshold".into(),
                dotted: false,
            }],
            markers: vec![
                Marker {
                    x: 14.0,
                    label: "alert".into(),
                },
                Marker {
                    x: 60.0,
                    label: "late".into(),
                },
            ],
        }
    }

    /// The dash pattern of each `<polyline>` drawn in `hex` (as plotters writes it, upper
    /// case), `None` for a solid line.
    fn dashes_in<'a>(svg: &'a str, hex: &str) -> Vec<Option<&'a str>> {
        svg.lines()
            .filter(|l| l.starts_with("<polyline") && l.contains(&format!(r##"stroke="{hex}""##)))
            .map(|l| {
                let (_, rest) = l.split_once(r#"stroke-dasharray=""#)?;
                rest.split('"').next()
            })
            .collect()
    }

    #[test]
    fn a_line_chart_has_its_lines_levels_markers_and_labels() {
        let drawn = draw(&sample(), 720, 300);
        let svg = &drawn.svg;
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains(&format!(r#"viewBox="0 0 720 {}""#, drawn.size.1)));
        // Four legend entries in two rows under the plot.
        assert_eq!(drawn.size, (720, 14 * 2 + 300 + 52 + 2 * 25));
        assert_eq!((drawn.plot_x, drawn.plot_y), ((78.0, 706.0), (14.0, 314.0)));
        assert!((drawn.x_of(31.5, (0.0, 63.0)) - 392.0).abs() < 1e-9);
        assert!(
            svg.contains("rotate(270, 14, 164)"),
            "the y title is turned"
        );
        // Every label is set at 12 user units or more (plotters writes a font's size at
        // about three quarters of its nominal size).
        let sizes: Vec<f64> = svg
            .split(r#"font-size=""#)
            .skip(1)
            .filter_map(|rest| rest.split('"').next()?.parse().ok())
            .collect();
        assert!(
            !sizes.is_empty() && sizes.iter().all(|&s| s >= 12.0),
            "{sizes:?}"
        );
        for text in [
            "loop",
            "estimate",
            "threshold",
            "alert",
            "late",
            "day",
            "F1",
            "30",
            "0.4",
        ] {
            assert!(
                svg.contains(&format!(">\n{text}\n</text>")),
                "missing {text}"
            );
        }
        // Every series is one polyline (the legend swatch adds one): solid, or dashed by
        // its stroke-dasharray, the swatch with shorter gaps.
        assert_eq!(dashes_in(svg, "#1D4FA8"), [None, None]);
        assert_eq!(dashes_in(svg, "#B4232A"), [None, None]);
        assert_eq!(
            dashes_in(svg, "#0D6D68"),
            [Some("5 5"), Some("5 3")],
            "the estimate is dashed"
        );
        let levels = dashes_in(svg, "#5B36A3");
        assert!(
            levels.len() >= 2 && levels.iter().all(Option::is_some),
            "the levels are dashed or dotted: {levels:?}"
        );
        // Two markers: two grid-coloured lines 2 wide.
        let markers = svg
            .lines()
            .filter(|l| l.contains(r##"stroke="#C9CFDB" stroke-width="2""##))
            .count();
        assert_eq!(markers, 2);
        // A marker near the end is labelled to its left so the text stays inside.
        let late = svg.lines().position(|l| l == "late").unwrap_or(1);
        assert!(
            svg.lines()
                .nth(late - 1)
                .is_some_and(|l| l.contains(r#"text-anchor="end""#))
        );
        assert!(only_palette_colours(svg));
    }

    #[test]
    fn measurements_are_dots_without_a_line() {
        let mut chart = sample();
        chart.series.push(Series {
            label: "measured".into(),
            points: vec![(7.0, 0.8), (14.0, f64::NAN), (21.0, 0.7)],
            slot: 2,
            stroke: Swatch::Dots,
        });
        let svg = draw(&chart, 720, 300).svg;
        // Two finite points and the legend's swatch: three dots in the loop's colour, and
        // the loop's line and swatch stay its only polylines.
        let dots = svg
            .lines()
            .filter(|l| l.starts_with("<circle") && l.contains(r##"fill="#1D4FA8""##))
            .count();
        assert_eq!(dots, 3);
        assert_eq!(dashes_in(&svg, "#1D4FA8"), [None, None]);
    }

    #[test]
    fn a_legend_whose_text_would_run_past_its_column_takes_one_column() {
        let two = draw(&sample(), 720, 300);
        let mut long = sample();
        long.series[1].label = "Level 0, watched: a weekly dashboard and a manual retrain".into();
        let one = draw(&long, 720, 300);
        // Four entries: two rows in two columns, four rows in one.
        assert_eq!(one.size.1, two.size.1 + 2 * 25);
        // Every entry's text starts at the same x, after its swatch (the legend's texts are
        // the last four start-anchored ones; a marker's label comes before).
        let mut starts: Vec<&str> = one
            .svg
            .lines()
            .filter(|l| l.starts_with("<text") && l.contains(r#"text-anchor="start""#))
            .filter_map(|l| l.split(r#" x=""#).nth(1)?.split('"').next())
            .collect();
        assert!(starts.len() >= 4, "{starts:?}");
        starts.drain(..starts.len() - 4);
        assert!(starts.iter().all(|x| *x == starts[0]), "{starts:?}");
        // Short labels keep two columns at this width; a narrow chart takes one.
        assert_ne!(draw(&sample(), 300, 300).size.1 - 300, two.size.1 - 300);
    }

    #[test]
    fn hebrew_labels_are_isolated() {
        let mut chart = sample();
        chart.levels[0].label = "סף ה-drift".into();
        chart.markers[0].label = "התראה".into();
        let svg = draw(&chart, 720, 300).svg;
        assert!(svg.contains("\u{2068}סף ה-drift\u{2069}"));
        assert!(svg.contains("\u{2068}התראה\u{2069}"));
    }

    #[test]
    fn bad_input_draws_without_nan() {
        let empty = LineChart {
            x: axis((0.0, 0.0), &[], "x"),
            y: axis((f64::NAN, f64::INFINITY), &[(f64::NAN, "?")], "y"),
            series: vec![
                series("a < b & c", Vec::new(), 7, false),
                series(
                    "bad",
                    vec![(f64::NAN, 1.0), (1.0, f64::INFINITY), (2.0, 3.0)],
                    1,
                    true,
                ),
            ],
            levels: vec![Level {
                value: f64::NAN,
                label: "l".into(),
                dotted: true,
            }],
            markers: vec![Marker {
                x: f64::INFINITY,
                label: "m".into(),
            }],
        };
        for (width, height) in [(300, 200), (0, 0), (u32::MAX, u32::MAX)] {
            let drawn = draw(&empty, width, height);
            assert!(drawn.svg.starts_with("<svg") && drawn.svg.contains("viewBox"));
            assert!(!drawn.svg.contains("NaN") && !drawn.svg.contains("inf"));
            assert!(
                drawn.svg.contains(">\na &lt; b &amp; c\n</text>"),
                "escaped"
            );
            assert!(drawn.plot_x.0.is_finite() && drawn.plot_y.1.is_finite());
            assert!(only_palette_colours(&drawn.svg));
        }
    }
}
