//! The bindings to the browser: ECharts, downloads, the clipboard, the service worker, the
//! messages to a host page, and scroll watching.

pub mod clipboard;
pub mod download;
pub mod echarts;
pub mod frame_messages;
pub mod offline;
pub mod scroll_watch;

/// The events that are a reader's first interaction with the page: the boot script
/// (`postbuild/boot.js`) marks the page on the first of them before the app runs, and the app
/// (`live`) listens for them after; both take this list (the boot script through the build
/// manifest, `ui::manifest`).
pub const FIRST_INTERACTION_EVENTS: [&str; 7] = ["pointerdown", "pointermove", "touchstart", "keydown", "wheel", "scroll", "focusin"];

/// The events of a control used before its chapter is live: the boot script marks the control,
/// the app replays it once the chapter is live.
pub const QUEUED_CONTROL_EVENTS: [&str; 3] = ["click", "input", "change"];

/// The controls whose use is queued, as a selector.
pub const QUEUED_CONTROLS: &str = "button, input, select";

/// A chapter still as the build wrote it, as a selector.
pub const PRERENDERED_CHAPTER: &str = "section.chapter[data-prerendered]";

/// A chart's controls that change its view, in the order `state::shared_views` lists what each
/// does: its choice's options, then its toggles.
pub const VIEW_CONTROLS: &str = ".chart-controls input[type=\"radio\"], .chart-controls button.toggle";

/// A chart's embed page still as the build wrote it, as a selector (the app replaces it whole).
pub const PRERENDERED_EMBED: &str = "main.embed-chart[data-prerendered]";

/// The attribute of `<html>` on an embed page that names its chart (written by the prerender
/// step, read by the app and the first-paint script): the page is an embed whatever its query.
pub const CHART_PAGE_ATTRIBUTE: &str = "data-chart-page";

/// The chart this page is the embed page of, as `<html>` names it; `None` on the story's pages.
pub fn page_chart() -> Option<String> {
    web_sys::window()?.document()?.document_element()?.get_attribute(CHART_PAGE_ATTRIBUTE)
}
