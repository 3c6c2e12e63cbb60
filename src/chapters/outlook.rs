//! Chapter 9, "What next": the 2025 forecast against the outcome, and an explorer of the
//! reader's own assumptions.

use leptos::prelude::*;

use crate::i18n::use_lang;
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
            title="Your own projection to 2030"
            subtitle="China's vehicle exports: outcome, the 2025 forecast, and arithmetic from your assumptions"
            option=option
            description=description
            table=table
            unit=Signal::stored(outlook::UNIT)
        >
            <PercentSlider
                label="Growth per year from 2026"
                range=(i32::from(GROWTH_RANGE.0), i32::from(GROWTH_RANGE.1))
                value=Signal::derive(move || i32::from(state.get().growth))
                on_change=Callback::new(move |v: i32| state.update(|s| *s = OutlookView { growth: v.clamp(-128, 127) as i8, ..*s }.clamped()))
            />
            <PercentSlider
                label="Exports lost to new barriers"
                range=(i32::from(LOSS_RANGE.0), i32::from(LOSS_RANGE.1))
                value=Signal::derive(move || i32::from(state.get().loss))
                on_change=Callback::new(move |v: i32| state.update(|s| *s = OutlookView { loss: v.clamp(0, 255) as u8, ..*s }.clamped()))
            />
            <p class="how-we-count">
                <strong>"Not a forecast. "</strong>
                "The dashed line is plain arithmetic: the 2025 total, grown by your rate each year and cut once by the share you expect new tariffs and licences to take. It knows nothing else."
            </p>
        </ChartFrame>
    }
}

#[component]
pub fn OutlookChapter() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section id="outlook" class="chapter" aria-labelledby="outlook-heading">
            <ChapterHeading id="outlook"/>
            <p>
                {format!(
                    "In the first eight months of 2025 China exported {} vehicles, and analysts expected {} for the year. The outcome beat them: {} by the makers' count.",
                    figure_in(lang, "china-caam", 2025, "jan-aug"),
                    figure(lang, "china-forecast", 2025),
                    figure(lang, "china-caam", 2025),
                )}
            </p>
            <p>
                "What comes next depends on things no chart can pin down: how fast other countries raise barriers, how many factories Chinese makers build abroad instead of shipping cars, and whether the price war at home ends. Try your own assumptions."
            </p>
            <OutlookChart/>
        </section>
    }
}
