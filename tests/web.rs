//! Browser tests: the chapter mounts in headless Chromium, draws its chart through ECharts, and
//! a toggle changes the drawn series.
#![cfg(target_arch = "wasm32")]

use car_exports::ui::chapters::overtaking::OvertakingChapter;
use js_sys::{Array, Function, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Loads the vendored ECharts build into the test page, as index.html does for the real page.
fn load_echarts() {
    if car_exports::web::echarts::is_available() {
        return;
    }
    let source = include_str!("../vendor/echarts/echarts.min.js");
    Function::new_no_args(&format!("{source}\n;globalThis.echarts = echarts;")).call0(&JsValue::NULL).unwrap();
    assert!(car_exports::web::echarts::is_available());
}

async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn mount_chapter() -> (HtmlElement, impl Drop) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.style().set_property("width", "800px").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), || view! { <OvertakingChapter/> });
    (host, handle)
}

/// The option ECharts is drawing in the chart under `host`.
fn drawn_option(host: &HtmlElement) -> JsValue {
    let canvas = host.query_selector("[data-chart='exports-vs-peers'] .chart-canvas").unwrap().expect("chart container");
    let echarts = Reflect::get(&js_sys::global(), &"echarts".into()).unwrap();
    let get_instance: Function = Reflect::get(&echarts, &"getInstanceByDom".into()).unwrap().unchecked_into();
    let instance = get_instance.call1(&echarts, &canvas).unwrap();
    assert!(!instance.is_undefined(), "ECharts has an instance on the chart container");
    let get_option: Function = Reflect::get(&instance, &"getOption".into()).unwrap().unchecked_into();
    get_option.call0(&instance).unwrap()
}

/// The names of the series ECharts is drawing in the chart under `host`.
fn drawn_series(host: &HtmlElement) -> Vec<String> {
    let option = drawn_option(host);
    Array::from(&Reflect::get(&option, &"series".into()).unwrap())
        .iter()
        .map(|s| Reflect::get(&s, &"name".into()).unwrap().as_string().unwrap())
        .collect()
}

fn button(host: &HtmlElement, text: &str) -> HtmlElement {
    let buttons = host.query_selector_all("button.toggle").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("a toggle named {text}"))
}

#[wasm_bindgen_test]
async fn the_chapter_draws_its_chart_and_a_peer_toggle_removes_a_series() {
    load_echarts();
    let (host, _mounted) = mount_chapter();
    settle().await;
    assert_eq!(drawn_series(&host), ["China (CAAM)", "Japan (JAMA)", "Germany (VDA, cars only)", "South Korea (KAMA/MOTIE)"]);
    // The legend is a key, not a second control that could hide series the table still lists.
    let legend = Array::from(&Reflect::get(&drawn_option(&host), &"legend".into()).unwrap()).get(0);
    assert_eq!(Reflect::get(&legend, &"selectedMode".into()).unwrap(), JsValue::FALSE);

    let germany = button(&host, "Germany");
    assert_eq!(germany.get_attribute("aria-pressed").as_deref(), Some("true"));
    germany.click();
    settle().await;
    assert_eq!(drawn_series(&host), ["China (CAAM)", "Japan (JAMA)", "South Korea (KAMA/MOTIE)"]);
    assert_eq!(germany.get_attribute("aria-pressed").as_deref(), Some("false"));
    let headers = host.query_selector_all("[data-chart='exports-vs-peers'] .data-table thead th").unwrap().length();
    assert_eq!(headers, 4, "the table follows the chart: year plus three series");

    germany.click();
    settle().await;
    assert!(drawn_series(&host).contains(&"Germany (VDA, cars only)".to_string()));
    host.remove();
}

#[wasm_bindgen_test]
async fn the_count_choice_swaps_china_series_and_the_note() {
    load_echarts();
    let (host, _mounted) = mount_chapter();
    settle().await;
    let radios = host.query_selector_all("input[name='overtaking-count']").unwrap();
    assert_eq!(radios.length(), 3);
    let customs: HtmlInputElement = radios.item(1).unwrap().unchecked_into();
    customs.click();
    settle().await;
    assert_eq!(drawn_series(&host)[0], "China (customs)");
    let note = host.query_selector("[data-chart='exports-vs-peers'] .how-we-count").unwrap().unwrap().text_content().unwrap();
    assert!(note.contains("5.22 million in 2023"), "{note}");

    let both: HtmlInputElement = radios.item(2).unwrap().unchecked_into();
    both.click();
    settle().await;
    assert_eq!(drawn_series(&host)[..2], ["China (CAAM)", "China (customs)"]);
    host.remove();
}

#[wasm_bindgen_test]
async fn without_the_chart_library_the_table_is_shown() {
    let global = js_sys::global();
    let saved = Reflect::get(&global, &"echarts".into()).unwrap();
    Reflect::set(&global, &"echarts".into(), &JsValue::UNDEFINED).unwrap();
    let (host, _mounted) = mount_chapter();
    settle().await;
    Reflect::set(&global, &"echarts".into(), &saved).unwrap();

    assert!(host.query_selector(".chart-canvas").unwrap().is_none(), "no blank chart box");
    let fallback = host.query_selector(".chart-fallback").unwrap().expect("a fallback message");
    assert!(fallback.text_content().unwrap().contains("shown as a table"));
    let details = host.query_selector("details.chart-table").unwrap().unwrap();
    assert!(details.has_attribute("open"), "the table is open");
    assert!(host.query_selector_all("[data-chart='exports-vs-peers'] .data-table tbody tr").unwrap().length() >= 11);
    host.remove();
}

#[wasm_bindgen_test]
fn a_panic_leaves_a_notice_with_a_plain_reload_link_in_the_readers_language() {
    use car_exports::i18n::Lang;
    use car_exports::ui::failure;
    let document = web_sys::window().unwrap().document().unwrap();
    failure::set_lang(Lang::De);
    failure::show_notice();
    failure::show_notice();
    let notices = document.query_selector_all("#panic-notice").unwrap();
    assert_eq!(notices.length(), 1, "shown once");
    let notice = document.get_element_by_id("panic-notice").unwrap();
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    let text = notice.text_content().unwrap();
    assert!(text.contains("Etwas ist schiefgelaufen"), "{text}");
    let link = notice.query_selector("a").unwrap().unwrap();
    assert_eq!(link.get_attribute("href"), web_sys::window().unwrap().location().href().ok());
    notice.remove();
}
