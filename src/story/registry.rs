//! The one list of the story's chapters and their charts, in reading order: the only place a
//! chapter or chart id is written. The ids are public (`?chapter=`, `?embed=`, `data-chart`, page
//! and file names); everything that lists them derives from here, the browser scripts and the end
//! to end tests through the build manifest (`ui::manifest`).

use crate::i18n::{Lang, t};

/// A chapter: its section id (also its `?chapter=` value), its title and its charts' ids.
#[derive(Debug, Clone, Copy)]
pub struct Chapter {
    pub id: &'static str,
    /// From the catalogue (`locales/*/chapters.toml`).
    pub title: fn(Lang) -> &'static str,
    pub charts: &'static [&'static str],
}

pub const OVERTAKING: &str = "overtaking";
pub const IN_THE_BOXES: &str = "in-the-boxes";
pub const DESTINATIONS: &str = "destinations";
pub const MAKERS: &str = "makers";
pub const WHY: &str = "why";
pub const MONEY: &str = "money";
pub const GERMANY: &str = "germany";
pub const POLICY: &str = "policy";
pub const OUTLOOK: &str = "outlook";

pub const GUESS_EXPORTS: &str = "guess-exports";
pub const EXPORTS_VS_PEERS: &str = "exports-vs-peers";
pub const EXPORTS_BY_MONTH: &str = "exports-by-month";
pub const NEV_SHARE: &str = "nev-share";
pub const EXPORT_DESTINATIONS: &str = "export-destinations";
pub const EXPORTS_BY_MAKER: &str = "exports-by-maker";
pub const CAPACITY_VS_OUTPUT: &str = "capacity-vs-output";
pub const PRICE_WAR: &str = "price-war";
pub const INVESTMENT_ABROAD: &str = "investment-abroad";
pub const GERMANY_IN_CHINA: &str = "germany-in-china";
pub const POLICY_TIMELINE: &str = "policy-timeline";
pub const OUTLOOK_EXPLORER: &str = "outlook-explorer";

pub const CHAPTERS: &[Chapter] = &[
    Chapter { id: OVERTAKING, title: t::chapters_overtaking, charts: &[GUESS_EXPORTS, EXPORTS_VS_PEERS, EXPORTS_BY_MONTH] },
    Chapter { id: IN_THE_BOXES, title: t::chapters_in_the_boxes, charts: &[NEV_SHARE] },
    Chapter { id: DESTINATIONS, title: t::chapters_destinations, charts: &[EXPORT_DESTINATIONS] },
    Chapter { id: MAKERS, title: t::chapters_makers, charts: &[EXPORTS_BY_MAKER] },
    Chapter { id: WHY, title: t::chapters_why, charts: &[CAPACITY_VS_OUTPUT, PRICE_WAR] },
    Chapter { id: MONEY, title: t::chapters_money, charts: &[INVESTMENT_ABROAD] },
    Chapter { id: GERMANY, title: t::chapters_germany, charts: &[GERMANY_IN_CHINA] },
    Chapter { id: POLICY, title: t::chapters_policy, charts: &[POLICY_TIMELINE] },
    Chapter { id: OUTLOOK, title: t::chapters_outlook, charts: &[OUTLOOK_EXPLORER] },
];

const CHART_COUNT: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < CHAPTERS.len() {
        n += CHAPTERS[i].charts.len();
        i += 1;
    }
    n
};

/// Every chart id, in reading order.
pub const CHART_IDS: [&str; CHART_COUNT] = {
    let mut ids = [""; CHART_COUNT];
    let (mut i, mut n) = (0, 0);
    while i < CHAPTERS.len() {
        let mut j = 0;
        while j < CHAPTERS[i].charts.len() {
            ids[n] = CHAPTERS[i].charts[j];
            n += 1;
            j += 1;
        }
        i += 1;
    }
    ids
};

/// Every chapter id, in reading order.
pub const CHAPTER_IDS: [&str; CHAPTERS.len()] = {
    let mut ids = [""; CHAPTERS.len()];
    let mut i = 0;
    while i < CHAPTERS.len() {
        ids[i] = CHAPTERS[i].id;
        i += 1;
    }
    ids
};

/// The chapter a chart belongs to.
pub fn chapter_of(chart_id: &str) -> Option<&'static str> {
    CHAPTERS.iter().find(|c| c.charts.contains(&chart_id)).map(|c| c.id)
}

/// The title of the chapter `id` in `lang`; empty for an unknown id.
pub fn chapter_title(id: &str, lang: Lang) -> &'static str {
    CHAPTERS.iter().find(|c| c.id == id).map(|c| (c.title)(lang)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_every_chart_has_one_chapter() {
        let mut all: Vec<&str> = CHART_IDS.iter().chain(&CHAPTER_IDS).copied().collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), CHART_IDS.len() + CHAPTER_IDS.len(), "an id is used twice");
        assert_eq!(CHART_IDS.len(), 12);
        for id in CHART_IDS {
            assert!(chapter_of(id).is_some(), "{id}");
            // Ids go into addresses, file names and CSS selectors unescaped.
            assert!(id.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{id}");
        }
        assert_eq!(chapter_of(EXPORTS_BY_MONTH), Some(OVERTAKING));
        assert_eq!(chapter_title(WHY, Lang::En), t::chapters_why(Lang::En));
    }
}
