//! A chart as the lab shows it: a titled figure with the SVG the simulation's worker drew
//! with plotters, a sentence that says what it shows (its text alternative), an optional
//! moving day line laid over it in the page (so a new day moves one line instead of
//! redrawing), an SVG download, and its data as a table.

use crate::charts::spec::{ChartRequest, Drawn};
use crate::components::i18n::t;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The charts on a page, in the order they were made, for a report of the page.
#[derive(Clone, Copy)]
pub struct ChartShelf(StoredValue<Vec<ShelvedChart>, LocalStorage>);

/// A chart on the shelf.
#[derive(Clone, Copy)]
struct ShelvedChart {
    id: &'static str,
    title: Signal<String>,
    summary: Signal<String>,
    drawn: RwSignal<Option<Drawn>>,
}

impl ChartShelf {
    /// Provides an empty shelf; the `ChartFigure`s below it put themselves on it.
    pub fn provide() -> ChartShelf {
        let shelf = ChartShelf(StoredValue::new_local(Vec::new()));
        provide_context(shelf);
        shelf
    }

    /// What each chart on the shelf shows now.
    pub fn charts(self) -> Vec<crate::scenario::report::ReportChart> {
        self.0.with_value(|charts| {
            charts
                .iter()
                .filter_map(|c| {
                    Some(crate::scenario::report::ReportChart {
                        title: c.title.get_untracked(),
                        summary: c.summary.get_untracked(),
                        svg: c
                            .drawn
                            .try_with_untracked(|d| d.as_ref().map(|d| d.svg.clone()))
                            .flatten()?,
                    })
                })
                .collect()
        })
    }
}

/// A lab chart. `chart` is what to draw (the worker draws it whenever it changes);
/// `cursor` is the day line's value and the x axis's range; `children` is the chart's data
/// table, shown in a disclosure.
#[component]
pub fn ChartFigure(
    /// Names the figure's ids and the downloaded file (`mlops-lab-{id}.svg`).
    id: &'static str,
    /// The caption.
    #[prop(into)]
    title: Signal<String>,
    /// What to draw.
    chart: Memo<Option<ChartRequest>>,
    /// What the chart shows, in one or two sentences.
    #[prop(into)]
    summary: Signal<String>,
    /// The day line, if the chart has a time axis: its value and the axis's range.
    #[prop(optional, into)]
    cursor: Option<Signal<(f64, (f64, f64))>>,
    /// The locale key of the data table's disclosure.
    #[prop(default = "scenario.chart.table")]
    table_label: &'static str,
    /// The data table, built only while its disclosure is open.
    #[prop(optional)]
    children: Option<ChildrenFn>,
) -> impl IntoView {
    let base = crate::components::i18n::use_i18n().base;
    // The drawing, from the worker; the figure is busy while a newer one is on its way.
    let drawn = RwSignal::new(None::<Drawn>);
    let (waiting, set_waiting) = signal(false);
    let key = crate::sim_client::figure_key();
    Effect::new(move |_| {
        let Some(request) = chart.get() else {
            drawn.set(None);
            return;
        };
        set_waiting.set(true);
        let deliver: crate::sim_client::DeliverDrawing = std::rc::Rc::new(move |d| {
            // Not for a figure already gone.
            if !drawn.is_disposed() {
                drawn.set(Some(d));
                set_waiting.set(false);
            }
        });
        crate::sim_client::draw(base, key, request, deliver);
    });
    on_cleanup(move || crate::sim_client::forget_figure(key));
    if let Some(shelf) = use_context::<ChartShelf>() {
        shelf.0.update_value(|charts| {
            charts.push(ShelvedChart {
                id,
                title,
                summary,
                drawn,
            })
        });
        on_cleanup(move || {
            // The shelf may be gone with its page first.
            let _ = shelf
                .0
                .try_update_value(|charts| charts.retain(|c| c.id != id));
        });
    }
    let title_id = format!("{id}-title");
    let summary_id = format!("{id}-summary");
    let file = format!("mlops-lab-{id}.svg");
    let size = move || drawn.with(|d| d.as_ref().map(|d| d.size).unwrap_or((720, 360)));
    let overlay = cursor.map(|cursor| {
        let x = move || {
            let (value, range) = cursor.get();
            drawn.with(|d| d.as_ref().map(|d| d.x_of(value, range)).unwrap_or(0.0))
        };
        let plot_y = move || drawn.with(|d| d.as_ref().map(|d| d.plot_y).unwrap_or_default());
        view! {
            <svg
                class="chart-overlay"
                viewBox=move || format!("0 0 {} {}", size().0, size().1)
                aria-hidden="true"
            >
                <line
                    x1=move || format!("{:.1}", x())
                    x2=move || format!("{:.1}", x())
                    y1=move || format!("{:.1}", plot_y().0)
                    y2=move || format!("{:.1}", plot_y().1)
                    class="today-line"
                />
            </svg>
        }
    });
    // The link gets its data URL only when it is followed, so a redraw never encodes it.
    let download = move |ev: leptos::ev::MouseEvent| {
        // The drawing carries its colours (the light theme's), so it stands alone as it is.
        let svg = drawn.with_untracked(|d| d.as_ref().map(|d| d.svg.clone()).unwrap_or_default());
        // Nothing drawn yet: no empty file.
        if svg.is_empty() {
            ev.prevent_default();
            return;
        }
        let href = format!(
            "data:image/svg+xml;charset=utf-8,{}",
            String::from(js_sys::encode_uri_component(&svg))
        );
        if let Some(link) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = link.set_attribute("href", &href);
        }
    };
    let figure_label = title_id.clone();
    let table_region_label = title_id.clone();
    let scroll_label = title_id.clone();
    view! {
        <figure class="chart" aria-labelledby=figure_label aria-busy=move || waiting.get().to_string()>
            <figcaption id=title_id>{move || title.get()}</figcaption>
            // On a phone the drawing keeps a width at which its text stays readable, and
            // this frame scrolls sideways (focusable, so the keyboard scrolls it too).
            <div class="chart-scroll" role="group" tabindex="0" aria-labelledby=scroll_label>
            <div class="chart-stack">
                <div
                    class="chart-svg"
                    role="img"
                    aria-label=move || title.get()
                    aria-describedby=summary_id.clone()
                    style:aspect-ratio=move || format!("{} / {}", size().0, size().1)
                    inner_html=move || drawn.with(|d| d.as_ref().map(|d| d.svg.clone()).unwrap_or_default())
                ></div>
                {overlay}
            </div>
            </div>
            <p class="chart-summary" id=summary_id>{move || summary.get()}</p>
            <a class="button" href="#" download=file on:click=download>
                <span>
                    {t("scenario.chart.download")}
                    <span class="visually-hidden">{move || format!(": {}", title.get())}</span>
                </span>
            </a>
            {children.map(|table| {
                let (open, set_open) = signal(false);
                view! {
                    <details on:toggle=move |ev| {
                        let now = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                            .is_some_and(|d| d.has_attribute("open"));
                        set_open.set(now);
                    }>
                        <summary>
                            {t(table_label)}
                        </summary>
                        // Scrolls sideways on a phone, so it takes focus for keyboard scrolling.
                        <div
                            class="table-scroll"
                            tabindex="0"
                            role="group"
                            aria-labelledby=table_region_label.clone()
                        >
                            {move || open.get().then(|| table())}
                        </div>
                    </details>
                }
            })}
        </figure>
    }
}
