//! Share cards: what a chat app or a social network shows when a link to the story or to one of
//! its charts is pasted. Crawlers run no script and treat `?query` as the same page, so each chart
//! gets a static address of its own (`charts/<chart-id>/`, and `de.html`, `nl.html`, `zh.html`
//! there) whose Open Graph and Twitter card tags name the chart's title, a description and a
//! 1200x630 picture (`cards/<chart-id>-<lang>.png`, drawn by `prerender/draw-cards.mjs`), and
//! which leads a reader on into the story at that chart.
//!
//! Absolute addresses in the tags need the site's public address: the `SITE_URL` setting (see the
//! README's "Deploy"). Without it the tags carry addresses relative to the page, which the build
//! says, since most crawlers then show no picture.

use car_exports::i18n::{Lang, t};
use car_exports::story::citation::figures_up_to;
use car_exports::story::escape_html;
use car_exports::story::format;
use car_exports::story::site::{COLUMN_PICTURE, card_file, column_picture_file, view_card_file, view_share_file};
use serde_json::{Value, json};

/// The setting that names the site's public address.
pub const SITE_URL_SETTING: &str = "SITE_URL";

/// The card's size: what Open Graph and Twitter's large card expect.
pub const CARD: (u32, u32) = (1200, 630);

/// The site's public address with a trailing slash, from `SITE_URL`; `None` when unset or not an
/// http(s) address.
pub fn site_url() -> Option<String> {
    let value = std::env::var(SITE_URL_SETTING).ok()?;
    let value = value.trim();
    if !(value.starts_with("https://") || value.starts_with("http://")) || value.contains([' ', '"', '<', '>']) {
        return None;
    }
    Some(if value.ends_with('/') { value.to_string() } else { format!("{value}/") })
}

/// The address of a page as the tags give it: absolute with `site`, else relative to `from` (the
/// folder of the page that carries the tag, as a prefix such as `../../`).
pub fn address(site: Option<&str>, from: &str, path: &str) -> String {
    let path = car_exports::story::site::link_of(path);
    match site {
        Some(site) => format!("{site}{path}"),
        None if from.is_empty() && path.is_empty() => "./".to_string(),
        None => format!("{from}{path}"),
    }
}

fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en_GB",
        Lang::De => "de_DE",
        Lang::Nl => "nl_NL",
        Lang::Zh => "zh_CN",
    }
}

/// The Open Graph and Twitter card tags of a page. (X reads the title, description and picture
/// from the Open Graph tags when its own are missing, so they are not written twice.)
fn tags(lang: Lang, title: &str, description: &str, image: &str, image_alt: &str, url: &str) -> String {
    let attr = escape_html;
    format!(
        "<meta property=\"og:type\" content=\"article\" />\n    \
         <meta property=\"og:site_name\" content=\"{site}\" />\n    \
         <meta property=\"og:locale\" content=\"{locale}\" />\n    \
         <meta property=\"og:title\" content=\"{title}\" />\n    \
         <meta property=\"og:description\" content=\"{description}\" />\n    \
         <meta property=\"og:url\" content=\"{url}\" />\n    \
         <meta property=\"og:image\" content=\"{image}\" />\n    \
         <meta property=\"og:image:type\" content=\"image/png\" />\n    \
         <meta property=\"og:image:width\" content=\"{w}\" />\n    \
         <meta property=\"og:image:height\" content=\"{h}\" />\n    \
         <meta property=\"og:image:alt\" content=\"{alt}\" />\n    \
         <meta name=\"twitter:card\" content=\"summary_large_image\" />\n    \
         <meta name=\"twitter:image:alt\" content=\"{alt}\" />",
        site = attr(t::ui_title(lang)),
        locale = og_locale(lang),
        title = attr(title),
        description = attr(description),
        url = attr(url),
        image = attr(image),
        alt = attr(image_alt),
        w = CARD.0,
        h = CARD.1,
    )
}

/// The tags of a story page (`index.html`, `de.html`, ...), which sits at the site's root.
pub fn story_tags(lang: Lang, site: Option<&str>) -> String {
    let feed = format!(
        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{}\" title=\"{}\">",
        escape_html(&address(site, "", car_exports::ui::revisions_feed::FILE)),
        escape_html(t::ui_revisions_feed(lang)),
    );
    let tags = tags(
        lang,
        t::ui_title(lang),
        t::ui_standfirst(lang),
        &address(site, "", &card_file(None, lang)),
        t::ui_title(lang),
        &address(site, "", lang.page_file()),
    );
    format!("{tags}\n    {feed}")
}

/// One view of a chart with a share page of its own: its key in the page's address and the query
/// that opens the story in that view.
pub struct SharedView<'a> {
    pub key: &'a str,
    pub query: &'a str,
}

