//! The frame every lab chart shares: plotting area, grid, tick labels, axis titles and a
//! legend, drawn with plotters' SVG backend. Nothing here measures text: plotters' own
//! mesh and legend ask the browser for text sizes (a forced layout per label in
//! WebAssembly), so the frame places labels by anchor instead and lays the legend out in
//! two fixed columns under the plot. Charts therefore draw the same natively and in the
//! browser, and drawing one never touches the page.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// The palette, as unique placeholder colours that `themed` turns into CSS variables.
pub(crate) const PALETTE: [RGBColor; 5] = [
    RGBColor(0x01, 0x01, 0x01),
    RGBColor(0x02, 0x02, 0x02),
    RGBColor(0x03, 0x03, 0x03),
    RGBColor(0x04, 0x04, 0x04),
    RGBColor(0x05, 0x05, 0x05),
];
pub(crate) const INK: RGBColor = RGBColor(0x06, 0x06, 0x06);
pub(crate) const GRID: RGBColor = RGBColor(0x07, 0x07, 0x07);

/// The chart's plotting context.
pub(crate) type Plot<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// One axis: its range, the labelled ticks and its title.
pub struct Axis<'a> {
    /// Lowest and highest value shown.
    pub range: (f64, f64),
    /// Tick positions and their labels.
    pub ticks: Vec<(f64, String)>,
    /// The axis title.
    pub title: &'a str,
}

/// How a legend entry is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Swatch {
    /// A solid line.
    Line,
    /// A dashed line.
    Dashed,
    /// A dotted line.
    Dotted,
    /// A filled box.
    Box,
}

/// One legend entry: its text, palette slot and swatch.
pub struct Legend<'a> {
    /// The text.
    pub label: &'a str,
    /// Palette slot 0..=4 (CSS `--series-N`).
    pub slot: usize,
    /// The swatch.
    pub swatch: Swatch,
}

/// A drawn chart: the SVG and where its plotting area lies, in SVG user units, so a view
/// can overlay a moving marker (the lab's current day) without redrawing the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    /// The SVG document.
    pub svg: String,
    /// Width and height in user units.
    pub size: (u32, u32),
    /// Left and right edges of the plotting area.
    pub plot_x: (f64, f64),
    /// Top and bottom edges of the plotting area.
    pub plot_y: (f64, f64),
}

impl Drawn {
    /// The x coordinate of `value` on a horizontal axis that spans `range`.
    pub fn x_of(&self, value: f64, range: (f64, f64)) -> f64 {
        let span = range.1 - range.0;
        let share = if span > 0.0 {
            ((value - range.0) / span).clamp(0.0, 1.0)
        } else {
            0.0
        };
        self.plot_x.0 + share * (self.plot_x.1 - self.plot_x.0)
    }
}

const MARGIN: u32 = 14;
const X_LABELS: u32 = 48;
/// The usual width of the y tick labels' band.
pub(crate) const Y_LABELS: u32 = 64;
const LEGEND_ROW: u32 = 22;

/// Text for an SVG that lays out left to right: a right-to-left label (Hebrew) is wrapped
/// in a first-strong isolate so its own direction holds ("סף ה-drift" stays in order).
pub(crate) fn isolate(text: &str) -> String {
    if text.chars().any(|c| ('\u{0590}'..='\u{08FF}').contains(&c)) {
        format!("\u{2068}{text}\u{2069}")
    } else {
        text.to_string()
    }
}

fn font(size: u32) -> TextStyle<'static> {
    ("sans-serif", size).into_font().color(&INK)
}

/// Up to `n` round tick values covering `lo..=hi` (steps of 1, 2 or 5 times a power of 10).
pub fn nice_ticks(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo || n == 0 {
        return vec![if lo.is_finite() { lo } else { 0.0 }];
    }
    let raw = (hi - lo) / n as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| (hi - lo) / s <= n as f64)
        .unwrap_or(10.0 * magnitude);
    let first = (lo / step - 1e-9).ceil();
    // Steps below 1 divide by their inverse, so 3 × 0.2 reads 0.6, not 0.6000000000000001.
    let inverse = (1.0 / step).round();
    let value = move |k: f64| if step < 1.0 { k / inverse } else { k * step };
    (0..=n + 1)
        .map(|i| value(first + i as f64))
        .take_while(|v| *v <= hi + step * 1e-9)
        .collect()
}

