//! The bindings to the browser: ECharts, downloads, the clipboard, the service worker, the
//! messages to a host page, and scroll watching.

pub mod clipboard;
pub mod download;
pub mod echarts;
pub mod frame_messages;
pub mod offline;
pub mod scroll_watch;
