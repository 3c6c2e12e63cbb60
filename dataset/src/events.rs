use serde::Deserialize;

use crate::checks::{self, Check, CheckColumns};
use crate::error::{DataError, is_date, read_csv};
use crate::sources::Source;

/// A dated event: a trade measure, or a milestone of Sino-German cooperation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    pub topic: String,
    /// Who acts: a country or the EU.
    pub actor: String,
    pub kind: String,
    pub title: String,
    pub detail: String,
    pub source: String,
    pub confidence: String,
    /// How its date and details were checked against its source.
    pub check: Check,
    pub line: usize,
}

#[derive(Deserialize)]
struct Row {
    date: String,
    topic: String,
    actor: String,
    kind: String,
    title: String,
    detail: String,
    source: String,
    confidence: String,
    verdict: String,
    checked: String,
    evidence: String,
}

const HEADER: [&str; 11] = ["date", "topic", "actor", "kind", "title", "detail", "source", "confidence", "verdict", "checked", "evidence"];
pub const TOPICS: &[&str] = &["policy", "sino-german"];
pub const KINDS: &[&str] = &["tariff", "licence", "probe", "fee", "deal", "statement", "forum", "agreement"];

pub(crate) fn parse(file: &str, text: &str, sources: &[Source], ids_known: bool) -> Result<Vec<Event>, Vec<DataError>> {
    let mut errors = Vec::new();
    let rows: Vec<(usize, Row)> = read_csv(file, text, &HEADER, &mut errors)?;
    let mut events = Vec::new();
    for (line, row) in rows {
        let mut problems = Vec::new();
        if !is_date(&row.date) {
            problems.push(format!("date '{}' must be YYYY, YYYY-MM or YYYY-MM-DD", row.date));
        }
        if !TOPICS.contains(&row.topic.as_str()) {
            problems.push(format!("topic '{}' is not one of: {}", row.topic, TOPICS.join(", ")));
        }
        if !KINDS.contains(&row.kind.as_str()) {
            problems.push(format!("kind '{}' is not one of: {}", row.kind, KINDS.join(", ")));
        }
        for (field, value) in [("actor", &row.actor), ("title", &row.title)] {
            if value.is_empty() {
                problems.push(format!("{field} is empty"));
            }
        }
        if row.source.is_empty() {
            problems.push("event has no source".to_string());
        } else if ids_known && !sources.iter().any(|s| s.id == row.source) {
            problems.push(format!("unknown source '{}' (not in sources.toml)", row.source));
        }
        if !["H", "M", "L"].contains(&row.confidence.as_str()) {
            problems.push(format!("confidence '{}' must be H, M or L", row.confidence));
        }
        let columns = CheckColumns {
            verdict: &row.verdict,
            checked: &row.checked,
            evidence: &row.evidence,
            confidence: &row.confidence,
            computed: false,
        };
        let check = checks::read(columns, &mut problems);
        if let (Some(check), true) = (check, problems.is_empty()) {
            events.push(Event {
                date: row.date,
                topic: row.topic,
                actor: row.actor,
                kind: row.kind,
                title: row.title,
                detail: row.detail,
                source: row.source,
                confidence: row.confidence,
                check,
                line,
            });
        } else {
            errors.extend(problems.into_iter().map(|p| DataError::new(file, line, p)));
        }
    }
    if errors.is_empty() { Ok(events) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> Vec<Source> {
        vec![Source {
            id: "ec".into(),
            publisher: "EC".into(),
            title: "t".into(),
            url: "https://example.org".into(),
            date: "2024".into(),
            line: 1,
        }]
    }

    fn check(rows: &str) -> Result<Vec<Event>, Vec<DataError>> {
        parse("data/events.csv", &format!("{}\n{rows}", HEADER.join(",")), &sources(), true)
    }

    #[test]
    fn reads_an_event() {
        let events =
            check("2024-10-30,policy,EU,tariff,Definitive duties,\"BYD 17.0%, SAIC 35.3%\",ec,H,confirmed,2026-12-02,q\n").unwrap();
        assert_eq!(events[0].actor, "EU");
        assert_eq!(events[0].detail, "BYD 17.0%, SAIC 35.3%");
        assert_eq!(events[0].line, 2);
    }

    #[test]
    fn bad_dates_kinds_topics_and_sources_are_named() {
        let errors = check("30/10/2024,trade,EU,ban,Duties,,nobody,X,confirmed,2026-12-02,q\n").unwrap_err();
        let all: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(all.len(), 5, "{all:?}");
        assert!(all.iter().all(|e| e.starts_with("data/events.csv:2: ")), "{all:?}");
        assert!(all[0].contains("date '30/10/2024'"));
        assert!(all[1].contains("topic 'trade'"));
        assert!(all[2].contains("kind 'ban'"));
        assert!(all[3].contains("unknown source 'nobody'"));
        assert!(all[4].contains("confidence 'X'"));
    }

    #[test]
    fn an_event_without_a_source_stops_the_build() {
        let errors = check("2024,policy,EU,tariff,Duties,,,H,confirmed,2026-12-02,q\n").unwrap_err();
        assert_eq!(errors[0].to_string(), "data/events.csv:2: event has no source");
    }
}
