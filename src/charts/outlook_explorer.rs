//! Chapter 9's chart: the 2025 forecast against the outcome, and an explorer that projects the
//! reader's own assumptions to 2030. The projection is arithmetic, not a forecast.

use crate::charts::option::Chart;
use charming::element::{LineStyle, LineStyleType, Symbol};
use charming::series::Line;

use super::{end_label_room, yearly_line, yearly_line_chart};
use crate::charts::display::Display;
use crate::charts::palette::{category_colour, ink};
use crate::i18n::{Lang, t};
use crate::story::format;
use crate::story::model::{Unit, series_or_panic};
use crate::story::table::{Cell, Row, Table};

pub const CHART_ID: &str = crate::story::registry::OUTLOOK_EXPLORER;
pub const UNIT: Unit = Unit::Vehicles;
pub const BASE_YEAR: u16 = 2025;
pub const LAST_YEAR: u16 = 2030;
pub const GROWTH_RANGE: (i8, i8) = (-15, 25);
pub const LOSS_RANGE: (u8, u8) = (0, 50);

/// The reader's assumptions: growth per year and the share of exports lost to new barriers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutlookView {
    /// Percent a year, from 2026.
    pub growth: i8,
    /// Percent of exports lost to new tariffs and licences, from 2026.
    pub loss: u8,
}

impl Default for OutlookView {
    fn default() -> Self {
        Self { growth: 5, loss: 10 }
    }
}

impl OutlookView {
    /// Keeps both assumptions inside their ranges.
    pub fn clamped(self) -> Self {
        Self { growth: self.growth.clamp(GROWTH_RANGE.0, GROWTH_RANGE.1), loss: self.loss.clamp(LOSS_RANGE.0, LOSS_RANGE.1) }
    }
}

pub fn years() -> Vec<u16> {
    (2019..=LAST_YEAR).collect()
}

/// The projected value for each year after the base year.
pub fn projection(view: &OutlookView) -> Vec<(u16, f64)> {
    let base = series_or_panic("china-caam").point(BASE_YEAR).map(|p| p.value).unwrap_or_default();
    let factor = 1.0 - f64::from(view.loss) / 100.0;
    (BASE_YEAR + 1..=LAST_YEAR)
        .map(|y| (y, base * (1.0 + f64::from(view.growth) / 100.0).powi(i32::from(y - BASE_YEAR)) * factor))
        .collect()
}

pub fn chart(view: &OutlookView, display: Display) -> Chart {
    let lang = display.lang;
    let years = years();
    let actual = series_or_panic("china-caam");
    let forecast = series_or_panic("china-forecast");
    let colour = category_colour(0, display.theme);
    let projected = projection(view);
    let mut values: Vec<Option<f64>> = years.iter().map(|_| None).collect();
    for (i, y) in years.iter().enumerate() {
        if *y == BASE_YEAR {
            values[i] = actual.point(*y).map(|p| p.value);
        }
        if let Some((_, v)) = projected.iter().find(|(py, _)| py == y) {
            values[i] = Some(*v);
        }
    }
    let points = |s: &crate::story::model::Series| years.iter().map(|&y| s.point(y).map(|p| p.value)).collect::<Vec<_>>();
    let (actual_points, forecast_points) = (points(actual), points(forecast));
    // Only the projection reaches the right edge: the outcome and the forecast end mid-chart,
    // where the legend names them (`charts::ends_at_the_right`).
    let lines = [
        (actual.name(lang), actual_points.as_slice()),
        (forecast.name(lang), forecast_points.as_slice()),
        (t::outlook_projection_series(lang).to_string(), values.as_slice()),
    ];
    yearly_line_chart(&years, end_label_room(&lines, Unit::Vehicles, display), display)
        .series(super::end_labelled(yearly_line(actual, &years, false, display), &actual_points, display))
        .series(super::end_labelled(
            yearly_line(forecast, &years, false, display)
                .symbol(Symbol::Custom("emptyDiamond".into()))
                .symbol_size(14)
                .item_style(charming::element::ItemStyle::new().color(ink(display.theme).muted)),
            &forecast_points,
            display,
        ))
        .series(super::end_labelled(
            Line::new()
                .id("projection")
                .name(super::series_name(t::outlook_projection_series(lang), display))
                .data(values.clone())
                .symbol(Symbol::Custom("emptyCircle".into()))
                .show_symbol(true)
                .item_style(charming::element::ItemStyle::new().color(colour))
                .line_style(LineStyle::new().color(colour).width(2).type_(LineStyleType::Dashed)),
            &values,
            display,
        ))
}

