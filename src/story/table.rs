//! The figures behind a chart, as the table under it shows them: rows, columns and cells that
//! carry their sources and caveats. The CSV download and the source list are made from it too, so
//! all three always agree with each other and with the chart.

use crate::i18n::{Lang, data_text, t};
use crate::story::format;
use crate::story::model::{Confidence, Point, Series, Source, Unit, period_name, source};

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The number, when the cell holds one.
    pub value: Option<f64>,
    pub text: String,
    pub unit: Option<Unit>,
    pub confidence: Confidence,
    pub sources: Vec<&'static Source>,
    /// Caveats: the data's note, a partial year, a derivation.
    pub note: String,
    /// The figure of the data the cell shows as published; `None` for one worked out or words.
    pub figure: Option<crate::story::quote::Figure>,
}

impl Cell {
    /// A figure straight from the data.
    pub fn from_point(series: &'static Series, point: &'static Point, lang: Lang) -> Self {
        let mut note = if point.note.is_empty() { String::new() } else { data_text(lang, point.note).to_string() };
        if !point.period.is_empty() {
            let only = t::common_part_year_only(lang, period_name(lang, point.period), &point.year.to_string());
            note = join(lang, &capitalised(&only), &note);
        }
        Self {
            value: Some(point.value),
            text: format::full(lang, series.unit, point.value),
            unit: Some(series.unit),
            confidence: point.confidence,
            // A figure computed from two releases cites both.
            sources: [point.source, point.derived_from].into_iter().filter(|id| !id.is_empty()).filter_map(source).fold(
                Vec::new(),
                |mut all, s| {
                    if !all.contains(&s) {
                        all.push(s);
                    }
                    all
                },
            ),
            note,
            figure: Some((series, point)),
        }
    }

    /// A figure computed from others, citing all their sources.
    pub fn derived(value: f64, unit: Unit, from: &[&Point], how: &str, lang: Lang) -> Self {
        let mut sources: Vec<&'static Source> = Vec::new();
        for p in from {
            if let Some(s) = source(p.source)
                && !sources.contains(&s)
            {
                sources.push(s);
            }
        }
        let confidence = from.iter().map(|p| p.confidence).max_by_key(|c| rank(*c)).unwrap_or(Confidence::Medium);
        Self {
            value: Some(value),
            text: format::full(lang, unit, value),
            unit: Some(unit),
            confidence,
            sources,
            note: how.to_string(),
            figure: None,
        }
    }

    /// Words rather than a number (e.g. a measure in the policy timeline).
    pub fn text(text: &str, source_id: &str, confidence: Confidence) -> Self {
        Self {
            value: None,
            text: text.to_string(),
            unit: None,
            confidence,
            sources: source(source_id).into_iter().collect(),
            note: String::new(),
            figure: None,
        }
    }
}

/// Lower is more certain; a derived figure is as weak as its weakest input.
fn rank(c: Confidence) -> u8 {
    match c {
        Confidence::High => 0,
        Confidence::Medium => 1,
        Confidence::Low => 2,
    }
}

/// Two sentences one after the other: a space between them, none in Chinese (whose full stop
/// already holds the gap).
fn join(lang: Lang, a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}{}{b}", crate::i18n::sentence_gap(lang)),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: String,
    /// One per column; `None` is a gap.
    pub cells: Vec<Option<Cell>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The language of the headers, notes and readouts.
    pub lang: Lang,
    /// What the rows are, e.g. "Year" or "Market".
    pub row_header: &'static str,
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
    /// The series the figures come from, for "what each line counts".
    pub series: Vec<&'static Series>,
}

/// A caveat on one cell, numbered in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Footnote {
    pub row: String,
    pub column: String,
    pub text: String,
}

