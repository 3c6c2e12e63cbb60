//! Chapter 5, "Why: push and pull": too many factories at home, and cars the world wants.

use leptos::prelude::*;

use crate::i18n::{Lang, use_lang};
use crate::app_state::use_app_state;
use crate::chapters::{ChapterHeading, figure};
use crate::charts::capacity::{self, CapacityView};
use crate::charts::price_war::{self, PriceWarView};
use crate::widgets::{ChartModule, ChoiceChart};

fn capacity_note(_: CapacityView, lang: Lang) -> String {
    let _ = lang;
    "Capacity is Gasgoo Research's estimate of what plants could build in a year; the statistics bureau measures utilisation differently and puts it higher. Sold at home is sales less exports. A capacity figure for 2025 was not found.".into()
}

fn price_note(view: PriceWarView, lang: Lang) -> String {
    let _ = lang;
    match view {
        PriceWarView::PriceCuts => "The number of car models whose list price was cut, counted by the passenger car association; the 2024 figure covers January to September only.".into(),
        PriceWarView::Margin => "Profit as a share of revenue for the whole car industry; the 2024 figure covers January to November.".into(),
    }
}

#[component]
pub fn CapacityChart() -> impl IntoView {
    let module = ChartModule {
        id: capacity::CHART_ID,
        title: |_| "Plants built for far more cars than China buys",
        subtitle: |_| "Capacity, production and sales of China's car industry",
        question: |_| "Year",
        chart: capacity::chart,
        table: capacity::table,
        description: capacity::description,
        unit: |_| capacity::UNIT,
        note: capacity_note,
    };
    view! { <ChoiceChart module=module state=use_app_state().capacity/> }
}

#[component]
pub fn PriceWarChart() -> impl IntoView {
    let module = ChartModule {
        id: price_war::CHART_ID,
        title: |_| "A price war at home",
        subtitle: |_| "Price cuts and profit margins in China's car market",
        question: |_| "Show",
        chart: price_war::chart,
        table: price_war::table,
        description: price_war::description,
        unit: price_war::unit,
        note: price_note,
    };
    view! { <ChoiceChart module=module state=use_app_state().prices/> }
}

#[component]
pub fn WhyChapter() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section id="why" class="chapter" aria-labelledby="why-heading">
            <ChapterHeading id="why"/>
            <p>
                {format!(
                    "Start with the push. China's plants could build about {} vehicles in 2024, but the country produced {}. Local governments had backed new factories for years, and the home market stopped growing fast enough to fill them.",
                    figure(lang, "china-capacity", 2024),
                    figure(lang, "china-production", 2024),
                )}
            </p>
            <CapacityChart/>
            <p>
                {format!(
                    "Spare capacity turned into a price war. Makers cut the price of {} in 2022 and {} in 2023, and the industry's profit margin fell to {} in 2025. Selling abroad, often at higher prices than at home, became a way out.",
                    figure(lang, "price-cut-models", 2022),
                    figure(lang, "price-cut-models", 2023),
                    figure(lang, "industry-margin", 2025),
                )}
            </p>
            <PriceWarChart/>
            <p>"Then the pull. Four things made Chinese cars sell abroad:"</p>
            <ul class="chapter-list">
                <li>
                    <strong>"A head start in electric cars. "</strong>
                    "Years of investment in new-energy vehicles gave Chinese makers models, suppliers and scale that rivals lack."
                </li>
                <li>
                    <strong>"Government support. "</strong>
                    "Purchase subsidies, tax breaks and cheap credit built the home market that trained the industry."
                </li>
                <li>
                    <strong>"Technology, batteries first. "</strong>
                    "Chinese firms lead in battery cells and software, the parts that decide an electric car's cost and appeal."
                </li>
                <li>
                    <strong>"Affordable cars for new markets. "</strong>
                    "Brands moved into emerging markets with cheap, reliable models where Western and Japanese rivals were thin on the ground."
                </li>
            </ul>
        </section>
    }
}
