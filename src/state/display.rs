//! How the page is shown (`charts::display::Display`), following the reader's choice and system
//! settings, updated live when they change.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::charts::display::{Display, PHONE_MAX_WIDTH, Theme};
use crate::i18n::Lang;
use crate::state::url_state::ThemeChoice;

/// Puts a `Signal<Display>` in context: the reader's theme choice, else the system's
/// `prefers-color-scheme`, and `prefers-reduced-motion`, updated live.
pub fn provide_display(choice: Signal<ThemeChoice>, lang: Signal<Lang>) -> Signal<Display> {
    let system_dark = media_query_signal("(prefers-color-scheme: dark)");
    let dark = move || match choice.get() {
        ThemeChoice::Auto => system_dark.get(),
        ThemeChoice::Light => false,
        ThemeChoice::Dark => true,
    };
    let reduced = media_query_signal("(prefers-reduced-motion: reduce)");
    let narrow = media_query_signal(&format!("(max-width: {PHONE_MAX_WIDTH}px)"));
    let display = Signal::derive(move || Display {
        theme: if dark() { Theme::Dark } else { Theme::Light },
        reduced_motion: reduced.get(),
        narrow: narrow.get(),
        lang: lang.get(),
    });
    provide_context(display);
    display
}

/// The display in context, or the default one outside the app (e.g. a component under test).
pub fn use_display() -> Signal<Display> {
    use_context::<Signal<Display>>().unwrap_or_else(|| Signal::stored(Display::default()))
}

fn media_query_signal(query: &str) -> ReadSignal<bool> {
    let Some(list) = window().match_media(query).ok().flatten() else {
        return signal(false).0;
    };
    let (matches, set_matches) = signal(list.matches());
    let on_change = Closure::<dyn Fn()>::new({
        let list = list.clone();
        move || set_matches.set(list.matches())
    });
    list.set_onchange(Some(on_change.as_ref().unchecked_ref()));
    // The listener lives as long as the page: the app is mounted once.
    on_change.forget();
    matches
}
