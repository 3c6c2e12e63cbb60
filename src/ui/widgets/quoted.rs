//! The figures quoted in a chapter's text: each a link to its row in the chapter's list of
//! figures, which says where it comes from. Without scripts the link scrolls to the row (the
//! browser opens the folded list); with scripts `postbuild/first-paint.js` shows the same row as a
//! small popover beside the figure.

use leptos::prelude::*;

#[cfg(not(target_arch = "wasm32"))]
use crate::story::quote::{self, Segment};
#[cfg(not(target_arch = "wasm32"))]
use crate::{
    i18n::{Lang, data_text, t, use_lang},
    story::model::{Confidence, Source, Verdict, period_name, source},
    story::quote::{Figure, Quoted},
};

/// A sentence of prose, its quoted figures as links to their rows in `chapter`'s list.
#[cfg(not(target_arch = "wasm32"))]
pub fn prose(chapter: &'static str, text: &str) -> impl IntoView + use<> {
    quote::segments(text)
        .into_iter()
        .map(|segment| match segment {
            Segment::Words(words) => words.to_string().into_any(),
            Segment::Quote { quoted, text } => {
                let anchor = quote::anchor(chapter, &quoted);
                view! {
                    <a class="quote" href=format!("#{anchor}")>
                        {text.to_string()}
                    </a>
                }
                .into_any()
            }
        })
        .collect_view()
}

/// A paragraph of prose, named by `key` within its chapter. Prose never changes once the page is
/// rendered, so the browser build leaves an empty paragraph that a live chapter fills with the
/// prerendered one of the same key (`crate::live`): the chapters' sentences, their quotes and
/// the arithmetic behind them stay out of the wasm (see [`text`]).
#[component]
pub fn Prose(chapter: &'static str, key: &'static str, text: String) -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    let _ = (chapter, text);
    #[cfg(target_arch = "wasm32")]
    return view! { <p class=PROSE data-prose=key hidden></p> };
    #[cfg(not(target_arch = "wasm32"))]
    view! { <p class=PROSE data-prose=key>{prose(chapter, &text)}</p> }
}

/// The class of a chapter's paragraphs of prose.
pub const PROSE: &str = "prose";

/// A paragraph's text: rendered where pages are rendered (natively), and never in the browser,
/// where the live chapter takes the prerendered paragraph over ([`Prose`]).
pub fn text(make: impl FnOnce() -> String) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = make;
        String::new()
    }
    #[cfg(not(target_arch = "wasm32"))]
    make()
}

/// A paragraph that the data may not have (a year so far): in the browser the paragraph's place
/// is kept, and stays empty where the prerendered page has none.
pub fn text_if(make: impl FnOnce() -> Option<String>) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = make;
        Some(String::new())
    }
    #[cfg(not(target_arch = "wasm32"))]
    make()
}

