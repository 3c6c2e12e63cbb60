//! The build's prerender step (Trunk's post-build hook, see `postbuild/run.mjs`):
//!
//! - `prerender pages <build folder>`: writes the story in every language as a finished page
//!   (`index.html` in English, `de.html`, `nl.html`, `zh.html`) from Trunk's `index.html`, each
//!   chart's embed page (`embed-<chart-id>.html`, `embed-<chart-id>-de.html`, ...), the text
//!   version of each language (`text-<lang>.html`), and `prerender-jobs.json`: every chart's
//!   default view as ECharts options, for `prerender/place-pictures.mjs` to draw.
//!   It also writes the whole data set into `data/` (CSV, JSON, `datapackage.json`) and the
//!   corrections as an Atom feed (`revisions.xml`).
//! - `prerender labels`: reads label requests (`[{lang, unit, kind, value, name, narrow}]`: axis
//!   ticks, values on bars, lines' end labels) as JSON on standard input and writes their labels,
//!   so the pictures' words read exactly as the live chart's Rust formatters write them.

mod findable;
mod share;

use std::io::Read;
use std::path::Path;

use car_exports::charts::{CHART_IDS, end_label};
use car_exports::i18n::{Lang, t};
use car_exports::state::shared_views::{choice_views, shared_views, view_key};
use car_exports::state::url_state::UrlState;
use car_exports::story::escape_html;
use car_exports::story::registry::chapter_of;
use car_exports::story::site as files;
use car_exports::ui::static_page::{Picture, axis_label, embed, story, unit_from_id, view_pictures};
use car_exports::ui::text_version::{file_name, page_html};
use car_exports::ui::widgets::controls::option_checked_selector;
use car_exports::web::CHART_PAGE_ATTRIBUTE;
use serde_json::{Value, json};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["pages", dir] => pages(Path::new(dir)),
        ["labels"] => labels(),
        _ => Err("usage: prerender pages <build folder> | prerender labels < requests.json".to_string()),
    };
    if let Err(message) = result {
        eprintln!("prerender: {message}");
        std::process::exit(1);
    }
}

