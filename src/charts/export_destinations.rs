//! Chapter 3's chart: where China's cars go, market by market, for a chosen year.

use crate::charts::option::Chart;

use super::{Choice, ranking};
use crate::charts::display::Display;
use crate::i18n::{Lang, t};
use crate::story::model::Unit;
use crate::story::table::Table;

pub const CHART_ID: &str = crate::story::registry::EXPORT_DESTINATIONS;

const UNITS: &[&str] = &["dest-russia", "dest-mexico", "dest-uae", "dest-belgium", "dest-brazil", "dest-uk", "dest-australia"];
const VALUES: &[&str] = &["value-russia", "value-belgium", "value-uk", "value-mexico", "value-australia", "value-saudi", "value-uae"];

/// Which year, and which count: the data holds no single full-year unit count for every market.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MarketsView {
    #[default]
    Year2025,
    Year2024,
    /// January–May 2023, China's customs, the only early period with every large market.
    EarlyYear2023,
    /// 2023 in US dollars, China's customs.
    Value2023,
}

impl Choice for MarketsView {
    const ALL: &'static [(Self, &'static str)] = &[
        (MarketsView::Year2025, "2025"),
        (MarketsView::Year2024, "2024"),
        (MarketsView::EarlyYear2023, "2023-jan-may"),
        (MarketsView::Value2023, "2023-value"),
    ];

    fn label(self, lang: Lang) -> &'static str {
        match self {
            MarketsView::Year2025 => t::destinations_view_2025(lang),
            MarketsView::Year2024 => t::destinations_view_2024(lang),
            MarketsView::EarlyYear2023 => t::destinations_view_jan_may_2023(lang),
            MarketsView::Value2023 => t::destinations_view_value_2023(lang),
        }
    }
}

pub fn unit(view: MarketsView) -> Unit {
    if view == MarketsView::Value2023 { Unit::UsdBn } else { Unit::Vehicles }
}

pub fn entries(view: MarketsView) -> Vec<ranking::Entry> {
    match view {
        MarketsView::Year2025 => ranking::entries(UNITS, 2025, None),
        MarketsView::Year2024 => ranking::entries(UNITS, 2024, None),
        MarketsView::EarlyYear2023 => ranking::entries(UNITS, 2023, Some("jan-may")),
        MarketsView::Value2023 => ranking::entries(VALUES, 2023, Some("")),
    }
}

/// The series and column name: what is counted, and for which period.
fn series_name(view: MarketsView, lang: Lang) -> String {
    let measure = match view {
        MarketsView::Value2023 => t::destinations_measure_usd_bn(lang),
        _ => t::destinations_measure_vehicles(lang),
    };
    t::destinations_series_name(lang, measure, view.label(lang))
}

pub fn chart(view: MarketsView, display: Display) -> Chart {
    let lang = display.lang;
    ranking::chart("markets", &series_name(view, lang), &entries(view), unit(view), display)
}

pub fn table(view: MarketsView, lang: Lang) -> Table {
    ranking::table(t::destinations_row_header(lang), series_name(view, lang), &entries(view), lang)
}

pub fn description(view: MarketsView, lang: Lang) -> String {
    ranking::describe(&t::destinations_describe_what(lang, view.label(lang)), &entries(view), unit(view), lang)
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::charts::to_json;
    #[allow(unused_imports)]
    use crate::i18n::{Lang, t};

    fn option(view: MarketsView) -> Value {
        serde_json::from_str(&to_json(&chart(view, Display::default()))).unwrap()
    }

    #[test]
    fn markets_are_ranked_largest_first_with_partial_years_labelled() {
        let o = option(MarketsView::Year2025);
        let names: Vec<&str> = o["yAxis"]["data"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert_eq!(names[..3], ["Mexico", "Russia", "United Arab Emirates"]);
        // The part-year note goes on a line of its own.
        assert!(names.contains(&"Belgium\n(January–September)"), "{names:?}");
        assert_eq!(o["series"][0]["data"][0]["value"], 625_200.0);
    }

    #[test]
    fn each_view_changes_the_figures() {
        let a = option(MarketsView::Year2024)["series"][0]["data"][0]["value"].clone();
        let b = option(MarketsView::EarlyYear2023)["series"][0]["data"][0]["value"].clone();
        let c = option(MarketsView::Value2023)["series"][0]["data"][0]["value"].clone();
        assert_eq!((a, b, c), (1_160_000.0.into(), 287_000.0.into(), 5.93.into()));
        assert_eq!(unit(MarketsView::Value2023), Unit::UsdBn);
    }

    #[test]
    fn missing_markets_are_said_and_kept_as_gaps_in_the_table() {
        let text = description(MarketsView::Year2025, Lang::En);
        assert!(text.contains("No figure found for Brazil, Australia"), "{text}");
        let t = table(MarketsView::Year2025, Lang::En);
        assert_eq!(t.rows.len(), 7);
        assert!(t.rows.last().unwrap().cells[0].is_none());
        assert_eq!(t.row_header, "Market");
        assert_eq!(t.columns[0], "Vehicles, 2025");
    }

    #[test]
    fn other_languages_name_the_view_and_the_measure() {
        let de = description(MarketsView::Value2023, Lang::De);
        assert!(de.starts_with("Balkendiagramm: Chinas Fahrzeugexporte nach Zielmarkt, 2023 (US$)"), "{de}");
        assert!(de.contains("5,93 Mrd. US$"), "{de}");
        let zh = table(MarketsView::EarlyYear2023, Lang::Zh);
        assert_eq!(zh.row_header, "市场");
        assert_eq!(zh.columns[0], "出口量（辆），2023年1–5月");
        let display = Display { lang: Lang::Nl, ..Display::default() };
        let o: Value = serde_json::from_str(&to_json(&chart(MarketsView::Value2023, display))).unwrap();
        assert_eq!(o["series"][0]["name"], "miljard US$, 2023 (US$)");
    }
}
