//! Chapter 8, "Growing pains and the policy turn": zero-mileage used cars, export licences and
//! the tariffs abroad.

use leptos::prelude::*;

use crate::i18n::use_lang;
use crate::app_state::use_app_state;
use crate::chapters::{ChapterHeading, figure};
use crate::charts::policy::{self, ACTORS, CHART_ID, KINDS};
use crate::charts::to_json;
use crate::display::use_display;
use crate::model::Unit;
use crate::widgets::{ChartFrame, ToggleButtons};

#[component]
pub fn PolicyChart() -> impl IntoView {
    let display = use_display();
    let lang = use_lang();
    let state = use_app_state().policy;
    let option = Memo::new(move |_| to_json(&policy::chart(&state.get(), display.get())));
    let table = Memo::new(move |_| policy::table(&state.get(), lang));
    let description = Memo::new(move |_| policy::description(&state.get(), lang));
    view! {
        <ChartFrame
            id=CHART_ID
            title="Barriers go up abroad, and at home"
            subtitle="Trade measures on Chinese cars, 2023–2026"
            option=option
            description=description
            table=table
            unit=Signal::stored(Unit::Percent)
        >
            <ToggleButtons
                label="Who acts"
                items=(0..ACTORS.len()).map(|i| (i, ACTORS[i].1.to_string())).collect()
                is_on=Callback::new(move |i: usize| state.get().shows_actor(i))
                on_toggle=Callback::new(move |i: usize| state.update(|s| s.actors ^= 1 << i))
                item_class=Callback::new(|_| "plain".to_string())
            />
            <ToggleButtons
                label="Kind of measure"
                items=(0..KINDS.len()).map(|i| (i, KINDS[i].1.to_string())).collect()
                is_on=Callback::new(move |i: usize| state.get().shows_kind(i))
                on_toggle=Callback::new(move |i: usize| state.update(|s| s.kinds ^= 1 << i))
                item_class=Callback::new(|i: usize| format!("kind-{}", KINDS[i].0))
            />
            <p class="how-we-count">
                <strong>"How we count. "</strong>
                "Each mark is one measure on the date it was announced or took effect, as its source gives it; rates are in the table. Every measure is in the table below the chart."
            </p>
        </ChartFrame>
    }
}

#[component]
pub fn PolicyChapter() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section id="policy" class="chapter" aria-labelledby="policy-heading">
            <ChapterHeading id="policy"/>
            <p>
                {format!(
                    "Growth brought abuses. Dealers registered new cars for a day and shipped them abroad as used, often with local government support. Used-car exports went from {} in 2020 to {} in 2024, most of them such ‘zero-mileage’ cars, sold without warranty or service.",
                    figure(lang, "used-car-exports", 2020),
                    figure(lang, "used-car-exports", 2024),
                )}
            </p>
            <p>
                "Beijing changed course. From 1 January 2026 battery-electric cars need an export licence, as petrol cars and hybrids already did, and cars exported within 180 days of registration must come with the maker's service information. The aim, officials say, is quality over quantity."
            </p>
            <p>
                "Abroad, barriers rose at the same time. The EU weighed partnership against protection and chose duties that differ by maker; the US and Canada all but shut the door; Turkey, Brazil, Russia and Mexico raised tariffs and fees. Canada later agreed a quota at the old rate."
            </p>
            <PolicyChart/>
        </section>
    }
}
