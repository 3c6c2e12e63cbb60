//! Chapter 2, "What is in the boxes": new-energy vehicles against combustion cars.

use leptos::prelude::*;

use crate::i18n::{Lang, use_lang};
use crate::app_state::use_app_state;
use crate::chapters::{ChapterHeading, figure, figure_in};
use crate::charts::nev::{self, CHART_ID, NevView};
use crate::widgets::{ChartModule, ChoiceChart};

fn note(view: NevView, lang: Lang) -> String {
    let _ = lang;
    let base = "China counts battery-electric cars, plug-in hybrids and fuel-cell vehicles as new-energy vehicles. The rest of the bar is all exports less new-energy ones: combustion cars, conventional hybrids and commercial vehicles.";
    match view {
        NevView::Vehicles => base.to_string(),
        NevView::Share => format!("{base} The share divides the two CAAM counts; a split between battery-electric and plug-in hybrid exports by year was not found."),
    }
}

#[component]
pub fn NevChart() -> impl IntoView {
    let module = ChartModule {
        id: CHART_ID,
        title: |_| "Electric cars drive the second wave",
        subtitle: |_| "China's vehicle exports by drive, 2020–2025 (CAAM)",
        question: |_| "Show",
        chart: nev::chart,
        table: nev::table,
        description: nev::description,
        unit: nev::unit,
        note,
    };
    view! { <ChoiceChart module=module state=use_app_state().nev/> }
}

#[component]
pub fn NevChapter() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section id="in-the-boxes" class="chapter" aria-labelledby="in-the-boxes-heading">
            <ChapterHeading id="in-the-boxes"/>
            <p>
                {format!(
                    "The first wave of exports was mostly petrol cars. Electric models came next: China's makers shipped {} new-energy vehicles in 2021, {} in 2023 and {} in 2025, when they made up more than a third of all exports.",
                    figure(lang, "china-nev", 2021),
                    figure(lang, "china-nev", 2023),
                    figure(lang, "china-nev", 2025),
                )}
            </p>
            <p>
                {format!(
                    "The pace has not been steady. Electric exports barely grew in 2024 ({}), the year Europe's duties took effect, then jumped again: about {} left China in the first eight months of 2025 alone.",
                    figure(lang, "china-nev", 2024),
                    figure_in(lang, "china-nev", 2025, "jan-aug"),
                )}
            </p>
            <NevChart/>
            <p>
                "Combustion cars still make up most of the volume. Many of them go to Russia, the Middle East and Latin America, where charging networks are thin and affordable petrol models sell."
            </p>
        </section>
    }
}
