//! Where the site's files live, relative to the site's folder: each chart's share page, its
//! share card, its oEmbed description and its picture for places that take no frame. The build
//! writes them there (`prerender/`) and the pages link to them from here, so a path is written once.

use crate::i18n::Lang;

/// A chart's share page as a file (`charts/<chart-id>/index.html`, `charts/<chart-id>/de.html`).
pub fn share_file(chart: &str, lang: Lang) -> String {
    view_share_file(chart, None, lang)
}

/// The share page of one view of a chart (`view`: its key, `crate::state::shared_views`; `None`
/// for the default view): `charts/<chart-id>/<view key>/index.html`, and so on.
pub fn view_share_file(chart: &str, view: Option<&str>, lang: Lang) -> String {
    let folder = match view {
        Some(key) => format!("charts/{chart}/{key}"),
        None => format!("charts/{chart}"),
    };
    match lang {
        Lang::En => format!("{folder}/index.html"),
        other => format!("{folder}/{}.html", other.short_code()),
    }
}

/// A chart's share page as a link gives it: the English page is its folder's index.
pub fn share_href(chart: &str, lang: Lang) -> String {
    view_share_href(chart, None, lang)
}

/// A view's share page as a link gives it.
pub fn view_share_href(chart: &str, view: Option<&str>, lang: Lang) -> String {
    link_of(&view_share_file(chart, view, lang)).to_string()
}

/// A file's path as links give it: a folder's `index.html` is the folder's own address.
pub fn link_of(file: &str) -> &str {
    file.strip_suffix("index.html").unwrap_or(file)
}

/// A page's share card (the story's when `chart` is `None`): 1200x630, for link previews.
pub fn card_file(chart: Option<&str>, lang: Lang) -> String {
    format!("cards/{}-{}.png", chart.unwrap_or("story"), lang.short_code())
}

/// The share card of one view of a chart (the chart's own card for `None`).
pub fn view_card_file(chart: &str, view: Option<&str>, lang: Lang) -> String {
    match view {
        Some(key) => format!("cards/{chart}/{key}-{}.png", lang.short_code()),
        None => card_file(Some(chart), lang),
    }
}

/// A chart's oEmbed description (JSON), which its share and embed pages name.
pub fn oembed_file(chart: &str, lang: Lang) -> String {
    format!("oembed/{chart}-{}.json", lang.short_code())
}

/// A chart's picture for an article column, for the Embed dialog's image snippet.
pub fn column_picture_file(chart: &str, lang: Lang) -> String {
    format!("pictures/{chart}-{}.png", lang.short_code())
}

/// A view's pictures at every size, light with their dark rules in the page's stylesheet, for the
/// first-paint script to show when a control reaches that view before the app is live: JSON with
/// the chart area's markup and its text alternative. `view`: the view's place among the chart's
/// views (`state::shared_views`, the default at 0), which is all the script needs to know of it.
pub fn view_picture_file(chart: &str, view: &str, lang: &str) -> String {
    format!("pictures/{chart}/view-{view}-{lang}.json")
}

/// A view's picture at one size (`size`, the picture's class is `static-<size>`) and in one theme,
/// as an SVG file of its own: for a page read without scripts, whose stylesheet
/// ([`NO_SCRIPT_STYLESHEET`]) shows it when the choice's option that reaches the view is checked.
/// `view`: the view's place among the chart's views (`state::shared_views`).
pub fn no_script_picture_file(chart: &str, view: usize, lang: &str, size: &str, dark: bool) -> String {
    format!("pictures/{chart}/view-{view}-{lang}-{size}-{}.svg", if dark { "dark" } else { "light" })
}

/// The stylesheet a page read without scripts loads (inside `<noscript>`, so a page with scripts
/// never fetches it), before its content hash: `no-script-<lang>-<hash>.css`.
pub const NO_SCRIPT_STYLESHEET: &str = "no-script-{lang}";

/// The size of the column picture: an article column's width, drawn at twice the pixels.
pub const COLUMN_PICTURE: (u32, u32) = (640, 400);

/// The sitemap and the file that names it to crawlers.
pub const SITEMAP_FILE: &str = "sitemap.xml";
pub const ROBOTS_FILE: &str = "robots.txt";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_chart_has_its_files_per_language() {
        assert_eq!(share_file("nev-share", Lang::En), "charts/nev-share/index.html");
        assert_eq!(share_href("nev-share", Lang::En), "charts/nev-share/");
        assert_eq!(share_href("nev-share", Lang::De), "charts/nev-share/de.html");
        assert_eq!(card_file(None, Lang::Zh), "cards/story-zh.png");
        assert_eq!(view_share_href("nev-share", Some("nev-share"), Lang::En), "charts/nev-share/nev-share/");
        assert_eq!(view_share_file("nev-share", Some("nev-share"), Lang::De), "charts/nev-share/nev-share/de.html");
        assert_eq!(view_card_file("nev-share", Some("nev-share"), Lang::Nl), "cards/nev-share/nev-share-nl.png");
        assert_eq!(oembed_file("nev-share", Lang::Nl), "oembed/nev-share-nl.json");
        assert_eq!(column_picture_file("nev-share", Lang::De), "pictures/nev-share-de.png");
    }
}