fn pages(dir: &Path) -> Result<(), String> {
    let template_path = dir.join("index.html");
    let template = std::fs::read_to_string(&template_path).map_err(|err| format!("cannot read {}: {err}", template_path.display()))?;
    // Into the build folder, or a folder of it (`charts/<chart-id>/`, `oembed/`).
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|err| format!("cannot create {}: {err}", folder.display()))?;
        }
        std::fs::write(&path, text).map_err(|err| format!("cannot write {}: {err}", path.display()))
    };

    let head = links(&template, &["rel=\"stylesheet\"", "rel=\"icon\""]);
    if !head.contains("stylesheet") {
        return Err("index.html has no stylesheet link to reuse".into());
    }
    for lang in Lang::ALL {
        write(&file_name(lang), &page_html(lang, &head))?;
    }

    let site = share::site_url();
    if site.is_none() {
        println!(
            "prerender: {} is not set, so share cards carry addresses relative to their page; most crawlers then show no picture (see the README's \"Deploy\")",
            share::SITE_URL_SETTING
        );
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let data = dataset::load(&root.join("data"), "data").map_err(data_problems)?;
    let facts = findable::DataFacts::from(&data);
    let credits = findable::Credits::from_settings();
    let site = site.as_deref();
    let mut pictures = Vec::new();
    let mut pages = Vec::new();
    let mut cards = Vec::new();
    let mut sitemap = Vec::new();
    let mut view_picture_jobs = Vec::new();
    let mut view_files = Vec::new();
    let mut no_script = Vec::new();
    for lang in Lang::ALL {
        let (main, drawn) = story(lang);
        let head = [
            share::story_tags(lang, site),
            findable::alternates(site, "", lang, |l| l.page_file().to_string()),
            format!("<script type=\"application/ld+json\">{}</script>", findable::json_ld(site, lang, &facts, &credits)),
        ];
        let story_page = page_from(&template, lang, None, &main)?.replacen("</head>", &format!("  {}\n  </head>", head.join("\n    ")), 1);
        write(lang.page_file(), &story_page)?;
        sitemap.push(lang.page_file().to_string());
        // The story's card shows its main chart, China against the established exporters.
        let main_chart = car_exports::charts::exports_vs_peers::CHART_ID;
        cards.push(share::card_job(
            lang,
            &files::card_file(None, lang),
            t::ui_title(lang),
            t::ui_standfirst(lang),
            &format!("{}/{main_chart}/desktop", lang.short_code()),
        ));
        let charts: Vec<&str> = drawn.iter().map(|p| p.chart).collect();
        pages.push(json!({ "page": lang.page_file(), "lang": lang.short_code(), "charts": charts }));
        for id in CHART_IDS {
            let picture = drawn
                .iter()
                .find(|p| p.chart == id)
                .ok_or_else(|| format!("the {} story has no chart {id} to share", lang.short_code()))?;
            let title = picture.title;
            let path = files::share_file(id, lang);
            let head = [
                findable::alternates(site, "../../", lang, |l| files::share_file(id, l)),
                findable::oembed_link(site, "../../", id, lang, title),
            ];
            let heading = (title, picture.subtitle, picture.description.as_str());
            write(&path, &share::share_page(lang, id, None, heading, site, &head.join("\n    ")))?;
            write(&files::oembed_file(id, lang), &findable::oembed(site, id, lang, title, &credits))?;
            sitemap.push(path);
            let desktop = format!("{}/{id}/desktop", lang.short_code());
            cards.push(share::card_job(lang, &files::card_file(Some(id), lang), title, picture.subtitle, &desktop));
            let by_choice = choice_views(id);
            for (place, view) in shared_views(id).iter().enumerate().skip(1) {
                let key = view_key(view).ok_or_else(|| format!("{id}: a view without a key"))?;
                let pictures = view_pictures(lang, id, view).ok_or_else(|| format!("{id}: no picture of the view {key}"))?;
                let picture =
                    pictures.iter().find(|p| p.key.ends_with("/desktop")).ok_or_else(|| format!("{id}: no desktop picture of {key}"))?;
                let query = UrlState { chapter: chapter_of(id), ..view.clone() }.story_query();
                let shared = share::SharedView { key: &key, query: &query };
                let path = files::view_share_file(id, Some(&key), lang);
                let head = findable::alternates(site, "../../../", lang, |l| files::view_share_file(id, Some(&key), l));
                let heading = (picture.title, picture.subtitle, picture.description.as_str());
                write(&path, &share::share_page(lang, id, Some(&shared), heading, site, &head))?;
                sitemap.push(path);
                let png = files::view_card_file(id, Some(&key), lang);
                cards.push(share::card_job(lang, &png, picture.title, picture.subtitle, &picture_key(lang, picture)));
                view_files.push(json!({
                    "file": files::view_picture_file(id, &place.to_string(), lang.short_code()),
                    "chart": id,
                    "pictures": pictures.iter().map(|p| picture_key(lang, p)).collect::<Vec<_>>(),
                    "description": picture.description,
                }));
                if let Some(&(option, _)) = by_choice.iter().find(|&&(_, reached)| reached == place) {
                    no_script.push(no_script_view(lang, id, option, place, &pictures));
                }
                for p in &pictures {
                    view_picture_jobs.push(picture_job(lang, p)?);
                }
            }
            cards.push(share::column_picture_job(lang, id, title, picture.subtitle, &format!("{}/{id}/wide", lang.short_code())));

            let head = [findable::alternates(site, "", lang, |l| l.embed_file(id)), findable::oembed_link(site, "", id, lang, title)];
            let page = page_from(&template, lang, Some(id), &embed(lang, id))?.replacen(
                "</head>",
                &format!("  {}\n  </head>", head.join("\n    ")),
                1,
            );
            write(&lang.embed_file(id), &page)?;
            pages.push(json!({ "page": lang.embed_file(id), "lang": lang.short_code(), "charts": [id] }));
        }
        for p in drawn {
            pictures.push(picture_job(lang, &p)?);
        }
    }
    write(car_exports::ui::manifest::FILE, &car_exports::ui::manifest::manifest(site).to_string())?;
    // `viewPictures` go into no page: into each view's file (`viewFiles`), for the first paint to
    // show on a tap, into the view's card, and, for the views the choices reach (`noScript`), into
    // files of their own for pages read without scripts.
    let jobs = json!({
        "pictures": pictures,
        "viewPictures": view_picture_jobs,
        "viewFiles": view_files,
        "noScript": { "stylesheet": files::NO_SCRIPT_STYLESHEET, "views": no_script },
        "pages": pages,
        "cards": cards,
    });
    write("prerender-jobs.json", &jobs.to_string())?;
    write(car_exports::ui::revisions_feed::FILE, &car_exports::ui::revisions_feed::atom(site))?;
    write(files::ROBOTS_FILE, &findable::robots(site))?;
    let sources: Vec<&dataset::Source> = data.sources.iter().collect();
    write(&findable::data_page_file(), &findable::data_page(site, &facts, &credits, &sources))?;
    sitemap.push(findable::data_page_file());
    match site {
        Some(site) => {
            let entries: Vec<(String, &str)> = sitemap.into_iter().map(|page| (page, facts.modified.as_str())).collect();
            write(files::SITEMAP_FILE, &findable::sitemap(site, &entries))?;
        }
        None => println!("prerender: no sitemap.xml without {} (a sitemap's addresses are absolute)", share::SITE_URL_SETTING),
    }
    let package = data_package(dir, &data)?;
    for (name, text) in language_packs(&root, &data)? {
        write(&name, &text)?;
    }
    println!(
        "prerender: {} story pages, {} embed pages, {} text versions, the data package ({package} files) in {}",
        Lang::ALL.len(),
        Lang::ALL.len() * CHART_IDS.len(),
        Lang::ALL.len(),
        dir.display()
    );
    Ok(())
}

