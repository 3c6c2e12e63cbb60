//! Reusable pieces shared by every chapter: the chart frame with its table and sources, and the
//! controls that change a chart.

pub mod chart_actions;
pub mod chart_frame;
pub mod choice_chart;
pub mod contents;
pub mod controls;
pub mod data_table;
pub mod source_list;

pub use chart_actions::ChartActions;
pub use chart_frame::ChartFrame;
pub use choice_chart::{ChartModule, ChoiceChart};
pub use contents::Contents;
pub use controls::{ChoiceGroup, PercentSlider, ToggleButtons};
pub use data_table::DataTable;
pub use source_list::SourceList;
