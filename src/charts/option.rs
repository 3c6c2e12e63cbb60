//! The ECharts option the chart builders produce: the parts of `charming::Chart` this story uses.
//!
//! charming's own `Chart` has a field for every ECharts component (3D axes, radar, calendar,
//! toolbox, data zoom, ...) and a `Series` enum of every series type, so serializing it compiles a
//! serializer for all of them into the wasm, though no chart here has them (BENCHMARKS.md, "Where
//! the wasm's bytes go"). This type keeps charming's components, series and builder methods and serializes
//! to the same JSON, field for field, with only what the charts use.
//!
//! It also says what charming cannot, so the option is complete here and the live chart and the
//! build's picture take the same one: the legend is a key (`selectedMode: false`), bars of two or
//! more series carry ECharts' decals, a line that reaches the right edge is named at its end
//! (`endLabel`, `labelLayout`), and the tooltip has our class. Formatters, which JSON cannot
//! carry, are named placeholders ([`Formatter`]); the live binding (`echarts.rs`) and the picture
//! renderer (`prerender/draw-charts.mjs`) each put their function in the placeholder's place.

use charming::component::{Axis, Grid, Legend};
use charming::element::{Color, Tooltip};
use charming::series::{Bar, Line, Scatter};
use serde::{Serialize, Serializer};

/// The formatters an option names by placeholder, in place of a function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Formatter {
    /// A value axis' tick: "4m".
    Tick,
    /// A time axis' tick: a month in the reader's language.
    Time,
    /// A value written on its mark, as the tooltip writes it: "4.91 million".
    Mark,
    /// A line's end label (`charts::end_label`): its name over its last value.
    End,
    /// The tooltip's markup (`echarts::tooltip_markup`).
    Tooltip,
}

impl Formatter {
    pub const ALL: [Formatter; 5] = [Self::Tick, Self::Time, Self::Mark, Self::End, Self::Tooltip];

    /// The string that stands for the formatter in the option's JSON.
    pub const fn placeholder(self) -> &'static str {
        match self {
            Self::Tick => "@tick",
            Self::Time => "@time",
            Self::Mark => "@mark",
            Self::End => "@end",
            Self::Tooltip => "@tooltip",
        }
    }

    pub fn from_placeholder(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.placeholder() == text)
    }
}

/// The theme's JSON with one line height, in pixels, for every kind of text.
macro_rules! line_height_theme {
    ($px:literal) => {
        concat!(
            r#"{"categoryAxis":{"axisLabel":{"lineHeight":"#,
            $px,
            r#"}},"valueAxis":{"axisLabel":{"lineHeight":"#,
            $px,
            r#"}},"timeAxis":{"axisLabel":{"lineHeight":"#,
            $px,
            r#"}},"legend":{"textStyle":{"lineHeight":"#,
            $px,
            r#"}},"line":{"label":{"lineHeight":"#,
            $px,
            r#"},"endLabel":{"lineHeight":"#,
            $px,
            r#"}},"bar":{"label":{"lineHeight":"#,
            $px,
            r#"}},"scatter":{"label":{"lineHeight":"#,
            $px,
            r#"}},"markLine":{"label":{"lineHeight":"#,
            $px,
            r#"}},"markPoint":{"label":{"lineHeight":"#,
            $px,
            r#"}},"markArea":{"label":{"lineHeight":"#,
            $px,
            r#"}}}"#
        )
    };
}

/// ECharts' theme for every chart, live and pictured: a line height for each kind of text the
/// options draw. Without one, zrender takes a line's height from the width of a CJK glyph, which
/// on a machine with no CJK font is a few pixels, and the lines of a label print on each other.
/// A theme rather than the option because ECharts reads `lineHeight` from a text's own style only
/// (not from the option's `textStyle`) and charming's label types have no field for it. The live
/// binding (`web::echarts`) and the picture renderer (through the build manifest) both init
/// ECharts with it; `theme_covers_every_text_the_charts_draw` checks it against every option.
/// 14 px: a sixth more than the largest font size the builders use (12 px), the height of a line
/// of DejaVu Sans at 12 px, so lines never overprint and sit about as close as before.
pub const THEME: &str = line_height_theme!(14);

