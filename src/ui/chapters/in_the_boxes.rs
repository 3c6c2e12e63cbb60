//! Chapter 2, "What is in the boxes": new-energy vehicles against combustion cars.

use leptos::prelude::*;

use crate::ui::widgets::quoted::{Prose, QuotedFigures, text};

use crate::charts::nev_share::{self, CHART_ID, NevView};
use crate::i18n::{Lang, t, use_lang};
use crate::state::app_state::use_app_state;
use crate::ui::chapters::{ChapterHeading, figure, figure_in};
use crate::ui::widgets::{ChartModule, ChoiceChart};

const CHAPTER: &str = crate::story::registry::IN_THE_BOXES;

fn note(view: NevView, lang: Lang) -> String {
    let base = t::nev_note(lang);
    match view {
        NevView::Vehicles => base.to_string(),
        NevView::Share => t::nev_note_share(lang, base),
    }
}

#[component]
pub fn NevChart() -> impl IntoView {
    let module = ChartModule {
        id: CHART_ID,
        title: t::nev_title,
        subtitle: t::nev_subtitle,
        question: t::nev_question,
        chart: nev_share::chart,
        table: nev_share::table,
        description: nev_share::description,
        unit: nev_share::unit,
        note,
    };
    view! { <ChoiceChart module=module state=use_app_state().nev/> }
}

#[component]
pub fn NevChapter() -> impl IntoView {
    let lang = use_lang();
    let first = text(|| {
        t::nev_paragraph_1(lang, &figure(lang, "china-nev", 2021), &figure(lang, "china-nev", 2023), &figure(lang, "china-nev", 2025))
    });
    let second = text(|| t::nev_paragraph_2(lang, &figure(lang, "china-nev", 2024), &figure_in(lang, "china-nev", 2025, "jan-aug")));
    view! {
        <section id=CHAPTER class="chapter" aria-labelledby=format!("{CHAPTER}-heading")>
            <ChapterHeading id=CHAPTER/>
            <Prose chapter=CHAPTER key="drives" text=first.clone()/>
            <Prose chapter=CHAPTER key="pace" text=second.clone()/>
            <NevChart/>
            <p>{t::nev_paragraph_3(lang)}</p>
            <QuotedFigures chapter=CHAPTER texts=vec![first, second]/>
        </section>
    }
}
