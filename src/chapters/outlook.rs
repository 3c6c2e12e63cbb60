//! Chapter 9, "What next": the 2025 forecast against the outcome, and an explorer of the
//! reader's own assumptions.

use leptos::prelude::*;

use crate::i18n::{Lang, t, use_lang};
use crate::app_state::use_app_state;
use crate::chapters::{ChapterHeading, figure, figure_in};
use crate::charts::outlook::{self, CHART_ID, GROWTH_RANGE, LOSS_RANGE, OutlookView};
use crate::charts::to_json;
use crate::display::use_display;
use crate::widgets::{ChartFrame, PercentSlider};

#[component]
pub fn OutlookChart() -> impl IntoView {
    let display = use_display();
    let lang = use_lang();
    let state = use_app_state().outlook;
    let option = Memo::new(move |_| to_json(&outlook::chart(&state.get(), display.get())));
    let table = Memo::new(move |_| outlook::table(&state.get(), lang));
    let description = Memo::new(move |_| outlook::description(&state.get(), lang));
    view! {
        <ChartFrame
            id=CHART_ID
            title=t::outlook_title(lang)
            subtitle=t::outlook_subtitle(lang)
            option=option
            description=description
            table=table
            unit=Signal::stored(outlook::UNIT)
        >
            <PercentSlider
                id="outlook-growth"
                label=t::outlook_growth(lang)
                range=(i32::from(GROWTH_RANGE.0), i32::from(GROWTH_RANGE.1))
                value=Signal::derive(move || i32::from(state.get().growth))
                on_change=Callback::new(move |v: i32| state.update(|s| *s = OutlookView { growth: v.clamp(-128, 127) as i8, ..*s }.clamped()))
            />
            <PercentSlider
                id="outlook-loss"
                label=t::outlook_loss(lang)
                range=(i32::from(LOSS_RANGE.0), i32::from(LOSS_RANGE.1))
                value=Signal::derive(move || i32::from(state.get().loss))
                on_change=Callback::new(move |v: i32| state.update(|s| *s = OutlookView { loss: v.clamp(0, 255) as u8, ..*s }.clamped()))
            />
            <p class="how-we-count">
                <strong>{t::outlook_not_a_forecast(lang)}{crate::i18n::sentence_gap(lang)}</strong>
                {t::outlook_not_a_forecast_text(lang)}
            </p>
        </ChartFrame>
    }
}

/// The rise of CAAM's count from one period to another, e.g. January–August 2024 to 2025.
fn growth(lang: Lang, from: (u16, &str), to: (u16, &str)) -> String {
    let caam = crate::model::series_or_panic("china-caam");
    match (caam.point_in(from.0, from.1), caam.point_in(to.0, to.1)) {
        (Some(a), Some(b)) => crate::format::fraction(lang, b.value / a.value - 1.0),
        _ => t::common_no_figure(lang).to_string(),
    }
}

/// The 2026 forecast against the 2025 outcome.
fn forecast_growth(lang: Lang) -> String {
    let forecast = crate::model::series_or_panic("china-forecast").point(2026);
    let outcome = crate::model::series_or_panic("china-caam").point(2025);
    match (forecast, outcome) {
        (Some(f), Some(o)) => crate::format::fraction(lang, f.value / o.value - 1.0),
        _ => t::common_no_figure(lang).to_string(),
    }
}

#[component]
pub fn OutlookChapter() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section id="outlook" class="chapter" aria-labelledby="outlook-heading">
            <ChapterHeading id="outlook"/>
            <p>
                {t::outlook_forecast_and_outcome(
                    lang,
                    &figure_in(lang, "china-caam", 2025, "jan-aug"),
                    &growth(lang, (2024, "jan-aug"), (2025, "jan-aug")),
                    &figure(lang, "china-forecast", 2025),
                    &figure(lang, "china-caam", 2025),
                )}
            </p>
            <p>
                {t::outlook_forecast_2026(
                    lang,
                    &figure(lang, "china-forecast", 2026),
                    &forecast_growth(lang),
                    &crate::format::date(lang, &crate::citation::figures_up_to()),
                )}
            </p>
            <p>
                {t::outlook_what_next(lang)}
            </p>
            <OutlookChart/>
        </section>
    }
}
