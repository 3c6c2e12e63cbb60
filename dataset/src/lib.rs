//! The explainer's data files, read and checked at build time.
//!
//! An editor changes a file under `data/`; the app's build script calls [`load`] and either embeds
//! the result as Rust code ([`codegen::to_rust`]) or stops the build with every problem found,
//! each naming the file, the line and what is wrong.

pub mod catalogue;
pub mod codegen;
mod error;
mod events;
mod observations;
pub mod package;
mod series;
mod sources;
pub mod translations;

use std::path::Path;

pub use error::DataError;
pub use events::Event;
pub use observations::{Confidence, Observation};
pub use series::{COUNTRIES, Series};
pub use sources::Source;

/// File names inside the data folder, as editors see them in error messages.
pub const SOURCES_FILE: &str = "sources.toml";
pub const SERIES_FILE: &str = "series.toml";
pub const OBSERVATIONS_FILE: &str = "figures.csv";
pub const EVENTS_FILE: &str = "events.csv";

/// Everything the story shows, validated: every observation belongs to a known series and cites
/// a known source.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub sources: Vec<Source>,
    pub series: Vec<Series>,
    pub observations: Vec<Observation>,
    pub events: Vec<Event>,
}

/// Reads and validates the data folder. `label` is how the folder is named in messages.
pub fn load(dir: &Path, label: &str) -> Result<Dataset, Vec<DataError>> {
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).map_err(|err| {
            vec![DataError::new(format!("{label}/{name}"), 0, format!("cannot be read: {err}"))]
        })
    };
    let sources_text = read(SOURCES_FILE)?;
    let series_text = read(SERIES_FILE)?;
    let observations_text = read(OBSERVATIONS_FILE)?;
    let events_text = read(EVENTS_FILE)?;
    parse(
        (&format!("{label}/{SOURCES_FILE}"), &sources_text),
        (&format!("{label}/{SERIES_FILE}"), &series_text),
        (&format!("{label}/{OBSERVATIONS_FILE}"), &observations_text),
        (&format!("{label}/{EVENTS_FILE}"), &events_text),
    )
}

/// Validates the data files given as (name for messages, contents).
pub fn parse(
    sources: (&str, &str),
    series: (&str, &str),
    observations: (&str, &str),
    events: (&str, &str),
) -> Result<Dataset, Vec<DataError>> {
    let mut errors = Vec::new();
    let sources = sources::parse(sources.0, sources.1).unwrap_or_else(|mut e| {
        errors.append(&mut e);
        Vec::new()
    });
    let series = series::parse(series.0, series.1).unwrap_or_else(|mut e| {
        errors.append(&mut e);
        Vec::new()
    });
    // Observations are checked even when the other files failed, so that one build run reports as
    // many problems as it can; unknown-id errors are only meaningful when both lists parsed.
    let ids_known = errors.is_empty();
    let observations = observations::parse(observations.0, observations.1, &sources, &series, ids_known)
        .unwrap_or_else(|mut e| {
            errors.append(&mut e);
            Vec::new()
        });
    let events = events::parse(events.0, events.1, &sources, ids_known).unwrap_or_else(|mut e| {
        errors.append(&mut e);
        Vec::new()
    });
    if errors.is_empty() {
        Ok(Dataset { sources, series, observations, events })
    } else {
        errors.sort_by(|a, b| (a.file.as_str(), a.line).cmp(&(b.file.as_str(), b.line)));
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_data_folder_is_valid() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        let data = load(&dir, "data").unwrap_or_else(|errors| {
            panic!("{}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
        });
        assert!(data.series.iter().any(|s| s.id == "china-caam"));
        assert!(data.observations.len() > 30);
        // Every source is cited by at least one figure: an unused source is a sign of a typo.
        for source in &data.sources {
            assert!(
                data.observations.iter().any(|o| o.source == source.id) || data.events.iter().any(|e| e.source == source.id),
                "source {} is never cited",
                source.id
            );
        }
    }

    #[test]
    fn a_missing_file_is_named() {
        let errors = load(Path::new("/nonexistent"), "data").unwrap_err();
        assert_eq!(errors[0].file, "data/sources.toml");
        assert!(errors[0].to_string().contains("cannot be read"));
    }
}
