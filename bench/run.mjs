// The speed and weight benchmark: serves the release build gzip-compressed on 127.0.0.1, drives
// headless Chromium over several runs and writes bench/results.json and the table in
// BENCHMARKS.md; then the Lighthouse benchmark (bench/lighthouse.mjs) and the first tap on a slow
// phone (bench/tap.mjs) add their own figures.
// Run it with `cargo xtask bench` (which builds the release and installs Lighthouse first).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/harness.mjs';
import { lighthouseBench } from './lighthouse.mjs';
import { tapBench } from './tap.mjs';

const DIST = process.env.DIST ?? new URL('../dist', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TOGGLES = 200;
const CHART = 'exports-vs-peers';

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
};

// Bytes of every file of the build (the service worker's precache list is the build), raw, gzip
// -9, and brotli as the build's precompressed .br copy has it (what a host serving precompressed
// files sends). The copies themselves and the hosts' _headers are not part of the page.
const files = readdirSync(DIST)
  .filter((f) => statSync(join(DIST, f)).isFile() && !/\.(br|gz)$/.test(f) && f !== '_headers')
  .map((f) => {
    const bytes = readFileSync(join(DIST, f));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const brotli = existsSync(join(DIST, `${f}.br`)) ? statSync(join(DIST, `${f}.br`)).size : Math.min(bytes.length, gzip);
    return { file: f, raw: bytes.length, gzip, brotli };
  });
// What `/` needs before its first paint: the prerendered page (text and charts as inline SVG),
// its two stylesheets and the small script that applies ?lang=, ?theme= and ?embed= first.
const FIRST_PAINT = [/^index\.html$/, /^main-.*\.css$/, /^static-charts-.*\.css$/, /^first-paint-.*\.js$/];
const firstPaint = files.filter((f) => FIRST_PAINT.some((p) => p.test(f.file)));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-precise-memory-info', '--js-flags=--expose-gc',
  ],
});
const server = await serve(DIST, {}, { gzip: true });
// Each file is compressed once, on its first request: do that before anything is timed.
for (const f of files) await (await fetch(`${server.origin}/${f.file}`)).arrayBuffer();

// Everything a first visit to `/` fetches before the reader does anything, as the browser saw it:
// a phone-sized window, no service worker, until the network is idle; bytes as sent (gzip). The
// first load is what was asked for until the app started; what the page asks for after that,
// when the browser is idle (the chart library), is listed apart.
async function firstLoad() {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  await context.addInitScript(() => addEventListener('TrunkApplicationStarted', () => { window.__appStarted = performance.timeOrigin + performance.now(); }));
  const page = await context.newPage();
  const fetched = [];
  page.on('requestfinished', (req) => {
    const file = new URL(req.url()).pathname.slice(1) || 'index.html';
    fetched.push(req.sizes().then((s) => ({ file, encoded: s.responseBodySize, asked: req.timing().startTime })));
  });
  await page.goto(`${server.origin}/`, { waitUntil: 'networkidle' });
  const appStarted = await page.evaluate(() => window.__appStarted);
  const list = await Promise.all(fetched);
  await context.close();
  const strip = ({ file, encoded }) => ({ file, encoded });
  return { firstLoad: list.filter((f) => f.asked < appStarted).map(strip), atIdle: list.filter((f) => f.asked >= appStarted).map(strip) };
}

// Records, in the page, the reader's first interaction and the moment the chart first has series
// on its canvas (the chart goes live at the first interaction, or when it nears the viewport).
const markFirstChart = (chartId) => {
  const interacted = () => { window.__interaction ??= performance.now(); };
  for (const kind of ['pointermove', 'scroll']) addEventListener(kind, interacted, { capture: true, passive: true });
  const watch = () => {
    const el = document.querySelector(`[data-chart="${chartId}"] .chart-canvas`);
    const chart = el && window.echarts?.getInstanceByDom(el);
    if (chart && chart.getOption().series.length > 0 && el.querySelector('canvas')) {
      window.__firstChart = performance.now();
    } else {
      requestAnimationFrame(watch);
    }
  };
  requestAnimationFrame(watch);
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__wasm = e.detail.wasm;
    window.__started = performance.now();
  });
};

// Opens the page, waits for the app to start, then acts as a reader: brings the chart into view
// (a scroll, when it is not in view already) and moves the mouse; times are from navigation start.
async function open(url, chartId) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  await context.addInitScript(markFirstChart, chartId);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__started !== undefined, null, { timeout: 30000 });
  await page.locator(`[data-chart="${chartId}"]`).first().scrollIntoViewIfNeeded();
  await page.mouse.move(200, 200);
  await page.mouse.move(240, 220);
  await page.waitForFunction(() => window.__firstChart !== undefined, null, { timeout: 30000 });
  const times = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    started: window.__started,
    live: window.__firstChart - window.__interaction,
  }));
  return { context, page, ...times };
}

