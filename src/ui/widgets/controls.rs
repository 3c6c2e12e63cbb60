//! Controls that change a chart: native radio buttons for one-of choices and pressed/unpressed
//! buttons for on/off toggles, so keyboards and screen readers get their state for free.

use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::story::format;
use crate::story::model::Unit;

/// Past this many characters of labels together, a choice is stacked on narrow screens.
const LONG_CHOICE_CHARS: usize = 32;

/// A one-of choice, drawn as a segmented control over native radio inputs. Options are chosen by
/// index, so one copy of this view serves every kind of choice.
#[component]
pub fn ChoiceGroup(
    /// The question the choice answers, e.g. "China's count".
    label: &'static str,
    /// The radio group's name; unique on the page.
    name: &'static str,
    options: Vec<&'static str>,
    #[prop(into)] selected: Signal<usize>,
    on_select: Callback<usize>,
) -> impl IntoView {
    // Long labels side by side would wrap into uneven rows on a phone: they stack there instead.
    let class =
        if options.iter().map(|o| o.chars().count()).sum::<usize>() > LONG_CHOICE_CHARS { "segments segments-long" } else { "segments" };
    view! {
        <fieldset class="choice-group">
            <legend>{label}</legend>
            <div class=class>
                {options
                    .into_iter()
                    .enumerate()
                    .map(|(index, text)| {
                        view! {
                            <label class="segment">
                                <input
                                    type="radio"
                                    name=name
                                    // The attribute for the prerendered page, the property once live.
                                    checked=selected.get_untracked() == index
                                    prop:checked=move || selected.get() == index
                                    on:change=move |_| on_select.run(index)
                                />
                                <span>{text}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

/// A selector for a [`ChoiceGroup`] whose option `index` (from 0) is checked, for a stylesheet
/// to follow the reader's choice without scripts. A chart has one choice group at most.
pub fn option_checked_selector(index: usize) -> String {
    format!(".choice-group .segment:nth-child({}) input:checked", index + 1)
}

/// A row of on/off buttons; each exposes its state with `aria-pressed`.
#[component]
pub fn ToggleButtons<K>(
    label: &'static str,
    items: Vec<(K, String)>,
    #[prop(into)] is_on: Callback<K, bool>,
    on_toggle: Callback<K>,
    /// A class per item (e.g. the country), so a swatch can show its colour.
    #[prop(into)]
    item_class: Callback<K, String>,
) -> impl IntoView
where
    K: Copy + Send + Sync + 'static,
{
    view! {
        <div class="toggle-group" role="group" aria-label=label>
            <span class="toggle-group-label" aria-hidden="true">{label}</span>
            {items
                .into_iter()
                .map(|(key, text)| {
                    view! {
                        <button
                            type="button"
                            class=move || format!("toggle {}", item_class.run(key))
                            aria-pressed=move || is_on.run(key).to_string()
                            on:click=move |_| on_toggle.run(key)
                        >
                            <span class="swatch" aria-hidden="true"></span>
                            {text}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// A native range input for a whole percentage, with its value shown beside it.
#[component]
pub fn PercentSlider(
    /// The input's id, unique on the page: its label and its output point to it.
    id: &'static str,
    label: &'static str,
    /// Lowest and highest value, inclusive.
    range: (i32, i32),
    #[prop(into)] value: Signal<i32>,
    on_change: Callback<i32>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        // A label holds one control only, so the output sits beside it and names the input it shows.
        <div class="slider">
            <label for=id>{label}</label>
            <input
                id=id
                type="range"
                min=range.0
                max=range.1
                step="1"
                // The attribute for the prerendered page, the property once live.
                value=value.get_untracked().to_string()
                prop:value=move || value.get().to_string()
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<i32>() {
                        on_change.run(v.clamp(range.0, range.1));
                    }
                }
            />
            <output for=id>{move || format::readable(lang, Unit::Percent, f64::from(value.get()))}</output>
        </div>
    }
}
