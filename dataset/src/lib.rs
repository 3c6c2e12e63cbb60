//! The explainer's data files, read and checked at build time.
//!
//! An editor changes a file under `data/`; the app's build script calls [`load`] and either embeds
//! the result as Rust code ([`codegen::to_rust`]) or stops the build with every problem found,
//! each naming the file, the line and what is wrong.

pub mod catalogue;
pub mod codegen;
mod error;
mod events;
mod monthly;
mod observations;
pub mod package;
pub mod packs;
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
pub const MONTHLY_FILE: &str = "monthly.csv";

/// Everything the story shows, validated: every observation belongs to a known series and cites
/// a known source.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub sources: Vec<Source>,
    pub series: Vec<Series>,
    /// Yearly figures (`figures.csv`) followed by monthly ones (`monthly.csv`).
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
    let monthly_text = read(MONTHLY_FILE)?;
    parse(
        (&format!("{label}/{SOURCES_FILE}"), &sources_text),
        (&format!("{label}/{SERIES_FILE}"), &series_text),
        (&format!("{label}/{OBSERVATIONS_FILE}"), &observations_text),
        (&format!("{label}/{EVENTS_FILE}"), &events_text),
        (&format!("{label}/{MONTHLY_FILE}"), &monthly_text),
    )
}

/// Validates the data files given as (name for messages, contents).
pub fn parse(
    sources: (&str, &str),
    series: (&str, &str),
    observations: (&str, &str),
    events: (&str, &str),
    monthly: (&str, &str),
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
    let yearly_file = observations.0;
    let mut observations = observations::parse(observations.0, observations.1, &sources, &series, ids_known)
        .unwrap_or_else(|mut e| {
            errors.append(&mut e);
            Vec::new()
        });
    let months = monthly::parse(monthly.0, monthly.1, &sources, &series, ids_known).unwrap_or_else(|mut e| {
        errors.append(&mut e);
        Vec::new()
    });
    for month in &months {
        if observations.iter().any(|o| o.series == month.series) {
            errors.push(DataError::new(
                monthly.0,
                month.line,
                format!("series '{}' has yearly figures in {}; a monthly series needs its own id", month.series, yearly_file),
            ));
        }
    }
    let yearly_count = observations.len();
    observations.extend(months);
    for (i, o) in observations.iter().enumerate() {
        let file = if i < yearly_count { yearly_file } else { monthly.0 };
        if let Some(problem) = published_too_early(o, &sources, &series) {
            errors.push(DataError::new(file, o.line, problem));
        }
    }
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

/// A figure for a period that ends after its source was published cannot be an outcome: it is a
/// forecast (allowed only in a series whose id ends in `-forecast`) or a typo in a date.
fn published_too_early(o: &Observation, sources: &[Source], series: &[Series]) -> Option<String> {
    if o.series.ends_with("-forecast") || !series.iter().any(|s| s.id == o.series) {
        return None;
    }
    let source = sources.iter().find(|s| s.id == o.source)?;
    if source.date.is_empty() {
        return None;
    }
    // The latest day the source's date can mean: `2026-03` may be the 31st.
    let mut parts = source.date.split('-').map(|p| p.parse::<u16>().unwrap_or(0));
    let published = (parts.next().unwrap_or(0), parts.next().unwrap_or(12) as u8);
    let ends = (o.year, o.last_month());
    // A period ends on the last day of its last month, so a source of that month or before cannot
    // report it.
    (ends >= published).then(|| {
        let period = if o.month > 0 { format!("{}-{:02}", o.year, o.month) } else if o.period.is_empty() { o.year.to_string() } else { format!("{} {}", o.year, o.period) };
        format!(
            "the figure for {period} ends after its source '{}' was published ({}); a forecast belongs in a '-forecast' series",
            source.id, source.date
        )
    })
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
                data.observations.iter().any(|o| o.source == source.id || o.derived_from == source.id)
                    || data.events.iter().any(|e| e.source == source.id),
                "source {} is never cited",
                source.id
            );
        }
    }

    fn check(figures: &str, monthly: &str) -> Vec<String> {
        let sources = "[[source]]\nid = \"caam-2026-03\"\npublisher = \"SteelOrbis\"\ntitle = \"t\"\nurl = \"https://example.org\"\ndate = \"2026-03-12\"\n";
        let series = "[[series]]\nid = \"china-caam\"\nlabel = \"China\"\ndefinition = \"d\"\nunit = \"vehicles\"\n\
            [[series]]\nid = \"china-caam-monthly\"\nlabel = \"China\"\ndefinition = \"d\"\nunit = \"vehicles\"\n\
            [[series]]\nid = \"china-forecast\"\nlabel = \"Forecast\"\ndefinition = \"d\"\nunit = \"vehicles\"\n";
        let events = "date,topic,actor,kind,title,detail,source,confidence\n";
        match parse(
            ("sources.toml", sources),
            ("series.toml", series),
            ("figures.csv", &format!("series,year,period,value,confidence,source,note\n{figures}")),
            ("events.csv", events),
            ("monthly.csv", &format!("series,month,value,confidence,source,derived_from,note\n{monthly}")),
        ) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn a_figure_for_a_period_ending_after_its_source_was_published_stops_the_build() {
        let ok = check("china-caam,2025,,1,H,caam-2026-03,\n", "china-caam-monthly,2026-02,1,H,caam-2026-03,,\n");
        assert!(ok.iter().all(|e| !e.contains("ends after")), "{ok:?}");
        assert_eq!(
            check("china-caam,2025,,1,H,caam-2026-03,\n", "china-caam-monthly,2026-03,1,H,caam-2026-03,,\n")
                .into_iter()
                .filter(|e| e.contains("ends after"))
                .collect::<Vec<_>>(),
            ["monthly.csv:2: the figure for 2026-03 ends after its source 'caam-2026-03' was published (2026-03-12); a forecast belongs in a '-forecast' series"]
        );
        let early = check("china-caam,2026,jan-aug,1,H,caam-2026-03,\nchina-forecast,2026,,1,M,caam-2026-03,\n", "");
        assert_eq!(early.iter().filter(|e| e.contains("ends after")).count(), 1, "{early:?}");
        assert!(early.iter().any(|e| e.starts_with("figures.csv:2: the figure for 2026 jan-aug ends after")), "{early:?}");
    }

    #[test]
    fn a_monthly_series_keeps_to_monthly_figures() {
        let errors = check("china-caam,2024,,1,H,caam-2026-03,\n", "china-caam,2025-01,1,H,caam-2026-03,,\n");
        assert!(errors.contains(&"monthly.csv:2: series 'china-caam' has yearly figures in figures.csv; a monthly series needs its own id".to_string()), "{errors:?}");
    }

    #[test]
    fn a_missing_file_is_named() {
        let errors = load(Path::new("/nonexistent"), "data").unwrap_err();
        assert_eq!(errors[0].file, "data/sources.toml");
        assert!(errors[0].to_string().contains("cannot be read"));
    }
}
