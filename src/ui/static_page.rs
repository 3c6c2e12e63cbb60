//! The prerendered story: at build time the page's own components render natively to HTML in the
//! default view, in every language, and each chart frame records the ECharts option it would draw,
//! so the build can draw every chart as a picture (`prerender/draw-charts.mjs`). The reader gets a
//! finished page before any script runs; the app brings each chapter to life where the reader is.

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use leptos::prelude::*;

use crate::charts::display::{Display, Theme};
use crate::i18n::Lang;
use crate::state::app_state::AppState;
use crate::state::url_state::{Embed, UrlState};
use crate::story::model::Unit;
use crate::ui::widgets::chart_frame::{DrawnChart, StaticPage};

/// Effects are for the browser: at build time they are dropped unrun, so nothing reaches for a
/// window that is not there.
struct NoEffects;

impl CustomExecutor for NoEffects {
    fn spawn(&self, _: PinnedFuture<()>) {}
    fn spawn_local(&self, _: PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// Renders `view` natively to HTML with the page's contexts for `lang` and `display`, and returns
/// the HTML with the charts its frames recorded.
pub fn render<V: IntoView + 'static>(lang: Lang, display: Display, url: &UrlState, view: impl FnOnce() -> V) -> (String, Vec<DrawnChart>) {
    // Already set on a second call: that is fine, it is the same executor.
    let _ = Executor::init_local_custom_executor(NoEffects);
    let owner = Owner::new();
    // Rendering reads each signal once, outside any effect, on purpose: no warnings for that.
    let _quiet = leptos::reactive::diagnostics::SpecialNonReactiveZone::enter();
    owner.with(|| {
        let page = StaticPage::default();
        provide_context(lang);
        provide_context(page.clone());
        provide_context(AppState::new(url));
        provide_context(Signal::stored(display));
        let html = without_markers(&view().into_view().to_html());
        (html, page.charts())
    })
}

/// The renderer marks the places where a live page would update text (`<!>`); a page that is not
/// hydrated has no use for them, and HTML checkers read them as bogus comments.
pub fn without_markers(html: &str) -> String {
    html.replace("<!>", "")
}

/// The sizes each chart is drawn at, so its text keeps its size: the reader's screen picks one
/// (`style/main.css`): a phone up to 520 px wide (the live chart's narrow layout, `src/state/display.rs`),
/// a tablet or the story's side-by-side column, and a desktop's full-width frame from 1000 px.
pub const SIZES: [(&str, bool, u32, u32); 3] = [("narrow", true, 340, 340), ("wide", false, 620, 420), ("desktop", false, 1040, 420)];

/// One picture for the build to draw: a chart's default view at one size, in light and dark.
pub struct Picture {
    /// Unique on the page: `<chart id>/<size>`.
    pub key: String,
    pub chart: &'static str,
    pub width: u32,
    pub height: u32,
    /// Drawn with the phone layout (`Display::narrow`), whose lines end with their values alone.
    pub narrow: bool,
    pub unit: Unit,
    pub light: String,
    pub dark: String,
    pub description: String,
    pub title: &'static str,
    pub subtitle: &'static str,
}

impl Picture {
    /// A chart as rendered in light and dark, at one size: (width, height, phone layout).
    fn drawn(key: String, (width, height, narrow): (u32, u32, bool), light: &DrawnChart, dark: &DrawnChart) -> Self {
        Picture {
            key,
            chart: light.id,
            width,
            height,
            narrow,
            unit: light.unit,
            light: light.option.clone(),
            dark: dark.option.clone(),
            description: light.description.clone(),
            title: light.title,
            subtitle: light.subtitle,
        }
    }
}

/// The story in `lang`, as its `<main>` in the default view, and the pictures of its charts.
pub fn story(lang: Lang) -> (String, Vec<Picture>) {
    let display = |narrow, theme| Display { theme, reduced_motion: true, narrow, lang };
    let story = |narrow, theme| {
        render(lang, display(narrow, theme), &UrlState::default(), move || crate::ui::page::page(None, lang, RwSignal::new(false)))
    };
    // One render per layout and theme: the sizes that share a layout share its options.
    let (html, wide_light) = story(false, Theme::Light);
    let (_, wide_dark) = story(false, Theme::Dark);
    let (_, narrow_light) = story(true, Theme::Light);
    let (_, narrow_dark) = story(true, Theme::Dark);
    let mut pictures = Vec::new();
    for (size, narrow, width, height) in SIZES {
        let (light, dark) = if narrow { (&narrow_light, &narrow_dark) } else { (&wide_light, &wide_dark) };
        assert_eq!(light.len(), dark.len(), "the same charts in light and dark");
        for (light, dark) in light.iter().zip(dark) {
            pictures.push(Picture::drawn(format!("{}/{size}", light.id), (width, height, narrow), light, dark));
        }
    }
    (html, pictures)
}

/// One chart in one of its views (`view`, `crate::state::shared_views`) at every size, in light
/// and dark, as the chart's embed renders it in that view: for the first paint to show when a
/// control reaches the view, and (its desktop picture) for the view's share card.
pub fn view_pictures(lang: Lang, chart_id: &'static str, view: &UrlState) -> Option<Vec<Picture>> {
    let url = UrlState { embed: Some(Embed::Chart(chart_id)), ..view.clone() };
    let drawn = |narrow, theme| {
        let display = Display { lang, theme, reduced_motion: true, narrow };
        let page = render(lang, display, &url, move || crate::ui::page::page(Some(Embed::Chart(chart_id)), lang, RwSignal::new(false)));
        page.1.into_iter().find(|c| c.id == chart_id)
    };
    let (wide_light, wide_dark) = (drawn(false, Theme::Light)?, drawn(false, Theme::Dark)?);
    let (narrow_light, narrow_dark) = (drawn(true, Theme::Light)?, drawn(true, Theme::Dark)?);
    let view_key = crate::state::shared_views::view_key(view);
    Some(
        SIZES
            .iter()
            .map(|&(size, narrow, width, height)| {
                let (light, dark) = if narrow { (&narrow_light, &narrow_dark) } else { (&wide_light, &wide_dark) };
                let key = match &view_key {
                    Some(view) => format!("{chart_id}/{view}/{size}"),
                    None => format!("{chart_id}/{size}"),
                };
                Picture::drawn(key, (width, height, narrow), light, dark)
            })
            .collect(),
    )
}

/// One chart's embed page in `lang` (`?embed=<chart-id>`), as its `<main>`; its picture is the
/// story's.
pub fn embed(lang: Lang, chart_id: &'static str) -> String {
    let display = Display { lang, ..Display::default() };
    let url = UrlState { embed: Some(Embed::Chart(chart_id)), ..UrlState::default() };
    render(lang, display, &url, move || crate::ui::page::page(Some(Embed::Chart(chart_id)), lang, RwSignal::new(false))).0
}

/// A tick label for the pictures, as the live chart's formatters write it (`src/web/echarts.rs`):
/// `kind` is "tick" (a number in `unit`), "mark" (a value written on its bar, as the tooltip
/// writes it) or "time" (milliseconds since 1970, UTC).
pub fn axis_label(lang: Lang, unit: Unit, kind: &str, value: f64) -> String {
    match kind {
        "time" => {
            let (year, month) = year_month(value);
            crate::story::format::time_tick(lang, year, month)
        }
        // A value written on its mark, as the tooltip writes it.
        "mark" => crate::story::format::readable(lang, unit, value),
        _ => crate::story::format::tick(lang, unit, value),
    }
}

/// The UTC year and month of a time in milliseconds since 1970.
fn year_month(ms: f64) -> (i32, u32) {
    let days = (ms / 86_400_000.0).floor() as i64;
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as i32, month as u32)
}

