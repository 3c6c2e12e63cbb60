//! `monthly.csv`: figures for single months (`YYYY-MM`), read into the same [`Observation`]s as
//! the yearly figures, with two extra checks: the month is a real one, and a figure derived from
//! others (a year-to-date total minus the months before it, say) names its second source and
//! gives its arithmetic in the note.

use std::collections::HashMap;

use serde::Deserialize;

use crate::checks::{self, CheckColumns};
use crate::error::{DataError, read_csv};
use crate::observations::{FIRST_YEAR, LAST_YEAR, Observation, check_count, check_figure};
use crate::series::Series;
use crate::sources::Source;

#[derive(Deserialize)]
struct Row {
    series: String,
    month: String,
    value: String,
    count: String,
    confidence: String,
    source: String,
    #[serde(default)]
    derived_from: String,
    #[serde(default)]
    note: String,
    verdict: String,
    checked: String,
    evidence: String,
}

const HEADER: [&str; 11] =
    ["series", "month", "value", "count", "confidence", "source", "derived_from", "note", "verdict", "checked", "evidence"];

/// `YYYY-MM` with a year in range and a month from 01 to 12.
fn parse_month(text: &str) -> Result<(u16, u8), String> {
    let problem = || format!("month '{text}' is not a month written YYYY-MM, from {FIRST_YEAR}-01 to {LAST_YEAR}-12");
    let (year, month) = text.split_once('-').ok_or_else(problem)?;
    if year.len() != 4 || month.len() != 2 {
        return Err(problem());
    }
    let year: u16 = year.parse().map_err(|_| problem())?;
    let month: u8 = month.parse().map_err(|_| problem())?;
    if (FIRST_YEAR..=LAST_YEAR).contains(&year) && (1..=12).contains(&month) { Ok((year, month)) } else { Err(problem()) }
}

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
    let mut first_line_of: HashMap<(String, u16, u8), usize> = HashMap::new();
    for (line, row) in rows {
        let mut problems = Vec::new();
        if ids_known && !series.iter().any(|s| s.id == row.series) {
            problems.push(format!("unknown series '{}' (not in series.toml)", row.series));
        }
        let month = parse_month(&row.month).map_err(|p| problems.push(p)).ok();
        let (value, confidence) =
            check_figure(&row.value, &row.confidence, &row.source, &row.series, sources, series, ids_known, &mut problems);
        if !row.derived_from.is_empty() {
            if ids_known && !sources.iter().any(|s| s.id == row.derived_from) {
                problems.push(format!("unknown source '{}' in derived_from (not in sources.toml)", row.derived_from));
            }
            if row.note.trim().is_empty() {
                problems.push("a derived figure needs a note giving its arithmetic".to_string());
            }
        }
        let columns = CheckColumns {
            verdict: &row.verdict,
            checked: &row.checked,
            evidence: &row.evidence,
            confidence: &row.confidence,
            computed: !row.derived_from.is_empty(),
        };
        let check = checks::read(columns, &mut problems);
        check_count(&row.count, &row.series, series, ids_known, &mut problems);
        if let Some((year, month)) = month {
            let key = (row.series.clone(), year, month);
            if let Some(first) = first_line_of.get(&key) {
                problems.push(format!("duplicate month {} for series '{}' (first on line {first})", row.month, row.series));
            } else {
                first_line_of.insert(key, line);
            }
        }
        match (month, value, confidence, check, problems.is_empty()) {
            (Some((year, month)), Some(value), Some(confidence), Some(check), true) => observations.push(Observation {
                series: row.series,
                year,
                period: String::new(),
                month,
                derived_from: row.derived_from,
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
    if errors.is_empty() { Ok(observations) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(rows: &str) -> Result<Vec<Observation>, Vec<DataError>> {
        let source = |id: &str| Source {
            id: id.into(),
            publisher: "SteelOrbis".into(),
            title: "t".into(),
            url: "https://example.org".into(),
            date: "2026-03-12".into(),
            line: 1,
        };
        let series = Series {
            id: "china-caam-monthly".into(),
            label: "China".into(),
            country: "china".into(),
            count: "CAAM".into(),
            definition: "d".into(),
            unit: "vehicles".into(),
            line: 1,
        };
        let text = format!("series,month,value,count,confidence,source,derived_from,note,verdict,checked,evidence\n{rows}");
        parse("data/monthly.csv", &text, &[source("jan"), source("feb")], &[series], true)
    }

    fn first_error(rows: &str) -> String {
        check(rows).unwrap_err()[0].to_string()
    }

    #[test]
    fn reads_a_month_and_a_derived_month() {
        let rows = check("china-caam-monthly,2026-01,681000,CAAM,H,jan,,,confirmed,2026-12-02,q\nchina-caam-monthly,2026-02,672000,CAAM,M,feb,jan,\"January-February 1,352,000 minus January 681,000\",derived,2026-12-02,q\n").unwrap();
        assert_eq!((rows[0].year, rows[0].month, rows[0].period.as_str()), (2026, 1, ""));
        assert_eq!(rows[1].derived_from, "jan");
        assert_eq!(rows[1].line, 3);
    }

    #[test]
    fn a_month_outside_one_to_twelve_or_badly_written_is_refused() {
        for month in ["2026-13", "2026-00", "2026-1", "26-01", "2026", "2026-xx", "1990-01"] {
            let err = first_error(&format!("china-caam-monthly,{month},1,CAAM,H,jan,,,confirmed,2026-12-02,q\n"));
            assert_eq!(err, format!("data/monthly.csv:2: month '{month}' is not a month written YYYY-MM, from 2000-01 to 2030-12"));
        }
    }

    #[test]
    fn a_derived_figure_names_its_second_source_and_its_arithmetic() {
        assert_eq!(
            first_error("china-caam-monthly,2026-02,1,CAAM,M,feb,xinhua,a - b,derived,2026-12-02,q\n"),
            "data/monthly.csv:2: unknown source 'xinhua' in derived_from (not in sources.toml)"
        );
        assert_eq!(
            first_error("china-caam-monthly,2026-02,1,CAAM,M,feb,jan,,derived,2026-12-02,q\n"),
            "data/monthly.csv:2: a derived figure needs a note giving its arithmetic"
        );
        assert!(
            first_error("china-caam-monthly,2026-02,1,CAAM,H,feb,jan,a - b,derived,2026-12-02,q\n").contains("cannot have confidence H")
        );
    }

    #[test]
    fn duplicates_and_unsourced_months_are_refused() {
        assert_eq!(
            first_error(
                "china-caam-monthly,2026-01,1,CAAM,H,jan,,,confirmed,2026-12-02,q\nchina-caam-monthly,2026-01,2,CAAM,H,jan,,,confirmed,2026-12-02,q\n"
            ),
            "data/monthly.csv:3: duplicate month 2026-01 for series 'china-caam-monthly' (first on line 2)"
        );
        assert_eq!(
            first_error("china-caam-monthly,2026-01,1,CAAM,H,,,,confirmed,2026-12-02,q\n"),
            "data/monthly.csv:2: value has no source"
        );
    }
}
