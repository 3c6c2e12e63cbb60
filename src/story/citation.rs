//! "Cite": a ready citation of the story or of one of its charts, as a sentence and as BibTeX, in
//! the reader's language, with the month the newest figure runs to and the day it was read.

use crate::i18n::{Lang, t};
use crate::story::format;
use crate::story::model::{SERIES, Series};

/// The last month the newest figure in the data covers, as "YYYY-MM" (`newest_month`).
pub fn figures_up_to() -> String {
    let (year, month) = newest_month(SERIES);
    format!("{year}-{month:02}")
}

/// The last month that the newest figure of `series` covers: a monthly figure its month, a
/// whole-year figure December, a part-year one its last month. Forecasts (series ending in
/// `-forecast`) are not figures of what happened, so they do not count.
pub fn newest_month(series: &[Series]) -> (u16, u8) {
    series
        .iter()
        .filter(|s| !s.id.ends_with("-forecast"))
        .flat_map(|s| s.points.iter())
        .map(|p| (p.year, p.last_month))
        .max()
        .unwrap_or((0, 12))
}

/// What is cited: the story, or one chart of it ("China's car export surge, explained: China
/// overtakes the established exporters").
fn work(lang: Lang, chart_title: Option<&str>) -> String {
    match chart_title {
        Some(chart) => t::ui_cite_work_chart(lang, t::ui_title(lang), chart),
        None => t::ui_title(lang).to_string(),
    }
}

/// The citation as a sentence. `accessed` is the day the reader read it, "YYYY-MM-DD".
pub fn text(lang: Lang, chart_title: Option<&str>, url: &str, accessed: &str) -> String {
    t::ui_cite_text(lang, &work(lang, chart_title), url, &format::date(lang, &figures_up_to()), &format::date(lang, accessed))
}

/// The citation as a BibTeX entry (`@misc`, with biblatex's `urldate`).
pub fn bibtex(lang: Lang, chart: Option<(&str, &str)>, url: &str, accessed: &str) -> String {
    let year = accessed.get(..4).unwrap_or_default();
    let key = format!("china-car-exports-{}{year}", chart.map(|(id, _)| format!("{id}-")).unwrap_or_default());
    let title = escape_bibtex(&work(lang, chart.map(|(_, title)| title)));
    let note = escape_bibtex(&t::ui_cite_note(lang, &format::date(lang, &figures_up_to())));
    format!(
        "@misc{{{key},\n  title = {{{title}}},\n  howpublished = {{\\url{{{url}}}}},\n  year = {{{year}}},\n  note = {{{note}}},\n  urldate = {{{accessed}}}\n}}\n"
    )
}

/// Text safe inside a BibTeX field: its special characters escaped, braces balanced away.
fn escape_bibtex(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '{' | '}' | '\\' => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::model::{Confidence, Point, Unit};

    #[test]
    fn the_figures_run_to_the_newest_month_in_the_data() {
        let up_to = figures_up_to();
        assert!(up_to.as_str() >= "2026-02", "{up_to}");
        assert_eq!(up_to.len(), 7);
    }

    fn fixture(id: &'static str, points: &'static [Point]) -> Series {
        Series { id, label: "l", country: None, count: "", definition: "d", unit: Unit::Vehicles, points }
    }

    #[test]
    fn the_newest_month_comes_from_the_newest_figure_of_any_kind_but_a_forecast() {
        static YEARS: [Point; 2] = [Point { year: 2024, ..P }, Point { year: 2025, ..P }];
        static PART: [Point; 1] = [Point { year: 2026, period: "jan-aug", last_month: 8, ..P }];
        static MONTHS: [Point; 2] =
            [Point { year: 2026, month: 9, last_month: 9, ..P }, Point { year: 2026, month: 10, last_month: 10, ..P }];
        static AHEAD: [Point; 1] = [Point { year: 2027, ..P }];
        const P: Point = Point {
            year: 0,
            period: "",
            month: 0,
            last_month: 12,
            value: 1.0,
            confidence: Confidence::High,
            source: "s",
            derived_from: "",
            note: "",
            verdict: crate::story::model::Verdict::Confirmed,
            checked: "2026-12-02",
        };
        assert_eq!(newest_month(&[fixture("a", &YEARS)]), (2025, 12));
        assert_eq!(newest_month(&[fixture("a", &YEARS), fixture("b", &PART)]), (2026, 8));
        assert_eq!(newest_month(&[fixture("a", &YEARS), fixture("b", &PART), fixture("m", &MONTHS)]), (2026, 10));
        assert_eq!(newest_month(&[fixture("a", &YEARS), fixture("china-forecast", &AHEAD)]), (2025, 12));
    }

    #[test]
    fn a_chart_citation_names_the_story_the_chart_the_address_and_the_dates() {
        let url = "https://example.org/story/?count=both#overtaking";
        let en = text(Lang::En, Some("China overtakes the established exporters"), url, "2026-11-27");
        assert!(
            en.starts_with("China's car export surge, explained: China overtakes the established exporters. https://example.org/"),
            "{en}"
        );
        assert!(en.contains(&format!("Figures up to {}", format::date(Lang::En, &figures_up_to()))), "{en}");
        assert!(en.ends_with("Accessed 27 Nov 2026."), "{en}");
        let de = text(Lang::De, None, url, "2026-11-27");
        assert!(de.contains("Abgerufen am 27. Nov. 2026"), "{de}");
        let zh = text(Lang::Zh, None, url, "2026-11-27");
        assert!(zh.contains("2026年11月27日"), "{zh}");
    }

    #[test]
    fn the_bibtex_entry_is_well_formed() {
        let entry = bibtex(Lang::En, Some(("exports-vs-peers", "China & Japan_100%")), "https://example.org/?a=1#x", "2026-11-27");
        assert!(entry.starts_with("@misc{china-car-exports-exports-vs-peers-2026,\n"), "{entry}");
        assert!(entry.contains("title = {China's car export surge, explained: China \\& Japan\\_100\\%},"), "{entry}");
        assert!(entry.contains("howpublished = {\\url{https://example.org/?a=1#x}},"), "{entry}");
        assert!(entry.contains("urldate = {2026-11-27}"), "{entry}");
        assert_eq!(entry.matches('{').count(), entry.matches('}').count());
        assert!(bibtex(Lang::En, None, "https://example.org/", "2026-11-27").starts_with("@misc{china-car-exports-2026,"));
    }
}
