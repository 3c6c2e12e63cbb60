//! Guess first (chapter 1, before its chart): the reader draws how many vehicles China exported
//! each year from 2020 to 2025, with 2015 to 2019 given, then sees what happened. The guess is the
//! reader's, not a figure from the data: it is drawn dashed and labelled as theirs, and the table
//! says so.

use crate::charts::option::Chart;
use charming::element::{ItemStyle, Label, LabelPosition, LineStyle, LineStyleType, MarkArea, MarkAreaData, Symbol};
use charming::series::Line;

use super::{end_label_room, series_name, yearly_line};
use crate::charts::display::Display;
use crate::charts::palette::category_colour;
use crate::i18n::{Lang, t};
use crate::story::format;
use crate::story::model::{Confidence, Series, Unit, series_or_panic};
use crate::story::table::{Cell, Row, Table};

pub const CHART_ID: &str = crate::story::registry::GUESS_EXPORTS;
pub const UNIT: Unit = Unit::Vehicles;
/// Every year on the chart; the first five are given, the rest are the reader's to guess.
pub const YEARS: [u16; 11] = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
pub const GUESSED: [u16; 6] = [2020, 2021, 2022, 2023, 2024, 2025];
/// A guess is a number of tenths of a million vehicles, 0 to 10 million.
pub const MAX_TENTHS: u8 = 100;
/// What one step of a guess is worth: a tenth of a million vehicles.
pub const STEP: f64 = 100_000.0;

/// The reader's guess for each year of [`GUESSED`] (tenths of a million), and whether the
/// answer is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GuessView {
    pub guesses: [Option<u8>; 6],
    pub revealed: bool,
}

impl GuessView {
    /// The URL's `guess=` value once the answer is shown: six tenths of a million, `-` for a year
    /// not guessed ("10,21,-,49,59,71"); `None` before the reveal, so an unfinished guess stays
    /// the reader's own.
    pub fn param(&self) -> Option<String> {
        self.revealed.then(|| self.guesses.iter().map(|g| g.map_or("-".to_string(), |v| v.to_string())).collect::<Vec<_>>().join(","))
    }

    /// Reads a `guess=` value; anything malformed is `None` (the default view).
    pub fn parse(value: &str) -> Option<Self> {
        let parts: Vec<&str> = value.split(',').collect();
        if parts.len() != GUESSED.len() {
            return None;
        }
        let mut guesses = [None; 6];
        for (slot, part) in guesses.iter_mut().zip(parts) {
            *slot = match part {
                "-" => None,
                digits if !digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()) => {
                    Some(digits.parse::<u8>().ok().filter(|v| *v <= MAX_TENTHS)?)
                }
                _ => return None,
            };
        }
        Some(Self { guesses, revealed: true })
    }

    /// The view with `year`'s guess set (ignored for a year that is not the reader's to guess).
    pub fn with_guess(self, year: u16, tenths: u8) -> Self {
        let mut next = self;
        if let Some(i) = GUESSED.iter().position(|y| *y == year) {
            next.guesses[i] = Some(tenths.min(MAX_TENTHS));
        }
        next
    }

    pub fn guess(&self, year: u16) -> Option<f64> {
        let i = GUESSED.iter().position(|y| *y == year)?;
        self.guesses[i].map(|v| f64::from(v) * STEP)
    }
}

/// The count guessed against: CAAM's, as in chapter 1.
fn actual() -> &'static Series {
    series_or_panic("china-caam")
}