/// The unit whose id is `id` (as `Unit::id` writes it).
pub fn unit_from_id(id: &str) -> Option<Unit> {
    [Unit::Vehicles, Unit::UsdBn, Unit::Percent, Unit::Models].into_iter().find(|u| u.id() == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_story_is_prerendered_with_every_chart_recorded_once_per_size() {
        let (html, pictures) = story(Lang::En);
        for crate::story::registry::Chapter { id, charts, .. } in crate::story::registry::CHAPTERS {
            assert!(html.contains(&format!("<section id=\"{id}\"")), "chapter {id} missing");
            for chart in *charts {
                assert!(html.contains(&format!("data-chart=\"{chart}\"")), "chart {chart} missing");
                for (size, ..) in SIZES {
                    assert_eq!(pictures.iter().filter(|p| p.key == format!("{chart}/{size}")).count(), 1);
                }
            }
        }
        assert!(!html.contains("<!>"), "no renderer markers");
        assert!(!html.contains(" style="), "no style attribute under the page's policy");
        assert!(html.contains("class=\"chart-canvas\""), "a place for each picture");
        assert!(!html.contains("<details open class=\"chart-table\">"), "tables are folded as on the live page");
        let first = &pictures[0];
        assert_ne!(first.light, first.dark, "dark has its own colours");
        assert!(first.light.contains("\"series\""));
    }

    #[test]
    fn an_embed_page_holds_its_chart_alone_with_a_credit() {
        let html = embed(Lang::Nl, "price-war");
        assert!(html.starts_with("<main class=\"embed-chart\""));
        assert_eq!(html.matches("data-chart=").count(), 1);
        assert!(html.contains("data-chart=\"price-war\""));
        assert!(html.contains("class=\"credit\"") && html.contains("href=\"nl.html\""));
        assert!(!html.contains("<!>") && !html.contains(" style="));
    }

    #[test]
    fn the_narrow_picture_uses_the_narrow_layout() {
        let (_, pictures) = story(Lang::De);
        let narrow = pictures.iter().find(|p| p.key == "exports-vs-peers/narrow").unwrap();
        let wide = pictures.iter().find(|p| p.key == "exports-vs-peers/wide").unwrap();
        assert_ne!(narrow.light, wide.light);
        assert!(narrow.description.contains("China"));
    }

    #[test]
    fn axis_labels_match_the_live_formatters() {
        assert_eq!(
            axis_label(Lang::En, Unit::Vehicles, "tick", 2_000_000.0),
            crate::story::format::tick(Lang::En, Unit::Vehicles, 2_000_000.0)
        );
        assert_eq!(axis_label(Lang::De, Unit::Vehicles, "mark", 4_910_000.0), "4,91 Mio.");
        // 1 March 2024, 00:00 UTC.
        assert_eq!(year_month(1_709_251_200_000.0), (2024, 3));
        assert_eq!(year_month(0.0), (1970, 1));
        assert_eq!(axis_label(Lang::En, Unit::Percent, "time", 1_704_067_200_000.0), "2024");
        assert_eq!(unit_from_id("US$ billion"), Some(Unit::UsdBn));
    }
}
