//! Turns a validated [`Dataset`] into Rust statics that the app compiles in.
//!
//! The generated code names the types `Source`, `Series`, `Point`, `Country` and `Confidence`;
//! the app's model module defines them and `include!`s the output.

use std::fmt::Write;

use crate::{Confidence, Dataset};

pub fn to_rust(data: &Dataset) -> String {
    let mut out = String::from("// Generated from data/ by the build script. Edit the data files, not this.\n\n");
    out.push_str("pub static SOURCES: &[Source] = &[\n");
    for s in &data.sources {
        writeln!(
            out,
            "    Source {{ id: {:?}, publisher: {:?}, title: {:?}, url: {:?}, date: {:?} }},",
            s.id, s.publisher, s.title, s.url, s.date
        )
        .unwrap();
    }
    out.push_str("];\n\npub static SERIES: &[Series] = &[\n");
    for s in &data.series {
        writeln!(
            out,
            "    Series {{ id: {:?}, label: {:?}, country: {}, count: {:?}, definition: {:?}, unit: Unit::{}, points: &[",
            s.id,
            s.label,
            if s.country.is_empty() { "None".to_string() } else { format!("Some(Country::{})", variant(&s.country)) },
            s.count,
            s.definition,
            variant(&s.unit)
        )
        .unwrap();
        let mut points: Vec<_> = data.observations.iter().filter(|o| o.series == s.id).collect();
        points.sort_by(|a, b| (a.year, a.month, &a.period).cmp(&(b.year, b.month, &b.period)));
        for o in points {
            writeln!(
                out,
                "        Point {{ year: {}, period: {:?}, month: {}, last_month: {}, value: {:?}, confidence: Confidence::{}, source: {:?}, derived_from: {:?}, note: {:?}, #[cfg(not(target_arch = \"wasm32\"))] verdict: Verdict::{}, #[cfg(not(target_arch = \"wasm32\"))] checked: {:?} }},",
                o.year,
                o.period,
                o.month,
                o.last_month(),
                o.value,
                confidence_variant(o.confidence),
                o.source,
                o.derived_from,
                o.note,
                variant(o.check.verdict.id()),
                o.check.checked
            )
            .unwrap();
        }
        out.push_str("    ] },\n");
    }
    out.push_str("];\n\npub static EVENTS: &[Event] = &[\n");
    let mut events: Vec<_> = data.events.iter().collect();
    events.sort_by(|a, b| a.date.cmp(&b.date));
    for e in events {
        writeln!(
            out,
            "    Event {{ date: {:?}, topic: {:?}, actor: {:?}, kind: {:?}, title: {:?}, detail: {:?}, source: {:?}, confidence: Confidence::{} }},",
            e.date,
            e.topic,
            e.actor,
            e.kind,
            e.title,
            e.detail,
            e.source,
            match e.confidence.as_str() {
                "H" => "High",
                "M" => "Medium",
                _ => "Low",
            }
        )
        .unwrap();
    }
    out.push_str("];\n\npub static REVISIONS: &[Revision] = &[\n");
    for r in &data.revisions {
        writeln!(
            out,
            "    Revision {{ date: {:?}, series: {:?}, year: {}, period: {:?}, month: {}, old_value: {:?}, new_value: {:?}, reason: {:?}, source: {:?} }},",
            r.date, r.series, r.year, r.period, r.month, r.old_value, r.new_value, r.reason, r.source
        )
        .unwrap();
    }
    out.push_str("];\n");
    out
}

/// `usd-bn` -> `UsdBn`, `china` -> `China`.
fn variant(id: &str) -> String {
    id.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}

fn confidence_variant(c: Confidence) -> &'static str {
    match c {
        Confidence::High => "High",
        Confidence::Medium => "Medium",
        Confidence::Low => "Low",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Observation, Series, Source};

    #[test]
    fn emits_escaped_literals_grouped_and_sorted_by_year() {
        let data = Dataset {
            sources: vec![Source {
                id: "s".into(),
                publisher: "Xinhua \"via\" People's Daily".into(),
                title: "t".into(),
                url: "https://example.org".into(),
                date: "2021".into(),
                line: 1,
            }],
            series: vec![Series {
                id: "china-caam".into(),
                label: "China".into(),
                country: "china".into(),
                count: "CAAM".into(),
                definition: "d".into(),
                unit: "vehicles".into(),
                line: 1,
            }],
            observations: [2021, 2020]
                .into_iter()
                .map(|year| Observation {
                    series: "china-caam".into(),
                    year,
                    period: String::new(),
                    month: 0,
                    derived_from: String::new(),
                    value: 1.0,
                    confidence: Confidence::Low,
                    source: "s".into(),
                    note: String::new(),
                    check: crate::Check { verdict: crate::Verdict::ConfirmedElsewhere, checked: "2026-12-02".into(), evidence: "q".into() },
                    line: 2,
                })
                .collect(),
            events: Vec::new(),
            revisions: Vec::new(),
        };
        let code = to_rust(&data);
        assert!(code.contains(r#"publisher: "Xinhua \"via\" People's Daily""#), "{code}");
        assert!(code.contains("country: Some(Country::China)"), "{code}");
        assert!(code.contains("unit: Unit::Vehicles"), "{code}");
        let y2020 = code.find("year: 2020").unwrap();
        let y2021 = code.find("year: 2021").unwrap();
        assert!(y2020 < y2021, "{code}");
        assert!(code.contains("confidence: Confidence::Low"));
        assert!(
            code.contains("verdict: Verdict::ConfirmedElsewhere, #[cfg(not(target_arch = \"wasm32\"))] checked: \"2026-12-02\""),
            "{code}"
        );
    }
}