pub fn chart(view: &GuessView, display: Display) -> Chart {
    let lang = display.lang;
    let caam = actual();
    let last_given = YEARS[4];
    // The given years, then (once revealed) every year.
    let known: Vec<Option<f64>> =
        YEARS.iter().map(|&y| (y <= last_given || view.revealed).then(|| caam.point(y).map(|p| p.value)).flatten()).collect();
    // The reader's line starts at the last given year, so it reads as a continuation.
    let guessed: Vec<Option<f64>> =
        YEARS.iter().map(|&y| if y == last_given { caam.point(y).map(|p| p.value) } else { view.guess(y) }).collect();
    let guess_name = t::guess_series_guess(lang);
    let known_name = if view.revealed { caam.name(lang) } else { t::guess_series_known(lang).to_string() };
    let lines = [(guess_name.to_string(), guessed.as_slice()), (known_name.clone(), known.as_slice())];
    let colour = category_colour(0, display.theme);
    let categories = YEARS.iter().map(u16::to_string).collect();
    let base = super::drawing_surface(categories, f64::from(MAX_TENTHS) * STEP, end_label_room(&lines, UNIT, display), display);
    let known_data: Vec<charming::datatype::DataPoint> =
        known.iter().map(|v| v.map_or(None::<f64>.into(), charming::datatype::DataPoint::from)).collect();
    let guess_line = Line::new()
        .id("guess")
        .name(series_name(guess_name, display))
        .data(guess_points(&guessed))
        .connect_nulls(false)
        .show_symbol(true)
        .symbol(Symbol::Custom("emptyCircle".into()))
        .symbol_size(12)
        .item_style(ItemStyle::new().color(colour))
        .line_style(LineStyle::new().color(colour).width(3).type_(LineStyleType::Dashed));
    let known_line = yearly_line(caam, &YEARS, false, display).data(known_data).name(series_name(&known_name, display));
    base.series(super::end_labelled(known_line, &known, display)).series(super::end_labelled(
        if view.revealed { guess_line } else { guess_line.mark_area(drawing_area(display)) },
        &guessed,
        display,
    ))
}

/// The reader's line as data: its first point, the last given year, carries no marker of its
/// own, so the given year's mark shows there rather than a hollow guess marker over it.
fn guess_points(guessed: &[Option<f64>]) -> Vec<charming::datatype::DataPoint> {
    guessed
        .iter()
        .zip(YEARS)
        .map(|(value, year)| match value {
            Some(v) if year == YEARS[4] => charming::datatype::DataPointItem::new(*v).item_style(ItemStyle::new().opacity(0)).into(),
            Some(v) => (*v).into(),
            None => None::<f64>.into(),
        })
        .collect()
}

/// Where to draw, until the answer is shown: the years to guess as a lightly tinted band that
/// says so.
fn drawing_area(display: Display) -> MarkArea {
    let from = MarkAreaData::new().name(t::guess_draw_here(display.lang)).x_axis(YEARS[4].to_string());
    MarkArea::new()
        .silent(true)
        .item_style(ItemStyle::new().color(category_colour(0, display.theme)).opacity(0.08))
        .label(
            Label::new()
                .show(true)
                .position(LabelPosition::InsideTop)
                .color(crate::charts::palette::ink(display.theme).muted)
                .font_size(if display.narrow { 11 } else { 12 }),
        )
        .data(vec![(from, MarkAreaData::new().x_axis(GUESSED[GUESSED.len() - 1].to_string()))])
}

pub fn table(view: &GuessView, lang: Lang) -> Table {
    let caam = actual();
    let rows = YEARS
        .iter()
        .map(|&year| {
            let shown = year <= YEARS[4] || view.revealed;
            let known = caam.point(year).filter(|_| shown).map(|p| Cell::from_point(caam, p, lang));
            let guess = view.guess(year).map(|v| Cell {
                value: Some(v),
                text: format::full(lang, UNIT, v),
                unit: Some(UNIT),
                confidence: Confidence::High,
                sources: Vec::new(),
                note: t::guess_note_yours(lang).to_string(),
                figure: None,
            });
            Row { label: year.to_string(), cells: vec![known, guess] }
        })
        .collect();
    Table {
        lang,
        row_header: t::common_year(lang),
        columns: vec![caam.name(lang), t::guess_series_guess(lang).to_string()],
        rows,
        series: vec![caam],
    }
}

/// The sentence after the reveal: the reader's guess for the year they missed most against what
/// happened; or, with no guess, what happened in the last year.
pub fn verdict(view: &GuessView, lang: Lang) -> Option<String> {
    if !view.revealed {
        return None;
    }
    let caam = actual();
    let last = GUESSED[GUESSED.len() - 1];
    let missed = GUESSED
        .iter()
        .filter_map(|&y| Some((y, view.guess(y)?, caam.point(y)?.value)))
        .max_by(|a, b| (a.1 - a.2).abs().total_cmp(&(b.1 - b.2).abs()));
    Some(match missed {
        Some((year, guess, actual)) => t::guess_verdict(lang, &format::count(lang, guess), &year.to_string(), &format::count(lang, actual)),
        None => t::guess_verdict_none(lang, &last.to_string(), &format::count(lang, caam.point(last)?.value)),
    })
}