// V8's used heap also counts compiled code, which grows as the engine optimises hot functions
// (ECharts on its own shows the same warm-up), so memory is read two ways: the used heap, and the
// bytes of objects still reachable in a heap snapshot, compiled code left out. A leak shows in the
// second; the first mixes in the engine's warm-up.
const RETAINED_TYPES = new Set(['array', 'string', 'object', 'closure', 'regexp', 'number', 'concatenated string', 'sliced string', 'symbol', 'bigint', 'object shape']);
async function retainedBytes(page) {
  const cdp = await page.context().newCDPSession(page);
  const chunks = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  const snap = JSON.parse(chunks.join(''));
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [type, size] = [fields.indexOf('type'), fields.indexOf('self_size')];
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    if (RETAINED_TYPES.has(types[snap.nodes[i + type]])) total += snap.nodes[i + size];
  }
  return total;
}

async function memory(page) {
  const used = await page.evaluate(async () => {
    for (let i = 0; i < 3; i += 1) {
      window.gc?.();
      await new Promise((r) => setTimeout(r, 50));
    }
    return { jsHeap: performance.memory.usedJSHeapSize, wasm: window.__wasm.memory.buffer.byteLength };
  });
  return { ...used, retained: await retainedBytes(page) };
}

// Clicks the peer toggles in turn; each time, how long until the frame after the new chart.
const toggle = (page, count) =>
  page.evaluate(async ([chartId, n]) => {
    const buttons = [...document.querySelectorAll(`[data-chart="${chartId}"] button.toggle`)];
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const times = [];
    for (let i = 0; i < n; i += 1) {
      const t0 = performance.now();
      buttons[i % buttons.length].click();
      await frame();
      times.push(performance.now() - t0);
    }
    return times;
  }, [CHART, count]);

const { firstLoad: fetched, atIdle } = await firstLoad();
const fetchedFiles = new Set(fetched.map((f) => f.file));
const results = { date: new Date().toISOString(), runs: RUNS, toggles: TOGGLES, files, firstPaint: firstPaint.map((f) => f.file), firstLoad: fetched, atIdle };
const fcp = [];
const started = [];
const firstChart = [];
const embedChart = [];
const toggleTimes = [];
const growth = [];
let memoryAt = null;
for (let run = 0; run < RUNS; run += 1) {
  const story = await open(`${server.origin}/`, CHART);
  fcp.push(story.fcp);
  started.push(story.started);
  firstChart.push(story.live);
  await toggle(story.page, 10);
  const after10 = await memory(story.page);
  toggleTimes.push(...(await toggle(story.page, TOGGLES)));
  await toggle(story.page, 500 - 10 - TOGGLES);
  const after500 = await memory(story.page);
  growth.push({
    jsHeap: after500.jsHeap / after10.jsHeap - 1,
    retained: after500.retained / after10.retained - 1,
    wasm: after500.wasm / after10.wasm - 1,
  });
  memoryAt ??= { after10, after500 };
  await story.context.close();

  const embed = await open(`${server.origin}/?embed=nev-share`, 'nev-share');
  embedChart.push(embed.live);
  await embed.context.close();
}
results.firstContentfulPaintMs = stats(fcp);
results.appStartedMs = stats(started);
results.interactionToFirstChartMs = stats(firstChart);
results.interactionToEmbedChartMs = stats(embedChart);
results.toggleToNextFrameMs = stats(toggleTimes);
results.memoryFirstRun = memoryAt;
results.memoryGrowth = {
  jsHeap: stats(growth.map((g) => g.jsHeap)),
  retained: stats(growth.map((g) => g.retained)),
  wasm: stats(growth.map((g) => g.wasm)),
};
await browser.close();
await server.close();

writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);

