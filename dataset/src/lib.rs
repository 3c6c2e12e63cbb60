//! The explainer's data files, read and checked at build time.
//!
//! An editor changes a file under `data/`; the app's build script calls [`load`] and either embeds
//! the result as Rust code ([`codegen::to_rust`]) or stops the build with every problem found,
//! each naming the file, the line and what is wrong.

pub mod catalogue;
pub mod checks;
pub mod codegen;
mod error;
pub use error::is_date;
mod events;
mod monthly;
mod observations;
pub mod package;
pub mod packs;
mod revisions;
mod series;
mod sources;
pub mod translations;

use std::path::Path;

pub use checks::{Check, Verdict};
pub use error::DataError;
pub use events::Event;
pub use observations::{Confidence, Observation};
pub use revisions::Revision;
pub use series::{COUNTRIES, Series};
pub use sources::Source;

/// File names inside the data folder, as editors see them in error messages.
pub const SOURCES_FILE: &str = "sources.toml";
pub const SERIES_FILE: &str = "series.toml";
pub const OBSERVATIONS_FILE: &str = "figures.csv";
pub const EVENTS_FILE: &str = "events.csv";
pub const MONTHLY_FILE: &str = "monthly.csv";
pub const REVISIONS_FILE: &str = "revisions.csv";

/// Everything the story shows, validated: every observation belongs to a known series and cites
/// a known source.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub sources: Vec<Source>,
    pub series: Vec<Series>,
    /// Yearly figures (`figures.csv`) followed by monthly ones (`monthly.csv`).
    pub observations: Vec<Observation>,
    pub events: Vec<Event>,
    /// Corrections of published figures, oldest first.
    pub revisions: Vec<Revision>,
}

/// Reads and validates the data folder. `label` is how the folder is named in messages.
pub fn load(dir: &Path, label: &str) -> Result<Dataset, Vec<DataError>> {
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name))
            .map_err(|err| vec![DataError::new(format!("{label}/{name}"), 0, format!("cannot be read: {err}"))])
    };
    let sources_text = read(SOURCES_FILE)?;
    let series_text = read(SERIES_FILE)?;
    let observations_text = read(OBSERVATIONS_FILE)?;
    let events_text = read(EVENTS_FILE)?;
    let monthly_text = read(MONTHLY_FILE)?;
    let revisions_text = read(REVISIONS_FILE)?;
    parse(
        (&format!("{label}/{SOURCES_FILE}"), &sources_text),
        (&format!("{label}/{SERIES_FILE}"), &series_text),
        (&format!("{label}/{OBSERVATIONS_FILE}"), &observations_text),
        (&format!("{label}/{EVENTS_FILE}"), &events_text),
        (&format!("{label}/{MONTHLY_FILE}"), &monthly_text),
        (&format!("{label}/{REVISIONS_FILE}"), &revisions_text),
    )
}

