//! What the reader sees: the page shell, the chapters, the widgets they share, and, at build time,
//! the prerendered pages, the text version and the corrections feed.

pub mod chapters;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod claims;
pub mod failure;
#[cfg(not(target_arch = "wasm32"))]
pub mod manifest;
pub mod page;
#[cfg(not(target_arch = "wasm32"))]
pub mod revisions_feed;
#[cfg(not(target_arch = "wasm32"))]
pub mod static_page;
#[cfg(not(target_arch = "wasm32"))]
pub mod text_version;
pub mod widgets;
