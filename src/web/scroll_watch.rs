//! Knowing what the reader is looking at, without polling the scroll position: an
//! IntersectionObserver reports which of a set of elements crosses a band of the viewport.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// Calls `on_enter(index)` whenever `elements[index]` enters the band left by `root_margin`
/// (e.g. "-45% 0px -45% 0px": a thin line across the middle of the screen). Returns the observer,
/// which stops watching when dropped... or lives with the page when the caller forgets it.
pub fn watch(elements: &[Element], root_margin: &str, on_enter: impl Fn(usize) + 'static) -> Option<Observer> {
    let targets: Vec<Element> = elements.to_vec();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new({
        let targets = targets.clone();
        move |entries: js_sys::Array| {
            for entry in entries.iter() {
                let entry: IntersectionObserverEntry = entry.unchecked_into();
                if entry.is_intersecting() {
                    let target = entry.target();
                    if let Some(index) = targets.iter().position(|t| *t == target) {
                        on_enter(index);
                    }
                }
            }
        }
    });
    let options = IntersectionObserverInit::new();
    options.set_root_margin(root_margin);
    let observer = IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
    for target in &targets {
        observer.observe(target);
    }
    Some(Observer { observer, _callback: callback })
}

/// A running observer; dropping it disconnects it.
pub struct Observer {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for Observer {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
