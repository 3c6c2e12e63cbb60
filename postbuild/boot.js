// Starts the explainer. This file replaces the inline loader Trunk writes, so that the page's
// Content Security Policy can forbid inline script. The build fills in the constants in capitals.
//
// It is an async module: it runs as soon as it arrives, maybe before the page is parsed, so it
// touches no element of the page (the app waits for the page itself, src/lib.rs). Run at the
// end of parsing instead, it shared the task in which the browser lays out the whole page, and
// that task then waited for this file on a slow network: a long task after the first paint.
//
// The page is whole without it: prerendered text, charts drawn as pictures, tables.
// When the browser has no WebAssembly, or a file of the app fails to load or to start, the
// reader keeps that page; only the charts' controls stay still.
const GLUE = '__GLUE__';
const WASM = '__WASM__';
const WASM_INTEGRITY = '__WASM_INTEGRITY__';
// The events and selectors the app shares with this script (src/ui/manifest.rs).
const MANIFEST = __MANIFEST__;

// A control used before its chapter is live is marked, and the app replays it once the chapter
// is live (src/live.rs); meanwhile the control says it is busy.
function markQueued(event) {
  const control = event.target instanceof Element ? event.target.closest(MANIFEST.selectors.queuedControls) : null;
  if (!control || !control.closest(MANIFEST.selectors.prerenderedChapter)) return;
  control.setAttribute('data-queued', event.type === 'click' ? 'click' : 'input');
  control.setAttribute('aria-busy', 'true');
}
for (const kind of MANIFEST.events.queuedControl) document.addEventListener(kind, markQueued, true);

// A reader who already scrolled, pointed or typed has met the charts on screen: the app brings
// them to life at once instead of waiting for another interaction (src/live.rs).
function markInteracted() {
  document.documentElement.setAttribute('data-interacted', '');
}
for (const kind of MANIFEST.events.firstInteraction) {
  addEventListener(kind, markInteracted, { capture: true, once: true, passive: true });
}

// The first-paint script (postbuild/first-paint.js) turns the page into its static form.
function keepStaticPage(reason) {
  console.warn('The interactive explainer could not start; the page stays as it was prerendered.', reason);
  dispatchEvent(new Event('static-page'));
}

// The browser decodes a wasm module on the main thread as its bytes are handed to the compiler.
// Handed over at once (as a checked `integrity` fetch does: the body is whole before it is
// read), the app's module is decoded in one long task while the reader may already be scrolling
// (BENCHMARKS.md, "Where the wasm's bytes go"). Handed over a slice per task, the same work comes
// in short tasks between which the page stays responsive. (Smaller slices only add tasks: the
// body is read in pieces larger than a slice anyway.)
const SLICE = 256 * 1024;

// A message to oneself is the quickest way to let the browser run other tasks first
// (setTimeout is held back to 4 ms after a few nested calls).
function nextTask() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

function inSlices(response) {
  if (!response.ok || !response.body || typeof ReadableStream !== 'function') return response;
  const reader = response.body.getReader();
  let rest = new Uint8Array(0);
  const sliced = new ReadableStream({
    async pull(controller) {
      if (rest.length === 0) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        rest = value;
      }
      await nextTask();
      controller.enqueue(rest.subarray(0, SLICE));
      rest = rest.subarray(SLICE);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(sliced, { headers: { 'Content-Type': 'application/wasm' } });
}

// The app's files are fetched once the page has painted: fetched earlier (this script runs as
// soon as it arrives), the wasm would share a slow network with the page and its styles, which
// the first paint waits for. A page that is not being painted (a tab in the background, a frame
// the browser does not draw while it is out of view) gets them after a second all the same.
function afterFirstPaint() {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 1000);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
  keepStaticPage('WebAssembly is not available');
} else {
  afterFirstPaint()
    .then(() => import(GLUE))
    .then((glue) => glue.default({ module_or_path: fetch(WASM, { integrity: WASM_INTEGRITY }).then(inSlices) }).then((wasm) => {
      window.wasmBindings = glue;
      dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
    }))
    .catch(keepStaticPage);
}
