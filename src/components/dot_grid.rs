//! A grid of dots of which the first few are highlighted: a picture of a proportion ("10 of
//! 100 models"). Decorative (`aria-hidden`): the view beside it says the sentence it shows.

use leptos::prelude::*;

/// `total` dots, `columns` to a row, the first `filled` highlighted (both clamped, so
/// impossible input draws what it can).
#[component]
pub fn DotGrid(filled: usize, total: usize, columns: usize) -> impl IntoView {
    let columns = columns.max(1);
    let filled = filled.min(total);
    let step = 10;
    let (width, height) = (columns * step, total.div_ceil(columns) * step);
    let dots = (0..total)
        .map(|i| {
            let (x, y) = (
                (i % columns) * step + step / 2,
                (i / columns) * step + step / 2,
            );
            let class = if i < filled { "dot on" } else { "dot" };
            view! { <circle class=class cx=x cy=y r="3.6" /> }
        })
        .collect_view();
    view! {
        <svg
            xmlns="http://www.w3.org/2000/svg"
            viewBox=format!("0 0 {width} {height}")
            class="dot-grid"
            aria-hidden="true"
            focusable="false"
        >
            {dots}
        </svg>
    }
}
