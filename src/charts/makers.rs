//! Chapter 4's chart: which Chinese makers ship the cars abroad.

use charming::Chart;

use super::{Choice, ranking};
use crate::display::Display;
use crate::i18n::Lang;
use crate::model::Unit;
use crate::table::Table;

pub const CHART_ID: &str = "exports-by-maker";

const MAKERS: &[&str] = &[
    "maker-chery",
    "maker-saic",
    "maker-byd",
    "maker-geely",
    "maker-great-wall",
    "maker-tesla-shanghai",
    "maker-changan",
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
    const ALL: &'static [(Self, &'static str)] = &[(MakersView::Year2024, "2024"), (MakersView::Year2023, "2023"), (MakersView::Year2025, "2025")];

    fn label(self, lang: Lang) -> &'static str {
        let _ = lang;
        match self {
            MakersView::Year2024 => "2024",
            MakersView::Year2023 => "2023",
            MakersView::Year2025 => "Jan–Sep 2025",
        }
    }
}

pub const UNIT: Unit = Unit::Vehicles;

pub fn entries(view: MakersView) -> Vec<ranking::Entry> {
    match view {
        MakersView::Year2023 => ranking::entries(MAKERS, 2023, None),
        MakersView::Year2024 => ranking::entries(MAKERS, 2024, None),
        MakersView::Year2025 => ranking::entries(MAKERS, 2025, Some("jan-sep")),
    }
}

pub fn chart(view: MakersView, display: Display) -> Chart {
    let lang = display.lang;
    ranking::chart("makers", &format!("Vehicles exported, {}", view.label(lang)), &entries(view), display)
}

pub fn table(view: MakersView, lang: Lang) -> Table {
    ranking::table("Maker", format!("Vehicles exported, {}", view.label(lang)), &entries(view), lang)
}

pub fn description(view: MakersView, lang: Lang) -> String {
    ranking::describe(&format!("vehicle exports by Chinese maker, {}", view.label(lang)), &entries(view), UNIT, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::i18n::Lang;
    use crate::charts::to_json;

    #[test]
    fn chery_leads_2024_and_gaps_are_named() {
        let o: serde_json::Value = serde_json::from_str(&to_json(&chart(MakersView::Year2024, Display::default()))).unwrap();
        assert_eq!(o["yAxis"]["data"][0], "Chery");
        assert_eq!(o["series"][0]["data"][0]["value"], 1_140_000.0);
        let text = description(MakersView::Year2024, Lang::En);
        assert!(text.contains("No figure found for Tesla (Shanghai plant), Changan"), "{text}");
    }

    #[test]
    fn the_2023_view_marks_half_year_figures_and_2025_uses_january_to_september() {
        let text = description(MakersView::Year2023, Lang::En);
        assert!(text.contains("Great Wall (first half)"), "{text}");
        let t = table(MakersView::Year2025, Lang::En);
        assert_eq!(t.rows[0].label, "Chery");
        assert_eq!(t.rows[0].cells[0].as_ref().unwrap().value, Some(936_000.0));
    }
}
