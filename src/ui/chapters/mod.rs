//! The story's chapters, one file each, which chart belongs to which chapter, and the helpers
//! their prose uses to quote figures from the data.

pub mod destinations;
pub mod germany;
pub mod in_the_boxes;
pub mod makers;
pub mod money;
pub mod outlook;
pub mod overtaking;
pub mod policy;
pub mod why;

use leptos::prelude::*;

use crate::charts;
use crate::i18n::{Lang, t, use_lang};
use crate::story::registry;

/// A whole-year figure as readers read it, e.g. "4.91 million", quoted (`crate::story::quote`): the
/// prose never types a figure, and each one links to where it comes from.
pub fn figure(lang: Lang, series_id: &str, year: u16) -> String {
    figure_in(lang, series_id, year, "")
}

/// A whole-year figure as readers read it, without a quote's link: for a chart's own notes, whose
/// figures its table sources.
pub fn plain_figure(lang: Lang, series_id: &str, year: u16) -> String {
    crate::story::quote::lookup(series_id, year, "")
        .map(|(s, p)| crate::story::format::readable(lang, s.unit, p.value))
        .unwrap_or_else(|| t::common_no_figure(lang).to_string())
}

/// A figure for part of a year (`""` for the whole year), quoted.
pub fn figure_in(lang: Lang, series_id: &str, year: u16, period: &str) -> String {
    crate::story::quote::figure(lang, series_id, year, period)
}

/// One chart with its controls, for `?embed=<chart-id>`.
pub fn chart_view(chart_id: &str) -> Option<AnyView> {
    Some(match chart_id {
        charts::exports_vs_peers::CHART_ID => view! { <overtaking::OvertakingChart/> }.into_any(),
        charts::guess_exports::CHART_ID => view! { <overtaking::GuessChart/> }.into_any(),
        charts::exports_by_month::CHART_ID => view! { <overtaking::MonthlyChart/> }.into_any(),
        charts::nev_share::CHART_ID => view! { <in_the_boxes::NevChart/> }.into_any(),
        charts::export_destinations::CHART_ID => view! { <destinations::DestinationsChart/> }.into_any(),
        charts::exports_by_maker::CHART_ID => view! { <makers::MakersChart/> }.into_any(),
        charts::capacity_vs_output::CHART_ID => view! { <why::CapacityChart/> }.into_any(),
        charts::price_war::CHART_ID => view! { <why::PriceWarChart/> }.into_any(),
        charts::investment_abroad::CHART_ID => view! { <money::InvestmentChart/> }.into_any(),
        charts::germany_in_china::CHART_ID => view! { <germany::GermanyChart/> }.into_any(),
        charts::policy_timeline::CHART_ID => view! { <policy::PolicyChart/> }.into_any(),
        charts::outlook_explorer::CHART_ID => view! { <outlook::OutlookChart/> }.into_any(),
        _ => return None,
    })
}

/// One chapter, by its section id: a prerendered chapter goes live on its own (`crate::live`).
pub fn chapter_view(id: &str) -> Option<AnyView> {
    Some(match id {
        registry::OVERTAKING => view! { <overtaking::OvertakingChapter/> }.into_any(),
        registry::IN_THE_BOXES => view! { <in_the_boxes::NevChapter/> }.into_any(),
        registry::DESTINATIONS => view! { <destinations::DestinationsChapter/> }.into_any(),
        registry::MAKERS => view! { <makers::MakersChapter/> }.into_any(),
        registry::WHY => view! { <why::WhyChapter/> }.into_any(),
        registry::MONEY => view! { <money::MoneyChapter/> }.into_any(),
        registry::GERMANY => view! { <germany::GermanyChapter/> }.into_any(),
        registry::POLICY => view! { <policy::PolicyChapter/> }.into_any(),
        registry::OUTLOOK => view! { <outlook::OutlookChapter/> }.into_any(),
        _ => return None,
    })
}

/// Every chapter in order.
#[component]
pub fn Chapters() -> impl IntoView {
    view! {
        <overtaking::OvertakingChapter/>
        <in_the_boxes::NevChapter/>
        <destinations::DestinationsChapter/>
        <makers::MakersChapter/>
        <why::WhyChapter/>
        <money::MoneyChapter/>
        <germany::GermanyChapter/>
        <policy::PolicyChapter/>
        <outlook::OutlookChapter/>
    }
}

/// The heading block every chapter starts with.
#[component]
pub fn ChapterHeading(id: &'static str) -> impl IntoView {
    let lang = use_lang();
    let index = registry::CHAPTERS.iter().position(|c| c.id == id).unwrap_or(0);
    let title = registry::chapter_title(id, lang);
    view! {
        <p class="chapter-number">{t::chapters_number(lang, &(index + 1).to_string())}</p>
        <h2 id=format!("{id}-heading")>{title}</h2>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::i18n::Lang;

    #[test]
    fn every_chapter_of_the_registry_is_in_the_story() {
        let (html, _) = crate::ui::static_page::story(Lang::En);
        for id in registry::CHAPTER_IDS {
            assert!(html.contains(&format!("id=\"{id}\"")), "{id} is not in the story");
            assert!(html.contains(&format!("aria-labelledby=\"{id}-heading\"")), "{id} has no heading");
        }
    }

    #[test]
    fn figures_in_prose_come_from_the_data() {
        use crate::story::quote::plain;
        assert_eq!(plain(&figure(Lang::En, "china-caam", 2023)), "4.91 million");
        assert_eq!(plain(&figure(Lang::De, "china-caam", 2023)), "4,91 Mio.");
        assert_eq!(plain(&figure(Lang::Zh, "china-caam", 2023)), "491万");
        assert_eq!(plain(&figure_in(Lang::En, "china-caam", 2025, "jan-aug")), "4.29 million");
        assert_eq!(plain(&figure(Lang::En, "invest-overseas", 2024)), "US$16 billion");
        assert_eq!(figure(Lang::En, "china-caam", 1999), "no figure");
    }

    #[test]
    fn chapter_titles_come_from_the_catalogue() {
        assert_eq!(registry::chapter_title("overtaking", Lang::En), "The overtaking");
        assert_eq!(registry::chapter_title("policy", Lang::En), "Growing pains and the policy turn");
        assert_eq!(registry::chapter_title("germany", Lang::De), "China und Deutschland");
        assert_eq!(registry::chapter_title("germany", Lang::Zh), "中国与德国");
        assert_eq!(registry::chapter_title("nope", Lang::Nl), "");
        assert_eq!(t::chapters_number(Lang::En, "3"), "Chapter 3");
        assert_eq!(t::chapters_number(Lang::Zh, "3"), "第3章");
        for lang in Lang::ALL {
            assert!(registry::CHAPTERS.iter().all(|c| !(c.title)(lang).is_empty()));
        }
    }
}
