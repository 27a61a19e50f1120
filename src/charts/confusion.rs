//! The confusion matrix as a picture: four cells, the model's right calls tinted in one
//! colour and its mistakes in another, each with its count and share. Data in, SVG text
//! out; labels arrive translated.

use super::frame::{self, Colour, Drawn, HPos, Paint, Place, VPos};
use crate::i18n::numbers::fixed;

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
pub fn confusion_chart(chart: &ConfusionChart<'_>, width: u32, height: u32) -> Drawn {
    let total: u32 = chart.cells.iter().flatten().sum();
    let (label_w, label_h) = (150i32, 40i32);
    let (w, h) = (width as i32, height as i32);
    let cell_w = (w - label_w - 12) / 2;
    let cell_h = (h - label_h - 12) / 2;
    let mut svg = format!(
        r#"<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">"#
    );
    let centred = (HPos::Center, VPos::Center);
    for (j, label) in chart.columns.iter().enumerate() {
        let x = label_w + cell_w * j as i32 + cell_w / 2;
        frame::text(
            &mut svg,
            label,
            (x, label_h / 2),
            15,
            centred,
            Place::Beside,
        );
    }
    for (i, label) in chart.rows.iter().enumerate() {
        let y = label_h + cell_h * i as i32 + cell_h / 2;
        let right = (HPos::Right, VPos::Center);
        frame::text(&mut svg, label, (label_w - 12, y), 15, right, Place::Beside);
        for j in 0..2 {
            let count = chart.cells[i][j];
            // The diagonal is right (a churner flagged, a stayer left alone).
            let colour = if i == j {
                Colour::Series(2)
            } else {
                Colour::Series(0)
            };
            let (x0, y0) = (label_w + cell_w * j as i32, label_h + cell_h * i as i32);
            let corners = ((x0 + 2, y0 + 2), (x0 + cell_w - 2, y0 + cell_h - 2));
            frame::rect(&mut svg, corners.0, corners.1, colour, Paint::Tint);
            frame::rect(&mut svg, corners.0, corners.1, colour, Paint::Outline(2));
            let share = if total > 0 {
                count as f64 / total as f64 * 100.0
            } else {
                0.0
            };
            let middle = (x0 + cell_w / 2, y0 + cell_h / 2);
            let count = count.to_string();
            frame::text(
                &mut svg,
                &count,
                (middle.0, middle.1 - 10),
                26,
                centred,
                Place::Beside,
            );
            let share = format!("{}%", fixed(share, 1));
            frame::text(
                &mut svg,
                &share,
                (middle.0, middle.1 + 18),
                15,
                centred,
                Place::Beside,
            );
        }
    }
    svg.push_str("</svg>");
    Drawn {
        svg,
        size: (width, height),
        plot_x: (label_w as f64, w as f64),
        plot_y: (label_h as f64, h as f64),
    }
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
        let svg = confusion_chart(&chart, 520, 260).svg;
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
        let svg = confusion_chart(&chart, 400, 200).svg;
        assert_eq!(svg.matches("0.0%").count(), 4);
    }
}
