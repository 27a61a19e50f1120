//! The F1-over-time chart of the churn lab: one line per operating policy, the alert
//! threshold, the label-free estimate, and markers for alerts and deployments. Data in,
//! SVG text out (plotters' SVG backend); labels arrive translated, so the function knows
//! no language. Colours are written as CSS variables so the themes and print decide them.

use plotters::prelude::*;

/// One line: a label and its daily values.
pub struct Series<'a> {
    /// Legend text.
    pub label: &'a str,
    /// (day, value) points.
    pub points: Vec<(f64, f64)>,
    /// Palette slot 0..=3 (CSS `--series-N`).
    pub slot: usize,
    /// Dashed, for estimates.
    pub dashed: bool,
}

/// A vertical marker: a day and a short label.
pub struct Marker<'a> {
    /// The day.
    pub day: f64,
    /// Its label.
    pub label: &'a str,
}

/// Everything the chart shows.
pub struct F1Chart<'a> {
    /// Days on the x axis, from 0.
    pub horizon: f64,
    /// The lines.
    pub series: Vec<Series<'a>>,
    /// The alert threshold (horizontal line) and its label.
    pub threshold: (f64, &'a str),
    /// Event markers.
    pub markers: Vec<Marker<'a>>,
    /// The day the lab shows (a vertical line), if any.
    pub today: Option<f64>,
    /// X and Y axis titles.
    pub axes: (&'a str, &'a str),
}

/// The palette, as unique placeholder colours that `themed` turns into CSS variables.
const PALETTE: [RGBColor; 5] = [
    RGBColor(0x01, 0x01, 0x01),
    RGBColor(0x02, 0x02, 0x02),
    RGBColor(0x03, 0x03, 0x03),
    RGBColor(0x04, 0x04, 0x04),
    RGBColor(0x05, 0x05, 0x05),
];
const INK: RGBColor = RGBColor(0x06, 0x06, 0x06);
const GRID: RGBColor = RGBColor(0x07, 0x07, 0x07);

/// Replaces the placeholder colours by CSS variables (inline styles accept `var()`,
/// presentation attributes do not).
fn themed(svg: String) -> String {
    let mut out = svg;
    let names = [
        "series-0",
        "series-1",
        "series-2",
        "series-3",
        "series-4",
        "chart-ink",
        "chart-grid",
    ];
    for (i, name) in names.iter().enumerate() {
        let hex = format!("#{0:02X}{0:02X}{0:02X}", i + 1);
        out = out
            .replace(
                &format!("stroke=\"{hex}\""),
                &format!("style=\"stroke:var(--{name})\""),
            )
            .replace(
                &format!("fill=\"{hex}\""),
                &format!("style=\"fill:var(--{name})\""),
            );
    }
    out
}

/// A drawn chart: the SVG and where its plotting area lies, in SVG user units, so a view
/// can overlay a moving marker (the lab's current day) without redrawing the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    /// The SVG document.
    pub svg: String,
    /// Left and right edges of the plotting area.
    pub plot_x: (f64, f64),
    /// Top and bottom edges of the plotting area.
    pub plot_y: (f64, f64),
}

