//! Chapter 4, "Who ships them": the makers behind the exports.

use leptos::prelude::*;

use crate::ui::widgets::quoted::{Prose, QuotedFigures, text};

use crate::charts::exports_by_maker::{self, CHART_ID, MakersView};
use crate::i18n::{Lang, t, use_lang};
use crate::state::app_state::use_app_state;
use crate::ui::chapters::{ChapterHeading, figure, figure_in};
use crate::ui::widgets::{ChartModule, ChoiceChart};

const CHAPTER: &str = crate::story::registry::MAKERS;

fn note(_: MakersView, lang: Lang) -> String {
    t::makers_note(lang).into()
}

#[component]
pub fn MakersChart() -> impl IntoView {
    let module = ChartModule {
        id: CHART_ID,
        title: t::makers_title,
        subtitle: t::makers_subtitle,
        question: t::makers_question,
        chart: exports_by_maker::chart,
        table: exports_by_maker::table,
        description: exports_by_maker::description,
        unit: |_| exports_by_maker::UNIT,
        note,
    };
    view! { <ChoiceChart module=module state=use_app_state().makers/> }
}

#[component]
pub fn MakersChapter() -> impl IntoView {
    let lang = use_lang();
    let first = text(|| t::makers_paragraph_1(lang, &figure(lang, "maker-chery", 2023), &figure(lang, "maker-chery", 2024)));
    let second = text(|| {
        t::makers_paragraph_2(
            lang,
            &figure(lang, "maker-byd", 2024),
            &figure_in(lang, "maker-byd-caam", 2025, "jan-sep"),
            &figure(lang, "maker-tesla-shanghai", 2023),
        )
    });
    view! {
        <section id=CHAPTER class="chapter" aria-labelledby=format!("{CHAPTER}-heading")>
            <ChapterHeading id=CHAPTER/>
            <Prose chapter=CHAPTER key="chery" text=first.clone()/>
            <Prose chapter=CHAPTER key="byd" text=second.clone()/>
            <MakersChart/>
            <QuotedFigures chapter=CHAPTER texts=vec![first, second]/>
        </section>
    }
}
