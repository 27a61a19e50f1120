//! What a chart shows, as plain serde data: the page builds a `ChartRequest` from an outcome
//! with its labels already translated, the simulation's worker draws it with plotters
//! (`charts::draw`, engine builds only) and answers with a `Drawn`: the SVG and where its
//! plotting area lies, so the page can lay a moving day line over it without a redraw.

use serde::{Deserialize, Serialize};

/// One axis: its range, the labelled ticks and its title.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Axis {
    /// Lowest and highest value shown.
    pub range: (f64, f64),
    /// Tick positions and their labels.
    pub ticks: Vec<(f64, String)>,
    /// The axis title.
    pub title: String,
}

/// How a legend entry is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Swatch {
    /// A solid line.
    Line,
    /// A dashed line.
    Dashed,
    /// A line of long dashes.
    LongDashed,
    /// A dotted line.
    Dotted,
    /// A filled dot at each point, no line: separate measurements.
    Dots,
    /// A filled box.
    Box,
}

/// One line: a label and its points.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// Legend text.
    pub label: String,
    /// (x, y) points.
    pub points: Vec<(f64, f64)>,
    /// Palette slot 0..=3 (`PALETTE`).
    pub slot: usize,
    /// How the line is drawn (`Line`, `Dashed`, `LongDashed`, `Dotted` or `Dots`): besides
    /// its colour, so a grey print tells the series apart. Dashed is for estimates, dots for
    /// measurements taken now and then.
    pub stroke: Swatch,
}

/// A horizontal reference line (a threshold) and its legend text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Level {
    /// Its value.
    pub value: f64,
    /// Legend text.
    pub label: String,
    /// Dotted instead of dashed, to tell a warning level from a threshold.
    pub dotted: bool,
}

/// A vertical marker: an x position and a short label.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Marker {
    /// Where it stands.
    pub x: f64,
    /// Its label.
    pub label: String,
}

/// Everything a line chart shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LineChart {
    /// The x axis.
    pub x: Axis,
    /// The y axis.
    pub y: Axis,
    /// The lines.
    pub series: Vec<Series>,
    /// Reference levels, drawn dashed (or dotted) in the threshold colour.
    pub levels: Vec<Level>,
    /// Event markers.
    pub markers: Vec<Marker>,
}

/// One series of bars: its legend text and one value per group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bars {
    /// Legend text.
    pub label: String,
    /// One value per group.
    pub values: Vec<f64>,
    /// Palette slot 0..=3.
    pub slot: usize,
}

/// Everything a bar chart shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BarChart {
    /// The group labels, in order.
    pub groups: Vec<String>,
    /// The title of the group axis.
    pub group_title: String,
    /// The value axis.
    pub value: Axis,
    /// The series, drawn side by side in each group.
    pub series: Vec<Bars>,
    /// Reference levels on the value axis (thresholds).
    pub levels: Vec<Level>,
    /// A marker across the groups, at a position in group units (0 is the first group's
    /// start, 1 its end).
    pub marker: Option<Marker>,
    /// Bars run left to right with the groups down the side (for long group labels).
    pub horizontal: bool,
}

/// The confusion matrix: four cells with their counts and shares.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConfusionChart {
    /// Counts: `[[churned and flagged, churned and not], [stayed and flagged, stayed and not]]`.
    pub cells: [[u32; 2]; 2],
    /// The rows' labels (what happened).
    pub rows: [String; 2],
    /// The columns' labels (what the model said).
    pub columns: [String; 2],
}

/// A chart of any kind.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Chart {
    /// Lines over a numeric x axis.
    Line(LineChart),
    /// Grouped bars.
    Bars(BarChart),
    /// A confusion matrix.
    Confusion(ConfusionChart),
}

/// A chart and the size to draw it at, in SVG user units (the SVG scales to the page).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChartRequest {
    /// What to draw.
    pub chart: Chart,
    /// The drawing's width.
    pub width: u32,
    /// The plotting band's height (line and bar charts; their axis labels and legend add
    /// to it), or the whole height (the confusion matrix).
    pub height: u32,
}