/// Draws the frame at `width` with a plotting band `plot_height` tall, then calls `body`
/// to draw the data on the plot, and returns the themed SVG.
pub(crate) fn draw(
    width: u32,
    plot_height: u32,
    y_label_width: u32,
    x: &Axis<'_>,
    y: &Axis<'_>,
    legend: &[Legend<'_>],
    body: impl FnOnce(&mut Plot<'_, '_>) -> Result<(), String>,
) -> Result<Drawn, String> {
    let legend_rows = legend.len().div_ceil(2) as u32;
    let height = MARGIN * 2 + plot_height + X_LABELS + legend_rows * LEGEND_ROW;
    let mut svg = String::new();
    let area;
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let (chart_area, legend_area) = root.split_vertically(height - legend_rows * LEGEND_ROW);
        let mut ctx = ChartBuilder::on(&chart_area)
            .margin(MARGIN)
            .x_label_area_size(X_LABELS)
            .y_label_area_size(y_label_width)
            .build_cartesian_2d(x.range.0..x.range.1, y.range.0..y.range.1)
            .map_err(|e| e.to_string())?;
        let err = |e: DrawingAreaErrorKind<_>| e.to_string();
        // Grid lines at the y ticks, then the two axes.
        for (v, _) in &y.ticks {
            ctx.draw_series(LineSeries::new(
                [(x.range.0, *v), (x.range.1, *v)],
                GRID.stroke_width(1),
            ))
            .map_err(err)?;
        }
        ctx.draw_series(LineSeries::new(
            [
                (x.range.0, y.range.1),
                (x.range.0, y.range.0),
                (x.range.1, y.range.0),
            ],
            INK.stroke_width(1),
        ))
        .map_err(err)?;
        body(&mut ctx)?;

        let (px, py) = ctx.plotting_area().get_pixel_range();
        area = (px.clone(), py.clone());
        let to_px = |vx: f64, vy: f64| ctx.backend_coord(&(vx, vy));
        let tick_font = font(14);
        for (v, label) in &x.ticks {
            let (cx, cy) = to_px(*v, y.range.0);
            chart_area
                .draw(&PathElement::new([(cx, cy), (cx, cy + 5)], INK))
                .map_err(err)?;
            chart_area
                .draw(&Text::new(
                    isolate(label),
                    (cx, cy + 8),
                    tick_font.pos(Pos::new(HPos::Center, VPos::Top)),
                ))
                .map_err(err)?;
        }
        for (v, label) in &y.ticks {
            let (cx, cy) = to_px(x.range.0, *v);
            chart_area
                .draw(&PathElement::new([(cx - 5, cy), (cx, cy)], INK))
                .map_err(err)?;
            chart_area
                .draw(&Text::new(
                    isolate(label),
                    (cx - 8, cy),
                    tick_font.pos(Pos::new(HPos::Right, VPos::Center)),
                ))
                .map_err(err)?;
        }
        let title_font = font(15);
        chart_area
            .draw(&Text::new(
                isolate(x.title),
                ((px.start + px.end) / 2, py.end + 28),
                title_font.pos(Pos::new(HPos::Center, VPos::Top)),
            ))
            .map_err(err)?;
        chart_area
            .draw(&Text::new(
                isolate(y.title),
                (MARGIN as i32, (py.start + py.end) / 2),
                title_font
                    .transform(FontTransform::Rotate270)
                    .pos(Pos::new(HPos::Center, VPos::Top)),
            ))
            .map_err(err)?;

        // The legend: two columns under the plot, each entry a swatch and its text.
        let column = (px.end - px.start) / 2;
        for (i, entry) in legend.iter().enumerate() {
            let x0 = px.start + (i as i32 % 2) * column;
            let y0 = (i as i32 / 2) * LEGEND_ROW as i32 + LEGEND_ROW as i32 / 2;
            let colour = PALETTE[entry.slot.min(4)];
            match entry.swatch {
                Swatch::Line => legend_area
                    .draw(&PathElement::new(
                        [(x0, y0), (x0 + 22, y0)],
                        colour.stroke_width(3),
                    ))
                    .map_err(err)?,
                Swatch::Dashed | Swatch::Dotted => {
                    let (count, step, dash) = if entry.swatch == Swatch::Dotted {
                        (5, 5, 2)
                    } else {
                        (3, 8, 5)
                    };
                    for k in 0..count {
                        legend_area
                            .draw(&PathElement::new(
                                [(x0 + k * step, y0), (x0 + k * step + dash, y0)],
                                colour.stroke_width(3),
                            ))
                            .map_err(err)?;
                    }
                }
                Swatch::Box => legend_area
                    .draw(&Rectangle::new(
                        [(x0 + 3, y0 - 7), (x0 + 19, y0 + 7)],
                        colour.filled(),
                    ))
                    .map_err(err)?,
            }
            legend_area
                .draw(&Text::new(
                    isolate(entry.label),
                    (x0 + 30, y0),
                    font(14).pos(Pos::new(HPos::Left, VPos::Center)),
                ))
                .map_err(err)?;
        }
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(Drawn {
        svg: themed(svg),
        size: (width, height),
        plot_x: (area.0.start as f64, area.0.end as f64),
        plot_y: (area.1.start as f64, area.1.end as f64),
    })
}

/// Draws a text label on the plot at a data position.
pub(crate) fn label_at(
    ctx: &mut Plot<'_, '_>,
    text: &str,
    at: (f64, f64),
    anchor: (HPos, VPos),
) -> Result<(), String> {
    ctx.draw_series(std::iter::once(Text::new(
        isolate(text),
        at,
        font(13).pos(Pos::new(anchor.0, anchor.1)),
    )))
    .map(|_| ())
    .map_err(|e| e.to_string())
}

/// The light theme's chart colours (as `public/scenario.css` defines them, which a test
/// checks), for an SVG that leaves the page.
pub const LIGHT: [(&str, &str); 7] = [
    ("series-0", "#b4232a"),
    ("series-1", "#9a5b00"),
    ("series-2", "#1d4fa8"),
    ("series-3", "#0d6d68"),
    ("series-4", "#5b36a3"),
    ("chart-ink", "#2b3140"),
    ("chart-grid", "#c9cfdb"),
];

/// A drawn chart that stands alone (a download, a report): the page's colour variables
/// become the light theme's colours, and its text the chart ink.
pub fn standalone(svg: &str) -> String {
    let mut out = svg.to_string();
    for (name, colour) in LIGHT {
        out = out.replace(&format!("var(--{name})"), colour);
    }
    // The page styles the text through CSS; a file on its own needs it inline.
    if let Some(end) = out.find('>')
        && out.starts_with("<svg")
    {
        out.insert_str(
            end + 1,
            &format!("<style>text{{fill:{}}}</style>", LIGHT[5].1),
        );
    }
    out
}

/// The CSS variable a placeholder colour (`#0N0N0N`, N in 1..=7) stands for.
fn placeholder(hex: &str) -> Option<&'static str> {
    const NAMES: [&str; 7] = [
        "series-0",
        "series-1",
        "series-2",
        "series-3",
        "series-4",
        "chart-ink",
        "chart-grid",
    ];
    let b = hex.as_bytes();
    let n = *b.get(2)?;
    let same = b.len() == 7
        && b[0] == b'#'
        && [1, 3, 5].iter().all(|&i| b[i] == b'0')
        && b[4] == n
        && b[6] == n;
    (same && (b'1'..=b'7').contains(&n)).then(|| NAMES[(n - b'1') as usize])
}

