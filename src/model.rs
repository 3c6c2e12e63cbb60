//! The story's figures, embedded at build time from `data/` (see the `dataset` crate).

/// Where figures come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    pub id: &'static str,
    pub publisher: &'static str,
    pub title: &'static str,
    pub url: &'static str,
    pub date: &'static str,
}

/// Countries keep one colour and one marker across every chart (see [`crate::palette`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Country {
    China,
    Japan,
    Germany,
    Korea,
}

impl Country {
    pub fn name(self) -> &'static str {
        match self {
            Country::China => "China",
            Country::Japan => "Japan",
            Country::Germany => "Germany",
            Country::Korea => "South Korea",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidence {
    High,
    Medium,
    Low,
}

/// One figure of a series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub year: u16,
    pub value: f64,
    pub confidence: Confidence,
    pub source: &'static str,
    pub note: &'static str,
}

/// One line of figures: one country, one way of counting.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Series {
    pub id: &'static str,
    pub country: Country,
    pub count: &'static str,
    pub definition: &'static str,
    pub unit: &'static str,
    pub points: &'static [Point],
}

impl Series {
    /// The name readers see in legends, tooltips and tables, e.g. "China (CAAM)".
    pub fn label(&self) -> String {
        format!("{} ({})", self.country.name(), self.count)
    }

    /// The figure for a year, or `None` where the data has a gap.
    pub fn point(&self, year: u16) -> Option<&'static Point> {
        self.points.iter().find(|p| p.year == year)
    }

    /// The sources this series cites, each once, in the order of first use.
    pub fn sources(&self) -> Vec<&'static Source> {
        let mut ids: Vec<&str> = Vec::new();
        for p in self.points {
            if !ids.contains(&p.source) {
                ids.push(p.source);
            }
        }
        ids.into_iter().filter_map(source).collect()
    }
}

include!(concat!(env!("OUT_DIR"), "/dataset.rs"));

/// Looks a series up by its id in `data/series.toml`.
pub fn series(id: &str) -> Option<&'static Series> {
    SERIES.iter().find(|s| s.id == id)
}

/// Looks a source up by its id in `data/sources.toml`.
pub fn source(id: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.id == id)
}

/// The sources of several series, each once.
pub fn sources_of(series: &[&Series]) -> Vec<&'static Source> {
    let mut out: Vec<&'static Source> = Vec::new();
    for s in series {
        for source in s.sources() {
            if !out.iter().any(|o| o.id == source.id) {
                out.push(source);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cited_source_exists() {
        for s in SERIES {
            for p in s.points {
                assert!(source(p.source).is_some(), "{} {} cites {}", s.id, p.year, p.source);
            }
        }
    }

    #[test]
    fn gaps_are_none_not_zero() {
        let caam = series("china-caam").unwrap();
        assert_eq!(caam.point(2023).unwrap().value, 4_910_000.0);
        assert!(caam.point(2016).is_none(), "2016 has no sourced CAAM figure");
    }

    #[test]
    fn sources_are_listed_once() {
        let caam = series("china-caam").unwrap();
        let customs = series("china-customs").unwrap();
        let sources = sources_of(&[caam, customs]);
        let mut ids: Vec<_> = sources.iter().map(|s| s.id).collect();
        ids.dedup();
        assert_eq!(ids.len(), sources.len());
        assert!(ids.contains(&"bricsbridge-2025-04-16"));
    }
}
