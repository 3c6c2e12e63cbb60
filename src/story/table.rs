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
mod tests;
