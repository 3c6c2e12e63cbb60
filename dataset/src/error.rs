use std::fmt;

/// One problem in one data file. Line 0 means the file as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    pub line: usize,
    pub problem: String,
}

impl DataError {
    pub fn new(file: impl Into<String>, line: usize, problem: impl Into<String>) -> Self {
        Self { file: file.into(), line, problem: problem.into() }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.problem)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.problem)
        }
    }
}

/// The 1-based line on which a byte offset of `text` falls.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Checks that an id is lowercase kebab-case, so that ids stay stable and URL-safe.
pub(crate) fn check_id(id: &str) -> Result<(), String> {
    let valid = !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if valid { Ok(()) } else { Err(format!("id '{id}' must be lowercase letters, digits and dashes")) }
}

/// Parses a whole TOML file, turning a syntax or shape error into a message with its line.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, Vec<DataError>> {
    toml::from_str(text).map_err(|err| {
        let line = err.span().map(|span| line_of(text, span.start)).unwrap_or(0);
        vec![DataError::new(file, line, err.message().trim().to_string())]
    })
}

/// Reports the second and later uses of an id.
pub(crate) fn check_unique<'a>(file: &str, ids: impl Iterator<Item = (usize, &'a str)>, errors: &mut Vec<DataError>) {
    let mut seen = std::collections::HashMap::new();
    for (line, id) in ids {
        if let Some(first) = seen.insert(id, line) {
            errors.push(DataError::new(file, line, format!("duplicate id '{id}' (first on line {first})")));
            seen.insert(id, first);
        }
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with plausible months and days.
pub fn is_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str, len: usize, max: u32| {
        s.len() == len && s.chars().all(|c| c.is_ascii_digit()) && s.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n))
    };
    match parts.as_slice() {
        [y] => number(y, 4, 9999),
        [y, m] => number(y, 4, 9999) && number(m, 2, 12),
        [y, m, d] => number(y, 4, 9999) && number(m, 2, 12) && number(d, 2, 31),
        _ => false,
    }
}

/// Reads a CSV file with exactly `header` as its first line into rows of `T`, each with its line.
/// Rows that cannot be read become errors; the caller checks the values of the rest.
pub(crate) fn read_csv<T: serde::de::DeserializeOwned>(
    file: &str,
    text: &str,
    header: &[&str],
    errors: &mut Vec<DataError>,
) -> Result<Vec<(usize, T)>, Vec<DataError>> {
    let mut reader = csv::ReaderBuilder::new().trim(csv::Trim::All).from_reader(text.as_bytes());
    let found = reader.headers().map_err(|err| vec![DataError::new(file, 1, format!("header cannot be read: {err}"))])?.clone();
    if found.iter().collect::<Vec<_>>() != header {
        return Err(vec![DataError::new(
            file,
            1,
            format!("header is '{}'; expected '{}'", found.iter().collect::<Vec<_>>().join(","), header.join(",")),
        )]);
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                let line = err.position().map(|p| p.line() as usize).unwrap_or(0);
                errors.push(DataError::new(file, line, format!("row cannot be read: {err}")));
                continue;
            }
        };
        let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
        match record.deserialize(Some(&found)) {
            Ok(row) => rows.push((line, row)),
            Err(err) => errors.push(DataError::new(file, line, format!("row cannot be read: {err}"))),
        }
    }
    Ok(rows)
}
