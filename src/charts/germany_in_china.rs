//! Chapter 7's chart: Volkswagen's electric cars by market, and German firms' plans in China.

use crate::charts::option::Chart;

use super::{Choice, ValuePlace, bar_chart, bar_series, value_room};
use crate::charts::display::Display;
use crate::charts::palette::country_colour;
use crate::i18n::{Lang, data_text, t};
use crate::story::format;
use crate::story::model::{Confidence, Country, Series, Unit, series_or_panic};
use crate::story::table::{Cell, Row, Table};

pub const CHART_ID: &str = crate::story::registry::GERMANY_IN_CHINA;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GermanyView {
    #[default]
    VolkswagenBev,
    Survey,
}

impl Choice for GermanyView {
    const ALL: &'static [(Self, &'static str)] = &[(GermanyView::VolkswagenBev, "vw"), (GermanyView::Survey, "survey")];

    fn label(self, lang: Lang) -> &'static str {
        match self {
            GermanyView::VolkswagenBev => t::germany_view_vw(lang),
            GermanyView::Survey => t::germany_view_survey(lang),
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
    let categories: Vec<String> = series.iter().map(|s| data_text(lang, s.label).to_string()).collect();
    let values: Vec<Option<f64>> = series.iter().map(|s| s.point(YEAR).map(|p| p.value)).collect();
    let pale = series.iter().map(|s| s.point(YEAR).is_some_and(|p| p.confidence == Confidence::Low)).collect();
    let name = if view == GermanyView::Survey { t::germany_survey_series(lang) } else { t::germany_bev_deliveries(lang) };
    let horizontal = display.narrow;
    let place = ValuePlace::End { horizontal };
    bar_chart(&categories, horizontal, value_room(&values, unit(view), display), display).series(bar_series(
        view.id(),
        name,
        values,
        pale,
        country_colour(Country::Germany, display.theme),
        None,
        place,
        display,
    ))
}

pub fn table(view: GermanyView, lang: Lang) -> Table {
    let series = bars(view);
    let column = if view == GermanyView::Survey { t::germany_survey_column(lang) } else { t::germany_bev_deliveries(lang) };
    Table {
        lang,
        row_header: if view == GermanyView::Survey { t::germany_plan(lang) } else { t::germany_market(lang) },
        columns: vec![column.to_string()],
        rows: series
            .iter()
            .map(|s| Row { label: data_text(lang, s.label).to_string(), cells: vec![s.point(YEAR).map(|p| Cell::from_point(s, p, lang))] })
            .collect(),
        series,
    }
}

pub fn description(view: GermanyView, lang: Lang) -> String {
    // English runs the labels into the sentence in lower case ("will invest more 51%"); the other
    // languages set them off with a colon and keep their capitals (German nouns, country names).
    let label = |s: &Series| {
        let label = data_text(lang, s.label);
        if lang == Lang::En { label.to_ascii_lowercase() } else { label.to_string() }
    };
    let parts: Vec<String> = bars(view)
        .iter()
        .filter_map(|s| s.point(YEAR).map(|p| t::germany_description_part(lang, &label(s), &format::readable(lang, s.unit, p.value))))
        .collect();
    let parts = parts.join(t::common_clause_separator(lang));
    match view {
        GermanyView::VolkswagenBev => t::germany_description_vw(lang, &parts),
        GermanyView::Survey => t::germany_description_survey(lang, &parts),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::to_json;
    #[allow(unused_imports)]
    use crate::i18n::{Lang, data_text, t};

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

    #[test]
    fn other_languages_get_their_own_words_and_numbers() {
        let de = description(GermanyView::VolkswagenBev, Lang::De);
        assert!(de.starts_with("Balkendiagramm der Auslieferungen batterieelektrischer Autos des Volkswagen-Konzerns 2024: "), "{de}");
        assert!(de.contains(": 744.800; "), "{de}");
        let zh = description(GermanyView::Survey, Lang::Zh);
        assert!(zh.starts_with("在华德国企业计划柱状图"), "{zh}");
        assert!(zh.contains("：51%。"), "{zh}");
        let nl = table(GermanyView::Survey, Lang::Nl);
        assert_eq!(nl.row_header, "Plan");
        assert_eq!(nl.columns, ["Aandeel bedrijven, %"]);
        assert_eq!(table(GermanyView::VolkswagenBev, Lang::De).row_header, "Markt");
        assert!(table(GermanyView::VolkswagenBev, Lang::De).footnotes().iter().any(|f| f.text.starts_with("Geringe Verlässlichkeit.")));
        let o: serde_json::Value =
            serde_json::from_str(&to_json(&chart(GermanyView::Survey, Display { lang: Lang::Zh, ..Display::default() }))).unwrap();
        assert_eq!(o["series"][0]["name"], "在华德国企业占比（2024/25年）");
    }
}