impl Table {
    /// Years down, series across: the table of a line chart over years.
    pub fn yearly(series: &[&'static Series], years: &[u16], lang: Lang) -> Self {
        Self {
            lang,
            row_header: t::common_year(lang),
            columns: series.iter().map(|s| s.name(lang)).collect(),
            rows: years
                .iter()
                .map(|&year| Row {
                    label: year.to_string(),
                    cells: series.iter().map(|s| s.point(year).map(|p| Cell::from_point(s, p, lang))).collect(),
                })
                .collect(),
            series: series.to_vec(),
        }
    }

    /// Whether any figure shown is of low confidence.
    pub fn has_low_confidence(&self) -> bool {
        self.rows.iter().flat_map(|r| r.cells.iter().flatten()).any(|c| c.confidence == Confidence::Low)
    }

    /// The sentence shown when a reader selects the mark of `row` (a category or year as the chart
    /// names it, possibly with a suffix such as a period) in `column` (a series name).
    pub fn readout(&self, row: &str, column: &str) -> Option<String> {
        let lang = self.lang;
        // A chart's category names may be wrapped onto lines (`charts::wrap_label`).
        let row = row.replace('\n', " ");
        let row = row.as_str();
        let row = self
            .rows
            .iter()
            .find(|r| r.label == row)
            .or_else(|| self.rows.iter().find(|r| [" ", ":", "："].iter().any(|gap| row.starts_with(&format!("{}{gap}", r.label)))))?;
        // A series name may be wrapped too (`charts::series_name`): compare without the breaks.
        let bare = |text: &str| text.replace(['\n', ' '], "");
        let index = self.columns.iter().position(|c| bare(c) == bare(column)).or((self.columns.len() == 1).then_some(0));
        let (column, cell) = match index {
            Some(i) => (self.columns[i].clone(), row.cells.get(i)?.as_ref()?),
            // Words, not numbers (the policy timeline): the whole row speaks.
            None => {
                let text: Vec<&str> = row.cells.iter().flatten().map(|c| c.text.as_str()).collect();
                let source = row.cells.iter().flatten().next()?.sources.first()?;
                let source = t::ui_source_cited(lang, source.publisher, &source.date_or_undated(lang));
                return Some(t::common_readout_words(lang, &row.label, &text.join(t::ui_sentence_separator(lang)), &source));
            }
        };
        let source = cell
            .sources
            .iter()
            .map(|s| t::ui_source_cited(lang, s.publisher, &s.date_or_undated(lang)))
            .collect::<Vec<_>>()
            .join(t::common_clause_separator(lang));
        let figure = match (cell.value, cell.unit) {
            (Some(v), Some(Unit::Vehicles)) => match format::readable(lang, Unit::Vehicles, v) {
                // "4.91 million vehicles (4,910,000)", but "233,748 vehicles" once.
                readable if readable == cell.text => t::common_vehicles_figure(lang, &readable),
                readable => t::common_vehicles_figure_exact(lang, &readable, &cell.text),
            },
            (Some(v), Some(unit)) => format::readable(lang, unit, v),
            _ => cell.text.clone(),
        };
        Some(t::common_readout(lang, &row.label, &column, &figure, &source))
    }

    /// Every source cited by a cell, once, in reading order.
    pub fn sources(&self) -> Vec<&'static Source> {
        let mut out: Vec<&'static Source> = Vec::new();
        for cell in self.rows.iter().flat_map(|r| r.cells.iter().flatten()) {
            for s in &cell.sources {
                if !out.contains(s) {
                    out.push(s);
                }
            }
        }
        out
    }

    pub fn footnotes(&self) -> Vec<Footnote> {
        let mut out = Vec::new();
        for row in &self.rows {
            for (column, cell) in self.columns.iter().zip(&row.cells) {
                let Some(cell) = cell else { continue };
                let low = if cell.confidence == Confidence::Low { t::common_low_confidence(self.lang) } else { "" };
                let text = join(self.lang, low, &cell.note);
                // A row of words (a measure of the policy timeline) is one fact: its caveat is
                // said once, not once per column.
                let repeated = cell.value.is_none() && out.last().is_some_and(|f: &Footnote| f.row == row.label && f.text == text);
                if !text.is_empty() && !repeated {
                    out.push(Footnote { row: row.label.clone(), column: column.clone(), text });
                }
            }
        }
        out
    }

    /// The footnote number of a cell among `notes` (this table's footnotes), if it has one.
    pub fn footnote_number(notes: &[Footnote], row: &str, column: &str) -> Option<usize> {
        notes.iter().position(|f| f.row == row && f.column == column).map(|i| i + 1)
    }

