//! The confusion matrix as a picture: four cells, the model's right calls tinted in one
//! colour and its mistakes in another, each with its count and share. Data in, SVG text
//! out; labels arrive translated.

use super::frame::{self, Drawn, INK, PALETTE};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Everything the matrix shows.
pub struct ConfusionChart<'a> {
    /// Counts: `[[churned and flagged, churned and not], [stayed and flagged, stayed and not]]`.
    pub cells: [[u32; 2]; 2],
    /// The rows' labels (what happened).
    pub rows: [&'a str; 2],
    /// The columns' labels (what the model said).
    pub columns: [&'a str; 2],
}

/// Draws the matrix `width` × `height` user units.
pub fn confusion_chart(
    chart: &ConfusionChart<'_>,
    width: u32,
    height: u32,
) -> Result<Drawn, String> {
    let total: u32 = chart.cells.iter().flatten().sum();
    let mut svg = String::new();
    let (label_w, label_h) = (150i32, 40i32);
    let (w, h) = (width as i32, height as i32);
    let cell_w = (w - label_w - 12) / 2;
    let cell_h = (h - label_h - 12) / 2;
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let err = |e: DrawingAreaErrorKind<_>| e.to_string();
        let font = |size: u32| ("sans-serif", size).into_font().color(&INK);
        for (j, label) in chart.columns.iter().enumerate() {
            let x = label_w + cell_w * j as i32 + cell_w / 2;
            root.draw(&Text::new(
                frame::isolate(label),
                (x, label_h / 2),
                font(15).pos(Pos::new(HPos::Center, VPos::Center)),
            ))
            .map_err(err)?;
        }
        for (i, label) in chart.rows.iter().enumerate() {
            let y = label_h + cell_h * i as i32 + cell_h / 2;
            root.draw(&Text::new(
                frame::isolate(label),
                (label_w - 12, y),
                font(15).pos(Pos::new(HPos::Right, VPos::Center)),
            ))
            .map_err(err)?;
            for j in 0..2 {
                let count = chart.cells[i][j];
                // The diagonal is right (a churner flagged, a stayer left alone).
                let colour = if i == j { PALETTE[2] } else { PALETTE[0] };
                let (x0, y0) = (label_w + cell_w * j as i32, label_h + cell_h * i as i32);
                root.draw(&Rectangle::new(
                    [(x0 + 2, y0 + 2), (x0 + cell_w - 2, y0 + cell_h - 2)],
                    colour.mix(0.22).filled(),
                ))
                .map_err(err)?;
                root.draw(&Rectangle::new(
                    [(x0 + 2, y0 + 2), (x0 + cell_w - 2, y0 + cell_h - 2)],
                    colour.stroke_width(2),
                ))
                .map_err(err)?;
                let share = if total > 0 {
                    count as f64 / total as f64 * 100.0
                } else {
                    0.0
                };
                root.draw(&Text::new(
                    count.to_string(),
                    (x0 + cell_w / 2, y0 + cell_h / 2 - 10),
                    font(26).pos(Pos::new(HPos::Center, VPos::Center)),
                ))
                .map_err(err)?;
                root.draw(&Text::new(
                    format!("{share:.1}%"),
                    (x0 + cell_w / 2, y0 + cell_h / 2 + 18),
                    font(15).pos(Pos::new(HPos::Center, VPos::Center)),
                ))
                .map_err(err)?;
            }
        }
        root.present().map_err(|e| e.to_string())?;
    }
    Ok(Drawn {
        svg: frame::themed(svg),
        size: (width, height),
        plot_x: (label_w as f64, w as f64),
        plot_y: (label_h as f64, h as f64),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matrix_shows_each_count_its_share_and_the_labels() {
        let chart = ConfusionChart {
            cells: [[1442, 219], [239, 3100]],
            rows: ["churned", "stayed"],
            columns: ["flagged", "not flagged"],
        };
        let svg = confusion_chart(&chart, 520, 260).unwrap().svg;
        for text in [
            "1442",
            "219",
            "239",
            "3100",
            "28.8%",
            "62.0%",
            "churned",
            "not flagged",
        ] {
            assert!(svg.contains(text), "missing {text}");
        }
        // Two right cells and two wrong ones, each a tinted fill and an outline.
        assert_eq!(svg.matches("<rect").count(), 8);
        assert!(svg.contains("var(--series-2)") && svg.contains("var(--series-0)"));
    }

    #[test]
    fn an_empty_matrix_draws_zero_shares() {
        let chart = ConfusionChart {
            cells: [[0, 0], [0, 0]],
            rows: ["a", "b"],
            columns: ["c", "d"],
        };
        let svg = confusion_chart(&chart, 400, 200).unwrap().svg;
        assert_eq!(svg.matches("0.0%").count(), 4);
    }
}
