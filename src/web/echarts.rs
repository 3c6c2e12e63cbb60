//! The one binding to ECharts: init once per container, replace options (never merge), resize
//! with the container, dispose on drop, and deliver chart events to Rust.
//!
//! charming's own renderer re-inits on every render and merges options, so a series switched off
//! would stay on screen; this binding calls the global `echarts` object directly instead.

use js_sys::{Array, Function, JSON, Object, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ResizeObserver};

use std::cell::Cell;
use std::rc::Rc;

use crate::charts::option::Formatter;
use crate::i18n::{Lang, t};
use crate::story::format;
use crate::story::model::Unit;

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance (`echarts.init(...)`).
    #[derive(Clone)]
    pub type Instance;

    #[wasm_bindgen(js_namespace = echarts, js_name = init, catch)]
    fn echarts_init(dom: &HtmlElement, theme: &JsValue, opts: &JsValue) -> Result<Instance, JsValue>;

    #[wasm_bindgen(method, js_name = setOption, catch)]
    fn set_option(this: &Instance, option: &JsValue, opts: &JsValue) -> Result<(), JsValue>;

    #[wasm_bindgen(method, js_name = getOption)]
    pub fn get_option(this: &Instance) -> JsValue;

    #[wasm_bindgen(method)]
    fn resize(this: &Instance);

    #[wasm_bindgen(method, js_name = getDataURL)]
    fn get_data_url(this: &Instance, opts: &JsValue) -> String;

    #[wasm_bindgen(method)]
    fn dispose(this: &Instance);

    #[wasm_bindgen(method)]
    fn on(this: &Instance, event: &str, handler: &Function);
}

/// Whether the ECharts script loaded: without it the page shows tables instead of charts.
/// Outside a browser (the static text version rendered at build time) there is no chart library.
pub fn is_available() -> bool {
    if !cfg!(target_arch = "wasm32") {
        return false;
    }
    Reflect::get(&js_sys::global(), &"echarts".into())
        .ok()
        .and_then(|echarts| Reflect::get(&echarts, &"init".into()).ok())
        .is_some_and(|init| init.is_function())
}

/// The data under a point of a live chart's drawing area (`x`, `y` in pixels from its top left):
/// the category index and the value of its first grid, as ECharts' `convertFromPixel` gives them;
/// `None` where no live chart is, or the point is outside the grid.
pub fn data_at(canvas: &web_sys::Element, x: f64, y: f64) -> Option<(f64, f64)> {
    let echarts = Reflect::get(&js_sys::global(), &"echarts".into()).ok()?;
    let by_dom: Function = Reflect::get(&echarts, &"getInstanceByDom".into()).ok()?.dyn_into().ok()?;
    let instance = by_dom.call1(&echarts, canvas).ok().filter(|i| i.is_object())?;
    let convert: Function = Reflect::get(&instance, &"convertFromPixel".into()).ok()?.dyn_into().ok()?;
    let finder = js_sys::Object::new();
    Reflect::set(&finder, &"gridIndex".into(), &0.into()).ok()?;
    let point = js_sys::Array::of2(&x.into(), &y.into());
    let data = js_sys::Array::from(&convert.call2(&instance, &finder, &point).ok()?);
    Some((data.get(0).as_f64()?, data.get(1).as_f64()?))
}

/// Where the page names the chart library's hashed file and integrity (written by the build,
/// `postbuild/harden.mjs`).
const LIBRARY_META: &str = "meta[name=\"chart-library\"]";

/// Gives `element` (the script, or its prefetch) the library's address and integrity from the
/// page's `<meta name="chart-library">`; `false` when the page names no library.
fn point_at_library(document: &web_sys::Document, element: &web_sys::Element, address: &str) -> bool {
    let Some(meta) = document.query_selector(LIBRARY_META).ok().flatten() else { return false };
    let _ = element.set_attribute(address, &meta.get_attribute("content").unwrap_or_default());
    if let Some(integrity) = meta.get_attribute("data-integrity") {
        let _ = element.set_attribute("integrity", &integrity);
        // A CORS request, so that the integrity can be checked in a frame sandboxed without
        // allow-same-origin (origin `null`); same-origin pages are unaffected. The prefetch asks
        // the same way as the script, so the script finds the prefetched copy.
        let _ = element.set_attribute("crossorigin", "anonymous");
    }
    true
}

