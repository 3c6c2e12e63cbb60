use serde::Deserialize;
use toml::Spanned;

use crate::error::{DataError, check_id, check_unique, is_date, line_of, parse_toml};

/// Where a figure comes from: shown under every chart that uses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub id: String,
    pub publisher: String,
    pub title: String,
    pub url: String,
    /// Publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    pub line: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    source: Vec<Spanned<Entry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: String,
    publisher: String,
    title: String,
    /// Empty when no public link was found; the page says so.
    #[serde(default)]
    url: String,
    /// Empty when the source carries no date; the page says "undated".
    #[serde(default)]
    date: String,
}

pub(crate) fn parse(file: &str, text: &str) -> Result<Vec<Source>, Vec<DataError>> {
    let parsed: File = parse_toml(file, text)?;
    if parsed.source.is_empty() {
        return Err(vec![DataError::new(file, 0, "has no [[source]] entries")]);
    }
    let mut errors = Vec::new();
    let mut sources = Vec::new();
    for spanned in parsed.source {
        let line = line_of(text, spanned.span().start);
        let entry = spanned.into_inner();
        let mut problem = |p: String| errors.push(DataError::new(file, line, p));
        if let Err(p) = check_id(&entry.id) {
            problem(p);
        }
        for (field, value) in [("publisher", &entry.publisher), ("title", &entry.title)] {
            if value.trim().is_empty() {
                problem(format!("source '{}' has an empty {field}", entry.id));
            }
        }
        let is_link = entry.url.starts_with("https://") || entry.url.starts_with("http://");
        if !entry.url.is_empty() && (!is_link || entry.url.contains(' ')) {
            problem(format!("source '{}' has url '{}', which is not an http(s) address", entry.id, entry.url));
        }
        if !entry.date.is_empty() && !is_date(&entry.date) {
            problem(format!("source '{}' has date '{}'; expected YYYY, YYYY-MM or YYYY-MM-DD", entry.id, entry.date));
        }
        sources.push(Source { id: entry.id, publisher: entry.publisher, title: entry.title, url: entry.url, date: entry.date, line });
    }
    check_unique(file, sources.iter().map(|s| (s.line, s.id.as_str())), &mut errors);
    if errors.is_empty() { Ok(sources) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[source]]
id = "xinhua-2021"
publisher = "Xinhua"
title = "Exports in 2020"
url = "https://example.org/a"
date = "2021-01-13"
"#;

    #[test]
    fn reads_a_valid_source_with_its_line() {
        let sources = parse("data/sources.toml", GOOD).unwrap();
        assert_eq!(sources.len(), 1);
        assert_eq!(sources[0].id, "xinhua-2021");
        assert_eq!(sources[0].line, 2, "the line of the [[source]] header");
    }

    #[test]
    fn a_missing_field_names_the_line() {
        let text = GOOD.replace("title = \"Exports in 2020\"\n", "");
        let err = &parse("data/sources.toml", &text).unwrap_err()[0];
        assert_eq!(err.file, "data/sources.toml");
        assert!(err.problem.contains("title"), "{err}");
        assert!(err.line >= 2, "{err}");
    }

    #[test]
    fn a_link_is_optional_but_must_be_a_web_address() {
        let text = GOOD.replace("url = \"https://example.org/a\"\n", "");
        assert_eq!(parse("data/sources.toml", &text).unwrap()[0].url, "");
    }

    #[test]
    fn a_misspelt_field_is_refused() {
        let text = GOOD.replace("publisher", "pubisher");
        let err = &parse("data/sources.toml", &text).unwrap_err()[0];
        assert!(err.problem.contains("pubisher"), "{err}");
    }

    #[test]
    fn broken_toml_names_the_line() {
        let text = format!("{GOOD}\n[[source]\nid = 3\n");
        let err = &parse("data/sources.toml", &text).unwrap_err()[0];
        assert_eq!(err.line, 9, "{err}");
    }

    #[test]
    fn duplicate_ids_bad_urls_and_dates_are_reported() {
        let text = format!("{GOOD}{}", GOOD.replace("https://example.org/a", "example.org").replace("2021-01-13", "13/01/2021"));
        let errors = parse("data/sources.toml", &text).unwrap_err();
        let all = errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
        assert!(all.contains("data/sources.toml:9: duplicate id 'xinhua-2021' (first on line 2)"), "{all}");
        assert!(all.contains("not an http(s) address"), "{all}");
        assert!(all.contains("expected YYYY"), "{all}");
    }

    #[test]
    fn dates_are_checked() {
        assert!(is_date("2024") && is_date("2024-01") && is_date("2024-01-31"));
        assert!(!is_date("2024-13") && !is_date("24-01") && !is_date("2024-1-1") && !is_date(""));
    }
}
