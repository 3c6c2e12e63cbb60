//! Copying text for the reader: the async Clipboard API where the page may use it.

use wasm_bindgen_futures::JsFuture;

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
