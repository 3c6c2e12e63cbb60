#![recursion_limit = "512"]
//! China's car export surge, explained: the app.
//!
//! The modules form layers that depend one way only (checked by `tests/layers.rs`):
//! [`i18n`] (languages and messages) -> [`story`] (data, ids, formats, tables) -> [`charts`]
//! (pure builders of ECharts options) -> [`state`] (the reader's view) -> [`web`] (bindings to the
//! browser) -> [`ui`] (page, chapters, widgets) -> [`live`] (bringing the prerendered page to life).

pub mod charts;
pub mod i18n;
pub mod live;
pub mod state;
pub mod story;
pub mod ui;
pub mod web;

use leptos::prelude::*;

/// Entry point of the wasm build, run when the module loads. The page arrives prerendered
/// (`crate::ui::static_page`) and the app brings it to life where the reader is (`crate::live`); a page
/// without the prerendered story gets the whole app at once. (The page is built from this library
/// rather than a binary: the binary's fat-LTO link fails in rustc 1.95 with "Invalid Wasm linking
/// symbol".)
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    ui::failure::install();
    // Chapters go live from tasks, before anything is mounted (mounting would set this up).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    // The app starts in a task of its own, not in the one that instantiated the wasm: together
    // they made the page's longest task on a slow phone.
    let bring_to_life_soon = || set_timeout(live::bring_to_life, std::time::Duration::ZERO);
    // The boot script runs as soon as it arrives (postbuild/boot.js), so where the app comes
    // before the page is whole, parsed and styled (the live charts take their frames' sizes), it
    // waits for the page's load.
    if document().ready_state() != "complete" {
        use wasm_bindgen::JsCast;
        let when_loaded = wasm_bindgen::closure::Closure::once_into_js(bring_to_life_soon);
        let _ = window().add_event_listener_with_callback("load", when_loaded.unchecked_ref());
    } else {
        bring_to_life_soon();
    }
}
