//! Chapter 5, "Why: push and pull": too many factories at home, and cars the world wants.

use leptos::prelude::*;

use crate::ui::widgets::quoted::{Prose, QuotedFigures, text};

use crate::charts::capacity_vs_output::{self, CapacityView};
use crate::charts::price_war::{self, PriceWarView};
use crate::i18n::{Lang, t, use_lang};
use crate::state::app_state::use_app_state;
use crate::ui::chapters::{ChapterHeading, figure};
use crate::ui::widgets::{ChartModule, ChoiceChart};

const CHAPTER: &str = crate::story::registry::WHY;

fn capacity_note(_: CapacityView, lang: Lang) -> String {
    t::why_capacity_note(lang).into()
}

fn price_note(view: PriceWarView, lang: Lang) -> String {
    match view {
        PriceWarView::PriceCuts => t::why_price_note_cuts(lang).into(),
        PriceWarView::Margin => t::why_price_note_margin(lang).into(),
    }
}

#[component]
pub fn CapacityChart() -> impl IntoView {
    let module = ChartModule {
        id: capacity_vs_output::CHART_ID,
        title: t::why_capacity_title,
        subtitle: t::why_capacity_subtitle,
        question: t::why_capacity_question,
        chart: capacity_vs_output::chart,
        table: capacity_vs_output::table,
        description: capacity_vs_output::description,
        unit: |_| capacity_vs_output::UNIT,
        note: capacity_note,
    };
    view! { <ChoiceChart module=module state=use_app_state().capacity/> }
}

#[component]
pub fn PriceWarChart() -> impl IntoView {
    let module = ChartModule {
        id: price_war::CHART_ID,
        title: t::why_price_title,
        subtitle: t::why_price_subtitle,
        question: t::why_price_question,
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
    let push = text(|| t::why_push(lang, &figure(lang, "china-capacity", 2024), &figure(lang, "china-production", 2024)));
    let price_war = text(|| {
        t::why_price_war(
            lang,
            &figure(lang, "price-cut-models", 2022),
            &figure(lang, "price-cut-models", 2023),
            &figure(lang, "industry-margin", 2025),
        )
    });
    view! {
        <section id=CHAPTER class="chapter" aria-labelledby=format!("{CHAPTER}-heading")>
            <ChapterHeading id=CHAPTER/>
            <Prose chapter=CHAPTER key="push" text=push.clone()/>
            <CapacityChart/>
            <Prose chapter=CHAPTER key="price-war" text=price_war.clone()/>
            <PriceWarChart/>
            <p>{t::why_pull(lang)}</p>
            <ul class="chapter-list">
                <li>
                    <strong>{t::why_pull_head_start(lang)}</strong>
                    {t::why_pull_head_start_text(lang)}
                </li>
                <li>
                    <strong>{t::why_pull_support(lang)}</strong>
                    {t::why_pull_support_text(lang)}
                </li>
                <li>
                    <strong>{t::why_pull_technology(lang)}</strong>
                    {t::why_pull_technology_text(lang)}
                </li>
                <li>
                    <strong>{t::why_pull_affordable(lang)}</strong>
                    {t::why_pull_affordable_text(lang)}
                </li>
            </ul>
            <QuotedFigures chapter=CHAPTER texts=vec![push, price_war]/>
        </section>
    }
}
