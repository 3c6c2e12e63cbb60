//! The story's figures, embedded at build time from `data/` (see the `dataset` crate).

use crate::i18n::{Lang, data_text, t};

/// Where figures come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub id: &'static str,
    pub publisher: &'static str,
    pub title: &'static str,
    pub url: &'static str,
    pub date: &'static str,
}

impl Source {
    /// The publication date as written on screen, "undated" where the source gives none.
    pub fn date_or_undated(&self, lang: Lang) -> String {
        if self.date.is_empty() { t::common_undated(lang).to_string() } else { crate::story::format::date(lang, self.date) }
    }
}

/// Countries keep one colour and one marker across every chart (see [`crate::charts::palette`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Country {
    China,
    Japan,
    Germany,
    Korea,
}

impl Country {
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Country::China => t::common_china(lang),
            Country::Japan => t::common_japan(lang),
            Country::Germany => t::common_germany(lang),
            Country::Korea => t::common_korea(lang),
        }
    }
}

/// What a series counts in (`format` writes its numbers).
pub use crate::story::format::Unit;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
    High,
    Medium,
    Low,
}

/// What the check of a figure against its source found (`dataset::Verdict`). Only the prerendered
/// list of quoted figures says it, so the browser build leaves it out (`widgets::quoted`).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Confirmed,
    ConfirmedElsewhere,
    Derived,
    NotFound,
}

/// A correction of a published figure (`data/revisions.csv`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Revision {
    /// `YYYY-MM-DD`.
    pub date: &'static str,
    pub series: &'static str,
    pub year: u16,
    pub period: &'static str,
    pub month: u8,
    pub old_value: f64,
    /// `None`: the figure was dropped.
    pub new_value: Option<f64>,
    pub reason: &'static str,
    pub source: &'static str,
}

impl Revision {
    /// Whether the revision is of this figure of this series.
    pub fn is_of(&self, series: &str, point: &Point) -> bool {
        self.series == series && self.year == point.year && self.period == point.period && self.month == point.month
    }
}

/// One figure of a series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub year: u16,
    /// Part of the year covered, e.g. "jan-sep"; empty for the whole year or a month.
    pub period: &'static str,
    /// The month (1-12) of a monthly series' figure; 0 for a year or part of one.
    pub month: u8,
    /// The last month the figure covers (`dataset::Observation::last_month`).
    pub last_month: u8,
    pub value: f64,
    pub confidence: Confidence,
    pub source: &'static str,
    /// The second source of a figure computed from others (the note gives the arithmetic);
    /// empty for a figure as published.
    pub derived_from: &'static str,
    pub note: &'static str,
    /// How it was checked against its source, and when (`YYYY-MM-DD`).
    #[cfg(not(target_arch = "wasm32"))]
    pub verdict: Verdict,
    #[cfg(not(target_arch = "wasm32"))]
    pub checked: &'static str,
}

/// One line of figures: one country, one way of counting.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Series {
    pub id: &'static str,
    pub label: &'static str,
    pub country: Option<Country>,
    pub count: &'static str,
    pub definition: &'static str,
    pub unit: Unit,
    pub points: &'static [Point],
}

impl Series {
    /// The name readers see in legends, tooltips and tables, e.g. "China (CAAM)".
    pub fn name(&self, lang: Lang) -> String {
        let label = data_text(lang, self.label);
        match lang {
            // Chinese text takes full-width brackets, with no space before them.
            Lang::Zh => format!("{label}（{}）", data_text(lang, self.count)),
            _ => format!("{label} ({})", data_text(lang, self.count)),
        }
    }

    /// What the series counts, in the reader's language.
    pub fn definition(&self, lang: Lang) -> &'static str {
        data_text(lang, self.definition)
    }

    /// The whole-year figure for a year, or `None` where the data has a gap.
    pub fn point(&self, year: u16) -> Option<&'static Point> {
        self.point_in(year, "")
    }

    /// The figure for part of a year (`""` for the whole year).
    pub fn point_in(&self, year: u16, period: &str) -> Option<&'static Point> {
        self.points.iter().find(|p| p.year == year && p.period == period && p.month == 0)
    }

    /// A monthly series' figure for one month.
    pub fn point_for_month(&self, year: u16, month: u8) -> Option<&'static Point> {
        self.points.iter().find(|p| p.year == year && p.month == month)
    }
}