/// A view that option `option` of the chart's one-of choice reaches, for the stylesheet of a page
/// read without scripts (`prerender/place-pictures.mjs`): its pictures by size, each with the
/// files it goes into, light and dark.
fn no_script_view(lang: Lang, chart: &str, option: usize, place: usize, pictures: &[Picture]) -> Value {
    let pictures: Vec<Value> = pictures
        .iter()
        .map(|p| {
            // A picture's key ends with its size, which names its class (`static-<size>`).
            let size = p.key.rsplit('/').next().unwrap_or_default();
            json!({
                "key": picture_key(lang, p),
                "size": size,
                "light": files::no_script_picture_file(chart, place, lang.short_code(), size, false),
                "dark": files::no_script_picture_file(chart, place, lang.short_code(), size, true),
            })
        })
        .collect();
    json!({ "lang": lang.short_code(), "chart": chart, "checked": option_checked_selector(option), "pictures": pictures })
}

/// A picture's key among all the build draws: its language and its key on the page.
fn picture_key(lang: Lang, p: &Picture) -> String {
    format!("{}/{}", lang.short_code(), p.key)
}

/// A picture for the drawing step (`prerender/draw-charts.mjs`), in light and dark.
fn picture_job(lang: Lang, p: &Picture) -> Result<Value, String> {
    let key = picture_key(lang, p);
    Ok(json!({
        "key": key,
        "chart": p.chart,
        "width": p.width,
        "height": p.height,
        "narrow": p.narrow,
        "lang": lang.short_code(),
        "unit": p.unit.id(),
        "light": serde_json::from_str::<Value>(&p.light).map_err(|e| format!("{key}: {e}"))?,
        "dark": serde_json::from_str::<Value>(&p.dark).map_err(|e| format!("{key}: {e}"))?,
        "description": p.description,
    }))
}

