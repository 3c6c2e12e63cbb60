//! Files made in the browser and handed to the reader: CSV text and PNG images of charts.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};

use crate::charts::display::Theme;
use crate::charts::palette::ink;
use crate::web::echarts::EChart;

/// Saves `blob` as a file called `name` through a temporary same-origin object URL.
fn save_blob(blob: &Blob, name: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let url = Url::create_object_url_with_blob(blob)?;
    let link: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    Url::revoke_object_url(&url)?;
    Ok(())
}

pub fn save_text(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&Array::of1(&text.into()), &options)?;
    save_blob(&blob, name)
}

/// What goes around the chart in a saved image.
pub struct ImageCaption {
    pub title: String,
    pub subtitle: String,
    pub source: String,
}

const SCALE: f64 = 2.0;
const PAD: f64 = 24.0;

/// Saves the chart at 2x pixel ratio as a PNG with its title above and its source below.
pub fn save_png(chart: &EChart, caption: ImageCaption, theme: Theme, name: String) -> Result<(), JsValue> {
    let colours = ink(theme);
    let background = if theme == Theme::Dark { "#1b1c20" } else { "#ffffff" };
    let opts = Object::new();
    Reflect::set(&opts, &"type".into(), &"png".into())?;
    Reflect::set(&opts, &"pixelRatio".into(), &SCALE.into())?;
    Reflect::set(&opts, &"backgroundColor".into(), &background.into())?;
    let chart_url = chart.data_url(&opts);

    let image = HtmlImageElement::new()?;
    let onload = Closure::once_into_js({
        let image = image.clone();
        move || {
            if let Err(err) = compose(&image, &caption, background, colours.text, colours.muted, &name) {
                leptos::logging::error!("the image could not be made: {err:?}");
            }
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&chart_url);
    Ok(())
}

fn compose(image: &HtmlImageElement, caption: &ImageCaption, background: &str, text: &str, muted: &str, name: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let canvas: HtmlCanvasElement = document.create_element("canvas")?.unchecked_into();
    let width = f64::from(image.natural_width());
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d")?.ok_or("no 2d context")?.unchecked_into();
    let font = |size: f64, weight: &str| format!("{weight} {}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", size * SCALE);

    // Measure the wrapped source text first so the canvas can be sized to fit it.
    ctx.set_font(&font(12.0, "normal"));
    let source_lines = wrap(&ctx, &caption.source, width - 2.0 * PAD * SCALE);
    let header = (PAD + 28.0 + 22.0 + 12.0) * SCALE;
    let footer = (12.0 + 16.0 * source_lines.len() as f64 + PAD) * SCALE;
    canvas.set_width(width as u32);
    canvas.set_height((header + f64::from(image.natural_height()) + footer) as u32);

    ctx.set_fill_style_str(background);
    ctx.fill_rect(0.0, 0.0, width, f64::from(canvas.height()));
    ctx.set_text_baseline("top");
    ctx.set_fill_style_str(text);
    ctx.set_font(&font(22.0, "bold"));
    ctx.fill_text(&caption.title, PAD * SCALE, PAD * SCALE)?;
    ctx.set_fill_style_str(muted);
    ctx.set_font(&font(15.0, "normal"));
    ctx.fill_text(&caption.subtitle, PAD * SCALE, (PAD + 30.0) * SCALE)?;
    ctx.draw_image_with_html_image_element(image, 0.0, header)?;
    ctx.set_font(&font(12.0, "normal"));
    let mut y = header + f64::from(image.natural_height()) + 12.0 * SCALE;
    for line in source_lines {
        ctx.fill_text(&line, PAD * SCALE, y)?;
        y += 16.0 * SCALE;
    }

    let name = name.to_string();
    let on_blob = Closure::once_into_js(move |blob: JsValue| {
        if let Some(blob) = blob.dyn_ref::<Blob>() {
            let _ = save_blob(blob, &name);
        }
    });
    canvas.to_blob(on_blob.unchecked_ref())
}

/// Splits `text` into lines no wider than `max` in the context's current font.
fn wrap(ctx: &CanvasRenderingContext2d, text: &str, max: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        let fits = ctx.measure_text(&candidate).map(|m| m.width() <= max).unwrap_or(true);
        if fits || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
