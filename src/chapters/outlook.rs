//! Chapter 9, "What next": the 2025 forecast against the outcome, and an explorer of the
//! reader's own assumptions.

use leptos::prelude::*;

use crate::app_state::use_app_state;
use crate::chapters::{ChapterHeading, figure, figure_in};
use crate::charts::outlook::{self, CHART_ID, GROWTH_RANGE, LOSS_RANGE, OutlookView};
use crate::charts::to_json;
use crate::display::use_display;
use crate::widgets::ChartFrame;

#[component]
pub fn OutlookChart() -> impl IntoView {
    let display = use_display();
    let state = use_app_state().outlook;
    let option = Memo::new(move |_| to_json(&outlook::chart(&state.get(), display.get())));
    let table = Memo::new(move |_| outlook::table(&state.get()));
    let description = Memo::new(move |_| outlook::description(&state.get()));
    let set = move |update: &dyn Fn(&mut OutlookView, i32), value: String| {
        if let Ok(v) = value.parse::<i32>() {
            state.update(|s| {
                update(s, v);
                *s = s.clamped();
            });
        }
    };
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
            <label class="slider">
                <span>"Growth per year from 2026"</span>
                <input
                    type="range"
                    min=GROWTH_RANGE.0
                    max=GROWTH_RANGE.1
                    step="1"
                    prop:value=move || state.get().growth.to_string()
                    on:input=move |ev| set(&|s, v| s.growth = v.clamp(-128, 127) as i8, event_target_value(&ev))
                />
                <output>{move || format!("{}%", state.get().growth)}</output>
            </label>
            <label class="slider">
                <span>"Exports lost to new barriers"</span>
                <input
                    type="range"
                    min=LOSS_RANGE.0
                    max=LOSS_RANGE.1
                    step="1"
                    prop:value=move || state.get().loss.to_string()
                    on:input=move |ev| set(&|s, v| s.loss = v.clamp(0, 255) as u8, event_target_value(&ev))
                />
                <output>{move || format!("{}%", state.get().loss)}</output>
            </label>
            <p class="how-we-count">
                <strong>"Not a forecast. "</strong>
                "The dashed line is plain arithmetic: the 2025 total, grown by your rate each year and cut once by the share you expect new tariffs and licences to take. It knows nothing else."
            </p>
        </ChartFrame>
    }
}

#[component]
pub fn OutlookChapter() -> impl IntoView {
    view! {
        <section id="outlook" class="chapter" aria-labelledby="outlook-heading">
            <ChapterHeading id="outlook"/>
            <p>
                {format!(
                    "In the first eight months of 2025 China exported {} vehicles, and analysts expected {} for the year. The outcome beat them: {} by the makers' count.",
                    figure_in("china-caam", 2025, "jan-aug"),
                    figure("china-forecast", 2025),
                    figure("china-caam", 2025),
                )}
            </p>
            <p>
                "What comes next depends on things no chart can pin down: how fast other countries raise barriers, how many factories Chinese makers build abroad instead of shipping cars, and whether the price war at home ends. Try your own assumptions."
            </p>
            <OutlookChart/>
        </section>
    }
}
