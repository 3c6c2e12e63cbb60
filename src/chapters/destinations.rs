//! Chapter 3, "Where the cars go": export markets year by year.

use leptos::prelude::*;

use crate::i18n::{Lang, use_lang};
use crate::app_state::use_app_state;
use crate::chapters::{ChapterHeading, figure};
use crate::charts::destinations::{self, CHART_ID, MarketsView};
use crate::widgets::{ChartModule, ChoiceChart};

fn note(view: MarketsView, lang: Lang) -> String {
    let _ = lang;
    match view {
        MarketsView::Value2023 => "Ranked by value in US dollars from China's customs, which lifts markets that buy expensive electric cars, such as Belgium and the UK, above those that buy many cheap ones. Full-year unit counts by market for 2023 were not found.".into(),
        MarketsView::EarlyYear2023 => "January to May 2023 is the one early period for which China's customs figures cover every large market in units.".into(),
        _ => "Counts from the car makers' and dealers' associations (CPCA, CADA) as reported in the trade press. Pale bars cover only part of the year, as labelled; markets without a figure are listed, not drawn as zero.".into(),
    }
}

#[component]
pub fn DestinationsChart() -> impl IntoView {
    let module = ChartModule {
        id: CHART_ID,
        title: |_| "From Russia to Mexico",
        subtitle: |_| "China's vehicle exports by market",
        question: |_| "Year",
        chart: destinations::chart,
        table: destinations::table,
        description: destinations::description,
        unit: destinations::unit,
        note,
    };
    view! { <ChoiceChart module=module state=use_app_state().markets/> }
}

#[component]
pub fn DestinationsChapter() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section id="destinations" class="chapter" aria-labelledby="destinations-heading">
            <ChapterHeading id="destinations"/>
            <p>
                {format!(
                    "When Western brands left Russia in 2022, Chinese makers filled the gap. Russia took about {} Chinese vehicles in 2023 and {} in 2024, close to a fifth of all exports.",
                    figure(lang, "dest-russia", 2023),
                    figure(lang, "dest-russia", 2024),
                )}
            </p>
            <p>
                {format!(
                    "Then Moscow raised its recycling fee and import duties, and shipments halved to {} in 2025. Mexico, at {}, became the largest market, with the United Arab Emirates close behind.",
                    figure(lang, "dest-russia", 2025),
                    figure(lang, "dest-mexico", 2025),
                )}
            </p>
            <DestinationsChart/>
            <p>
                "Full-year counts by market are patchy: for 2023 and 2024 most markets have only part-year figures or values in dollars. The chart shows what was found and says what was not."
            </p>
        </section>
    }
}
