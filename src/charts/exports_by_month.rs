//! Chapter 1's second chart: China's vehicle exports month by month, to the newest month in the
//! data, as vehicles or as the change on the same month a year earlier, with the dates of the
//! measures that were expected to slow them.

use crate::charts::option::Chart;
use charming::element::{LineStyle, MarkLine, Symbol};
use charming::series::Line;

use super::{Choice, end_label_room, series_name};
use crate::charts::display::Display;
use crate::charts::palette::{category_colour, country_colour, ink};
use crate::i18n::{Lang, t};
use crate::story::format;
use crate::story::model::Country;
use crate::story::model::{Confidence, Point, Series, Unit, series_or_panic};
use crate::story::quote::Figure;
use crate::story::table::{Cell, Row, Table};

pub const CHART_ID: &str = crate::story::registry::EXPORTS_BY_MONTH;
/// The first month shown.
pub const FIRST: (u16, u8) = (2023, 1);
pub const ALL_ID: &str = "china-caam-monthly";
pub const NEV_ID: &str = "china-nev-monthly";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MonthlyView {
    #[default]
    Vehicles,
    Change,
}

impl Choice for MonthlyView {
    const ALL: &'static [(Self, &'static str)] = &[(MonthlyView::Vehicles, "vehicles"), (MonthlyView::Change, "change")];

    fn label(self, lang: Lang) -> &'static str {
        match self {
            MonthlyView::Vehicles => t::monthly_view_vehicles(lang),
            MonthlyView::Change => t::monthly_view_change(lang),
        }
    }
}

pub fn unit(view: MonthlyView) -> Unit {
    if view == MonthlyView::Change { Unit::Percent } else { Unit::Vehicles }
}

/// The newest month with a figure for all exports: what "Figures up to" and the text quote.
pub fn latest_month() -> (u16, u8) {
    series_or_panic(ALL_ID).points.iter().map(|p| (p.year, p.month)).max().unwrap_or(FIRST)
}

