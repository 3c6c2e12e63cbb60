// Shared pieces of the end-to-end tests: a static server for the release build on 127.0.0.1,
// a headless Chromium that never reaches the network, and probes into the drawn charts.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const DIST = process.env.DIST ?? new URL('../../dist', import.meta.url).pathname;

/// What the app shares with the scripts and these tests (src/ui/manifest.rs): its languages and
/// their pages, chart and chapter ids, breakpoints, events and inks.
export const MANIFEST = JSON.parse(readFileSync(join(DIST, 'build-manifest.json'), 'utf8'));
/// Every chart id and chapter id, in reading order.
export const CHART_IDS = MANIFEST.charts;
export const CHAPTER_IDS = MANIFEST.chapters.map((c) => c.id);
/// Each language: its short code, its story page's address and file.
export const LANG_PAGES = MANIFEST.langs.map((l) => ({ short: l.short, path: `/${l.href === './' ? '' : l.href}`, file: l.page }));
/// The public address the build was made for (`SITE_URL`; the test command builds for a port
/// of the loopback), or null: tests of what needs absolute addresses serve the build there.
export const SITE = MANIFEST.site;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
// What `gzip` compresses: text and wasm; the images are compressed already.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.webmanifest']);

/**
 * Serves `root` (default: the release build) on 127.0.0.1, on `port` (default: a free one), under
 * `prefix` (default: the root), plus `extra` routes. With `gzip`, files of `root` go out
 * compressed (gzip -9, `Content-Encoding: gzip`) to clients that accept it, as a production
 * server would send them; each file is compressed once. With `hosted`, it serves as the README's
 * "Deploy" asks of a host: the headers of the build's `_headers` file (which itself is not
 * served), and the build's precompressed `.br` or `.gz` copy when the client accepts it.
 */
export async function serve(root = DIST, extra = {}, { port = 0, prefix = '/', gzip = false, hosted = false } = {}) {
  const compressed = new Map();
  const rules = hosted ? parseHeadersFile(await readFile(join(root, '_headers'), 'utf8')) : [];
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!extra[path]) {
      if (!path.startsWith(prefix)) {
        res.writeHead(404).end('not found');
        return;
      }
      path = `/${path.slice(prefix.length)}`;
    }
    if (extra[path]) {
      res.writeHead(200, { 'content-type': extra[path].type, ...extra[path].headers });
      res.end(extra[path].body);
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(normalize(root)) || (hosted && path === '/_headers')) {
      res.writeHead(hosted ? 404 : 403).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const accepts = (encoding) => new RegExp(`\\b${encoding}\\b`).test(req.headers['accept-encoding'] ?? '');
      if (hosted) {
        const headers = { 'content-type': type, ...headersFor(rules, path.endsWith('/') ? `${path}index.html` : path) };
        for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
          if (!accepts(encoding)) continue;
          const copy = await readFile(`${file}${suffix}`).catch(() => null);
          if (!copy) continue;
          res.writeHead(200, { ...headers, 'content-encoding': encoding, vary: 'accept-encoding' });
          res.end(copy);
          return;
        }
        res.writeHead(200, headers);
        res.end(await readFile(file));
        return;
      }
      if (gzip && COMPRESSIBLE.has(extname(file)) && accepts('gzip')) {
        const key = `${file}:${info.mtimeMs}:${info.size}`;
        if (!compressed.has(key)) compressed.set(key, gzipSync(await readFile(file), { level: 9 }));
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
        res.end(compressed.get(key));
        return;
      }
      res.writeHead(200, { 'content-type': type });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    port: server.address().port,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Reads a `_headers` file as Netlify and Cloudflare Pages do: blocks of a path (exact, or ending
 * in one `*`) and indented `Name: value` lines; `#` starts a comment.
 */
export function parseHeadersFile(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const [, name, value] = line.match(/^\s+([^:]+):\s*(.*)$/) ?? [];
    if (!name || rules.length === 0) throw new Error(`_headers: cannot read the line "${line}"`);
    rules.at(-1).headers[name.toLowerCase()] = value;
  }
  return rules;
}

/** The headers of every rule whose path matches; a later rule adds to or replaces earlier ones. */
export function headersFor(rules, path) {
  const matches = (pattern) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);
  return Object.assign({}, ...rules.filter((rule) => matches(rule.path)).map((rule) => rule.headers));
}

/**
 * A newsroom page (an extra route for `serve`) that frames `src` in an iframe with the `sandbox`
 * given, and records the Datawrapper-style height messages in `window.heights`, sizing the frame.
 */