const ms = (s) => `${s.median.toFixed(1)} | ${s.min.toFixed(1)} | ${s.max.toFixed(1)}`;
const pct = (s) => `${(s.median * 100).toFixed(1)}% | ${(s.min * 100).toFixed(1)}% | ${(s.max * 100).toFixed(1)}%`;
const kb = (n) => (n / 1024).toFixed(1);
const sum = (list) => list.reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip, brotli: a.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const toFirstPaint = sum(firstPaint);
const loaded = sum(files.filter((f) => fetchedFiles.has(f.file)));
const onTheWire = fetched.reduce((a, f) => a + f.encoded, 0);
const idleOnTheWire = atIdle.reduce((a, f) => a + f.encoded, 0);
const idleNames = atIdle.map((f) => f.file.replace(/-[0-9a-f]{12,16}(?=[._])/, '-HASH'));
const everything = sum(files);
// The prerendered pages of single charts (?embed=) go in one row.
const EMBED_PAGE = /^embed-.*\.html$/;
const embedPages = files.filter((f) => EMBED_PAGE.test(f.file));
const largestEmbed = embedPages.reduce((a, f) => (f.gzip > (a?.gzip ?? -1) ? f : a), null);
const table = [
  `Measured ${results.date.slice(0, 10)} on the project's 2-core machine, headless Chromium, ${RUNS} runs, release build served gzip-compressed on 127.0.0.1.`,
  '',
  '| File | Raw (KB) | Gzip -9 (KB) | Brotli, the .br copy (KB) | First load of `/` |',
  '| --- | ---: | ---: | ---: | :---: |',
  ...files
    .filter((f) => !EMBED_PAGE.test(f.file))
    .map((f) => `| ${f.file.replace(/-[0-9a-f]{12,16}(?=[._])/, '-HASH')} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} | ${fetchedFiles.has(f.file) ? 'yes' : ''} |`),
  ...(embedPages.length
    ? [`| embed-*.html: ${embedPages.length} pages, one per chart and language (together; the largest, ${largestEmbed.file}, ${kb(largestEmbed.gzip)} KB gzip) | ${kb(sum(embedPages).raw)} | ${kb(sum(embedPages).gzip)} | ${kb(sum(embedPages).brotli)} | |`]
    : []),
  `| **bytes to first paint of \`/\` (index.html, main and static-charts css, first-paint js)** | **${kb(toFirstPaint.raw)}** | **${kb(toFirstPaint.gzip)}** | **${kb(toFirstPaint.brotli)}** | |`,
  `| **first load of \`/\`: every file asked for until the app has started (412×823, no interaction; gzip as sent: ${kb(onTheWire)} KB)** | **${kb(loaded.raw)}** | **${kb(loaded.gzip)}** | **${kb(loaded.brotli)}** | |`,
  `| then, once the browser is idle, at a low priority: ${atIdle.length} files (${idleNames.join(', ')}), gzip as sent | | ${kb(idleOnTheWire)} | | |`,
  `| every file, as the service worker precaches them after the first load | ${kb(everything.raw)} | ${kb(everything.gzip)} | ${kb(everything.brotli)} | |`,
  '',
  '| Measure | Median | Min | Max |',
  '| --- | ---: | ---: | ---: |',
  `| Navigation to first contentful paint, \`/\` (ms) | ${ms(results.firstContentfulPaintMs)} |`,
  `| Navigation to the app started (wasm instantiated), \`/\` (ms) | ${ms(results.appStartedMs)} |`,
  `| First interaction to the first chart live and drawn, \`/\` (ms) | ${ms(results.interactionToFirstChartMs)} |`,
  `| First interaction to an \`?embed=\` chart live and drawn (ms) | ${ms(results.interactionToEmbedChartMs)} |`,
  `| Toggle click to the next frame with the new chart, ${TOGGLES} toggles a run (ms) | ${ms(results.toggleToNextFrameMs)} |`,
  `| JS objects retained (heap snapshot, compiled code left out), growth from 10 to 500 toggles | ${pct(results.memoryGrowth.retained)} |`,
  `| JS used heap (includes compiled code), growth from 10 to 500 toggles | ${pct(results.memoryGrowth.jsHeap)} |`,
  `| Wasm memory growth from 10 to 500 toggles | ${pct(results.memoryGrowth.wasm)} |`,
  '',
  `First run: JS objects retained ${kb(memoryAt.after10.retained)} KB after 10 toggles, ${kb(memoryAt.after500.retained)} KB after 500; JS used heap ${kb(memoryAt.after10.jsHeap)} KB and ${kb(memoryAt.after500.jsHeap)} KB; wasm memory ${kb(memoryAt.after10.wasm)} KB and ${kb(memoryAt.after500.wasm)} KB.`,
].join('\n');
const doc = new URL('../BENCHMARKS.md', import.meta.url);
const text = readFileSync(doc, 'utf8');
const start = '<!-- results:start -->';
const end = '<!-- results:end -->';
writeFileSync(doc, `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`);
console.log(table);

// Lighthouse: the story pages against the reference page; merges into results.json and
// BENCHMARKS.md, and skips itself (saying how to install it) when Lighthouse is missing.
await lighthouseBench({ dist: DIST });

// The first tap on an emulated slow phone, beside the reference page (bench/tap.mjs).
await tapBench({ dist: DIST });
