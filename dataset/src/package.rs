//! The whole data set for readers to take and reuse: every figure, event, series and source as CSV
//! files that open in a spreadsheet as they are, the same as one JSON file, and a Frictionless
//! Data Package descriptor (`datapackage.json`) naming each file's fields, their types and
//! meaning, the licence and the sources. Built from the validated [`Dataset`], so it holds exactly
//! what the page shows; the build writes it into the site's `data/` folder (`prerender pages`).

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::Dataset;

/// The folder of the site that holds the package.
pub const FOLDER: &str = "data";

/// The data's licence: the figures are the cited publishers' facts; the compilation, the notes and
/// the definitions are ours to share with credit.
/// The package's title and description, which the story's structured data repeats.
pub const TITLE: &str = "China's car export surge, explained: the data";
pub const DESCRIPTION: &str = "China's vehicle exports and those of Japan, Germany and South Korea, markets, makers, new-energy vehicles, prices, investment and trade measures, as the explainer shows them; every figure with its source and confidence.";

pub const LICENCE: (&str, &str, &str) = ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", "Creative Commons Attribution 4.0");

/// A field of a table: its name, Table Schema type and meaning.
struct Field {
    name: &'static str,
    kind: &'static str,
    description: &'static str,
}

const fn field(name: &'static str, kind: &'static str, description: &'static str) -> Field {
    Field { name, kind, description }
}

const SOURCE_FIELDS: [Field; 4] = [
    field("source_publisher", "string", "Who published the cited page."),
    field("source_title", "string", "What the cited page reports (its headline or our summary)."),
    field("source_url", "string", "The cited page's address; empty when no public link was found."),
    field("source_date", "string", "The cited page's publication date (YYYY, YYYY-MM or YYYY-MM-DD); empty when undated."),
];

/// How each figure and event was checked against its source (`crate::checks`).
const CHECK_FIELDS: [Field; 3] = [
    field(
        "verdict",
        "string",
        "What the look-up of the figure on its cited page found: confirmed, confirmed-elsewhere (the page now cited, not the first one), derived (arithmetic on published figures) or not-found.",
    ),
    field("checked", "date", "When it was checked."),
    field("evidence", "string", "A short quote from the page that states the figure, or the arithmetic of a derived one."),
];

fn check(check: &crate::Check) -> [String; 3] {
    [check.verdict.id().to_string(), check.checked.clone(), check.evidence.clone()]
}

