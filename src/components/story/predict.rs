//! The predict-then-reveal question of a scene: the guess, saved once revealed, and what
//! the run shows.

use crate::components::i18n::{render_text, t, use_i18n};
use crate::components::quiz::{DiscardedNotice, SavedAnswers};
use crate::i18n::{tr, tr_args};
use crate::pages::scenario::use_scenario;
use crate::scenario::scenes::Prediction;
use crate::scenario::story::{
    PREDICTIONS_KEY, prediction_answer, prediction_option_counts, prediction_options,
    prediction_question,
};
use leptos::prelude::*;

/// Asks for a prediction, then reveals what the run shows and why.
#[component]
pub(super) fn PredictReveal(
    prediction: Prediction,
    /// The story's guesses: kept once revealed, so moving between scenes, or coming back
    /// later, shows the guess with its reveal.
    saved: SavedAnswers,
) -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_scenario();
    let slot = prediction.index();
    let (choice, set_choice) = signal(saved.get(slot).map(usize::from));
    let revealed = move || saved.get(slot).is_some();
    let name = match prediction {
        Prediction::F1AfterDrift => "predict-f1",
        Prediction::MonitorsCatchIt => "predict-monitors",
    };
    let options = prediction_options(prediction)
        .iter()
        .enumerate()
        .map(|(i, key)| {
            view! {
                <label class="option">
                    <input
                        type="radio"
                        name=name
                        prop:checked=move || choice.get() == Some(i)
                        on:change=move |_| set_choice.set(Some(i))
                        disabled=revealed
                    />
                    {t(*key)}
                </label>
            }
        })
        .collect_view();
    let answer = move || {
        revealed().then(|| {
            let lang = i18n.lang.get();
            let (right, text) = ctx.outcome.with(|o| prediction_answer(lang, prediction, o));
            let guessed = choice.get() == Some(right);
            let verdict = if guessed {
                "scenario.predict.right"
            } else {
                "scenario.predict.wrong"
            };
            // A wrong guess is told the right option by name.
            let named = (!guessed).then(|| {
                let option = tr(lang, prediction_options(prediction)[right]);
                tr_args(lang, "scenario.predict.answer", &[("option", option)])
            });
            view! {
                <div class="reveal" role="status">
                    <p class="verdict">
                        <strong>{t(verdict)}</strong>
                        {named.map(|n| view! { " " {n} })}
                    </p>
                    <p>{render_text(lang, &text)}</p>
                </div>
            }
        })
    };
    view! {
        <fieldset class="predict">
            <legend>
                {t(prediction_question(prediction))}
            </legend>
            <div class="options">{options}</div>
            <button
                type="button"
                class="button"
                disabled=move || choice.get().is_none() || revealed()
                on:click=move |_| {
                    let guess = choice.get_untracked().and_then(|c| u8::try_from(c).ok());
                    saved.set(slot, guess);
                }
            >
                {t("scenario.predict.reveal")}
            </button>
            <DiscardedNotice saved=saved k="scenario.predict.corrupt" />
            {answer}
        </fieldset>
    }
}

/// The story's guesses, one a prediction, saved once revealed.
pub(super) fn predictions() -> SavedAnswers {
    SavedAnswers::load(PREDICTIONS_KEY.to_string(), &prediction_option_counts())
}
