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
            "    Series {{ id: {:?}, country: Country::{}, count: {:?}, definition: {:?}, unit: {:?}, points: &[",
            s.id,
            country_variant(&s.country),
            s.count,
            s.definition,
            s.unit
        )
        .unwrap();
        let mut points: Vec<_> = data.observations.iter().filter(|o| o.series == s.id).collect();
        points.sort_by_key(|o| o.year);
        for o in points {
            writeln!(
                out,
                "        Point {{ year: {}, value: {:?}, confidence: Confidence::{}, source: {:?}, note: {:?} }},",
                o.year,
                o.value,
                confidence_variant(o.confidence),
                o.source,
                o.note
            )
            .unwrap();
        }
        out.push_str("    ] },\n");
    }
    out.push_str("];\n");
    out
}

fn country_variant(id: &str) -> String {
    let mut chars = id.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
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
                    value: 1.0,
                    confidence: Confidence::Low,
                    source: "s".into(),
                    note: String::new(),
                    line: 2,
                })
                .collect(),
        };
        let code = to_rust(&data);
        assert!(code.contains(r#"publisher: "Xinhua \"via\" People's Daily""#), "{code}");
        assert!(code.contains("country: Country::China"), "{code}");
        let y2020 = code.find("year: 2020").unwrap();
        let y2021 = code.find("year: 2021").unwrap();
        assert!(y2020 < y2021, "{code}");
        assert!(code.contains("confidence: Confidence::Low"));
    }
}
