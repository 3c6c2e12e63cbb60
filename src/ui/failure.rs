//! When the app panics (a bug), the panic is logged to the console as usual and the reader gets a
//! small notice with a reload link, rather than a page that silently stopped responding. The
//! notice is built with plain DOM calls and a plain link: after a panic the wasm instance is gone,
//! so nothing in it may be needed to reload.

use std::cell::Cell;

use crate::i18n::{Lang, t};

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language the notice is written in; the app keeps it in step with the page.
pub fn set_lang(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

/// Logs every panic to the console and shows the notice.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice();
    }));
}

/// Puts the notice on the page (once).
pub fn show_notice() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.get_element_by_id("panic-notice").is_some() {
        return;
    }
    let lang = LANG.with(Cell::get);
    let build = || -> Option<()> {
        let notice = document.create_element("div").ok()?;
        notice.set_id("panic-notice");
        notice.set_class_name("panic-notice");
        notice.set_attribute("role", "alert").ok()?;
        let text = document.create_element("p").ok()?;
        text.set_text_content(Some(t::page_panic_notice(lang)));
        let reload = document.create_element("a").ok()?;
        let here = web_sys::window()?.location().href().ok()?;
        reload.set_attribute("href", &here).ok()?;
        reload.set_text_content(Some(t::page_panic_reload(lang)));
        text.append_child(&document.create_text_node(" ")).ok()?;
        text.append_child(&reload).ok()?;
        notice.append_child(&text).ok()?;
        document.body()?.append_child(&notice).ok()?;
        Some(())
    };
    let _ = build();
}
