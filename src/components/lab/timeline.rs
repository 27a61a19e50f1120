//! The lab's timeline: the day slider, and play, pause, step and reset.

use super::fields::input_value;
use crate::components::i18n::{render_text, t, use_i18n};
use crate::i18n::tr;
use leptos::prelude::*;

/// The day slider and its transport. Play advances a day at a time from the day shown (from
/// day 0 at the end, or while the day is still the one the lab opened on) and stops at the
/// end of the horizon.
#[component]
pub(super) fn Timeline(
    /// The day shown.
    day: Memo<u32>,
    /// The last simulated day.
    final_day: Memo<u32>,
    /// Moves to a day.
    set_day: Callback<u32>,
    /// Whether Play starts from day 0 (no day chosen yet).
    from_start: Memo<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (playing, set_playing) = signal(false);
    let timer = StoredValue::new(None::<IntervalHandle>);
    let stop = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(None);
        // Only a change: Step and Reset stop a timeline that is usually not playing.
        if playing.get_untracked() {
            set_playing.set(false);
        }
    };
    let play = move || {
        if from_start.get_untracked() || day.get_untracked() >= final_day.get_untracked() {
            set_day.run(0);
        }
        set_playing.set(true);
        let handle = set_interval_with_handle(
            move || {
                let d = day.get_untracked();
                if d >= final_day.get_untracked() {
                    stop();
                } else {
                    set_day.run(d + 1);
                }
            },
            std::time::Duration::from_millis(250),
        )
        .ok();
        timer.set_value(handle);
    };
    on_cleanup(stop);

    view! {
        <section class="timeline" aria-labelledby="timeline-title">
            <h3 id="timeline-title">
                {t("scenario.lab.timeline")}
            </h3>
            <div class="control">
                <label for="day">
                    {t("scenario.lab.day")}
                </label>
                <div class="slider-row">
                    // Left to right like the chart's time axis, in both languages.
                    <input
                        dir="ltr"
                        id="day"
                        type="range"
                        min="0"
                        max=move || final_day.get()
                        step="1"
                        prop:value=move || day.get().to_string()
                        on:input=move |ev| {
                            if let Ok(d) = input_value(&ev).parse::<u32>() {
                                set_day.run(d);
                            }
                        }
                    />
                    <output for="day" class="num">{move || day.get()}</output>
                </div>
            </div>
            <div class="transport">
                <button
                    type="button"
                    class="button"
                    aria-pressed=move || playing.get().to_string()
                    on:click=move |_| if playing.get_untracked() { stop() } else { play() }
                >
                    // Text, not a new view each time: the label changes on every
                    // press, and the page lives long.
                    {move || {
                        let key = if playing.get() { "scenario.lab.pause" } else { "scenario.lab.play" };
                        render_text(i18n.lang.get(), tr(i18n.lang.get(), key))
                    }}
                </button>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        stop();
                        set_day.run(day.get_untracked() + 1);
                    }
                >
                    {t("scenario.lab.step")}
                </button>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        stop();
                        set_day.run(0);
                    }
                >
                    {t("scenario.lab.reset")}
                </button>
            </div>
        </section>
    }
}
