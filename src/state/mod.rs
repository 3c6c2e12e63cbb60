//! The reader's view: the choices of every chart ([`app_state`]), as the address carries them
//! ([`url_state`]), which views have share pages of their own ([`shared_views`]), and how the
//! page is shown ([`display`]).

pub mod app_state;
pub mod display;
pub mod shared_views;
pub mod url_state;

use leptos::prelude::RwSignal;

/// Incremented each time a chapter goes live: whatever watches chapter elements (the contents)
/// looks them up again, since the live section replaces the prerendered one.
#[derive(Clone, Copy)]
pub struct LiveChapters(pub RwSignal<u32>);
