//! `revisions.xml`: the corrections of `data/revisions.csv` as an Atom feed (RFC 4287), written
//! by the build, so that a newsroom that embeds a chart learns when a figure it quoted moved.
//! Each entry links to the share page of the chart that shows the figure.

use crate::charts::{CHART_IDS, view_tables};
use crate::i18n::{Lang, t};
use crate::story::model::{REVISIONS, Revision};
use crate::ui::widgets::revisions::{revisions_of, sentence, what};

/// The file's name in the site's folder.
pub const FILE: &str = "revisions.xml";

/// XML text, in an element or an attribute.
fn xml(text: &str) -> String {
    crate::story::escape_html(text).replace('\'', "&apos;")
}

/// The chart one of whose views shows the revised figure (or the series of a dropped one).
pub fn chart_of(revision: &Revision) -> Option<&'static str> {
    CHART_IDS
        .iter()
        .copied()
        .find(|id| view_tables(id, Lang::En).iter().any(|table| revisions_of(table).iter().any(|r| std::ptr::eq(*r, revision))))
}

/// Where the story quotes a revised figure that no chart shows by default: the row, in the list
/// of its chapter's quoted figures (`widgets::quoted`), of the figure or of one worked out from it.
fn quoted_at(revision: &Revision, story: &str) -> Option<String> {
    let series = crate::story::model::series(revision.series)?;
    let point = series.points.iter().find(|p| revision.is_of(series.id, p))?;
    // A row's id holds the keys of the figures it rests on (`quote::anchor`).
    let figure = crate::story::quote::anchor("", &crate::story::quote::Quoted::Figure((series, point)));
    let figure = figure.trim_start_matches("q--");
    story.split("<tr id=\"").skip(1).map(|rest| &rest[..rest.find('"').unwrap_or(0)]).find(|id| id.contains(figure)).map(str::to_string)
}

/// The page a correction links to: the chart that shows the figure, else the row of the story's
/// text that quotes it, else the story.
fn page_of(revision: &Revision, story: &str) -> String {
    match (chart_of(revision), quoted_at(revision, story)) {
        (Some(chart), _) => crate::story::site::share_href(chart, Lang::En),
        (None, Some(anchor)) => format!("{}#{anchor}", Lang::En.page_file()),
        (None, None) => Lang::En.page_file().to_string(),
    }
}

/// A day as Atom writes a time: midnight UTC.
fn instant(date: &str) -> String {
    format!("{date}T00:00:00Z")
}

/// The feed, in English. `site` is the public address of the site's folder, with a trailing
/// slash (`SITE_URL`); without it the links are relative to the feed and the ids are tag URIs.
pub fn atom(site: Option<&str>) -> String {
    let lang = Lang::En;
    let base = site.unwrap_or("");
    let id = |rest: &str| match site {
        Some(site) => format!("{site}{FILE}#{rest}"),
        None => format!("tag:china-car-exports.invalid,2026:{rest}"),
    };
    let updated = REVISIONS.iter().map(|r| r.date).max().unwrap_or("2026-12-02");
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\"{}>\n",
        match site {
            Some(site) => format!(" xml:base=\"{}\"", xml(site)),
            None => String::new(),
        }
    ));
    out.push_str(&format!("  <title>{}</title>\n", xml(&t::ui_revisions_feed_title(lang, t::ui_title(lang)))));
    out.push_str(&format!("  <subtitle>{}</subtitle>\n", xml(t::ui_revisions_feed_subtitle(lang))));
    out.push_str(&format!("  <id>{}</id>\n", xml(&id("revisions"))));
    out.push_str(&format!("  <updated>{}</updated>\n", instant(updated)));
    out.push_str(&format!("  <author><name>{}</name></author>\n", xml(t::ui_title(lang))));
    out.push_str(&format!("  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n", xml(&format!("{base}{FILE}"))));
    out.push_str(&format!("  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", xml(&format!("{base}{}", lang.page_file()))));
    let story = crate::ui::static_page::story(lang).0;
    let mut newest_first: Vec<&Revision> = REVISIONS.iter().collect();
    newest_first.sort_by(|a, b| b.date.cmp(a.date));
    for r in newest_first {
        let period = if r.month > 0 {
            format!("{}-{:02}", r.year, r.month)
        } else {
            format!("{}{}{}", r.year, if r.period.is_empty() { "" } else { "-" }, r.period)
        };
        let page = page_of(r, &story);
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <title>{}</title>\n", xml(&t::ui_revisions_entry_title(lang, &what(r, lang)))));
        out.push_str(&format!("    <id>{}</id>\n", xml(&id(&format!("{}/{period}/{}", r.series, r.date)))));
        out.push_str(&format!("    <updated>{}</updated>\n", instant(r.date)));
        out.push_str(&format!("    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", xml(&format!("{base}{page}"))));
        out.push_str(&format!("    <summary>{}</summary>\n", xml(&sentence(r, lang))));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The feed's elements, as a reader of Atom would find them: a tiny XML reader that checks
    /// every tag is closed in order (a feed reader rejects one that is not).
    fn elements(xml: &str) -> Vec<String> {
        let mut open: Vec<String> = Vec::new();
        let mut seen = Vec::new();
        let mut rest = xml;
        while let Some(start) = rest.find('<') {
            let end = rest[start..].find('>').expect("every tag ends") + start;
            let tag = &rest[start + 1..end];
            rest = &rest[end + 1..];
            if tag.starts_with('?') {
                continue;
            }
            let name = tag.trim_start_matches('/').trim_end_matches('/').split_whitespace().next().unwrap_or("").to_string();
            if tag.starts_with('/') {
                assert_eq!(open.pop().as_deref(), Some(name.as_str()), "</{name}> closes what was opened");
            } else {
                seen.push(name.clone());
                if !tag.ends_with('/') {
                    open.push(name);
                }
            }
        }
        assert!(open.is_empty(), "unclosed: {open:?}");
        seen
    }

    #[test]
    fn the_feed_is_well_formed_atom_with_every_correction() {
        let feed = atom(Some("https://news.example/cars/"));
        let names = elements(&feed);
        for required in ["feed", "title", "id", "updated", "author", "link", "entry", "summary"] {
            assert!(names.iter().any(|n| n == required), "no <{required}>");
        }
        assert_eq!(names.iter().filter(|n| *n == "entry").count(), REVISIONS.len());
        assert!(feed.contains("xmlns=\"http://www.w3.org/2005/Atom\""));
        assert!(
            feed.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://news.example/cars/charts/nev-share/\"/>"),
            "{feed}"
        );
        assert!(feed.contains("from 100,000 to 77,500"), "{feed}");
        assert!(feed.contains("<updated>2026-12-02T00:00:00Z</updated>"));
        let local = atom(None);
        assert!(local.contains("<id>tag:china-car-exports.invalid,2026:revisions</id>") && elements(&local).len() == names.len());
    }

    #[test]
    fn every_correction_links_to_where_the_figure_is_shown() {
        let story = crate::ui::static_page::story(Lang::En).0;
        for r in REVISIONS {
            let shown = chart_of(r).is_some() || quoted_at(r, &story).is_some();
            assert!(shown || r.new_value.is_none(), "{} {} {} is neither on a chart nor quoted", r.series, r.year, r.period);
        }
        let jan_aug = REVISIONS.iter().find(|r| r.series == "china-caam" && r.period == "jan-aug" && r.year == 2025).unwrap();
        assert_eq!(page_of(jan_aug, &story), "index.html#q-outlook-china-caam-2025-jan-aug");
    }
}
