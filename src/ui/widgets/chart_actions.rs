//! The actions under every chart: copy a link to this view, embed it, download its data and image.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::i18n::{Lang, t, use_lang};
use crate::state::app_state::use_app_state;
use crate::state::display::use_display;
use crate::state::url_state::{Embed, UrlState};
use crate::story::embed_code::{PictureLink, picture_snippet, snippet};
use crate::story::model::Source;
use crate::story::registry::chapter_of;
use crate::story::site::{COLUMN_PICTURE, column_picture_file};
use crate::story::table::Table;
use crate::ui::widgets::Cite;
use crate::ui::widgets::copy_dialog::{CopyBlock, CopyDialog};
use crate::web::clipboard;
use crate::web::download::{ImageCaption, save_png, save_text};
use crate::web::echarts::EChart;

/// The address of the story in the reader's language, without query or fragment, e.g.
/// `https://example.org/story/` or `https://example.org/story/de.html`, from any of the site's
/// pages (the story's, or a chart's embed page).
fn page_base(lang: Lang) -> String {
    let file = if lang == Lang::En { "" } else { lang.page_file() };
    format!("{}{file}", site_folder())
}

/// The address of a chart's own prerendered embed page in the reader's language: a frame opens
/// it directly, without the hop that `?embed=` on the story's address takes.
fn embed_base(lang: Lang, chart_id: &str) -> String {
    format!("{}{}", site_folder(), lang.embed_file(chart_id))
}

/// A chart's share page (`charts/<chart-id>/`, written by the prerender step): a link to it
/// unfurls in chat apps and social networks with the chart's card, and leads on into the story.
fn share_address(lang: Lang, chart_id: &str, view: Option<&str>) -> String {
    format!("{}{}", site_folder(), crate::story::site::view_share_href(chart_id, view, lang))
}

/// The folder the site's pages are in, e.g. `https://example.org/story/`.
fn site_folder() -> String {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    format!("{}{}", location.origin().unwrap_or_default(), &path[..path.rfind('/').map_or(0, |i| i + 1)])
}

/// The story's address in the reader's language, for citing the whole story.
pub fn story_address(lang: Lang) -> String {
    page_base(lang)
}

fn with_query(base: &str, query: &str) -> String {
    if query.is_empty() { base.to_string() } else { format!("{base}?{query}") }
}

