//! The frame every lab chart shares: plotting area, grid, tick labels, axis titles and a
//! legend, written as SVG text by hand: lines, boxes and labels are all a chart needs, and
//! a general plotting library (plotters) added about 15 KB gzipped. Nothing here measures
//! text: labels are placed by their anchor, and the legend is laid out in two fixed
//! columns under the plot, so charts draw the same natively and in the browser and drawing
//! one never touches the page. Colours are the page's CSS variables (`standalone` fixes
//! them for a file).

use crate::i18n::escape_html;
use crate::i18n::numbers::fixed;
use std::fmt::Write;

/// A colour of the chart, as the style sheets define it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Colour {
    /// A series' colour, 0..=4 (`--series-N`; 4 is the thresholds').
    Series(usize),
    /// Text and axes (`--chart-ink`).
    Ink,
    /// Grid lines and event markers (`--chart-grid`).
    Grid,
}

impl Colour {
    fn var(self) -> &'static str {
        match self {
            Colour::Series(0) => "series-0",
            Colour::Series(1) => "series-1",
            Colour::Series(2) => "series-2",
            Colour::Series(3) => "series-3",
            Colour::Series(_) => "series-4",
            Colour::Ink => "chart-ink",
            Colour::Grid => "chart-grid",
        }
    }
}

/// Where a label's anchor point lies along the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HPos {
    /// At its start (left).
    Left,
    /// In its middle.
    Center,
    /// At its end (right).
    Right,
}

/// Where a label's anchor point lies across the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VPos {
    /// At its top.
    Top,
    /// In its middle.
    Center,
}

/// A line's dashes: dash and gap lengths, or solid.
pub type Dashes = Option<(u32, u32)>;

