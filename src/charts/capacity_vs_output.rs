//! Chapter 5's first chart: the push. China can build far more cars than it sells.

use crate::charts::option::Chart;

use super::{Choice, ValuePlace, bar_chart, bar_series, value_room};
use crate::charts::display::Display;
use crate::charts::palette::category_colour;
use crate::i18n::{Lang, t};
use crate::story::format;
use crate::story::model::{Point, Unit, series_or_panic};
use crate::story::table::{Cell, Row, Table};

pub const CHART_ID: &str = crate::story::registry::CAPACITY_VS_OUTPUT;
pub const UNIT: Unit = Unit::Vehicles;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CapacityView {
    #[default]
    Year2024,
    Year2025,
}

impl Choice for CapacityView {
    const ALL: &'static [(Self, &'static str)] = &[(CapacityView::Year2024, "2024"), (CapacityView::Year2025, "2025")];

    /// The years are the labels, the same in every language.
    fn label(self, _: Lang) -> &'static str {
        match self {
            CapacityView::Year2024 => "2024",
            CapacityView::Year2025 => "2025",
        }
    }
}

fn year(view: CapacityView) -> u16 {
    if view == CapacityView::Year2025 { 2025 } else { 2024 }
}

/// The five bars, in order.
fn bars(lang: Lang) -> [&'static str; 5] {
    [t::why_bar_capacity(lang), t::why_bar_production(lang), t::why_bar_sales(lang), t::why_bar_home(lang), t::why_bar_exports(lang)]
}

/// The five figures of a year; "sold at home" is sales less exports.
fn cells(view: CapacityView, lang: Lang) -> Vec<Option<Cell>> {
    let y = year(view);
    let pick = |id: &str| series_or_panic(id).point(y).map(|p| (series_or_panic(id), p));
    let exports: Option<(_, &Point)> = pick("china-caam");
    let sales = pick("china-sales");
    let home = match (sales, exports) {
        (Some((_, s)), Some((_, e))) => Some(Cell::derived(s.value - e.value, UNIT, &[s, e], t::why_home_derived(lang), lang)),
        _ => None,
    };
    vec![
        pick("china-capacity").map(|(s, p)| Cell::from_point(s, p, lang)),
        pick("china-production").map(|(s, p)| Cell::from_point(s, p, lang)),
        sales.map(|(s, p)| Cell::from_point(s, p, lang)),
        home,
        exports.map(|(s, p)| Cell::from_point(s, p, lang)),
    ]
}

pub fn chart(view: CapacityView, display: Display) -> Chart {
    let lang = display.lang;
    let categories: Vec<String> = bars(lang).iter().map(|s| s.to_string()).collect();
    let values: Vec<Option<f64>> = cells(view, lang).iter().map(|c| c.as_ref().and_then(|c| c.value)).collect();
    let pale = vec![false, false, false, true, false];
    let horizontal = display.narrow;
    bar_chart(&categories, horizontal, value_room(&values, UNIT, display), display).series(bar_series(
        "capacity",
        &t::why_vehicles_in(lang, &year(view).to_string()),
        values,
        pale,
        category_colour(1, display.theme),
        None,
        ValuePlace::End { horizontal },
        display,
    ))
}

pub fn table(view: CapacityView, lang: Lang) -> Table {
    let cells = cells(view, lang);
    Table {
        lang,
        row_header: t::why_measure(lang),
        columns: vec![t::why_vehicles_in(lang, &year(view).to_string())],
        rows: bars(lang).iter().zip(cells).map(|(label, cell)| Row { label: label.to_string(), cells: vec![cell] }).collect(),
        series: ["china-capacity", "china-production", "china-sales", "china-caam"].iter().map(|id| series_or_panic(id)).collect(),
    }
}

pub fn description(view: CapacityView, lang: Lang) -> String {
    let c = cells(view, lang);
    let say = |i: usize| {
        c[i].as_ref().and_then(|c| c.value).map(|v| format::count(lang, v)).unwrap_or_else(|| t::why_no_figure_found(lang).into())
    };
    t::why_capacity_description(lang, &year(view).to_string(), &say(0), &say(1), &say(2), &say(3), &say(4))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::to_json;
    #[allow(unused_imports)]
    use crate::i18n::{Lang, t};

    #[test]
    fn capacity_dwarfs_production_in_2024() {
        let o: serde_json::Value = serde_json::from_str(&to_json(&chart(CapacityView::Year2024, Display::default()))).unwrap();
        let data = &o["series"][0]["data"];
        assert_eq!(data[0]["value"], 55_500_000.0);
        assert_eq!(data[1]["value"], 31_282_000.0);
        assert_eq!(data[3]["value"], 31_436_000.0 - 5_859_000.0);
    }

    #[test]
    fn the_2025_view_has_no_capacity_figure_and_says_so() {
        let o: serde_json::Value = serde_json::from_str(&to_json(&chart(CapacityView::Year2025, Display::default()))).unwrap();
        assert!(o["series"][0]["data"][0]["value"].is_null());
        assert!(description(CapacityView::Year2025, Lang::En).contains("capacity no figure found"));
        assert!(table(CapacityView::Year2025, Lang::En).rows[0].cells[0].is_none());
    }

    #[test]
    fn other_languages_get_their_own_words_and_numbers() {
        let de = description(CapacityView::Year2024, Lang::De);
        assert!(de.starts_with("Balkendiagramm der chinesischen Autoindustrie 2024"), "{de}");
        assert!(de.contains("Kapazität 55,5 Mio."), "{de}");
        assert!(description(CapacityView::Year2025, Lang::Nl).contains("capaciteit geen cijfer gevonden"));
        let zh = table(CapacityView::Year2024, Lang::Zh);
        assert_eq!(zh.row_header, "指标");
        assert_eq!(zh.columns, ["2024年（辆）"]);
        assert_eq!(zh.rows[3].label, "国内销量（推算）");
        assert_eq!(zh.rows[3].cells[0].as_ref().unwrap().note, "推算：销量减去出口量。");
        let o: serde_json::Value =
            serde_json::from_str(&to_json(&chart(CapacityView::Year2024, Display { lang: Lang::De, ..Display::default() }))).unwrap();
        assert_eq!(o["xAxis"]["data"][4], "Exporte");
        assert_eq!(o["series"][0]["name"], "Fahrzeuge, 2024");
    }
}
