//! Chapter 7's chart: Volkswagen's electric cars by market, and German firms' plans in China.

use charming::Chart;

use super::{Choice, bar_chart, bar_series};
use crate::display::Display;
use crate::i18n::Lang;
use crate::format;
use crate::model::{Confidence, Country, Series, Unit, series_or_panic};
use crate::palette::country_colour;
use crate::table::{Cell, Row, Table};

pub const CHART_ID: &str = "germany-in-china";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GermanyView {
    #[default]
    VolkswagenBev,
    Survey,
}

impl Choice for GermanyView {
    const ALL: &'static [(Self, &'static str)] = &[(GermanyView::VolkswagenBev, "vw"), (GermanyView::Survey, "survey")];

    fn label(self, lang: Lang) -> &'static str {
        let _ = lang;
        match self {
            GermanyView::VolkswagenBev => "Volkswagen's electric cars",
            GermanyView::Survey => "German firms' plans",
        }
    }
}

pub fn unit(view: GermanyView) -> Unit {
    if view == GermanyView::Survey { Unit::Percent } else { Unit::Vehicles }
}

fn bars(view: GermanyView) -> Vec<&'static Series> {
    let ids: &[&str] = match view {
        GermanyView::VolkswagenBev => &["vw-bev-world", "vw-bev-china", "vw-bev-us"],
        GermanyView::Survey => &["survey-stay", "survey-invest-more"],
    };
    ids.iter().map(|id| series_or_panic(id)).collect()
}

const YEAR: u16 = 2024;

pub fn chart(view: GermanyView, display: Display) -> Chart {
    let lang = display.lang;
    let series = bars(view);
    let categories: Vec<String> = series.iter().map(|s| s.label.to_string()).collect();
    let values = series.iter().map(|s| s.point(YEAR).map(|p| p.value)).collect();
    let pale = series.iter().map(|s| s.point(YEAR).is_some_and(|p| p.confidence == Confidence::Low)).collect();
    let name = if view == GermanyView::Survey { "Share of German firms in China, 2024/25" } else { "Battery-electric deliveries, 2024" };
    bar_chart(&categories, false, display).series(bar_series(view.id(), name, values, pale, country_colour(Country::Germany, display.theme), None))
}

pub fn table(view: GermanyView, lang: Lang) -> Table {
    let series = bars(view);
    let column = if view == GermanyView::Survey { "Share of firms, %" } else { "Battery-electric deliveries, 2024" };
    Table {
        lang,
        row_header: if view == GermanyView::Survey { "Plan" } else { "Market" },
        columns: vec![column.to_string()],
        rows: series.iter().map(|s| Row { label: s.label.to_string(), cells: vec![s.point(YEAR).map(|p| Cell::from_point(s, p, lang))] }).collect(),
        series,
    }
}

pub fn description(view: GermanyView, lang: Lang) -> String {
    let parts: Vec<String> = bars(view)
        .iter()
        .filter_map(|s| s.point(YEAR).map(|p| format!("{} {}", s.label.to_lowercase(), format::readable(lang, s.unit, p.value))))
        .collect();
    match view {
        GermanyView::VolkswagenBev => format!("Bar chart of the Volkswagen Group's battery-electric deliveries in 2024: {}.", parts.join(", ")),
        GermanyView::Survey => format!("Bar chart of German firms' plans in China (Business Confidence Survey 2024/25): {}.", parts.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::i18n::Lang;
    use crate::charts::to_json;

    #[test]
    fn each_view_draws_its_figures() {
        let vw: serde_json::Value = serde_json::from_str(&to_json(&chart(GermanyView::VolkswagenBev, Display::default()))).unwrap();
        assert_eq!(vw["xAxis"]["data"][1], "China");
        assert_eq!(vw["series"][0]["data"][0]["value"], 744_800.0);
        let survey: serde_json::Value = serde_json::from_str(&to_json(&chart(GermanyView::Survey, Display::default()))).unwrap();
        assert_eq!(survey["series"][0]["data"][0]["value"], 92.0);
        assert!(description(GermanyView::Survey, Lang::En).contains("will invest more 51%"));
        assert!(table(GermanyView::VolkswagenBev, Lang::En).footnotes().iter().any(|f| f.text.starts_with("Low confidence.")));
    }
}