/// A dated event: a trade measure, or a milestone of Sino-German cooperation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Event {
    pub date: &'static str,
    pub topic: &'static str,
    pub actor: &'static str,
    pub kind: &'static str,
    pub title: &'static str,
    pub detail: &'static str,
    pub source: &'static str,
    pub confidence: Confidence,
}

/// A period's short name ("Jan–Sep"), for chart labels on a phone.
pub fn period_short_name(lang: Lang, period: &str) -> &'static str {
    match period {
        "jan-feb" => t::common_period_short_jan_feb(lang),
        "q1" => t::common_period_short_q1(lang),
        "jan-apr" => t::common_period_short_jan_apr(lang),
        "h1" => t::common_period_short_h1(lang),
        "jan-jul" => t::common_period_short_jan_jul(lang),
        "jan-may" => t::common_period_short_jan_may(lang),
        "jan-aug" => t::common_period_short_jan_aug(lang),
        "jan-sep" => t::common_period_short_jan_sep(lang),
        "jan-oct" => t::common_period_short_jan_oct(lang),
        "jan-nov" => t::common_period_short_jan_nov(lang),
        _ => t::common_period_full_year(lang),
    }
}

/// How a period reads on screen: "jan-sep" -> "January–September".
pub fn period_name(lang: Lang, period: &str) -> &'static str {
    match period {
        "jan-feb" => t::common_period_jan_feb(lang),
        "q1" => t::common_period_q1(lang),
        "jan-apr" => t::common_period_jan_apr(lang),
        "h1" => t::common_period_h1(lang),
        "jan-jul" => t::common_period_jan_jul(lang),
        "jan-may" => t::common_period_jan_may(lang),
        "jan-aug" => t::common_period_jan_aug(lang),
        "jan-sep" => t::common_period_jan_sep(lang),
        "jan-oct" => t::common_period_jan_oct(lang),
        "jan-nov" => t::common_period_jan_nov(lang),
        _ => t::common_period_full_year(lang),
    }
}

include!(concat!(env!("OUT_DIR"), "/dataset.rs"));

/// Looks a series up by id; the chart modules name only ids that `data/series.toml` defines,
/// which the native tests check.
pub fn series_or_panic(id: &str) -> &'static Series {
    series(id).unwrap_or_else(|| panic!("data/series.toml defines no series '{id}'"))
}

/// Looks a series up by its id in `data/series.toml`.
pub fn series(id: &str) -> Option<&'static Series> {
    SERIES.iter().find(|s| s.id == id)
}

/// Looks a source up by its id in `data/sources.toml`.
pub fn source(id: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cited_source_exists() {
        for s in SERIES {
            for p in s.points {
                assert!(source(p.source).is_some(), "{} {} cites {}", s.id, p.year, p.source);
            }
        }
    }

    #[test]
    fn gaps_are_none_not_zero() {
        let caam = series("china-caam").unwrap();
        assert_eq!(caam.point(2023).unwrap().value, 4_910_000.0);
        assert!(caam.point(2016).is_none(), "2016 has no sourced CAAM figure");
    }

    #[test]
    fn partial_years_are_apart_from_whole_years() {
        let caam = series("china-caam").unwrap();
        assert_eq!(caam.point(2025).unwrap().value, 7_098_000.0);
        assert_eq!(caam.point_in(2025, "jan-aug").unwrap().value, 4_292_000.0);
        assert_eq!(caam.name(Lang::En), "China (CAAM)");
        assert_eq!(series("dest-russia").unwrap().name(Lang::En), "Russia (customs)");
        assert_eq!(series("japan-jama").unwrap().name(Lang::Zh), "日本（日本汽车工业协会）");
    }

    #[test]
    fn a_source_without_a_date_reads_undated() {
        assert_eq!(source("vda-china-wnevc").unwrap().date_or_undated(Lang::En), "undated");
        assert_eq!(source("vda-china-wnevc").unwrap().date_or_undated(Lang::De), "ohne Datum");
        assert_eq!(source("shine-2024-01-11").unwrap().date_or_undated(Lang::En), "11 Jan 2024");
    }

    #[test]
    fn events_are_in_date_order_with_known_sources() {
        assert!(EVENTS.windows(2).all(|w| w[0].date <= w[1].date));
        assert!(EVENTS.iter().all(|e| source(e.source).is_some()));
        assert!(EVENTS.iter().any(|e| e.topic == "sino-german"));
    }
}
