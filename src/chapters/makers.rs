//! Chapter 4, "Who ships them": the makers behind the exports.

use leptos::prelude::*;

use crate::i18n::{Lang, use_lang};
use crate::app_state::use_app_state;
use crate::chapters::{ChapterHeading, figure, figure_in};
use crate::charts::makers::{self, CHART_ID, MakersView};
use crate::widgets::{ChartModule, ChoiceChart};

fn note(_: MakersView, lang: Lang) -> String {
    let _ = lang;
    "Makers report their own figures and do not count alike. SAIC's figure is overseas sales, cars built in its plants abroad included; by China's customs it exported about half as many.".into()
}

#[component]
pub fn MakersChart() -> impl IntoView {
    let module = ChartModule {
        id: CHART_ID,
        title: |_| "Chery leads, BYD climbs",
        subtitle: |_| "Vehicles exported by Chinese makers",
        question: |_| "Year",
        chart: makers::chart,
        table: makers::table,
        description: makers::description,
        unit: |_| makers::UNIT,
        note,
    };
    view! { <ChoiceChart module=module state=use_app_state().makers/> }
}

#[component]
pub fn MakersChapter() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section id="makers" class="chapter" aria-labelledby="makers-heading">
            <ChapterHeading id="makers"/>
            <p>
                {format!(
                    "The biggest exporter is not a household name in Europe. State-backed Chery shipped {} vehicles abroad in 2023 and {} in 2024, mostly petrol SUVs for Russia, the Middle East and Latin America.",
                    figure(lang, "maker-chery", 2023),
                    figure(lang, "maker-chery", 2024),
                )}
            </p>
            <p>
                {format!(
                    "BYD, the electric specialist, is catching up fast: {} in 2024 and {} in the first nine months of 2025. Foreign brands export from China too; Tesla's Shanghai plant shipped {} cars in 2023.",
                    figure(lang, "maker-byd", 2024),
                    figure_in(lang, "maker-byd", 2025, "jan-sep"),
                    figure(lang, "maker-tesla-shanghai", 2023),
                )}
            </p>
            <MakersChart/>
        </section>
    }
}
