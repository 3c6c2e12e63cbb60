//! Figures quoted in the prose, each traceable to the data. The prose never types a figure: it
//! quotes one, and the quote carries what it quotes, so that the page can link every number in
//! the text to its provenance (value, period, source, confidence, the recorded check and, for a
//! figure worked out on the page, its arithmetic).
//!
//! A quote travels inside a message's text as `START key SEP text END`, in characters of
//! Unicode's private use area that no translation contains. The catalogue's functions thus stay
//! `&str -> String`, the translators' sentences stay whole, and [`segments`] splits a rendered
//! sentence back into words and quotes. Where a text is not prose (a text alternative, an
//! attribute, a card), [`plain`] drops the marks.

use crate::i18n::Lang;
use crate::story::format::{self, Direction};
use crate::story::model::{Point, Series, series};

const START: char = '\u{E000}';
const SEP: char = '\u{E001}';
const END: char = '\u{E002}';

/// One figure of the data: its series and its point.
pub type Figure = (&'static Series, &'static Point);

/// What a quote quotes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Quoted {
    /// A figure as the data has it.
    Figure(Figure),
    /// How many times `from` `to` is: `to / from`.
    Ratio { from: Figure, to: Figure },
    /// The change from `from` to `to`: `to / from - 1`.
    Change { from: Figure, to: Figure },
    /// The share of `part` in `whole`: `part / whole`.
    Share { part: Figure, whole: Figure },
}

