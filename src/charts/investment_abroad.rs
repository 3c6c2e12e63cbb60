//! Chapter 6's chart: the money follows. Chinese EV and battery makers invest abroad.

use crate::charts::option::Chart;

use super::{Choice, ValuePlace, bar_chart, bar_series, value_room};
use crate::charts::display::Display;
use crate::charts::palette::{category_colour, country_colour};
use crate::i18n::{Lang, data_text, t};
use crate::story::format;
use crate::story::model::{Country, Series, Unit, series_or_panic};
use crate::story::table::{Cell, Row, Table};

pub const CHART_ID: &str = crate::story::registry::INVESTMENT_ABROAD;
const YEARS: [u16; 3] = [2022, 2023, 2024];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InvestmentView {
    /// The 2025 report: capital spending abroad against at home.
    #[default]
    AbroadVsHome,
    /// What the 2024 money went into, and how much capacity lies abroad.
    Batteries,
    /// The 2024 report's wider measure, outbound direct investment.
    OutboundFdi,
}

impl Choice for InvestmentView {
    const ALL: &'static [(Self, &'static str)] =
        &[(InvestmentView::AbroadVsHome, "abroad"), (InvestmentView::Batteries, "batteries"), (InvestmentView::OutboundFdi, "fdi")];

    fn label(self, lang: Lang) -> &'static str {
        match self {
            InvestmentView::AbroadVsHome => t::money_view_abroad(lang),
            InvestmentView::Batteries => t::money_view_batteries(lang),
            InvestmentView::OutboundFdi => t::money_view_fdi(lang),
        }
    }
}

pub fn unit(view: InvestmentView) -> Unit {
    if view == InvestmentView::Batteries { Unit::Percent } else { Unit::UsdBn }
}

fn yearly(ids: &[&str]) -> Vec<&'static Series> {
    ids.iter().map(|id| series_or_panic(id)).collect()
}

const SHARES: [&str; 3] = ["battery-share-overseas", "battery-share-domestic", "capacity-abroad-share"];

pub fn chart(view: InvestmentView, display: Display) -> Chart {
    let lang = display.lang;
    match view {
        InvestmentView::AbroadVsHome | InvestmentView::OutboundFdi => {
            let ids: &[&str] =
                if view == InvestmentView::OutboundFdi { &["outbound-fdi"] } else { &["invest-overseas", "invest-domestic"] };
            let years: Vec<String> = YEARS.iter().map(u16::to_string).collect();
            let horizontal = display.narrow;
            let all: Vec<Option<f64>> = yearly(ids).iter().flat_map(|s| YEARS.iter().map(|&y| s.point(y).map(|p| p.value))).collect();
            let mut chart = bar_chart(&years, horizontal, value_room(&all, unit(view), display), display);
            for (i, s) in yearly(ids).into_iter().enumerate() {
                let values = YEARS.iter().map(|&y| s.point(y).map(|p| p.value)).collect();
                let colour = if i == 0 { country_colour(Country::China, display.theme) } else { category_colour(3, display.theme) };
                let place = ValuePlace::End { horizontal };
                chart = chart.series(bar_series(
                    s.id,
                    data_text(lang, s.label),
                    values,
                    vec![false; YEARS.len()],
                    colour,
                    None,
                    place,
                    display,
                ));
            }
            chart
        }
        InvestmentView::Batteries => {
            let shares = yearly(&SHARES);
            let categories: Vec<String> = shares.iter().map(|s| data_text(lang, s.label).to_string()).collect();
            let values: Vec<Option<f64>> = shares.iter().map(|s| s.point(2024).map(|p| p.value)).collect();
            let horizontal = display.narrow;
            bar_chart(&categories, horizontal, value_room(&values, unit(view), display), display).series(bar_series(
                "shares",
                t::money_share_2024(lang),
                values,
                vec![false; 3],
                category_colour(2, display.theme),
                None,
                ValuePlace::End { horizontal },
                display,
            ))
        }
    }
}

