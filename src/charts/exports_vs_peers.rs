//! Chapter 1's chart: China's vehicle exports against Japan, Germany and South Korea.

use crate::charts::option::Chart;
use charming::element::MarkLine;

use super::{end_label_room, yearly_line, yearly_line_chart};
use crate::charts::display::Display;
use crate::i18n::{Lang, t};
use crate::story::format;
use crate::story::model::{Country, Series, Unit, series};
use crate::story::table::Table;

pub const CHART_ID: &str = crate::story::registry::EXPORTS_VS_PEERS;
pub const YEARS: [u16; 11] = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

/// Which of China's counts is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChinaCount {
    /// Makers' shipments (CAAM): the longest run of years.
    #[default]
    Caam,
    /// Customs (GACC): higher, since it includes chassis and used cars.
    Customs,
    Both,
}

/// The reader's choices for this chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OvertakingView {
    pub count: ChinaCount,
    pub japan: bool,
    pub germany: bool,
    pub korea: bool,
}

impl Default for OvertakingView {
    fn default() -> Self {
        Self { count: ChinaCount::Caam, japan: true, germany: true, korea: true }
    }
}

impl OvertakingView {
    pub fn shows(&self, peer: Country) -> bool {
        match peer {
            Country::China => true,
            Country::Japan => self.japan,
            Country::Germany => self.germany,
            Country::Korea => self.korea,
        }
    }

    pub fn with_peer(mut self, peer: Country, shown: bool) -> Self {
        match peer {
            Country::China => {}
            Country::Japan => self.japan = shown,
            Country::Germany => self.germany = shown,
            Country::Korea => self.korea = shown,
        }
        self
    }
}

pub const PEERS: [Country; 3] = [Country::Japan, Country::Germany, Country::Korea];

fn peer_series(peer: Country) -> &'static Series {
    let id = match peer {
        Country::Japan => "japan-jama",
        Country::Germany => "germany-vda",
        Country::Korea => "korea-kama",
        Country::China => "china-caam",
    };
    series(id).expect("data/series.toml defines every peer series")
}

fn china_series(count: ChinaCount) -> Vec<&'static Series> {
    let caam = series("china-caam").expect("data/series.toml defines china-caam");
    let customs = series("china-customs").expect("data/series.toml defines china-customs");
    match count {
        ChinaCount::Caam => vec![caam],
        ChinaCount::Customs => vec![customs],
        ChinaCount::Both => vec![caam, customs],
    }
}

/// The series on screen for a view, in legend order. The table, the sources and the CSV all
/// follow this list, so they always match the chart.
pub fn shown_series(view: &OvertakingView) -> Vec<&'static Series> {
    let mut out = china_series(view.count);
    out.extend(PEERS.iter().filter(|p| view.shows(**p)).map(|p| peer_series(*p)));
    out
}

/// The figures on screen, as a table.
pub fn table(view: &OvertakingView, lang: Lang) -> Table {
    Table::yearly(&shown_series(view), &YEARS, lang)
}

pub const UNIT: Unit = Unit::Vehicles;

/// The years a shown line has no whole-year figure for, as a sentence ("No full-year figure was
/// found for China (CAAM) 2016–2018: ..."), or `None` when no line has a gap. Computed from the
/// data, so the note changes as soon as a gap is filled.
pub fn gaps(view: &OvertakingView, lang: Lang) -> Option<String> {
    let runs: Vec<String> = shown_series(view)
        .iter()
        .filter_map(|s| {
            let missing: Vec<u16> = YEARS.iter().copied().filter(|y| s.point(*y).is_none()).collect();
            if missing.is_empty() {
                return None;
            }
            // Consecutive years as one span: 2016–2018.
            let mut spans: Vec<(u16, u16)> = Vec::new();
            for y in missing {
                match spans.last_mut() {
                    Some((_, end)) if *end + 1 == y => *end = y,
                    _ => spans.push((y, y)),
                }
            }
            let years: Vec<String> = spans.iter().map(|(a, b)| if a == b { a.to_string() } else { format!("{a}–{b}") }).collect();
            let gap = if lang == Lang::Zh { "" } else { " " };
            Some(format!("{}{gap}{}", s.name(lang), years.join(t::common_list_separator(lang))))
        })
        .collect();
    (!runs.is_empty()).then(|| t::overtaking_gaps(lang, &runs.join(t::common_clause_separator(lang))))
}

/// The year for which every count of China and of Japan was found.
pub const COMPARED_YEAR: u16 = 2023;
const COMPARED: [&str; 5] = ["china-caam", "china-customs", "china-cpca", "japan-jama", "japan-customs"];