/// An ECharts option: built like `charming::Chart`, serialized with `charts::to_json`.
#[derive(Serialize, Debug, Clone, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Chart {
    #[serde(skip_serializing_if = "Option::is_none")]
    animation: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tooltip: Option<ClassedTooltip>,
    #[serde(skip_serializing_if = "Option::is_none")]
    legend: Option<Key>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    grid: Vec<Grid>,
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "one_or_many")]
    x_axis: Vec<Axis>,
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "one_or_many")]
    y_axis: Vec<Axis>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    color: Vec<Color>,
    #[serde(skip_serializing_if = "Option::is_none")]
    background_color: Option<Color>,
    #[serde(skip_serializing_if = "Option::is_none")]
    aria: Option<Decals>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    series: Vec<Series>,
}

/// The tooltip, styled by our class: ECharts' default markup writes inline style attributes,
/// which the page's Content Security Policy forbids (see style/main.css).
#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
struct ClassedTooltip {
    #[serde(flatten)]
    tooltip: Tooltip,
    class_name: &'static str,
}

/// The legend as a key, not a control: the chapter's toggles are the one way to change what is
/// drawn, so the table and the sources always match the chart.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
struct Key {
    #[serde(flatten)]
    legend: Legend,
    selected_mode: bool,
}

/// ECharts' decal patterns, which tell bars of different series apart without colour. Only this
/// part of ECharts' aria is used: the text alternative is ours.
#[derive(Serialize, Debug, Clone, Copy, PartialEq)]
struct Decals {
    enabled: bool,
    label: Enabled,
    decal: Shown,
}

#[derive(Serialize, Debug, Clone, Copy, PartialEq)]
struct Enabled {
    enabled: bool,
}

#[derive(Serialize, Debug, Clone, Copy, PartialEq)]
struct Shown {
    show: bool,
}

/// A line series, named at its right end when it reaches it (see `charts::end_labelled`).
#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct LineSeries {
    #[serde(flatten)]
    line: Line,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_label: Option<EndLabel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label_layout: Option<LabelLayout>,
}

impl LineSeries {
    /// A line without an end label; `end_label` gives it one.
    pub fn new(line: Line) -> Self {
        Self { line, end_label: None, label_layout: None }
    }

    /// Names the line at its end in `colour`, with ends that would collide moved apart.
    pub fn end_label(mut self, font_size: u8, colour: &str) -> Self {
        self.end_label =
            Some(EndLabel { show: true, distance: 6, font_size, color: colour.to_string(), formatter: Formatter::End.placeholder() });
        self.label_layout = Some(LabelLayout { move_overlap: "shiftY" });
        self
    }
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
struct EndLabel {
    show: bool,
    distance: u8,
    font_size: u8,
    color: String,
    formatter: &'static str,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
struct LabelLayout {
    move_overlap: &'static str,
}

/// The series types the story draws.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(untagged)]
pub enum Series {
    // Boxed: charming's series are kilobytes each, and of very different sizes.
    Line(Box<LineSeries>),
    Bar(Box<Bar>),
    Scatter(Box<Scatter>),
}

impl From<LineSeries> for Series {
    fn from(series: LineSeries) -> Self {
        Self::Line(Box::new(series))
    }
}

impl From<Bar> for Series {
    fn from(series: Bar) -> Self {
        Self::Bar(Box::new(series))
    }
}

impl From<Scatter> for Series {
    fn from(series: Scatter) -> Self {
        Self::Scatter(Box::new(series))
    }
}

/// One axis as an object, several as an array (what charming writes, and ECharts reads either).
fn one_or_many<S: Serializer>(axes: &[Axis], serializer: S) -> Result<S::Ok, S::Error> {
    match axes {
        [one] => one.serialize(serializer),
        many => many.serialize(serializer),
    }
}

impl Chart {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn animation(mut self, animation: bool) -> Self {
        self.animation = Some(animation);
        self
    }

    /// The tooltip, written by the `@tooltip` formatter whatever `tooltip` says.
    pub fn tooltip(mut self, tooltip: Tooltip) -> Self {
        self.tooltip = Some(ClassedTooltip { tooltip: tooltip.formatter(Formatter::Tooltip.placeholder()), class_name: "chart-tooltip" });
        self
    }

