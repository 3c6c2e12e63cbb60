//! What the story says, below any chart or page: the data embedded from `data/` ([`model`]), the
//! registry of chapters and charts ([`registry`]), how figures are written ([`format`]), quoted
//! ([`quote`]), tabled ([`table`]) and cited ([`citation`]), the embed snippet's text, and where the site's files live ([`site`]).

pub mod citation;
pub mod embed_code;
pub mod format;
pub mod model;
pub mod quote;
pub mod registry;
pub mod site;
pub mod table;

/// Text for HTML, in an element or a quoted attribute.
pub fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
