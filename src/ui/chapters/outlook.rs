//! Chapter 9, "What next": the 2025 forecast against the outcome, and an explorer of the
//! reader's own assumptions.

use leptos::prelude::*;

use crate::charts::outlook_explorer::{self, CHART_ID, GROWTH_RANGE, LOSS_RANGE, OutlookView};
use crate::charts::to_json;
use crate::i18n::{Lang, t, use_lang};
use crate::state::app_state::use_app_state;
use crate::state::display::use_display;
use crate::story::format::{self, Direction};
use crate::story::model::source;
use crate::story::quote::{self, Figure};
use crate::ui::chapters::ChapterHeading;
use crate::ui::widgets::quoted::{Prose, QuotedFigures, text_if};
use crate::ui::widgets::{ChartFrame, PercentSlider};

const CHAPTER: &str = crate::story::registry::OUTLOOK;

#[component]
pub fn OutlookChart() -> impl IntoView {
    let display = use_display();
    let lang = use_lang();
    let state = use_app_state().outlook;
    let option = Memo::new(move |_| to_json(&outlook_explorer::chart(&state.get(), display.get())));
    let table = Memo::new(move |_| outlook_explorer::table(&state.get(), lang));
    let description = Memo::new(move |_| outlook_explorer::description(&state.get(), lang));
    view! {
        <ChartFrame
            id=CHART_ID
            title=t::outlook_title(lang)
            subtitle=t::outlook_subtitle(lang)
            option=option
            description=description
            table=table
            unit=Signal::stored(outlook_explorer::UNIT)
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

/// The figures the chapter's first paragraph sets side by side.
struct Forecast2025 {
    /// CAAM's January–August totals of 2024 and 2025.
    before: Figure,
    exported: Figure,
    /// The forecast for the year, and the outcome.
    forecast: Figure,
    outcome: Figure,
}

impl Forecast2025 {
    fn from_data() -> Option<Self> {
        Some(Self {
            before: quote::lookup("china-caam", 2024, "jan-aug")?,
            exported: quote::lookup("china-caam", 2025, "jan-aug")?,
            forecast: quote::lookup("china-forecast", 2025, "")?,
            outcome: quote::lookup("china-caam", 2025, "")?,
        })
    }
}

/// The 2025 forecast against the outcome: each comparison said as a rise, a fall or no change.
fn forecast_and_outcome(lang: Lang, f: &Forecast2025) -> String {
    let (direction, growth) = quote::change(lang, f.before, f.exported);
    let exported = quote::figure_of(lang, f.exported);
    let first = match direction {
        Direction::Up => t::outlook_first_eight_months_up(lang, &exported, &growth),
        Direction::Down => t::outlook_first_eight_months_down(lang, &exported, &growth),
        Direction::Level => t::outlook_first_eight_months_level(lang, &exported),
    };
    // When the forecast was made: the month its source was published.
    let month = source(f.forecast.1.source)
        .and_then(|s| {
            let mut parts = s.date.split('-');
            Some(format::month_in_prose(lang, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
        })
        .unwrap_or_else(|| f.forecast.1.year.to_string());
    let forecast = t::outlook_forecast_2025(lang, &month, &quote::figure_of(lang, f.forecast));
    let outcome = quote::figure_of(lang, f.outcome);
    let verdict = match format::direction(f.outcome.1.value / f.forecast.1.value - 1.0) {
        Direction::Up => t::outlook_outcome_above(lang, &outcome),
        Direction::Down => t::outlook_outcome_below(lang, &outcome),
        Direction::Level => t::outlook_outcome_level(lang, &outcome),
    };
    [first, forecast, verdict].join(crate::i18n::sentence_gap(lang))
}

/// The 2026 forecast against the 2025 outcome.
fn forecast_2026(lang: Lang, forecast: Figure, outcome: Figure) -> String {
    let (direction, change) = quote::change(lang, outcome, forecast);
    let figure = quote::figure_of(lang, forecast);
    let (year, month) = crate::charts::exports_by_month::latest_month();
    let latest = format::month_in_prose(lang, year, month);
    match direction {
        Direction::Up => t::outlook_forecast_2026_up(lang, &figure, &change, &latest),
        Direction::Down => t::outlook_forecast_2026_down(lang, &figure, &change, &latest),
        Direction::Level => t::outlook_forecast_2026_level(lang, &figure, &latest),
    }
}

#[component]
pub fn OutlookChapter() -> impl IntoView {
    let lang = use_lang();
    let first = text_if(|| Forecast2025::from_data().map(|f| forecast_and_outcome(lang, &f)));
    let second = text_if(|| {
        quote::lookup("china-forecast", 2026, "")
            .zip(quote::lookup("china-caam", 2025, ""))
            .map(|(forecast, outcome)| forecast_2026(lang, forecast, outcome))
    });
    let texts: Vec<String> = [first.clone(), second.clone()].into_iter().flatten().collect();
    view! {
        <section id=CHAPTER class="chapter" aria-labelledby=format!("{CHAPTER}-heading")>
            <ChapterHeading id=CHAPTER/>
            {first.map(|text| view! { <Prose chapter=CHAPTER key="forecast-2025" text=text/> })}
            {second.map(|text| view! { <Prose chapter=CHAPTER key="forecast-2026" text=text/> })}
            <p>
                {t::outlook_what_next(lang)}
            </p>
            <OutlookChart/>
            <QuotedFigures chapter=CHAPTER texts=texts/>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::quote::plain;

    #[test]
    fn the_forecasts_read_as_rises_falls_or_no_change_in_every_language() {
        let f = Forecast2025::from_data().expect("the data has the 2025 forecast and outcome");
        let text = plain(&forecast_and_outcome(Lang::En, &f));
        assert!(text.starts_with("In the first eight months of 2025 China exported 4.29 million vehicles, 12.7% more than"), "{text}");
        assert!(
            text.contains("In November 2025 CAAM expected more than 6.8 million") && text.contains("went beyond it: 7.1 million"),
            "{text}"
        );
        let fall = Forecast2025 { before: f.exported, exported: f.before, forecast: f.outcome, outcome: f.forecast };
        let level = Forecast2025 { before: f.exported, forecast: f.outcome, ..f };
        for (lang, fell, short, same, matched) in [
            (Lang::En, "11.3% fewer than", "fell short", "as many as", "matched"),
            (Lang::De, "11,3 % weniger als", "blieb darunter", "genauso viele wie", "traf die Prognose"),
            (Lang::Nl, "11,3% minder dan", "bleef daaronder", "evenveel als", "kwam precies uit"),
            (Lang::Zh, "同比下降11.3%", "低于预期", "与上年同期持平", "与预期持平"),
        ] {
            let text = plain(&forecast_and_outcome(lang, &fall));
            assert!(text.contains(fell) && text.contains(short) && !text.contains("-1"), "{text}");
            let text = plain(&forecast_and_outcome(lang, &level));
            assert!(text.contains(same) && text.contains(matched), "{text}");
            let outcome = f.outcome;
            let lower = forecast_2026(lang, f.forecast, outcome);
            assert!(!plain(&lower).contains("-4"), "{lower}");
            assert!(plain(&forecast_2026(lang, outcome, outcome)).contains(match lang {
                Lang::En => "as many as in 2025",
                Lang::De => "genauso viele wie 2025",
                Lang::Nl => "evenveel als in 2025",
                Lang::Zh => "与2025年持平",
            }));
        }
    }
}