/// Every month from [`FIRST`] to the newest in the data, gaps included.
pub fn months() -> Vec<(u16, u8)> {
    let last = latest_month();
    let mut out = Vec::new();
    let (mut year, mut month) = FIRST;
    while (year, month) <= last {
        out.push((year, month));
        (year, month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    }
    out
}

/// "Jan 2023", "Jan. 2023", "2023年1月".
pub fn month_name(lang: Lang, (year, month): (u16, u8)) -> String {
    format::date(lang, &format!("{year}-{month:02}"))
}

/// The change on the same month a year earlier, in percent (one decimal), where both are known.
pub fn change(series: &Series, (year, month): (u16, u8)) -> Option<(f64, &'static Point, &'static Point)> {
    let now = series.point_for_month(year, month)?;
    let before = series.point_for_month(year - 1, month)?;
    Some((((now.value / before.value - 1.0) * 1000.0).round() / 10.0, now, before))
}

fn shown(series: &Series, view: MonthlyView, month: (u16, u8)) -> Option<f64> {
    match view {
        MonthlyView::Vehicles => series.point_for_month(month.0, month.1).map(|p| p.value),
        MonthlyView::Change => change(series, month).map(|(v, _, _)| v),
    }
}

/// The dated measures marked on the chart: the month they took effect and their label. Both are
/// in `data/events.csv` (a test checks that they still are).
pub fn measures(lang: Lang) -> [((u16, u8), &'static str); 2] {
    [((2024, 10), t::monthly_mark_eu_duties(lang)), ((2026, 1), t::monthly_mark_licences(lang))]
}

fn series_pair() -> [&'static Series; 2] {
    [series_or_panic(ALL_ID), series_or_panic(NEV_ID)]
}

pub fn chart(view: MonthlyView, display: Display) -> Chart {
    let lang = display.lang;
    let months = months();
    let categories: Vec<String> = months.iter().map(|&m| month_name(lang, m)).collect();
    let ink = ink(display.theme);
    let colours = [country_colour(Country::China, display.theme), category_colour(3, display.theme)];
    let shown_values: Vec<Vec<Option<f64>>> = series_pair().iter().map(|s| months.iter().map(|&m| shown(s, view, m)).collect()).collect();
    let lines: Vec<(String, &[Option<f64>])> = series_pair().iter().zip(&shown_values).map(|(s, v)| (s.name(lang), v.as_slice())).collect();
    // January and July on a screen; every other January on a phone, where a year's width is
    // narrower than "Jan 2024".
    let interval = if display.narrow { 23.0 } else { 5.0 };
    let mut chart = super::line_chart(categories, Some(interval), end_label_room(&lines, unit(view), display), display);
    for (i, series) in series_pair().into_iter().enumerate() {
        let colour = colours[i];
        // A month computed from other figures is drawn hollow, like a low-confidence one: the
        // table's note gives its arithmetic.
        let values: Vec<charming::datatype::DataPoint> = months
            .iter()
            .map(|&m| {
                let hollow =
                    series.point_for_month(m.0, m.1).is_some_and(|p| !p.derived_from.is_empty() || p.confidence == Confidence::Low)
                        || (view == MonthlyView::Change
                            && change(series, m).is_some_and(|(_, a, b)| [a, b].iter().any(|p| !p.derived_from.is_empty())));
                match shown(series, view, m) {
                    Some(v) if hollow => charming::datatype::DataPointItem::new(v)
                        .item_style(charming::element::ItemStyle::new().color(ink.background).border_color(colour).border_width(2))
                        .into(),
                    Some(v) => v.into(),
                    None => None::<f64>.into(),
                }
            })
            .collect();
        let mut line = Line::new()
            .id(series.id)
            .name(series_name(&series.name(lang), display))
            .data(values)
            .connect_nulls(false)
            .show_symbol(true)
            .symbol(Symbol::Custom("circle".into()))
            .symbol_size(if display.narrow { 5 } else { 6 })
            .item_style(charming::element::ItemStyle::new().color(colour))
            .line_style(LineStyle::new().color(colour).width(if i == 0 { 3 } else { 2 }));
        if i == 0 {
            line = line.mark_line(measure_marks(lang, &months, display));
        }
        chart = chart.series(super::end_labelled(line, &shown_values[i], display));
    }
    chart
}

/// Dotted vertical lines at the months the measures took effect, each with its label.
fn measure_marks(lang: Lang, months: &[(u16, u8)], display: Display) -> MarkLine {
    let marks: Vec<((u16, u8), String)> = measures(lang)
        .into_iter()
        .filter(|(m, _)| months.contains(m))
        .map(|(m, text)| (m, if display.narrow { super::wrap_label(text, 12) } else { text.to_string() }))
        .collect();
    let marks: Vec<super::CategoryMark> = marks
        .iter()
        .enumerate()
        .map(|(i, (m, text))| super::CategoryMark {
            category: month_name(lang, *m),
            index: months.iter().position(|x| x == m).unwrap_or(0),
            label: Some(text.clone()),
            // On a phone the marks are close: an earlier label stands above the later one's
            // lines rather than beside them.
            raise: match marks.get(i + 1) {
                Some((_, next)) if display.narrow => 5.0 + 15.0 * next.lines().count() as f64,
                _ => 0.0,
            },
        })
        .collect();
    super::category_marks(&marks, months.len(), display)
}

pub fn table(view: MonthlyView, lang: Lang) -> Table {
    let [all, nev] = series_pair();
    let how = t::monthly_change_note(lang);
    let cell = |series: &'static Series, m: (u16, u8)| match view {
        MonthlyView::Vehicles => series.point_for_month(m.0, m.1).map(|p| Cell::from_point(series, p, lang)),
        MonthlyView::Change => change(series, m).map(|(v, a, b)| Cell::derived(v, Unit::Percent, &[a, b], how, lang)),
    };
    let columns = match view {
        MonthlyView::Vehicles => vec![all.name(lang), nev.name(lang)],
        MonthlyView::Change => vec![t::monthly_change_column(lang, &all.name(lang)), t::monthly_change_column(lang, &nev.name(lang))],
    };
    Table {
        lang,
        row_header: t::monthly_month(lang),
        columns,
        rows: months().into_iter().map(|m| Row { label: month_name(lang, m), cells: vec![cell(all, m), cell(nev, m)] }).collect(),
        series: vec![all, nev],
    }
}

/// The yearly series that hold CAAM's published totals for part of a year, beside the monthly
/// ones: the page quotes those totals, never a sum of first-reported months (CAAM revises
/// earlier months into its later year-to-date figures).
pub const ALL_YEARLY_ID: &str = "china-caam";
pub const NEV_YEARLY_ID: &str = "china-nev";

/// The period of `figures.csv` that covers the first `months` months of a year.
pub fn year_to_date_period(months: u8) -> Option<&'static str> {
    Some(match months {
        2 => "jan-feb",
        3 => "q1",
        4 => "jan-apr",
        5 => "jan-may",
        6 => "h1",
        7 => "jan-jul",
        8 => "jan-aug",
        9 => "jan-sep",
        10 => "jan-oct",
        11 => "jan-nov",
        12 => "",
        _ => return None,
    })
}

