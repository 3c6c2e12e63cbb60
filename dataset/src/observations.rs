use std::collections::HashMap;

use serde::Deserialize;

use crate::checks::{self, Check, CheckColumns};
use crate::error::{DataError, read_csv};
use crate::series::Series;
use crate::sources::Source;

/// How far a figure can be trusted, as in the reference figures: H official or primary, M
/// reputable secondary or derived arithmetically, L a single weak source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
    High,
    Medium,
    Low,
}

/// One figure: one series, one year (or part of it, or one month).
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub series: String,
    pub year: u16,
    /// Part of the year the figure covers, e.g. "jan-sep"; empty for the whole year or a month.
    pub period: String,
    /// The month (1-12) of a monthly figure (`monthly.csv`); 0 for a year or part of one.
    pub month: u8,
    /// For a figure computed from others (e.g. a month as a year-to-date total minus the one
    /// before): the id of the second source it rests on; the note gives the arithmetic. Empty for
    /// a figure as published.
    pub derived_from: String,
    pub value: f64,
    pub confidence: Confidence,
    pub source: String,
    /// A caveat shown with the figure, e.g. "fiscal year" or "derived from the 2020 change".
    pub note: String,
    /// How it was checked against its source.
    pub check: Check,
    pub line: usize,
}

impl Observation {
    /// The last month the figure covers: a monthly figure its month, a whole year December, part
    /// of a year the last month of [`PERIODS`]' span. The app gets it with each point, so the
    /// story's "Figures up to" month and the build's date checks read the periods one way.
    pub fn last_month(&self) -> u8 {
        match (self.month, self.period.as_str()) {
            (0, "jan-feb") => 2,
            (0, "q1") => 3,
            (0, "jan-apr") => 4,
            (0, "jan-may") => 5,
            (0, "h1") => 6,
            (0, "jan-jul") => 7,
            (0, "jan-aug") => 8,
            (0, "jan-sep") => 9,
            (0, "jan-oct") => 10,
            (0, "jan-nov") => 11,
            (0, _) => 12,
            (month, _) => month,
        }
    }
}

#[derive(Deserialize)]
struct Row {
    series: String,
    year: String,
    #[serde(default)]
    period: String,
    value: String,
    count: String,
    confidence: String,
    source: String,
    #[serde(default)]
    note: String,
    verdict: String,
    checked: String,
    evidence: String,
}

const HEADER: [&str; 11] = ["series", "year", "period", "value", "count", "confidence", "source", "note", "verdict", "checked", "evidence"];

/// Parts of a year a figure may cover (empty: the whole year).
pub const PERIODS: &[&str] = &["", "jan-feb", "q1", "jan-apr", "jan-may", "h1", "jan-jul", "jan-aug", "jan-sep", "jan-oct", "jan-nov"];
pub const FIRST_YEAR: u16 = 2000;
pub const LAST_YEAR: u16 = 2030;

/// `ids_known` says whether `sources` and `series` parsed; without them, unknown-id checks are
/// skipped rather than reported for every row.
pub(crate) fn parse(
    file: &str,
    text: &str,
    sources: &[Source],
    series: &[Series],
    ids_known: bool,
) -> Result<Vec<Observation>, Vec<DataError>> {
    let mut errors = Vec::new();
    let rows: Vec<(usize, Row)> = read_csv(file, text, &HEADER, &mut errors)?;
    let mut observations = Vec::new();
    let mut first_line_of: HashMap<(String, u16, String), usize> = HashMap::new();
    for (line, row) in rows {
        let mut problems = Vec::new();
        if ids_known && !series.iter().any(|s| s.id == row.series) {
            problems.push(format!("unknown series '{}' (not in series.toml)", row.series));
        }
        let year = match row.year.parse::<u16>() {
            Ok(y) if (FIRST_YEAR..=LAST_YEAR).contains(&y) => Some(y),
            _ => {
                problems.push(format!("year '{}' is not a year from {FIRST_YEAR} to {LAST_YEAR}", row.year));
                None
            }
        };
        if !PERIODS.contains(&row.period.as_str()) {
            problems.push(format!("period '{}' is not one of: {}", row.period, PERIODS[1..].join(", ")));
        }
        let (value, confidence) =
            check_figure(&row.value, &row.confidence, &row.source, &row.series, sources, series, ids_known, &mut problems);
        let columns = CheckColumns {
            verdict: &row.verdict,
            checked: &row.checked,
            evidence: &row.evidence,
            confidence: &row.confidence,
            computed: false,
        };
        let check = checks::read(columns, &mut problems);
        check_count(&row.count, &row.series, series, ids_known, &mut problems);
        if let Some(year) = year {
            let key = (row.series.clone(), year, row.period.clone());
            if let Some(first) = first_line_of.get(&key) {
                let when = if row.period.is_empty() { year.to_string() } else { format!("{year} {}", row.period) };
                problems.push(format!("duplicate year {when} for series '{}' (first on line {first})", row.series));
            } else {
                first_line_of.insert(key, line);
            }
        }
        match (year, value, confidence, check, problems.is_empty()) {
            (Some(year), Some(value), Some(confidence), Some(check), true) => observations.push(Observation {
                series: row.series,
                year,
                period: row.period,
                month: 0,
                derived_from: String::new(),
                value,
                confidence,
                source: row.source,
                note: row.note,
                check,
                line,
            }),
            _ => errors.extend(problems.into_iter().map(|p| DataError::new(file, line, p))),
        }
    }
    if observations.is_empty() && errors.is_empty() {
        errors.push(DataError::new(file, 0, "has no rows"));
    }
    if errors.is_empty() { Ok(observations) } else { Err(errors) }
}

