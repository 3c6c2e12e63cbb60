//! Talking to the page that embeds us: report our height whenever it changes, in the formats host
//! pages already listen for (Datawrapper's, AMP's `embed-size` for an `amp-iframe resizable`, and
//! pym.js's), and answer pym.js width messages. Anything else is ignored.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, ResizeObserver, Window};

const PYM_SEPARATOR: &str = "xPYMx";

/// pym.js's message format: `pymxPYMx<childId>xPYMx<type>xPYMx<message>`.
pub fn pym_message(child_id: &str, kind: &str, message: &str) -> String {
    format!("pym{PYM_SEPARATOR}{child_id}{PYM_SEPARATOR}{kind}{PYM_SEPARATOR}{message}")
}

/// Reads a pym.js `width` message meant for this frame; `None` for anything else.
pub fn parse_pym_width(data: &str, child_id: &str) -> Option<u32> {
    let mut parts = data.split(PYM_SEPARATOR);
    let (prefix, id, kind, message) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || prefix != "pym" || id != child_id || kind != "width" {
        return None;
    }
    message.parse::<f64>().ok().filter(|w| w.is_finite() && *w >= 0.0 && *w < 100_000.0).map(|w| w as u32)
}

/// Whether the page runs inside a frame.
pub fn in_frame(window: &Window) -> bool {
    match window.parent() {
        Ok(Some(parent)) => !Object::is(&parent, window),
        _ => false,
    }
}

/// Starts reporting the content height to the parent page. `key` names the embed in
/// Datawrapper-style messages (the chart id, or "story"); `child_id` enables pym.js messages.
/// Does nothing outside a frame.
pub fn report_height(key: String, child_id: Option<String>) {
    let Some(window) = web_sys::window() else { return };
    if !in_frame(&window) {
        return;
    }
    let Some(root) = window.document().and_then(|d| d.document_element()) else { return };
    let pym_id = child_id.clone();
    let post = {
        let window = window.clone();
        let root = root.clone();
        let mut last = 0u32;
        move |force: bool| {
            let height = root.get_bounding_client_rect().height().ceil() as u32;
            if height == 0 || (height == last && !force) {
                return;
            }
            last = height;
            let Ok(Some(parent)) = window.parent() else { return };
            if let Some(id) = &child_id {
                let _ = parent.post_message(&pym_message(id, "height", &height.to_string()).into(), "*");
            }
            let inner = Object::new();
            let outer = Object::new();
            let _ = Reflect::set(&inner, &key.as_str().into(), &height.into());
            let _ = Reflect::set(&outer, &"datawrapper-height".into(), &inner);
            let _ = parent.post_message(&outer, "*");
            let amp = Object::new();
            for (field, value) in [("sentinel", "amp".into()), ("type", "embed-size".into()), ("height", height.into())] {
                let _ = Reflect::set(&amp, &field.into(), &value);
            }
            let _ = parent.post_message(&amp, "*");
        }
    };
    let post = std::rc::Rc::new(std::cell::RefCell::new(post));

    // Every change of the content's size: first render, toggles, the table opening, fonts, width.
    let on_resize = Closure::<dyn FnMut()>::new({
        let post = post.clone();
        move || (post.borrow_mut())(false)
    });
    if let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    on_resize.forget();

    // pym.js parents send the frame's width on load and resize and expect a height in reply.
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let (Some(data), Some(id)) = (event.data().as_string(), pym_id.as_deref()) else { return };
        if parse_pym_width(&data, id).is_some() {
            (post.borrow_mut())(true);
        }
    });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    // Both listeners serve the page for its whole life.
    on_message.forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_pym_height_messages() {
        assert_eq!(pym_message("chart-1", "height", "640"), "pymxPYMxchart-1xPYMxheightxPYMx640");
    }

    #[test]
    fn reads_only_width_messages_for_this_frame() {
        assert_eq!(parse_pym_width("pymxPYMxchart-1xPYMxwidthxPYMx720", "chart-1"), Some(720));
        assert_eq!(parse_pym_width("pymxPYMxchart-1xPYMxwidthxPYMx720.5", "chart-1"), Some(720));
        assert_eq!(parse_pym_width("pymxPYMxother xPYMxwidthxPYMx720", "chart-1"), None);
        assert_eq!(parse_pym_width("pymxPYMxchart-1xPYMxheightxPYMx720", "chart-1"), None);
        assert_eq!(parse_pym_width("pymxPYMxchart-1xPYMxwidthxPYMxwide", "chart-1"), None);
        assert_eq!(parse_pym_width("pymxPYMxchart-1xPYMxwidthxPYMx-5", "chart-1"), None);
        assert_eq!(parse_pym_width("pymxPYMxchart-1xPYMxwidthxPYMx5xPYMx6", "chart-1"), None);
        assert_eq!(parse_pym_width("{\"datawrapper-height\":1}", "chart-1"), None);
        assert_eq!(parse_pym_width("", "chart-1"), None);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Whatever a parent or any other window posts, parsing never panics, and only a
        /// well-formed width message for this frame yields a width.
        #[test]
        fn any_message_parses_without_panicking(data in ".{0,300}", child in "[A-Za-z0-9_-]{1,20}") {
            let width = parse_pym_width(&data, &child);
            if width.is_some() {
                let prefix = format!("pymxPYMx{child}xPYMxwidthxPYMx");
                proptest::prop_assert!(data.starts_with(&prefix));
            }
        }

        #[test]
        fn well_formed_widths_are_read(child in "[A-Za-z0-9_-]{1,20}", width in 0u32..100_000) {
            proptest::prop_assert_eq!(parse_pym_width(&pym_message(&child, "width", &width.to_string()), &child), Some(width));
        }
    }
}