pub fn table(view: &OutlookView, lang: Lang) -> Table {
    let actual = series_or_panic("china-caam");
    let forecast = series_or_panic("china-forecast");
    let base = actual.point(BASE_YEAR);
    let projected = projection(view);
    let how = t::outlook_projection_note(lang, &view.growth.to_string(), &view.loss.to_string());
    Table {
        lang,
        row_header: t::common_year(lang),
        columns: vec![actual.name(lang), forecast.name(lang), t::outlook_projection_column(lang).into()],
        rows: years()
            .into_iter()
            .map(|y| {
                let projection = projected
                    .iter()
                    .find(|(py, _)| *py == y)
                    .and_then(|(_, v)| base.map(|b| Cell::derived(v.round(), UNIT, &[b], &how, lang)));
                Row {
                    label: y.to_string(),
                    cells: vec![
                        actual.point(y).map(|p| Cell::from_point(actual, p, lang)),
                        forecast.point(y).map(|p| Cell::from_point(forecast, p, lang)),
                        projection,
                    ],
                }
            })
            .collect(),
        series: vec![actual, forecast],
    }
}

pub fn description(view: &OutlookView, lang: Lang) -> String {
    let actual = series_or_panic("china-caam").point(BASE_YEAR).map(|p| p.value).unwrap_or_default();
    let forecast = series_or_panic("china-forecast").point(BASE_YEAR).map(|p| p.value).unwrap_or_default();
    let end = projection(view).last().map(|(_, v)| *v).unwrap_or_default();
    t::outlook_description(
        lang,
        &format::count(lang, forecast),
        &format::count(lang, actual),
        &view.growth.to_string(),
        &view.loss.to_string(),
        &format::count(lang, end),
        &LAST_YEAR.to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::to_json;
    #[allow(unused_imports)]
    use crate::i18n::{Lang, t};

    #[test]
    fn the_projection_is_plain_compound_arithmetic() {
        let p = projection(&OutlookView { growth: 10, loss: 0 });
        assert_eq!(p.len(), 5);
        assert!((p[0].1 - 7_098_000.0 * 1.1).abs() < 1e-6);
        let lossy = projection(&OutlookView { growth: 0, loss: 50 });
        assert!((lossy[4].1 - 3_549_000.0).abs() < 1e-6);
    }

    #[test]
    fn assumptions_change_the_drawn_projection() {
        let a: serde_json::Value = serde_json::from_str(&to_json(&chart(&OutlookView::default(), Display::default()))).unwrap();
        let b: serde_json::Value =
            serde_json::from_str(&to_json(&chart(&OutlookView { growth: -10, loss: 30 }, Display::default()))).unwrap();
        assert_eq!(a["series"][2]["name"], "Your projection (arithmetic, not a forecast)");
        assert_ne!(a["series"][2]["data"], b["series"][2]["data"]);
        assert_eq!(a["series"][1]["data"][6], 6_800_000.0, "the 2025 forecast");
        assert_eq!(a["series"][0]["data"][6], 7_098_000.0, "the 2025 outcome");
    }

    #[test]
    fn the_table_and_text_say_it_is_not_a_forecast() {
        let t = table(&OutlookView::default(), Lang::En);
        let last = t.rows.last().unwrap().cells[2].as_ref().unwrap();
        assert!(last.note.contains("not a forecast"));
        assert!(description(&OutlookView::default(), Lang::En).contains("This is not a forecast."));
        assert_eq!(OutlookView { growth: 90, loss: 200 }.clamped(), OutlookView { growth: 25, loss: 50 });
    }

    #[test]
    fn other_languages_say_it_is_not_a_forecast() {
        let german = description(&OutlookView::default(), Lang::De);
        assert!(german.contains("Mio."), "{german}");
        assert!(german.contains("5 % Wachstum pro Jahr und 10 % Verlust"), "{german}");
        assert!(german.ends_with("im Jahr 2030. Das ist keine Prognose."), "{german}");
        let zh = table(&OutlookView::default(), Lang::Zh);
        assert_eq!(zh.row_header, "年份");
        assert_eq!(zh.columns[2], "你的推算");
        let note = &zh.rows.last().unwrap().cells[2].as_ref().unwrap().note;
        assert!(note.contains("每年增长5%") && note.ends_with("不是预测。"), "{note}");
        let dutch = Display { lang: Lang::Nl, ..Display::default() };
        let o: serde_json::Value = serde_json::from_str(&to_json(&chart(&OutlookView::default(), dutch))).unwrap();
        assert_eq!(o["series"][2]["name"], "Jouw doorrekening (rekensom, geen voorspelling)");
        assert_eq!(t::outlook_title(Lang::Zh), "你自己的2030年推算");
    }
}