/// CAAM's published total for January to `months` of `year`: the month itself for January, else
/// the yearly series' figure for that period.
fn published_to_date(yearly_id: &str, monthly_id: &str, year: u16, months: u8) -> Option<Figure> {
    if months == 1 {
        let s = series_or_panic(monthly_id);
        return Some((s, s.point_for_month(year, 1)?));
    }
    crate::story::quote::lookup(yearly_id, year, year_to_date_period(months)?)
}

/// The newest year so far, as chapters 1 and 8 quote it: its months, and CAAM's published totals
/// of all and of new-energy exports in them and in the same months a year earlier.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SoFar {
    pub year: u16,
    pub months: u8,
    pub all: Figure,
    pub all_before: Figure,
    pub nev: Figure,
    pub nev_before: Figure,
}

/// The newest year so far; `None` until CAAM's totals for its months, and for the same months a
/// year earlier, are in the data.
pub fn so_far() -> Option<SoFar> {
    let (year, months) = latest_month();
    Some(SoFar {
        year,
        months,
        all: published_to_date(ALL_YEARLY_ID, ALL_ID, year, months)?,
        all_before: published_to_date(ALL_YEARLY_ID, ALL_ID, year - 1, months)?,
        nev: published_to_date(NEV_YEARLY_ID, NEV_ID, year, months)?,
        nev_before: published_to_date(NEV_YEARLY_ID, NEV_ID, year - 1, months)?,
    })
}

pub fn description(view: MonthlyView, lang: Lang) -> String {
    let months = months();
    let [all, _] = series_pair();
    let prose = |(year, month): (u16, u8)| format::month_in_prose(lang, year, month);
    let first = prose(months[0]);
    let last_month = *months.last().unwrap_or(&FIRST);
    let last = prose(last_month);
    match view {
        MonthlyView::Vehicles => {
            let highest = all.points.iter().max_by(|a, b| a.value.total_cmp(&b.value));
            t::monthly_describe_vehicles(
                lang,
                &first,
                &last,
                &highest.map(|p| prose((p.year, p.month))).unwrap_or_default(),
                &highest.map(|p| format::count(lang, p.value)).unwrap_or_default(),
                &all.point_for_month(last_month.0, last_month.1).map(|p| format::count(lang, p.value)).unwrap_or_default(),
            )
        }
        MonthlyView::Change => describe_change(lang, &first, &last, change(all, last_month).map(|(v, _, _)| v / 100.0)),
    }
}