    pub fn legend(mut self, legend: Legend) -> Self {
        self.legend = Some(Key { legend, selected_mode: false });
        self
    }

    pub fn grid(mut self, grid: Grid) -> Self {
        self.grid.push(grid);
        self
    }

    pub fn x_axis(mut self, axis: Axis) -> Self {
        self.x_axis.push(axis);
        self
    }

    pub fn y_axis(mut self, axis: Axis) -> Self {
        self.y_axis.push(axis);
        self
    }

    pub fn color<C: Into<Color>>(mut self, colours: Vec<C>) -> Self {
        self.color = colours.into_iter().map(Into::into).collect();
        self
    }

    pub fn background_color<C: Into<Color>>(mut self, colour: C) -> Self {
        self.background_color = Some(colour.into());
        self
    }

    /// Adds a series; from the second series of bars on, the bars carry decals.
    pub fn series<S: Into<Series>>(mut self, series: S) -> Self {
        self.series.push(series.into());
        if self.series.iter().filter(|s| matches!(s, Series::Bar(_))).count() >= 2 {
            self.aria = Some(Decals { enabled: true, label: Enabled { enabled: false }, decal: Shown { show: true } });
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::{Chart, LineSeries};
    use charming::component::{Axis, Grid, Legend};
    use charming::element::{AxisType, Tooltip, Trigger};
    use charming::series::{Bar, Line, Scatter};
    use serde_json::{Value, json};

    /// The same option built with charming's `Chart` and with ours serializes to the same JSON
    /// but for what ours adds (the legend as a key, the tooltip's placeholder and class, decals
    /// on two series of bars), so ECharts is given what charming would give it, completed.
    #[test]
    fn serializes_as_charming_does_with_what_charming_cannot_say() {
        // One chain of builder calls, applied to either type.
        macro_rules! option {
            ($chart:expr, $line:expr) => {
                $chart
                    .animation(false)
                    .tooltip(Tooltip::new().trigger(Trigger::Axis))
                    .legend(Legend::new().top(4))
                    .grid(Grid::new().left(4).contain_label(true))
                    .x_axis(Axis::new().type_(AxisType::Category).data(vec!["2024", "2025"]))
                    .y_axis(Axis::new().type_(AxisType::Value))
                    .y_axis(Axis::new().type_(AxisType::Value))
                    .color(vec!["#b00d27", "#1f5fa8"])
                    .background_color("#ffffff")
                    .series($line(Line::new().name("a").data(vec![1.0, 2.0])))
                    .series(Bar::new().name("b").data(vec![3.0, 4.0]))
                    .series(Bar::new().name("d").data(vec![3.0, 4.0]))
                    .series(Scatter::new().name("c").data(vec![vec![1.0, 5.0]]))
            };
        }
        let ours: Value = serde_json::to_value(option!(Chart::new(), LineSeries::new)).unwrap();
        let mut expected: Value = serde_json::to_value(option!(charming::Chart::new(), |l| l)).unwrap();
        expected["legend"]["selectedMode"] = json!(false);
        expected["tooltip"]["formatter"] = json!("@tooltip");
        expected["tooltip"]["className"] = json!("chart-tooltip");
        expected["aria"] = json!({"enabled": true, "label": {"enabled": false}, "decal": {"show": true}});
        assert_eq!(ours, expected);
        assert_eq!(serde_json::to_string(&Chart::new()).unwrap(), "{}");
        // One series of bars has no decals: its colour is enough.
        let one = serde_json::to_value(Chart::new().series(Bar::new().data(vec![1.0]))).unwrap();
        assert!(one.get("aria").is_none());
    }

    #[test]
    fn an_end_label_is_named_by_its_placeholder_and_moves_out_of_the_way() {
        let line = serde_json::to_value(LineSeries::new(Line::new().name("a")).end_label(11, "#1b1b1f")).unwrap();
        assert_eq!(line["type"], "line");
        assert_eq!(line["endLabel"], json!({"show": true, "distance": 6, "fontSize": 11, "color": "#1b1b1f", "formatter": "@end"}));
        assert_eq!(line["labelLayout"], json!({"moveOverlap": "shiftY"}));
    }
}
