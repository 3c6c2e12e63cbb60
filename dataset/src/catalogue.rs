//! The message catalogue: every sentence and label of the page in each language, checked at build
//! time and turned into one Rust function per message.
//!
//! Layout: `locales/<lang>/<area>.toml`, one file per area (a chapter, the widgets), each a flat
//! table of `key = "text"`. A text may hold placeholders such as `{count}`. English is the
//! reference: every other language must have exactly the same files, keys and placeholders, so a
//! missing or stale translation stops the build naming the file and line. The message
//! `title` in `nev.toml` becomes `pub fn nev_title(lang: Lang) -> &'static str`; a message with
//! placeholders takes them as arguments, in order of first appearance in the English text, and
//! returns a `String`. A call with a missing argument therefore fails to compile.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use crate::DataError;

/// Language codes, in the order of the app's `Lang` enum; the first is the reference.
pub const LANGS: [&str; 4] = ["en", "de", "nl", "zh"];

/// One message in every language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The Rust function name, `<area>_<key>`.
    pub name: String,
    pub placeholders: Vec<String>,
    /// The text in each language of [`LANGS`].
    pub texts: Vec<String>,
}

/// Reads `dir/<lang>/*.toml` for every language and checks them against English.
pub fn load(dir: &Path, label: &str) -> Result<Vec<Message>, Vec<DataError>> {
    let mut files: Vec<Vec<(String, String)>> = Vec::new();
    for lang in LANGS {
        let lang_dir = dir.join(lang);
        let entries = std::fs::read_dir(&lang_dir)
            .map_err(|err| vec![DataError::new(format!("{label}/{lang}"), 0, format!("cannot be read: {err}"))])?;
        let mut names: Vec<String> =
            entries.filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).filter(|n| n.ends_with(".toml")).collect();
        names.sort();
        let mut texts = Vec::new();
        for name in names {
            let text = std::fs::read_to_string(lang_dir.join(&name))
                .map_err(|err| vec![DataError::new(format!("{label}/{lang}/{name}"), 0, format!("cannot be read: {err}"))])?;
            texts.push((name, text));
        }
        files.push(texts);
    }
    let borrowed: Vec<Vec<(&str, &str)>> = files.iter().map(|fs| fs.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect()).collect();
    parse(label, &borrowed)
}

/// One language's messages: area -> key -> (text, line).
type Areas = BTreeMap<String, BTreeMap<String, (String, usize)>>;

/// Checks the catalogue given as, per language of [`LANGS`], a list of (file name, contents).
pub fn parse(label: &str, langs: &[Vec<(&str, &str)>]) -> Result<Vec<Message>, Vec<DataError>> {
    let mut errors = Vec::new();
    let mut tables: Vec<Areas> = Vec::new();
    for (lang, files) in LANGS.iter().zip(langs) {
        let mut areas = BTreeMap::new();
        for (name, text) in files {
            let file = format!("{label}/{lang}/{name}");
            let area = name.trim_end_matches(".toml").to_string();
            if !area.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
                errors.push(DataError::new(&file, 0, "file names must be lowercase letters, digits and underscores"));
                continue;
            }
            match parse_file(&file, text) {
                Ok(entries) => {
                    areas.insert(area, entries);
                }
                Err(mut e) => errors.append(&mut e),
            }
        }
        tables.push(areas);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let reference = &tables[0];
    let mut messages = Vec::new();
    for (i, lang) in LANGS.iter().enumerate().skip(1) {
        for area in tables[i].keys() {
            if !reference.contains_key(area) {
                errors.push(DataError::new(
                    format!("{label}/{lang}/{area}.toml"),
                    0,
                    format!("has no English original {label}/en/{area}.toml"),
                ));
            }
        }
    }
    for (area, entries) in reference {
        for (key, (english, line)) in entries {
            let placeholders = placeholders_of(english);
            let mut texts = vec![english.clone()];
            for (i, lang) in LANGS.iter().enumerate().skip(1) {
                let file = format!("{label}/{lang}/{area}.toml");
                match tables[i].get(area).and_then(|e| e.get(key)) {
                    None => errors.push(DataError::new(&file, 0, format!("missing key '{key}' (in {label}/en/{area}.toml line {line})"))),
                    Some((text, tline)) => {
                        let mut theirs = placeholders_of(text);
                        let mut ours = placeholders.clone();
                        theirs.sort();
                        ours.sort();
                        if theirs != ours {
                            errors.push(DataError::new(
                                &file,
                                *tline,
                                format!("'{key}' has placeholders {theirs:?}, English has {ours:?}"),
                            ));
                        }
                        texts.push(text.clone());
                    }
                }
            }
            messages.push(Message { name: format!("{area}_{key}"), placeholders, texts });
        }
    }
    for (i, lang) in LANGS.iter().enumerate().skip(1) {
        for (area, entries) in &tables[i] {
            for (key, (_, line)) in entries {
                if reference.get(area).is_some_and(|e| !e.contains_key(key)) {
                    errors.push(DataError::new(
                        format!("{label}/{lang}/{area}.toml"),
                        *line,
                        format!("key '{key}' is not in {label}/en/{area}.toml (stale or misspelt)"),
                    ));
                }
            }
        }
    }
    if errors.is_empty() { Ok(messages) } else { Err(errors) }
}