/// The change view's text alternative: the newest month's change, said as a rise, a fall or no
/// change rather than with a sign.
fn describe_change(lang: Lang, first: &str, last: &str, change: Option<f64>) -> String {
    let Some(change) = change else { return t::monthly_describe_change_level(lang, first, last) };
    let size = format::change_size(lang, change);
    match format::direction(change) {
        format::Direction::Up => t::monthly_describe_change_up(lang, first, last, &size),
        format::Direction::Down => t::monthly_describe_change_down(lang, first, last, &size),
        format::Direction::Level => t::monthly_describe_change_level(lang, first, last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::to_json;
    use crate::story::model::EVENTS;

    fn option(view: MonthlyView, display: Display) -> serde_json::Value {
        serde_json::from_str(&to_json(&chart(view, display))).unwrap()
    }

    #[test]
    fn the_months_run_from_january_2023_to_the_newest_figure_with_gaps_not_zeros() {
        let months = months();
        assert_eq!(months[0], (2023, 1));
        assert_eq!(*months.last().unwrap(), latest_month());
        assert!(latest_month() >= (2026, 2));
        let option = option(MonthlyView::Vehicles, Display::default());
        assert_eq!(option["xAxis"]["data"][0], "Jan 2023");
        let all = &option["series"][0]["data"];
        assert_eq!(all.as_array().unwrap().len(), months.len());
        // Every month without a figure is a gap (null), never a zero.
        for (i, m) in months.iter().enumerate() {
            let known = series_or_panic(ALL_ID).point_for_month(m.0, m.1).is_some();
            assert_eq!(!all[i].is_null(), known, "{m:?}");
            assert_ne!(all[i], 0.0);
        }
    }

    #[test]
    fn a_derived_month_is_drawn_hollow_and_its_table_note_gives_the_arithmetic() {
        let all = series_or_panic(ALL_ID);
        let derived = all.points.iter().find(|p| !p.derived_from.is_empty()).expect("a derived month");
        let months = months();
        let i = months.iter().position(|m| *m == (derived.year, derived.month)).unwrap();
        let option = option(MonthlyView::Vehicles, Display::default());
        assert!(option["series"][0]["data"][i]["itemStyle"]["borderWidth"].is_number(), "hollow marker");
        let table = table(MonthlyView::Vehicles, Lang::En);
        let cell = table.rows[i].cells[0].as_ref().unwrap();
        assert!(!cell.note.is_empty());
        assert_eq!(cell.sources.len(), 2, "both sources are cited");
    }

    #[test]
    fn the_change_view_compares_each_month_with_the_same_month_a_year_before() {
        let all = series_or_panic(ALL_ID);
        let (v, now, before) = change(all, (2026, 1)).unwrap();
        assert_eq!((now.year, before.year), (2026, 2025));
        assert!((v - (now.value / before.value - 1.0) * 100.0).abs() < 0.06);
        let option = option(MonthlyView::Change, Display::default());
        let months = months();
        // 2023 has no year before it in the data: its months are gaps.
        assert!(option["series"][0]["data"][0].is_null());
        let jan_2026 = months.iter().position(|m| *m == (2026, 1)).unwrap();
        assert_eq!(option["series"][0]["data"][jan_2026], v);
        let table = table(MonthlyView::Change, Lang::En);
        assert_eq!(
            table.readout("Jan 2026", &table.columns[0]).map(|r| r.contains(&format::readable(Lang::En, Unit::Percent, v))),
            Some(true)
        );
    }

    #[test]
    fn the_marked_measures_are_dated_in_the_events_file() {
        let eu = EVENTS.iter().find(|e| e.actor == "EU" && e.title.contains("definitive")).unwrap();
        assert!(eu.date.starts_with("2024-10"));
        let licences = EVENTS.iter().find(|e| e.kind == "licence" && e.title.contains("pure EVs")).unwrap();
        assert!(licences.detail.contains("1 January 2026"));
        let option = option(MonthlyView::Vehicles, Display::default());
        let marks = option["series"][0]["markLine"]["data"].as_array().unwrap();
        assert_eq!(marks.len(), 2);
        assert_eq!(marks[0]["xAxis"], "Oct 2024");
        assert_eq!(marks[1]["xAxis"], "Jan 2026");
    }

    #[test]
    fn the_newest_change_reads_as_a_rise_a_fall_or_no_change_in_every_language() {
        let up = describe_change(Lang::En, "January 2024", "February 2026", Some(0.3));
        assert!(up.ends_with("exports were 30% above a year earlier."), "{up}");
        for (lang, fall, level) in [
            (Lang::En, "3.2% below a year earlier", "level with a year earlier"),
            (Lang::De, "3,2 % unter dem Vorjahresmonat", "auf dem Niveau des Vorjahresmonats"),
            (Lang::Nl, "3,2% lager dan een jaar eerder", "even hoog als een jaar eerder"),
            (Lang::Zh, "比上年同月低3.2%", "与上年同月持平"),
        ] {
            let down = describe_change(lang, "a", "b", Some(-0.032));
            assert!(down.contains(fall) && !down.contains('-'), "{down}");
            let same = describe_change(lang, "a", "b", Some(0.0));
            assert!(same.contains(level), "{same}");
        }
    }

    #[test]
    fn the_year_so_far_is_the_total_caam_published_not_a_sum_of_months() {
        let f = so_far().expect("the data has the year so far");
        assert_eq!(f.months, latest_month().1);
        assert_eq!((f.all.1.year, f.all.1.period), (latest_month().0, year_to_date_period(f.months).unwrap()));
        assert_eq!(f.all.1.value, 1_352_000.0, "CAAM's January-February 2026 total");
        let months: f64 = (1..=f.months).filter_map(|m| series_or_panic(ALL_ID).point_for_month(f.year, m)).map(|p| p.value).sum();
        assert_ne!(months, f.all.1.value, "the first-reported months add up to {months}, not the published total");
        assert_eq!(f.nev_before.1.value, 282_000.0);
    }
}