    /// The figures as CSV: one line per cell, with unit, confidence and sources. Values stay
    /// machine-readable in every language (plain numbers with a decimal point, unit and confidence
    /// ids, URLs); the header row is in the table's language, lowercase, like the labels it names.
    pub fn to_csv(&self) -> String {
        let lang = self.lang;
        let header = [
            // ASCII-only lowercasing: the headers start with ASCII capitals in every language, and
            // full Unicode case tables would weigh on the wasm for nothing.
            self.row_header.to_ascii_lowercase(),
            t::ui_csv_series(lang).into(),
            t::ui_csv_value(lang).into(),
            t::ui_csv_unit(lang).into(),
            t::ui_csv_confidence(lang).into(),
            t::ui_csv_source(lang).into(),
            t::ui_csv_source_url(lang).into(),
            t::ui_csv_note(lang).into(),
        ];
        let mut out = header.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",");
        out.push('\n');
        for row in &self.rows {
            for (column, cell) in self.columns.iter().zip(&row.cells) {
                let Some(cell) = cell else { continue };
                let fields = [
                    row.label.clone(),
                    column.clone(),
                    cell.value.map(|v| format!("{v}")).unwrap_or_else(|| cell.text.clone()),
                    cell.unit.map(|u| u.id().to_string()).unwrap_or_default(),
                    match cell.confidence {
                        Confidence::High => "high",
                        Confidence::Medium => "medium",
                        Confidence::Low => "low",
                    }
                    .to_string(),
                    cell.sources
                        .iter()
                        .map(|s| format!("{}, {} ({})", s.publisher, s.title, s.date_or_undated(self.lang)))
                        .collect::<Vec<_>>()
                        .join("; "),
                    cell.sources.iter().map(|s| s.url).filter(|u| !u.is_empty()).collect::<Vec<_>>().join(" "),
                    cell.note.clone(),
                ];
                out.push_str(&fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
                out.push('\n');
            }
        }
        out
    }
}

