//! The recorded check of every figure and event: what an editor found when they looked the
//! figure up on a stored copy of the page it cites. A row without a verdict stops the build, so
//! no figure reaches the page unchecked.

use crate::error::is_date;

/// What the look-up found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The cited page states the figure.
    Confirmed,
    /// The first page cited did not state it; the page now cited does.
    ConfirmedElsewhere,
    /// Arithmetic on published figures; the evidence gives it.
    Derived,
    /// No page beyond commentary states it: low confidence, said in the note.
    NotFound,
}

impl Verdict {
    /// (verdict, as written in the data files).
    pub const ALL: [(Verdict, &'static str); 4] = [
        (Verdict::Confirmed, "confirmed"),
        (Verdict::ConfirmedElsewhere, "confirmed-elsewhere"),
        (Verdict::Derived, "derived"),
        (Verdict::NotFound, "not-found"),
    ];

    pub fn id(self) -> &'static str {
        Self::ALL.iter().find(|(v, _)| *v == self).map(|(_, id)| *id).unwrap_or_default()
    }
}

/// A figure's recorded check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub verdict: Verdict,
    /// When it was checked, `YYYY-MM-DD`.
    pub checked: String,
    /// A short quote from the page that states the figure, or the arithmetic of a derived one.
    pub evidence: String,
}

/// The check columns of one row, as written.
pub(crate) struct CheckColumns<'a> {
    pub verdict: &'a str,
    pub checked: &'a str,
    pub evidence: &'a str,
    pub confidence: &'a str,
    /// The row names a second source it was computed from.
    pub computed: bool,
}

/// Checks the verdict columns of a row; problems go to `problems`.
pub(crate) fn read(columns: CheckColumns, problems: &mut Vec<String>) -> Option<Check> {
    let known = Verdict::ALL.iter().map(|(_, id)| *id).collect::<Vec<_>>().join(", ");
    let verdict = match Verdict::ALL.iter().find(|(_, id)| *id == columns.verdict) {
        Some((verdict, _)) => Some(*verdict),
        None if columns.verdict.is_empty() => {
            problems.push(format!("figure has no check verdict: look it up on a stored copy of its cited page and record one of: {known}"));
            None
        }
        None => {
            problems.push(format!("verdict '{}' is not one of: {known}", columns.verdict));
            None
        }
    };
    let full_date = columns.checked.len() == 10 && is_date(columns.checked);
    if !full_date {
        problems.push(format!("checked '{}' must be the date of the check, YYYY-MM-DD", columns.checked));
    }
    if columns.evidence.trim().is_empty() {
        problems.push("the check has no evidence: quote the page, or give the arithmetic".to_string());
    }
    match verdict {
        Some(Verdict::NotFound) if columns.confidence != "L" => {
            problems.push("a figure found on no page can only have confidence L".to_string())
        }
        Some(Verdict::Derived) if columns.confidence == "H" => {
            problems.push("a derived figure cannot have confidence H (use M, or L for a rough one)".to_string())
        }
        Some(v) if columns.computed && v != Verdict::Derived => {
            problems.push(format!("a figure computed from a second source is 'derived', not '{}'", v.id()))
        }
        _ => {}
    }
    (verdict.is_some() && full_date && !columns.evidence.trim().is_empty()).then(|| Check {
        verdict: verdict.unwrap_or(Verdict::NotFound),
        checked: columns.checked.to_string(),
        evidence: columns.evidence.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(verdict: &str, checked: &str, evidence: &str, confidence: &str, computed: bool) -> Vec<String> {
        let mut problems = Vec::new();
        read(CheckColumns { verdict, checked, evidence, confidence, computed }, &mut problems);
        problems
    }

    #[test]
    fn a_checked_figure_passes() {
        assert!(problems("confirmed", "2026-12-02", "\"4.91 million vehicles\"", "H", false).is_empty());
        assert!(problems("derived", "2026-12-02", "310,000 / 4", "M", true).is_empty());
        assert!(problems("not-found", "2026-12-02", "searched for it", "L", false).is_empty());
    }

    #[test]
    fn a_figure_without_a_verdict_is_refused() {
        let found = problems("", "", "", "H", false);
        assert!(found[0].starts_with("figure has no check verdict"), "{found:?}");
        assert!(found.iter().any(|p| p.contains("checked ''")), "{found:?}");
        assert!(found.iter().any(|p| p.contains("no evidence")), "{found:?}");
        assert!(problems("probably", "2026-12-02", "q", "H", false)[0].contains("verdict 'probably' is not one of"));
        assert!(problems("confirmed", "2026-12", "q", "H", false)[0].contains("YYYY-MM-DD"));
    }

    #[test]
    fn the_verdict_and_the_confidence_agree() {
        assert_eq!(problems("not-found", "2026-12-02", "q", "M", false), ["a figure found on no page can only have confidence L"]);
        assert!(problems("derived", "2026-12-02", "a - b", "H", false)[0].contains("cannot have confidence H"));
        assert!(problems("confirmed", "2026-12-02", "q", "M", true)[0].contains("is 'derived', not 'confirmed'"));
    }
}
