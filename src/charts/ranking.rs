//! Rankings: one figure per market or maker for a chosen year, as horizontal bars, largest first.
//! Whole-year figures are preferred; a partial-year figure is shown pale and labelled with its
//! months; a missing one is said, never drawn as zero.

use crate::charts::option::Chart;

use super::{ValuePlace, bar_chart, bar_series, value_room};
use crate::charts::display::Display;
use crate::charts::palette::category_colour;
use crate::i18n::{Lang, data_text, t};
use crate::story::model::{Confidence, Point, Series, Unit, period_name, period_short_name, series_or_panic};
use crate::story::table::{Cell, Row, Table};

/// One thing ranked, with the figure chosen for the view (if any).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry {
    pub series: &'static Series,
    pub point: Option<&'static Point>,
}

/// For each series id: the figure of `period` in `year` (`None`: the whole year, else a partial one).
pub fn entries(ids: &[&str], year: u16, period: Option<&str>) -> Vec<Entry> {
    ids.iter()
        .map(|id| {
            let series = series_or_panic(id);
            let point = match period {
                Some(period) => series.point_in(year, period),
                None => series.point(year).or_else(|| series.points.iter().find(|p| p.year == year)),
            };
            Entry { series, point }
        })
        .collect()
}

/// For each group of series that rank one thing by different counts (a maker's own reports,
/// CAAM's count of it): the first series with a figure for the view, else the first of the group.
pub fn entries_of_groups(groups: &[&[&str]], year: u16, period: Option<&str>) -> Vec<Entry> {
    groups
        .iter()
        .map(|group| {
            let candidates = entries(group, year, period);
            candidates.iter().find(|e| e.point.is_some()).copied().unwrap_or(candidates[0])
        })
        .collect()
}

/// Whether the entries with a figure come from more than one count: then each bar names its own.
fn counts_mixed(entries: &[Entry]) -> bool {
    let mut counts = entries.iter().filter(|e| e.point.is_some()).map(|e| e.series.count);
    counts.next().is_some_and(|first| counts.any(|c| c != first))
}

/// Entries with a figure, largest first.
pub fn ranked(entries: &[Entry]) -> Vec<(&'static Series, &'static Point)> {
    let mut out: Vec<_> = entries.iter().filter_map(|e| e.point.map(|p| (e.series, p))).collect();
    out.sort_by(|a, b| b.1.value.total_cmp(&a.1.value));
    out
}

/// The labels of the entries without a figure.
pub fn missing(entries: &[Entry]) -> Vec<&'static str> {
    entries.iter().filter(|e| e.point.is_none()).map(|e| e.series.label).collect()
}

/// What a bar is called: the thing ranked, with its count when the view mixes counts.
fn bar_name(series: &Series, mixed: bool, lang: Lang) -> String {
    if mixed { series.name(lang) } else { data_text(lang, series.label).to_string() }
}

/// A bar's name with the part of the year its figure covers, if not all of it: "Great Wall (first
/// half)", or "Great Wall (CAAM, first half)" where the view mixes counts.
fn labelled(series: &Series, period: &str, mixed: bool, lang: Lang) -> String {
    let label = data_text(lang, series.label);
    match (period.is_empty(), mixed) {
        (true, _) => bar_name(series, mixed, lang),
        (false, false) => t::ranking_bar_label(lang, label, period),
        (false, true) => t::ranking_bar_label_count(lang, label, data_text(lang, series.count), period),
    }
}

fn bar_label(series: &Series, point: &Point, mixed: bool, lang: Lang) -> String {
    labelled(series, if point.period.is_empty() { "" } else { period_name(lang, point.period) }, mixed, lang)
}

/// A bar's name on the chart: on a phone its period is shortened ("Jan–Sep").
fn chart_label(series: &Series, point: &Point, mixed: bool, display: Display) -> String {
    if !display.narrow || point.period.is_empty() {
        return bar_label(series, point, mixed, display.lang);
    }
    labelled(series, period_short_name(display.lang, point.period), mixed, display.lang)
}

