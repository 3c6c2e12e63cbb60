//! The story's chapters, one file each, and which chart belongs to which chapter.

pub mod overtaking;

use leptos::prelude::*;

use crate::charts;

/// Each chapter's section id (also its `?chapter=` value) and its charts' public ids.
pub const CHAPTERS: &[(&str, &[&str])] = &[("overtaking", &[charts::overtaking::CHART_ID])];

/// The chapter a chart belongs to.
pub fn chapter_of(chart_id: &str) -> Option<&'static str> {
    CHAPTERS.iter().find(|(_, charts)| charts.contains(&chart_id)).map(|(chapter, _)| *chapter)
}

/// One chart with its controls, for `?embed=<chart-id>`.
pub fn chart_view(chart_id: &str) -> Option<AnyView> {
    match chart_id {
        charts::overtaking::CHART_ID => Some(view! { <overtaking::OvertakingChart/> }.into_any()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chart_id_belongs_to_a_chapter() {
        for id in charts::CHART_IDS {
            assert!(chapter_of(id).is_some(), "{id} has no chapter");
        }
        assert_eq!(chapter_of("nope"), None);
        for (chapter, _) in CHAPTERS {
            assert!(crate::url_state::CHAPTER_IDS.contains(chapter));
        }
    }
}