/// Quotes a field when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::i18n::Lang;
    use crate::story::model::series;

    #[test]
    fn a_yearly_table_has_gaps_and_footnotes() {
        let table = Table::yearly(&[series("china-caam").unwrap(), series("japan-jama").unwrap()], &[2015, 2016], Lang::En);
        assert_eq!(table.columns, ["China (CAAM)", "Japan (JAMA)"]);
        assert!(table.rows[1].cells[0].is_none(), "2016 is a gap");
        let notes = table.footnotes();
        assert_eq!(notes.len(), 2);
        assert!(notes[0].text.starts_with("Other secondary sources"), "{}", notes[0].text);
        assert!(notes[1].text.starts_with("Derived from the 1.5% rise"), "{}", notes[1].text);
        assert_eq!(Table::footnote_number(&notes, "2016", "Japan (JAMA)"), Some(2));
    }

    #[test]
    fn partial_years_are_said_in_the_note() {
        let s = series("dest-belgium").unwrap();
        let cell = Cell::from_point(s, s.point_in(2025, "jan-sep").unwrap(), Lang::En);
        assert_eq!(cell.note, "January–September 2025 only. Customs figures by destination, as passed on by CAAM and ECG.");
    }

    #[test]
    fn csv_has_one_line_per_figure_with_units_and_sources() {
        let table = Table::yearly(&[series("china-caam").unwrap()], &[2016, 2023], Lang::En);
        let csv = table.to_csv();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "year,series,value,unit,confidence,source,source_url,note");
        assert_eq!(lines.len(), 2, "2016 is a gap: no line");
        assert!(lines[1].starts_with("2023,China (CAAM),4910000,vehicles,high,\"Shanghai Daily, "), "{}", lines[1]);
        assert!(lines[1].contains("https://www.shine.cn/biz/auto/2401111656/"));
    }

    #[test]
    fn derived_cells_cite_every_input_and_take_the_weakest_confidence() {
        let total = series("china-caam").unwrap().point(2015).unwrap();
        let vw = series("vw-bev-china").unwrap().point(2024).unwrap();
        let cell = Cell::derived(1.0, Unit::Vehicles, &[total, vw], "Derived.", Lang::En);
        assert_eq!(cell.sources.len(), 2);
        assert_eq!(cell.confidence, Confidence::Low);
    }

    #[test]
    fn a_selected_mark_reads_its_figure_and_source() {
        let table = Table::yearly(&[series("china-caam").unwrap()], &[2023], Lang::En);
        assert_eq!(
            table.readout("2023", "China (CAAM)").unwrap(),
            "2023, China (CAAM): 4.91 million vehicles (4,910,000), source: Shanghai Daily, 11 Jan 2024."
        );
        assert_eq!(table.readout("1999", "China (CAAM)"), None);
        let markets = crate::charts::destinations::table(crate::charts::destinations::MarketsView::Year2025, Lang::En);
        let belgium = markets.readout("Belgium\n(January–September)", "Vehicles, 2025").unwrap();
        assert!(belgium.starts_with("Belgium, Vehicles, 2025: 233,748 vehicles, source: Automotive Logistics"), "{belgium}");
        let policy = crate::charts::policy::table(&crate::charts::policy::PolicyView::default(), Lang::En);
        let measure = policy.readout("16 Jan 2026: Canada and China agree an EV quota", "Deal").unwrap();
        assert!(measure.starts_with("16 Jan 2026: Canada. Deal. Canada and China agree an EV quota."), "{measure}");
    }

    #[test]
    fn csv_headers_follow_the_language_and_values_stay_machine_readable() {
        let table = Table::yearly(&[series("china-caam").unwrap()], &[2023], Lang::De);
        let csv = table.to_csv();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "jahr,reihe,wert,einheit,verlässlichkeit,quelle,quelle_url,anmerkung");
        assert!(lines[1].starts_with("2023,"), "{}", lines[1]);
        assert!(lines[1].contains(",4910000,vehicles,high,"), "{}", lines[1]);
        let comma = Table { row_header: "Measure, 2024", ..Table::default() };
        assert!(comma.to_csv().starts_with("\"measure, 2024\",series,"), "a header with a comma is quoted");
    }

    #[test]
    fn a_selected_mark_reads_in_chinese() {
        let table = Table::yearly(&[series("china-caam").unwrap()], &[2023], Lang::Zh);
        let readout = table.readout("2023", &table.columns[0]).unwrap();
        assert!(readout.starts_with("2023，"), "{readout}");
        assert!(readout.contains("491万") && readout.contains("来源：Shanghai Daily，2024年1月11日"), "{readout}");
    }

    #[test]
    fn chinese_notes_join_without_spaces() {
        assert_eq!(join(Lang::Zh, "可信度低。", "下限。"), "可信度低。下限。");
        assert_eq!(join(Lang::En, "Low confidence.", "A lower bound."), "Low confidence. A lower bound.");
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    /// The amount a text means, from its number and its unit word: "59.3亿美元" is 5.93e9,
    /// "(十亿美元)" over "5.93" is 5.93e9, "US$5.93 billion" too.
    fn amount(number_text: &str, unit_text: &str) -> f64 {
        let digits: String =
            number_text.chars().skip_while(|c| !c.is_ascii_digit()).take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',').collect();
        let digits = digits.trim_end_matches(['.', ',']);
        // German and Dutch write a decimal comma; the money here never reaches thousands.
        let number: f64 = digits.replace(',', ".").parse().unwrap_or_else(|_| panic!("no number in {number_text}"));
        let scale = if unit_text.contains("十亿") {
            1e9
        } else if unit_text.contains('亿') {
            1e8
        } else if ["billion", "Mrd.", "miljard"].iter().any(|w| unit_text.contains(w)) {
            1e9
        } else {
            panic!("no money unit in {unit_text}")
        };
        number * scale
    }

    #[test]
    fn a_money_cell_means_what_its_tooltip_says_in_every_language() {
        use crate::charts::{destinations, investment};
        for lang in Lang::ALL {
            let tables = [
                destinations::table(destinations::MarketsView::Value2023, lang),
                investment::table(investment::InvestmentView::AbroadVsHome, lang),
            ];
            let mut checked = 0;
            for table in tables {
                for row in &table.rows {
                    for (column, cell) in table.columns.iter().zip(&row.cells) {
                        let Some(cell) = cell else { continue };
                        let (Some(value), Some(Unit::UsdBn)) = (cell.value, cell.unit) else { continue };
                        // The tooltip and the bar's label say the value as `format::readable` does.
                        let tooltip = format::readable(lang, Unit::UsdBn, value);
                        let in_cell = amount(&cell.text, column);
                        let in_tooltip = amount(&tooltip, &tooltip);
                        assert!(
                            (in_cell - in_tooltip).abs() < in_tooltip * 0.01,
                            "{lang:?}: '{}' under '{column}' against the tooltip's '{tooltip}'",
                            cell.text
                        );
                        checked += 1;
                    }
                }
            }
            assert!(checked >= 5, "{lang:?}: {checked} money cells");
        }
    }

    #[test]
    fn a_row_of_words_says_its_caveat_once() {
        let table = crate::charts::policy::table(&crate::charts::policy::PolicyView::default(), Lang::En);
        let notes = table.footnotes();
        for (i, note) in notes.iter().enumerate() {
            assert!(!notes[..i].iter().any(|n| n.row == note.row && n.text == note.text), "{} repeats '{}'", note.row, note.text);
        }
        let low = crate::story::model::EVENTS.iter().filter(|e| e.topic == "policy" && e.confidence == Confidence::Low).count();
        assert_eq!(
            notes.iter().filter(|n| n.text.starts_with("Low confidence")).count(),
            low,
            "each low-confidence measure keeps one note"
        );
    }
}
