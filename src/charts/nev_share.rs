//! Chapter 2's chart: what is in the boxes, new-energy vehicles against the rest.

use crate::charts::option::Chart;

use super::{Choice, ValuePlace, bar_chart, bar_series, value_room};
use crate::charts::display::Display;
use crate::charts::palette::{category_colour, country_colour};
use crate::i18n::{Lang, t};
use crate::story::format;
use crate::story::model::Country;
use crate::story::model::{Unit, series_or_panic};
use crate::story::table::{Cell, Row, Table};

pub const CHART_ID: &str = crate::story::registry::NEV_SHARE;
pub const YEARS: [u16; 6] = [2020, 2021, 2022, 2023, 2024, 2025];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NevView {
    #[default]
    Vehicles,
    Share,
}

impl Choice for NevView {
    const ALL: &'static [(Self, &'static str)] = &[(NevView::Vehicles, "vehicles"), (NevView::Share, "share")];

    fn label(self, lang: Lang) -> &'static str {
        match self {
            NevView::Vehicles => t::nev_view_vehicles(lang),
            NevView::Share => t::nev_view_share(lang),
        }
    }
}

pub fn unit(view: NevView) -> Unit {
    if view == NevView::Share { Unit::Percent } else { Unit::Vehicles }
}

/// Per year: (NEV exports, all exports) where both are known.
fn split(year: u16) -> Option<(&'static crate::story::model::Point, &'static crate::story::model::Point)> {
    Some((series_or_panic("china-nev").point(year)?, series_or_panic("china-caam").point(year)?))
}

pub fn share(year: u16) -> Option<f64> {
    split(year).map(|(nev, all)| nev.value / all.value * 100.0)
}

pub fn chart(view: NevView, display: Display) -> Chart {
    let lang = display.lang;
    let years: Vec<String> = YEARS.iter().map(u16::to_string).collect();
    // On a phone the years run down the side, so each bar has room for its value.
    let horizontal = display.narrow;
    let shown: Vec<Option<f64>> = match view {
        NevView::Vehicles => {
            YEARS.iter().flat_map(|&y| split(y).map(|(n, a)| [Some(n.value), Some(a.value - n.value)]).unwrap_or([None, None])).collect()
        }
        NevView::Share => YEARS.iter().map(|&y| share(y)).collect(),
    };
    let base = bar_chart(&years, horizontal, value_room(&shown, unit(view), display), display);
    let nev_colour = country_colour(Country::China, display.theme);
    let end = ValuePlace::End { horizontal };
    match view {
        NevView::Vehicles => {
            let nev = YEARS.iter().map(|&y| split(y).map(|(n, _)| n.value)).collect();
            let other = YEARS.iter().map(|&y| split(y).map(|(n, a)| a.value - n.value)).collect();
            // Stacked, the two parts make each year's total, their values inside them. A phone's
            // bars are too short for two values each: there the parts stand side by side.
            let (stack, place) = if horizontal { (None, end) } else { (Some("exports"), ValuePlace::Inside) };
            base.series(bar_series("nev", t::nev_series_nev(lang), nev, vec![false; YEARS.len()], nev_colour, stack, place, display))
                .series(bar_series(
                    "other",
                    t::nev_series_other(lang),
                    other,
                    vec![false; YEARS.len()],
                    category_colour(3, display.theme),
                    stack,
                    place,
                    display,
                ))
        }
        NevView::Share => {
            let shares = YEARS.iter().map(|&y| share(y)).collect();
            base.series(bar_series("share", t::nev_series_share(lang), shares, vec![false; YEARS.len()], nev_colour, None, end, display))
        }
    }
}

pub fn table(view: NevView, lang: Lang) -> Table {
    let nev_series = series_or_panic("china-nev");
    let all_series = series_or_panic("china-caam");
    let rows = YEARS
        .iter()
        .map(|&year| {
            let cells = match (view, split(year)) {
                (NevView::Vehicles, Some((nev, all))) => vec![
                    Some(Cell::from_point(nev_series, nev, lang)),
                    Some(Cell::derived(all.value - nev.value, Unit::Vehicles, &[all, nev], t::nev_derived_other(lang), lang)),
                    Some(Cell::from_point(all_series, all, lang)),
                ],
                (NevView::Share, Some((nev, all))) => vec![Some(Cell::derived(
                    (nev.value / all.value * 1000.0).round() / 10.0,
                    Unit::Percent,
                    &[nev, all],
                    t::nev_derived_share(lang),
                    lang,
                ))],
                (NevView::Vehicles, None) => vec![None, None, None],
                (NevView::Share, None) => vec![None],
            };
            Row { label: year.to_string(), cells }
        })
        .collect();
    let columns = match view {
        NevView::Vehicles => {
            vec![t::nev_series_nev(lang).to_string(), t::nev_series_other(lang).to_string(), t::nev_column_all(lang).to_string()]
        }
        NevView::Share => vec![t::nev_column_share(lang).to_string()],
    };
    Table { lang, row_header: t::common_year(lang), columns, rows, series: vec![nev_series, all_series] }
}

