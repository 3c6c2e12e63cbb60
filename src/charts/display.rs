//! How a chart is drawn: light or dark, with or without motion, at a phone's width or wider, in
//! the reader's language. The builders take it as a plain value (`state::display` follows the
//! reader's settings live).

use crate::i18n::Lang;

/// The widest viewport, in CSS pixels, drawn with the phone layout (`Display::narrow`); the
/// stylesheet's phone rules use the same width (checked by `ui::manifest`).
pub const PHONE_MAX_WIDTH: u32 = 520;

/// The narrowest viewport, in CSS pixels, where a chart's frame spans the page's full width.
pub const WIDE_MIN_WIDTH: u32 = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Display {
    pub theme: Theme,
    pub reduced_motion: bool,
    /// A phone-sized viewport: charts make room for a legend that wraps.
    pub narrow: bool,
    /// The reader's language: chart labels, tooltips and ticks follow it.
    pub lang: Lang,
}