export function framingHost(src, sandbox) {
  return {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><title>A newsroom article</title><link rel="icon" href="data:,"></head><body>
<h1>A newsroom article</h1>
<iframe id="embed" title="Chart" sandbox="${sandbox}" src="${src}" style="width:100%;border:0" height="200"></iframe>
<script>
  window.heights = [];
  addEventListener('message', (e) => {
    const h = e.data && e.data['datawrapper-height'];
    if (h) { window.heights.push(h); for (const k in h) document.getElementById('embed').height = h[k]; }
  });
</script></body></html>`,
  };
}

/**
 * Records every Content Security Policy violation a context's pages report, from before their
 * first script runs, in `window.__violations`.
 */
export async function watchViolations(context) {
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`);
    });
  });
}

/**
 * Registers a suite's server and browser with node:test's before/after hooks; the returned object
 * holds them once the suite starts.
 */
export function suite({ before, after }, extraRoutes) {
  const ctx = {};
  before(async () => {
    ctx.server = await serve(undefined, await extraRoutes?.());
    ctx.browser = await launch();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

/**
 * The fonts the pages are tested with: files of the Debian packages the test command installs
 * (xtask/src/tools.rs: fonts-dejavu-core for Latin text, fonts-wqy-microhei for Chinese), and
 * nothing else. DejaVu is also the widest of Debian's common text fonts, so a layout that fits
 * here fits with narrower ones.
 */
const DEJAVU = '/usr/share/fonts/truetype/dejavu';
export const TEST_FONTS = {
  files: [
    ...['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSerif', 'DejaVuSerif-Bold', 'DejaVuSansMono', 'DejaVuSansMono-Bold'].map((f) => `${DEJAVU}/${f}.ttf`),
    '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  ],
  sans: ['DejaVu Sans', 'WenQuanYi Micro Hei'],
  serif: ['DejaVu Serif', 'WenQuanYi Micro Hei'],
  monospace: ['DejaVu Sans Mono', 'WenQuanYi Micro Hei Mono'],
};

/**
 * A fontconfig file that shows Chromium only TEST_FONTS (linked into a folder of their own),
 * whatever else the machine has, so every machine renders the same pages. Written once per process.
 */
let fontConfig;
function testFontConfig() {
  if (fontConfig) return fontConfig;
  // One folder for every test process; several may set it up at once, hence no error on EEXIST.
  const dir = join(tmpdir(), 'car-exports-test-fonts');
  mkdirSync(join(dir, 'cache'), { recursive: true });
  mkdirSync(join(dir, 'fonts'), { recursive: true });
  for (const file of TEST_FONTS.files) {
    if (!existsSync(file)) throw new Error(`the test font ${file} is missing: \`cargo xtask test\` installs it`);
    try {
      symlinkSync(file, join(dir, 'fonts', basename(file)));
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
  }
  const prefer = (families) => families.map((f) => `<family>${f}</family>`).join('');
  const alias = (generic, families) => `  <alias binding="same"><family>${generic}</family><prefer>${prefer(families)}</prefer></alias>`;
  fontConfig = join(dir, 'fonts.conf');
  // Written aside and renamed, so another test process never reads half a file.
  writeFileSync(
    `${fontConfig}.${process.pid}`,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
      '<fontconfig>',
      `  <dir>${join(dir, 'fonts')}</dir>`,
      `  <cachedir>${join(dir, 'cache')}</cachedir>`,
      alias('sans-serif', TEST_FONTS.sans),
      alias('sans', TEST_FONTS.sans),
      alias('system-ui', TEST_FONTS.sans),
      alias('serif', TEST_FONTS.serif),
      alias('monospace', TEST_FONTS.monospace),
      // Any other name (a system font the page asks for first) falls back to the sans fonts.
      `  <match target="pattern"><edit name="family" mode="append_last">${TEST_FONTS.sans.map((f) => `<string>${f}</string>`).join('')}</edit></match>`,
      '</fontconfig>',
      '',
    ].join('\n'),
  );
  renameSync(`${fontConfig}.${process.pid}`, fontConfig);
  return fontConfig;
}

/** Headless Chromium with the flags this closed network needs, and only the test fonts. */
export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, FONTCONFIG_FILE: testFontConfig() },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens a page and records what must never happen: console errors, uncaught exceptions, and
 * requests to any origin other than the page's own.
 */
export async function openPage(browser, url, { width = 1280, height = 900, colorScheme = 'light', reducedMotion = 'no-preference' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion });
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], foreignRequests: [] };
  const origin = new URL(url).origin;
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err)));
  page.on('request', (req) => {
    const target = new URL(req.url());
    if (target.origin !== origin && target.protocol !== 'data:' && target.protocol !== 'blob:') {
      problems.foreignRequests.push(req.url());
    }
  });
  await page.goto(url);
  return { page, context, problems };
}

