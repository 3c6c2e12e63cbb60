//! Chapter 3, "Where the cars go": export markets year by year.

use leptos::prelude::*;

use crate::ui::widgets::quoted::{Prose, QuotedFigures, text};

use crate::charts::export_destinations::{self, CHART_ID, MarketsView};
use crate::i18n::{Lang, t, use_lang};
use crate::state::app_state::use_app_state;
use crate::ui::chapters::{ChapterHeading, figure};
use crate::ui::widgets::{ChartModule, ChoiceChart};

const CHAPTER: &str = crate::story::registry::DESTINATIONS;

fn note(view: MarketsView, lang: Lang) -> String {
    match view {
        MarketsView::Value2023 => t::destinations_note_value_2023(lang).into(),
        MarketsView::EarlyYear2023 => t::destinations_note_jan_may_2023(lang).into(),
        _ => t::destinations_note_units(lang).into(),
    }
}

#[component]
pub fn DestinationsChart() -> impl IntoView {
    let module = ChartModule {
        id: CHART_ID,
        title: t::destinations_title,
        subtitle: t::destinations_subtitle,
        question: t::destinations_question,
        chart: export_destinations::chart,
        table: export_destinations::table,
        description: export_destinations::description,
        unit: export_destinations::unit,
        note,
    };
    view! { <ChoiceChart module=module state=use_app_state().markets/> }
}

#[component]
pub fn DestinationsChapter() -> impl IntoView {
    let lang = use_lang();
    let first = text(|| t::destinations_paragraph_1(lang, &figure(lang, "dest-russia", 2023), &figure(lang, "dest-russia", 2024)));
    let second = text(|| t::destinations_paragraph_2(lang, &figure(lang, "dest-russia", 2025), &figure(lang, "dest-mexico", 2025)));
    view! {
        <section id=CHAPTER class="chapter" aria-labelledby=format!("{CHAPTER}-heading")>
            <ChapterHeading id=CHAPTER/>
            <Prose chapter=CHAPTER key="russia" text=first.clone()/>
            <Prose chapter=CHAPTER key="mexico" text=second.clone()/>
            <DestinationsChart/>
            <p>{t::destinations_paragraph_3(lang)}</p>
            <QuotedFigures chapter=CHAPTER texts=vec![first, second]/>
        </section>
    }
}
