//! China's car export surge, explained: the app.
//!
//! Data flows one way: `data/` is validated and embedded at build time ([`model`]), the reader's
//! choices live in signals ([`chapters`]), pure chart builders turn model and choices into ECharts
//! options ([`charts`]), and one thin binding draws them ([`echarts`]).

pub mod chapters;
pub mod charts;
pub mod display;
pub mod echarts;
pub mod format;
pub mod model;
pub mod palette;
pub mod widgets;

use leptos::prelude::*;

use crate::chapters::overtaking::OvertakingChapter;
use crate::display::provide_display;

/// The whole page: the story's header and its chapters.
#[component]
pub fn App() -> impl IntoView {
    provide_display();
    view! {
        <main id="story" class="story">
            <header class="story-header">
                <p class="kicker">"An interactive explainer"</p>
                <h1>"China's car export surge, explained"</h1>
                <p class="standfirst">
                    "In five years China went from a minor car exporter to the largest in the world. Here is how that happened, figure by figure, with every source on the page."
                </p>
            </header>
            <OvertakingChapter/>
        </main>
    }
}

/// Entry point of the wasm build: replaces the static first-paint skeleton with the live app.
pub fn start() {
    console_error_panic_hook::set_once();
    let document = leptos::prelude::document();
    if let Some(skeleton) = document.get_element_by_id("skeleton") {
        skeleton.remove();
    }
    leptos::mount::mount_to_body(App);
}