/// The key -> (text, line) table of one file; every value must be a string.
fn parse_file(file: &str, text: &str) -> Result<BTreeMap<String, (String, usize)>, Vec<DataError>> {
    let table: toml::Table = text.parse().map_err(|err: toml::de::Error| {
        let line = err.span().map(|s| crate::error::line_of(text, s.start)).unwrap_or(0);
        vec![DataError::new(file, line, err.message().to_string())]
    })?;
    let lines = key_lines(text);
    let mut errors = Vec::new();
    let mut out = BTreeMap::new();
    for (key, value) in table {
        let line = lines.get(&key).copied().unwrap_or(0);
        if !key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') || key.is_empty() {
            errors.push(DataError::new(file, line, format!("key '{key}' must be lowercase letters, digits and underscores")));
            continue;
        }
        match value {
            toml::Value::String(s) if !s.trim().is_empty() => {
                if let Err(problem) = check_braces(&s) {
                    errors.push(DataError::new(file, line, format!("'{key}': {problem}")));
                }
                out.insert(key, (s, line));
            }
            toml::Value::String(_) => errors.push(DataError::new(file, line, format!("'{key}' is empty"))),
            _ => errors.push(DataError::new(file, line, format!("'{key}' must be a string"))),
        }
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

/// The line each key is written on, for messages (entries are one line each; a key written
/// otherwise is reported as line 0, the whole file).
pub(crate) fn key_lines(text: &str) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        if let Ok(table) = line.parse::<toml::Table>() {
            for key in table.keys() {
                out.entry(key.clone()).or_insert(i + 1);
            }
        }
    }
    out
}

/// Braces only ever open a placeholder: `{name}` with a lowercase name.
fn check_braces(text: &str) -> Result<(), String> {
    let mut rest = text;
    while let Some(start) = rest.find(['{', '}']) {
        if rest[start..].starts_with('}') {
            return Err("a '}' without its '{'".into());
        }
        let after = &rest[start + 1..];
        let end = after.find('}').ok_or("a '{' without its '}'")?;
        let name = &after[..end];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            return Err(format!("'{{{name}}}' is not a placeholder (lowercase letters, digits, underscores)"));
        }
        rest = &after[end + 1..];
    }
    Ok(())
}

/// Placeholder names in order of first appearance, each once.
pub fn placeholders_of(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        let name = after[..end].to_string();
        if !out.contains(&name) {
            out.push(name);
        }
        rest = &after[end + 1..];
    }
    out
}

