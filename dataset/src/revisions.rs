//! `revisions.csv`: every change to a figure once it was published, so that a reader (and a
//! newsroom that quoted it) can see what moved, when and why. The build checks each revision
//! against the data: its new value must be the figure the page now shows.

use serde::Deserialize;

use crate::error::{DataError, is_date, read_csv};
use crate::observations::{Observation, PERIODS};
use crate::series::Series;
use crate::sources::Source;

/// One correction of one figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    /// When it was made, `YYYY-MM-DD`.
    pub date: String,
    pub series: String,
    pub year: u16,
    /// Part of the year, as in `figures.csv`; empty for a whole year or a month.
    pub period: String,
    /// The month of a monthly figure; 0 otherwise.
    pub month: u8,
    pub old_value: f64,
    /// `None` when the figure was dropped.
    pub new_value: Option<f64>,
    pub reason: String,
    /// The source of the new value (or of the reason for dropping it).
    pub source: String,
    pub line: usize,
}

#[derive(Deserialize)]
struct Row {
    date: String,
    series: String,
    period: String,
    old_value: String,
    new_value: String,
    reason: String,
    source: String,
}

const HEADER: [&str; 7] = ["date", "series", "period", "old_value", "new_value", "reason", "source"];

/// `2020` (a year), `2025 jan-aug` (part of one) or `2026-03` (a month).
fn parse_period(text: &str) -> Option<(u16, String, u8)> {
    let year = |y: &str| y.parse::<u16>().ok().filter(|n| y.len() == 4 && (2000..=2030).contains(n));
    if let Some((y, part)) = text.split_once(' ') {
        return (!part.is_empty() && PERIODS.contains(&part)).then_some((year(y)?, part.to_string(), 0));
    }
    if let Some((y, m)) = text.split_once('-') {
        let month = m.parse::<u8>().ok().filter(|n| m.len() == 2 && (1..=12).contains(n))?;
        return Some((year(y)?, String::new(), month));
    }
    Some((year(text)?, String::new(), 0))
}

/// The figure a revision names, if the data has it.
fn figure<'a>(observations: &'a [Observation], series: &str, year: u16, period: &str, month: u8) -> Option<&'a Observation> {
    observations.iter().find(|o| o.series == series && o.year == year && o.period == period && o.month == month)
}

pub(crate) fn parse(
    file: &str,
    text: &str,
    sources: &[Source],
    series: &[Series],
    observations: &[Observation],
    ids_known: bool,
) -> Result<Vec<Revision>, Vec<DataError>> {
    let mut errors = Vec::new();
    let rows: Vec<(usize, Row)> = read_csv(file, text, &HEADER, &mut errors)?;
    let mut revisions = Vec::new();
    for (line, row) in rows {
        let mut problems = Vec::new();
        if !(row.date.len() == 10 && is_date(&row.date)) {
            problems.push(format!("date '{}' must be YYYY-MM-DD", row.date));
        }
        if ids_known && !series.iter().any(|s| s.id == row.series) {
            problems.push(format!("unknown series '{}' (not in series.toml)", row.series));
        }
        let period = parse_period(&row.period);
        if period.is_none() {
            problems.push(format!("period '{}' must be a year (2020), part of one (2025 jan-aug) or a month (2026-03)", row.period));
        }
        let number = |text: &str, what: &str, problems: &mut Vec<String>| match text.replace('_', "").parse::<f64>() {
            Ok(v) if v.is_finite() && v >= 0.0 => Some(v),
            _ => {
                problems.push(format!("{what} '{text}' is not a number"));
                None
            }
        };
        let old_value = number(&row.old_value, "old_value", &mut problems);
        let new_value = if row.new_value.is_empty() { Some(None) } else { number(&row.new_value, "new_value", &mut problems).map(Some) };
        if row.reason.trim().is_empty() {
            problems.push("a revision needs its reason".to_string());
        }
        if row.source.is_empty() {
            problems.push("a revision needs the source of its new value".to_string());
        } else if ids_known && !sources.iter().any(|s| s.id == row.source) {
            problems.push(format!("unknown source '{}' (not in sources.toml)", row.source));
        }
        if let (Some((year, part, month)), Some(new_value), true) = (&period, new_value, ids_known) {
            let now = figure(observations, &row.series, *year, part, *month);
            match (new_value, now) {
                (Some(new), Some(now)) if (now.value - new).abs() > 1e-9 => problems.push(format!(
                    "the new value {} of {} {} is not the figure in the data ({}); correct the data or this revision",
                    row.new_value, row.series, row.period, now.value
                )),
                (Some(_), None) => problems.push(format!(
                    "the data has no figure for {} {}, so its new value {} is not on the page",
                    row.series, row.period, row.new_value
                )),
                (None, Some(now)) => {
                    problems.push(format!("the revision drops {} {}, but the data still has it ({})", row.series, row.period, now.value))
                }
                _ => {}
            }
        }
        if old_value.is_some() && new_value.is_some_and(|n| n == old_value) {
            problems.push("the old and the new value are the same".to_string());
        }
        match (period, old_value, new_value, problems.is_empty()) {
            (Some((year, period, month)), Some(old_value), Some(new_value), true) => revisions.push(Revision {
                date: row.date,
                series: row.series,
                year,
                period,
                month,
                old_value,
                new_value,
                reason: row.reason,
                source: row.source,
                line,
            }),
            _ => errors.extend(problems.into_iter().map(|p| DataError::new(file, line, p))),
        }
    }
    if errors.is_empty() { Ok(revisions) } else { Err(errors) }
}
