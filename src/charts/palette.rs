//! The story's colours. A country keeps its colour and its marker in every chart, and the marker
//! and dash pattern carry the meaning too, so colour is never the only cue.

use crate::charts::display::Theme;
use crate::story::model::{Country, Series};

/// Colours for the chart furniture around the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ink {
    pub text: &'static str,
    pub muted: &'static str,
    pub grid: &'static str,
    /// The chart's surface, for hollow markers.
    pub background: &'static str,
}

pub fn ink(theme: Theme) -> Ink {
    match theme {
        Theme::Light => Ink { text: "#1b1b1f", muted: "#55565d", grid: "#e2e2e6", background: "#ffffff" },
        Theme::Dark => Ink { text: "#ececf0", muted: "#b4b5bc", grid: "#34353c", background: "#1b1c20" },
    }
}

/// The country's colour; each has at least 3:1 contrast against the page background.
pub fn country_colour(country: Country, theme: Theme) -> &'static str {
    match (country, theme) {
        (Country::China, Theme::Light) => "#c8102e",
        (Country::China, Theme::Dark) => "#ff6b6b",
        (Country::Japan, Theme::Light) => "#1f5fbf",
        (Country::Japan, Theme::Dark) => "#7fb0ff",
        (Country::Germany, Theme::Light) => "#9a6700",
        (Country::Germany, Theme::Dark) => "#f2b84b",
        (Country::Korea, Theme::Light) => "#00796b",
        (Country::Korea, Theme::Dark) => "#4fd1c0",
    }
}

/// Colours for series that are not countries (markets, makers, measures), in a fixed order.
pub fn category_colour(index: usize, theme: Theme) -> &'static str {
    const LIGHT: [&str; 5] = ["#5b4db3", "#b3541e", "#2e7d32", "#7a4d8c", "#0b6e99"];
    const DARK: [&str; 5] = ["#b3a6ff", "#ffab73", "#8ad18e", "#d7a6ea", "#6cc7f0"];
    match theme {
        Theme::Light => LIGHT[index % LIGHT.len()],
        Theme::Dark => DARK[index % DARK.len()],
    }
}

/// A series' colour: its country's, or the first category colour.
pub fn series_colour(series: &Series, theme: Theme) -> &'static str {
    series.country.map(|c| country_colour(c, theme)).unwrap_or_else(|| category_colour(0, theme))
}

/// The ECharts marker name of the country's points.
/// A pale version of `colour` (a partial-year or derived bar): 45% of it over the chart surface.
/// Mixed here rather than drawn with opacity, which would also fade the value written on the bar.
pub fn pale(colour: &str, theme: Theme) -> String {
    let background = ink(theme).background;
    let channel = |hex: &str, i: usize| f64::from(u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0));
    let mixed: String =
        [1, 3, 5].iter().map(|&i| format!("{:02x}", (0.45 * channel(colour, i) + 0.55 * channel(background, i)).round() as u8)).collect();
    format!("#{mixed}")
}

pub fn country_marker(country: Country) -> &'static str {
    match country {
        Country::China => "circle",
        Country::Japan => "rect",
        Country::Germany => "triangle",
        Country::Korea => "diamond",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2 relative luminance of "#rrggbb".
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn pale_bars_are_their_colour_over_the_surface() {
        assert_eq!(pale("#000000", Theme::Light), "#8c8c8c");
        assert_eq!(pale("#ffffff", Theme::Light), "#ffffff");
    }

    #[test]
    fn marks_have_3_to_1_and_text_4_5_to_1_against_the_chart_surface_in_both_themes() {
        for theme in [Theme::Light, Theme::Dark] {
            let ink = ink(theme);
            assert!(contrast(ink.text, ink.background) >= 4.5, "{theme:?} text");
            assert!(contrast(ink.muted, ink.background) >= 4.5, "{theme:?} muted text");
            for country in [Country::China, Country::Japan, Country::Germany, Country::Korea] {
                let c = contrast(country_colour(country, theme), ink.background);
                assert!(c >= 3.0, "{theme:?} {country:?}: {c:.2}");
            }
            for i in 0..5 {
                let c = contrast(category_colour(i, theme), ink.background);
                assert!(c >= 3.0, "{theme:?} category {i}: {c:.2}");
            }
        }
    }
}