/// Writes a line through `points` (user units).
pub(crate) fn polyline(
    svg: &mut String,
    points: &[(i32, i32)],
    colour: Colour,
    width: u32,
    dashes: Dashes,
) {
    let _ = write!(
        svg,
        r#"<polyline fill="none" style="stroke:var(--{})" stroke-width="{width}""#,
        colour.var()
    );
    if let Some((dash, gap)) = dashes {
        let _ = write!(svg, r#" stroke-dasharray="{dash} {gap}""#);
    }
    svg.push_str(r#" points=""#);
    for (x, y) in points {
        let _ = write!(svg, "{x},{y} ");
    }
    svg.push_str("\"/>");
}

/// How a box is painted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paint {
    /// Filled with its colour.
    Fill,
    /// Filled with a light tint of its colour.
    Tint,
    /// Outlined, this many units wide.
    Outline(u32),
}

/// Writes a box between two corners.
pub(crate) fn rect(svg: &mut String, a: (i32, i32), b: (i32, i32), colour: Colour, paint: Paint) {
    let (x, y) = (a.0.min(b.0), a.1.min(b.1));
    let (w, h) = ((a.0 - b.0).abs(), (a.1 - b.1).abs());
    let _ = write!(svg, r#"<rect x="{x}" y="{y}" width="{w}" height="{h}""#);
    let var = colour.var();
    let _ = match paint {
        Paint::Fill => write!(svg, r#" style="fill:var(--{var})"/>"#),
        Paint::Tint => write!(svg, r#" opacity="0.22" style="fill:var(--{var})"/>"#),
        Paint::Outline(width) => write!(
            svg,
            r#" fill="none" style="stroke:var(--{var})" stroke-width="{width}"/>"#
        ),
    };
}

/// Where a label sits, which decides how it is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Beside the plot, level (ticks, legend, the x title).
    Beside,
    /// Beside the plot, read bottom to top (the y title).
    Turned,
    /// On the plot, over its lines: outlined in the background colour so it stays legible
    /// where a line crosses it.
    OnPlot,
}

/// Writes a label in the chart ink, `size` CSS pixels tall before the chart is scaled,
/// anchored at `at`.
pub(crate) fn text(
    svg: &mut String,
    label: &str,
    at: (i32, i32),
    size: u32,
    anchor: (HPos, VPos),
    place: Place,
) {
    let (x, y) = at;
    let h = match anchor.0 {
        HPos::Left => "start",
        HPos::Center => "middle",
        HPos::Right => "end",
    };
    let dy = match anchor.1 {
        VPos::Top => "0.76em",
        VPos::Center => "0.5ex",
    };
    // Sizes as the chart's type scale has them (a font's size over its line height).
    let size = fixed(f64::from(size) / 1.24, 1);
    // On the plot the label is outlined in the background colour (in the style attribute:
    // presentation attributes do not take `var()`).
    let style = match place {
        Place::OnPlot => "fill:var(--chart-ink);stroke:var(--chart-halo)",
        Place::Beside | Place::Turned => "fill:var(--chart-ink)",
    };
    let _ = write!(
        svg,
        r#"<text x="{x}" y="{y}" dy="{dy}" text-anchor="{h}" font-family="sans-serif" font-size="{size}" style="{style}""#
    );
    match place {
        Place::Beside => {}
        Place::Turned => {
            let _ = write!(svg, r#" transform="rotate(270, {x}, {y})""#);
        }
        Place::OnPlot => {
            svg.push_str(r#" stroke-width="4" stroke-linejoin="round" paint-order="stroke""#)
        }
    }
    let _ = write!(svg, ">{}</text>", escape_html(&isolate(label)));
}

/// The chart's plotting area: the axes' ranges, the area in user units, and the SVG so far.
pub(crate) struct Plot {
    svg: String,
    x: (f64, f64),
    y: (f64, f64),
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

impl Plot {
    /// The user-unit position of a data point (clamped to stay finite).
    pub(crate) fn at(&self, point: (f64, f64)) -> (i32, i32) {
        let share = |v: f64, (lo, hi): (f64, f64)| {
            let s = (v - lo) / (hi - lo);
            if s.is_finite() {
                s.clamp(-1.0, 2.0)
            } else {
                0.0
            }
        };
        let x = self.left + share(point.0, self.x) * (self.right - self.left);
        let y = self.bottom - share(point.1, self.y) * (self.bottom - self.top);
        (x.round() as i32, y.round() as i32)
    }

    /// A line through data points.
    pub(crate) fn line(
        &mut self,
        points: impl IntoIterator<Item = (f64, f64)>,
        colour: Colour,
        width: u32,
        dashes: Dashes,
    ) {
        let points: Vec<(i32, i32)> = points.into_iter().map(|p| self.at(p)).collect();
        polyline(&mut self.svg, &points, colour, width, dashes);
    }

    /// A filled box between two data points.
    pub(crate) fn bar(&mut self, a: (f64, f64), b: (f64, f64), colour: Colour) {
        let (a, b) = (self.at(a), self.at(b));
        rect(&mut self.svg, a, b, colour, Paint::Fill);
    }

    /// A label at a data point.
    pub(crate) fn label(&mut self, label: &str, at: (f64, f64), anchor: (HPos, VPos)) {
        let at = self.at(at);
        text(&mut self.svg, label, at, 13, anchor, Place::OnPlot);
    }
}

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

/// The largest power of ten not above `x` (positive), as `10f64.powf(x.log10().floor())`
/// gives it but without libm's `pow` and `log10` in the download: below 1 it is one over
/// an exact power of ten, which rounds once. Stops at 10^±308.
fn decade(x: f64) -> f64 {
    let mut power = 1.0;
    if x >= 1.0 {
        while power * 10.0 <= x && power < 1e307 {
            power *= 10.0;
        }
        power
    } else {
        while 1.0 / power > x && power < 1e307 {
            power *= 10.0;
        }
        1.0 / power
    }
}

/// Up to `n` round tick values covering `lo..=hi` (steps of 1, 2 or 5 times a power of 10).
pub fn nice_ticks(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo || n == 0 {
        return vec![if lo.is_finite() { lo } else { 0.0 }];
    }
    let magnitude = decade((hi - lo) / n as f64);
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
/// to draw the data on the plot, and returns the SVG.
pub(crate) fn draw(
    width: u32,
    plot_height: u32,
    y_label_width: u32,
    x: &Axis<'_>,
    y: &Axis<'_>,
    legend: &[Legend<'_>],
    body: impl FnOnce(&mut Plot),
) -> Drawn {
    let legend_rows = legend.len().div_ceil(2) as u32;
    let height = MARGIN * 2 + plot_height + X_LABELS + legend_rows * LEGEND_ROW;
    let legend_top = (height - legend_rows * LEGEND_ROW) as i32;
    let mut plot = Plot {
        svg: format!(
            r#"<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">"#
        ),
        x: x.range,
        y: y.range,
        left: f64::from(MARGIN + y_label_width),
        right: f64::from(width.saturating_sub(MARGIN)),
        top: f64::from(MARGIN),
        bottom: f64::from(MARGIN + plot_height),
    };
    // Grid lines at the y ticks, then the two axes.
    for (v, _) in &y.ticks {
        plot.line([(x.range.0, *v), (x.range.1, *v)], Colour::Grid, 1, None);
    }
    plot.line(
        [
            (x.range.0, y.range.1),
            (x.range.0, y.range.0),
            (x.range.1, y.range.0),
        ],
        Colour::Ink,
        1,
        None,
    );
    body(&mut plot);

    let (left, right) = (plot.left as i32, plot.right as i32);
    let (top, bottom) = (plot.top as i32, plot.bottom as i32);
    for (v, label) in &x.ticks {
        let (cx, cy) = plot.at((*v, y.range.0));
        polyline(
            &mut plot.svg,
            &[(cx, cy), (cx, cy + 5)],
            Colour::Ink,
            1,
            None,
        );
        text(
            &mut plot.svg,
            label,
            (cx, cy + 8),
            14,
            (HPos::Center, VPos::Top),
            Place::Beside,
        );
    }
    for (v, label) in &y.ticks {
        let (cx, cy) = plot.at((x.range.0, *v));
        polyline(
            &mut plot.svg,
            &[(cx - 5, cy), (cx, cy)],
            Colour::Ink,
            1,
            None,
        );
        text(
            &mut plot.svg,
            label,
            (cx - 8, cy),
            14,
            (HPos::Right, VPos::Center),
            Place::Beside,
        );
    }
    let middle = ((left + right) / 2, (top + bottom) / 2);
    text(
        &mut plot.svg,
        x.title,
        (middle.0, bottom + 28),
        15,
        (HPos::Center, VPos::Top),
        Place::Beside,
    );
    text(
        &mut plot.svg,
        y.title,
        (MARGIN as i32, middle.1),
        15,
        (HPos::Center, VPos::Top),
        Place::Turned,
    );

    // The legend: two columns under the plot, each entry a swatch and its text.
    let column = (right - left) / 2;
    for (i, entry) in legend.iter().enumerate() {
        let x0 = left + (i as i32 % 2) * column;
        let y0 = legend_top + (i as i32 / 2) * LEGEND_ROW as i32 + LEGEND_ROW as i32 / 2;
        let colour = Colour::Series(entry.slot.min(4));
        let swatch = &mut plot.svg;
        match entry.swatch {
            Swatch::Line => polyline(swatch, &[(x0, y0), (x0 + 22, y0)], colour, 3, None),
            Swatch::Dashed => polyline(swatch, &[(x0, y0), (x0 + 21, y0)], colour, 3, Some((5, 3))),
            Swatch::Dotted => polyline(swatch, &[(x0, y0), (x0 + 22, y0)], colour, 3, Some((2, 3))),
            Swatch::Box => rect(
                swatch,
                (x0 + 3, y0 - 7),
                (x0 + 19, y0 + 7),
                colour,
                Paint::Fill,
            ),
        }
        text(
            &mut plot.svg,
            entry.label,
            (x0 + 30, y0),
            14,
            (HPos::Left, VPos::Center),
            Place::Beside,
        );
    }
    plot.svg.push_str("</svg>");
    Drawn {
        svg: plot.svg,
        size: (width, height),
        plot_x: (plot.left, plot.right),
        plot_y: (plot.top, plot.bottom),
    }
}

/// The light theme's chart colours (as `public/scenario.css` defines them, which a test
/// checks), for an SVG that leaves the page.
pub const LIGHT: [(&str, &str); 8] = [
    ("series-0", "#b4232a"),
    ("series-1", "#9a5b00"),
    ("series-2", "#1d4fa8"),
    ("series-3", "#0d6d68"),
    ("series-4", "#5b36a3"),
    ("chart-ink", "#2b3140"),
    ("chart-grid", "#c9cfdb"),
    ("chart-halo", "#ffffff"),
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn hebrew_labels_are_isolated_and_latin_ones_left_alone() {
        assert_eq!(isolate("סף ה-drift"), "\u{2068}סף ה-drift\u{2069}");
        assert_eq!(isolate("alert threshold"), "alert threshold");
    }

    #[test]
    fn decade_is_the_largest_power_of_ten_not_above() {
        for e in -12..=15 {
            // `1e{e}` parsed is the double nearest 10^e, which `decade` must give.
            let power: f64 = format!("1e{e}").parse().unwrap();
            for v in [power, power * 1.5, power * 3.3, power * 9.99] {
                assert_eq!(decade(v), power, "{v}");
            }
        }
        for v in [0.2, 0.35, 3.0 / 7.0, 63.0 / 10.0, 600_000.0 / 6.0] {
            assert_eq!(decade(v), 10f64.powf(v.log10().floor()), "{v}");
        }
        // Out of any chart's range it still ends, with a finite power.
        assert!(decade(f64::MIN_POSITIVE / 1e10) > 0.0);
        assert!(decade(f64::MAX).is_finite());
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
        let drawn = draw(600, 200, Y_LABELS, &x, &y, &legend, |_| {});
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
        // The dashed swatch is one line with a dash pattern.
        assert!(drawn.svg.contains(r#"stroke-dasharray="5 3""#));
    }

    #[test]
    fn labels_are_escaped_and_points_off_the_axes_stay_finite() {
        let x = Axis {
            range: (0.0, 0.0),
            ticks: vec![(0.0, "a < b & c".into())],
            title: "x",
        };
        let y = Axis {
            range: (0.0, 1.0),
            ticks: Vec::new(),
            title: "y",
        };
        let drawn = draw(300, 100, Y_LABELS, &x, &y, &[], |plot| {
            plot.line(
                [(f64::NAN, 0.5), (1e300, f64::INFINITY)],
                Colour::Series(0),
                2,
                None,
            );
        });
        assert!(drawn.svg.contains("a &lt; b &amp; c"));
        assert!(!drawn.svg.contains("NaN") && !drawn.svg.contains("inf"));
    }
}
