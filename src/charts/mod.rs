//! Chart builders: pure functions from the model and the reader's choices to an ECharts option.
//! They never touch the DOM, so `cargo test` checks them natively.

pub mod capacity;
pub mod destinations;
pub mod display;
pub mod guess;
pub mod investment;
pub mod makers;
pub mod monthly;
pub mod nev;
pub mod option;
pub mod outlook;
pub mod overtaking;
pub mod palette;
pub mod policy;
pub mod price_war;
pub mod ranking;
pub mod volkswagen;

/// Every chart's public id, as used by `?embed=` and `data-chart` (`story::registry`).
pub use crate::story::registry::CHART_IDS;

/// A chart's table in its default view, the figures a reader sees before any choice.
pub fn default_table(id: &str, lang: Lang) -> Option<crate::story::table::Table> {
    Some(match id {
        guess::CHART_ID => guess::table(&Default::default(), lang),
        overtaking::CHART_ID => overtaking::table(&Default::default(), lang),
        monthly::CHART_ID => monthly::table(Default::default(), lang),
        nev::CHART_ID => nev::table(Default::default(), lang),
        destinations::CHART_ID => destinations::table(Default::default(), lang),
        makers::CHART_ID => makers::table(Default::default(), lang),
        capacity::CHART_ID => capacity::table(Default::default(), lang),
        price_war::CHART_ID => price_war::table(Default::default(), lang),
        investment::CHART_ID => investment::table(Default::default(), lang),
        volkswagen::CHART_ID => volkswagen::table(Default::default(), lang),
        policy::CHART_ID => policy::table(&Default::default(), lang),
        outlook::CHART_ID => outlook::table(&Default::default(), lang),
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
        overtaking::CHART_ID => [overtaking::ChinaCount::Caam, overtaking::ChinaCount::Customs, overtaking::ChinaCount::Both]
            .into_iter()
            .map(|count| overtaking::table(&overtaking::OvertakingView { count, ..Default::default() }, lang))
            .collect(),
        monthly::CHART_ID => each(monthly::table, lang),
        nev::CHART_ID => each(nev::table, lang),
        destinations::CHART_ID => each(destinations::table, lang),
        makers::CHART_ID => each(makers::table, lang),
        capacity::CHART_ID => each(capacity::table, lang),
        price_war::CHART_ID => each(price_war::table, lang),
        investment::CHART_ID => each(investment::table, lang),
        volkswagen::CHART_ID => each(volkswagen::table, lang),
        _ => default_table(id, lang).into_iter().collect(),
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

use crate::charts::option::{Chart, Formatter, LineSeries};
use charming::component::{Axis, Grid, Legend};
use charming::element::{
    AxisLabel, AxisType, ItemStyle, Label, LabelAlign, LabelPosition, LineStyle, LineStyleType, MarkLine, MarkLineData, MarkLineVariant,
    SplitLine, Symbol, TextStyle, Tooltip, Trigger,
};
use charming::series::{Bar, Line};

use crate::charts::display::Display;
use crate::charts::palette::{country_marker, ink, series_colour};
use crate::i18n::Lang;
use crate::story::format;
use crate::story::model::{Confidence, Series, Unit};

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

/// A line over `values` (one per category, `None` a gap), named at its end with its last value
/// when it reaches the right edge (`ends_at_the_right`), in the legend's ink; every line of a
/// chart goes through here, so the rule is written once.
pub(crate) fn end_labelled(line: Line, values: &[Option<f64>], display: Display) -> LineSeries {
    let line = LineSeries::new(line);
    match values.iter().rposition(Option::is_some) {
        Some(last) if ends_at_the_right(last, values.len()) => {
            line.end_label(if display.narrow { 11 } else { 12 }, ink(display.theme).text)
        }
        _ => line,
    }
}

/// The room, in pixels, right of the plot for the lines' end labels: `ends` are each line's
/// name and last value.
pub(crate) fn end_label_room(ends: &[(String, Option<f64>)], unit: Unit, display: Display) -> f64 {
    widest_px(ends.iter().map(|(name, value)| end_label(display.lang, unit, name, *value, display.narrow)), display)
}

/// The width, in pixels, of the widest line of `texts` in a chart's label font: an estimate from
/// their characters (a CJK character counts twice), as ECharts does not place these labels itself.
fn widest_px(texts: impl Iterator<Item = String>, display: Display) -> f64 {
    let char_px = if display.narrow { 6.8 } else { 7.4 };
    let width = |line: &str| line.chars().map(|c| if u32::from(c) >= 0x2E80 { 2.0 } else { 1.0 }).sum::<f64>();
    texts.flat_map(|text| text.lines().map(width).collect::<Vec<_>>()).fold(0.0, f64::max) * char_px
}

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
        // On a phone the legend wraps onto two or three rows, so the plot starts lower, below a
        // mark's label on two lines too.
        .grid(
            Grid::new()
                .left(4)
                .right((end_room + 10.0).ceil())
                .top(if display.narrow && drawing_max.is_none() { 100 } else { 56 })
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

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::charts::display::Display;

    fn option(chart: Chart) -> Value {
        serde_json::from_str(&to_json(&chart)).unwrap()
    }

    #[test]
    fn long_names_wrap_at_spaces_and_a_part_year_note_gets_its_own_line() {
        assert_eq!(wrap_label("United Kingdom (January–September)", 16), "United Kingdom\n(January–September)");
        assert_eq!(wrap_label("Outbound investment of Chinese carmakers", 16), "Outbound\ninvestment of\nChinese\ncarmakers");
        assert_eq!(wrap_label("Russia", 16), "Russia");
        assert_eq!(wrap_label("SAIC (incl. MG) (January–September)", 16), "SAIC (incl. MG)\n(January–September)");
        assert_eq!(wrap_label("比亚迪（1–9月）", 16), "比亚迪\n（1–9月）");
    }

    #[test]
    fn a_line_ends_with_its_name_and_last_value_wrapped_short_on_a_phone() {
        let wide = end_label(Lang::En, Unit::Vehicles, "Germany (VDA)", Some(3_400_000.0), false);
        assert_eq!(wide, "Germany (VDA)\n3.4 million");
        let phone = end_label(Lang::De, Unit::Vehicles, "Deutschland (VDA/Destatis)", Some(3_400_000.0), true);
        assert_eq!(phone, "3,4 Mio.");
        assert!(ends_at_the_right(10, 11) && ends_at_the_right(9, 11) && !ends_at_the_right(6, 12));
        assert_eq!(end_label(Lang::En, Unit::Vehicles, "Forecast", None, true), "Forecast");
        // The chart leaves room for the widest line of them.
        let ends = [("China (CAAM)".to_string(), Some(7_098_000.0))];
        assert!(end_label_room(&ends, Unit::Vehicles, Display::default()) >= 12.0 * 7.0);
        let o = option(overtaking::chart(&overtaking::OvertakingView::default(), None, Display::default()));
        assert!(o["grid"][0]["right"].as_f64().unwrap() >= 90.0, "{}", o["grid"]);
    }

    #[test]
    fn every_bar_carries_its_value_and_every_category_is_drawn() {
        for chart_of in [
            |d| nev::chart(nev::NevView::Vehicles, d),
            |d| nev::chart(nev::NevView::Share, d),
            |d| capacity::chart(capacity::CapacityView::Year2024, d),
            |d| destinations::chart(destinations::MarketsView::Year2025, d),
            |d| makers::chart(makers::MakersView::default(), d),
            |d| price_war::chart(price_war::PriceWarView::default(), d),
            |d| investment::chart(investment::InvestmentView::AbroadVsHome, d),
            |d| investment::chart(investment::InvestmentView::Batteries, d),
            |d| volkswagen::chart(volkswagen::GermanyView::default(), d),
        ] as [fn(Display) -> Chart; 9]
        {
            for narrow in [false, true] {
                let o = option(chart_of(Display { narrow, ..Display::default() }));
                for series in o["series"].as_array().unwrap() {
                    assert_eq!(series["label"]["show"], true, "{}", series["id"]);
                    // The words come from the Rust formatter, as in the tooltip.
                    assert_eq!(series["label"]["formatter"], "@mark", "{}", series["id"]);
                }
                let category_axis = if o["yAxis"]["type"] == "category" { &o["yAxis"] } else { &o["xAxis"] };
                assert_eq!(category_axis["axisLabel"]["interval"], 0.0, "{}", o["series"][0]["id"]);
            }
        }
    }

    #[test]
    fn on_a_phone_bars_run_sideways_with_their_values_at_the_ends_and_no_value_ticks() {
        let o = option(capacity::chart(capacity::CapacityView::Year2024, Display { narrow: true, ..Display::default() }));
        assert_eq!(o["yAxis"]["type"], "category");
        assert_eq!(o["series"][0]["label"]["position"], "right");
        assert_eq!(o["xAxis"]["axisLabel"]["show"], false);
        let wide = option(capacity::chart(capacity::CapacityView::Year2024, Display::default()));
        assert_eq!(wide["xAxis"]["type"], "category");
        assert_eq!(wide["series"][0]["label"]["position"], "top");
        // Stacked on a wide screen (values inside the parts), side by side on a phone.
        let stacked = option(nev::chart(nev::NevView::Vehicles, Display::default()));
        assert_eq!(stacked["series"][0]["stack"], "exports");
        assert_eq!(stacked["series"][0]["label"]["position"], "inside");
        let phone = option(nev::chart(nev::NevView::Vehicles, Display { narrow: true, ..Display::default() }));
        assert!(phone["series"][0]["stack"].is_null());
        assert_eq!(phone["series"][1]["label"]["position"], "right");
    }

    /// Every option the story draws (each chart's default view, in each language, in both
    /// layouts) names its formatters by known placeholders only, and carries them where ECharts
    /// calls them: a value axis' ticks, a time axis' ticks, the tooltip, and the end of every
    /// line that reaches the right edge (and of no other line).
    #[test]
    fn every_option_names_known_formatters_where_they_belong() {
        fn walk(value: &Value, path: &str, found: &mut Vec<(String, String)>) {
            match value {
                Value::Object(map) => {
                    for (key, v) in map {
                        match v.as_str() {
                            Some(text) if key == "formatter" && text.starts_with('@') => found.push((path.to_string(), text.to_string())),
                            _ => walk(v, &format!("{path}.{key}"), found),
                        }
                    }
                }
                Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| walk(v, &format!("{path}[{i}]"), found)),
                _ => {}
            }
        }
        let list = |v: &Value| match v {
            Value::Array(items) => items.clone(),
            Value::Null => Vec::new(),
            one => vec![one.clone()],
        };
        let value_of = |item: &Value| if item.is_object() { item["value"].clone() } else { item.clone() };
        for lang in Lang::ALL {
            for picture in crate::ui::static_page::story(lang).1.iter().filter(|p| p.key.ends_with("/narrow") || p.key.ends_with("/wide")) {
                let o: Value = serde_json::from_str(&picture.light).unwrap();
                let mut found = Vec::new();
                walk(&o, "", &mut found);
                for (path, placeholder) in &found {
                    assert!(option::Formatter::from_placeholder(placeholder).is_some(), "{}: {path} names {placeholder}", picture.key);
                }
                assert_eq!(o["tooltip"]["formatter"], "@tooltip", "{}", picture.key);
                for axis in list(&o["xAxis"]).iter().chain(&list(&o["yAxis"])) {
                    let expected = match axis["type"].as_str() {
                        Some("value") => Some("@tick"),
                        Some("time") => Some("@time"),
                        _ => None,
                    };
                    assert_eq!(axis["axisLabel"]["formatter"].as_str(), expected, "{}: {axis}", picture.key);
                }
                let categories = list(&o["xAxis"])[0]["data"].as_array().map_or(0, Vec::len);
                for series in list(&o["series"]).iter().filter(|s| s["type"] == "line") {
                    let last = series["data"].as_array().unwrap().iter().rposition(|item| !value_of(item).is_null());
                    let ends = last.is_some_and(|last| ends_at_the_right(last, categories));
                    assert_eq!(series["endLabel"]["formatter"].as_str(), ends.then_some("@end"), "{}: {}", picture.key, series["id"]);
                }
            }
        }
    }
}
