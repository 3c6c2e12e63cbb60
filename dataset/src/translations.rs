//! Translations of the words inside the data files: series labels, what they count, definitions,
//! figure notes, the actors, titles and details of events, and the reasons for corrections.
//!
//! The data files are written in English; `data/translations/<lang>.toml` maps each English text
//! to its translation (`"English text" = "Übersetzung"`). The build stops when a text on screen has
//! no translation in some language, and when a translation's English original no longer appears in
//! the data (it went stale after an edit), naming the file and line. Source titles are not
//! translated: they describe the cited pages, most of them in English, and stay as cited.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::Path;

use crate::catalogue::{LANGS, key_lines};
use crate::{DataError, Dataset};

/// Per non-English language (in the order of [`LANGS`] after English): English -> translation.
pub type Translations = Vec<BTreeMap<String, String>>;

/// Every English text in the data that readers see and that must be translated, with where it
/// comes from (for messages).
pub fn texts_on_screen(data: &Dataset) -> BTreeMap<String, &'static str> {
    let mut out = BTreeMap::new();
    let mut add = |text: &str, file: &'static str| {
        if !text.trim().is_empty() {
            out.entry(text.to_string()).or_insert(file);
        }
    };
    for s in &data.series {
        add(&s.label, crate::SERIES_FILE);
        add(&s.count, crate::SERIES_FILE);
        add(&s.definition, crate::SERIES_FILE);
    }
    for o in &data.observations {
        add(&o.note, crate::OBSERVATIONS_FILE);
    }
    for e in &data.events {
        add(&e.actor, crate::EVENTS_FILE);
        add(&e.title, crate::EVENTS_FILE);
        add(&e.detail, crate::EVENTS_FILE);
    }
    for r in &data.revisions {
        add(&r.reason, crate::REVISIONS_FILE);
    }
    out
}

/// Reads `dir/translations/<lang>.toml` for every language but English and checks them against
/// the data.
pub fn load(dir: &Path, label: &str, data: &Dataset) -> Result<Translations, Vec<DataError>> {
    let mut files = Vec::new();
    for lang in &LANGS[1..] {
        let path = dir.join("translations").join(format!("{lang}.toml"));
        let text = std::fs::read_to_string(&path)
            .map_err(|err| vec![DataError::new(format!("{label}/translations/{lang}.toml"), 0, format!("cannot be read: {err}"))])?;
        files.push(text);
    }
    let borrowed: Vec<&str> = files.iter().map(String::as_str).collect();
    parse(label, &borrowed, data)
}

/// Checks the translation files given as their contents, one per non-English language.
pub fn parse(label: &str, files: &[&str], data: &Dataset) -> Result<Translations, Vec<DataError>> {
    let needed = texts_on_screen(data);
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for (lang, text) in LANGS[1..].iter().zip(files) {
        let file = format!("{label}/translations/{lang}.toml");
        let table: toml::Table = match text.parse() {
            Ok(t) => t,
            Err(err) => {
                let err: toml::de::Error = err;
                let line = err.span().map(|s| crate::error::line_of(text, s.start)).unwrap_or(0);
                errors.push(DataError::new(&file, line, err.message().to_string()));
                continue;
            }
        };
        let lines = key_lines(text);
        let mut map = BTreeMap::new();
        for (english, value) in table {
            let line = lines.get(&english).copied().unwrap_or(0);
            match value {
                toml::Value::String(s) if !s.trim().is_empty() => {
                    if !needed.contains_key(&english) {
                        errors.push(DataError::new(
                            &file,
                            line,
                            format!("\"{english}\" is not in the data any more (stale: remove it or match the new English)"),
                        ));
                    }
                    map.insert(english, s);
                }
                _ => errors.push(DataError::new(&file, line, format!("the translation of \"{english}\" must be a non-empty string"))),
            }
        }
        let missing: BTreeSet<_> = needed.keys().filter(|k| !map.contains_key(*k)).collect();
        for english in missing {
            errors.push(DataError::new(&file, 0, format!("no translation of \"{english}\" (from {label}/{})", needed[english])));
        }
        out.push(map);
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

/// A sorted English -> translation table per language and a lookup the app calls with the
/// English text from the model. The generated code names `Lang`. `packed` (the web build): only
/// the sorted English keys are compiled in, and a translation is the page's language pack's text
/// at `PACK_DATA_OFFSET` + the key's position (`crate::packs`).
pub fn to_rust(translations: &Translations, packed: bool) -> String {
    let mut out = String::from("// Generated from data/translations/ by the build script.\n\n");
    if packed {
        out.push_str("static DATA_KEYS: &[&str] = &[\n");
        for english in crate::packs::data_keys(translations) {
            writeln!(out, "    {english:?},").unwrap();
        }
        out.push_str(
            "];\n\n/// A text from the data files in `lang`; English texts are the keys.\n\
             pub fn data_text(lang: Lang, english: &'static str) -> &'static str {\n\
             \x20   if lang == Lang::En { return english; }\n\
             \x20   DATA_KEYS.binary_search(&english).map_or(english, |i| pack_text(lang, PACK_DATA_OFFSET + i, english))\n\
             }\n",
        );
        return out;
    }
    let names = ["DE", "NL", "ZH"];
    for (name, map) in names.iter().zip(translations) {
        writeln!(out, "static DATA_{name}: &[(&str, &str)] = &[").unwrap();
        // BTreeMap iterates in byte order, which is what binary_search on &str expects.
        for (english, text) in map {
            writeln!(out, "    ({english:?}, {text:?}),").unwrap();
        }
        out.push_str("];\n");
    }
    out.push_str(
        "\n/// A text from the data files in `lang`; English texts are the keys.\n\
         pub fn data_text(lang: Lang, english: &'static str) -> &'static str {\n\
         \x20   let table = match lang { Lang::En => return english, Lang::De => DATA_DE, Lang::Nl => DATA_NL, Lang::Zh => DATA_ZH };\n\
         \x20   table.binary_search_by(|(k, _)| (*k).cmp(english)).map_or(english, |i| table[i].1)\n\
         }\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        crate::load(&dir, "data").expect("the shipped data is valid")
    }

    #[test]
    fn the_shipped_translations_are_complete() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
        let data = data();
        load(&dir, "data", &data)
            .unwrap_or_else(|errors| panic!("{}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")));
    }

    #[test]
    fn a_missing_and_a_stale_translation_are_named() {
        let data = data();
        let complete: String = texts_on_screen(&data).keys().map(|k| format!("{} = \"x\"\n", toml::Value::String(k.clone()))).collect();
        let missing_one = complete.lines().skip(1).map(|l| format!("{l}\n")).collect::<String>();
        let stale = format!("{complete}\"Not in the data\" = \"y\"\n");
        let errors = parse("data", &[&missing_one, &complete, &stale], &data).unwrap_err();
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(text.len(), 2, "{text:?}");
        assert!(text[0].starts_with("data/translations/de.toml: no translation of"), "{text:?}");
        let last = complete.lines().count() + 1;
        assert_eq!(
            text[1],
            format!(
                "data/translations/zh.toml:{last}: \"Not in the data\" is not in the data any more (stale: remove it or match the new English)"
            )
        );
    }
}
