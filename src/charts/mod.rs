//! Chart drawing: data in, SVG text out. No UI types and no browser calls, so every chart
//! is tested natively and the views only place the returned markup. Colours are CSS
//! classes and variables, so the light, dark and print styles decide them.

pub mod bars;
pub mod confusion;
pub mod frame;
pub mod line;

use std::fmt::Write;

/// A grid of `total` dots of which the first `filled` are highlighted, `columns` wide: a
/// picture of a proportion ("10 of 100 models"). The SVG is decorative (`aria-hidden`);
/// the view puts the sentence it illustrates next to it as its text alternative.
pub fn dot_grid(filled: usize, total: usize, columns: usize) -> String {
    let columns = columns.max(1);
    let filled = filled.min(total);
    let rows = total.div_ceil(columns);
    let step = 10;
    let (width, height) = (columns * step, rows * step);
    let mut svg = String::with_capacity(total * 48 + 160);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="dot-grid" aria-hidden="true" focusable="false">"#
    );
    for i in 0..total {
        let (x, y) = (
            (i % columns) * step + step / 2,
            (i / columns) * step + step / 2,
        );
        let class = if i < filled { "dot on" } else { "dot" };
        let _ = write!(
            svg,
            r#"<circle class="{class}" cx="{x}" cy="{y}" r="3.6"/>"#
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dot_grid_has_one_circle_per_item_and_highlights_the_filled_ones() {
        let svg = dot_grid(10, 100, 10);
        assert_eq!(svg.matches("<circle").count(), 100);
        assert_eq!(svg.matches(r#"class="dot on""#).count(), 10);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"viewBox="0 0 100 100""#));
    }

    #[test]
    fn a_dot_grid_clamps_impossible_input_instead_of_failing() {
        let svg = dot_grid(500, 7, 0);
        assert_eq!(svg.matches("<circle").count(), 7);
        assert_eq!(svg.matches(r#"class="dot on""#).count(), 7);
        assert_eq!(dot_grid(0, 0, 10).matches("<circle").count(), 0);
    }
}
