//! Chart builders: pure functions from the model and the reader's choices to an ECharts option.
//! They never touch the DOM, so `cargo test` checks them natively.

pub mod capacity_vs_output;
pub mod display;
pub mod export_destinations;
pub mod exports_by_maker;
pub mod exports_by_month;
pub mod exports_vs_peers;
mod furniture;
pub mod germany_in_china;
pub mod guess_exports;
pub mod investment_abroad;
pub mod nev_share;
pub mod option;
pub mod outlook_explorer;
pub mod palette;
pub mod policy_timeline;
pub mod price_war;
pub mod ranking;

/// Every chart's public id, as used by `?embed=` and `data-chart` (`story::registry`).
pub use crate::story::registry::CHART_IDS;

/// A chart in its default view, the figures a reader sees before any choice: its table and its
/// text alternative (what its first picture shows).
pub fn default_view(id: &str, lang: Lang) -> Option<(crate::story::table::Table, String)> {
    fn both<V>(
        view: V,
        table: impl Fn(&V, Lang) -> crate::story::table::Table,
        description: impl Fn(&V, Lang) -> String,
        lang: Lang,
    ) -> (crate::story::table::Table, String) {
        (table(&view, lang), description(&view, lang))
    }
    Some(match id {
        guess_exports::CHART_ID => both(Default::default(), guess_exports::table, guess_exports::description, lang),
        exports_vs_peers::CHART_ID => both(Default::default(), exports_vs_peers::table, exports_vs_peers::description, lang),
        exports_by_month::CHART_ID => {
            both(Default::default(), |v, l| exports_by_month::table(*v, l), |v, l| exports_by_month::description(*v, l), lang)
        }
        nev_share::CHART_ID => both(Default::default(), |v, l| nev_share::table(*v, l), |v, l| nev_share::description(*v, l), lang),
        export_destinations::CHART_ID => {
            both(Default::default(), |v, l| export_destinations::table(*v, l), |v, l| export_destinations::description(*v, l), lang)
        }
        exports_by_maker::CHART_ID => {
            both(Default::default(), |v, l| exports_by_maker::table(*v, l), |v, l| exports_by_maker::description(*v, l), lang)
        }
        capacity_vs_output::CHART_ID => {
            both(Default::default(), |v, l| capacity_vs_output::table(*v, l), |v, l| capacity_vs_output::description(*v, l), lang)
        }
        price_war::CHART_ID => both(Default::default(), |v, l| price_war::table(*v, l), |v, l| price_war::description(*v, l), lang),
        investment_abroad::CHART_ID => {
            both(Default::default(), |v, l| investment_abroad::table(*v, l), |v, l| investment_abroad::description(*v, l), lang)
        }
        germany_in_china::CHART_ID => {
            both(Default::default(), |v, l| germany_in_china::table(*v, l), |v, l| germany_in_china::description(*v, l), lang)
        }
        policy_timeline::CHART_ID => both(Default::default(), policy_timeline::table, policy_timeline::description, lang),
        outlook_explorer::CHART_ID => both(Default::default(), outlook_explorer::table, outlook_explorer::description, lang),
        _ => return None,
    })
}

/// A chart's tables in each of its views that a choice reaches (the default first): every figure
/// the chart can show. The guess, the timeline's filters and the explorer's sliders add no figure
/// of the data, so those charts have their default table only.
pub fn view_tables(id: &str, lang: Lang) -> Vec<crate::story::table::Table> {
    fn each<V: Choice>(table: impl Fn(V, Lang) -> crate::story::table::Table, lang: Lang) -> Vec<crate::story::table::Table> {
        V::ALL.iter().map(|(view, _)| table(*view, lang)).collect()
    }
    match id {
        exports_vs_peers::CHART_ID => {
            [exports_vs_peers::ChinaCount::Caam, exports_vs_peers::ChinaCount::Customs, exports_vs_peers::ChinaCount::Both]
                .into_iter()
                .map(|count| exports_vs_peers::table(&exports_vs_peers::OvertakingView { count, ..Default::default() }, lang))
                .collect()
        }
        exports_by_month::CHART_ID => each(exports_by_month::table, lang),
        nev_share::CHART_ID => each(nev_share::table, lang),
        export_destinations::CHART_ID => each(export_destinations::table, lang),
        exports_by_maker::CHART_ID => each(exports_by_maker::table, lang),
        capacity_vs_output::CHART_ID => each(capacity_vs_output::table, lang),
        price_war::CHART_ID => each(price_war::table, lang),
        investment_abroad::CHART_ID => each(investment_abroad::table, lang),
        germany_in_china::CHART_ID => each(germany_in_china::table, lang),
        _ => default_view(id, lang).map(|(table, _)| table).into_iter().collect(),
    }
}