/// Numbers in a message's text that are not a year and not a short count or date part, e.g.
/// "4.91" or "180": figures, which must come from the data (through a placeholder) rather than be
/// typed into a message, where they would go stale unseen. Words like a licence's version
/// ([`NOT_FIGURES`]) are allowed.
pub fn hand_typed_figures(text: &str) -> Vec<String> {
    let mut rest = text.to_string();
    for allowed in NOT_FIGURES {
        rest = rest.replace(allowed, " ");
    }
    let chars: Vec<char> = rest.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        // A number runs through digits and the separators between them ("4,910,000", "4.91").
        while i < chars.len()
            && (chars[i].is_ascii_digit() || (matches!(chars[i], '.' | ',') && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
        {
            i += 1;
        }
        let number: String = chars[start..i].iter().collect();
        let digits = number.chars().filter(char::is_ascii_digit).count();
        let year = digits == 4 && number.len() == 4 && (number.starts_with("19") || number.starts_with("20"));
        if !year && (digits >= 3 || number.contains(['.', ','])) {
            out.push(number);
        }
    }
    out
}

/// Texts with digits that are not figures.
pub const NOT_FIGURES: &[&str] = &["CC BY 4.0"];

/// One function per message. The generated code names `Lang` (with variants in the order of
/// [`LANGS`]) and `fill`, which the app's i18n module defines.
/// The catalogue as Rust functions. `packed` (the web build): only English is compiled in, and the
/// other languages' texts come from the page's language pack (`crate::packs`) through
/// `pack_text(lang, position, english)`, which the app defines; messages that must always be
/// readable (`packs::ALWAYS_EMBEDDED`) keep every language.
pub fn to_rust(messages: &[Message], packed: bool) -> String {
    let mut out = String::from("// Generated from locales/ by the build script. Edit the catalogue, not this.\n\n");
    let variants = ["En", "De", "Nl", "Zh"];
    let mut position = 0;
    for m in messages {
        let arms: String = if packed && crate::packs::in_pack(m) {
            position += 1;
            format!("Lang::En => {:?}, _ => pack_text(lang, {}, {:?}), ", m.texts[0], position - 1, m.texts[0])
        } else {
            variants.iter().zip(&m.texts).map(|(v, t)| format!("Lang::{v} => {t:?}, ")).collect()
        };
        if m.placeholders.is_empty() {
            writeln!(out, "pub fn {}(lang: Lang) -> &'static str {{ match lang {{ {arms}}} }}", m.name).unwrap();
        } else {
            let params: String = m.placeholders.iter().map(|p| format!(", {p}: &str")).collect();
            let pairs: String = m.placeholders.iter().map(|p| format!("({p:?}, {p}), ")).collect();
            writeln!(out, "pub fn {}(lang: Lang{params}) -> String {{ fill(match lang {{ {arms}}}, &[{pairs}]) }}", m.name).unwrap();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_message_in_any_language_types_a_figure() {
        let messages = load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales"), "locales").expect("the catalogue loads");
        let typed: Vec<String> = messages
            .iter()
            .flat_map(|m| {
                m.texts.iter().zip(LANGS).flat_map(move |(text, lang)| {
                    hand_typed_figures(text).into_iter().map(move |n| format!("locales/{lang}: {}: '{n}'", m.name))
                })
            })
            .collect();
        assert!(typed.is_empty(), "figures typed into messages (give them a placeholder filled from the data):\n{}", typed.join("\n"));
    }

    #[test]
    fn a_typed_figure_is_found_and_years_dates_and_versions_are_not() {
        assert_eq!(hand_typed_figures("Exports reached 4.91 million in 2023, up 57.9%."), ["4.91", "57.9"]);
        assert_eq!(hand_typed_figures("within 180 days"), ["180"]);
        assert_eq!(hand_typed_figures("4,910,000 vehicles; 4.910.000 Fahrzeuge"), ["4,910,000", "4.910.000"]);
        assert!(hand_typed_figures("From 1 January 2026, 2026年1月1日起, {count} months, 2 of 9").is_empty());
        assert!(hand_typed_figures("Free to reuse with credit (CC BY 4.0).").is_empty());
        assert_eq!(hand_typed_figures("step 0.1 million"), ["0.1"]);
    }

    fn langs(en: &str, de: &str, nl: &str, zh: &str) -> Vec<Vec<(&'static str, String)>> {
        [en, de, nl, zh].iter().map(|t| vec![("nev.toml", t.to_string())]).collect()
    }

    fn check(files: Vec<Vec<(&'static str, String)>>) -> Result<Vec<Message>, Vec<DataError>> {
        let borrowed: Vec<Vec<(&str, &str)>> = files.iter().map(|fs| fs.iter().map(|(n, t)| (*n, t.as_str())).collect()).collect();
        parse("locales", &borrowed)
    }

    #[test]
    fn a_complete_catalogue_becomes_functions() {
        let ok = check(langs(
            "title = \"Electric cars\"\ngrew = \"From {first} to {last}\"\n",
            "title = \"Elektroautos\"\ngrew = \"Von {first} auf {last}\"\n",
            "title = \"Elektrische auto's\"\ngrew = \"Van {first} naar {last}\"\n",
            "title = \"电动汽车\"\ngrew = \"从{first}增至{last}\"\n",
        ))
        .unwrap();
        assert_eq!(ok.len(), 2);
        let code = to_rust(&ok, false);
        assert!(code.contains("pub fn nev_title(lang: Lang) -> &'static str"));
        let packed = to_rust(&ok, true);
        assert!(packed.contains(r#"Lang::En => "Electric cars", _ => pack_text(lang, 1, "Electric cars")"#), "{packed}");
        assert!(!packed.contains("电动汽车"));
        assert!(code.contains("pub fn nev_grew(lang: Lang, first: &str, last: &str) -> String"));
        assert!(code.contains("\"电动汽车\""));
    }

    #[test]
    fn a_missing_key_names_the_file() {
        let errors = check(langs(
            "title = \"A\"\nnote = \"B\"\n",
            "title = \"A\"\n",
            "title = \"A\"\nnote = \"B\"\n",
            "title = \"A\"\nnote = \"B\"\n",
        ))
        .unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].to_string(), "locales/de/nev.toml: missing key 'note' (in locales/en/nev.toml line 2)");
    }

    #[test]
    fn placeholders_must_match_and_stale_keys_are_named() {
        let errors = check(langs(
            "grew = \"From {first}\"\n",
            "grew = \"Von {erste}\"\n",
            "grew = \"Van {first}\"\nold = \"x\"\n",
            "grew = \"{first}\"\n",
        ))
        .unwrap_err();
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(text.iter().any(|e| e.starts_with("locales/de/nev.toml:1: 'grew' has placeholders")), "{text:?}");
        assert!(text.iter().any(|e| e.starts_with("locales/nl/nev.toml:2: key 'old' is not in")), "{text:?}");
    }

    #[test]
    fn bad_braces_and_bad_toml_are_named_with_their_line() {
        let errors = check(langs("a = \"ok\"\nb = \"50{%\"\n", "a = \"x\"\nb = \"y\"\n", "a = \"x\"\nb = \"y\"\n", "a = \"x\"\nb = \"y\n"))
            .unwrap_err();
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(text.iter().any(|e| e.starts_with("locales/en/nev.toml:2: 'b':")), "{text:?}");
        assert!(text.iter().any(|e| e.starts_with("locales/zh/nev.toml:2:")), "{text:?}");
    }

    #[test]
    fn the_shipped_catalogue_is_complete() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales");
        load(&dir, "locales").unwrap_or_else(|errors| panic!("{}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")));
    }
}
