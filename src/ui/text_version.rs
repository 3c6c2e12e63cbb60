//! The text version: every chapter's text and every chart's table as plain HTML, rendered at build
//! time from the same components as the page (natively, where there is no chart library, so each
//! chart frame shows its text alternative and its table). Readers get it when their browser has
//! no WebAssembly or no JavaScript, or when the app fails to start; it needs neither.

use leptos::prelude::*;

use crate::charts::display::Display;
use crate::i18n::{Lang, t};
use crate::ui::chapters::Chapters;
use crate::ui::static_page::render;

/// The file name of the text version in a language, next to index.html.
pub fn file_name(lang: Lang) -> String {
    format!("text-{}.html", lang.short_code())
}

/// The story's `<main>` in `lang`, as HTML.
pub fn story_html(lang: Lang) -> String {
    render(lang, Display { lang, ..Display::default() }, &crate::state::url_state::UrlState::default(), move || {
        provide_context(crate::ui::widgets::chart_frame::TextVersion);
        let other_versions = Lang::ALL
            .into_iter()
            .filter(|l| *l != lang)
            .map(|l| view! { <li><a href=file_name(l) lang=l.code() hreflang=l.code()>{l.name()}</a></li> })
            .collect_view();
        view! {
            <main id="story" class="story text-version">
                <header class="story-header">
                    <p class="kicker">{t::ui_kicker(lang)}</p>
                    <h1>{t::ui_title(lang)}</h1>
                    <p class="standfirst">{t::ui_standfirst(lang)}</p>
                    <crate::ui::page::AsOf/>
                    <p class="text-version-note" role="note">
                        {t::page_text_version_note(lang)}
                        " "
                        <a href=format!("./?lang={}", lang.code())>{t::page_interactive_link(lang)}</a>
                    </p>
                    <nav class="text-version-languages" aria-label=t::ui_language(lang)>
                        <ul>{other_versions}</ul>
                    </nav>
                </header>
                <Chapters/>
            </main>
        }
    })
    .0
}

/// A whole page around the story: `head` carries the build's stylesheet and icon links.
pub fn page_html(lang: Lang, head: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{code}\">\n  <head>\n    <meta charset=\"utf-8\" />\n    \
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n    \
         <meta name=\"color-scheme\" content=\"light dark\" />\n    <title>{title}</title>\n    {head}\n  </head>\n  \
         <body>\n{story}\n  </body>\n</html>\n",
        code = lang.code(),
        title = crate::story::escape_html(&format!("{} – {}", t::ui_title(lang), t::page_text_version_title(lang))),
        story = story_html(lang),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chapter_text_and_table_is_in_the_text_version() {
        let html = story_html(Lang::En);
        for crate::story::registry::Chapter { id, charts, .. } in crate::story::registry::CHAPTERS {
            assert!(html.contains(&format!("<section id=\"{id}\"")), "chapter {id} missing");
            for chart in *charts {
                assert!(html.contains(&format!("data-chart=\"{chart}\"")), "chart {chart} missing");
            }
        }
        assert_eq!(
            html.matches("<table").count(),
            crate::charts::CHART_IDS.len() + 1 + crate::story::registry::CHAPTERS.len(),
            "a table per chart, the 2023 counts and each chapter's quoted figures"
        );
        assert_eq!(
            html.matches("open class=\"quoted-figures\"").count(),
            crate::story::registry::CHAPTERS.len(),
            "each chapter's quoted figures, open"
        );
        assert!(html.contains("4,910,000"), "the tables carry the figures");
        assert!(html.contains("<p class=\"chart-description\">Stacked bar chart"), "each chart's text alternative leads into its table");
        assert!(!html.contains("could not be drawn"), "the text version does not apologise for having no charts");
        assert_eq!(html.matches("<details open class=\"chart-table\">").count(), crate::charts::CHART_IDS.len(), "tables are open");
    }

    #[test]
    fn the_text_version_speaks_each_language() {
        let de = page_html(Lang::De, "");
        assert!(de.starts_with("<!doctype html>\n<html lang=\"de\">"));
        assert!(de.contains("4.910.000"), "German thousands separators");
        assert!(de.contains("href=\"text-en.html\""));
        let zh = story_html(Lang::Zh);
        assert!(zh.contains("中国"));
    }
}
