//! A chart's figures as CSV: exactly the series on screen, one row per figure, with units and
//! sources, so a reader can check or reuse every number.

use crate::model::{Confidence, Series, source};

pub const HEADER: &str = "year,series,value,unit,confidence,source,source_url,note";

/// Rows in the table's reading order (year by year, series by series); gaps have no row.
pub fn chart_csv(series: &[&Series], years: &[u16]) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    for &year in years {
        for s in series {
            let Some(p) = s.point(year) else { continue };
            let src = source(p.source);
            let fields = [
                year.to_string(),
                s.label(),
                format!("{}", p.value),
                s.unit.to_string(),
                match p.confidence {
                    Confidence::High => "high",
                    Confidence::Medium => "medium",
                    Confidence::Low => "low",
                }
                .to_string(),
                src.map(|s| format!("{}, {} ({})", s.publisher, s.title, s.date)).unwrap_or_default(),
                src.map(|s| s.url.to_string()).unwrap_or_default(),
                p.note.to_string(),
            ];
            out.push_str(&fields.iter().map(|f| field(f)).collect::<Vec<_>>().join(","));
            out.push('\n');
        }
    }
    out
}

/// Quotes a field when it holds a comma, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::series;

    #[test]
    fn one_row_per_figure_with_units_and_sources() {
        let caam = series("china-caam").unwrap();
        let csv = chart_csv(&[caam], &[2016, 2023]);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], HEADER);
        assert_eq!(lines.len(), 2, "2016 is a gap: no row");
        assert!(lines[1].starts_with("2023,China (CAAM),4910000,vehicles,high,\"Shanghai Daily, "), "{}", lines[1]);
        assert!(lines[1].contains("https://www.shine.cn/biz/auto/2401111656/"));
    }

    #[test]
    fn fields_with_commas_and_quotes_are_quoted() {
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("plain"), "plain");
    }
}
