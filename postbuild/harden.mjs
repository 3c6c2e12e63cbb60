// Makes the built page hold to its Content Security Policy, run from Trunk's post-build hook
// (`node postbuild/harden.mjs <staging folder>`, after the prerendered pages are written):
//
// - replaces Trunk's inline module loader in each story page with postbuild/boot.js, written as boot-<hash>.js and
//   loaded with subresource integrity (the wasm is fetched with its integrity too);
// - turns ECharts' script tag into a note the app reads when the first chart goes live;
// - puts the policy in a <meta> at the top of <head>, in the story pages and the text versions;
// - drops the HTML comments;
// - stops the build if any inline script, inline style or script without integrity is left
//   (but for the first-paint script, see `firstPaintScript`, and the story's structured data,
//   see `isStructuredData`).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

import { POLICY } from './host-headers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const fail = (message) => {
  console.error(`postbuild/harden.mjs: ${message}`);
  process.exit(1);
};

/// Inserts the policy right after <head> (before any script or style can load).
function withPolicy(html) {
  if (html.includes('http-equiv="Content-Security-Policy"')) return html;
  return html.replace(/<head>/i, `<head>\n    <meta http-equiv="Content-Security-Policy" content="${POLICY}" />`);
}

/// HTML allows `integrity` on stylesheets and preloads only; Trunk also writes it on the icon link.
const withoutIconIntegrity = (html) => html.replace(/(<link rel="icon"[^>]*?) integrity="[^"]*"/g, '$1');

/// The page's own stylesheets go without integrity. In a frame sandboxed without
/// allow-same-origin (origin `null`) a file with integrity loads only with a CORS header from the
/// host; without integrity the stylesheets still load there, so the page the reader keeps is
/// styled. The policy's `style-src 'self'` still decides where styles may come from.
const withoutStylesheetIntegrity = (html) => html.replace(/(<link rel="stylesheet"[^>]*?) integrity="[^"]*"/g, '$1');

/// A block of structured data (prerender/src/findable.rs): a data block, which browsers do not
/// run, so the policy needs no 'unsafe-inline' for it. Exactly such a block: the one type, no
/// other attribute, and a body that is schema.org JSON.
function isStructuredData(attrs, body) {
  if (attrs.trim() !== 'type="application/ld+json"') return false;
  try {
    return JSON.parse(body)['@context'] === 'https://schema.org';
  } catch {
    return false;
  }
}

/// The page without comments: those of index.html explain the source to its editors, and the
/// renderer's markers of empty places (`<!--<() />-->`) serve no page that is not hydrated.
const withoutComments = (html) => html.replace(/<!--[\s\S]*?-->/g, '');

/// Every way inline code could still reach the page; empty when the page holds to the policy.
function policyProblems(html) {
  const problems = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attrs, body] = match;
    if (isStructuredData(attrs, body)) continue;
    if (!/\bsrc=/.test(attrs) && body.trim() !== '') problems.push(`inline script: ${body.trim().slice(0, 60)}`);
    const firstPaint = /\bsrc="\.\/first-paint-[0-9a-f]{16}\.js"/.test(attrs);
    if (/\bsrc=/.test(attrs) && !firstPaint && !/\bintegrity=/.test(attrs)) problems.push(`script without integrity: ${attrs.trim()}`);
  }
  if (/<style\b/i.test(html)) problems.push('inline <style> element');
  if (/<[a-z][^>]*\sstyle=/i.test(html)) problems.push('inline style attribute');
  if (/\son[a-z]+=/i.test(html.replace(/<!--[\s\S]*?-->/g, ''))) problems.push('inline event handler attribute');
  return problems;
}

/// What the app shares with the scripts around it (src/ui/manifest.rs), written by the prerender
/// step into the build folder.
const readManifest = (dir) => JSON.parse(readFileSync(join(dir, 'build-manifest.json'), 'utf8'));

/// The story's prerendered pages, one per language, and each chart's embed pages (see prerender/).
const storyPages = (manifest) => manifest.langs.map((l) => l.page);
const embedPages = (manifest) => manifest.langs.flatMap((l) => manifest.charts.map((id) => l.embed.replace('{chart}', id)));

/// A script as the page gets it: without its comments and with short local names (esbuild), so
/// that the sources can explain themselves at no cost to the reader.
const minified = (code) => transformSync(code, { minify: true, loader: 'js', target: 'es2020' }).code;

