use leptos::prelude::*;

use crate::format;
use crate::model::{Confidence, Series};

/// A caveat attached to one cell: a note from the data, or low confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Footnote {
    pub series: String,
    pub year: u16,
    pub text: String,
}

/// The footnotes of the cells shown, numbered in reading order (row by row).
pub fn footnotes(series: &[&Series], years: &[u16]) -> Vec<Footnote> {
    let mut out = Vec::new();
    for &year in years {
        for s in series {
            if let Some(p) = s.point(year) {
                let mut text = String::new();
                if p.confidence == Confidence::Low {
                    text.push_str("Low confidence. ");
                }
                text.push_str(p.note);
                if !text.is_empty() {
                    out.push(Footnote { series: s.label(), year, text: text.trim().to_string() });
                }
            }
        }
    }
    out
}

/// The numbers behind a chart, one row per year and one column per series; gaps stay empty.
#[component]
pub fn DataTable(
    #[prop(into)] series: Signal<Vec<&'static Series>>,
    years: &'static [u16],
    caption: &'static str,
) -> impl IntoView {
    let notes = Memo::new(move |_| footnotes(&series.get(), years));
    let note_number = move |label: &str, year: u16| {
        notes.with(|n| n.iter().position(|f| f.series == label && f.year == year).map(|i| i + 1))
    };
    view! {
        <div class="table-scroll">
            <table class="data-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Year"</th>
                        {move || {
                            series
                                .get()
                                .into_iter()
                                .map(|s| view! { <th scope="col" data-series=s.id>{s.label()}</th> })
                                .collect_view()
                        }}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let shown = series.get();
                        years
                            .iter()
                            .map(|&year| {
                                let cells = shown
                                    .iter()
                                    .map(|s| {
                                        let label = s.label();
                                        match s.point(year) {
                                            Some(p) => {
                                                let note = note_number(&label, year);
                                                view! {
                                                    <td data-series=s.id data-value=p.value.to_string()>
                                                        {format::thousands(p.value)}
                                                        {note
                                                            .map(|n| {
                                                                view! {
                                                                    <sup class="footnote-ref">
                                                                        <a href=format!("#note-{}-{n}", s.id)>{n.to_string()}</a>
                                                                    </sup>
                                                                }
                                                            })}
                                                    </td>
                                                }
                                                    .into_any()
                                            }
                                            None => {
                                                view! {
                                                    <td data-series=s.id class="gap">
                                                        <span class="visually-hidden">"no figure"</span>
                                                        <span aria-hidden="true">"–"</span>
                                                    </td>
                                                }
                                                    .into_any()
                                            }
                                        }
                                    })
                                    .collect_view();
                                view! {
                                    <tr>
                                        <th scope="row">{year}</th>
                                        {cells}
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
        </div>
        <ol class="footnotes">
            {move || {
                let shown = series.get();
                notes
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, f)| {
                        let id = shown.iter().find(|s| s.label() == f.series).map(|s| s.id).unwrap_or_default();
                        view! { <li id=format!("note-{id}-{}", i + 1)>{format!("{}, {}: {}", f.series, f.year, f.text)}</li> }
                    })
                    .collect_view()
            }}
        </ol>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::series;

    #[test]
    fn footnotes_carry_notes_and_low_confidence_in_reading_order() {
        let korea = series("korea-kama").unwrap();
        let japan = series("japan-jama").unwrap();
        let notes = footnotes(&[japan, korea], &[2015, 2016]);
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].series, "Japan (JAMA)");
        assert!(notes[0].text.starts_with("Fiscal year"));
        assert_eq!(notes[1].series, "South Korea (KAMA)");
        assert!(notes[1].text.starts_with("Low confidence. A lower bound"), "{}", notes[1].text);
    }
}
