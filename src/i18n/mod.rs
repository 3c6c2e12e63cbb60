//! The reader's language: English, German, Dutch or Simplified Chinese, from `?lang=`, else the
//! browser's languages, else English. Every message comes from the catalogue in `locales/`,
//! compiled in as one function per message (see `dataset::catalogue`), so a missing key or a
//! missing argument is a build error rather than a blank on screen.

pub mod language_pack;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    De,
    Nl,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::De, Lang::Nl, Lang::Zh];

    /// The code in `?lang=` and in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Nl => "nl",
            Lang::Zh => "zh-Hans",
        }
    }

    /// The two-letter code: `?lang=zh` and the text version's file names.
    pub fn short_code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Nl => "nl",
            Lang::Zh => "zh",
        }
    }

    /// A `?lang=` value: one of the codes the page writes (any case); anything else is `None`.
    pub fn from_param(value: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(value) || l.short_code().eq_ignore_ascii_case(value))
    }

    /// The file of the story's prerendered page in this language (`crate::ui::static_page`).
    pub fn page_file(self) -> &'static str {
        match self {
            Lang::En => "index.html",
            Lang::De => "de.html",
            Lang::Nl => "nl.html",
            Lang::Zh => "zh.html",
        }
    }

    /// The address of the story's page in this language, relative to any of them.
    pub fn page_href(self) -> &'static str {
        match self {
            Lang::En => "./",
            other => other.page_file(),
        }
    }

    /// The file of one chart's prerendered embed page in this language (`?embed=<chart-id>` opens it).
    pub fn embed_file(self, chart_id: &str) -> String {
        match self {
            Lang::En => format!("embed-{chart_id}.html"),
            other => format!("embed-{chart_id}-{}.html", other.short_code()),
        }
    }

    /// The language's own name, for the switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Nl => "Nederlands",
            Lang::Zh => "简体中文",
        }
    }

    /// A BCP 47 tag as browsers and URLs write it: "de", "de-AT", "zh-CN", "zh-Hans", "NL".
    /// Traditional Chinese tags are not matched: the page has no Traditional text.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        match primary {
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            "nl" => Some(Lang::Nl),
            "zh" => {
                let traditional = TRADITIONAL_CHINESE_SUBTAGS.iter().any(|t| tag.split(['-', '_']).skip(1).any(|p| p == *t));
                (!traditional).then_some(Lang::Zh)
            }
            _ => None,
        }
    }
}

/// The subtags of a Chinese tag that ask for Traditional characters, which the page does not have.
pub const TRADITIONAL_CHINESE_SUBTAGS: [&str; 4] = ["hant", "tw", "hk", "mo"];

/// The language the page is shown in: set once per render of the app (a language switch renders
/// the page anew), so components read it as a plain value.
pub fn use_lang() -> Lang {
    leptos::prelude::use_context::<Lang>().unwrap_or_default()
}

/// What goes between two sentences: a space, except in Chinese, whose full stop needs none.
pub fn sentence_gap(lang: Lang) -> &'static str {
    if lang == Lang::Zh { "" } else { " " }
}

/// Replaces each `{name}` in `text` with its value. Placeholders are checked at build time, so
/// every name in `text` has a value here.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                let placeholder = &rest[start..start + end + 2];
                rest = &after[end + 1..];
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => {
                        out.push_str(value);
                        // A value that ends in an abbreviation's full stop ("4,91 Mio.") at the
                        // end of a sentence takes the sentence's stop: one dot, not two.
                        if value.ends_with('.') && rest.starts_with('.') {
                            rest = &rest[1..];
                        }
                    }
                    None => out.push_str(placeholder),
                }
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The messages of `locales/`, one function each: `t::nev_title(lang)`.
#[allow(clippy::all)]
pub mod t {
    use super::{Lang, fill};
    #[allow(unused_imports)]
    use crate::i18n::language_pack::text as pack_text;
    include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
}

mod data {
    use super::Lang;
    #[allow(unused_imports)]
    use crate::i18n::language_pack::{PACK_DATA_OFFSET, text as pack_text};
    include!(concat!(env!("OUT_DIR"), "/data_text.rs"));
}

/// A text from the data files (a series label, a definition, a note, an event) in `lang`.
pub use data::data_text;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_map_to_languages() {
        assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_tag("NL"), Some(Lang::Nl));
        assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("zh-Hans"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("zh-TW"), None);
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.code()), Some(lang));
        }
    }

    /// The cases of `tests/e2e/protocols.test.mjs`, where the first-paint script reads `?lang=`.
    #[test]
    fn a_lang_parameter_is_a_languages_own_value_in_any_case() {
        let cases = [("de", Some(Lang::De)), ("DE", Some(Lang::De)), ("zh-hans", Some(Lang::Zh)), ("ZH", Some(Lang::Zh))];
        for (asked, lang) in cases.into_iter().chain([("de-AT", None), ("zh-TW", None), ("fr", None)]) {
            assert_eq!(Lang::from_param(asked), lang, "{asked}");
        }
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(fill("From {first} to {last}", &[("first", "1"), ("last", "2")]), "From 1 to 2");
        assert_eq!(fill("{a}{a}", &[("a", "x")]), "xx");
        assert_eq!(fill("no braces", &[]), "no braces");
        assert_eq!(fill("open {", &[]), "open {");
        assert_eq!(fill("{missing} stays", &[]), "{missing} stays");
        // An abbreviation at the end of a sentence: one full stop.
        assert_eq!(fill("Japan dagegen {n}.", &[("n", "4,58 Mio.")]), "Japan dagegen 4,58 Mio.");
        assert_eq!(fill("{n}, mehr", &[("n", "4,58 Mio.")]), "4,58 Mio., mehr");
    }

    #[test]
    fn data_texts_are_translated() {
        assert_eq!(data_text(Lang::En, "Japan"), "Japan");
        // Every language has every text: the build checks it; a text outside the data stays as is.
        assert_eq!(data_text(Lang::Zh, "not a data text"), "not a data text");
    }
}
