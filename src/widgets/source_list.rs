use leptos::prelude::*;

use crate::model::{Series, sources_of};

/// The sources of every series on screen, and what each series counts.
#[component]
pub fn SourceList(
    #[prop(into)] series: Signal<Vec<&'static Series>>,
    /// Folded under a one-line summary (embedded charts); open in the story.
    #[prop(optional)]
    collapsed: bool,
) -> impl IntoView {
    let count = move || sources_of(&series.get()).len();
    view! {
        <details class="chart-sources" open=!collapsed>
            <summary>
                <h4>{move || format!("Sources ({})", count())}</h4>
            </summary>
            <ul class="source-list">
                {move || {
                    sources_of(&series.get())
                        .into_iter()
                        .map(|s| {
                            view! {
                                <li data-source=s.id>
                                    <a href=s.url rel="noopener" target="_blank">{s.publisher}</a>
                                    ", “"{s.title}"”, "
                                    <time datetime=s.date>{s.date}</time>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <h4>"What each line counts"</h4>
            <dl class="definitions">
                {move || {
                    series
                        .get()
                        .into_iter()
                        .map(|s| view! { <dt>{s.label()}</dt><dd>{s.definition}</dd> })
                        .collect_view()
                }}
            </dl>
        </details>
    }
}
