//! The build manifest (`build-manifest.json`, written by `prerender pages`): what the scripts
//! around the app share with it, written here once. `postbuild/harden.mjs` puts the parts the
//! browser scripts need into `first-paint.js` and `boot.js`; the share cards
//! (`prerender/draw-cards.mjs`), the picture renderer and the end-to-end tests read it from the
//! build folder.

use serde_json::{Value, json};

use crate::charts::display::{PHONE_MAX_WIDTH, Theme, WIDE_MIN_WIDTH};
use crate::charts::option::Formatter;
use crate::charts::palette::{country_colour, ink};
use crate::i18n::{Lang, TRADITIONAL_CHINESE_SUBTAGS};
use crate::story::model::Country;
use crate::story::registry::{CHAPTERS, CHART_IDS};
use crate::web::{FIRST_INTERACTION_EVENTS, PRERENDERED_CHAPTER, PRERENDERED_EMBED, QUEUED_CONTROL_EVENTS, QUEUED_CONTROLS};

/// The manifest's file name in the build folder.
pub const FILE: &str = "build-manifest.json";

/// Widths the stylesheet uses that the app does not: choices with long labels stack one under
/// the other below this width.
pub const CSS_ONLY_BREAKPOINTS: [u32; 1] = [560];

/// `site`: the public address the build is made for (`SITE_URL`), when it has one.
pub fn manifest(site: Option<&str>) -> Value {
    let inks = |theme| {
        let ink = ink(theme);
        json!({ "text": ink.text, "muted": ink.muted, "grid": ink.grid, "background": ink.background, "accent": country_colour(Country::China, theme) })
    };
    json!({
        "langs": Lang::ALL.iter().map(|&lang| json!({
            "short": lang.short_code(),
            "code": lang.code(),
            // `?lang=` takes these values only, in any case (`Lang::from_param`).
            "params": [lang.short_code().to_ascii_lowercase(), lang.code().to_ascii_lowercase()],
            "page": lang.page_file(),
            "href": lang.page_href(),
            "embed": lang.embed_file("{chart}"),
            "share": crate::story::site::share_href("{chart}", lang),
            "oembed": crate::story::site::oembed_file("{chart}", lang),
            "card": crate::story::site::card_file(Some("{chart}"), lang),
            "columnPicture": crate::story::site::column_picture_file("{chart}", lang),
        })).collect::<Vec<_>>(),
        "traditionalChineseSubtags": TRADITIONAL_CHINESE_SUBTAGS,
        "charts": CHART_IDS,
        "chapters": CHAPTERS.iter().map(|c| json!({ "id": c.id, "charts": c.charts })).collect::<Vec<_>>(),
        "breakpoints": { "phoneMaxWidth": PHONE_MAX_WIDTH, "wideMinWidth": WIDE_MIN_WIDTH, "cssOnly": CSS_ONLY_BREAKPOINTS },
        "events": { "firstInteraction": FIRST_INTERACTION_EVENTS, "queuedControl": QUEUED_CONTROL_EVENTS },
        "selectors": { "queuedControls": QUEUED_CONTROLS, "prerenderedChapter": PRERENDERED_CHAPTER, "prerenderedEmbed": PRERENDERED_EMBED, "viewControls": crate::web::VIEW_CONTROLS },
        "pageParams": crate::state::url_state::UrlState::PAGE_PARAMS,
        "chartPageAttribute": crate::web::CHART_PAGE_ATTRIBUTE,
        "site": site,
        // Each chart's views with share pages of their own, by key (`state::shared_views`).
        "sharedViews": CHART_IDS.iter().map(|id| (id.to_string(), json!(crate::state::shared_views::shared_views(id).iter().filter_map(crate::state::shared_views::view_key).collect::<Vec<_>>()))).collect::<serde_json::Map<_, _>>(),
        // Where each control leads from each of those views (by place, the default first), for the
        // first paint to show a view before the app is live, and where its pictures are.
        "views": CHART_IDS.iter().filter_map(|id| {
            let next = crate::state::shared_views::transitions(id);
            (!next.is_empty()).then(|| (id.to_string(), json!(next)))
        }).collect::<serde_json::Map<_, _>>(),
        "viewPicture": crate::story::site::view_picture_file("{chart}", "{view}", "{lang}"),
        "sitemap": crate::story::site::SITEMAP_FILE,
        "robots": crate::story::site::ROBOTS_FILE,
        "inks": { "light": inks(Theme::Light), "dark": inks(Theme::Dark) },
        "formatters": Formatter::ALL.map(Formatter::placeholder),
        "chartTheme": serde_json::from_str::<serde_json::Value>(crate::charts::option::THEME).expect("the chart theme is JSON"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
    }

    /// Every width in the stylesheets' media queries is one the manifest names, so a phone
    /// layout in CSS and the charts' phone layout begin at the same width.
    #[test]
    fn the_stylesheets_breakpoints_are_the_manifests() {
        let known: Vec<u32> = [PHONE_MAX_WIDTH, WIDE_MIN_WIDTH].into_iter().chain(CSS_ONLY_BREAKPOINTS).collect();
        let mut seen = Vec::new();
        for entry in std::fs::read_dir(root().join("style")).unwrap() {
            let path = entry.unwrap().path();
            let css = std::fs::read_to_string(&path).unwrap();
            for (at, _) in css.match_indices("@media") {
                let query = &css[at..at + css[at..].find('{').unwrap()];
                for part in query.split("width:").skip(1) {
                    let px: u32 = part.trim().split("px").next().unwrap().trim().parse().unwrap();
                    // A min-width one past a max-width is the same breakpoint from the other side.
                    let px = if query.contains("min-width") && known.contains(&(px - 1)) { px - 1 } else { px };
                    assert!(known.contains(&px), "{}: @media at {px}px is not in the manifest", path.display());
                    seen.push(px);
                }
            }
        }
        assert!(seen.contains(&PHONE_MAX_WIDTH), "the stylesheet has no phone layout");
    }

    /// The scripts around the app carry no copy of what the manifest says: no colour, and no list
    /// of chart ids, language pages or events of their own (two of a kind on one line).
    #[test]
    fn the_scripts_keep_no_copies_of_the_manifest() {
        let quoted = |words: &[&str]| words.iter().map(|w| format!("'{w}'")).collect::<Vec<_>>();
        let pages: Vec<&str> = Lang::ALL.iter().map(|l| l.page_file()).collect();
        let lists = [("chart ids", quoted(&CHART_IDS)), ("language pages", quoted(&pages)), ("events", quoted(&FIRST_INTERACTION_EVENTS))];
        for folder in ["postbuild", "prerender"] {
            for entry in std::fs::read_dir(root().join(folder)).unwrap() {
                let path = entry.unwrap().path();
                if !path.extension().is_some_and(|e| e == "js" || e == "mjs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for (number, line) in text.lines().enumerate().filter(|(_, l)| !l.trim_start().starts_with("//")) {
                    let at = format!("{}:{}", path.display(), number + 1);
                    for (what, words) in &lists {
                        let found = words.iter().filter(|w| line.contains(w.as_str())).count();
                        assert!(found < 2, "{at} keeps its own list of {what}: read it from the build manifest");
                    }
                    let colour = line.match_indices("'#").any(|(i, _)| {
                        let hex: String = line[i + 2..].chars().take_while(char::is_ascii_hexdigit).collect();
                        hex.len() == 6 || hex.len() == 3
                    });
                    assert!(!colour, "{at} keeps a colour of its own: read the inks from the build manifest");
                }
            }
        }
    }

    #[test]
    fn the_manifest_names_every_language_page_and_chart() {
        let manifest = manifest(None);
        assert_eq!(manifest["langs"].as_array().unwrap().len(), Lang::ALL.len());
        assert_eq!(manifest["langs"][1]["embed"], "embed-{chart}-de.html");
        assert_eq!(manifest["charts"].as_array().unwrap().len(), CHART_IDS.len());
        assert_eq!(manifest["inks"]["light"]["muted"], ink(Theme::Light).muted);
        for lang in Lang::ALL {
            for param in manifest["langs"][lang as usize]["params"].as_array().unwrap() {
                assert_eq!(Lang::from_param(param.as_str().unwrap()), Some(lang));
            }
        }
    }
}