/// A piece of a rendered sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum Segment<'a> {
    Words(&'a str),
    Quote { quoted: Quoted, text: &'a str },
}

/// `china-caam:2023`, `china-caam:2025:jan-aug`, `china-caam-monthly:2026:m2`: series, year, and
/// the part of the year or the month where the figure has one.
fn figure_key((series, point): Figure) -> String {
    match (point.period, point.month) {
        ("", 0) => format!("{}:{}", series.id, point.year),
        ("", month) => format!("{}:{}:m{month}", series.id, point.year),
        (period, _) => format!("{}:{}:{period}", series.id, point.year),
    }
}

fn parse_figure(key: &str) -> Option<Figure> {
    let mut parts = key.split(':');
    let series = series(parts.next()?)?;
    let year: u16 = parts.next()?.parse().ok()?;
    let (period, month) = match parts.next() {
        None => ("", 0),
        Some(month) if month.starts_with('m') && month[1..].parse::<u8>().is_ok() => ("", month[1..].parse().ok()?),
        Some(period) => (period, 0),
    };
    let point = series.points.iter().find(|p| p.year == year && p.period == period && p.month == month)?;
    Some((series, point))
}

impl Quoted {
    /// A stable name for what is quoted: the same figure always has the same key.
    pub fn key(&self) -> String {
        match *self {
            Quoted::Figure(f) => figure_key(f),
            Quoted::Ratio { from, to } => format!("ratio;{};{}", figure_key(from), figure_key(to)),
            Quoted::Change { from, to } => format!("change;{};{}", figure_key(from), figure_key(to)),
            Quoted::Share { part, whole } => format!("share;{};{}", figure_key(part), figure_key(whole)),
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        let mut parts = key.split(';');
        let first = parts.next()?;
        let pair = |parts: &mut std::str::Split<'_, char>| Some((parse_figure(parts.next()?)?, parse_figure(parts.next()?)?));
        match first {
            "ratio" => pair(&mut parts).map(|(from, to)| Quoted::Ratio { from, to }),
            "change" => pair(&mut parts).map(|(from, to)| Quoted::Change { from, to }),
            "share" => pair(&mut parts).map(|(part, whole)| Quoted::Share { part, whole }),
            figure => parse_figure(figure).map(Quoted::Figure),
        }
    }

    /// The figures of the data it rests on.
    pub fn inputs(&self) -> Vec<Figure> {
        match *self {
            Quoted::Figure(f) => vec![f],
            Quoted::Ratio { from, to } | Quoted::Change { from, to } => vec![from, to],
            Quoted::Share { part, whole } => vec![part, whole],
        }
    }

    /// The number a figure worked out on the page comes to; `None` for a figure of the data.
    pub fn worked_out(&self) -> Option<f64> {
        match *self {
            Quoted::Figure(_) => None,
            Quoted::Ratio { from, to } => Some(to.1.value / from.1.value),
            Quoted::Change { from, to } => Some(to.1.value / from.1.value - 1.0),
            Quoted::Share { part, whole } => Some(part.1.value / whole.1.value),
        }
    }

    /// A figure worked out on the page as its arithmetic ends: "5.9", "48.4%".
    pub fn result(&self, lang: Lang) -> Option<String> {
        let value = self.worked_out()?;
        Some(match self {
            Quoted::Ratio { .. } => format::decimal(lang, value, 1),
            _ => format::fraction(lang, value),
        })
    }

    /// The arithmetic of a figure worked out on the page, in full figures:
    /// "1,352,000 ÷ 911,000 − 1 = 48.4%".
    pub fn arithmetic(&self, lang: Lang) -> Option<String> {
        let full = |(s, p): Figure| format::full(lang, s.unit, p.value);
        let result = self.result(lang)?;
        Some(match *self {
            Quoted::Figure(_) => return None,
            Quoted::Ratio { from, to } => format!("{} ÷ {} = {result}", full(to), full(from)),
            Quoted::Change { from, to } => format!("{} ÷ {} − 1 = {result}", full(to), full(from)),
            Quoted::Share { part, whole } => format!("{} ÷ {} = {result}", full(part), full(whole)),
        })
    }
}

/// `text`, marked as a quote of `quoted`.
pub fn mark(quoted: Quoted, text: &str) -> String {
    format!("{START}{}{SEP}{text}{END}", quoted.key())
}

/// A figure of the data as prose writes it ("4.91 million"), quoted; "no figure" where the data
/// has none.
pub fn figure(lang: Lang, series_id: &str, year: u16, period: &str) -> String {
    match lookup(series_id, year, period) {
        Some(f) => mark(Quoted::Figure(f), &format::readable(lang, f.0.unit, f.1.value)),
        None => crate::i18n::t::common_no_figure(lang).to_string(),
    }
}

/// A figure of the data as prose writes it, quoted.
pub fn figure_of(lang: Lang, f: Figure) -> String {
    mark(Quoted::Figure(f), &format::readable(lang, f.0.unit, f.1.value))
}

/// A figure of the data, if it has one.
pub fn lookup(series_id: &str, year: u16, period: &str) -> Option<Figure> {
    let s = series(series_id)?;
    Some((s, s.point_in(year, period)?))
}

/// How many times `from`'s figure `to`'s is, to one decimal ("5.9"), quoted.
pub fn ratio(lang: Lang, from: Figure, to: Figure) -> String {
    let quoted = Quoted::Ratio { from, to };
    mark(quoted, &format::decimal(lang, quoted.worked_out().unwrap_or_default(), 1))
}

/// A change from `from` to `to`: which way it goes, and its size without its sign ("48.4%"),
/// quoted, for a sentence that says "more" or "fewer" itself.
pub fn change(lang: Lang, from: Figure, to: Figure) -> (Direction, String) {
    let quoted = Quoted::Change { from, to };
    let value = quoted.worked_out().unwrap_or_default();
    (format::direction(value), mark(quoted, &format::change_size(lang, value)))
}

/// The share of `part` in `whole` ("43.1%"), quoted.
pub fn share(lang: Lang, part: Figure, whole: Figure) -> String {
    let quoted = Quoted::Share { part, whole };
    mark(quoted, &format::fraction(lang, quoted.worked_out().unwrap_or_default()))
}

/// A sentence's words and quotes, in order. A malformed mark is kept as words.
pub fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(START) {
        let after = &rest[start + START.len_utf8()..];
        let parsed = after.find(END).and_then(|end| {
            let (key, quoted_text) = after[..end].split_once(SEP)?;
            Some((Quoted::from_key(key)?, quoted_text, end))
        });
        let Some((quoted, quoted_text, end)) = parsed else { break };
        if start > 0 {
            out.push(Segment::Words(&rest[..start]));
        }
        out.push(Segment::Quote { quoted, text: quoted_text });
        rest = &after[end + END.len_utf8()..];
    }
    if !rest.is_empty() {
        out.push(Segment::Words(rest));
    }
    out
}

/// The text a reader sees, without the marks.
pub fn plain(text: &str) -> String {
    if !text.contains(START) {
        return text.to_string();
    }
    segments(text)
        .into_iter()
        .map(|s| match s {
            Segment::Words(w) => w.to_string(),
            Segment::Quote { text, .. } => text.to_string(),
        })
        .collect::<String>()
        .replace([START, SEP, END], "")
}

/// Every quote in `texts`, once each, in reading order.
pub fn quotes_in<'a>(texts: impl IntoIterator<Item = &'a String>) -> Vec<Quoted> {
    let mut out: Vec<Quoted> = Vec::new();
    for text in texts {
        for segment in segments(text) {
            if let Segment::Quote { quoted, .. } = segment
                && !out.iter().any(|q| q.key() == quoted.key())
            {
                out.push(quoted);
            }
        }
    }
    out
}

