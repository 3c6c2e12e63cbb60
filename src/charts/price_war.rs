//! Chapter 5's second chart: the price war at home, in price cuts and thinning margins.

use crate::charts::option::Chart;

use super::{Choice, ValuePlace, bar_chart, bar_series, value_room};
use crate::charts::display::Display;
use crate::charts::palette::category_colour;
use crate::i18n::{Lang, t};
use crate::story::format;
use crate::story::model::{Series, Unit, period_name, period_short_name, series_or_panic};
use crate::story::table::{Cell, Row, Table};

pub const CHART_ID: &str = crate::story::registry::PRICE_WAR;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PriceWarView {
    #[default]
    PriceCuts,
    Margin,
}

impl Choice for PriceWarView {
    const ALL: &'static [(Self, &'static str)] = &[(PriceWarView::PriceCuts, "cuts"), (PriceWarView::Margin, "margin")];

    fn label(self, lang: Lang) -> &'static str {
        match self {
            PriceWarView::PriceCuts => t::why_price_cuts(lang),
            PriceWarView::Margin => t::why_price_margin(lang),
        }
    }
}

fn series(view: PriceWarView) -> &'static Series {
    series_or_panic(if view == PriceWarView::Margin { "industry-margin" } else { "price-cut-models" })
}

pub fn unit(view: PriceWarView) -> Unit {
    series(view).unit
}

fn label(year: u16, period: &str, lang: Lang) -> String {
    if period.is_empty() { year.to_string() } else { t::why_period_label(lang, &year.to_string(), period_name(lang, period)) }
}

pub fn chart(view: PriceWarView, display: Display) -> Chart {
    let lang = display.lang;
    let s = series(view);
    // On a phone a period is shortened ("2024 (Jan–Sep)").
    let period = |p: &str| if display.narrow { period_short_name(lang, p) } else { period_name(lang, p) };
    let categories: Vec<String> = s
        .points
        .iter()
        .map(|p| if p.period.is_empty() { p.year.to_string() } else { t::why_period_label(lang, &p.year.to_string(), period(p.period)) })
        .collect();
    let values: Vec<Option<f64>> = s.points.iter().map(|p| Some(p.value)).collect();
    let pale = s.points.iter().map(|p| !p.period.is_empty()).collect();
    let horizontal = display.narrow;
    let place = ValuePlace::End { horizontal };
    bar_chart(&categories, horizontal, value_room(&values, unit(view), display), display).series(bar_series(
        s.id,
        &s.name(lang),
        values,
        pale,
        category_colour(2, display.theme),
        None,
        place,
        display,
    ))
}

pub fn table(view: PriceWarView, lang: Lang) -> Table {
    let s = series(view);
    Table {
        lang,
        row_header: t::why_period(lang),
        columns: vec![s.name(lang)],
        rows: s
            .points
            .iter()
            .map(|p| Row { label: label(p.year, p.period, lang), cells: vec![Some(Cell::from_point(s, p, lang))] })
            .collect(),
        series: vec![s],
    }
}

pub fn description(view: PriceWarView, lang: Lang) -> String {
    let s = series(view);
    let parts: Vec<String> = s
        .points
        .iter()
        .map(|p| t::why_price_part(lang, &format::readable(lang, s.unit, p.value), &label(p.year, p.period, lang)))
        .collect();
    t::why_price_description(lang, &s.name(lang), &parts.join(t::common_clause_separator(lang)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::to_json;
    #[allow(unused_imports)]
    use crate::i18n::{Lang, t};

    #[test]
    fn each_measure_draws_its_own_series() {
        let cuts: serde_json::Value = serde_json::from_str(&to_json(&chart(PriceWarView::PriceCuts, Display::default()))).unwrap();
        assert_eq!(cuts["xAxis"]["data"][2], "2024\n(January–September)");
        assert_eq!(cuts["series"][0]["data"][2]["value"], 195.0);
        let margin: serde_json::Value = serde_json::from_str(&to_json(&chart(PriceWarView::Margin, Display::default()))).unwrap();
        assert_eq!(margin["series"][0]["name"], "Industry profit margin (CPCA)");
        assert_eq!(margin["series"][0]["data"][2]["value"], 4.1);
        assert_eq!(unit(PriceWarView::Margin), Unit::Percent);
        assert!(description(PriceWarView::Margin, Lang::En).contains("5% in 2023"));
    }

    #[test]
    fn other_languages_get_their_own_words_and_numbers() {
        let zh: serde_json::Value =
            serde_json::from_str(&to_json(&chart(PriceWarView::PriceCuts, Display { lang: Lang::Zh, ..Display::default() }))).unwrap();
        assert_eq!(zh["xAxis"]["data"][2], "2024年1–9月");
        let de = description(PriceWarView::Margin, Lang::De);
        assert!(de.starts_with("Balkendiagramm zum chinesischen Automarkt"), "{de}");
        assert!(de.contains("2023: 5 %"), "{de}");
        assert_eq!(table(PriceWarView::Margin, Lang::Nl).row_header, "Periode");
        assert_eq!(PriceWarView::Margin.label(Lang::De), "Gewinnmarge");
    }
}
