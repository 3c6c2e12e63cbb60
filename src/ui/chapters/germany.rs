//! Chapter 7, "China and Germany": a partnership that turned into competition.

use leptos::prelude::*;

use crate::ui::widgets::quoted::{Prose, QuotedFigures, text};

use crate::charts::germany_in_china::{self, CHART_ID, GermanyView};
use crate::i18n::{Lang, data_text, t, use_lang};
use crate::state::app_state::use_app_state;
use crate::story::format;
use crate::story::model::{EVENTS, source};
use crate::ui::chapters::{ChapterHeading, figure};
use crate::ui::widgets::{ChartModule, ChoiceChart};

const CHAPTER: &str = crate::story::registry::GERMANY;

fn note(view: GermanyView, lang: Lang) -> String {
    match view {
        GermanyView::VolkswagenBev => t::germany_note_vw(lang).into(),
        GermanyView::Survey => t::germany_note_survey(lang).into(),
    }
}

#[component]
pub fn GermanyChart() -> impl IntoView {
    let module = ChartModule {
        id: CHART_ID,
        title: t::germany_title,
        subtitle: t::germany_subtitle,
        question: t::germany_question,
        chart: germany_in_china::chart,
        table: germany_in_china::table,
        description: germany_in_china::description,
        unit: germany_in_china::unit,
        note,
    };
    view! { <ChoiceChart module=module state=use_app_state().germany/> }
}

#[component]
pub fn GermanyChapter() -> impl IntoView {
    let lang = use_lang();
    let milestones = EVENTS.iter().filter(|e| e.topic == "sino-german");
    let today = text(|| {
        t::germany_today(
            lang,
            &figure(lang, "vw-bev-world", 2024),
            &figure(lang, "survey-stay", 2024),
            &figure(lang, "survey-invest-more", 2024),
        )
    });
    view! {
        <section id=CHAPTER class="chapter" aria-labelledby=format!("{CHAPTER}-heading")>
            <ChapterHeading id=CHAPTER/>
            <p>{t::germany_intro(lang)}</p>
            <ol class="timeline">
                {milestones
                    .map(|e| {
                        let src = source(e.source);
                        view! {
                            <li>
                                <time datetime=e.date>{format::date(lang, e.date)}</time>
                                <strong>{data_text(lang, e.title)}</strong>
                                <span>{data_text(lang, e.detail)}</span>
                                <cite>
                                    {t::germany_source(lang)}
                                    {src
                                        .map(|s| {
                                            view! { <a href=s.url rel="noopener" target="_blank">{s.publisher}</a> }
                                        })}
                                </cite>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <Prose chapter=CHAPTER key="today" text=today.clone()/>
            <GermanyChart/>
            <p>{t::germany_closing(lang)}</p>
            <QuotedFigures chapter=CHAPTER texts=vec![today]/>
        </section>
    }
}
