//! The ECharts option the chart builders produce: the parts of `charming::Chart` this story uses.
//!
//! charming's own `Chart` has a field for every ECharts component (3D axes, radar, calendar,
//! toolbox, data zoom, ...) and a `Series` enum of every series type, so serializing it compiles a
//! serializer for all of them into the wasm, though no chart here has them: 20 KB of the first
//! load's gzip. This type keeps charming's components, series and builder methods and serializes
//! to the same JSON, field for field, with only what the charts use.

use charming::component::{Axis, Grid, Legend};
use charming::element::{Color, Tooltip};
use charming::series::{Bar, Line, Scatter};
use serde::{Serialize, Serializer};

/// An ECharts option: built like `charming::Chart`, serialized with `charts::to_json`.
#[derive(Serialize, Debug, Clone, Default, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Chart {
    #[serde(skip_serializing_if = "Option::is_none")]
    animation: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tooltip: Option<Tooltip>,
    #[serde(skip_serializing_if = "Option::is_none")]
    legend: Option<Legend>,
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
    #[serde(skip_serializing_if = "Vec::is_empty")]
    series: Vec<Series>,
}

/// The series types the story draws.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(untagged)]
pub enum Series {
    Line(Line),
    Bar(Bar),
    Scatter(Scatter),
}

impl From<Line> for Series {
    fn from(series: Line) -> Self {
        Self::Line(series)
    }
}

impl From<Bar> for Series {
    fn from(series: Bar) -> Self {
        Self::Bar(series)
    }
}

impl From<Scatter> for Series {
    fn from(series: Scatter) -> Self {
        Self::Scatter(series)
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

    pub fn tooltip(mut self, tooltip: Tooltip) -> Self {
        self.tooltip = Some(tooltip);
        self
    }

    pub fn legend(mut self, legend: Legend) -> Self {
        self.legend = Some(legend);
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

    pub fn series<S: Into<Series>>(mut self, series: S) -> Self {
        self.series.push(series.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::Chart;
    use charming::component::{Axis, Grid, Legend};
    use charming::element::{AxisType, Tooltip, Trigger};
    use charming::series::{Bar, Line, Scatter};

    /// The same option built with charming's `Chart` and with ours serializes to the same text, so
    /// ECharts is given exactly what charming would give it.
    #[test]
    fn serializes_as_charming_does() {
        // One chain of builder calls, applied to either type.
        macro_rules! option {
            ($chart:expr) => {
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
                    .series(Line::new().name("a").data(vec![1.0, 2.0]))
                    .series(Bar::new().name("b").data(vec![3.0, 4.0]))
                    .series(Scatter::new().name("c").data(vec![vec![1.0, 5.0]]))
            };
        }
        let ours = serde_json::to_string(&option!(Chart::new())).unwrap();
        assert_eq!(ours, serde_json::to_string(&option!(charming::Chart::new())).unwrap());
        assert_eq!(serde_json::to_string(&Chart::new()).unwrap(), "{}");
    }
}
