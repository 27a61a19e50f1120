//! The confusion matrix as a picture: four cells under the columns' labels (what the model
//! said) and beside the rows' (what happened), the model's right calls tinted in palette
//! slot 2 and its mistakes in slot 0, each with its count and its share of all four.

use super::{Colour, Drawing, Look, MAX_SIDE, Pen, path, rect, render, text};
use crate::charts::spec::{ConfusionChart, Drawn};
use plotters::style::text_anchor::{HPos, VPos};

/// The width of the rows' labels' band and the height of the columns'.
const LABELS: (i32, i32) = (150, 40);
const HEADING: Look = Look(18.0, HPos::Center, VPos::Center, false);
const ROW: Look = Look(18.0, HPos::Right, VPos::Center, false);
const COUNT: Look = Look(26.0, HPos::Center, VPos::Center, false);

/// Draws the matrix `width` × `height` user units. An all-zero matrix shows 0.0 % shares.
pub fn draw(chart: &ConfusionChart, width: u32, height: u32) -> Drawn {
    let (width, height) = (width.clamp(1, MAX_SIDE), height.clamp(1, MAX_SIDE));
    let total: u64 = chart.cells.iter().flatten().map(|&c| u64::from(c)).sum();
    let (label_w, label_h) = LABELS;
    let (w, h) = (width as i32, height as i32);
    let cell_w = (w - label_w - 12) / 2;
    let cell_h = (h - label_h - 12) / 2;
    let plot_x = (f64::from(label_w), f64::from(w));
    let plot_y = (f64::from(label_h), f64::from(h));
    render((width, height), plot_x, plot_y, |area| -> Drawing {
        for (j, label) in chart.columns.iter().enumerate() {
            let x = label_w + cell_w * j as i32 + cell_w / 2;
            text(area, label, (x, label_h / 2), HEADING)?;
        }
        for (i, label) in chart.rows.iter().enumerate() {
            let y = label_h + cell_h * i as i32 + cell_h / 2;
            text(area, label, (label_w - 12, y), ROW)?;
            for j in 0..2 {
                let count = chart.cells[i][j];
                // The diagonal is right (a churner flagged, a stayer left alone).
                let colour = if i == j {
                    Colour::Series(2)
                } else {
                    Colour::Series(0)
                };
                let (x0, y0) = (label_w + cell_w * j as i32, label_h + cell_h * i as i32);
                let (a, b) = ((x0 + 2, y0 + 2), (x0 + cell_w - 2, y0 + cell_h - 2));
                rect(area, a, b, colour, 0.22)?;
                // The outline once round and one side again, so its first corner joins.
                let outline = vec![a, (b.0, a.1), b, (a.0, b.1), a, (b.0, a.1)];
                path(area, outline, Pen(colour, 2, None))?;
                let share = if total > 0 {
                    f64::from(count) / total as f64 * 100.0
                } else {
                    0.0
                };
                let middle = (x0 + cell_w / 2, y0 + cell_h / 2);
                let count = count.to_string();
                text(area, &count, (middle.0, middle.1 - 10), COUNT)?;
                let share = format!("{share:.1}%");
                text(area, &share, (middle.0, middle.1 + 18), HEADING)?;
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::draw::only_palette_colours;

    fn chart(cells: [[u32; 2]; 2]) -> ConfusionChart {
        ConfusionChart {
            cells,
            rows: ["churned".into(), "stayed".into()],
            columns: ["flagged".into(), "not flagged".into()],
        }
    }

    #[test]
    fn the_matrix_shows_each_count_its_share_and_the_labels() {
        let drawn = draw(&chart([[1442, 219], [239, 3100]]), 520, 260);
        let svg = &drawn.svg;
        for text in [
            "1442",
            "219",
            "239",
            "3100",
            "28.8%",
            "4.4%",
            "4.8%",
            "62.0%",
            "churned",
            "stayed",
            "flagged",
            "not flagged",
        ] {
            assert!(
                svg.contains(&format!(">\n{text}\n</text>")),
                "missing {text}"
            );
        }
        // Two right cells and two wrong ones, each a tint (opacity 0.22) and an outline.
        let tints = |hex: &str| {
            let fill = format!(r##"opacity="0.22" fill="{hex}""##);
            svg.lines()
                .filter(|l| l.starts_with("<rect") && l.contains(&fill))
                .count()
        };
        assert_eq!((tints("#1D4FA8"), tints("#B4232A")), (2, 2));
        assert_eq!(
            svg.matches(r#"<polyline fill="none" opacity="1""#).count(),
            4
        );
        assert!(svg.contains(r#"viewBox="0 0 520 260""#));
        assert_eq!(
            (drawn.plot_x, drawn.plot_y),
            ((150.0, 520.0), (40.0, 260.0))
        );
        assert!(only_palette_colours(svg));
    }

    #[test]
    fn an_empty_matrix_draws_zero_shares_and_hebrew_is_isolated() {
        let mut c = chart([[0, 0], [0, 0]]);
        c.rows[0] = "עזבו".into();
        let svg = draw(&c, 400, 200).svg;
        assert_eq!(svg.matches(">\n0.0%\n</text>").count(), 4);
        assert!(svg.contains("\u{2068}עזבו\u{2069}"));
        assert!(!svg.contains("NaN"));
    }

    #[test]
    fn huge_counts_and_tiny_sizes_do_not_panic() {
        let drawn = draw(&chart([[u32::MAX; 2]; 2]), 0, 0);
        assert!(drawn.svg.contains("25.0%") && drawn.size == (1, 1));
    }
}
