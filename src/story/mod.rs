//! What the story says, below any chart or page: the data embedded from `data/` ([`model`]), the
//! registry of chapters and charts ([`registry`]), how figures are written ([`format`]), quoted
//! ([`quote`]), tabled ([`table`]) and cited ([`citation`]), and the embed snippet's text.

pub mod citation;
pub mod embed_code;
pub mod format;
pub mod model;
pub mod quote;
pub mod registry;
pub mod table;

/// Text for HTML, in an element or a quoted attribute.
pub fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
