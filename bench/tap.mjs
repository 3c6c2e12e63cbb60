// The first tap, as a reader on a slow phone meets it: Chromium's own emulation, applied rather
// than simulated (150 ms round trip, 1.6 Mbps down, 750 kbps up, the CPU 4x slower), a 412 px
// window, no cache and no service worker. As soon as chart 1's first "Compare with" toggle is on
// screen it is tapped, and again every 500 ms until the chart shows the change. The story, the
// embed page the Embed button frames and the plain-JavaScript reference page (full ECharts,
// bench/reference/) take turns within each run. Writes the `tap` figures into bench/results.json
// and its table into BENCHMARKS.md. Run by `cargo xtask bench` (bench/run.mjs), or alone:
// `node bench/tap.mjs` on a release build.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/harness.mjs';
import { writeReference } from './lighthouse.mjs';

const path = (relative) => fileURLToPath(new URL(relative, import.meta.url));
const DIST = process.env.DIST ?? path('../dist');
const RUNS = Number(process.env.TAP_RUNS ?? 5);
const CHART = 'exports-vs-peers';
const PHONE = { latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0, cpu: 4, width: 412, height: 823 };
const PAGES = [
  { name: 'story `/`', url: (o) => `${o.story}/`, toggle: `[data-chart="${CHART}"] button.toggle`, chart: CHART },
  { name: 'embed page (`embed-exports-vs-peers.html`)', url: (o) => `${o.story}/embed-exports-vs-peers.html`, toggle: `[data-chart="${CHART}"] button.toggle`, chart: CHART },
  { name: 'plain JavaScript + full ECharts (`bench/reference/`)', url: (o) => `${o.reference}/`, toggle: '.peers button', chart: null },
];

/**
 * In the page from its first script on: when the first tap came, and when the chart first shows
 * something else than it did then. On the explainer that is the chart's text alternative, which
 * names the view on screen whether the picture or the live chart draws it; on the reference page,
 * the series ECharts draws.
 */