/// The package's files: (name inside `data/`, contents).
pub fn files(data: &Dataset) -> Vec<(&'static str, String)> {
    let sources: BTreeMap<&str, &crate::Source> = data.sources.iter().map(|s| (s.id.as_str(), s)).collect();
    let series: BTreeMap<&str, &crate::Series> = data.series.iter().map(|s| (s.id.as_str(), s)).collect();
    let cited = |id: &str| {
        let s = sources[id];
        vec![s.publisher.clone(), s.title.clone(), s.url.clone(), s.date.clone()]
    };

    let figure_fields: Vec<Field> = [
        field("series", "string", "The series' id (see series.csv)."),
        field("series_label", "string", "What readers call the series."),
        field("country", "string", "The exporting country, when the series is one's: china, japan, germany or korea."),
        field("count", "string", "Who counts (CAAM, customs, JAMA, ...)."),
        field("unit", "string", "vehicles, usd-bn (US$ billion), percent or models."),
        field("year", "integer", "The year of the figure."),
        field("period", "string", "Empty for the whole year or a month, else the part of the year: jan-feb, q1, jan-apr, jan-may, h1, jan-jul, jan-aug, jan-sep, jan-oct, jan-nov."),
        field("month", "integer", "The month (1-12) of a monthly figure; empty for a year or part of one."),
        field("value", "number", "The figure, in the unit."),
        field("confidence", "string", "H (high), M (medium) or L (low): how sure the figure is, given its sources."),
        field("note", "string", "What a reader should know about the figure: derivation, other counts."),
        field("source", "string", "The cited source's id (see sources.csv)."),
        field("derived_from", "string", "For a figure computed from others (the note gives the arithmetic), the second source's id; empty for a figure as published."),
    ]
    .into_iter()
    .chain(CHECK_FIELDS)
    .chain(SOURCE_FIELDS)
    .collect();
    let figure_rows: Vec<Vec<String>> = data
        .observations
        .iter()
        .map(|o| {
            let s = series[o.series.as_str()];
            let mut row = vec![
                o.series.clone(),
                s.label.clone(),
                s.country.clone(),
                s.count.clone(),
                s.unit.clone(),
                o.year.to_string(),
                o.period.clone(),
                if o.month == 0 { String::new() } else { o.month.to_string() },
                number(o.value),
                confidence_letter(o.confidence).to_string(),
                o.note.clone(),
                o.source.clone(),
                o.derived_from.clone(),
            ];
            row.extend(check(&o.check));
            row.extend(cited(&o.source));
            row
        })
        .collect();

    let event_fields: Vec<Field> = [
        field("date", "string", "When the measure was announced or took effect (YYYY, YYYY-MM or YYYY-MM-DD)."),
        field("topic", "string", "policy (trade measures on Chinese cars) or sino-german (China and Germany)."),
        field("actor", "string", "Who acts."),
        field("kind", "string", "tariff, licence, probe, fee, deal, statement, forum or agreement."),
        field("title", "string", "The measure in a few words."),
        field("detail", "string", "The measure: rates, scope, dates."),
        field("confidence", "string", "H (high), M (medium) or L (low)."),
        field("source", "string", "The cited source's id (see sources.csv)."),
    ]
    .into_iter()
    .chain(CHECK_FIELDS)
    .chain(SOURCE_FIELDS)
    .collect();
    let event_rows: Vec<Vec<String>> = data
        .events
        .iter()
        .map(|e| {
            let mut row = vec![
                e.date.clone(),
                e.topic.clone(),
                e.actor.clone(),
                e.kind.clone(),
                e.title.clone(),
                e.detail.clone(),
                e.confidence.clone(),
                e.source.clone(),
            ];
            row.extend(check(&e.check));
            row.extend(cited(&e.source));
            row
        })
        .collect();

    let series_fields = vec![
        field("id", "string", "The series' id, as figures.csv names it."),
        field("label", "string", "What readers call the series."),
        field("country", "string", "The exporting country, when the series is one's."),
        field("count", "string", "Who counts."),
        field("unit", "string", "vehicles, usd-bn (US$ billion), percent or models."),
        field("definition", "string", "What exactly is counted."),
    ];
    let series_rows: Vec<Vec<String>> = data
        .series
        .iter()
        .map(|s| vec![s.id.clone(), s.label.clone(), s.country.clone(), s.count.clone(), s.unit.clone(), s.definition.clone()])
        .collect();

    let source_fields = vec![
        field("id", "string", "The source's id, as figures.csv and events.csv cite it."),
        field("publisher", "string", "Who published the page."),
        field("title", "string", "What the page reports (its headline or our summary)."),
        field("url", "string", "The page's address; empty when no public link was found."),
        field("date", "string", "The page's publication date; empty when undated."),
    ];
    let source_rows: Vec<Vec<String>> =
        data.sources.iter().map(|s| vec![s.id.clone(), s.publisher.clone(), s.title.clone(), s.url.clone(), s.date.clone()]).collect();

    let revision_fields: Vec<Field> = [
        field("date", "string", "When the figure was corrected (YYYY-MM-DD)."),
        field("series", "string", "The series' id (see series.csv)."),
        field("period", "string", "The figure's year (2020), part of a year (2025 jan-aug) or month (2026-03)."),
        field("old_value", "number", "The figure as it was published before."),
        field("new_value", "number", "The figure now; empty when it was removed."),
        field("reason", "string", "Why it changed."),
        field("source", "string", "The source of the new value (see sources.csv)."),
    ]
    .into_iter()
    .chain(SOURCE_FIELDS)
    .collect();
    let revision_rows: Vec<Vec<String>> = data
        .revisions
        .iter()
        .map(|r| {
            let period = match (r.month, r.period.is_empty()) {
                (0, true) => r.year.to_string(),
                (0, false) => format!("{} {}", r.year, r.period),
                (month, _) => format!("{}-{month:02}", r.year),
            };
            let mut row = vec![
                r.date.clone(),
                r.series.clone(),
                period,
                number(r.old_value),
                r.new_value.map(number).unwrap_or_default(),
                r.reason.clone(),
                r.source.clone(),
            ];
            row.extend(cited(&r.source));
            row
        })
        .collect();

    let tables = [
        ("figures", "Every figure the story shows, with its series, its source and its recorded check.", &figure_fields, &figure_rows),
        ("revisions", "Every correction of a published figure: old and new value, reason and source.", &revision_fields, &revision_rows),
        ("events", "Every dated measure and event the story shows, with its source and its recorded check.", &event_fields, &event_rows),
        ("series", "What each series counts.", &series_fields, &series_rows),
        ("sources", "Every source cited.", &source_fields, &source_rows),
    ];
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let mut resources = Vec::new();
    let mut everything = serde_json::Map::new();
    for (name, description, fields, rows) in tables {
        let path = csv_name(name);
        out.push((path, csv(fields, rows)));
        let mut schema = json!({
            "fields": fields.iter().map(|f| json!({"name": f.name, "type": f.kind, "description": f.description})).collect::<Vec<_>>(),
        });
        if name == "sources" || name == "series" {
            schema["primaryKey"] = json!("id");
        }
        let references: Vec<Value> = match name {
            "figures" => vec![reference("series", "series"), reference("source", "sources"), reference("derived_from", "sources")],
            "events" | "revisions" => vec![reference("source", "sources")],
            _ => vec![],
        };
        if !references.is_empty() {
            schema["foreignKeys"] = json!(references);
        }
        resources.push(json!({
            "name": name,
            "path": path,
            "profile": "tabular-data-resource",
            "description": description,
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema,
        }));
        everything.insert(name.to_string(), json!(rows.iter().map(|row| record(fields, row)).collect::<Vec<_>>()));
    }
    let descriptor = json!({
        "profile": "tabular-data-package",
        "name": "china-car-exports",
        "title": TITLE,
        "description": DESCRIPTION,
        "licenses": [{"name": LICENCE.0, "path": LICENCE.1, "title": LICENCE.2}],
        "sources": data.sources.iter().map(|s| {
            let mut source = json!({"title": format!("{}: {}", s.publisher, s.title)});
            if !s.url.is_empty() {
                source["path"] = json!(s.url);
            }
            source
        }).collect::<Vec<_>>(),
        "resources": resources,
    });
    out.push(("all.json", format!("{}\n", serde_json::to_string_pretty(&Value::Object(everything)).expect("JSON values serialize"))));
    out.push(("datapackage.json", format!("{}\n", serde_json::to_string_pretty(&descriptor).expect("JSON values serialize"))));
    out
}