#[cfg(not(target_arch = "wasm32"))]
/// "2023", "January–August 2025", "February 2026".
fn period_of((_, point): Figure, lang: Lang) -> String {
    if point.month > 0 {
        crate::story::format::month_in_prose(lang, point.year, point.month)
    } else if point.period.is_empty() {
        crate::story::format::date(lang, &point.year.to_string())
    } else {
        t::common_part_year(lang, period_name(lang, point.period), &point.year.to_string())
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn confidence_label(confidence: Confidence, lang: Lang) -> &'static str {
    match confidence {
        Confidence::High => t::ui_confidence_high(lang),
        Confidence::Medium => t::ui_confidence_medium(lang),
        Confidence::Low => t::ui_confidence_low(lang),
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// The least certain of the figures a quote rests on.
fn weakest(inputs: &[Figure]) -> Confidence {
    let rank = |c: Confidence| match c {
        Confidence::High => 0,
        Confidence::Medium => 1,
        Confidence::Low => 2,
    };
    inputs.iter().map(|(_, p)| p.confidence).max_by_key(|c| rank(*c)).unwrap_or(Confidence::Medium)
}

#[cfg(not(target_arch = "wasm32"))]
/// What the recorded check of one figure found.
fn check_of((_, point): Figure, lang: Lang) -> String {
    let date = crate::story::format::date(lang, point.checked);
    match point.verdict {
        Verdict::Confirmed => t::ui_check_confirmed(lang, &date),
        Verdict::ConfirmedElsewhere => t::ui_check_confirmed_elsewhere(lang, &date),
        Verdict::Derived => t::ui_check_derived(lang, &date, data_text(lang, point.note)),
        Verdict::NotFound => t::ui_check_not_found(lang, &date),
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// Every source a quote's figures cite, once each.
fn sources_of(inputs: &[Figure]) -> Vec<&'static Source> {
    let mut out: Vec<&'static Source> = Vec::new();
    for (_, p) in inputs {
        for id in [p.source, p.derived_from] {
            if let Some(s) = source(id).filter(|s| !out.contains(s)) {
                out.push(s);
            }
        }
    }
    out
}

#[cfg(not(target_arch = "wasm32"))]
fn source_view(s: &'static Source, lang: Lang) -> impl IntoView + use<> {
    let link = if s.url.is_empty() {
        view! { <span>{t::ui_no_public_link(lang, s.publisher)}</span> }.into_any()
    } else {
        view! { <a href=s.url rel="noopener" target="_blank">{s.publisher}</a> }.into_any()
    };
    view! {
        <span class="quote-source">
            {link}
            {t::ui_source_title_separator(lang)}
            {s.title}
            {t::ui_source_date_separator(lang)}
            {s.date_or_undated(lang)}
        </span>
    }
}

/// Each text once, in order: two figures of one period, or checked on one day, say it once.
#[cfg(not(target_arch = "wasm32"))]
fn once(texts: impl Iterator<Item = String>) -> Vec<String> {
    texts.fold(Vec::new(), |mut all, text| {
        if !all.contains(&text) {
            all.push(text);
        }
        all
    })
}

#[cfg(not(target_arch = "wasm32"))]
/// One row: the figure, its period, its sources, its confidence and its check.
fn row(chapter: &'static str, quoted: Quoted, lang: Lang) -> impl IntoView + use<> {
    let inputs = quoted.inputs();
    let figure = match quoted {
        Quoted::Figure((s, p)) => format!("{}: {}", s.name(lang), crate::story::format::full(lang, s.unit, p.value)),
        _ => format!("{}: {}", inputs[0].0.name(lang), quoted.result(lang).unwrap_or_default()),
    };
    let periods = once(inputs.iter().map(|f| period_of(*f, lang)));
    let worked_out = quoted.arithmetic(lang).map(|how| t::ui_check_worked_out(lang, &how));
    let checks = once(worked_out.into_iter().chain(inputs.iter().map(|f| check_of(*f, lang))));
    // Each cell names its column for the phone layout, where the header row is not shown.
    view! {
        <tr id=quote::anchor(chapter, &quoted)>
            <th scope="row">{figure}</th>
            <td data-label=t::ui_quotes_period(lang)>{periods.join(t::common_list_separator(lang))}</td>
            <td data-label=t::ui_quotes_source(lang)>
                {sources_of(&inputs)
                    .into_iter()
                    .map(|s| source_view(s, lang))
                    .collect_view()}
            </td>
            <td data-label=t::ui_quotes_confidence(lang)>{confidence_label(weakest(&inputs), lang)}</td>
            <td data-label=t::ui_quotes_check(lang)>{checks.join(crate::i18n::sentence_gap(lang))}</td>
        </tr>
    }
}

/// The list of the figures quoted in `texts`, folded under a line that counts them. Each row's
/// id is the target of its quotes' links. The list never changes once rendered, so the browser
/// build leaves a slot where a live chapter takes over the prerendered list (`crate::live`)
/// rather than compile the table's views into the wasm.
#[cfg(target_arch = "wasm32")]
#[component]
pub fn QuotedFigures(chapter: &'static str, texts: Vec<String>) -> impl IntoView {
    let _ = (chapter, texts);
    view! { <div class=SLOT hidden></div> }
}

/// The class of the slot a live chapter's prerendered list moves into.
pub const SLOT: &str = "quoted-figures-slot";

/// The list, rendered (natively, for the prerendered pages and the text version).
#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn QuotedFigures(chapter: &'static str, texts: Vec<String>) -> impl IntoView {
    let lang = use_lang();
    // Read as plain text, the text version has the list open, as it has its tables.
    let text_version = use_context::<crate::ui::widgets::chart_frame::TextVersion>().is_some();
    let quotes = quote::quotes_in(&texts);
    let count = quotes.len();
    // Named after its chapter: every chapter has one, and each region needs a name of its own.
    let caption = t::ui_quotes_caption(lang, crate::story::registry::chapter_title(chapter, lang));
    let summary = if count == 1 { t::ui_quotes_summary_one(lang).to_string() } else { t::ui_quotes_summary(lang, &count.to_string()) };
    let region = caption.clone();
    (count > 0).then(move || {
        view! {
            <details class="quoted-figures" id=format!("{chapter}-figures") open=text_version>
                <summary>{summary}</summary>
                <div class="table-scroll" role="region" tabindex="0" aria-label=region>
                    <table
                        class="data-table quote-table"
                        data-dialog-label=t::ui_quote_dialog(lang)
                        data-close-label=t::ui_quote_close(lang)
                    >
                        <caption>{caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t::ui_quotes_figure(lang)}</th>
                                <th scope="col">{t::ui_quotes_period(lang)}</th>
                                <th scope="col">{t::ui_quotes_source(lang)}</th>
                                <th scope="col">{t::ui_quotes_confidence(lang)}</th>
                                <th scope="col">{t::ui_quotes_check(lang)}</th>
                            </tr>
                        </thead>
                        <tbody>{quotes.into_iter().map(|q| row(chapter, q, lang)).collect_view()}</tbody>
                    </table>
                </div>
            </details>
        }
    })
}
