//! Draws a `ChartRequest` into an SVG with plotters' SVG backend: the frame every line and
//! bar chart shares (plotting area, grid, ticks, tick labels, axis titles and a two-column
//! legend under the plot), and the dispatch to each chart kind (`line`, `bars`,
//! `confusion`). Every mark is a plotters element (`PathElement`, `Rectangle`, `Text`)
//! drawn on a `DrawingArea`; positions come from this module's own mapping, not from
//! `ChartBuilder`.
//!
//! Dashed and dotted lines are one `PathElement` each, given an SVG `stroke-dasharray`
//! once plotters has written them. plotters' SVG backend has no dash style, and its
//! `DashedPathElement` writes one `<polyline>` per dash: the lab's F1 chart had 491 SVG
//! elements, and redrawing it while a slider moved took the slider's p95 from 13 to 21 ms.
//!
//! Nothing here measures text: in a Web Worker plotters' text measuring panics (it asks the
//! page's `document` for a `<span>`). Labels are placed by their anchor (`Pos`, which the SVG
//! backend writes as `text-anchor` and `dy`), the legend has two fixed columns, and no
//! caption, series legend or automatic label area is used.
//!
//! Colours are `PALETTE`'s, unmixed, by role (the style sheet maps each to its theme
//! variable); tints are the same colour with an opacity.
//!
//! Over ~400 lines with its tests; the code itself is about 385 lines.

pub mod bars;
pub mod confusion;
pub mod line;

use crate::charts::spec::{self, Axis, Chart, ChartRequest, Drawn, PALETTE, Swatch};
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind, IntoDrawingArea};
use plotters::element::{Circle, PathElement, Rectangle, Text};
use plotters::prelude::SVGBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, FontTransform, RGBColor, TextStyle};
use std::cell::RefCell;

/// Draws the chart `request` asks for as an SVG document, at its size (each side clamped to
/// 1..=8192 user units). Never panics; should plotters fail, the SVG is empty.
pub fn draw(request: &ChartRequest) -> Drawn {
    let (width, height) = (request.width, request.height);
    match &request.chart {
        Chart::Line(chart) => line::draw(chart, width, height),
        Chart::Bars(chart) => bars::draw(chart, width, height),
        Chart::Confusion(chart) => confusion::draw(chart, width, height),
    }
}

/// The drawing surface: the whole SVG, in user units, and the dashes of the lines drawn on
/// it so far (one entry per `<polyline>` plotters has written, in order).
struct Area<'a> {
    surface: DrawingArea<SVGBackend<'a>, Shift>,
    dashes: RefCell<Vec<Option<(u32, u32)>>>,
}
/// What a drawing step returns (plotters' error, never unwrapped).
type Drawing = Result<(), DrawingAreaErrorKind<std::io::Error>>;

/// The largest width or height drawn, in user units (a larger request is clamped).
const MAX_SIDE: u32 = 8192;
const MARGIN: u32 = 14;
const X_LABELS: u32 = 52;
/// The usual width of the y tick labels' band.
const Y_LABELS: u32 = 64;
const LEGEND_ROW: u32 = 25;

/// A colour of the chart, by role: always one of `PALETTE`'s.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Colour {
    /// A series' colour, 0..=4 (4 is the thresholds').
    Series(usize),
    /// Text and axes.
    Ink,
    /// Grid lines and event markers.
    Grid,
    /// The background, behind labels on the plot.
    Halo,
}

impl Colour {
    /// Its fixed RGB value from `PALETTE`.
    fn rgb(self) -> RGBColor {
        let slot = match self {
            Colour::Series(n) => n.min(4),
            Colour::Ink => 5,
            Colour::Grid => 6,
            Colour::Halo => 7,
        };
        let (r, g, b) = PALETTE[slot].1;
        RGBColor(r, g, b)
    }
}

/// A size clamped to what can be drawn.
fn side(value: u32) -> u32 {
    value.clamp(1, MAX_SIDE)
}

