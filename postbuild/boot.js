// Starts the explainer. This file replaces the inline loader Trunk writes, so that the page's
// Content Security Policy can forbid inline script. The build fills in the constants in capitals.
//
// When the browser has no WebAssembly, or a file of the app fails to load or to start, the
// reader gets the text version (every chapter's text and every chart's table, made at build time)
// with a short note, instead of a skeleton that never fills in.
const GLUE = '__GLUE__';
const WASM = '__WASM__';
const WASM_INTEGRITY = '__WASM_INTEGRITY__';
const LANGS = ['en', 'de', 'nl', 'zh'];
// The first-paint skeleton's words in each language (from locales/, written in by the build).
const SKELETON_WORDS = __SKELETON_WORDS__;

function readerLang() {
  const asked = new URLSearchParams(location.search).get('lang');
  const tags = [asked, ...(navigator.languages || [navigator.language])].filter(Boolean);
  for (const tag of tags) {
    const parts = String(tag).toLowerCase().split(/[-_]/);
    if (parts[0] === 'zh' && parts.some((p) => ['hant', 'tw', 'hk', 'mo'].includes(p))) continue;
    if (LANGS.includes(parts[0])) return parts[0];
  }
  return 'en';
}

async function showTextVersion(reason) {
  console.warn('The interactive explainer could not start; showing the text version.', reason);
  const lang = readerLang();
  const skeleton = document.getElementById('skeleton');
  try {
    const response = await fetch(`text-${lang}.html`);
    if (!response.ok) throw new Error(`text version: HTTP ${response.status}`);
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const story = page.querySelector('main');
    if (!story) throw new Error('text version: no <main>');
    document.documentElement.lang = page.documentElement.lang;
    document.title = page.title;
    for (const old of document.querySelectorAll('main, #skeleton')) old.remove();
    document.body.prepend(document.adoptNode(story));
  } catch (err) {
    console.error(err);
    if (skeleton) {
      const note = document.createElement('p');
      note.className = 'start-failed';
      note.setAttribute('role', 'alert');
      note.textContent = 'This explainer could not start in this browser. Please reload, or open it in another browser.';
      skeleton.append(note);
    }
  }
}

// Until the app arrives, the skeleton speaks the reader's language.
const words = SKELETON_WORDS[readerLang()];
if (words) {
  for (const slot of document.querySelectorAll('#skeleton [data-text]')) {
    if (words[slot.dataset.text]) slot.textContent = words[slot.dataset.text];
  }
  document.documentElement.lang = readerLang() === 'zh' ? 'zh-Hans' : readerLang();
}

if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
  showTextVersion('WebAssembly is not available');
} else {
  import(GLUE)
    .then((glue) => glue.default({ module_or_path: fetch(WASM, { integrity: WASM_INTEGRITY }) }).then((wasm) => {
      window.wasmBindings = glue;
      dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
    }))
    .catch(showTextVersion);
}