/// Validates the data files given as (name for messages, contents).
pub fn parse(
    sources: (&str, &str),
    series: (&str, &str),
    observations: (&str, &str),
    events: (&str, &str),
    monthly: (&str, &str),
    revisions: (&str, &str),
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
    let mut observations = observations::parse(observations.0, observations.1, &sources, &series, ids_known).unwrap_or_else(|mut e| {
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
    // A revision is checked against the figures, so only when they all parsed.
    let figures_known = errors.is_empty();
    let mut revisions =
        revisions::parse(revisions.0, revisions.1, &sources, &series, &observations, figures_known).unwrap_or_else(|mut e| {
            errors.append(&mut e);
            Vec::new()
        });
    revisions.sort_by(|a, b| a.date.cmp(&b.date));
    if errors.is_empty() {
        Ok(Dataset { sources, series, observations, events, revisions })
    } else {
        errors.sort_by(|a, b| (a.file.as_str(), a.line).cmp(&(b.file.as_str(), b.line)));
        Err(errors)
    }
}

/// A figure for a period that ends after its source was published cannot be an outcome: it is a
/// forecast (allowed only in a series whose id ends in `-forecast`) or a typo in a date. A survey
/// (`survey-` series) is dated by the year it was taken, which its results may be published in.
fn published_too_early(o: &Observation, sources: &[Source], series: &[Series]) -> Option<String> {
    if o.series.ends_with("-forecast") || o.series.starts_with("survey-") || !series.iter().any(|s| s.id == o.series) {
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
        let period = if o.month > 0 {
            format!("{}-{:02}", o.year, o.month)
        } else if o.period.is_empty() {
            o.year.to_string()
        } else {
            format!("{} {}", o.year, o.period)
        };
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
        let data =
            load(&dir, "data").unwrap_or_else(|errors| panic!("{}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")));
        assert!(data.series.iter().any(|s| s.id == "china-caam"));
        assert!(data.observations.len() > 30);
        // Every source is cited by at least one figure: an unused source is a sign of a typo.
        for source in &data.sources {
            assert!(
                data.observations.iter().any(|o| o.source == source.id || o.derived_from == source.id)
                    || data.events.iter().any(|e| e.source == source.id)
                    || data.revisions.iter().any(|r| r.source == source.id),
                "source {} is never cited",
                source.id
            );
        }
    }

    /// CAAM's monthly releases give first reports, and its later year-to-date totals revise them,
    /// so a year's months may not add up to the annual figure CAAM published. The page quotes the
    /// published totals; where the months fall short by more than 0.5%, the annual figure's note
    /// says so.
    #[test]
    fn each_full_year_of_months_reconciles_with_the_published_year_or_says_why_not() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        let data = load(&dir, "data").expect("the shipped data is valid");
        let mut checked = 0;
        for (monthly, yearly) in [("china-caam-monthly", "china-caam"), ("china-nev-monthly", "china-nev")] {
            for annual in data.observations.iter().filter(|o| o.series == yearly && o.period.is_empty()) {
                let months: Vec<f64> = data
                    .observations
                    .iter()
                    .filter(|o| o.series == monthly && o.year == annual.year && o.month > 0)
                    .map(|o| o.value)
                    .collect();
                if months.len() < 12 {
                    continue;
                }
                checked += 1;
                let gap = (annual.value - months.iter().sum::<f64>()) / annual.value;
                assert!(
                    gap.abs() <= 0.005 || annual.note.contains("first-reported months"),
                    "{yearly} {}: the months add up to {:.1}% {} the published {}, and the note does not say why",
                    annual.year,
                    gap.abs() * 100.0,
                    if gap > 0.0 { "less than" } else { "more than" },
                    annual.value
                );
            }
        }
        assert!(checked >= 3, "only {checked} full years of months were checked");
    }

    fn check(figures: &str, monthly: &str) -> Vec<String> {
        check_with_revisions(figures, monthly, "")
    }

    /// Rows are written without their count and check columns, which every row here shares.
    fn check_with_revisions(figures: &str, monthly: &str, revisions: &str) -> Vec<String> {
        let checked = |rows: &str, count_at: usize| {
            rows.lines()
                .map(|row| {
                    let mut fields: Vec<&str> = row.split(',').collect();
                    fields.insert(count_at, "CAAM");
                    let verdict =
                        if row.split(',').nth(5).is_some_and(|d| !d.is_empty()) && count_at == 3 { "derived" } else { "confirmed" };
                    format!("{},{verdict},2026-12-02,q\n", fields.join(","))
                })
                .collect::<String>()
        };
        let figures = checked(figures, 4);
        let monthly = checked(monthly, 3);
        let sources = "[[source]]\nid = \"caam-2026-03\"\npublisher = \"SteelOrbis\"\ntitle = \"t\"\nurl = \"https://example.org\"\ndate = \"2026-03-12\"\n";
        let series = "[[series]]\nid = \"china-caam\"\nlabel = \"China\"\ncount = \"CAAM\"\ndefinition = \"d\"\nunit = \"vehicles\"\n\
            [[series]]\nid = \"china-caam-monthly\"\nlabel = \"China\"\ncount = \"CAAM\"\ndefinition = \"d\"\nunit = \"vehicles\"\n\
            [[series]]\nid = \"china-forecast\"\nlabel = \"Forecast\"\ncount = \"CAAM\"\ndefinition = \"d\"\nunit = \"vehicles\"\n";
        let events = "date,topic,actor,kind,title,detail,source,confidence,verdict,checked,evidence\n";
        match parse(
            ("sources.toml", sources),
            ("series.toml", series),
            ("figures.csv", &format!("series,year,period,value,count,confidence,source,note,verdict,checked,evidence\n{figures}")),
            ("events.csv", events),
            ("monthly.csv", &format!("series,month,value,count,confidence,source,derived_from,note,verdict,checked,evidence\n{monthly}")),
            ("revisions.csv", &format!("date,series,period,old_value,new_value,reason,source\n{revisions}")),
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
            [
                "monthly.csv:2: the figure for 2026-03 ends after its source 'caam-2026-03' was published (2026-03-12); a forecast belongs in a '-forecast' series"
            ]
        );
        let early = check("china-caam,2026,jan-aug,1,H,caam-2026-03,\nchina-forecast,2026,,1,M,caam-2026-03,\n", "");
        assert_eq!(early.iter().filter(|e| e.contains("ends after")).count(), 1, "{early:?}");
        assert!(early.iter().any(|e| e.starts_with("figures.csv:2: the figure for 2026 jan-aug ends after")), "{early:?}");
    }

    #[test]
    fn a_monthly_series_keeps_to_monthly_figures() {
        let errors = check("china-caam,2024,,1,H,caam-2026-03,\n", "china-caam,2025-01,1,H,caam-2026-03,,\n");
        assert!(
            errors.contains(
                &"monthly.csv:2: series 'china-caam' has yearly figures in figures.csv; a monthly series needs its own id".to_string()
            ),
            "{errors:?}"
        );
    }

    #[test]
    fn a_revision_must_name_the_figure_the_data_now_has() {
        let figures = "china-caam,2020,,77500,M,caam-2026-03,\nchina-caam,2025,jan-aug,4292000,H,caam-2026-03,\n";
        let months = "china-caam-monthly,2026-01,681000,H,caam-2026-03,,\n";
        let good = "2026-12-02,china-caam,2020,100000,77500,A threefold rise is four times,caam-2026-03\n\
                    2026-12-02,china-caam,2025 jan-aug,4300000,4292000,CAAM's own figure,caam-2026-03\n\
                    2026-12-02,china-caam-monthly,2026-01,680000,681000,First report,caam-2026-03\n";
        assert!(check_with_revisions(figures, months, good).is_empty(), "{:?}", check_with_revisions(figures, months, good));
        let wrong = "2026-12-02,china-caam,2020,100000,78000,A threefold rise is four times,caam-2026-03\n";
        assert_eq!(
            check_with_revisions(figures, months, wrong),
            [
                "revisions.csv:2: the new value 78000 of china-caam 2020 is not the figure in the data (77500); correct the data or this revision"
            ]
        );
        let missing = "2026-12-02,china-caam,2019,1,2,r,caam-2026-03\n2026-12-02,china-caam,2020,1,,dropped,caam-2026-03\n";
        let errors = check_with_revisions(figures, months, missing);
        assert!(errors[0].starts_with("revisions.csv:2: the data has no figure for china-caam 2019"), "{errors:?}");
        assert!(errors[1].starts_with("revisions.csv:3: the revision drops china-caam 2020, but the data still has it"), "{errors:?}");
        let bad = "2 Dec 2026,nope,2020 spring,x,1,,\n";
        let errors = check_with_revisions(figures, months, bad);
        assert_eq!(errors.len(), 6, "{errors:?}");
        assert!(errors.iter().all(|e| e.starts_with("revisions.csv:2: ")), "{errors:?}");
    }

    #[test]
    fn a_series_never_mixes_counting_bodies() {
        let figures = "series,year,period,value,count,confidence,source,note,verdict,checked,evidence\n\
                       china-caam,2023,,4910000,CAAM,H,caam-2026-03,,confirmed,2026-12-02,q\n\
                       china-caam,2024,,5860000,CPCA,M,caam-2026-03,,confirmed,2026-12-02,q\n\
                       china-caam,2025,,7098000,,M,caam-2026-03,,confirmed,2026-12-02,q\n\
                       china-caam,2022,,3111000,CAAM,H,caam-2026-03,,,,\n";
        let sources = "[[source]]\nid = \"caam-2026-03\"\npublisher = \"S\"\ntitle = \"t\"\ndate = \"2026-03-12\"\n";
        let series = "[[series]]\nid = \"china-caam\"\nlabel = \"China\"\ncount = \"CAAM\"\ndefinition = \"d\"\nunit = \"vehicles\"\n";
        let errors: Vec<String> = parse(
            ("sources.toml", sources),
            ("series.toml", series),
            ("figures.csv", figures),
            ("events.csv", "date,topic,actor,kind,title,detail,source,confidence,verdict,checked,evidence\n"),
            ("monthly.csv", "series,month,value,count,confidence,source,derived_from,note,verdict,checked,evidence\n"),
            ("revisions.csv", "date,series,period,old_value,new_value,reason,source\n"),
        )
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
        assert_eq!(
            errors[0],
            "figures.csv:3: figure counted by 'CPCA' in series 'china-caam', which is counted by 'CAAM': one series holds one count, so give this figure a series of its own"
        );
        assert_eq!(errors[1], "figures.csv:4: figure has no count: name the body that counted it (CAAM, customs, CPCA, ...)");
        assert!(errors[2].starts_with("figures.csv:5: figure has no check verdict"), "{errors:?}");
    }

    #[test]
    fn a_missing_file_is_named() {
        let errors = load(Path::new("/nonexistent"), "data").unwrap_err();
        assert_eq!(errors[0].file, "data/sources.toml");
        assert!(errors[0].to_string().contains("cannot be read"));
    }
}