/// The first-paint script (postbuild/first-paint.js) with the manifest's languages and charts, written once;
/// returns its tag, which goes first in every page's <head> after the policy. It is the one
/// script without integrity: it must run in a frame sandboxed without allow-same-origin even when
/// the host sends no CORS header (a file with integrity is refused there), since it is what
/// opens the right page and keeps the page readable when the app's files are refused. The
/// policy's `script-src 'self'` still allows only this origin's files.
function firstPaintScript(dir, manifest) {
  const shared = {
    // What the script reads of each language: its short code, its `?lang=` values and its pages.
    langs: manifest.langs.map(({ short, params, href, embed }) => ({ short, params, href, embed })),
    charts: manifest.charts,
    traditionalChineseSubtags: manifest.traditionalChineseSubtags,
    chartPageAttribute: manifest.chartPageAttribute,
    views: manifest.views,
    pageParams: manifest.pageParams,
    viewPicture: manifest.viewPicture,
    selectors: manifest.selectors,
  };
  const text = minified(readFileSync(join(here, 'first-paint.js'), 'utf8').replace('__MANIFEST__', JSON.stringify(shared)));
  const name = `first-paint-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), text);
  return `<script src="./${name}"></script>`;
}

/// ECharts stays out of the first load: its script tag becomes a note of its file and integrity,
/// and the app loads it when the first chart goes live (src/web/echarts.rs, `load`).
function chartLibraryOnDemand(html) {
  return html.replace(
    /<script src="(\.\/echarts\.min-[^"]+\.js)" integrity="([^"]+)"[^>]*><\/script>/,
    (_, src, integrity) => `<meta name="chart-library" content="${src}" data-integrity="${integrity}" />`,
  );
}

/// The app's glue and wasm are fetched by the boot script after the page is parsed, not preloaded
/// with it: on a slow network they would compete with the page's first paint.
const withoutAppPreloads = (html) => html.replace(/<link rel="(?:module)?preload" href="\.\/car-exports-[^"]+"[^>]*>/g, '');

/// Replaces Trunk's inline module loader with the boot script (written once for every page).
function withBootScript(dir, html, manifest) {
  const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/);
  if (!loader) {
    if (/<script type="module" async src="\.\/boot-/.test(html)) return html;
    fail('no Trunk loader and no boot script in a story page');
  }
  const glue = loader[1].match(/from '(\.\/[^']+\.js)'/)?.[1];
  const wasm = loader[1].match(/module_or_path: '(\.\/[^']+\.wasm)'/)?.[1];
  if (!glue || !wasm) fail(`Trunk's loader changed shape; cannot find the glue and wasm paths in:\n${loader[1]}`);
  const boot = minified(
    readFileSync(join(here, 'boot.js'), 'utf8')
      .replace('__GLUE__', glue)
      .replace('__WASM__', wasm)
      .replace('__WASM_INTEGRITY__', sri(readFileSync(join(dir, wasm))))
      .replace('__MANIFEST__', JSON.stringify({ events: manifest.events, selectors: manifest.selectors })),
  );
  const name = `boot-${createHash('sha256').update(boot).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), boot);
  // async: see the top of postbuild/boot.js.
  return html.replace(loader[0], `<script type="module" async src="./${name}" integrity="${sri(boot)}"></script>`);
}

function main() {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) fail('usage: node postbuild/harden.mjs <build folder> (or set TRUNK_STAGING_DIR)');
  // The charts' share pages (charts/<id>/*.html, prerender/src/share.rs) carry no script, but the
  // same policy.
  // (each view with a page of its own has a folder there, `charts/<id>/<view>/`).
  const sharePages = existsSync(join(dir, 'charts'))
    ? readdirSync(join(dir, 'charts'), { recursive: true }).filter((f) => f.endsWith('.html')).map((f) => `charts/${f.split('\\').join('/')}`)
    : [];
  const manifest = readManifest(dir);
  const appPages = [...storyPages(manifest), ...embedPages(manifest)];
  const isAppPage = (file) => appPages.includes(file);
  for (const page of appPages) if (!existsSync(join(dir, page))) fail(`${page} is missing: the prerender step writes it`);
  // The data package's landing page (prerender/src/findable.rs) has no script but its data block.
  const dataPage = existsSync(join(dir, 'data/index.html')) ? ['data/index.html'] : [];
  const pages = [...appPages, ...readdirSync(dir).filter((f) => /^text-[a-z]+\.html$/.test(f)), ...sharePages, ...dataPage];
  const firstPaint = firstPaintScript(dir, manifest);
  for (const page of pages) {
    const path = join(dir, page);
    let text = readFileSync(path, 'utf8');
    if (isAppPage(page)) {
      text = withoutAppPreloads(chartLibraryOnDemand(withBootScript(dir, text, manifest)));
      if (/preload"[^>]*car-exports-/.test(text)) fail(`${page}: the app is still preloaded`);
      if (!text.includes('name="chart-library"')) fail(`${page}: no ECharts script to load on demand`);
      text = text.replace(/<head>/i, `<head>\n    ${firstPaint}`);
    }
    text = withPolicy(withoutStylesheetIntegrity(withoutIconIntegrity(withoutComments(text))));
    const problems = policyProblems(text);
    if (problems.length) fail(`${page} would break the Content Security Policy:\n  ${problems.join('\n  ')}`);
    writeFileSync(path, text);
  }
  console.log(`harden: policy and integrity in ${pages.length} pages (${pages.filter((p) => !/^(?:embed-|charts\/|data\/)/.test(p)).join(', ')}, the embed pages, the charts' share pages and the data's page)`);
}

main();
