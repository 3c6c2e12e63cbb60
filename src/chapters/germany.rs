//! Chapter 7, "China and Germany": a partnership that turned into competition.

use leptos::prelude::*;

use crate::i18n::{Lang, use_lang};
use crate::app_state::use_app_state;
use crate::chapters::{ChapterHeading, figure};
use crate::charts::volkswagen::{self, CHART_ID, GermanyView};
use crate::model::{EVENTS, source};
use crate::widgets::{ChartModule, ChoiceChart};

fn note(view: GermanyView, lang: Lang) -> String {
    let _ = lang;
    match view {
        GermanyView::VolkswagenBev => "The worldwide total is Volkswagen's own. The China and US figures appear only in a Chinese state-media commentary; Volkswagen's release confirms their direction (China up about 8%, the US down about 30%), so they are marked low confidence.".into(),
        GermanyView::Survey => "From the German Chamber of Commerce in China's Business Confidence Survey 2024/25, as quoted in the press.".into(),
    }
}

#[component]
pub fn GermanyChart() -> impl IntoView {
    let module = ChartModule {
        id: CHART_ID,
        title: |_| "German carmakers still bet on China",
        subtitle: |_| "Volkswagen's electric cars and German firms' plans",
        question: |_| "Show",
        chart: volkswagen::chart,
        table: volkswagen::table,
        description: volkswagen::description,
        unit: volkswagen::unit,
        note,
    };
    view! { <ChoiceChart module=module state=use_app_state().germany/> }
}

#[component]
pub fn GermanyChapter() -> impl IntoView {
    let lang = use_lang();
    let milestones = EVENTS.iter().filter(|e| e.topic == "sino-german");
    view! {
        <section id="germany" class="chapter" aria-labelledby="germany-heading">
            <ChapterHeading id="germany"/>
            <p>
                "Germany's carmakers helped build China's industry through joint ventures, and the two governments made electric cars a shared project. The milestones:"
            </p>
            <ol class="timeline">
                {milestones
                    .map(|e| {
                        let src = source(e.source);
                        view! {
                            <li>
                                <time datetime=e.date>{e.date}</time>
                                <strong>{e.title}</strong>
                                <span>{e.detail}</span>
                                <cite>
                                    "Source: "
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
            <p>
                {format!(
                    "Today China is where German carmakers sell, and increasingly where they learn. Volkswagen delivered {} battery-electric cars worldwide in 2024, fewer than a year earlier, while its electric sales in China grew. Most German firms plan to stay: {} said so in the chamber's latest survey, and {} planned to invest more.",
                    figure(lang, "vw-bev-world", 2024),
                    figure(lang, "survey-stay", 2024),
                    figure(lang, "survey-invest-more", 2024),
                )}
            </p>
            <GermanyChart/>
            <p>
                "Whether that is a partnership or a dependency is the question Europe now argues about: cheaper Chinese electric cars and batteries speed up the switch from petrol, but they also compete with the factories that employ hundreds of thousands of Germans."
            </p>
        </section>
    }
}