/// Every count of 2023 side by side, so the reader sees how far counts differ and why.
pub fn counts_compared(lang: Lang) -> Table {
    let series: Vec<&'static Series> = COMPARED.iter().filter_map(|id| series(id)).collect();
    Table {
        lang,
        row_header: t::overtaking_counts_row_header(lang),
        columns: vec![t::overtaking_counts_column(lang, &COMPARED_YEAR.to_string())],
        rows: series
            .iter()
            .map(|s| crate::story::table::Row {
                label: s.name(lang),
                cells: vec![s.point(COMPARED_YEAR).map(|p| crate::story::table::Cell::from_point(s, p, lang))],
            })
            .collect(),
        series,
    }
}

/// The first year in which China's count exceeds Japan's, having been below it the year before.
pub fn overtaking_year(china: &Series, japan: &Series) -> Option<u16> {
    YEARS.windows(2).find_map(|pair| {
        let before = (china.point(pair[0])?.value, japan.point(pair[0])?.value);
        let after = (china.point(pair[1])?.value, japan.point(pair[1])?.value);
        (before.0 < before.1 && after.0 > after.1).then_some(pair[1])
    })
}

/// `focus` is the year the story's current step is about (scrollytelling), marked on the chart.
pub fn chart(view: &OvertakingView, focus: Option<u16>, display: Display) -> Chart {
    let lang = display.lang;
    let shown = shown_series(view);
    let values: Vec<Vec<Option<f64>>> = shown.iter().map(|s| YEARS.iter().map(|&y| s.point(y).map(|p| p.value)).collect()).collect();
    let lines: Vec<(String, &[Option<f64>])> = shown.iter().zip(&values).map(|(s, v)| (s.name(lang), v.as_slice())).collect();
    let mut chart = yearly_line_chart(&YEARS, end_label_room(&lines, UNIT, display), display);
    let japan = view.japan.then(|| peer_series(Country::Japan));
    for (i, s) in shown.iter().enumerate() {
        let dashed = s.id == "china-customs";
        let mut line = yearly_line(s, &YEARS, dashed, display);
        // The crossing is marked on the makers' count, which compares new cars with new cars.
        let crossing = if s.id == "china-caam" { japan.and_then(|j| overtaking_year(s, j)) } else { None };
        let mut marks: Vec<(u16, Option<String>)> = crossing.map(|y| (y, Some(crossing_label(lang, y, display)))).into_iter().collect();
        // The step's year gets an unlabelled line: the step's text beside the chart says the
        // figure, and a label at the first or last year would be cut off or collide.
        if let Some(year) = focus.filter(|y| i == 0 && Some(*y) != crossing) {
            marks.push((year, None));
        }
        if !marks.is_empty() {
            line = line.mark_line(year_marks(&marks, display));
        }
        chart = chart.series(super::end_labelled(line, &values[i], display));
    }
    chart
}

/// "2023: China passes Japan", on two lines on a phone, where one would run off the chart.
fn crossing_label(lang: Lang, year: u16, display: Display) -> String {
    let label = t::overtaking_crossing_label(lang, &year.to_string());
    if display.narrow { super::wrap_label(&label, 14) } else { label.to_string() }
}

/// Dotted vertical lines at years, each with its own label or none.
fn year_marks(marks: &[(u16, Option<String>)], display: Display) -> MarkLine {
    let marks: Vec<super::CategoryMark> = marks
        .iter()
        .map(|(year, label)| super::CategoryMark {
            category: year.to_string(),
            index: YEARS.iter().position(|y| y == year).unwrap_or(0),
            label: label.clone(),
            raise: 0.0,
        })
        .collect();
    super::category_marks(&marks, YEARS.len(), display)
}

/// The chart's text alternative: what it shows and its main finding, from the data on screen.
pub fn description(view: &OvertakingView, lang: Lang) -> String {
    let shown = shown_series(view);
    let names: Vec<String> = shown.iter().map(|s| s.name(lang)).collect();
    let mut text = t::overtaking_description_lines(
        lang,
        &YEARS[0].to_string(),
        &YEARS[YEARS.len() - 1].to_string(),
        &names.join(t::common_list_separator(lang)),
    );
    let china = shown[0];
    let whole_years = || china.points.iter().filter(|p| p.period.is_empty());
    if let (Some(first), Some(last)) = (whole_years().next(), whole_years().next_back()) {
        text.push_str(crate::i18n::sentence_gap(lang));
        text.push_str(&t::overtaking_description_rose(
            lang,
            &china.name(lang),
            &format::count(lang, first.value),
            &first.year.to_string(),
            &format::count(lang, last.value),
            &last.year.to_string(),
        ));
    }
    if view.japan {
        let caam = series("china-caam").expect("data/series.toml defines china-caam");
        let japan = peer_series(Country::Japan);
        if let Some(year) = overtaking_year(caam, japan) {
            let (c, j) = (caam.point(year).unwrap().value, japan.point(year).unwrap().value);
            text.push_str(crate::i18n::sentence_gap(lang));
            text.push_str(&t::overtaking_description_passed(lang, &year.to_string(), &format::count(lang, c), &format::count(lang, j)));
        }
    }
    text
}

#[cfg(test)]
mod tests;
