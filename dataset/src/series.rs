use serde::Deserialize;
use toml::Spanned;

use crate::error::{DataError, check_id, check_unique, line_of, parse_toml};

/// The countries a series may belong to. Each has a fixed colour and marker in every chart, so a
/// new one needs a palette entry in the app as well as a line here.
pub const COUNTRIES: &[&str] = &["china", "japan", "germany", "korea"];

/// One line of figures: one thing counted one way, in one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub id: String,
    /// What readers call it: a country, a market, a maker, a measure.
    pub label: String,
    /// The country whose colour and marker the series takes; empty for none.
    pub country: String,
    /// Who counts it, e.g. "CAAM" or "customs": every figure of the series has this count.
    pub count: String,
    /// What exactly is counted, in a sentence a reader understands.
    pub definition: String,
    pub unit: String,
    pub line: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    series: Vec<Spanned<Entry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: String,
    label: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    count: String,
    definition: String,
    unit: String,
}

/// Units the app knows how to format.
pub const UNITS: &[&str] = &["vehicles", "usd-bn", "percent", "models"];

pub(crate) fn parse(file: &str, text: &str) -> Result<Vec<Series>, Vec<DataError>> {
    let parsed: File = parse_toml(file, text)?;
    if parsed.series.is_empty() {
        return Err(vec![DataError::new(file, 0, "has no [[series]] entries")]);
    }
    let mut errors = Vec::new();
    let mut series = Vec::new();
    for spanned in parsed.series {
        let line = line_of(text, spanned.span().start);
        let entry = spanned.into_inner();
        let mut problem = |p: String| errors.push(DataError::new(file, line, p));
        if let Err(p) = check_id(&entry.id) {
            problem(p);
        }
        if !entry.country.is_empty() && !COUNTRIES.contains(&entry.country.as_str()) {
            problem(format!("series '{}' has unknown country '{}'; known: {}", entry.id, entry.country, COUNTRIES.join(", ")));
        }
        if !UNITS.contains(&entry.unit.as_str()) {
            problem(format!("series '{}' has unknown unit '{}'; known: {}", entry.id, entry.unit, UNITS.join(", ")));
        }
        for (field, value) in [("label", &entry.label), ("count", &entry.count), ("definition", &entry.definition)] {
            if value.trim().is_empty() {
                problem(format!("series '{}' has an empty {field}", entry.id));
            }
        }
        series.push(Series {
            id: entry.id,
            label: entry.label,
            country: entry.country,
            count: entry.count,
            definition: entry.definition,
            unit: entry.unit,
            line,
        });
    }
    check_unique(file, series.iter().map(|s| (s.line, s.id.as_str())), &mut errors);
    if errors.is_empty() { Ok(series) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"[[series]]
id = "china-caam"
label = "China"
country = "china"
count = "CAAM"
definition = "New vehicles shipped abroad"
unit = "vehicles"
"#;

    #[test]
    fn reads_a_valid_series() {
        let series = parse("data/series.toml", GOOD).unwrap();
        assert_eq!(series[0].country, "china");
        assert_eq!(series[0].line, 1);
    }

    #[test]
    fn an_unknown_country_or_unit_is_refused_with_its_line() {
        let text = format!(
            "{GOOD}\n{}",
            GOOD.replace("china-caam", "atlantis").replace("\"china\"", "\"atlantis\"").replace("\"vehicles\"", "\"boats\"")
        );
        let errors = parse("data/series.toml", &text).unwrap_err();
        assert_eq!(errors.len(), 2);
        assert!(errors.iter().all(|e| e.line == 9), "{errors:?}");
        assert!(errors[0].problem.contains("unknown country 'atlantis'"));
        assert!(errors[1].problem.contains("unknown unit 'boats'"));
    }

    #[test]
    fn country_is_optional_and_count_is_not() {
        let series = parse("data/series.toml", &GOOD.replace("country = \"china\"\n", "")).unwrap();
        assert_eq!(series[0].country, "");
        let errors = parse("data/series.toml", &GOOD.replace("count = \"CAAM\"\n", "")).unwrap_err();
        assert_eq!(errors[0].to_string(), "data/series.toml:1: series 'china-caam' has an empty count");
    }

    #[test]
    fn a_duplicate_series_is_refused() {
        let text = format!("{GOOD}\n{GOOD}");
        let errors = parse("data/series.toml", &text).unwrap_err();
        assert_eq!(errors[0].to_string(), "data/series.toml:9: duplicate id 'china-caam' (first on line 1)");
    }
}
