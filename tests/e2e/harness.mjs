// Shared pieces of the end-to-end tests: a static server for the release build on 127.0.0.1,
// a headless Chromium that never reaches the network, and probes into the drawn charts.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

/// Debian's nginx and its brotli_static module, which the test command installs (xtask/src/tools.rs).
export const NGINX = { binary: '/usr/sbin/nginx', brotliStatic: '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so' };
const NGINX_SITE = new URL('../../deploy/nginx.conf', import.meta.url).pathname;

/** A port of the loopback that nobody listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Serves `root` (default: the release build) through a real nginx on a free port of the loopback,
 * with deploy/nginx.conf included in its `server` block as the README's "Deploy" says: its `root`
 * set to where the site is and `brotli_static` switched on, with the module loaded. With
 * `subPath` ("explainer"), the site is a folder of the served root, as on a host that serves
 * other pages beside it. nginx runs in the foreground as a child of the test and stops on `close`.
 */
export async function serveWithNginx(root = DIST, { subPath = '' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'car-exports-nginx-'));
  // The workers may run as another user: they must be able to read the files.
  chmodSync(dir, 0o755);
  let served = root;
  if (subPath) {
    served = join(dir, 'www');
    mkdirSync(served);
    symlinkSync(root, join(served, subPath));
  }
  const site = readFileSync(NGINX_SITE, 'utf8');
  if (!/^root [^;]+;/m.test(site) || !/^# brotli_static on;/m.test(site)) throw new Error('deploy/nginx.conf no longer has the `root` and `brotli_static` lines the README names');
  writeFileSync(join(dir, 'site.conf'), site.replace(/^root [^;]+;/m, `root ${served};`).replace(/^# brotli_static on;/m, 'brotli_static on;'));
  const port = await freePort();
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((k) => `  ${k}_temp_path ${join(dir, k)};`).join('\n');
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      `load_module ${NGINX.brotliStatic};`,
      'daemon off;',
      process.getuid?.() === 0 ? 'user root;' : '',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'events { worker_connections 256; }',
      'http {',
      '  access_log off;',
      temp,
      `  server {\n    listen 127.0.0.1:${port};\n    include ${join(dir, 'site.conf')};\n  }`,
      '}',
      '',
    ].join('\n'),
  );
  const child = spawn(NGINX.binary, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const origin = `http://127.0.0.1:${port}`;
  const log = () => `${stderr}${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`;
  for (let tries = 0; ; tries += 1) {
    if (child.exitCode !== null) throw new Error(`nginx stopped at start:\n${log()}`);
    const up = await fetch(`${origin}/`, { method: 'HEAD' }).then(() => true, () => false);
    if (up) break;
    if (tries > 100) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not answer on ${origin}:\n${log()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  let closed = false;
  return {
    origin,
    base: `${origin}/${subPath ? `${subPath}/` : ''}`,
    log,
    close: async () => {
      if (closed) return;
      closed = true;
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
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
 * Sums, in `window.__shift`, the layout shifts a context's pages make that no input caused (the
 * page's Cumulative Layout Shift, from its first paint).
 */
export async function watchLayoutShift(context) {
  await context.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
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
 * The font sets the pages are tested with: files of the Debian packages the test command installs
 * (xtask/src/tools.rs), and nothing else, so every machine renders the same pages.
 * - `all`: DejaVu for Latin text and WenQuanYi Micro Hei for Chinese. DejaVu is also the widest of
 *   Debian's common text fonts, so a layout that fits here fits with narrower ones.
 * - `latin`: DejaVu and Liberation with no CJK font at all, as on many Linux systems: text
 *   measurement that leans on a CJK glyph (zrender's line height) goes wrong there.
 */
const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const LIBERATION = '/usr/share/fonts/truetype/liberation';
const DEJAVU_FILES = ['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSerif', 'DejaVuSerif-Bold', 'DejaVuSansMono', 'DejaVuSansMono-Bold'].map((f) => `${DEJAVU}/${f}.ttf`);
export const FONT_SETS = {
  all: {
    files: [...DEJAVU_FILES, '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'],
    sans: ['DejaVu Sans', 'WenQuanYi Micro Hei'],
    serif: ['DejaVu Serif', 'WenQuanYi Micro Hei'],
    monospace: ['DejaVu Sans Mono', 'WenQuanYi Micro Hei Mono'],
  },
  latin: {
    files: [...DEJAVU_FILES, ...['LiberationSans-Regular', 'LiberationSans-Bold', 'LiberationSerif-Regular', 'LiberationSerif-Bold', 'LiberationMono-Regular'].map((f) => `${LIBERATION}/${f}.ttf`)],
    sans: ['DejaVu Sans', 'Liberation Sans'],
    serif: ['DejaVu Serif', 'Liberation Serif'],
    monospace: ['DejaVu Sans Mono', 'Liberation Mono'],
  },
};

/**
 * A fontconfig file that shows Chromium only the fonts of one of FONT_SETS (linked into a folder
 * of their own), whatever else the machine has. Written once per set and process.
 */
const fontConfigs = new Map();
function testFontConfig(setName) {
  if (fontConfigs.has(setName)) return fontConfigs.get(setName);
  const set = FONT_SETS[setName];
  // One folder per set for every test process; several may set it up at once, hence no error on EEXIST.
  const dir = join(tmpdir(), `car-exports-test-fonts-${setName}`);
  mkdirSync(join(dir, 'cache'), { recursive: true });
  mkdirSync(join(dir, 'fonts'), { recursive: true });
  for (const file of set.files) {
    if (!existsSync(file)) throw new Error(`the test font ${file} is missing: \`cargo xtask test\` installs it`);
    try {
      symlinkSync(file, join(dir, 'fonts', basename(file)));
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
  }
  const prefer = (families) => families.map((f) => `<family>${f}</family>`).join('');
  const alias = (generic, families) => `  <alias binding="same"><family>${generic}</family><prefer>${prefer(families)}</prefer></alias>`;
  const fontConfig = join(dir, 'fonts.conf');
  // Written aside and renamed, so another test process never reads half a file.
  writeFileSync(
    `${fontConfig}.${process.pid}`,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
      '<fontconfig>',
      `  <dir>${join(dir, 'fonts')}</dir>`,
      `  <cachedir>${join(dir, 'cache')}</cachedir>`,
      alias('sans-serif', set.sans),
      alias('sans', set.sans),
      alias('system-ui', set.sans),
      alias('serif', set.serif),
      alias('monospace', set.monospace),
      // Any other name (a system font the page asks for first) falls back to the sans fonts.
      `  <match target="pattern"><edit name="family" mode="append_last">${set.sans.map((f) => `<string>${f}</string>`).join('')}</edit></match>`,
      '</fontconfig>',
      '',
    ].join('\n'),
  );
  renameSync(`${fontConfig}.${process.pid}`, fontConfig);
  fontConfigs.set(setName, fontConfig);
  return fontConfig;
}

/** Headless Chromium with the flags this closed network needs, and only the fonts of one set. */
export function launch({ fonts = 'all' } = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, FONTCONFIG_FILE: testFontConfig(fonts) },
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
 * as one span per line): its words, its box on the canvas, its font size, and what it labels
 * ("bar" for a value written on a bar, "line" for a line's end label, else "other": axis labels,
 * legend, marks). zrender sizes a line's box by the width of a CJK glyph, which is far too small
 * where the reader has no CJK font; each line's box is taken as at least as tall as its font
 * size, as the reader sees it, so a text is as tall as its lines only when they do not overprint.
 */
export function drawnTexts(page, id) {
  return page.evaluate((chartId) => {
    const el = document.querySelector(`[data-chart="${chartId}"] .chart-canvas`);
    const chart = window.echarts.getInstanceByDom(el);
    const texts = new Map();
    for (const span of chart.getZr().storage.getDisplayList(true)) {
      if (span.type !== 'tspan' || !span.style?.text || span.invisible || span.ignore || (span.style.opacity ?? 1) === 0) continue;
      const size = Number(String(span.style.font ?? '').match(/(\d+(?:\.\d+)?)px/)?.[1] ?? 12);
      const box = span.getBoundingRect().clone();
      if (box.height < size) {
        box.y -= (size - box.height) / 2;
        box.height = size;
      }
      if (span.transform) box.applyTransform(span.transform);
      const owner = span.parent ?? span;
      const text = texts.get(owner);
      if (text) {
        text.box.union(box);
        text.lines.push(String(span.style.text));
        text.size = Math.max(text.size, size);
      } else {
        const host = owner.__hostTarget?.type;
        const on = host === 'rect' ? 'bar' : host === 'ec-polyline' ? 'line' : 'other';
        texts.set(owner, { box, lines: [String(span.style.text)], on, size });
      }
    }
    return [...texts.values()].map(({ box, lines, on, size }) => ({ text: lines.join('\n'), lines: lines.length, size, x: box.x, y: box.y, width: box.width, height: box.height, on }));
  }, id);
}