/// Runs `paint` on a fresh SVG `size` big and returns the drawing, or an empty SVG of that
/// size if plotters reports an error.
fn render(
    size: (u32, u32),
    plot_x: (f64, f64),
    plot_y: (f64, f64),
    paint: impl FnOnce(&Area<'_>) -> Drawing,
) -> Drawn {
    let mut svg = String::new();
    let (result, dashes) = {
        let area = Area {
            surface: SVGBackend::with_string(&mut svg, size).into_drawing_area(),
            dashes: RefCell::default(),
        };
        let result = paint(&area).and_then(|()| area.surface.present());
        (result, area.dashes.into_inner())
    };
    if result.is_ok() {
        svg = with_dashes(&svg, &dashes);
    }
    let (w, h) = size;
    let view_box = format!(r#" viewBox="0 0 {w} {h}""#);
    if result.is_err() || !svg.starts_with("<svg") {
        let xmlns = "http://www.w3.org/2000/svg";
        svg = format!(r#"<svg width="{w}" height="{h}"{view_box} xmlns="{xmlns}"></svg>"#);
    } else if !svg[..svg.find('>').unwrap_or(0)].contains("viewBox") {
        // plotters-svg 0.3.7 writes one; should a later version not, add it.
        svg.insert_str(4, &view_box);
    }
    Drawn {
        svg,
        size,
        plot_x,
        plot_y,
    }
}

/// How a line is drawn: its colour, its width and its dash and gap lengths (or solid).
#[derive(Clone, Copy)]
struct Pen(Colour, u32, Option<(u32, u32)>);

/// A line through `points` (user units).
fn path(area: &Area<'_>, points: Vec<(i32, i32)>, Pen(colour, width, dashes): Pen) -> Drawing {
    if points.len() < 2 {
        return Ok(());
    }
    let style = colour.rgb().stroke_width(width);
    area.surface.draw(&PathElement::new(points, style))?;
    let dashes = dashes.map(|(dash, gap)| (dash.max(1), gap.max(1)));
    area.dashes.borrow_mut().push(dashes);
    Ok(())
}

/// `svg` with each dashed line's `stroke-dasharray`: `dashes` holds, for each `<polyline>`
/// in order, its dash and gap lengths or `None` for a solid line.
fn with_dashes(svg: &str, dashes: &[Option<(u32, u32)>]) -> String {
    const TAG: &str = "<polyline";
    let mut lines = svg.split(TAG);
    let mut out = String::with_capacity(svg.len() + 32 * dashes.len());
    out.push_str(lines.next().unwrap_or_default());
    for (i, rest) in lines.enumerate() {
        out.push_str(TAG);
        if let Some(Some((dash, gap))) = dashes.get(i) {
            out.push_str(&format!(r#" stroke-dasharray="{dash} {gap}""#));
        }
        out.push_str(rest);
    }
    out
}

/// A filled dot of radius `radius` at `at`.
fn dot(area: &Area<'_>, at: (i32, i32), radius: u32, colour: Colour) -> Drawing {
    area.surface
        .draw(&Circle::new(at, radius, colour.rgb().filled()))
}

/// A box between two corners, filled with `colour` at `opacity` (1 is solid).
fn rect(area: &Area<'_>, a: (i32, i32), b: (i32, i32), colour: Colour, opacity: f64) -> Drawing {
    area.surface
        .draw(&Rectangle::new([a, b], colour.rgb().mix(opacity).filled()))
}

/// How a label is set: its size in CSS pixels on the chart's type scale, where its anchor
/// point lies across and along it, and whether it reads bottom to top.
#[derive(Clone, Copy)]
struct Look(f64, HPos, VPos, bool);

/// A label in the chart ink at `at`.
fn text(area: &Area<'_>, label: &str, at: (i32, i32), Look(size, h, v, turned): Look) -> Drawing {
    if label.is_empty() {
        return Ok(());
    }
    let mut font = FontDesc::new(FontFamily::SansSerif, size, FontStyle::Normal);
    if turned {
        font = font.transform(FontTransform::Rotate270);
    }
    let ink = Colour::Ink.rgb();
    let style = TextStyle::from(font).color(&ink).pos(Pos::new(h, v));
    area.surface
        .draw(&Text::new(spec::isolate(label), at, style))
}

/// The plotting area: the axes' ranges and where it lies, in user units.
struct Plot {
    x: (f64, f64),
    y: (f64, f64),
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

impl Plot {
    /// The user-unit position of a data point; off the axes it is clamped to stay near the
    /// plot, and anything not finite lands on the axis.
    fn at(&self, point: (f64, f64)) -> (i32, i32) {
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

    /// A line through data points; points not finite are left out.
    fn line(
        &self,
        area: &Area<'_>,
        points: impl IntoIterator<Item = (f64, f64)>,
        pen: Pen,
    ) -> Drawing {
        let finite = |(x, y): &(f64, f64)| x.is_finite() && y.is_finite();
        let points = points
            .into_iter()
            .filter(finite)
            .map(|p| self.at(p))
            .collect();
        path(area, points, pen)
    }
}

/// One legend entry: its text, palette slot and swatch.
struct Legend<'a> {
    label: &'a str,
    slot: usize,
    swatch: Swatch,
}

/// The legend of a chart: an entry for each series (its text, palette slot 0..=3 and
/// swatch), then one for each reference level (slot 4, dashed or dotted).
fn legend<'a>(
    series: impl Iterator<Item = (&'a str, usize, Swatch)>,
    levels: &'a [spec::Level],
) -> Vec<Legend<'a>> {
    let series = series.map(|(label, slot, swatch)| Legend {
        label,
        slot: slot.min(3),
        swatch,
    });
    let levels = levels.iter().map(|l| Legend {
        label: &l.label,
        slot: 4,
        swatch: if l.dotted {
            Swatch::Dotted
        } else {
            Swatch::Dashed
        },
    });
    series.chain(levels).collect()
}

/// What the shared frame shows around a chart's data: the drawing's width, the plotting
/// band's height, the width of the y tick labels' band, the axes and the legend.
struct Frame<'a> {
    width: u32,
    plot_height: u32,
    y_label_width: u32,
    x: &'a Axis,
    y: &'a Axis,
    legend: Vec<Legend<'a>>,
}

/// The axes' and ticks' line.
const HAIRLINE: Pen = Pen(Colour::Ink, 1, None);
const TICK_X: Look = Look(17.0, HPos::Center, VPos::Top, false);
const TICK_Y: Look = Look(17.0, HPos::Right, VPos::Center, false);
const TITLE_X: Look = Look(18.0, HPos::Center, VPos::Top, false);
const TITLE_Y: Look = Look(18.0, HPos::Center, VPos::Top, true);
const LEGEND: Look = Look(17.0, HPos::Left, VPos::Center, false);

/// The legend's columns under a plot `plot_width` wide: two, unless an entry's text would
/// run past its column; then one. Text is not measured (see above): a character is taken
/// as about 0.55 em of the size plotters writes (three quarters of the nominal size).
fn legend_columns(legend: &[Legend<'_>], plot_width: u32) -> usize {
    let text_width = |label: &str| label.chars().count() as f64 * LEGEND.0 * 0.75 * 0.55;
    let column = f64::from(plot_width) / 2.0 - f64::from(SWATCH_WIDTH);
    if legend.iter().all(|entry| text_width(entry.label) <= column) {
        2
    } else {
        1
    }
}

/// A measurement's dot (`Swatch::Dots`), in user units.
const DOT_RADIUS: u32 = 6;

/// The room a legend entry's swatch takes before its text, in user units.
const SWATCH_WIDTH: u32 = 30;

/// Draws the frame, with `body` drawing the data between the grid and the labels.
fn framed(frame: &Frame<'_>, body: impl FnOnce(&Area<'_>, &Plot) -> Drawing) -> Drawn {
    let (width, plot_height) = (side(frame.width), side(frame.plot_height));
    let left = MARGIN + frame.y_label_width.min(MAX_SIDE);
    let columns = legend_columns(&frame.legend, width.saturating_sub(MARGIN + left));
    let rows = u32::try_from(frame.legend.len().div_ceil(columns)).unwrap_or(MAX_SIDE);
    let legend_height = rows.saturating_mul(LEGEND_ROW).min(MAX_SIDE);
    let height = MARGIN * 2 + plot_height + X_LABELS + legend_height;
    let plot = Plot {
        x: frame.x.range,
        y: frame.y.range,
        left: f64::from(left),
        right: f64::from(width.saturating_sub(MARGIN)),
        top: f64::from(MARGIN),
        bottom: f64::from(MARGIN + plot_height),
    };
    let (x, y) = (frame.x, frame.y);
    let edges = ((plot.left, plot.right), (plot.top, plot.bottom));
    render((width, height), edges.0, edges.1, |area| {
        // Grid lines at the y ticks, then the two axes.
        let (x0, x1, y0, y1) = (x.range.0, x.range.1, y.range.0, y.range.1);
        for (v, _) in finite(&y.ticks) {
            plot.line(area, [(x0, *v), (x1, *v)], Pen(Colour::Grid, 1, None))?;
        }
        let corner = [(x0, y1), (x0, y0), (x1, y0)].map(|p| plot.at(p));
        path(area, corner.to_vec(), HAIRLINE)?;
        body(area, &plot)?;

        for (v, label) in finite(&x.ticks) {
            let (cx, cy) = plot.at((*v, y0));
            path(area, vec![(cx, cy), (cx, cy + 5)], HAIRLINE)?;
            text(area, label, (cx, cy + 8), TICK_X)?;
        }
        for (v, label) in finite(&y.ticks) {
            let (cx, cy) = plot.at((x0, *v));
            path(area, vec![(cx - 5, cy), (cx, cy)], HAIRLINE)?;
            text(area, label, (cx - 8, cy), TICK_Y)?;
        }
        let (left, right) = (plot.left as i32, plot.right as i32);
        let (top, bottom) = (plot.top as i32, plot.bottom as i32);
        text(area, &x.title, ((left + right) / 2, bottom + 28), TITLE_X)?;
        text(area, &y.title, (MARGIN as i32, (top + bottom) / 2), TITLE_Y)?;

        // The legend under the plot, each entry a swatch and its text.
        let columns = columns as i32;
        let (row, column) = (LEGEND_ROW as i32, (right - left) / columns);
        let legend_top = (height - legend_height) as i32 + row / 2;
        let shown = (columns as usize).saturating_mul(rows as usize);
        for (i, entry) in frame.legend.iter().enumerate().take(shown) {
            let (x0, y0) = (
                left + (i as i32 % columns) * column,
                legend_top + (i as i32 / columns) * row,
            );
            let colour = Colour::Series(entry.slot.min(4));
            let swatch =
                |end, dashes| path(area, vec![(x0, y0), (x0 + end, y0)], Pen(colour, 3, dashes));
            match entry.swatch {
                Swatch::Line => swatch(22, None)?,
                Swatch::Dashed => swatch(21, Some((5, 3)))?,
                Swatch::LongDashed => swatch(22, Some((9, 3)))?,
                Swatch::Dotted => swatch(22, Some((2, 3)))?,
                Swatch::Dots => dot(area, (x0 + 11, y0), DOT_RADIUS, colour)?,
                Swatch::Box => rect(area, (x0 + 3, y0 - 7), (x0 + 19, y0 + 7), colour, 1.0)?,
            }
            text(area, entry.label, (x0 + SWATCH_WIDTH as i32, y0), LEGEND)?;
        }
        Ok(())
    })
}

/// An axis' ticks at finite positions.
fn finite(ticks: &[(f64, String)]) -> impl Iterator<Item = &(f64, String)> {
    ticks.iter().filter(|(v, _)| v.is_finite())
}

/// Whether every colour in `svg` is one of `PALETTE`'s (plotters writes `#RRGGBB`).
#[cfg(test)]
fn only_palette_colours(svg: &str) -> bool {
    let allowed: Vec<String> = PALETTE.iter().map(|(_, rgb)| spec::hex(*rgb)).collect();
    svg.split('#').skip(1).all(|rest| {
        let code: String = rest.chars().take(6).collect();
        allowed.contains(&format!("#{}", code.to_lowercase()))
    })
}

/// An axis for a test.
#[cfg(test)]
fn axis(range: (f64, f64), ticks: &[(f64, &str)], title: &str) -> Axis {
    let ticks = ticks.iter().map(|(v, l)| (*v, l.to_string())).collect();
    Axis {
        range,
        ticks,
        title: title.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::spec::{BarChart, ConfusionChart, LineChart};

    #[test]
    fn draw_dispatches_on_the_kind_and_every_drawing_has_a_view_box() {
        let (x, y) = (
            axis((0.0, 1.0), &[], "x"),
            axis((0.0, 1.0), &[(0.5, "half")], "y"),
        );
        let (series, levels, markers) = (Vec::new(), Vec::new(), Vec::new());
        let line = LineChart {
            x,
            y: y.clone(),
            series,
            levels,
            markers,
        };
        let (groups, group_title) = (vec!["g".to_string()], "groups".to_string());
        let (series, levels, marker, horizontal) = (Vec::new(), Vec::new(), None, true);
        let bars = BarChart {
            groups,
            group_title,
            value: y,
            series,
            levels,
            marker,
            horizontal,
        };
        let names = || ["a".to_string(), "b".to_string()];
        let (cells, rows, columns) = ([[1, 2], [3, 4]], names(), names());
        let confusion = ConfusionChart {
            cells,
            rows,
            columns,
        };
        let expected = [
            line::draw(&line, 600, 200),
            bars::draw(&bars, 600, 200),
            confusion::draw(&confusion, 600, 200),
        ];
        let charts = [
            Chart::Line(line),
            Chart::Bars(bars),
            Chart::Confusion(confusion),
        ];
        for (chart, expected) in charts.into_iter().zip(expected) {
            let (width, height) = (600, 200);
            let drawn = draw(&ChartRequest {
                chart,
                width,
                height,
            });
            let (w, h) = drawn.size;
            assert!(drawn.svg.contains(&format!(r#"viewBox="0 0 {w} {h}""#)));
            assert!(only_palette_colours(&drawn.svg));
            assert_eq!(drawn, expected);
        }
        assert!(!only_palette_colours(r##"<rect fill="#000000"/>"##));
    }
}
