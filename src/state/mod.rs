//! The reader's view: the choices of every chart ([`app_state`]), as the address carries them
//! ([`url_state`]), and how the page is shown ([`display`]).

pub mod app_state;
pub mod display;
pub mod url_state;
