//! Chart builders: pure functions from the model and the reader's choices to an ECharts option.
//! They never touch the DOM, so `cargo test` checks them natively.

pub mod capacity;
pub mod destinations;
pub mod investment;
pub mod makers;
pub mod nev;
pub mod outlook;
pub mod overtaking;
pub mod policy;
pub mod price_war;
pub mod ranking;
pub mod volkswagen;

/// Every chart's public id, as used by `?embed=` and `data-chart`.
pub const CHART_IDS: &[&str] = &[
    overtaking::CHART_ID,
    nev::CHART_ID,
    destinations::CHART_ID,
    makers::CHART_ID,
    capacity::CHART_ID,
    price_war::CHART_ID,
    investment::CHART_ID,
    volkswagen::CHART_ID,
    policy::CHART_ID,
    outlook::CHART_ID,
];

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

use charming::Chart;
use charming::component::{Axis, Grid, Legend};
use charming::element::{
    AxisLabel, AxisType, ItemStyle, LineStyle, LineStyleType, SplitLine, Symbol, TextStyle, Tooltip, Trigger,
};
use charming::series::{Bar, Line};

use crate::display::Display;
use crate::i18n::Lang;
use crate::model::{Confidence, Series};
use crate::palette::{country_marker, ink, series_colour};

/// The JSON that the ECharts binding receives. (The binding also makes the legend a key rather
/// than a control, which charming cannot say; see `echarts::EChart::replace_option`.)
/// Serialized straight to text: going through `serde_json::Value` would compile a second
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

/// A line chart over years with the story's furniture: axis colours, grid, tooltip and legend.
pub(crate) fn yearly_line_chart(years: &[u16], display: Display) -> Chart {
    let ink = ink(display.theme);
    let categories: Vec<String> = years.iter().map(u16::to_string).collect();
    Chart::new()
        .animation(!display.reduced_motion)
        // On a phone the legend wraps onto two or three rows, so the plot starts lower.
        .grid(Grid::new().left(4).right(16).top(if display.narrow { 92 } else { 56 }).bottom(8).contain_label(true))
        .tooltip(
            // ECharts' own light tooltip stays readable on both themes; charming cannot set its text colour.
            Tooltip::new().trigger(Trigger::Axis),
        )
        .legend(legend(display))
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .boundary_gap(false)
                .data(categories)
                .axis_label(AxisLabel::new().color(ink.muted)),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .axis_label(AxisLabel::new().color(ink.muted))
                .split_line(SplitLine::new().line_style(LineStyle::new().color(ink.grid))),
        )
}

/// One series as a line over `years`, with a gap (not a zero) where a year has no figure.
/// `dashed` marks an alternative count of the same country.
pub(crate) fn yearly_line(series: &Series, years: &[u16], dashed: bool, display: Display) -> Line {
    let lang = display.lang;
    let colour = series_colour(series, display.theme);
    // A low-confidence figure is drawn as a hollow marker, so it reads as uncertain without colour.
    let values: Vec<charming::datatype::DataPoint> = years
        .iter()
        .map(|&y| match series.point(y) {
            Some(p) if p.confidence == Confidence::Low => charming::datatype::DataPointItem::new(p.value)
                .item_style(ItemStyle::new().color(ink(display.theme).background).border_color(colour).border_width(2))
                .into(),
            Some(p) => p.value.into(),
            None => None::<f64>.into(),
        })
        .collect();
    let marker = series.country.map(country_marker).unwrap_or("circle");
    let marker = if dashed { format!("empty{}", capitalise(marker)) } else { marker.to_string() };
    Line::new()
        .id(series.id)
        .name(series.name(lang))
        .data(values)
        .connect_nulls(false)
        .show_symbol(true)
        .symbol(Symbol::Custom(marker))
        .symbol_size(if dashed { 9 } else { 8 })
        .item_style(ItemStyle::new().color(colour))
        .line_style(
            LineStyle::new()
                .color(colour)
                .width(if dashed { 2 } else { 3 })
                .type_(if dashed { LineStyleType::Dashed } else { LineStyleType::Solid }),
        )
}

/// A bar chart over categories; `horizontal` puts the categories down the side (rankings).
pub(crate) fn bar_chart(categories: &[String], horizontal: bool, display: Display) -> Chart {
    let ink = ink(display.theme);
    let category_axis = Axis::new()
        .type_(AxisType::Category)
        .data(categories.to_vec())
        .inverse(horizontal)
        .axis_label(AxisLabel::new().color(ink.muted));
    let value_axis = Axis::new()
        .type_(AxisType::Value)
        .axis_label(AxisLabel::new().color(ink.muted))
        .split_line(SplitLine::new().line_style(LineStyle::new().color(ink.grid)));
    let (x, y) = if horizontal { (value_axis, category_axis) } else { (category_axis, value_axis) };
    Chart::new()
        .animation(!display.reduced_motion)
        .grid(Grid::new().left(4).right(24).top(if display.narrow { 64 } else { 40 }).bottom(8).contain_label(true))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(legend(display))
        .x_axis(x)
        .y_axis(y)
}

/// One bar series; `None` values are gaps. A `pale` bar (partial year, derived figure) is drawn
/// lighter and outlined, so it reads differently without colour.
pub(crate) fn bar_series(id: &str, name: &str, values: Vec<Option<f64>>, pale: Vec<bool>, colour: &str, stack: Option<&str>) -> Bar {
    let data: Vec<charming::datatype::DataPointItem> = values
        .into_iter()
        .zip(pale)
        .map(|(value, pale)| {
            let item = charming::datatype::DataPointItem::new(value);
            if pale {
                item.item_style(ItemStyle::new().color(colour).opacity(0.45).border_color(colour).border_width(1.5).border_type(charming::element::BorderType::Dashed))
            } else {
                item
            }
        })
        .collect();
    let bar = Bar::new().id(id).name(name).data(data).item_style(ItemStyle::new().color(colour));
    match stack {
        Some(stack) => bar.stack(stack),
        None => bar,
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}