pub fn description(view: NevView, lang: Lang) -> String {
    let (first, last) = (YEARS[0], YEARS[YEARS.len() - 1]);
    let nev = series_or_panic("china-nev");
    let (first_year, last_year) = (first.to_string(), last.to_string());
    match view {
        NevView::Vehicles => t::nev_describe_vehicles(
            lang,
            &first_year,
            &last_year,
            &nev.point(first).map(|p| format::count(lang, p.value)).unwrap_or_default(),
            &nev.point(last).map(|p| format::count(lang, p.value)).unwrap_or_default(),
        ),
        NevView::Share => t::nev_describe_share(
            lang,
            &first_year,
            &last_year,
            &share(first).map(|v| format::readable(lang, Unit::Percent, v.round())).unwrap_or_default(),
            &share(last).map(|v| format::readable(lang, Unit::Percent, v.round())).unwrap_or_default(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::to_json;
    #[allow(unused_imports)]
    use crate::i18n::{Lang, t};

    fn option(view: NevView) -> serde_json::Value {
        serde_json::from_str(&to_json(&chart(view, Display::default()))).unwrap()
    }

    #[test]
    fn vehicles_stack_new_energy_on_the_rest() {
        let o = option(NevView::Vehicles);
        assert_eq!(o["series"][0]["name"], "New-energy vehicles");
        assert_eq!(o["series"][0]["stack"], "exports");
        assert_eq!(o["series"][0]["data"][3]["value"], 1_203_000.0); // 2023
        assert_eq!(o["series"][1]["data"][3]["value"], 4_910_000.0 - 1_203_000.0);
    }

    #[test]
    fn share_shows_one_derived_series_in_percent() {
        let o = option(NevView::Share);
        assert_eq!(o["series"].as_array().unwrap().len(), 1);
        let v = o["series"][0]["data"][5]["value"].as_f64().unwrap(); // 2025
        assert!((v - 2_615_000.0 / 7_098_000.0 * 100.0).abs() < 1e-9);
        assert_eq!(unit(NevView::Share), Unit::Percent);
        assert_eq!(table(NevView::Share, Lang::En).rows[5].cells[0].as_ref().unwrap().value, Some(36.8));
    }

    #[test]
    fn the_description_follows_the_view() {
        assert!(
            description(NevView::Vehicles, Lang::En).contains("from 77,500 to 2.62 million"),
            "{}",
            description(NevView::Vehicles, Lang::En)
        );
        assert!(description(NevView::Share, Lang::En).contains("from 8% to 37%"), "{}", description(NevView::Share, Lang::En));
    }

    #[test]
    fn other_languages_get_their_own_words_and_numbers() {
        let de = description(NevView::Vehicles, Lang::De);
        assert!(de.contains("von 77.500 auf 2,62 Mio."), "{de}");
        let zh = description(NevView::Vehicles, Lang::Zh);
        assert!(zh.contains("从7.75万辆增至262万辆"), "{zh}");
        assert!(description(NevView::Share, Lang::Nl).contains("van 8% naar 37%"), "{}", description(NevView::Share, Lang::Nl));
        let display = Display { lang: Lang::Zh, ..Display::default() };
        let o: serde_json::Value = serde_json::from_str(&to_json(&chart(NevView::Vehicles, display))).unwrap();
        assert_eq!(o["series"][0]["name"], "新能源汽车");
        let t = table(NevView::Vehicles, Lang::De);
        assert_eq!(t.row_header, "Jahr");
        assert_eq!(t.columns[2], "Exporte insgesamt (CAAM)");
        assert_eq!(NevView::Share.label(Lang::Nl), "Aandeel in de export");
    }
}
