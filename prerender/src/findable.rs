//! What lets search engines, link previews and publishing tools find the story and its charts:
//!
//! - `canonical` and `hreflang` links (with `x-default`, the English page) on every story, embed
//!   and share page, so the four languages are one work in four versions;
//! - an oEmbed description per chart and language (`oembed/<chart>-<lang>.json`), named by a
//!   discovery link on the chart's share and embed pages: a publishing tool that is given the
//!   share page's address finds the frame to put in the article;
//! - structured data on each story page (`NewsArticle` and `Dataset`, as JSON-LD);
//! - `sitemap.xml` and the `robots.txt` that names it.
//!
//! A sitemap and oEmbed's `html` need absolute addresses, so they need `SITE_URL`; without it
//! the build writes addresses relative to each file and says so (see the README's "Deploy").

use car_exports::i18n::{Lang, t};
use car_exports::story::embed_code::{DEFAULT_FRAME_HEIGHT, snippet};
use car_exports::story::escape_html;
use car_exports::story::site::{card_file, oembed_file};
use serde_json::{Value, json};

use crate::share::{CARD, address};

/// The settings that name who publishes the story and who wrote it.
pub const PUBLISHER_SETTING: &str = "PUBLISHER";
pub const AUTHOR_SETTING: &str = "AUTHOR";

/// How long a consumer may keep an oEmbed description, in seconds (a day: figures are revised).
const OEMBED_CACHE_AGE: u32 = 86_400;
/// The frame's width that oEmbed's `width` gives: an article column.
const OEMBED_WIDTH: u32 = 640;

/// Who publishes and who wrote the story, from the build's settings. Unset, the publisher is the
/// story's own name and the author the publisher.
pub struct Credits {
    pub publisher: String,
    pub author: String,
}

impl Credits {
    pub fn from_settings() -> Self {
        let setting = |name: &str| std::env::var(name).ok().map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
        let publisher = setting(PUBLISHER_SETTING).unwrap_or_else(|| t::ui_title(Lang::En).to_string());
        let author = setting(AUTHOR_SETTING).unwrap_or_else(|| publisher.clone());
        Credits { publisher, author }
    }
}

/// The `canonical` link of a page in `lang` and its `hreflang` alternates in every language and
/// `x-default`. `path_of` gives the page's path in a language, relative to the site's folder;
/// `from` leads from the page's folder to the site's (`../../` on a share page).
pub fn alternates(site: Option<&str>, from: &str, lang: Lang, path_of: impl Fn(Lang) -> String) -> String {
    let link = |rel: &str, hreflang: Option<&str>, path: &str| {
        let hreflang = hreflang.map(|code| format!(" hreflang=\"{code}\"")).unwrap_or_default();
        format!("<link rel=\"{rel}\"{hreflang} href=\"{}\" />", escape_html(&address(site, from, path)))
    };
    let mut links = vec![link("canonical", None, &path_of(lang))];
    links.extend(Lang::ALL.into_iter().map(|other| link("alternate", Some(other.code()), &path_of(other))));
    links.push(link("alternate", Some("x-default"), &path_of(Lang::En)));
    links.join("\n    ")
}

/// The discovery link of a chart's oEmbed description, for its share and embed pages.
pub fn oembed_link(site: Option<&str>, from: &str, chart: &str, lang: Lang, title: &str) -> String {
    format!(
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\" />",
        escape_html(&address(site, from, &oembed_file(chart, lang))),
        escape_html(title),
    )
}

/// A chart's oEmbed description (oEmbed 1.0, type `rich`): the embed snippet with the frame of
/// its embed page, and the share card as its thumbnail. Addresses are relative to the file
/// (`oembed/`) without `SITE_URL`.
pub fn oembed(site: Option<&str>, chart: &str, lang: Lang, title: &str, credits: &Credits) -> String {
    let from = "../";
    let frame = address(site, from, &lang.embed_file(chart));
    let mut description = json!({
        "type": "rich",
        "version": "1.0",
        "title": title,
        "html": snippet(&frame, title),
        "width": OEMBED_WIDTH,
        "height": DEFAULT_FRAME_HEIGHT,
        "provider_name": credits.publisher,
        "author_name": credits.author,
        "thumbnail_url": address(site, from, &card_file(Some(chart), lang)),
        "thumbnail_width": CARD.0,
        "thumbnail_height": CARD.1,
        "cache_age": OEMBED_CACHE_AGE,
    });
    if let Some(site) = site {
        description["provider_url"] = Value::from(site);
    }
    description.to_string()
}

