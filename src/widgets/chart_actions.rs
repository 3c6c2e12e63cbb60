//! The actions under every chart: copy a link to this view, embed it, download its data and image.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::i18n::{Lang, t};
use crate::app_state::use_app_state;
use crate::chapters::chapter_of;
use crate::display::use_display;
use crate::download::{ImageCaption, save_png, save_text};
use crate::echarts::EChart;
use crate::embed_code::snippet;
use crate::clipboard;
use crate::model::Source;
use crate::table::Table;
use crate::url_state::{Embed, UrlState};

/// The page's address without query or fragment, e.g. `https://example.org/story/`.
fn page_base() -> String {
    let location = window().location();
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

fn with_query(base: &str, query: &str) -> String {
    if query.is_empty() { base.to_string() } else { format!("{base}?{query}") }
}

/// One line naming every source of the figures on screen, for images.
pub fn source_line(sources: &[&Source], lang: Lang) -> String {
    let publishers: Vec<String> = sources.iter().map(|s| format!("{} ({})", s.publisher, s.date_or_undated(lang))).collect();
    t::ui_image_sources(lang, &publishers.join("; "))
}

#[component]
pub fn ChartActions(
    id: &'static str,
    title: &'static str,
    subtitle: &'static str,
    #[prop(into)] table: Signal<Table>,
    chart: StoredValue<Option<EChart>, LocalStorage>,
) -> impl IntoView {
    let state = use_app_state();
    let display = use_display();
    let (status, set_status) = signal(String::new());
    let dialog = NodeRef::<Dialog>::new();

    let view_link = move || {
        let url = UrlState { embed: None, child_id: None, chapter: chapter_of(id), ..state.to_url_state() };
        format!("{}#{}", with_query(&page_base(), &url.story_query()), chapter_of(id).unwrap_or(id))
    };
    let embed_url = move || {
        let url = UrlState { embed: Some(Embed::Chart(id)), child_id: None, chapter: None, ..state.to_url_state() };
        with_query(&page_base(), &url.to_query())
    };
    let embed_code = Memo::new(move |_| snippet(&embed_url(), title));

    let copy = move |text: String, done: &'static str| {
        leptos::task::spawn_local(async move {
            if clipboard::copy(&text).await {
                set_status.set(done.to_string());
            } else {
                set_status.set(format!("Copying is blocked here; copy this by hand: {text}"));
            }
        });
    };
    let download_csv = move |_| {
        let csv = table.with_untracked(|t| t.to_csv());
        match save_text(&format!("{id}.csv"), "text/csv;charset=utf-8", &csv) {
            Ok(()) => set_status.set("Data downloaded as CSV.".into()),
            Err(err) => set_status.set(format!("The CSV could not be saved: {err:?}")),
        }
    };
    let download_png = move |_| {
        let caption = ImageCaption {
            title: title.to_string(),
            subtitle: subtitle.to_string(),
            source: table.with_untracked(|t| source_line(&t.sources(), t.lang)),
        };
        let theme = display.get_untracked().theme;
        let saved = chart.with_value(|c| c.as_ref().map(|c| save_png(c, caption, theme, format!("{id}.png"))));
        match saved {
            Some(Ok(())) => set_status.set("Image downloaded as PNG.".into()),
            Some(Err(err)) => set_status.set(format!("The image could not be made: {err:?}")),
            None => set_status.set("The chart is not drawn here, so there is no image to save.".into()),
        }
    };

    let dialog_title = format!("{id}-embed-title");
    let dialog_labelled_by = dialog_title.clone();
    view! {
        <div class="chart-actions">
            <button type="button" class="action" on:click=move |_| copy(view_link(), "Link copied.")>
                "Copy link"
            </button>
            <button
                type="button"
                class="action"
                aria-haspopup="dialog"
                on:click=move |_| {
                    if let Some(d) = dialog.get() {
                        let _ = d.show_modal();
                    }
                }
            >
                "Embed"
            </button>
            <button type="button" class="action" on:click=download_csv>"Download data (CSV)"</button>
            <button type="button" class="action" on:click=download_png>"Download image (PNG)"</button>
            <p class="action-status" role="status">{move || status.get()}</p>
        </div>
        <dialog class="embed-dialog" node_ref=dialog aria-labelledby=dialog_labelled_by>
            <h4 id=dialog_title>"Embed this chart"</h4>
            <p>
                "Paste this into your article. The frame sizes itself to the chart; without the script it keeps a fixed height."
            </p>
            <label class="embed-code">
                <span>"Embed code"</span>
                <textarea readonly rows="8" prop:value=move || embed_code.get()></textarea>
            </label>
            <div class="dialog-buttons">
                <button type="button" class="action" on:click=move |_| copy(embed_code.get_untracked(), "Embed code copied.")>
                    "Copy code"
                </button>
                <button
                    type="button"
                    class="action"
                    on:click=move |_| {
                        if let Some(d) = dialog.get() {
                            d.close();
                        }
                    }
                >
                    "Close"
                </button>
            </div>
            <p class="action-status" role="status">{move || status.get()}</p>
        </dialog>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::series;

    #[test]
    fn the_image_source_line_names_each_publisher_once() {
        let table = Table::yearly(&[series("china-caam").unwrap(), series("japan-jama").unwrap()], &[2015, 2019], Lang::En);
        let line = source_line(&table.sources(), Lang::En);
        assert!(line.starts_with("Sources: Automotive News via eWorks (Jan 2016); Juntsu, citing JAMA (18 May 2016);"), "{line}");
        assert_eq!(line.matches("Xinhua via People's Daily").count(), 1);
        assert!(line.ends_with('.'));
    }
}