/// A figure names who counted it, and that is its series' count: a line or bar series that mixed
/// counting bodies would compare unlike with unlike from one point to the next.
pub(crate) fn check_count(count: &str, series_id: &str, series: &[Series], ids_known: bool, problems: &mut Vec<String>) {
    if count.trim().is_empty() {
        problems.push("figure has no count: name the body that counted it (CAAM, customs, CPCA, ...)".to_string());
        return;
    }
    let Some(series) = series.iter().find(|s| s.id == series_id) else { return };
    if ids_known && series.count != count {
        problems.push(format!(
            "figure counted by '{count}' in series '{series_id}', which is counted by '{}': one series holds one count, so give this figure a series of its own",
            series.count
        ));
    }
}

/// The checks every figure gets, yearly or monthly: a number in range for its unit, a confidence,
/// a known source. Problems go to `problems`; the parsed value and confidence are returned.
#[allow(clippy::too_many_arguments)]
pub(crate) fn check_figure(
    value: &str,
    confidence: &str,
    source: &str,
    series_id: &str,
    sources: &[Source],
    series: &[Series],
    ids_known: bool,
    problems: &mut Vec<String>,
) -> (Option<f64>, Option<Confidence>) {
    let unit = series.iter().find(|s| s.id == series_id).map(|s| s.unit.as_str());
    let value = match value.replace('_', "").parse::<f64>() {
        Ok(v) if v.is_finite() && v > 100.0 && unit == Some("percent") => {
            problems.push(format!("value '{}' is above 100 for a percent series", value));
            None
        }
        Ok(v) if v.is_finite() && v >= 0.0 => Some(v),
        Ok(v) if v < 0.0 => {
            problems.push(format!("value '{}' is negative", value));
            None
        }
        _ => {
            problems.push(format!("value '{}' is not a number", value));
            None
        }
    };
    let confidence = match confidence {
        "H" => Some(Confidence::High),
        "M" => Some(Confidence::Medium),
        "L" => Some(Confidence::Low),
        other => {
            problems.push(format!("confidence '{other}' must be H, M or L"));
            None
        }
    };
    if source.is_empty() {
        problems.push("value has no source".to_string());
    } else if ids_known && !sources.iter().any(|s| s.id == source) {
        problems.push(format!("unknown source '{}' (not in sources.toml)", source));
    }
    (value, confidence)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixtures() -> (Vec<Source>, Vec<Series>) {
        let sources = vec![Source {
            id: "xinhua".into(),
            publisher: "Xinhua".into(),
            title: "t".into(),
            url: "https://example.org".into(),
            date: "2021".into(),
            line: 1,
        }];
        let series = vec![Series {
            id: "china-caam".into(),
            label: "China".into(),
            country: "china".into(),
            count: "CAAM".into(),
            definition: "d".into(),
            unit: "vehicles".into(),
            line: 1,
        }];
        (sources, series)
    }

    fn check(rows: &str) -> Result<Vec<Observation>, Vec<DataError>> {
        let (sources, series) = fixtures();
        let text = format!("series,year,period,value,count,confidence,source,note,verdict,checked,evidence\n{rows}");
        parse("data/exports.csv", &text, &sources, &series, true)
    }

    fn first_error(rows: &str) -> String {
        check(rows).unwrap_err()[0].to_string()
    }

    #[test]
    fn reads_valid_rows_with_notes_and_lines() {
        let rows = check(
            "china-caam,2020,,995000,CAAM,H,xinhua,,confirmed,2026-12-02,q\nchina-caam,2021,,\"2,015,000\",CAAM,H,xinhua,a note,confirmed,2026-12-02,q\n",
        );
        // A thousands separator is not a number: editors write 2015000 or 2_015_000.
        assert!(rows.is_err());
        let rows = check("china-caam,2020,,995000,CAAM,H,xinhua,,confirmed,2026-12-02,q\nchina-caam,2021,,2_015_000,CAAM,M,xinhua,\"derived, from a change\",confirmed,2026-12-02,q\n").unwrap();
        assert_eq!(rows[1].value, 2_015_000.0);
        assert_eq!(rows[1].confidence, Confidence::Medium);
        assert_eq!(rows[1].note, "derived, from a change");
        assert_eq!(rows[1].line, 3);
    }

    #[test]
    fn a_value_without_a_source_stops_the_build() {
        assert_eq!(first_error("china-caam,2020,,995000,CAAM,H,,,confirmed,2026-12-02,q\n"), "data/exports.csv:2: value has no source");
    }

    #[test]
    fn an_unknown_source_or_series_is_named() {
        assert_eq!(
            first_error("china-caam,2020,,995000,CAAM,H,reuters,,confirmed,2026-12-02,q\n"),
            "data/exports.csv:2: unknown source 'reuters' (not in sources.toml)"
        );
        assert_eq!(
            first_error("china-jama,2020,,995000,CAAM,H,xinhua,,confirmed,2026-12-02,q\n"),
            "data/exports.csv:2: unknown series 'china-jama' (not in series.toml)"
        );
    }

    #[test]
    fn a_duplicate_year_names_both_lines() {
        assert_eq!(
            first_error(
                "china-caam,2020,,995000,CAAM,H,xinhua,,confirmed,2026-12-02,q\nchina-caam,2020,,1000000,CAAM,H,xinhua,,confirmed,2026-12-02,q\n"
            ),
            "data/exports.csv:3: duplicate year 2020 for series 'china-caam' (first on line 2)"
        );
    }

    #[test]
    fn negative_and_non_numeric_values_are_refused() {
        assert_eq!(
            first_error("china-caam,2020,,-5,CAAM,H,xinhua,,confirmed,2026-12-02,q\n"),
            "data/exports.csv:2: value '-5' is negative"
        );
        assert_eq!(
            first_error("china-caam,2020,,lots,CAAM,H,xinhua,,confirmed,2026-12-02,q\n"),
            "data/exports.csv:2: value 'lots' is not a number"
        );
        assert_eq!(
            first_error("china-caam,2020,,NaN,CAAM,H,xinhua,,confirmed,2026-12-02,q\n"),
            "data/exports.csv:2: value 'NaN' is not a number"
        );
    }

    #[test]
    fn bad_years_and_confidence_are_refused() {
        assert!(first_error("china-caam,20x0,,1,CAAM,H,xinhua,,confirmed,2026-12-02,q\n").contains("year '20x0' is not a year"));
        assert!(first_error("china-caam,1990,,1,CAAM,H,xinhua,,confirmed,2026-12-02,q\n").contains("year '1990'"));
        assert!(
            first_error("china-caam,2020,,1,CAAM,high,xinhua,,confirmed,2026-12-02,q\n").contains("confidence 'high' must be H, M or L")
        );
    }

    #[test]
    fn a_short_row_or_wrong_header_is_refused() {
        let err = first_error("china-caam,2020\n");
        assert!(err.starts_with("data/exports.csv:2: row cannot be read"), "{err}");
        let (sources, series) = fixtures();
        let errors = parse("data/exports.csv", "series,year,amount\n", &sources, &series, true).unwrap_err();
        assert!(errors[0].to_string().starts_with("data/exports.csv:1: header is 'series,year,amount'"));
    }

    #[test]
    fn a_figure_runs_to_the_last_month_of_its_period() {
        let rows = check("china-caam,2025,,1,CAAM,H,xinhua,,confirmed,2026-12-02,q\nchina-caam,2025,jan-aug,1,CAAM,H,xinhua,,confirmed,2026-12-02,q\nchina-caam,2025,h1,1,CAAM,H,xinhua,,confirmed,2026-12-02,q\n").unwrap();
        assert_eq!(rows.iter().map(Observation::last_month).collect::<Vec<_>>(), [12, 8, 6]);
        assert_eq!(Observation { month: 3, ..rows[0].clone() }.last_month(), 3);
    }

    #[test]
    fn a_partial_year_is_its_own_figure_and_periods_are_checked() {
        let rows = check(
            "china-caam,2025,,1,CAAM,H,xinhua,,confirmed,2026-12-02,q\nchina-caam,2025,jan-aug,1,CAAM,H,xinhua,,confirmed,2026-12-02,q\n",
        )
        .unwrap();
        assert_eq!(rows[1].period, "jan-aug");
        assert!(first_error("china-caam,2025,spring,1,CAAM,H,xinhua,,confirmed,2026-12-02,q\n").contains("period 'spring' is not one of"));
    }

    #[test]
    fn every_problem_is_reported_not_just_the_first() {
        let errors =
            check("china-caam,2020,,-1,CAAM,H,xinhua,,confirmed,2026-12-02,q\nchina-caam,2021,,1,CAAM,X,,,confirmed,2026-12-02,q\n")
                .unwrap_err();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), vec![2, 3, 3]);
    }
}