/// The setting that names the day the story was first published, `YYYY-MM-DD`.
pub const PUBLISHED_SETTING: &str = "PUBLISHED";

/// What the data says about the story as a whole, for its structured data and its sitemap.
pub struct DataFacts {
    /// `PUBLISHED`, else the newest day below.
    pub published: String,
    /// The newest day a cited page was published or a correction was made.
    pub modified: String,
    pub coverage: (String, String),
    pub distribution: Vec<(String, &'static str)>,
    pub sources: Vec<String>,
}

impl DataFacts {
    pub fn from(data: &dataset::Dataset) -> Self {
        let days = data.sources.iter().map(|s| s.date.as_str()).chain(data.revisions.iter().map(|r| r.date.as_str()));
        // Only whole days: a source dated by its month or year says less than its day.
        let modified = days.filter(|d| d.len() == 10).max().unwrap_or("2026-01-01").to_string();
        let published = match std::env::var(PUBLISHED_SETTING).map(|v| v.trim().to_string()) {
            Ok(day) if day.len() == 10 && dataset::is_date(&day) => day,
            Ok(other) => {
                println!("prerender: {PUBLISHED_SETTING}={other:?} is not a day (YYYY-MM-DD); datePublished is the newest day, {modified}");
                modified.clone()
            }
            Err(_) => modified.clone(),
        };
        let first = data.observations.iter().map(|o| o.year).min().unwrap_or(2000);
        let distribution = dataset::package::files(data)
            .into_iter()
            .map(|(name, _)| {
                let format = if name.ends_with(".csv") { "text/csv" } else { "application/json" };
                (format!("{}/{name}", dataset::package::FOLDER), format)
            })
            .collect();
        let mut sources: Vec<String> = data.sources.iter().map(|s| s.url.clone()).filter(|u| !u.is_empty()).collect();
        sources.sort();
        sources.dedup();
        DataFacts {
            published,
            modified,
            coverage: (first.to_string(), car_exports::story::citation::figures_up_to()),
            distribution,
            sources,
        }
    }
}

/// The data package's landing page, `data/index.html`, relative to the site's folder.
pub fn data_page_file() -> String {
    format!("{}/index.html", dataset::package::FOLDER)
}

/// The data package as a schema.org `Dataset`. On its landing page it names every source the
/// figures come from (`isBasedOn`); on a story page, where the page's weight counts, it leads to
/// that page instead (`url`, `@id`).
fn dataset_node(site: Option<&str>, facts: &DataFacts, credits: &Credits, with_sources: bool) -> Value {
    let at = |path: &str| address(site, "", path);
    let landing = at(&data_page_file());
    let mut dataset = json!({
        "@type": "Dataset",
        "@id": format!("{landing}#dataset"),
        "url": landing,
        "name": dataset::package::TITLE,
        "description": dataset::package::DESCRIPTION,
        "license": dataset::package::LICENCE.1,
        "creator": { "@type": "Organization", "name": credits.publisher },
        "temporalCoverage": format!("{}/{}", facts.coverage.0, facts.coverage.1),
        "dateModified": facts.modified,
        "distribution": facts.distribution.iter().map(|(path, format)| json!({
            "@type": "DataDownload",
            "encodingFormat": format,
            "contentUrl": at(path),
        })).collect::<Vec<_>>(),
    });
    if with_sources {
        dataset["isBasedOn"] = json!(facts.sources);
    }
    dataset
}

/// JSON as the text of a `<script type="application/ld+json">` block, with `<` escaped so that
/// no text can close the block.
fn ld_block(graph: Vec<Value>) -> String {
    json!({ "@context": "https://schema.org", "@graph": graph }).to_string().replace('<', "\\u003c")
}

/// The story page's structured data: a `NewsArticle` and the `Dataset` it rests on.
pub fn json_ld(site: Option<&str>, lang: Lang, facts: &DataFacts, credits: &Credits) -> String {
    let at = |path: &str| address(site, "", path);
    let dataset = dataset_node(site, facts, credits, false);
    let article = json!({
        "@type": "NewsArticle",
        "headline": t::ui_title(lang),
        "description": t::ui_standfirst(lang),
        "inLanguage": lang.code(),
        "datePublished": facts.published,
        "dateModified": facts.modified,
        "image": [at(&card_file(None, lang))],
        "url": at(if lang == Lang::En { "" } else { lang.page_file() }),
        "author": { "@type": if credits.author == credits.publisher { "Organization" } else { "Person" }, "name": credits.author },
        "publisher": { "@type": "Organization", "name": credits.publisher },
        "isBasedOn": { "@id": dataset["@id"] },
    });
    ld_block(vec![article, dataset])
}

/// The data package's landing page: what it holds, under which licence, its files and every
/// source, with its `Dataset` as structured data. Plain HTML, no script.
pub fn data_page(site: Option<&str>, facts: &DataFacts, credits: &Credits, sources: &[&dataset::Source]) -> String {
    let e = escape_html;
    let dataset = dataset_node(site, facts, credits, true);
    let files: String = facts
        .distribution
        .iter()
        .map(|(path, format)| {
            let name = path.rsplit('/').next().unwrap_or(path);
            format!("      <li><a href=\"{}\">{}</a> ({format})</li>\n", e(name), e(name))
        })
        .collect();
    let list: String = sources
        .iter()
        .map(|s| {
            let what = format!("{}: {}{}", s.publisher, s.title, if s.date.is_empty() { String::new() } else { format!(" ({})", s.date) });
            if s.url.is_empty() {
                format!("      <li>{}</li>\n", e(&what))
            } else {
                format!("      <li><a href=\"{}\">{}</a></li>\n", e(&s.url), e(&what))
            }
        })
        .collect();
    let story = address(site, "../", "");
    let canonical = address(site, "../", &data_page_file());
    format!(
        "<!doctype html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\" />\n    \
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n    \
         <meta name=\"color-scheme\" content=\"light dark\" />\n    <title>{title}</title>\n    \
         <meta name=\"description\" content=\"{description}\" />\n    <link rel=\"canonical\" href=\"{canonical}\" />\n    \
         <script type=\"application/ld+json\">{ld}</script>\n  </head>\n  <body>\n    <main>\n      <h1>{title}</h1>\n      \
         <p>{description}</p>\n      <p>Figures from {from} to {to}; last changed {modified}. Licence: \
         <a href=\"{licence_url}\">{licence}</a>. Published by {publisher} with \
         <a href=\"{story}\">{story_title}</a>.</p>\n      <h2>Files</h2>\n      <ul>\n{files}      </ul>\n      \
         <h2>Sources ({count})</h2>\n      <ul>\n{list}      </ul>\n    </main>\n  </body>\n</html>\n",
        title = e(dataset::package::TITLE),
        description = e(dataset::package::DESCRIPTION),
        canonical = e(&canonical),
        ld = ld_block(vec![dataset]),
        from = facts.coverage.0,
        to = facts.coverage.1,
        modified = facts.modified,
        licence_url = dataset::package::LICENCE.1,
        licence = dataset::package::LICENCE.2,
        publisher = e(&credits.publisher),
        story = e(&story),
        story_title = e(t::ui_title(Lang::En)),
        count = sources.len(),
    )
}

/// The sitemap (sitemaps.org 0.9): each page with the day it last changed, `YYYY-MM-DD`.
/// Addresses must be absolute, so it needs `site`.
pub fn sitemap(site: &str, pages: &[(String, &str)]) -> String {
    let urls: String = pages
        .iter()
        .map(|(path, lastmod)| {
            let path = car_exports::story::site::link_of(path);
            format!("  <url><loc>{}</loc><lastmod>{lastmod}</lastmod></url>\n", escape_html(&format!("{site}{path}")))
        })
        .collect();
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{urls}</urlset>\n")
}

/// `robots.txt`: every page may be read, and the sitemap is named when there is one.
pub fn robots(site: Option<&str>) -> String {
    let sitemap = site.map(|site| format!("\nSitemap: {site}{}\n", car_exports::story::site::SITEMAP_FILE)).unwrap_or_default();
    format!("User-agent: *\nAllow: /\n{sitemap}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credits() -> Credits {
        Credits { publisher: "Example News".into(), author: "Data desk".into() }
    }

    #[test]
    fn every_language_links_the_others_and_a_default() {
        let links = alternates(Some("https://example.org/s/"), "", Lang::De, |l| l.page_file().to_string());
        assert!(links.starts_with("<link rel=\"canonical\" href=\"https://example.org/s/de.html\" />"), "{links}");
        for (code, path) in [("en", ""), ("de", "de.html"), ("nl", "nl.html"), ("zh-Hans", "zh.html"), ("x-default", "")] {
            assert!(links.contains(&format!("hreflang=\"{code}\" href=\"https://example.org/s/{path}\"")), "{code}: {links}");
        }
    }

    #[test]
    fn an_oembed_description_is_rich_and_frames_the_embed_page() {
        let text = oembed(Some("https://example.org/s/"), "nev-share", Lang::De, "Anteil \"E\"", &credits());
        let json: Value = serde_json::from_str(&text).unwrap();
        assert_eq!((json["type"].as_str(), json["version"].as_str()), (Some("rich"), Some("1.0")));
        assert!(json["html"].as_str().unwrap().contains("src=\"https://example.org/s/embed-nev-share-de.html\""), "{json}");
        assert_eq!(json["thumbnail_url"], "https://example.org/s/cards/nev-share-de.png");
        assert_eq!((json["width"].as_u64(), json["height"].as_u64()), (Some(640), Some(720)));
        assert_eq!(json["provider_name"], "Example News");
        assert_eq!(json["provider_url"], "https://example.org/s/");
        let relative: Value = serde_json::from_str(&oembed(None, "nev-share", Lang::En, "t", &credits())).unwrap();
        assert!(relative["html"].as_str().unwrap().contains("src=\"../embed-nev-share.html\""), "{relative}");
    }

    #[test]
    fn the_structured_data_cannot_close_its_block() {
        let facts = DataFacts {
            published: "2026-01-01".into(),
            modified: "2026-12-02".into(),
            coverage: ("2000".into(), "2026-10".into()),
            distribution: vec![("data/x.csv".to_string(), "text/csv")],
            sources: vec!["https://example.org/</script>".to_string()],
        };
        let text = json_ld(None, Lang::En, &facts, &credits());
        let json: Value = serde_json::from_str(&text).unwrap();
        let (article, dataset) = (&json["@graph"][0], &json["@graph"][1]);
        assert_eq!((article["@type"].as_str(), dataset["@type"].as_str()), (Some("NewsArticle"), Some("Dataset")));
        assert_eq!(article["author"]["@type"], "Person");
        assert_eq!(article["isBasedOn"]["@id"], dataset["@id"]);
        assert_eq!(dataset["distribution"][0]["contentUrl"], "data/x.csv");
        assert_eq!(dataset["url"], "data/");
        // The landing page names the sources, and no text closes its block.
        let page = data_page(None, &facts, &credits(), &[]);
        let block = &page[page.find("ld+json\">").unwrap() + 9..page.find("</script>").unwrap()];
        assert!(!block.contains('<'), "{block}");
        let json: Value = serde_json::from_str(block).unwrap();
        assert_eq!(json["@graph"][0]["isBasedOn"][0], "https://example.org/</script>");
    }

    #[test]
    fn the_sitemap_gives_absolute_addresses_and_days() {
        let map = sitemap("https://example.org/s/", &[("index.html".into(), "2026-12-02"), ("charts/a/de.html".into(), "2026-11-30")]);
        assert!(map.contains("<url><loc>https://example.org/s/</loc><lastmod>2026-12-02</lastmod></url>"), "{map}");
        assert!(map.contains("<loc>https://example.org/s/charts/a/de.html</loc>"), "{map}");
        assert!(robots(Some("https://example.org/s/")).contains("Sitemap: https://example.org/s/sitemap.xml"));
        assert!(!robots(None).contains("Sitemap"));
    }
}