pub fn description(view: &GuessView, lang: Lang) -> String {
    let caam = actual();
    let mut text = t::guess_describe(lang, &YEARS[0].to_string(), &YEARS[4].to_string(), &GUESSED[0].to_string(), &GUESSED[5].to_string());
    if let Some(verdict) = verdict(view, lang) {
        text.push_str(crate::i18n::sentence_gap(lang));
        text.push_str(&verdict);
    } else if let Some(p) = caam.point(YEARS[4]) {
        text.push_str(crate::i18n::sentence_gap(lang));
        text.push_str(&t::guess_describe_start(lang, &YEARS[4].to_string(), &format::count(lang, p.value)));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::to_json;

    fn option(view: &GuessView) -> serde_json::Value {
        serde_json::from_str(&to_json(&chart(view, Display::default()))).unwrap()
    }

    #[test]
    fn before_the_reveal_only_the_given_years_and_the_guess_are_drawn() {
        let view = GuessView::default().with_guess(2023, 30);
        let o = option(&view);
        let known = o["series"][0]["data"].as_array().unwrap();
        assert!(known[5..].iter().all(|v| v.is_null()), "no answer before the reveal: {known:?}");
        assert_eq!(o["series"][1]["data"][8], 3_000_000.0);
        assert_eq!(o["series"][1]["data"][4]["value"], 1_025_000.0, "the guess starts at the last given year");
        assert_eq!(o["series"][1]["data"][4]["itemStyle"]["opacity"], 0.0, "without a marker over the given one");
        let revealed = option(&GuessView { revealed: true, ..view });
        assert_eq!(revealed["series"][0]["data"][8], 4_910_000.0);
    }

    #[test]
    fn the_years_to_guess_are_marked_as_the_place_to_draw_until_the_reveal() {
        let o = option(&GuessView::default());
        let band = &o["series"][1]["markArea"]["data"][0];
        assert_eq!((band[0]["xAxis"].as_str(), band[1]["xAxis"].as_str()), (Some("2019"), Some("2025")));
        assert_eq!(band[0]["name"], "Draw here");
        assert_eq!(o["xAxis"]["offset"], 12.0, "the years sit below zero, clear of an end label at zero");
        let revealed = option(&GuessView { revealed: true, ..GuessView::default() });
        assert!(revealed["series"][1]["markArea"].is_null(), "no band once the answer is shown");
    }

    #[test]
    fn the_verdict_names_the_biggest_miss_against_the_data() {
        let view = GuessView { revealed: true, ..GuessView::default().with_guess(2023, 30).with_guess(2021, 20) };
        assert_eq!(verdict(&view, Lang::En).unwrap(), "You guessed 3 million for 2023; it was 4.91 million.");
        assert!(verdict(&GuessView::default(), Lang::En).is_none());
        let skipped = verdict(&GuessView { revealed: true, ..GuessView::default() }, Lang::En).unwrap();
        assert!(skipped.contains("7.1 million"), "{skipped}");
        assert!(verdict(&view, Lang::De).unwrap().contains("4,91 Mio."));
    }

    #[test]
    fn the_guess_lives_in_the_url_once_revealed_and_bad_values_are_refused() {
        let view = GuessView::default().with_guess(2020, 10).with_guess(2025, 71);
        assert_eq!(view.param(), None);
        let shown = GuessView { revealed: true, ..view };
        assert_eq!(shown.param().as_deref(), Some("10,-,-,-,-,71"));
        assert_eq!(GuessView::parse("10,-,-,-,-,71"), Some(shown));
        for bad in ["", "1,2,3", "10,-,-,-,-,101", "a,-,-,-,-,1", "10,-,-,-,-,-1", "1000,-,-,-,-,1"] {
            assert_eq!(GuessView::parse(bad), None, "{bad}");
        }
        assert_eq!(GuessView::default().with_guess(2019, 5), GuessView::default(), "a given year is not guessed");
    }

    #[test]
    fn the_table_has_the_guess_as_the_readers_and_the_answer_only_after_the_reveal() {
        let view = GuessView::default().with_guess(2023, 30);
        let table = table(&view, Lang::En);
        assert!(table.rows[8].cells[0].is_none());
        assert_eq!(table.rows[8].cells[1].as_ref().unwrap().value, Some(3_000_000.0));
        assert!(table.rows[8].cells[1].as_ref().unwrap().sources.is_empty());
        let shown = table_of_revealed(view);
        assert_eq!(shown.rows[8].cells[0].as_ref().unwrap().value, Some(4_910_000.0));
    }

    fn table_of_revealed(view: GuessView) -> Table {
        table(&GuessView { revealed: true, ..view }, Lang::En)
    }
}
