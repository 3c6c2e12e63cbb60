//! Writes `text-<lang>.html` for every language into a build folder (Trunk's post-build hook:
//! `cargo run -p text-version -- <staging folder>`), reusing index.html's stylesheet and icon links.

use std::path::Path;

use car_exports::i18n::Lang;
use car_exports::text_version::{file_name, page_html};

fn main() {
    let Some(dir) = std::env::args().nth(1).or_else(|| std::env::var("TRUNK_STAGING_DIR").ok()) else {
        eprintln!("usage: text-version <build folder> (or set TRUNK_STAGING_DIR)");
        std::process::exit(2);
    };
    let dir = Path::new(&dir);
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap_or_else(|err| {
        eprintln!("text-version: cannot read {}: {err}", dir.join("index.html").display());
        std::process::exit(1);
    });
    let head = links(&index, &["rel=\"stylesheet\"", "rel=\"icon\""]);
    if !head.contains("stylesheet") {
        eprintln!("text-version: index.html has no stylesheet link to reuse");
        std::process::exit(1);
    }
    for lang in Lang::ALL {
        let path = dir.join(file_name(lang));
        std::fs::write(&path, page_html(lang, &head)).unwrap_or_else(|err| {
            eprintln!("text-version: cannot write {}: {err}", path.display());
            std::process::exit(1);
        });
    }
    println!("text-version: {} pages in {}", Lang::ALL.len(), dir.display());
}

/// The `<link>` tags of index.html that carry one of `kinds`, joined for the new page's head.
fn links(html: &str, kinds: &[&str]) -> String {
    html.match_indices("<link")
        .filter_map(|(start, _)| html[start..].find('>').map(|end| &html[start..=start + end]))
        .filter(|tag| kinds.iter().any(|k| tag.contains(k)))
        .collect::<Vec<_>>()
        .join("\n    ")
}