/// Fetches the chart library, without running it, once the browser is idle after the app has
/// started: the first chart that goes live (at the reader's first interaction, or as it nears the
/// viewport) then finds it in the browser's cache instead of starting its download then. A
/// `<link rel="prefetch">` is fetched at the lowest priority, after everything the page asked for;
/// the service worker's precache would fetch the same file a little later anyway. A page the
/// service worker controls has the library in its cache, and a prefetch there would go to the
/// network, which may not be there.
pub fn prefetch_when_idle() {
    if !cfg!(target_arch = "wasm32") || is_available() || crate::web::offline::under_service_worker() {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let prefetch = Closure::once_into_js(|| {
        let document = leptos::prelude::document();
        if document.get_element_by_id("chart-library").is_some() {
            return;
        }
        let Ok(link) = document.create_element("link") else { return };
        let _ = link.set_attribute("rel", "prefetch");
        let _ = link.set_attribute("as", "script");
        if point_at_library(&document, &link, "href")
            && let Some(head) = document.head()
        {
            let _ = head.append_child(&link);
        }
    });
    // Safari has no requestIdleCallback: there the fetch waits a second after the start.
    match Reflect::get(&window, &"requestIdleCallback".into()).ok().and_then(|f| f.dyn_into::<Function>().ok()) {
        Some(when_idle) => drop(when_idle.call1(&window, &prefetch)),
        None => drop(window.set_timeout_with_callback_and_timeout_and_arguments_0(prefetch.unchecked_ref(), 1000)),
    }
}

/// Loads the chart library when the first chart goes live, rather than with the page (it was
/// prefetched when the browser was idle, [`prefetch_when_idle`]). Resolves to whether the
/// library is there; a library that fails to load leaves each chart's text alternative and table
/// in its place.
pub async fn load() -> bool {
    if is_available() || !cfg!(target_arch = "wasm32") {
        return is_available();
    }
    let document = leptos::prelude::document();
    let script = match document.get_element_by_id("chart-library") {
        Some(script) => script,
        None => {
            let Ok(script) = document.create_element("script") else { return false };
            script.set_id("chart-library");
            if !point_at_library(&document, &script, "src") {
                return false;
            }
            let loaded = {
                let script = script.clone();
                Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
                    let _ = script.set_attribute("data-state", &event.type_());
                })
            };
            let _ = script.add_event_listener_with_callback("load", loaded.as_ref().unchecked_ref());
            let _ = script.add_event_listener_with_callback("error", loaded.as_ref().unchecked_ref());
            loaded.forget();
            if let Some(head) = document.head() {
                let _ = head.append_child(&script);
            }
            script
        }
    };
    if script.get_attribute("data-state").is_none() {
        let done = js_sys::Promise::new(&mut |resolve, _| {
            let _ = script.add_event_listener_with_callback("load", &resolve);
            let _ = script.add_event_listener_with_callback("error", &resolve);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(done).await;
    }
    is_available()
}

type Handler = Closure<dyn FnMut(JsValue)>;

/// A chart drawn in one container. Dropping it disposes the chart and stops watching the size.
pub struct EChart {
    instance: Instance,
    observer: ResizeObserver,
    _on_resize: Closure<dyn FnMut()>,
    handlers: Vec<Handler>,
    tooltip_formatter: Closure<dyn Fn(JsValue) -> JsValue>,
    time_formatter: Closure<dyn Fn(JsValue) -> JsValue>,
    tick_formatter: Closure<dyn Fn(JsValue) -> JsValue>,
    value_label_formatter: Closure<dyn Fn(JsValue) -> JsValue>,
    end_label_formatter: Closure<dyn Fn(JsValue) -> JsValue>,
    /// Whether the page has a phone's width: a line's end label is its value alone.
    narrow: Rc<Cell<bool>>,
    /// The unit the formatters write, set with each option.
    unit: Rc<Cell<Unit>>,
    lang: Rc<Cell<Lang>>,
}

impl EChart {
    /// Initialises ECharts on `container` (canvas renderer, so the chart can be saved as PNG).
    pub fn new(container: &HtmlElement) -> Result<Self, JsValue> {
        if !is_available() {
            return Err(JsValue::from_str("the ECharts script is not loaded"));
        }
        let opts = Object::new();
        Reflect::set(&opts, &"renderer".into(), &"canvas".into())?;
        let theme = js_sys::JSON::parse(crate::charts::option::THEME)?;
        let instance = echarts_init(container, &theme, &opts)?;

        let on_resize = Closure::<dyn FnMut()>::new({
            let instance = instance.clone();
            move || instance.resize()
        });
        let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref())?;
        observer.observe(container);

        let unit = Rc::new(Cell::new(Unit::Vehicles));
        let lang = Rc::new(Cell::new(Lang::En));
        // Our own tooltip markup: ECharts' default writes inline style attributes, which the page's
        // Content Security Policy forbids; ours uses classes (see style/main.css).
        let tooltip_formatter = Closure::<dyn Fn(JsValue) -> JsValue>::new({
            let (unit, lang) = (unit.clone(), lang.clone());
            move |params: JsValue| JsValue::from_str(&tooltip_from_params(&params, lang.get(), unit.get()))
        });
        let tick_formatter = Closure::<dyn Fn(JsValue) -> JsValue>::new({
            let (unit, lang) = (unit.clone(), lang.clone());
            move |value: JsValue| JsValue::from_str(&value.as_f64().map(|v| format::tick(lang.get(), unit.get(), v)).unwrap_or_default())
        });
        // A value written on its bar reads as in the tooltip: "4.91 million".
        let value_label_formatter = Closure::<dyn Fn(JsValue) -> JsValue>::new({
            let (unit, lang) = (unit.clone(), lang.clone());
            move |params: JsValue| {
                JsValue::from_str(
                    &field(&params, "value").as_f64().map(|v| format::readable(lang.get(), unit.get(), v)).unwrap_or_default(),
                )
            }
        });
        // Each line ends with its name and its last value (`charts::end_label`).
        let narrow = Rc::new(Cell::new(false));
        let end_label_formatter = Closure::<dyn Fn(JsValue) -> JsValue>::new({
            let (unit, lang, narrow) = (unit.clone(), lang.clone(), narrow.clone());
            move |params: JsValue| {
                let name = field(&params, "seriesName").as_string().unwrap_or_default();
                let value = field(&params, "value").as_f64();
                JsValue::from_str(&crate::charts::end_label(lang.get(), unit.get(), &name, value, narrow.get()))
            }
        });
        let time_formatter = Closure::<dyn Fn(JsValue) -> JsValue>::new({
            let lang = lang.clone();
            move |value: JsValue| {
                let Some(ms) = value.as_f64() else { return JsValue::from_str("") };
                let date = js_sys::Date::new(&JsValue::from_f64(ms));
                JsValue::from_str(&format::time_tick(lang.get(), date.get_full_year() as i32, date.get_month() + 1))
            }
        });
        Ok(Self {
            instance,
            observer,
            _on_resize: on_resize,
            handlers: Vec::new(),
            tooltip_formatter,
            tick_formatter,
            time_formatter,
            value_label_formatter,
            end_label_formatter,
            narrow,
            unit,
            lang,
        })
    }

    /// Replaces the whole option (`notMerge`), so series left out of `option_json` disappear.
    /// The option is complete (`charts::option`) but for its formatters, which it names by
    /// placeholder: each is replaced by its function here, in one walk.
    pub fn replace_option(&self, option_json: &str, unit: Unit, lang: Lang, narrow: bool) -> Result<(), JsValue> {
        self.unit.set(unit);
        self.lang.set(lang);
        self.narrow.set(narrow);
        let option = JSON::parse(option_json)?;
        self.attach_formatters(&option)?;
        let opts = Object::new();
        Reflect::set(&opts, &"notMerge".into(), &JsValue::TRUE)?;
        self.instance.set_option(&option, &opts)
    }

    /// Puts each formatter's function where the option names it (`"formatter": "@tick"`).
    fn attach_formatters(&self, value: &JsValue) -> Result<(), JsValue> {
        if Array::is_array(value) {
            for item in Array::from(value).iter() {
                self.attach_formatters(&item)?;
            }
        } else if value.is_object() {
            let object: &Object = value.unchecked_ref();
            for key in Object::keys(object).iter() {
                let child = Reflect::get(value, &key)?;
                match child.as_string().as_deref().and_then(Formatter::from_placeholder) {
                    Some(formatter) if key.as_string().as_deref() == Some("formatter") => {
                        Reflect::set(value, &key, self.formatter(formatter).as_ref())?;
                    }
                    _ => self.attach_formatters(&child)?,
                }
            }
        }
        Ok(())
    }

    fn formatter(&self, formatter: Formatter) -> &Closure<dyn Fn(JsValue) -> JsValue> {
        match formatter {
            Formatter::Tick => &self.tick_formatter,
            Formatter::Time => &self.time_formatter,
            Formatter::Mark => &self.value_label_formatter,
            Formatter::End => &self.end_label_formatter,
            Formatter::Tooltip => &self.tooltip_formatter,
        }
    }

    /// Calls `handler` with the event's parameters whenever ECharts fires `event`
    /// (e.g. "click", "legendselectchanged"). Handlers live as long as the chart.
    pub fn on(&mut self, event: &str, handler: impl FnMut(JsValue) + 'static) {
        let closure = Handler::new(handler);
        self.instance.on(event, closure.as_ref().unchecked_ref());
        self.handlers.push(closure);
    }

    /// The chart as an image `data:` URL (`opts` as ECharts' `getDataURL`).
    pub fn data_url(&self, opts: &JsValue) -> String {
        self.instance.get_data_url(opts)
    }

    pub fn instance(&self) -> &Instance {
        &self.instance
    }
}

