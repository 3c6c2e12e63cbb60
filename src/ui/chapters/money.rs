//! Chapter 6, "The money follows": Chinese EV and battery makers invest abroad.

use leptos::prelude::*;

use crate::ui::widgets::quoted::{Prose, QuotedFigures, text};

use crate::charts::investment_abroad::{self, CHART_ID, InvestmentView};
use crate::i18n::{Lang, t, use_lang};
use crate::state::app_state::use_app_state;
use crate::ui::chapters::{ChapterHeading, figure};
use crate::ui::widgets::{ChartModule, ChoiceChart};

const CHAPTER: &str = crate::story::registry::MONEY;

fn note(view: InvestmentView, lang: Lang) -> String {
    match view {
        InvestmentView::OutboundFdi => t::money_note_fdi(lang).into(),
        _ => t::money_note_plants(lang).into(),
    }
}

#[component]
pub fn InvestmentChart() -> impl IntoView {
    let module = ChartModule {
        id: CHART_ID,
        title: t::money_title,
        subtitle: t::money_subtitle,
        question: t::money_question,
        chart: investment_abroad::chart,
        table: investment_abroad::table,
        description: investment_abroad::description,
        unit: investment_abroad::unit,
        note,
    };
    view! { <ChoiceChart module=module state=use_app_state().investment/> }
}

#[component]
pub fn MoneyChapter() -> impl IntoView {
    let lang = use_lang();
    let first = text(|| t::money_first_step(lang, &figure(lang, "invest-overseas", 2024), &figure(lang, "invest-domestic", 2024)));
    let second = text(|| {
        t::money_turn(
            lang,
            &figure(lang, "invest-domestic", 2023),
            &figure(lang, "battery-share-overseas", 2024),
            &figure(lang, "battery-share-domestic", 2024),
            &figure(lang, "capacity-abroad-share", 2024),
        )
    });
    view! {
        <section id=CHAPTER class="chapter" aria-labelledby=format!("{CHAPTER}-heading")>
            <ChapterHeading id=CHAPTER/>
            <Prose chapter=CHAPTER key="first-step" text=first.clone()/>
            <Prose chapter=CHAPTER key="turn" text=second.clone()/>
            <InvestmentChart/>
            <QuotedFigures chapter=CHAPTER texts=vec![first, second]/>
        </section>
    }
}
