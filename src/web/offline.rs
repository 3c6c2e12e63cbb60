//! Working without a network: registers the service worker that the build writes (sw.js, next to
//! index.html) and reports when every file of the build is cached.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Whether the page came under the service worker, which controls a page only once it has cached
/// the whole build: the chart library is then in its cache already. In a frame sandboxed without
/// allow-same-origin, reading `navigator.serviceWorker` throws: no worker there.
pub fn under_service_worker() -> bool {
    web_sys::window()
        .and_then(|window| js_sys::Reflect::get(&window.navigator(), &"serviceWorker".into()).ok())
        .filter(|container| !container.is_undefined())
        .and_then(|container| js_sys::Reflect::get(&container, &"controller".into()).ok())
        .is_some_and(|controller| controller.is_object())
}

/// Registers `sw.js` relative to the page, so the site also works under a sub-path, and sets
/// `ready` once an active worker (which has precached the whole build) controls the scope.
pub fn register(ready: RwSignal<bool>) {
    let Some(window) = web_sys::window() else { return };
    // Browsers without service workers (or pages opened from file://) simply stay online-only.
    // In a frame sandboxed without allow-same-origin, reading `navigator.serviceWorker` throws a
    // SecurityError, hence the reflective read: there the page stays online-only too.
    let Ok(container) = js_sys::Reflect::get(&window.navigator(), &"serviceWorker".into()) else { return };
    if container.is_undefined() || !window.is_secure_context() {
        return;
    }
    let container: web_sys::ServiceWorkerContainer = container.unchecked_into();
    let registration = container.register("./sw.js");
    leptos::task::spawn_local(async move {
        if let Err(err) = JsFuture::from(registration).await {
            leptos::logging::warn!("offline copy not available: {err:?}");
            return;
        }
        if let Ok(promise) = container.ready()
            && JsFuture::from(promise).await.is_ok()
        {
            ready.set(true);
        }
    });
}
