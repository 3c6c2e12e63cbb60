//! Copying text for the reader: the async Clipboard API where the page may use it.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::{Lang, t};

/// Copies `text`; `false` when the browser refuses (no permission, insecure context), in which
/// case the caller leaves the text on screen, selected, for a manual copy.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let clipboard = window.navigator().clipboard();
    if clipboard.is_undefined() {
        return false;
    }
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// Copies `text` and says how it went in `status`: `done`, or, when the browser refuses, the text
/// itself for a manual copy.
pub fn copy_and_report(text: String, done: &'static str, status: WriteSignal<String>, lang: Lang) {
    leptos::task::spawn_local(async move {
        if copy(&text).await {
            status.set(done.to_string());
        } else {
            status.set(t::ui_copy_blocked(lang, &text));
        }
    });
}