/// Draws the chart as an SVG document of `width` × `height` user units.
pub fn f1_chart(chart: &F1Chart, width: u32, height: u32) -> Result<Drawn, String> {
    let mut svg = String::new();
    let area;
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let mut ctx = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(42)
            .y_label_area_size(52)
            .build_cartesian_2d(0f64..chart.horizon.max(1.0), 0.4f64..1.0f64)
            .map_err(|e| e.to_string())?;
        ctx.configure_mesh()
            .x_desc(chart.axes.0)
            .y_desc(chart.axes.1)
            .axis_desc_style(("sans-serif", 15).into_font().color(&INK))
            .label_style(("sans-serif", 14).into_font().color(&INK))
            .axis_style(INK)
            .light_line_style(GRID.mix(0.0))
            .bold_line_style(GRID)
            .x_labels(10)
            .y_labels(7)
            .y_label_formatter(&|v| format!("{v:.1}"))
            .x_label_formatter(&|v| format!("{v:.0}"))
            .draw()
            .map_err(|e| e.to_string())?;

        let (threshold, threshold_label) = chart.threshold;
        ctx.draw_series(DashedLineSeries::new(
            [(0.0, threshold), (chart.horizon, threshold)],
            6,
            4,
            PALETTE[4].stroke_width(2),
        ))
        .map_err(|e| e.to_string())?
        .label(threshold_label)
        .legend(|(x, y)| PathElement::new([(x, y), (x + 18, y)], PALETTE[4].stroke_width(2)));

        // Labels step down so markers a few days apart do not overlap.
        for (i, marker) in chart.markers.iter().enumerate() {
            ctx.draw_series(LineSeries::new(
                [(marker.day, 0.4), (marker.day, 1.0)],
                GRID.stroke_width(1),
            ))
            .map_err(|e| e.to_string())?;
            ctx.draw_series(std::iter::once(Text::new(
                marker.label.to_string(),
                (marker.day, 0.985 - 0.035 * i as f64),
                ("sans-serif", 13).into_font().color(&INK),
            )))
            .map_err(|e| e.to_string())?;
        }
        if let Some(day) = chart.today {
            ctx.draw_series(LineSeries::new(
                [(day, 0.4), (day, 1.0)],
                INK.stroke_width(2),
            ))
            .map_err(|e| e.to_string())?;
        }
        for series in &chart.series {
            let color = PALETTE[series.slot.min(3)];
            let style = color.stroke_width(3);
            if series.dashed {
                ctx.draw_series(DashedLineSeries::new(
                    series.points.iter().copied(),
                    5,
                    5,
                    style,
                ))
                .map_err(|e| e.to_string())?
            } else {
                ctx.draw_series(LineSeries::new(series.points.iter().copied(), style))
                    .map_err(|e| e.to_string())?
            }
            .label(series.label)
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 18, y)], color.stroke_width(3)));
        }
        ctx.configure_series_labels()
            .position(SeriesLabelPosition::LowerLeft)
            .label_font(("sans-serif", 14).into_font().color(&INK))
            .border_style(GRID)
            .background_style(WHITE.mix(0.0))
            .draw()
            .map_err(|e| e.to_string())?;
        area = ctx.plotting_area().get_pixel_range();
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(Drawn {
        svg: themed(svg),
        plot_x: (area.0.start as f64, area.0.end as f64),
        plot_y: (area.1.start as f64, area.1.end as f64),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> F1Chart<'static> {
        F1Chart {
            horizon: 63.0,
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
            threshold: (0.78, "threshold"),
            markers: vec![Marker {
                day: 14.0,
                label: "alert",
            }],
            today: Some(20.0),
            axes: ("day", "F1"),
        }
    }

    #[test]
    fn the_f1_chart_is_an_svg_with_its_labels_and_themed_colours() {
        let drawn = f1_chart(&sample(), 720, 360).unwrap();
        assert!(drawn.plot_x.0 > 0.0 && drawn.plot_x.1 <= 720.0 && drawn.plot_x.0 < drawn.plot_x.1);
        assert!(drawn.plot_y.0 < drawn.plot_y.1 && drawn.plot_y.1 <= 360.0);
        let svg = drawn.svg;
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        for text in ["loop", "estimate", "threshold", "alert", "day", "F1"] {
            assert!(svg.contains(text), "missing {text}");
        }
        assert!(svg.contains("var(--series-2)") && svg.contains("var(--series-4)"));
        assert!(!svg.contains("#020202") && !svg.contains("#030303"));
    }

    #[test]
    fn an_empty_chart_still_draws() {
        let chart = F1Chart {
            horizon: 0.0,
            series: Vec::new(),
            threshold: (0.78, "t"),
            markers: Vec::new(),
            today: None,
            axes: ("x", "y"),
        };
        assert!(f1_chart(&chart, 300, 200).unwrap().svg.contains("<svg"));
    }
}