pub fn table(view: InvestmentView, lang: Lang) -> Table {
    match view {
        InvestmentView::AbroadVsHome | InvestmentView::OutboundFdi => {
            let ids: &[&str] =
                if view == InvestmentView::OutboundFdi { &["outbound-fdi"] } else { &["invest-overseas", "invest-domestic"] };
            let series = yearly(ids);
            Table {
                lang,
                row_header: t::common_year(lang),
                columns: series.iter().map(|s| t::money_column_usd_bn(lang, data_text(lang, s.label))).collect(),
                rows: YEARS
                    .iter()
                    .map(|&y| Row {
                        label: y.to_string(),
                        cells: series.iter().map(|s| s.point(y).map(|p| Cell::from_point(s, p, lang))).collect(),
                    })
                    .collect(),
                series,
            }
        }
        InvestmentView::Batteries => {
            let series = yearly(&SHARES);
            Table {
                lang,
                row_header: t::money_measure_2024(lang),
                columns: vec![t::money_percent(lang).to_string()],
                rows: series
                    .iter()
                    .map(|s| Row {
                        label: data_text(lang, s.label).to_string(),
                        cells: vec![s.point(2024).map(|p| Cell::from_point(s, p, lang))],
                    })
                    .collect(),
                series,
            }
        }
    }
}

pub fn description(view: InvestmentView, lang: Lang) -> String {
    let v = |id: &str, y: u16| series_or_panic(id).point(y).map(|p| p.value);
    let usd = |id: &str, y: u16| v(id, y).map(|x| format::readable(lang, Unit::UsdBn, x)).unwrap_or_default();
    let percent = |id: &str| v(id, 2024).map(|x| format::readable(lang, Unit::Percent, x)).unwrap_or_default();
    match view {
        InvestmentView::AbroadVsHome => t::money_description_abroad(lang, &usd("invest-overseas", 2024), &usd("invest-domestic", 2024)),
        InvestmentView::Batteries => t::money_description_batteries(
            lang,
            &percent("battery-share-overseas"),
            &percent("battery-share-domestic"),
            &percent("capacity-abroad-share"),
        ),
        InvestmentView::OutboundFdi => t::money_description_fdi(lang, &usd("outbound-fdi", 2022), &usd("outbound-fdi", 2023)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::to_json;
    #[allow(unused_imports)]
    use crate::i18n::{Lang, data_text, t};

    fn option(view: InvestmentView) -> serde_json::Value {
        serde_json::from_str(&to_json(&chart(view, Display::default()))).unwrap()
    }

    #[test]
    fn abroad_passes_home_in_2024_with_earlier_years_as_gaps() {
        let o = option(InvestmentView::AbroadVsHome);
        assert_eq!(o["series"][0]["name"], "Abroad");
        assert_eq!(o["series"][0]["data"][2]["value"], 16.0);
        assert!(o["series"][0]["data"][0]["value"].is_null());
        assert_eq!(o["series"][1]["data"][1]["value"], 41.0);
    }

    #[test]
    fn the_two_reports_are_never_mixed() {
        let fdi = option(InvestmentView::OutboundFdi);
        assert_eq!(fdi["series"].as_array().unwrap().len(), 1);
        assert_eq!(fdi["series"][0]["data"][1]["value"], 28.2);
        let shares = option(InvestmentView::Batteries);
        assert_eq!(shares["series"][0]["data"][0]["value"], 74.0);
        assert_eq!(shares["series"][0]["data"][1]["value"], 69.0);
        assert!(description(InvestmentView::Batteries, Lang::En).contains("15% of announced capacity"));
    }

    #[test]
    fn other_languages_get_their_own_words_and_numbers() {
        let de = description(InvestmentView::AbroadVsHome, Lang::De);
        assert!(de.contains("2024 flossen 16 Mrd. US$ ins Ausland gegenüber 15 Mrd. US$ im Inland"), "{de}");
        let zh = description(InvestmentView::OutboundFdi, Lang::Zh);
        assert!(zh.contains("2022年为297亿美元，2023年为282亿美元"), "{zh}");
        let nl = table(InvestmentView::Batteries, Lang::Nl);
        assert_eq!(nl.row_header, "Maatstaf, 2024");
        assert_eq!(nl.columns, ["Procent"]);
        assert_eq!(table(InvestmentView::AbroadVsHome, Lang::De).row_header, "Jahr");
        assert_eq!(InvestmentView::Batteries.label(Lang::Zh), "电池占比");
        let o: serde_json::Value =
            serde_json::from_str(&to_json(&chart(InvestmentView::Batteries, Display { lang: Lang::Zh, ..Display::default() }))).unwrap();
        assert_eq!(o["series"][0]["name"], "占比（2024年）");
    }
}
