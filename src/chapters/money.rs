//! Chapter 6, "The money follows": Chinese EV and battery makers invest abroad.

use leptos::prelude::*;

use crate::i18n::{Lang, use_lang};
use crate::app_state::use_app_state;
use crate::chapters::{ChapterHeading, figure};
use crate::charts::investment::{self, CHART_ID, InvestmentView};
use crate::widgets::{ChartModule, ChoiceChart};

fn note(view: InvestmentView, lang: Lang) -> String {
    let _ = lang;
    match view {
        InvestmentView::OutboundFdi => "Rhodium Group's 2024 report measured outbound direct investment along the EV supply chain, a wider scope than the 2025 report's plant spending; the two series are shown apart and never added up. The 2023 figure leaves out BYD's plant in Hungary and other projects without a price.".into(),
        _ => "Rhodium Group's 2025 report counts announced spending on plants by Chinese EV and battery makers. Its figures abroad for 2021 to 2023 were not found, so those years are gaps.".into(),
    }
}

#[component]
pub fn InvestmentChart() -> impl IntoView {
    let module = ChartModule {
        id: CHART_ID,
        title: |_| "More money abroad than at home",
        subtitle: |_| "Investment by Chinese EV and battery makers (Rhodium Group)",
        question: |_| "Show",
        chart: investment::chart,
        table: investment::table,
        description: investment::description,
        unit: investment::unit,
        note,
    };
    view! { <ChoiceChart module=module state=use_app_state().investment/> }
}

#[component]
pub fn MoneyChapter() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section id="money" class="chapter" aria-labelledby="money-heading">
            <ChapterHeading id="money"/>
            <p>
                {format!(
                    "Exports are the first step; factories abroad are the next. In 2024 Chinese electric-car and battery makers announced about {} of investment outside China and {} at home, the first time since records began in 2014 that more went abroad.",
                    figure(lang, "invest-overseas", 2024),
                    figure(lang, "invest-domestic", 2024),
                )}
            </p>
            <p>
                {format!(
                    "The turn came fast: at home the figure had been {} in 2023. Most of the money goes into batteries, {} of it abroad and {} at home. Yet only {} of announced battery and car capacity lies outside China.",
                    figure(lang, "invest-domestic", 2023),
                    figure(lang, "battery-share-overseas", 2024),
                    figure(lang, "battery-share-domestic", 2024),
                    figure(lang, "capacity-abroad-share", 2024),
                )}
            </p>
            <InvestmentChart/>
        </section>
    }
}