fn confidence_letter(confidence: crate::Confidence) -> &'static str {
    match confidence {
        crate::Confidence::High => "H",
        crate::Confidence::Medium => "M",
        crate::Confidence::Low => "L",
    }
}

fn csv_name(table: &str) -> &'static str {
    match table {
        "figures" => "figures.csv",
        "events" => "events.csv",
        "series" => "series.csv",
        "revisions" => "revisions.csv",
        _ => "sources.csv",
    }
}

fn reference(field: &str, resource: &str) -> Value {
    json!({"fields": field, "reference": {"resource": resource, "fields": "id"}})
}

/// A row as a JSON object, numbers as numbers and empty fields as null.
fn record(fields: &[Field], row: &[String]) -> Value {
    let mut object = serde_json::Map::new();
    for (f, value) in fields.iter().zip(row) {
        let value = match (f.kind, value.as_str()) {
            (_, "") => Value::Null,
            ("integer", v) => v.parse::<i64>().map(Value::from).unwrap_or(Value::Null),
            ("number", v) => v.parse::<f64>().map(Value::from).unwrap_or(Value::Null),
            (_, v) => Value::from(v),
        };
        object.insert(f.name.to_string(), value);
    }
    Value::Object(object)
}

/// A figure as written in the CSV: no exponent, no trailing ".0".
fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 { format!("{}", value as i64) } else { format!("{value}") }
}