/// The id of a quote's row in its chapter's list of figures: `q-<chapter>-<key>`, the key's
/// punctuation as dashes.
pub fn anchor(chapter: &str, quoted: &Quoted) -> String {
    let key: String = quoted.key().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    format!("q-{chapter}-{key}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_survives_a_sentence_and_names_its_figure() {
        let text = format!("In 2023 China exported {}.", figure(Lang::En, "china-caam", 2023, ""));
        assert_eq!(plain(&text), "In 2023 China exported 4.91 million.");
        let parts = segments(&text);
        assert_eq!(parts.len(), 3);
        let Segment::Quote { quoted: Quoted::Figure((s, p)), text } = parts[1] else { panic!("{parts:?}") };
        assert_eq!((s.id, p.year, text), ("china-caam", 2023, "4.91 million"));
        assert_eq!(parts[2], Segment::Words("."));
    }

    #[test]
    fn a_worked_out_figure_gives_its_arithmetic() {
        let from = lookup("china-caam", 2025, "jan-feb").unwrap();
        let to = lookup("china-caam", 2026, "jan-feb").unwrap();
        let (direction, text) = change(Lang::En, from, to);
        assert_eq!(direction, Direction::Up);
        assert_eq!(plain(&text), "48.4%");
        let Segment::Quote { quoted, .. } = segments(&text)[0] else { panic!() };
        assert_eq!(quoted.arithmetic(Lang::En).unwrap(), "1,352,000 ÷ 911,000 − 1 = 48.4%");
        assert_eq!(Quoted::from_key(&quoted.key()), Some(quoted));
        assert_eq!(anchor("overtaking", &quoted), "q-overtaking-change-china-caam-2025-jan-feb-china-caam-2026-jan-feb");
        let month = lookup_month("china-caam-monthly", 2026, 2);
        assert_eq!(Quoted::from_key(&Quoted::Figure(month).key()), Some(Quoted::Figure(month)));
    }

    fn lookup_month(id: &str, year: u16, month: u8) -> Figure {
        let s = series(id).unwrap();
        (s, s.point_for_month(year, month).unwrap())
    }

    #[test]
    fn a_figure_the_data_lacks_is_not_a_quote_and_bad_marks_stay_words() {
        assert_eq!(figure(Lang::En, "china-caam", 1999, ""), "no figure");
        let broken = format!("a {START}nope:1:x{SEP}5{END} b");
        assert!(segments(&broken).iter().all(|s| matches!(s, Segment::Words(_))));
        assert_eq!(plain(&broken), "a nope:1:x5 b");
        let texts = [format!("{} {}", figure(Lang::En, "china-caam", 2023, ""), figure(Lang::En, "china-caam", 2023, ""))];
        assert_eq!(quotes_in(&texts).len(), 1);
    }
}
