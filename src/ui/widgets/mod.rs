//! Reusable pieces shared by every chapter: the chart frame with its table and sources, and the
//! controls that change a chart.

pub mod chart_actions;
pub mod chart_frame;
pub mod choice_chart;
pub mod cite;
pub mod contents;
pub mod controls;
pub mod copy_dialog;
pub mod data_table;
pub mod quoted;
pub mod revisions;
pub mod source_list;

pub use chart_actions::ChartActions;
pub use chart_frame::ChartFrame;
pub use choice_chart::{ChartModule, ChoiceChart};
pub use cite::Cite;
pub use contents::Contents;
pub use controls::{ChoiceGroup, PercentSlider, ToggleButtons};
pub use data_table::DataTable;
pub use source_list::SourceList;

use leptos::prelude::*;

use crate::state::app_state::use_app_state;
use crate::state::url_state::Embed;

/// A heading one level below a chart's title: `h4` in the story (under the chapter's `h2` and the
/// chart's `h3`), `h2` when the chart is on its own and its title is the page's `h1` (an embed).
/// Both look the same (`.sub-heading` in style/main.css).
#[component]
pub fn SubHeading(#[prop(optional, into)] id: Option<String>, children: Children) -> impl IntoView {
    if matches!(use_app_state().embed, Some(Embed::Chart(_))) {
        view! { <h2 class="sub-heading" id=id>{children()}</h2> }.into_any()
    } else {
        view! { <h4 class="sub-heading" id=id>{children()}</h4> }.into_any()
    }
}