/// Replaces the placeholder colours by CSS variables (inline styles accept `var()`,
/// presentation attributes do not), in one pass over the document.
pub(crate) fn themed(svg: String) -> String {
    let mut out = String::with_capacity(svg.len() + svg.len() / 8);
    let mut rest = svg.as_str();
    while let Some(i) = rest.find("=\"#0") {
        let before = &rest[..i];
        let attr = ["stroke", "fill"].into_iter().find(|a| before.ends_with(a));
        let name = rest.get(i + 2..i + 9).and_then(placeholder);
        match (attr, name, rest.get(i + 9..i + 10)) {
            (Some(attr), Some(name), Some("\"")) => {
                out.push_str(&before[..before.len() - attr.len()]);
                out.push_str("style=\"");
                out.push_str(attr);
                out.push_str(":var(--");
                out.push_str(name);
                out.push_str(")\"");
                rest = &rest[i + 10..];
            }
            _ => {
                out.push_str(&rest[..i + 4]);
                rest = &rest[i + 4..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_standalone_chart_has_the_light_themes_colours_from_the_stylesheet() {
        let css = include_str!("../../public/scenario.css");
        let root = &css[css.find(":root {").expect("a :root block")..];
        let root = &root[..root.find('}').expect("its end")];
        for (name, colour) in LIGHT {
            assert!(
                root.contains(&format!("--{name}: {colour};")),
                "--{name} is not {colour} in scenario.css"
            );
        }
        let svg = r#"<svg a="1"><path style="stroke:var(--series-2)"/><text>x</text></svg>"#;
        let out = standalone(svg);
        assert!(!out.contains("var(--"));
        assert!(out.starts_with(
            r#"<svg a="1"><style>text{fill:#2b3140}</style><path style="stroke:#1d4fa8"/>"#
        ));
    }

    use super::*;

    #[test]
    fn placeholder_colours_become_css_variables_and_others_stay() {
        let svg = r##"<a stroke="#010101"/><b fill="#070707"/><c fill="#0A0A0A"/><d fill="#010102"/><e stroke="#02020"/>"##;
        assert_eq!(
            themed(svg.to_string()),
            r##"<a style="stroke:var(--series-0)"/><b style="fill:var(--chart-grid)"/><c fill="#0A0A0A"/><d fill="#010102"/><e stroke="#02020"/>"##
        );
    }

    #[test]
    fn hebrew_labels_are_isolated_and_latin_ones_left_alone() {
        assert_eq!(isolate("סף ה-drift"), "\u{2068}סף ה-drift\u{2069}");
        assert_eq!(isolate("alert threshold"), "alert threshold");
    }

    #[test]
    fn nice_ticks_are_round_and_cover_the_range() {
        assert_eq!(nice_ticks(0.0, 1.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(
            nice_ticks(0.0, 63.0, 10),
            vec![0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0]
        );
        let t = nice_ticks(-120_000.0, 480_000.0, 6);
        assert!(t.contains(&0.0) && t.contains(&400_000.0), "{t:?}");
        assert!(t.iter().all(|v| *v >= -120_000.0 && *v <= 480_000.0));
        // Degenerate ranges give one tick instead of looping or panicking.
        assert_eq!(nice_ticks(1.0, 1.0, 5), vec![1.0]);
        assert_eq!(nice_ticks(f64::NAN, 1.0, 5), vec![0.0]);
        assert_eq!(nice_ticks(0.0, 1.0, 0), vec![0.0]);
    }

    #[test]
    fn the_frame_draws_ticks_titles_and_a_two_column_legend() {
        let x = Axis {
            range: (0.0, 10.0),
            ticks: vec![(0.0, "zero".into()), (10.0, "ten".into())],
            title: "days",
        };
        let y = Axis {
            range: (0.0, 1.0),
            ticks: vec![(0.5, "half".into())],
            title: "value",
        };
        let legend = [
            Legend {
                label: "first",
                slot: 0,
                swatch: Swatch::Line,
            },
            Legend {
                label: "second",
                slot: 1,
                swatch: Swatch::Dashed,
            },
            Legend {
                label: "third",
                slot: 2,
                swatch: Swatch::Box,
            },
        ];
        let drawn = draw(600, 200, Y_LABELS, &x, &y, &legend, |_| Ok(())).unwrap();
        for text in [
            "zero", "ten", "half", "days", "value", "first", "second", "third",
        ] {
            assert!(drawn.svg.contains(text), "missing {text}");
        }
        // Two legend rows under the plot.
        assert_eq!(drawn.size, (600, 14 * 2 + 200 + 48 + 2 * 22));
        assert!(drawn.plot_x.0 >= 64.0 && drawn.plot_x.1 <= 600.0);
        assert!((drawn.x_of(5.0, x.range) - (drawn.plot_x.0 + drawn.plot_x.1) / 2.0).abs() < 1e-9);
        assert!(drawn.svg.contains("var(--series-2)") && !drawn.svg.contains("#030303"));
        assert!(drawn.svg.contains("rotate("), "the y title is turned");
    }
}