/// A CSV file with a header row; it starts with a byte-order mark, so that spreadsheets read it
/// as UTF-8 (dashes, accents and Chinese names) when it is opened as it is.
fn csv(fields: &[Field], rows: &[Vec<String>]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(fields.iter().map(|f| f.name)).expect("writing to memory");
    for row in rows {
        writer.write_record(row).expect("writing to memory");
    }
    let bytes = writer.into_inner().expect("writing to memory");
    format!("\u{feff}{}", String::from_utf8(bytes).expect("the fields are UTF-8"))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn package() -> Vec<(&'static str, String)> {
        let data = crate::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../data"), "data").expect("the data files are valid");
        files(&data)
    }

    fn file(name: &str) -> String {
        package().into_iter().find(|(n, _)| *n == name).map(|(_, text)| text).unwrap()
    }

    #[test]
    fn the_figures_csv_opens_as_utf8_with_every_figure_and_its_source() {
        let text = file("figures.csv");
        assert!(
            text.starts_with("\u{feff}series,series_label,country,count,unit,year,period,month,value,confidence,note,source,derived_from,")
        );
        let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let data = crate::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../data"), "data").unwrap();
        assert_eq!(rows.len(), data.observations.len());
        let china_2023 = rows.iter().find(|r| &r[0] == "china-caam" && &r[5] == "2023" && r[6].is_empty()).unwrap();
        assert_eq!(&china_2023[8], "4910000");
        assert!(!china_2023[13].is_empty(), "the publisher is named");
    }

    #[test]
    fn the_descriptor_names_every_file_field_licence_and_source() {
        let descriptor: Value = serde_json::from_str(&file("datapackage.json")).unwrap();
        assert_eq!(descriptor["profile"], "tabular-data-package");
        assert_eq!(descriptor["licenses"][0]["name"], "CC-BY-4.0");
        let names: Vec<&str> = package().iter().map(|(n, _)| *n).collect();
        for resource in descriptor["resources"].as_array().unwrap() {
            let path = resource["path"].as_str().unwrap();
            assert!(names.contains(&path), "{path} is in the package");
            let header = file(path).trim_start_matches('\u{feff}').lines().next().unwrap().to_string();
            let fields: Vec<&str> = resource["schema"]["fields"].as_array().unwrap().iter().map(|f| f["name"].as_str().unwrap()).collect();
            assert_eq!(header, fields.join(","), "{path}'s header matches its schema");
            assert!(resource["schema"]["fields"].as_array().unwrap().iter().all(|f| !f["description"].as_str().unwrap().is_empty()));
        }
        assert!(descriptor["sources"].as_array().unwrap().len() > 20);
        let all: Value = serde_json::from_str(&file("all.json")).unwrap();
        let csv_rows = csv::Reader::from_reader(file("figures.csv").trim_start_matches('\u{feff}').as_bytes()).records().count();
        assert_eq!(all["figures"].as_array().unwrap().len(), csv_rows);
        assert_eq!(all["figures"][0]["value"].as_f64(), Some(728_200.0));
        assert_eq!(all["figures"][0]["year"], 2015);
    }
}