pub fn chart(id: &str, name: &str, entries: &[Entry], unit: Unit, display: Display) -> Chart {
    let ranked = ranked(entries);
    let mixed = counts_mixed(entries);
    let categories: Vec<String> = ranked.iter().map(|(s, p)| chart_label(s, p, mixed, display)).collect();
    let values: Vec<Option<f64>> = ranked.iter().map(|(_, p)| Some(p.value)).collect();
    let pale = ranked.iter().map(|(_, p)| !p.period.is_empty() || p.confidence == Confidence::Low).collect();
    let place = ValuePlace::End { horizontal: true };
    bar_chart(&categories, true, value_room(&values, unit, display), display).series(bar_series(
        id,
        name,
        values,
        pale,
        category_colour(0, display.theme),
        None,
        place,
        display,
    ))
}

/// Every entry as a row, the missing ones as gaps, so the table says what was not found.
pub fn table(row_header: &'static str, column: String, entries: &[Entry], lang: Lang) -> Table {
    let mixed = counts_mixed(entries);
    let mut rows: Vec<(Option<f64>, Row)> = entries
        .iter()
        .map(|e| {
            let cell = e.point.map(|p| Cell::from_point(e.series, p, lang));
            (e.point.map(|p| p.value), Row { label: bar_name(e.series, mixed, lang), cells: vec![cell] })
        })
        .collect();
    rows.sort_by(|a, b| b.0.unwrap_or(-1.0).total_cmp(&a.0.unwrap_or(-1.0)));
    Table {
        lang,
        row_header,
        columns: vec![column],
        rows: rows.into_iter().map(|(_, r)| r).collect(),
        series: entries.iter().filter(|e| e.point.is_some()).map(|e| e.series).collect(),
    }
}

/// "Russia leads with 1.16 million." and who has no figure, for the text alternative.
pub fn describe(what: &str, entries: &[Entry], unit: Unit, lang: Lang) -> String {
    let ranked = ranked(entries);
    let mixed = counts_mixed(entries);
    let separator = t::common_list_separator(lang);
    let mut sentences = vec![t::ranking_describe(lang, what)];
    if let Some((s, p)) = ranked.first() {
        sentences.push(t::ranking_leads(lang, &bar_label(s, p, mixed, lang), &crate::story::format::readable(lang, unit, p.value)));
    }
    let partial: Vec<String> = ranked.iter().filter(|(_, p)| !p.period.is_empty()).map(|(s, p)| bar_label(s, p, mixed, lang)).collect();
    if !partial.is_empty() {
        sentences.push(t::ranking_part_year(lang, &partial.join(separator)));
    }
    let missing: Vec<&str> = missing(entries).into_iter().map(|label| data_text(lang, label)).collect();
    if !missing.is_empty() {
        sentences.push(t::ranking_missing(lang, &missing.join(separator)));
    }
    sentences.join(crate::i18n::sentence_gap(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_description_speaks_the_readers_language() {
        let ids = ["maker-chery", "maker-tesla-shanghai"];
        let en = describe("vehicle exports", &entries(&ids, 2024, None), Unit::Vehicles, Lang::En);
        assert!(en.starts_with("Bar chart of vehicle exports, largest first. "), "{en}");
        assert!(en.contains("leads with 1.14 million."), "{en}");
        let de = describe("Fahrzeugexporte", &entries(&ids, 2024, None), Unit::Vehicles, Lang::De);
        assert!(de.starts_with("Balkendiagramm: Fahrzeugexporte"), "{de}");
        assert!(de.contains("1,14 Mio."), "{de}");
        assert!(de.contains("Keine Zahl gefunden für "), "{de}");
        let zh = describe("汽车出口", &entries(&ids, 2024, None), Unit::Vehicles, Lang::Zh);
        assert!(zh.starts_with("汽车出口条形图，按数值从大到小排列。"), "{zh}");
        assert!(zh.contains("114万"), "{zh}");
        assert!(!zh.contains("。 "), "{zh}");
    }

    #[test]
    fn partial_bars_name_their_months() {
        let ids = ["maker-chery-caam"];
        let e = entries(&ids, 2025, Some("jan-sep"));
        let (s, p) = ranked(&e)[0];
        assert_eq!(bar_label(s, p, false, Lang::En), "Chery (January–September)");
        assert_eq!(bar_label(s, p, true, Lang::En), "Chery (CAAM, January–September)");
        assert!(bar_label(s, p, false, Lang::Zh).ends_with("（1–9月）"));
        assert!(describe("x", &e, Unit::Vehicles, Lang::En).contains(" Part-year figures: Chery (January–September)."));
    }
}
