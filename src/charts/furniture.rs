//! The furniture every chart shares: line and bar charts with the story's axes, grid, tooltip
//! and legend, their series, marks at categories, and names wrapped to fit.

use crate::charts::option::{Chart, Formatter};
use charming::component::{Axis, Grid};
use charming::element::{
    AxisLabel, AxisType, ItemStyle, Label, LabelAlign, LabelPosition, LineStyle, LineStyleType, MarkLine, MarkLineData, MarkLineVariant,
    SplitLine, Symbol, Tooltip, Trigger,
};
use charming::series::{Bar, Line};

use crate::charts::display::Display;
use crate::charts::palette::{country_marker, ink, series_colour};
use crate::story::format;
use crate::story::model::{Confidence, Series, Unit};

use super::{legend, widest_px};
use crate::charts::palette;

/// A dotted vertical line at one category of a chart's axis: its name, its position among the
/// axis's `count` categories, its label (or none), and how far its label stands above the line's
/// top (0 for the usual place).
pub(crate) struct CategoryMark {
    pub category: String,
    pub index: usize,
    pub label: Option<String>,
    pub raise: f64,
}

/// Dotted vertical lines at categories (a year, a month), each with its label or none.
pub(crate) fn category_marks(marks: &[CategoryMark], count: usize, display: Display) -> MarkLine {
    let ink = ink(display.theme);
    MarkLine::new()
        .silent(true)
        .symbol(vec![Symbol::None, Symbol::None])
        .line_style(LineStyle::new().color(ink.muted).type_(LineStyleType::Dotted))
        .data(
            marks
                .iter()
                .map(|mark| {
                    // A label in the right half ends at its line, one in the left half starts
                    // there, so it never runs off the chart's edge.
                    let late = 2 * mark.index >= count;
                    let label = match &mark.label {
                        Some(text) => {
                            let label = Label::new().formatter(text.as_str()).color(ink.text).align(if late {
                                LabelAlign::Right
                            } else {
                                LabelAlign::Left
                            });
                            if mark.raise > 0.0 { label.distance(mark.raise) } else { label }
                        }
                        None => Label::new().show(false),
                    };
                    MarkLineVariant::Simple(MarkLineData::new().x_axis(mark.category.as_str()).label(label))
                })
                .collect(),
        )
}

/// A line chart over years with the story's furniture: axis colours, grid, tooltip and legend.
/// `end_room` is the width the lines' end labels need past the plot (`end_label_room`).
pub(crate) fn yearly_line_chart(years: &[u16], end_room: f64, display: Display) -> Chart {
    line_chart(years.iter().map(u16::to_string).collect(), None, end_room, display)
}

/// A line chart over any categories (years, months); `label_interval` draws every n+1-th
/// category's name only (months), `None` draws them all.
pub(crate) fn line_chart(categories: Vec<String>, label_interval: Option<f64>, end_room: f64, display: Display) -> Chart {
    line_chart_base(categories, label_interval, None, end_room, display)
}

/// How far below zero the year axis of a drawing surface sits: half an end label's two lines.
const DRAWING_AXIS_OFFSET: f64 = 12.0;

/// A line chart the reader draws on (the guess): its value axis runs from zero to `value_max`
/// whatever is drawn, so a drag always maps to the same scale; the year axis sits a little below
/// zero, so a line drawn down to zero keeps its two-line end label clear of the years; and on a
/// phone the plot starts right below its legend (two names, no marks), for the finger's sake.
pub(crate) fn drawing_surface(categories: Vec<String>, value_max: f64, end_room: f64, display: Display) -> Chart {
    line_chart_base(categories, None, Some(value_max), end_room, display)
}

