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
    let ends: Vec<(String, Option<f64>)> = shown
        .iter()
        .filter_map(|s| {
            let last = YEARS.iter().rposition(|&y| s.point(y).is_some())?;
            super::ends_at_the_right(last, YEARS.len()).then(|| (s.name(lang), s.point(YEARS[last]).map(|p| p.value)))
        })
        .collect();
    let mut chart = yearly_line_chart(&YEARS, end_label_room(&ends, UNIT, display), display);
    let japan = view.japan.then(|| peer_series(Country::Japan));
    for (i, s) in shown.iter().enumerate() {
        let dashed = s.id == "china-customs";
        let values: Vec<Option<f64>> = YEARS.iter().map(|&y| s.point(y).map(|p| p.value)).collect();
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
        chart = chart.series(super::end_labelled(line, &values, display));
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
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::charts::to_json;
    #[allow(unused_imports)]
    use crate::i18n::Lang;

    fn option(view: OvertakingView) -> Value {
        serde_json::from_str(&to_json(&chart(&view, None, Display::default()))).unwrap()
    }

    fn series_names(option: &Value) -> Vec<String> {
        option["series"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap().to_string()).collect()
    }

    #[test]
    fn default_view_shows_china_caam_and_three_peers() {
        let option = option(OvertakingView::default());
        assert_eq!(series_names(&option), ["China (CAAM)", "Japan (JAMA)", "Germany (VDA, cars only)", "South Korea (KAMA/MOTIE)"]);
        let years: Vec<&str> = option["xAxis"]["data"].as_array().unwrap().iter().map(|y| y.as_str().unwrap()).collect();
        assert_eq!(years.first(), Some(&"2015"));
        assert_eq!(years.last(), Some(&"2025"));
    }

    #[test]
    fn values_come_from_the_data_with_gaps_as_null() {
        let option = option(OvertakingView::default());
        let china = &option["series"][0]["data"];
        assert_eq!(china[0], 728_200.0); // 2015
        assert!(china[1].is_null(), "2016 has no sourced figure: a gap, not a zero");
        assert_eq!(china[8], 4_910_000.0); // 2023
        assert_eq!(china[10], 7_098_000.0); // 2025
        assert_eq!(option["series"][1]["data"][8], 4_420_000.0); // Japan 2023
        assert_eq!(option["series"][0]["connectNulls"], false);
    }

    #[test]
    fn the_count_toggle_swaps_china_series() {
        let customs = option(OvertakingView { count: ChinaCount::Customs, ..Default::default() });
        assert_eq!(series_names(&customs)[0], "China (customs)");
        assert_eq!(customs["series"][0]["data"][8], 5_220_000.0);
        assert_eq!(customs["series"][0]["lineStyle"]["type"], "dashed");
        let both = option(OvertakingView { count: ChinaCount::Both, ..Default::default() });
        assert_eq!(series_names(&both)[..2], ["China (CAAM)", "China (customs)"]);
    }

    #[test]
    fn switching_a_peer_off_removes_its_series() {
        let view = OvertakingView::default().with_peer(Country::Germany, false).with_peer(Country::Korea, false);
        assert_eq!(series_names(&option(view)), ["China (CAAM)", "Japan (JAMA)"]);
        let none = OvertakingView { japan: false, germany: false, korea: false, ..Default::default() };
        assert_eq!(series_names(&option(none)), ["China (CAAM)"]);
    }

    #[test]
    fn the_crossing_is_marked_only_when_japan_is_shown() {
        let with_japan = option(OvertakingView::default());
        let mark = &with_japan["series"][0]["markLine"];
        assert_eq!(mark["data"][0]["xAxis"], "2023");
        assert_eq!(mark["data"][0]["label"]["formatter"], "2023: China passes Japan");
        let without = option(OvertakingView { japan: false, ..Default::default() });
        assert!(without["series"][0].get("markLine").is_none());
    }

    #[test]
    fn low_confidence_figures_are_drawn_hollow() {
        let o = option(OvertakingView::default());
        let low = crate::story::model::SERIES
            .iter()
            .flat_map(|s| s.points.iter().map(move |p| (s, p)))
            .find(|(s, p)| s.id == "china-customs" && p.confidence == crate::story::model::Confidence::Low);
        // The default view's series have no low-confidence figure today; the customs count's
        // hollow points are checked wherever one exists, and the rule itself on a medium one.
        if let Some((_, p)) = low {
            let both = option(OvertakingView { count: ChinaCount::Both, ..Default::default() });
            let i = YEARS.iter().position(|y| *y == p.year).unwrap();
            assert_eq!(both["series"][1]["data"][i]["itemStyle"]["borderWidth"], 2.0);
        }
        assert_eq!(o["series"][3]["data"][4], 2_400_000.0, "medium confidence is a plain point");
    }

    #[test]
    fn a_story_step_marks_its_year() {
        let o: Value = serde_json::from_str(&to_json(&chart(&OvertakingView::default(), Some(2020), Display::default()))).unwrap();
        let data = &o["series"][0]["markLine"]["data"];
        assert_eq!(data[1]["xAxis"], "2020");
        assert_eq!(data[1]["label"]["show"], false);
        let on_crossing: Value =
            serde_json::from_str(&to_json(&chart(&OvertakingView::default(), Some(2023), Display::default()))).unwrap();
        assert_eq!(on_crossing["series"][0]["markLine"]["data"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn the_counts_of_2023_sit_side_by_side() {
        let t = counts_compared(Lang::En);
        let values: Vec<f64> = t.rows.iter().map(|r| r.cells[0].as_ref().unwrap().value.unwrap()).collect();
        assert_eq!(values, [4_910_000.0, 5_220_000.0, 5_260_000.0, 4_420_000.0, 5_970_000.0]);
        assert_eq!(t.rows[4].label, "Japan (customs)");
        assert_eq!(t.sources().len(), 5);
    }

    #[test]
    fn china_passes_japan_in_2023() {
        let caam = series("china-caam").unwrap();
        let japan = series("japan-jama").unwrap();
        assert_eq!(overtaking_year(caam, japan), Some(2023));
    }

    #[test]
    fn countries_keep_their_colour_and_marker() {
        let a = option(OvertakingView::default());
        let b = option(OvertakingView { japan: false, ..Default::default() });
        let colour = |o: &Value, name: &str| {
            o["series"].as_array().unwrap().iter().find(|s| s["name"] == name).unwrap()["itemStyle"]["color"].clone()
        };
        assert_eq!(colour(&a, "Germany (VDA, cars only)"), colour(&b, "Germany (VDA, cars only)"));
        assert_ne!(a["series"][0]["symbol"], a["series"][1]["symbol"]);
    }

    #[test]
    fn a_narrow_screen_leaves_room_for_a_wrapped_legend() {
        let wide = option(OvertakingView::default());
        let narrow: Value =
            serde_json::from_str(&to_json(&chart(&OvertakingView::default(), None, Display { narrow: true, ..Default::default() })))
                .unwrap();
        assert!(narrow["grid"][0]["top"].as_f64() > wide["grid"][0]["top"].as_f64(), "{} vs {}", narrow["grid"], wide["grid"]);
    }

    #[test]
    fn reduced_motion_turns_animation_off() {
        let still = to_json(&chart(&OvertakingView::default(), None, Display { reduced_motion: true, ..Default::default() }));
        assert!(still.contains("\"animation\":false"));
    }

    #[test]
    fn the_description_states_the_finding() {
        let text = description(&OvertakingView::default(), Lang::En);
        assert!(text.contains("China (CAAM) rose from 728,200 in 2015 to 7.1 million in 2025"), "{text}");
        assert!(text.contains("In 2023 China passed Japan as the largest exporter: 4.91 million against 4.42 million"), "{text}");
        let customs = description(&OvertakingView { count: ChinaCount::Customs, japan: false, ..Default::default() }, Lang::En);
        assert!(customs.contains("China (customs) rose from 1.08 million in 2020 to 6.41 million in 2024"), "{customs}");
        assert!(!customs.contains("passed Japan"));
    }

    #[test]
    fn other_languages_get_their_own_words_and_numbers() {
        let german = description(&OvertakingView::default(), Lang::De);
        assert!(german.starts_with("Liniendiagramm der Fahrzeugexporte pro Jahr, 2015 bis 2025: "), "{german}");
        assert!(german.contains("2023 überholte China Japan als größter Exporteur: 4,91 Mio. gegenüber 4,42 Mio."), "{german}");
        let chinese = description(&OvertakingView::default(), Lang::Zh);
        assert!(chinese.contains("2023年，中国超过日本，成为最大出口国：491万辆对442万辆。"), "{chinese}");
        assert!(!chinese.contains("。 "), "Chinese sentences follow each other without a space: {chinese}");
        assert_eq!(t::overtaking_title(Lang::Zh), "中国超越老牌汽车出口国");
        let o: Value =
            serde_json::from_str(&to_json(&chart(&OvertakingView::default(), None, Display { lang: Lang::Nl, ..Default::default() })))
                .unwrap();
        assert_eq!(o["series"][0]["markLine"]["data"][0]["label"]["formatter"], "2023: China passeert Japan");
        let table = counts_compared(Lang::De);
        assert_eq!((table.row_header, table.columns[0].as_str()), ("Zählung", "Exportierte Fahrzeuge, 2023"));
        assert_eq!(counts_compared(Lang::Zh).columns[0], "2023年汽车出口量");
    }

    #[test]
    fn english_headers_of_the_2023_table_stay_as_they_were() {
        let table = counts_compared(Lang::En);
        assert_eq!((table.row_header, table.columns[0].as_str()), ("Count", "Vehicles exported, 2023"));
    }

    #[test]
    fn every_gap_of_the_lines_on_screen_is_named_in_the_note() {
        let default = gaps(&OvertakingView::default(), Lang::En).unwrap();
        assert!(default.starts_with("No full-year figure was found for China (CAAM) 2016–2018"), "{default}");
        assert!(!default.contains("Japan"), "Japan's calendar years are complete: {default}");
        let customs = gaps(&OvertakingView { count: ChinaCount::Customs, ..Default::default() }, Lang::En).unwrap();
        assert!(customs.contains("China (customs) 2015–2019, 2021, 2025"), "{customs}");
        let zh = gaps(&OvertakingView::default(), Lang::Zh).unwrap();
        assert!(zh.contains("中国（中汽协）2016–2018"), "{zh}");
    }
}