/**
 * Brings the chart with `id` to life as a reader does: the page arrives prerendered, and a chart
 * goes live when the reader comes near it (scrolls it into view) or first moves, touches or types.
 * Then waits until it has an ECharts instance with at least one series drawn.
 */
export async function waitForChart(page, id, { approach = true } = {}) {
  const frame = page.locator(`[data-chart="${id}"]`).first();
  await frame.waitFor({ state: 'attached', timeout: 20000 });
  if (approach) {
    // The prerendered frame may be swapped for the live one meanwhile: that is fine.
    await frame.scrollIntoViewIfNeeded({ timeout: 5000 }).catch(() => {});
    await page.mouse.move(3, 3);
  }
  await page.waitForFunction(
    (chartId) => {
      const el = document.querySelector(`[data-chart="${chartId}"] .chart-canvas`);
      const chart = el && window.echarts?.getInstanceByDom(el);
      // The prerendered picture goes once the live chart has finished drawing the same view.
      return chart && chart.getOption().series.length > 0 && el.querySelector('canvas') && !el.querySelector('.static-picture');
    },
    id,
    { timeout: 20000 },
  );
}

/** The series ECharts is drawing in a chart: names and values. */
export function drawnSeries(page, id) {
  return page.evaluate((chartId) => {
    const el = document.querySelector(`[data-chart="${chartId}"] .chart-canvas`);
    // A data item is a plain value, or an object carrying its value and its own style.
    const value = (d) => (d && typeof d === 'object' && !Array.isArray(d) && 'value' in d ? d.value : d);
    return window.echarts.getInstanceByDom(el).getOption().series.map((s) => ({ name: s.name, data: s.data.map(value) }));
  }, id);
}

/** A fingerprint of the pixels on a chart's canvas, and how many of them are painted. */
export async function canvasPixels(page, id) {
  // Let ECharts finish the frame (animations are off under reduced motion; wait regardless).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate((chartId) => {
    const canvas = document.querySelector(`[data-chart="${chartId}"] .chart-canvas canvas`);
    const ctx = canvas.getContext('2d');
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0) painted += 1;
      hash = (hash * 31 + data[i] + data[i + 1] * 7 + data[i + 2] * 13 + data[i + 3]) | 0;
    }
    return { painted, hash, total: canvas.width * canvas.height };
  }, id);
}

/** The table under a chart: column labels and, per row, the year and raw cell values (null for gaps). */
export function tableOf(page, id) {
  return page.evaluate((chartId) => {
    const table = document.querySelector(`[data-chart="${chartId}"] .data-table`);
    const columns = [...table.querySelectorAll('thead th')].slice(1).map((th) => th.textContent.trim());
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => ({
      year: tr.querySelector('th').textContent.trim(),
      values: [...tr.querySelectorAll('td')].map((td) => (td.dataset.value === undefined ? null : Number(td.dataset.value))),
      text: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
    }));
    return { columns, rows };
  }, id);
}

/**
 * Every text ECharts draws in a chart, from zrender's display list (on a canvas a text is drawn
 * as one span per line): its words, its box on the canvas, and what it labels ("bar" for a value
 * written on a bar, "line" for a line's end label, else "other": axis labels, legend, marks).
 */
export function drawnTexts(page, id) {
  return page.evaluate((chartId) => {
    const el = document.querySelector(`[data-chart="${chartId}"] .chart-canvas`);
    const chart = window.echarts.getInstanceByDom(el);
    const texts = new Map();
    for (const span of chart.getZr().storage.getDisplayList(true)) {
      if (span.type !== 'tspan' || !span.style?.text || span.invisible || span.ignore || (span.style.opacity ?? 1) === 0) continue;
      const box = span.getBoundingRect().clone();
      if (span.transform) box.applyTransform(span.transform);
      const owner = span.parent ?? span;
      const text = texts.get(owner);
      if (text) {
        text.box.union(box);
        text.lines.push(String(span.style.text));
      } else {
        const host = owner.__hostTarget?.type;
        const on = host === 'rect' ? 'bar' : host === 'ec-polyline' ? 'line' : 'other';
        texts.set(owner, { box, lines: [String(span.style.text)], on });
      }
    }
    return [...texts.values()].map(({ box, lines, on }) => ({ text: lines.join('\n'), x: box.x, y: box.y, width: box.width, height: box.height, on }));
  }, id);
}