/// A drawn chart: the SVG and where its plotting area lies, in SVG user units.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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

/// The charts' colours, by role: the light theme's, which a drawing carries as fixed
/// `#rrggbb` values (plotters writes colours so). The style sheet maps each of them to its
/// theme variable (`public/scenario.css`: `.chart-svg [stroke="#b4232a"]` and so on), so
/// dark and print themes recolour the same drawing; a file on its own keeps them.
pub const PALETTE: [(&str, (u8, u8, u8)); 8] = [
    ("series-0", (0xb4, 0x23, 0x2a)),
    ("series-1", (0x9a, 0x5b, 0x00)),
    ("series-2", (0x1d, 0x4f, 0xa8)),
    ("series-3", (0x0d, 0x6d, 0x68)),
    ("series-4", (0x5b, 0x36, 0xa3)),
    ("chart-ink", (0x2b, 0x31, 0x40)),
    ("chart-grid", (0xc9, 0xcf, 0xdb)),
    ("chart-halo", (0xff, 0xff, 0xff)),
];

/// A palette entry as `#rrggbb`.
pub fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Text for an SVG that lays out left to right: a right-to-left label (Hebrew) is wrapped
/// in a first-strong isolate so its own direction holds ("סף ה-drift" stays in order).
pub fn isolate(text: &str) -> String {
    if text.chars().any(|c| ('\u{0590}'..='\u{08FF}').contains(&c)) {
        format!("\u{2068}{text}\u{2069}")
    } else {
        text.to_string()
    }
}

/// Up to `n` round tick values covering `lo..=hi` (steps of 1, 2 or 5 times a power of 10).
pub fn nice_ticks(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo || n == 0 {
        return vec![if lo.is_finite() { lo } else { 0.0 }];
    }
    let magnitude = 10f64.powf(((hi - lo) / n as f64).log10().floor());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_is_the_light_theme_and_every_colour_maps_to_its_variable() {
        let css = include_str!("../../public/scenario.css");
        let root = &css[css.find(":root {").expect("a :root block")..];
        let root = &root[..root.find('}').expect("its end")];
        for (name, rgb) in PALETTE {
            let colour = hex(rgb);
            assert!(
                root.contains(&format!("--{name}: {colour};")),
                "--{name} is not {colour} in scenario.css"
            );
            for attribute in ["stroke", "fill"] {
                let rule = format!(
                    ".chart-svg [{attribute}=\"{colour}\" i] {{\n  {attribute}: var(--{name});\n}}"
                );
                assert!(css.contains(&rule), "scenario.css lacks {rule}");
            }
        }
    }

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(
            nice_ticks(0.0, 62.0, 9),
            vec![0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0]
        );
        assert_eq!(nice_ticks(0.0, 1.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(nice_ticks(0.0, 0.3, 5), vec![0.0, 0.1, 0.2, 0.3]);
        assert_eq!(
            nice_ticks(0.0, 0.3, 6),
            vec![0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3]
        );
        assert_eq!(nice_ticks(5.0, 5.0, 5), vec![5.0]);
        assert_eq!(nice_ticks(f64::NAN, 1.0, 5), vec![0.0]);
    }

    #[test]
    fn hebrew_labels_are_isolated_and_latin_ones_left_alone() {
        assert_eq!(isolate("F1"), "F1");
        assert_eq!(isolate("סף ה-drift"), "\u{2068}סף ה-drift\u{2069}");
    }

    #[test]
    fn the_day_line_lands_inside_the_plot() {
        let drawn = Drawn {
            svg: String::new(),
            size: (760, 400),
            plot_x: (78.0, 746.0),
            plot_y: (14.0, 294.0),
        };
        assert_eq!(drawn.x_of(0.0, (0.0, 62.0)), 78.0);
        assert_eq!(drawn.x_of(62.0, (0.0, 62.0)), 746.0);
        assert_eq!(drawn.x_of(99.0, (0.0, 62.0)), 746.0);
        assert_eq!(drawn.x_of(1.0, (5.0, 5.0)), 78.0);
    }
}