/// Every problem the data or catalogue checks found, a line each.
fn data_problems(errors: Vec<dataset::DataError>) -> String {
    errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

/// The whole data set in `data/` (`dataset::package`): CSV, JSON and `datapackage.json`, from
/// the same validated files the app embeds. Returns how many files it wrote.
fn data_package(dir: &Path, data: &dataset::Dataset) -> Result<usize, String> {
    let folder = dir.join(dataset::package::FOLDER);
    std::fs::create_dir_all(&folder).map_err(|err| format!("cannot create {}: {err}", folder.display()))?;
    let files = dataset::package::files(data);
    for (name, text) in &files {
        let path = folder.join(name);
        std::fs::write(&path, text).map_err(|err| format!("cannot write {}: {err}", path.display()))?;
    }
    Ok(files.len())
}

/// The German, Dutch and Chinese texts for the web app, which compiles in English only
/// (`dataset::packs`): the same files and names the app's build script computed.
fn language_packs(root: &Path, data: &dataset::Dataset) -> Result<Vec<(String, String)>, String> {
    let translations = dataset::translations::load(&root.join("data"), "data", data).map_err(data_problems)?;
    let messages = dataset::catalogue::load(&root.join("locales"), "locales").map_err(data_problems)?;
    let files = dataset::packs::files(&messages, &translations);
    // The app names the same files (its build script ran the same function on the same files).
    for (lang, (name, _)) in Lang::ALL.iter().skip(1).zip(&files) {
        if car_exports::i18n::language_pack::file(*lang) != Some(name.as_str()) {
            return Err(format!("the app expects another language pack than {name}: rebuild the app"));
        }
    }
    Ok(files)
}

/// Trunk's index.html with a prerendered `<main>` in place of its marker, and the page's
/// language, title and description; an embed page also names its chart on `<html>`, which the
/// first-paint script reads.
fn page_from(template: &str, lang: Lang, chart: Option<&str>, main: &str) -> Result<String, String> {
    const MARKER: &str = "<!-- story -->";
    if !template.contains(MARKER) {
        return Err(format!("index.html has no {MARKER} marker for the prerendered story"));
    }
    let root = match chart {
        Some(id) => format!("<html lang=\"{}\" {CHART_PAGE_ATTRIBUTE}=\"{id}\">", lang.code()),
        None => format!("<html lang=\"{}\">", lang.code()),
    };
    let page = template
        .replacen("<html lang=\"en\">", &root, 1)
        .replacen("<title>China's car export surge, explained</title>", &format!("<title>{}</title>", escape_html(t::ui_title(lang))), 1)
        .replacen(MARKER, &mark_prerendered(main), 1);
    match description_content(&page) {
        Some(old) => Ok(page.replacen(&old, &format!("content=\"{}\"", escape_html(t::ui_standfirst(lang))), 1)),
        None => Err("index.html has no <meta name=\"description\">".into()),
    }
}

/// Marks the story and each chapter as prerendered: the app takes them over one by one.
fn mark_prerendered(main: &str) -> String {
    main.replacen("<main id=\"story\"", "<main data-prerendered id=\"story\"", 1)
        .replacen("<main class=\"embed-chart\"", "<main data-prerendered class=\"embed-chart\"", 1)
        .replace("<section id=\"", "<section data-prerendered id=\"")
}

/// The `content="..."` of the page's description meta.
fn description_content(html: &str) -> Option<String> {
    let start = html.find("name=\"description\"")?;
    let content = start + html[start..].find("content=\"")?;
    let end = content + 9 + html[content + 9..].find('"')?;
    Some(html[content..=end].to_string())
}

fn labels() -> Result<(), String> {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).map_err(|e| format!("cannot read standard input: {e}"))?;
    let requests: Vec<Value> = serde_json::from_str(&input).map_err(|e| format!("requests are not a JSON array: {e}"))?;
    let labels: Vec<String> = requests
        .iter()
        .map(|r| {
            let lang = r["lang"].as_str().and_then(Lang::from_param).ok_or_else(|| format!("unknown lang in {r}"))?;
            let unit = r["unit"].as_str().and_then(unit_from_id).ok_or_else(|| format!("unknown unit in {r}"))?;
            let kind = r["kind"].as_str().unwrap_or("tick");
            if kind == "end" {
                // A line's end label: its name, and its last value when it has one.
                let name = r["name"].as_str().unwrap_or_default();
                return Ok(end_label(lang, unit, name, r["value"].as_f64(), r["narrow"].as_bool().unwrap_or(false)));
            }
            let value = r["value"].as_f64().ok_or_else(|| format!("no value in {r}"))?;
            Ok(axis_label(lang, unit, kind, value))
        })
        .collect::<Result<_, String>>()?;
    println!("{}", Value::from(labels));
    Ok(())
}

/// The `<link>` tags of index.html that carry one of `kinds`, joined for the new page's head.
fn links(html: &str, kinds: &[&str]) -> String {
    html.match_indices("<link")
        .filter_map(|(start, _)| html[start..].find('>').map(|end| &html[start..=start + end]))
        .filter(|tag| kinds.iter().any(|k| tag.contains(k)))
        .collect::<Vec<_>>()
        .join("\n    ")
}
