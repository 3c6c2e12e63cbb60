//! Chapter 4's chart: which Chinese makers ship the cars abroad.

use crate::charts::option::Chart;

use super::{Choice, ranking};
use crate::charts::display::Display;
use crate::i18n::{Lang, t};
use crate::story::model::Unit;
use crate::story::table::Table;

pub const CHART_ID: &str = crate::story::registry::EXPORTS_BY_MAKER;

/// Each maker's series, one per count: its own reports, then CAAM's count of its brands (the
/// only count of every maker for January–September 2025). A view takes the first with a figure.
const MAKERS: &[&[&str]] = &[
    &["maker-chery", "maker-chery-caam"],
    &["maker-saic", "maker-saic-caam"],
    &["maker-byd", "maker-byd-caam"],
    &["maker-geely", "maker-geely-caam"],
    &["maker-great-wall", "maker-great-wall-caam"],
    &["maker-tesla-shanghai"],
    &["maker-changan"],
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MakersView {
    #[default]
    Year2024,
    Year2023,
    /// January–September 2025, the latest comparable period.
    Year2025,
}

impl Choice for MakersView {
    const ALL: &'static [(Self, &'static str)] =
        &[(MakersView::Year2024, "2024"), (MakersView::Year2023, "2023"), (MakersView::Year2025, "2025")];

    fn label(self, lang: Lang) -> &'static str {
        match self {
            MakersView::Year2024 => t::makers_view_2024(lang),
            MakersView::Year2023 => t::makers_view_2023(lang),
            MakersView::Year2025 => t::makers_view_jan_sep_2025(lang),
        }
    }
}

pub const UNIT: Unit = Unit::Vehicles;

pub fn entries(view: MakersView) -> Vec<ranking::Entry> {
    match view {
        MakersView::Year2023 => ranking::entries_of_groups(MAKERS, 2023, None),
        MakersView::Year2024 => ranking::entries_of_groups(MAKERS, 2024, None),
        MakersView::Year2025 => ranking::entries_of_groups(MAKERS, 2025, Some("jan-sep")),
    }
}

pub fn chart(view: MakersView, display: Display) -> Chart {
    let lang = display.lang;
    ranking::chart("makers", &t::makers_series_name(lang, view.label(lang)), &entries(view), UNIT, display)
}

pub fn table(view: MakersView, lang: Lang) -> Table {
    ranking::table(t::makers_row_header(lang), t::makers_series_name(lang, view.label(lang)), &entries(view), lang)
}

pub fn description(view: MakersView, lang: Lang) -> String {
    ranking::describe(&t::makers_describe_what(lang, view.label(lang)), &entries(view), UNIT, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::to_json;
    #[allow(unused_imports)]
    use crate::i18n::{Lang, t};

    #[test]
    fn chery_leads_2024_and_gaps_are_named() {
        let o: serde_json::Value = serde_json::from_str(&to_json(&chart(MakersView::Year2024, Display::default()))).unwrap();
        assert_eq!(o["yAxis"]["data"][0], "Chery\n(company report)", "2024 mixes the makers' own reports with McKinsey's count");
        assert_eq!(o["series"][0]["data"][0]["value"], 1_140_000.0);
        let text = description(MakersView::Year2024, Lang::En);
        assert!(text.contains("No figure found for Tesla (Shanghai plant), Changan"), "{text}");
    }

    #[test]
    fn the_2023_view_marks_half_year_figures_and_2025_uses_january_to_september() {
        let text = description(MakersView::Year2023, Lang::En);
        assert!(text.contains("Great Wall (CAAM, first half)"), "{text}");
        let t = table(MakersView::Year2025, Lang::En);
        assert_eq!(t.rows[0].label, "Chery");
        assert_eq!(t.rows[0].cells[0].as_ref().unwrap().value, Some(936_000.0));
        assert_eq!(t.row_header, "Maker");
        assert_eq!(t.columns[0], "Vehicles exported, Jan–Sep 2025");
    }

    #[test]
    fn a_year_that_mixes_counts_names_each_bars_count() {
        let o: serde_json::Value = serde_json::from_str(&to_json(&chart(MakersView::Year2023, Display::default()))).unwrap();
        let names: Vec<String> =
            o["yAxis"]["data"].as_array().unwrap().iter().filter_map(|v| v.as_str()).map(|n| n.replace('\n', " ")).collect();
        assert!(names.contains(&"Chery (company report)".to_string()), "{names:?}");
        assert!(names.contains(&"Tesla (Shanghai plant) (CAAM)".to_string()), "{names:?}");
        assert!(names.contains(&"Great Wall (CAAM, first half)".to_string()), "{names:?}");
        // January–September 2025 is CAAM's count for every maker: no bar needs to say so.
        let o: serde_json::Value = serde_json::from_str(&to_json(&chart(MakersView::Year2025, Display::default()))).unwrap();
        assert_eq!(o["yAxis"]["data"][0], "Chery\n(January–September)");
        let t = table(MakersView::Year2025, Lang::En);
        assert!(t.series.iter().all(|s| s.count == "CAAM"), "{:?}", t.series);
    }

    #[test]
    fn other_languages_label_the_view_and_describe_it() {
        assert_eq!(MakersView::Year2025.label(Lang::Zh), "2025年1–9月");
        let zh = description(MakersView::Year2024, Lang::Zh);
        assert!(zh.starts_with("2024年中国各车企汽车出口量条形图"), "{zh}");
        assert!(zh.contains("114万"), "{zh}");
        let de = table(MakersView::Year2024, Lang::De);
        assert_eq!(de.row_header, "Hersteller");
        assert_eq!(de.columns[0], "Exportierte Fahrzeuge, 2024");
    }
}
