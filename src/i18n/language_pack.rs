//! The page's language pack: on the web the app compiles in English only, and a page in German,
//! Dutch or Chinese fetches that language's texts (`messages-<lang>-<hash>.json`, written by the
//! prerender step; see `dataset::packs`) before it goes live. Native builds compile every
//! language in and never fetch.
//!
//! Hand-written rather than a crate: the packs are our own catalogue's positions, and the only
//! work here is one fetch and one JSON array.

use std::sync::OnceLock;

use crate::i18n::Lang;

include!(concat!(env!("OUT_DIR"), "/packs.rs"));

/// The pack that was loaded, with its language; a page only ever needs its own.
static LOADED: OnceLock<(Lang, Vec<&'static str>)> = OnceLock::new();

/// The text at `position` of `lang`'s pack; `english` while that pack is not loaded (a message
/// asked for before the pack came, or in a language the page never loads).
pub fn text(lang: Lang, position: usize, english: &'static str) -> &'static str {
    match LOADED.get() {
        Some((loaded, texts)) if *loaded == lang => texts.get(position).copied().unwrap_or(english),
        _ => english,
    }
}

/// Whether `lang`'s texts can be shown: English always, another language once its pack is in.
pub fn is_ready(lang: Lang) -> bool {
    lang == Lang::En || !cfg!(target_arch = "wasm32") || LOADED.get().is_some_and(|(l, _)| *l == lang)
}

/// The address of `lang`'s pack, relative to the page; `None` for English.
pub fn file(lang: Lang) -> Option<&'static str> {
    let index = Lang::ALL.iter().position(|l| *l == lang)?;
    Some(PACK_FILES[index]).filter(|f| !f.is_empty())
}

/// Fetches and keeps `lang`'s pack. Returns whether the page can show `lang` now.
pub async fn load(lang: Lang) -> bool {
    if is_ready(lang) {
        return true;
    }
    let Some(file) = file(lang) else { return false };
    match fetch_texts(file).await {
        Some(texts) => {
            // The texts live as long as the page: leaking them gives the `&'static str` every
            // message function returns.
            let texts = texts.into_iter().map(|t| &*Box::leak(t.into_boxed_str())).collect();
            let _ = LOADED.set((lang, texts));
            is_ready(lang)
        }
        None => false,
    }
}

#[cfg(target_arch = "wasm32")]
async fn fetch_texts(file: &str) -> Option<Vec<String>> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(web_sys::window()?.fetch_with_str(file)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
    // The browser's own JSON parser: serde_json's reader would add its code to the wasm for one
    // array of strings.
    let array: js_sys::Array = js_sys::JSON::parse(&text).ok()?.dyn_into().ok()?;
    array.iter().map(|text| text.as_string()).collect()
}

#[cfg(not(target_arch = "wasm32"))]
async fn fetch_texts(_file: &str) -> Option<Vec<String>> {
    None
}

/// The language the page was prerendered in (`<html lang>`).
pub(crate) fn page_lang() -> crate::i18n::Lang {
    leptos::prelude::document()
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .and_then(|tag| crate::i18n::Lang::from_tag(&tag))
        .unwrap_or_default()
}