/// A chart's share page (of its default view, or of `view`): its tags, the card, and the way on
/// into the story at the chart, in that view. `links` are the page's `canonical`, language and
/// oEmbed links.
pub fn share_page(
    lang: Lang,
    chart: &str,
    view: Option<&SharedView>,
    heading: (&str, &str, &str),
    site: Option<&str>,
    links: &str,
) -> String {
    let (title, subtitle, description) = heading;
    let up = if view.is_some() { "../../../" } else { "../../" };
    let query = view.map(|v| format!("?{}", v.query)).unwrap_or_default();
    let story = format!("{up}{}{query}#{chart}-title", if lang == Lang::En { "" } else { lang.page_file() });
    let key = view.map(|v| v.key);
    let summary = format!("{subtitle}. {}", t::ui_figures_up_to(lang, &format::date(lang, &figures_up_to())));
    let page_title = t::ui_cite_work_chart(lang, t::ui_title(lang), title);
    let tags = tags(
        lang,
        title,
        &summary,
        &address(site, up, &view_card_file(chart, key, lang)),
        description,
        &address(site, up, &view_share_file(chart, key, lang)),
    );
    let (w, h) = (CARD.0 / 2, CARD.1 / 2);
    format!(
        "<!doctype html>\n<html lang=\"{code}\">\n  <head>\n    <meta charset=\"utf-8\" />\n    \
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n    \
         <title>{page_title}</title>\n    <meta name=\"description\" content=\"{summary}\" />\n    \
         {links}\n    {tags}\n    \
         <meta http-equiv=\"refresh\" content=\"0; url={story}\" />\n  </head>\n  <body>\n    <main>\n      \
         <h1>{title}</h1>\n      <p>{subtitle_html}</p>\n      \
         <p><img src=\"{up}{card}\" width=\"{w}\" height=\"{h}\" alt=\"{alt}\" /></p>\n      \
         <p><a href=\"{story}\">{open}</a></p>\n    </main>\n  </body>\n</html>\n",
        code = lang.code(),
        page_title = escape_html(&page_title),
        summary = escape_html(&summary),
        story = escape_html(&story),
        title = escape_html(title),
        subtitle_html = escape_html(subtitle),
        card = view_card_file(chart, key, lang),
        alt = escape_html(description),
        open = escape_html(t::ui_share_open(lang)),
    )
}

/// The line under a card's chart: the story's name and how recent its figures are.
fn card_footer(lang: Lang) -> String {
    format!("{} · {}", t::ui_title(lang), t::ui_figures_up_to(lang, &format::date(lang, &figures_up_to())))
}

/// The card for the share step to draw: its file, its words and the picture of the chart.
pub fn card_job(lang: Lang, png: &str, title: &str, subtitle: &str, picture_key: &str) -> Value {
    json!({
        "png": png,
        "lang": lang.short_code(),
        "title": title,
        "subtitle": subtitle,
        "footer": card_footer(lang),
        "picture": picture_key,
        "width": CARD.0,
        "height": CARD.1,
        "scale": 1,
    })
}

/// A chart's picture for an article column (the Embed dialog's image snippet), drawn like a
/// card at twice the pixels: its title and subtitle over the chart, the story's name and how
/// recent its figures are under it. (The sources, which can take many lines, are in the
/// snippet's caption.)
pub fn column_picture_job(lang: Lang, chart: &str, title: &str, subtitle: &str, picture_key: &str) -> Value {
    json!({
        "png": column_picture_file(chart, lang),
        "lang": lang.short_code(),
        "title": title,
        "subtitle": subtitle,
        "footer": card_footer(lang),
        "picture": picture_key,
        "width": COLUMN_PICTURE.0,
        "height": COLUMN_PICTURE.1,
        "scale": 2,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_page_carries_every_tag_and_leads_into_the_story() {
        let heading = ("China & Japan", "Per year", "Line chart \"of\" exports");
        let page =
            share_page(Lang::De, "exports-vs-peers", None, heading, Some("https://example.org/story/"), "<link rel=\"canonical\" />");
        for tag in ["og:title", "og:description", "og:image", "og:url", "twitter:card"] {
            assert!(page.contains(tag), "{tag}");
        }
        assert!(page.contains("content=\"https://example.org/story/cards/exports-vs-peers-de.png\""), "{page}");
        assert!(page.contains("content=\"https://example.org/story/charts/exports-vs-peers/de.html\""), "{page}");
        assert!(page.contains("content=\"China &amp; Japan\""), "{page}");
        assert!(page.contains("url=../../de.html#exports-vs-peers-title"), "{page}");
        let relative = share_page(Lang::En, "nev-share", None, heading, None, "");
        assert!(relative.contains("content=\"../../cards/nev-share-en.png\""), "{relative}");
        assert!(relative.contains("content=\"../../charts/nev-share/\""), "{relative}");
        let view = SharedView { key: "nev-share", query: "chapter=nev&nev=share" };
        let page = share_page(Lang::En, "nev-share", Some(&view), heading, None, "");
        assert!(page.contains("content=\"../../../cards/nev-share/nev-share-en.png\""), "{page}");
        assert!(page.contains("url=../../../?chapter=nev&amp;nev=share#nev-share-title"), "{page}");
    }
}