/// One line naming every source of the figures on screen, for images.
pub fn source_line(sources: &[&Source], lang: Lang) -> String {
    let publishers: Vec<String> = sources.iter().map(|s| t::ui_source_dated(lang, s.publisher, &s.date_or_undated(lang))).collect();
    t::ui_image_sources(lang, &publishers.join(t::common_clause_separator(lang)))
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
    let lang = use_lang();
    let (status, set_status) = signal(String::new());
    let dialog = NodeRef::<Dialog>::new();

    let view_link = move || {
        let url = UrlState { embed: None, child_id: None, chapter: chapter_of(id), ..state.to_url_state() };
        format!("{}#{}", with_query(&page_base(lang), &url.story_query()), chapter_of(id).unwrap_or(id))
    };
    // "Copy link" gives the share page of the reader's view where it has one (the chart's own for
    // its default view), since that page's preview shows exactly this; any other view keeps its
    // own address.
    let copy_link = move || match crate::state::shared_views::share_page_of(id, &state.to_url_state()) {
        Some(view) => share_address(lang, id, view.as_deref()),
        None => view_link(),
    };
    let embed_url = move || {
        let url = UrlState { embed: Some(Embed::Chart(id)), child_id: None, chapter: None, ..state.to_url_state() };
        with_query(&embed_base(lang, id), &url.to_query())
    };
    let embed_code = Memo::new(move |_| snippet(&embed_url(), title));
    // The build draws each chart's first view as a picture for an article column (the block's
    // label says so), so the snippet's text alternative and sources are the first view's.
    let picture_code = Signal::derive(move || {
        let (share, picture) = (share_address(lang, id, None), format!("{}{}", site_folder(), column_picture_file(id, lang)));
        let (sources, alt) =
            crate::charts::default_view(id, lang).map(|(table, alt)| (source_line(&table.sources(), lang), alt)).unwrap_or_default();
        picture_snippet(&PictureLink {
            picture: &picture,
            size: COLUMN_PICTURE,
            alt: &alt,
            title,
            sources: &sources,
            link: &share,
            link_text: t::ui_share_open(lang),
        })
    });

    let copy = move |text: String, done: &'static str| clipboard::copy_and_report(text, done, set_status, lang);
    let download_csv = move |_| {
        let csv = table.with_untracked(|t| t.to_csv());
        match save_text(&format!("{id}.csv"), "text/csv;charset=utf-8", &csv) {
            Ok(()) => set_status.set(t::ui_csv_downloaded(lang).into()),
            Err(err) => set_status.set(t::ui_csv_failed(lang, &format!("{err:?}"))),
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
            Some(Ok(())) => set_status.set(t::ui_png_downloaded(lang).into()),
            Some(Err(err)) => set_status.set(t::ui_png_failed(lang, &format!("{err:?}"))),
            None => set_status.set(t::ui_png_no_chart(lang).into()),
        }
    };

    let dialog_title = format!("{id}-embed-title");
    view! {
        <div class="chart-actions">
            <button type="button" class="action" on:click=move |_| copy(copy_link(), t::ui_link_copied(lang))>
                {t::ui_copy_link(lang)}
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
                {t::ui_embed(lang)}
            </button>
            <Cite chart=Some((id, title)) url=Callback::new(move |_| view_link())/>
            <button type="button" class="action" on:click=download_csv>{t::ui_download_csv(lang)}</button>
            <button type="button" class="action" on:click=download_png>{t::ui_download_png(lang)}</button>
            <p class="action-status" role="status">{move || status.get()}</p>
        </div>
        <CopyDialog
            dialog=dialog
            heading_id=dialog_title
            heading=t::ui_embed_title(lang)
            help=t::ui_embed_help(lang)
            class="embed-dialog"
            blocks=vec![
                CopyBlock {
                    label: t::ui_embed_code(lang),
                    text: embed_code.into(),
                    rows: 8,
                    copy_label: t::ui_copy_code(lang),
                    copied: t::ui_embed_code_copied(lang),
                },
                CopyBlock {
                    label: t::ui_image_code(lang),
                    text: picture_code,
                    rows: 5,
                    copy_label: t::ui_copy_image_code(lang),
                    copied: t::ui_image_code_copied(lang),
                },
            ]
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::model::series;

    #[test]
    fn the_image_source_line_names_each_publisher_once() {
        let table = Table::yearly(&[series("china-caam").unwrap(), series("japan-jama").unwrap()], &[2015, 2019], Lang::En);
        let line = source_line(&table.sources(), Lang::En);
        assert!(line.starts_with("Sources: Automotive News via eWorks (Jan 2016); Response.jp, citing JAMA (29 Jan 2016);"), "{line}");
        assert_eq!(line.matches("Xinhua via People's Daily").count(), 1);
        assert!(line.ends_with('.'));
    }

    #[test]
    fn the_image_source_line_speaks_the_readers_language() {
        let table = Table::yearly(&[series("china-caam").unwrap(), series("japan-jama").unwrap()], &[2015, 2019], Lang::Zh);
        let line = source_line(&table.sources(), Lang::Zh);
        assert!(line.starts_with("来源：Automotive News via eWorks（"), "{line}");
        assert!(line.contains("）；") && line.ends_with('。'), "{line}");
        let german = source_line(&table.sources(), Lang::De);
        assert!(german.starts_with("Quellen: Automotive News via eWorks ("), "{german}");
    }
}