/// A one-of choice that changes a chart: its values, their URL ids and their labels.
pub trait Choice: Copy + PartialEq + Eq + Default + Send + Sync + std::fmt::Debug + 'static {
    /// (value, id in the URL), the default first.
    const ALL: &'static [(Self, &'static str)];

    /// The label on the control, in the reader's language.
    fn label(self, lang: Lang) -> &'static str;

    fn id(self) -> &'static str {
        Self::ALL.iter().find(|(v, _)| *v == self).map(|(_, id)| *id).unwrap_or_default()
    }

    fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().find(|(_, i)| *i == id).map(|(v, _)| *v)
    }
}

pub(crate) use furniture::*;

use crate::charts::option::{Chart, LineSeries};
use charming::component::Legend;
use charming::element::TextStyle;
use charming::series::Line;

use crate::charts::display::Display;
use crate::charts::palette::ink;
use crate::i18n::Lang;
use crate::story::format;
use crate::story::model::Unit;

/// The JSON that the ECharts binding and the build's picture renderer receive, complete but for
/// its formatters' placeholders (`option::Formatter`). Serialized straight to text: going through `serde_json::Value` would compile a second
/// serializer for every charming type into the wasm.
pub fn to_json(chart: &Chart) -> String {
    serde_json::to_string(chart).expect("a charming Chart always serializes")
}

/// The legend every chart has: a key at the top left, tighter on a phone.
pub(crate) fn legend(display: Display) -> Legend {
    Legend::new()
        .top(0)
        .left(0)
        .item_gap(if display.narrow { 8 } else { 16 })
        .text_style(TextStyle::new().color(ink(display.theme).text).font_size(if display.narrow { 11 } else { 12 }))
}

/// The words at the end of a line: its series' name over its last value ("China (CAAM)" /
/// "7.1 million"). On a phone, where names at the ends would leave the plot no width, the value
/// alone (the legend names the lines). The page's ECharts binding and the pictures' renderer
/// (through `prerender labels`) label every line that reaches the last two years with this
/// (`ends_at_the_right`); a line ending mid-chart is named by the legend only.
pub fn end_label(lang: Lang, unit: Unit, name: &str, value: Option<f64>, narrow: bool) -> String {
    match value {
        Some(v) if narrow => format::readable(lang, unit, v),
        Some(v) => format!("{name}\n{}", format::readable(lang, unit, v)),
        None => name.to_string(),
    }
}

/// Whether a line whose last figure is at `last_index` of `years` categories gets an end label.
pub fn ends_at_the_right(last_index: usize, years: usize) -> bool {
    last_index + 2 >= years
}

/// The last value of a line over `values` (one per category, `None` a gap) when the line reaches
/// the right edge (`ends_at_the_right`) and so is named there; `None` when it ends mid-chart.
fn end_value(values: &[Option<f64>]) -> Option<Option<f64>> {
    values.iter().rposition(Option::is_some).filter(|&last| ends_at_the_right(last, values.len())).map(|last| values[last])
}

/// A line over `values`, named at its end with its last value when it reaches the right edge, in
/// the legend's ink. Every line of a chart goes through here, and the room for the labels is
/// measured by the same rule (`end_label_room`).
pub(crate) fn end_labelled(line: Line, values: &[Option<f64>], display: Display) -> LineSeries {
    let line = LineSeries::new(line);
    match end_value(values) {
        Some(_) => line.end_label(if display.narrow { 11 } else { 12 }, ink(display.theme).text),
        None => line,
    }
}

/// The room, in pixels, right of the plot for the end labels of `lines` (each line's name and its
/// values over the categories): only the lines that reach the right edge are labelled.
pub(crate) fn end_label_room(lines: &[(String, &[Option<f64>])], unit: Unit, display: Display) -> f64 {
    let labels = lines.iter().filter_map(|(name, values)| end_value(values).map(|value| (name, value)));
    widest_px(labels.map(|(name, value)| end_label(display.lang, unit, name, value, display.narrow)), display)
}

/// The width, in pixels, of the widest line of `texts` in a chart's label font: an estimate from
/// their characters (a CJK character counts twice), as ECharts does not place these labels itself.
fn widest_px(texts: impl Iterator<Item = String>, display: Display) -> f64 {
    let char_px = if display.narrow { 6.8 } else { 7.4 };
    let width = |line: &str| line.chars().map(|c| if u32::from(c) >= 0x2E80 { 2.0 } else { 1.0 }).sum::<f64>();
    texts.flat_map(|text| text.lines().map(width).collect::<Vec<_>>()).fold(0.0, f64::max) * char_px
}

#[cfg(test)]
mod tests;
