use leptos::prelude::*;

use crate::ui::widgets::SubHeading;
use crate::ui::widgets::chart_frame::TextVersion;

use crate::i18n::{Lang, t, use_lang};
use crate::story::model::Source;
use crate::story::table::Table;

/// A publication date, or "undated" where the source gives none.
fn date_view(source: &'static Source, lang: Lang) -> AnyView {
    if source.date.is_empty() {
        source.date_or_undated(lang).into_any()
    } else {
        view! { <time datetime=source.date>{source.date_or_undated(lang)}</time> }.into_any()
    }
}

/// The sources of every figure on screen, and what each series counts: folded under a one-line
/// summary with their number, since a chart can have dozens (on a phone, a list of 46 sources
/// is longer than its chapter). Each figure's own source is also a click away on the chart and in
/// its table; printed, the list is open (style/main.css), and in the text version, which is read
/// as plain text, it is open too.
#[component]
pub fn SourceList(#[prop(into)] table: Signal<Table>) -> impl IntoView {
    let lang = use_lang();
    let text_version = use_context::<TextVersion>().is_some();
    view! {
        <details class="chart-sources" open=text_version>
            <summary>
                <SubHeading>{move || t::ui_sources_count(lang, &table.with(|t| t.sources().len()).to_string())}</SubHeading>
            </summary>
            <ul class="source-list">
                {move || {
                    table
                        .with(|t| t.sources())
                        .into_iter()
                        .map(|s| {
                            let link = if s.url.is_empty() {
                                view! { <span>{t::ui_no_public_link(lang, s.publisher)}</span> }.into_any()
                            } else {
                                view! { <a href=s.url rel="noopener" target="_blank">{s.publisher}</a> }.into_any()
                            };
                            view! {
                                <li data-source=s.id>
                                    {link}
                                    {t::ui_source_title_separator(lang)}
                                    {s.title}
                                    {t::ui_source_date_separator(lang)}
                                    {date_view(s, lang)}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <SubHeading>{t::ui_series_definitions(lang)}</SubHeading>
            <dl class="definitions">
                {move || {
                    table
                        .with(|t| {
                            t.series.iter().map(|s| view! { <dt>{s.name(t.lang)}</dt><dd>{s.definition(t.lang)}</dd> }).collect_view()
                        })
                }}
            </dl>
        </details>
    }
}