impl Drop for EChart {
    fn drop(&mut self) {
        self.observer.disconnect();
        self.instance.dispose();
    }
}

/// Reads a field of an event's parameters.
pub fn field(params: &JsValue, key: &str) -> JsValue {
    Reflect::get(params, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// The tooltip for ECharts' formatter parameters: one item (item trigger) or a list (axis trigger).
fn tooltip_from_params(params: &JsValue, lang: Lang, unit: Unit) -> String {
    let items: Vec<JsValue> = if Array::is_array(params) { Array::from(params).iter().collect() } else { vec![params.clone()] };
    let Some(first) = items.first() else { return String::new() };
    let text = |p: &JsValue, key: &str| field(p, key).as_string().unwrap_or_default();
    let header = Some(text(first, "axisValueLabel")).filter(|h| !h.is_empty()).unwrap_or_else(|| text(first, "name"));
    let rows: Vec<(String, String)> = items
        .iter()
        .map(|p| {
            let value = field(p, "value");
            let shown = if let Some(v) = value.as_f64() {
                format::readable(lang, unit, v)
            } else if value.is_null() || value.is_undefined() {
                t::common_no_figure(lang).to_string()
            } else {
                // A point placed by words, not a number (the policy timeline): its name says it all.
                String::new()
            };
            (text(p, "seriesName"), shown)
        })
        .collect();
    tooltip_markup(&header, &rows)
}

/// The tooltip's HTML: a heading and one line per series, escaped, styled by class only.
pub fn tooltip_markup(header: &str, rows: &[(String, String)]) -> String {
    let mut out = format!("<div class=\"chart-tip\"><p class=\"chart-tip-head\">{}</p><ul>", crate::story::escape_html(header));
    for (series, value) in rows {
        if value.is_empty() {
            out.push_str(&format!("<li>{}</li>", crate::story::escape_html(series)));
        } else {
            out.push_str(&format!("<li>{} <strong>{}</strong></li>", crate::story::escape_html(series), crate::story::escape_html(value)));
        }
    }
    out.push_str("</ul></div>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tooltips_are_escaped_and_carry_no_inline_style() {
        let html = tooltip_markup("2023", &[("China (CAAM)".into(), "4.91 million".into()), ("<b>x</b>".into(), String::new())]);
        assert_eq!(
            html,
            "<div class=\"chart-tip\"><p class=\"chart-tip-head\">2023</p><ul><li>China (CAAM) <strong>4.91 million</strong></li><li>&lt;b&gt;x&lt;/b&gt;</li></ul></div>"
        );
        assert!(!html.contains("style="));
    }
}