function watchChart(chartId) {
  window.__tap = { tapAt: null, changedAt: null };
  addEventListener('pointerdown', () => { window.__tap.tapAt ??= performance.now(); }, true);
  const shown = () => {
    if (chartId) return document.querySelector(`[data-chart="${chartId}"] .chart-canvas`)?.getAttribute('aria-label') ?? null;
    const chart = window.echarts?.getInstanceByDom(document.getElementById('chart'));
    // Series a replace-merge removed stay behind as holes.
    return chart ? chart.getOption().series.filter(Boolean).map((s) => s.name).join('|') : null;
  };
  let before = null;
  const watch = () => {
    const now = shown();
    if (window.__tap.tapAt === null) before = now;
    else if (now !== null && before !== null && now !== before) window.__tap.changedAt = performance.now();
    if (window.__tap.changedAt === null) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}

/** A page on the emulated phone, with no service worker; `prepare(context, page)` runs first. */
async function phonePage(browser, { cacheDisabled, prepare = async () => {} }) {
  const context = await browser.newContext({ viewport: { width: PHONE.width, height: PHONE.height }, serviceWorkers: 'block', hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await prepare(context, page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: PHONE.latency, downloadThroughput: PHONE.downloadThroughput, uploadThroughput: PHONE.uploadThroughput });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
  return { context, page };
}

async function oneTap(browser, target, origins) {
  const { context, page } = await phonePage(browser, { cacheDisabled: true, prepare: (c) => c.addInitScript(watchChart, target.chart) });
  const navigation = page.goto(target.url(origins), { waitUntil: 'commit' });
  const toggle = page.locator(target.toggle).first();
  await toggle.waitFor({ state: 'visible', timeout: 60000 });
  const onScreen = await page.evaluate(() => performance.now());
  let taps = 0;
  for (;;) {
    await toggle.tap({ timeout: 30000 });
    taps += 1;
    const changed = await page.waitForFunction(() => window.__tap.changedAt !== null, null, { timeout: 500, polling: 'raf' }).then(() => true, () => false);
    if (changed || taps >= 40) break;
  }
  const { tapAt, changedAt } = await page.evaluate(() => window.__tap);
  await navigation.catch(() => {});
  await context.close();
  return { onScreenMs: onScreen, firstTapMs: tapAt, answeredMs: changedAt, waitMs: changedAt === null ? null : changedAt - tapAt, taps };
}

/**
 * A reader who reads first: on the same phone, the story opens at its top and is left alone until
 * the network is quiet (the app has started, and the chart library was fetched when the browser
 * was idle); then chart 1 is scrolled into view, and the time runs until its live chart has
 * replaced the picture. With `prefetch: false` the idle fetch of the library is refused, as
 * before it existed, so the library is fetched when the chart goes live. The cache starts empty
 * and is on, as on a first visit; the site is served with the documented headers.
 */
async function readFirst(browser, origins, { prefetch }) {
  // Served as the README's "Deploy" asks (origins.hosted): hashed files are cached for good, which
  // is what lets the chart's script take the prefetched copy.
  const refuseIdleFetch = (_, page) =>
    page.route(/\/echarts\.min-[^/]*\.js$/, (route) => (route.request().resourceType() === 'script' ? route.continue() : route.abort()));
  const { context, page } = await phonePage(browser, { cacheDisabled: false, prepare: prefetch ? undefined : refuseIdleFetch });
  await page.goto(`${origins.hosted}/`, { waitUntil: 'networkidle', timeout: 120000 });
  await page.waitForFunction(() => window.wasmBindings, null, { timeout: 60000 });
  await page.waitForLoadState('networkidle');
  const scrolledAt = await page.evaluate((id) => {
    document.querySelector(`[data-chart="${id}"]`).scrollIntoView({ block: 'center' });
    return performance.now();
  }, CHART);
  const liveAt = await page
    .waitForFunction(
      (id) => {
        const canvas = document.querySelector(`[data-chart="${id}"] .chart-canvas`);
        return canvas && canvas.querySelector('canvas') && !canvas.querySelector('.static-picture') && performance.now();
      },
      CHART,
      { timeout: 60000, polling: 'raf' },
    )
    .then((handle) => handle.jsonValue());
  await context.close();
  return liveAt - scrolledAt;
}

const stats = (values) => {
  const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return { median: sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
};

export async function tapBench({ dist = DIST, runs = RUNS } = {}) {
  const referenceDir = mkdtempSync(join(tmpdir(), 'tap-reference-'));
  writeReference(referenceDir);
  const story = await serve(dist, {}, { gzip: true });
  const reference = await serve(referenceDir, {}, { gzip: true });
  const hosted = await serve(dist, {}, { hosted: true });
  const origins = { story: story.origin, reference: reference.origin, hosted: hosted.origin };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const collected = PAGES.map(() => []);
  const reading = { prefetch: [], without: [] };
  try {
    for (let run = 0; run < runs; run += 1) {
      for (const [i, target] of PAGES.entries()) {
        const r = await oneTap(browser, target, origins);
        collected[i].push(r);
        console.log(`  tap run ${run + 1} ${target.name}: on screen ${r.onScreenMs.toFixed(0)} ms, tapped ${r.firstTapMs?.toFixed(0)} ms, answered ${r.answeredMs?.toFixed(0)} ms (${r.taps} tap(s))`);
      }
      for (const [key, prefetch] of [['prefetch', true], ['without', false]]) {
        const ms = await readFirst(browser, origins, { prefetch });
        reading[key].push(ms);
        console.log(`  read-first run ${run + 1} ${prefetch ? 'with' : 'without'} the idle fetch of ECharts: live ${ms.toFixed(0)} ms after the scroll`);
      }
    }
  } finally {
    await browser.close();
    await story.close();
    await hosted.close();
    await reference.close();
  }
  const pages = PAGES.map((target, i) => ({
    page: target.name,
    onScreenMs: stats(collected[i].map((r) => r.onScreenMs)),
    answeredMs: stats(collected[i].map((r) => r.answeredMs)),
    waitMs: stats(collected[i].map((r) => r.waitMs)),
    taps: stats(collected[i].map((r) => r.taps)),
  }));
  const referenceWait = pages.at(-1).waitMs?.median;
  const readFirstMs = { prefetch: stats(reading.prefetch), without: stats(reading.without) };
  const result = { date: new Date().toISOString(), phone: PHONE, runs, pages, readFirstMs };
  const s = (x) => (x ? `${(x.median / 1000).toFixed(2)} s (${(x.min / 1000).toFixed(2)}-${(x.max / 1000).toFixed(2)})` : 'never');
  const table = [
    `Measured ${result.date.slice(0, 10)}: ${runs} runs, Chromium's own emulation applied (${PHONE.latency} ms round trip, 1.6 Mbps down, 750 kbps up, CPU ${PHONE.cpu}x slower), ${PHONE.width} px window, no cache; chart 1's first "Compare with" toggle tapped as soon as it is on screen, again every 500 ms until the chart changes. Median (min-max), from navigation start.`,
    '',
    '| Page | Toggle on screen | Chart answers | Wait after the first tap | Taps | Wait against the reference page\'s |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...pages.map((p) => `| ${p.page} | ${s(p.onScreenMs)} | ${s(p.answeredMs)} | ${s(p.waitMs)} | ${p.taps?.median ?? ''} | ${p.waitMs && referenceWait ? `${(p.waitMs.median / referenceWait).toFixed(2)}x` : ''} |`),
    '',
    'A reader who reads first, on the same phone (cache on and empty, the site served with the headers of the README\'s "Deploy"): the story left alone until the network is quiet, then chart 1 scrolled into view. Median (min-max), from the scroll to the live chart drawn.',
    '',
    '| ECharts | Scroll to live chart |',
    '| --- | ---: |',
    `| fetched when the browser is idle after the app started (as built) | ${s(readFirstMs.prefetch)} |`,
    `| fetched when the chart goes live (the idle fetch refused) | ${s(readFirstMs.without)} |`,
  ].join('\n');
  console.log(`\n${table}\n`);
  const resultsFile = path('./results.json');
  const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
  results.tap = result;
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  const doc = path('../BENCHMARKS.md');
  const text = readFileSync(doc, 'utf8');
  const [start, end] = ['<!-- tap:start -->', '<!-- tap:end -->'];
  const section = `${start}\n${table}\n${end}`;
  writeFileSync(
    doc,
    text.includes(start) && text.includes(end)
      ? `${text.slice(0, text.indexOf(start))}${section}${text.slice(text.indexOf(end) + end.length)}`
      : `${text.trimEnd()}\n\n## The first tap on a slow phone\n\n${section}\n`,
  );
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await tapBench();
}