/// A line chart, or with `drawing_max` a drawing surface (`drawing_surface`).
fn line_chart_base(
    categories: Vec<String>,
    label_interval: Option<f64>,
    drawing_max: Option<f64>,
    end_room: f64,
    display: Display,
) -> Chart {
    let ink = ink(display.theme);
    let mut axis_label = AxisLabel::new().color(ink.muted);
    if let Some(interval) = label_interval {
        axis_label = axis_label.interval(interval);
    }
    Chart::new()
        .animation(!display.reduced_motion)
        // On a phone the legend wraps onto up to four rows (five names at 320 px), so the plot
        // starts lower, below a mark's label on two lines too (two 14 px lines, `option::THEME`).
        .grid(
            Grid::new()
                .left(4)
                .right((end_room + 10.0).ceil())
                .top(if display.narrow && drawing_max.is_none() { 116 } else { 56 })
                .bottom(8)
                .contain_label(true),
        )
        .tooltip(
            // ECharts' own light tooltip stays readable on both themes; charming cannot set its text colour.
            Tooltip::new().trigger(Trigger::Axis),
        )
        .legend(legend(display))
        .x_axis({
            let axis = Axis::new().type_(AxisType::Category).boundary_gap(false).data(categories).axis_label(axis_label);
            if drawing_max.is_some() { axis.offset(DRAWING_AXIS_OFFSET) } else { axis }
        })
        .y_axis({
            let axis = Axis::new()
                .type_(AxisType::Value)
                .axis_label(AxisLabel::new().color(ink.muted).formatter(Formatter::Tick.placeholder()))
                .split_line(SplitLine::new().line_style(LineStyle::new().color(ink.grid)));
            match drawing_max {
                Some(max) => axis.min(0).max(max),
                None => axis,
            }
        })
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
        .name(series_name(&series.name(lang), display))
        .data(values)
        .connect_nulls(false)
        .show_symbol(true)
        .symbol(Symbol::Custom(marker))
        .symbol_size(if dashed { 9 } else { 8 })
        .item_style(ItemStyle::new().color(colour))
        .line_style(LineStyle::new().color(colour).width(if dashed { 2 } else { 3 }).type_(if dashed {
            LineStyleType::Dashed
        } else {
            LineStyleType::Solid
        }))
}

/// A bar chart over categories; `horizontal` puts the categories down the side (rankings, and on a
/// phone any chart whose category names are long). Every category name is drawn (a long one wraps
/// onto more lines instead of being skipped). The bars carry their values (`bar_series`), so a
/// horizontal chart needs no value axis labels and its plot gets their width; a vertical one on a
/// phone has fewer ticks, so they never touch.
/// `value_room` is the width the values past the bars' ends need (`value_room`).
pub(crate) fn bar_chart(categories: &[String], horizontal: bool, value_room: f64, display: Display) -> Chart {
    let ink = ink(display.theme);
    let line_chars = match (horizontal, display.narrow) {
        (true, true) => 13,
        (true, false) => 28,
        // Below a vertical bar: about the bar's width.
        (false, true) => (48 / categories.len().max(1)).clamp(6, 14),
        (false, false) => (96 / categories.len().max(1)).clamp(8, 20),
    };
    let category_axis = Axis::new()
        .type_(AxisType::Category)
        .data(categories.iter().map(|c| wrap_label(c, line_chars)).collect::<Vec<_>>())
        .inverse(horizontal)
        .axis_label(AxisLabel::new().color(ink.muted).interval(0).font_size(if display.narrow { 11 } else { 12 }));
    let value_axis = Axis::new()
        .type_(AxisType::Value)
        .axis_label(AxisLabel::new().color(ink.muted).show(!horizontal).formatter(Formatter::Tick.placeholder()))
        .split_line(SplitLine::new().line_style(LineStyle::new().color(ink.grid)));
    let value_axis = if display.narrow { value_axis.split_number(3) } else { value_axis };
    let (x, y) = if horizontal { (value_axis, category_axis) } else { (category_axis, value_axis) };
    // Room past the bars' ends for their values: "1.16 million", "US$5.93 billion".
    let right = if horizontal { (value_room + 14.0).ceil() } else { 24.0 };
    Chart::new()
        .animation(!display.reduced_motion)
        .grid(Grid::new().left(4).right(right).top(if display.narrow { 64 } else { 40 }).bottom(8).contain_label(true))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(legend(display))
        .x_axis(x)
        .y_axis(y)
}

