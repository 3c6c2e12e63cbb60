//! The frame every chart sits in: title, controls, the drawing, a readout of the clicked point,
//! the table of the same numbers and the sources.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{t, use_lang};
use crate::state::app_state::use_app_state;
use crate::state::url_state::Embed;
use crate::story::model::Unit;
use crate::story::table::Table;
use crate::ui::widgets::{ChartActions, DataTable, SourceList};
use crate::web::echarts::{self, EChart};

#[component]
pub fn ChartFrame(
    /// The stable chart id of the public contract (`data-chart`).
    id: &'static str,
    title: &'static str,
    subtitle: &'static str,
    /// The ECharts option as JSON, from a chart builder.
    #[prop(into)]
    option: Signal<String>,
    /// The chart's text alternative.
    #[prop(into)]
    description: Signal<String>,
    /// The figures on screen, for the table, the sources and the CSV.
    #[prop(into)]
    table: Signal<Table>,
    /// The unit of the value axis and tooltips.
    #[prop(into)]
    unit: Signal<Unit>,
    /// The controls that change this chart.
    children: Children,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    let chart = StoredValue::new_local(None::<EChart>);
    // The text version has no pictures: only the prerendered page draws them.
    let static_page = use_context::<StaticPage>().filter(|_| use_context::<TextVersion>().is_none());
    if let Some(page) = &static_page {
        page.record(DrawnChart {
            id,
            option: option.get_untracked(),
            description: description.get_untracked(),
            unit: unit.get_untracked(),
            title,
            subtitle,
        });
    }
    // The prerendered page draws the chart as a picture in the same place the live chart goes.
    let library_loaded = echarts::is_available() || static_page.is_some();
    let lang = use_lang();
    let display = use_context::<Signal<crate::charts::display::Display>>();
    let (readout, set_readout) = signal(None::<String>);

    Effect::new(move |_| {
        let option = option.get();
        let unit = unit.get();
        let narrow = display.is_some_and(|d| d.get().narrow);
        let Some(element) = container.get() else { return };
        chart.update_value(|slot| {
            if slot.is_none() {
                match EChart::new(&element) {
                    Ok(mut created) => {
                        created.on("click", move |params| {
                            set_readout.set(table.with_untracked(|t| point_readout(&params, t)));
                        });
                        // The prerendered picture, moved in when the chart went live, stays on top
                        // until ECharts has drawn the same view underneath it.
                        let canvas = element.clone();
                        created.on("finished", move |_| remove_static_pictures(&canvas));
                        *slot = Some(created);
                    }
                    Err(err) => leptos::logging::warn!("chart {id} not drawn: {err:?}"),
                }
            }
            if let Some(drawn) = slot
                && let Err(err) = drawn.replace_option(&option, unit, lang, narrow)
            {
                leptos::logging::error!("chart {id} rejected its option: {err:?}");
            }
        });
    });
    on_cleanup(move || chart.update_value(|slot| drop(slot.take())));

    let embedded = matches!(use_app_state().embed, Some(Embed::Chart(_)));
    let title_id = format!("{id}-title");
    let heading_ref = title_id.clone();
    view! {
        <figure class="chart-frame" data-chart=id aria-labelledby=heading_ref>
            <figcaption class="chart-heading">
                // On its own in a frame the chart's title is the page's top heading; it looks the same.
                {if embedded {
                    view! { <h1 id=title_id class="chart-title">{title}</h1> }.into_any()
                } else {
                    view! { <h3 id=title_id class="chart-title">{title}</h3> }.into_any()
                }}
                <p class="chart-subtitle">{subtitle}</p>
            </figcaption>
            <div class="chart-controls">{children()}</div>
            {if library_loaded {
                view! {
                    <div
                        class="chart-canvas"
                        node_ref=container
                        role="img"
                        aria-label=move || description.get()
                    ></div>
                    <p class="chart-readout" aria-live="polite">
                        {move || readout.get().unwrap_or_else(|| t::ui_readout_hint(lang).to_string())}
                    </p>
                }
                    .into_any()
            } else if use_context::<TextVersion>().is_some() {
                // The text version has no charts by design: the text alternative leads into the table.
                view! { <p class="chart-description">{move || description.get()}</p> }.into_any()
            } else {
                view! {
                    <p class="chart-fallback" role="status">
                        {move || t::ui_chart_fallback(lang, &description.get())}
                    </p>
                }
                    .into_any()
            }}
            <Show when=move || table.with(|t| t.has_low_confidence())>
                <p class="chart-caveat">{t::ui_caveat_marks(lang)}</p>
            </Show>
            <ChartActions id=id title=title subtitle=subtitle table=table chart=chart/>
            <details class="chart-table" open=!library_loaded>
                <summary>{t::ui_show_table(lang)}</summary>
                <DataTable table=table caption=title id=id/>
            </details>
            <crate::ui::widgets::revisions::Revisions table=table/>
            <SourceList table=table/>
        </figure>
    }
}

/// In context when the page is rendered as the text version (see `crate::ui::text_version`).
#[derive(Clone, Copy)]
pub struct TextVersion;

/// In context when the story is prerendered at build time (see `crate::ui::static_page`): each frame
/// records the option it would draw, so the build can draw it as a picture.
#[derive(Clone, Default)]
pub struct StaticPage(std::sync::Arc<std::sync::Mutex<Vec<DrawnChart>>>);

/// One chart as the prerendered page shows it.
#[derive(Clone, Debug)]
pub struct DrawnChart {
    pub id: &'static str,
    /// The ECharts option, as JSON.
    pub option: String,
    pub description: String,
    pub unit: Unit,
    pub title: &'static str,
    pub subtitle: &'static str,
}

impl StaticPage {
    fn record(&self, chart: DrawnChart) {
        if let Ok(mut charts) = self.0.lock() {
            charts.push(chart);
        }
    }

    /// Every chart recorded so far, in page order.
    pub fn charts(&self) -> Vec<DrawnChart> {
        self.0.lock().map(|c| c.clone()).unwrap_or_default()
    }
}

/// Removes the build-time pictures from a chart's drawing area once the live chart is there.
fn remove_static_pictures(canvas: &web_sys::HtmlElement) {
    if let Ok(pictures) = canvas.query_selector_all(".static-picture") {
        for i in 0..pictures.length() {
            if let Some(picture) = pictures.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                picture.remove();
            }
        }
    }
}

/// The line under the chart after a mark is clicked: what it is, its figure and its source.
fn point_readout(params: &wasm_bindgen::JsValue, table: &Table) -> Option<String> {
    let name = echarts::field(params, "name").as_string()?;
    let series = echarts::field(params, "seriesName").as_string().unwrap_or_default();
    table.readout(&name, &series)
}