/// The width, in pixels, of the widest of `values` written as the tooltip writes them (a CJK
/// character counts twice): the room a horizontal bar chart leaves past its bars' ends.
pub(crate) fn value_room(values: &[Option<f64>], unit: Unit, display: Display) -> f64 {
    widest_px(values.iter().flatten().map(|&v| format::readable(display.lang, unit, v)), display)
}

/// Where a bar's value is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ValuePlace {
    /// Past the bar's end: above a vertical bar, right of a horizontal one.
    End { horizontal: bool },
    /// Inside the bar, on a small chip (stacked bars: the next segment sits past the end).
    Inside,
}

/// One bar series; `None` values are gaps. A `pale` bar (partial year, derived figure) is drawn
/// lighter and outlined, so it reads differently without colour. Each bar carries its value,
/// written by the same Rust formatter as the tooltip (`format::readable`, placeholder `@mark`).
#[expect(
    clippy::too_many_arguments,
    reason = "each call names every part of its bars; a struct of them would be written out in full at each call just the same"
)]
pub(crate) fn bar_series(
    id: &str,
    name: &str,
    values: Vec<Option<f64>>,
    pale: Vec<bool>,
    colour: &str,
    stack: Option<&str>,
    place: ValuePlace,
    display: Display,
) -> Bar {
    let ink = ink(display.theme);
    let data: Vec<charming::datatype::DataPointItem> = values
        .into_iter()
        .zip(pale)
        .map(|(value, pale)| {
            let item = charming::datatype::DataPointItem::new(value);
            if pale {
                item.item_style(
                    ItemStyle::new()
                        .color(palette::pale(colour, display.theme))
                        .border_color(colour)
                        .border_width(1.5)
                        .border_type(charming::element::BorderType::Dashed),
                )
            } else {
                item
            }
        })
        .collect();
    let label = Label::new().show(true).font_size(if display.narrow { 11 } else { 12 }).formatter(Formatter::Mark.placeholder());
    let label = match place {
        ValuePlace::End { horizontal } => {
            label.position(if horizontal { LabelPosition::Right } else { LabelPosition::Top }).color(ink.text)
        }
        ValuePlace::Inside => label.position(LabelPosition::Inside).color(ink.text).background_color(ink.background).padding((1, 3, 1, 3)),
    };
    let bar = Bar::new().id(id).name(series_name(name, display)).data(data).item_style(ItemStyle::new().color(colour)).label(label);
    match stack {
        Some(stack) => bar.stack(stack),
        None => bar,
    }
}

/// A series' name as the legend shows it: on a phone a long one takes two lines rather than
/// running off the chart's edge. (The table and the readout read it back without the breaks.)
const LEGEND_LINE_CHARS: usize = 34;

pub(crate) fn series_name(name: &str, display: Display) -> String {
    if display.narrow && name.chars().count() > LEGEND_LINE_CHARS { wrap_label(name, LEGEND_LINE_CHARS) } else { name.to_string() }
}

/// A category name broken onto lines of at most about `width` characters, at spaces (a word
/// longer than that keeps its line), and a part-year note in brackets always on a line of its own.
pub(crate) fn wrap_label(text: &str, width: usize) -> String {
    let (name, note) = match text.rfind(" (").or_else(|| text.rfind('（')) {
        Some(i) => (text[..i].trim_end(), Some(text[i..].trim_start())),
        None => (text, None),
    };
    let mut lines: Vec<String> = Vec::new();
    for word in name.split(' ') {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    if let Some(note) = note {
        lines.push(note.to_string());
    }
    lines.join("\n")
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}
