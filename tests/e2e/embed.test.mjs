// End to end: embedding in host pages, links that reopen a view, data and image downloads, print.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { suite, openPage, waitForChart, drawnSeries, tableOf } from './harness.mjs';

const CHART = 'exports-vs-peers';
const require = createRequire(import.meta.url);

// Host pages of the kinds newsrooms use: the real pym.js parent library, and a bare listener
// for Datawrapper-style height messages.
const PYM_HOST = `<!doctype html><html><head><title>pym host</title></head><body style="margin:0">
<h1>An article</h1><div id="chart-frame"></div>
<script src="/pym.v1.min.js"></script>
<script>window.pymParent = new pym.Parent('chart-frame', '/?embed=${CHART}', { title: 'China chart' });</script>
</body></html>`;

const DATAWRAPPER_HOST = `<!doctype html><html><head><title>datawrapper host</title></head><body style="margin:0">
<h1>An article</h1>
<iframe id="frame" title="China chart" src="/?embed=${CHART}" width="100%" height="300" scrolling="no" style="border:0;width:100%"></iframe>
<script>
window.heights = [];
window.addEventListener('message', function (e) {
  var h = e.data && e.data['datawrapper-height'];
  if (!h || typeof h !== 'object') return;
  var f = document.getElementById('frame');
  if (f.contentWindow !== e.source) return;
  for (var k in h) { window.heights.push([k, h[k]]); f.style.height = h[k] + 'px'; }
});
</script></body></html>`;

const ctx = suite({ before, after }, async () => ({
  '/pym.v1.min.js': { type: 'text/javascript', body: await readFile(require.resolve('pym.js/dist/pym.v1.min.js')) },
  '/host-pym.html': { type: 'text/html', body: PYM_HOST },
  '/host-datawrapper.html': { type: 'text/html', body: DATAWRAPPER_HOST },
}));

/** The frame element's height on the host, the frame content's height, and whether it scrolls. */
async function frameFit(page, frameSelector) {
  const frameHeight = await page.locator(frameSelector).evaluate((f) => f.getBoundingClientRect().height);
  const inner = await page.frameLocator(frameSelector).locator('html').evaluate((html) => ({
    content: html.getBoundingClientRect().height,
    scrolls: html.scrollHeight > window.innerHeight + 1 && getComputedStyle(html).overflowY !== 'hidden',
    clipped: html.scrollHeight - window.innerHeight,
  }));
  return { frameHeight, ...inner };
}

async function expectFrameFits(page, frameSelector, what) {
  await page.waitForFunction(
    (sel) => {
      const f = document.querySelector(sel);
      const html = f?.contentDocument?.documentElement;
      return html && Math.abs(f.getBoundingClientRect().height - Math.ceil(html.getBoundingClientRect().height)) <= 2;
    },
    frameSelector,
    { timeout: 10000 },
  ).catch(() => {});
  const fit = await frameFit(page, frameSelector);
  assert.ok(Math.abs(fit.frameHeight - fit.content) <= 2, `${what}: frame ${fit.frameHeight}px holds content ${fit.content}px`);
  assert.ok(fit.clipped <= 2, `${what}: nothing is cut off (${fit.clipped}px)`);
  assert.equal(fit.scrolls, false, `${what}: no inner scrollbar`);
  return fit;
}

for (const [name, path, selector] of [
  ['pym.js', '/host-pym.html', '#chart-frame iframe'],
  ['Datawrapper-style', '/host-datawrapper.html', '#frame'],
]) {
  test(`a ${name} host page sizes the frame to the chart, and follows toggles and the table`, async () => {
    const { page, context, problems } = await openPage(ctx.browser, `${ctx.server.origin}${path}`, { width: 1000 });
    await page.waitForSelector(selector);
    const frame = page.frameLocator(selector);
    // First paint is the prerendered chart, and the frame is sized to it before the chart is live.
    await frame.locator(`[data-chart="${CHART}"] .static-picture svg >> visible=true`).waitFor({ timeout: 20000 });
    const prerendered = await expectFrameFits(page, selector, 'prerendered');
    assert.ok(prerendered.frameHeight > 400, `the frame grew from its initial height (${prerendered.frameHeight}px)`);
    // The reader's pointer over the frame brings the chart to life, at the same size.
    await frame.locator(`[data-chart="${CHART}"] .chart-canvas`).hover();
    await frame.locator(`[data-chart="${CHART}"] .chart-canvas canvas`).waitFor({ timeout: 20000 });
    const first = await expectFrameFits(page, selector, 'live');
    assert.ok(Math.abs(first.frameHeight - prerendered.frameHeight) <= 2, `the live chart keeps the height (${prerendered.frameHeight} -> ${first.frameHeight})`);

    await frame.locator('details.chart-table summary').click();
    const opened = await expectFrameFits(page, selector, 'table opened');
    assert.ok(opened.frameHeight > first.frameHeight + 200, `the frame grew with the table (${first.frameHeight} -> ${opened.frameHeight})`);

    await frame.locator('button.toggle', { hasText: 'Japan' }).click();
    await frame.locator('input[type=radio]').nth(2).click();
    await expectFrameFits(page, selector, 'after toggles');

    await page.setViewportSize({ width: 420, height: 900 });
    const narrow = await expectFrameFits(page, selector, 'narrow host');
    assert.ok(narrow.frameHeight > opened.frameHeight, 'a narrower frame is taller');
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.foreignRequests, []);
    await context.close();
  });
}

test('the host sizes the frame from the first paint, before the app has arrived', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1000, height: 900 } });
  // The app's wasm is held back: what sizes the frame meanwhile is the first-paint script.
  let releaseWasm;
  const wasmHeld = new Promise((resolve) => (releaseWasm = resolve));
  await context.route(/\.wasm$/, async (route) => {
    await wasmHeld;
    await route.continue().catch(() => {});
  });
  const page = await context.newPage();
  await page.goto(`${ctx.server.origin}/host-datawrapper.html`);
  await page.waitForFunction(() => window.heights.length > 0, null, { timeout: 10000 });
  const frame = page.frameLocator('#frame');
  assert.equal(await frame.locator('html').evaluate(() => window.wasmBindings === undefined), true, 'the app has not started');
  const prerendered = await expectFrameFits(page, '#frame', 'before the app');
  assert.ok(prerendered.frameHeight > 400, `the frame grew from its initial 300px (${prerendered.frameHeight}px)`);
  assert.deepEqual(await page.evaluate(() => [...new Set(window.heights.map(([key]) => key))]), [CHART]);
  // Once the app runs, it reports, and the frame still fits. The reader's first click (on the
  // table's summary) brings the chart to life, and the table it opened stays open.
  releaseWasm();
  await frame.locator('html').evaluate(() => new Promise((resolve) => (window.wasmBindings ? resolve() : addEventListener('TrunkApplicationStarted', () => resolve()))));
  await frame.locator('details.chart-table summary').click();
  await frame.locator(`[data-chart="${CHART}"] .chart-canvas canvas`).waitFor({ timeout: 20000 });
  assert.equal(await frame.locator('details.chart-table').evaluate((d) => d.open), true, 'the table stays open when the chart goes live');
  const opened = await expectFrameFits(page, '#frame', 'table opened, app running');
  assert.ok(opened.frameHeight > prerendered.frameHeight + 200, `the frame grew with the table (${prerendered.frameHeight} -> ${opened.frameHeight})`);
  await context.close();
});

test('an embedded chart shows that chart, its controls, its source and a credit, nothing else', async () => {
  const { page, context, problems } = await openPage(ctx.browser, `${ctx.server.origin}/?embed=${CHART}`);
  await waitForChart(page, CHART);
  assert.equal(await page.locator('[data-chart]').count(), 1);
  assert.equal(await page.locator('h1').count(), 1, 'one top heading');
  assert.equal(await page.locator('h1').getAttribute('class'), 'chart-title', 'the chart title is the page heading, not the story title');
  assert.equal(await page.locator('.chapter').count(), 0, 'no chapter text');
  assert.equal(await page.locator('button.toggle').count(), 3);
  assert.match(await page.locator('.chart-sources summary').innerText(), /Sources \(\d+\)/);
  const credit = page.locator('.credit a');
  assert.match(await credit.innerText(), /read the full story/);
  assert.equal(new URL(await credit.evaluate((a) => a.href)).search, '');
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('an unknown embed id gets a friendly message and a link to the story', async () => {
  const { page, context, problems } = await openPage(ctx.browser, `${ctx.server.origin}/?embed=no-such-chart`);
  await page.locator('.embed-missing').waitFor();
  assert.match(await page.locator('.embed-missing').innerText(), /not available/);
  assert.equal(await page.locator('.credit a').count(), 1);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('embed=story shows the whole story without the page tools', async () => {
  const { page, context } = await openPage(ctx.browser, `${ctx.server.origin}/?embed=story`);
  await waitForChart(page, CHART);
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal(await page.locator('#overtaking').count(), 1);
  assert.equal(await page.locator('.switch').count(), 0);
  await context.close();
});

test('a link with toggles reopens the same view, and the URL follows the toggles', async () => {
  const { page, context, problems } = await openPage(ctx.browser, `${ctx.server.origin}/?count=customs&peers=japan&theme=dark`);
  await waitForChart(page, CHART);
  assert.deepEqual((await drawnSeries(page, CHART)).map((s) => s.name), ['China (customs)', 'Japan (JAMA)']);
  assert.equal(await page.locator('input[name="overtaking-count"]').nth(1).isChecked(), true);
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  assert.equal(await page.getByRole('combobox', { name: 'Theme' }).inputValue(), 'dark');

  await page.locator('input[name="overtaking-count"]').nth(2).click();
  await page.locator(`[data-chart="${CHART}"] button.toggle`, { hasText: 'Germany' }).click();
  await page.waitForFunction(() => location.search.includes('count=both') && location.search.includes('germany'));
  const search = new URLSearchParams(await page.evaluate(() => location.search));
  assert.equal(search.get('count'), 'both');
  assert.equal(search.get('peers'), 'japan,germany');

  // Copy link puts a link to this view on the clipboard (its share page); opening it restores the view.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.server.origin });
  await page.locator(`[data-chart="${CHART}"] .chart-actions button`, { hasText: 'Copy link' }).click();
  await page.locator(`[data-chart="${CHART}"] .chart-actions .action-status`, { hasText: 'Link copied' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(new URL(link).pathname, `/charts/${CHART}/count-both_peers-japan+germany/`);
  const reopened = await context.newPage();
  await reopened.goto(link);
  await reopened.waitForURL(/\?chapter=overtaking&count=both&peers=japan%2Cgermany#exports-vs-peers-title$/);
  await waitForChart(reopened, CHART);
  assert.deepEqual((await drawnSeries(reopened, CHART)).map((s) => s.name), [
    'China (CAAM)', 'China (customs)', 'Japan (JAMA)', 'Germany (VDA, cars only)',
  ]);
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('malformed parameters fall back to the default view', async () => {
  const { page, context, problems } = await openPage(ctx.browser, `${ctx.server.origin}/?count=%ZZ&peers=mars&theme=%3Cscript%3E&chapter=x&childId=%00`);
  await waitForChart(page, CHART);
  assert.deepEqual((await drawnSeries(page, CHART)).map((s) => s.name), [
    'China (CAAM)', 'Japan (JAMA)', 'Germany (VDA, cars only)', 'South Korea (KAMA/MOTIE)',
  ]);
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('the CSV holds exactly the numbers in the table on screen, with units and sources', async () => {
  const { page, context } = await openPage(ctx.browser, `${ctx.server.origin}/?count=both&peers=korea`);
  await waitForChart(page, CHART);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-chart="${CHART}"] .chart-actions button`, { hasText: 'Download data (CSV)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `${CHART}.csv`);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.trim().split('\n');
  assert.equal(lines[0], 'year,series,value,unit,confidence,source,source_url,note');
  const rows = lines.slice(1).map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')));
  const table = await tableOf(page, CHART);
  const fromTable = [];
  for (const row of table.rows) {
    row.values.forEach((value, i) => {
      if (value !== null) fromTable.push([row.year, table.columns[i], value]);
    });
  }
  assert.deepEqual(rows.map((r) => [r[0], r[1], Number(r[2])]), fromTable);
  assert.ok(rows.every((r) => r[3] === 'vehicles' && r[5].length > 0 && /^https?:\/\//.test(r[6])), 'unit and source on every row');
  await context.close();
});

test('the PNG is a valid 2x image of the chart with room for title and source', async () => {
  const { page, context } = await openPage(ctx.browser, `${ctx.server.origin}/`, { reducedMotion: 'reduce' });
  await waitForChart(page, CHART);
  const chartBox = await page.locator(`[data-chart="${CHART}"] .chart-canvas`).boundingBox();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-chart="${CHART}"] .chart-actions button`, { hasText: 'Download image (PNG)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `${CHART}.png`);
  const png = await readFile(await download.path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  assert.equal(width, Math.round(chartBox.width) * 2, 'twice the chart width');
  assert.ok(height > chartBox.height * 2 + 100, `taller than the chart, for title and source (${height}px)`);
  await context.close();
});

test('the embed dialog offers a ready snippet that embeds this view', async () => {
  const { page, context } = await openPage(ctx.browser, `${ctx.server.origin}/?peers=japan`);
  await waitForChart(page, CHART);
  await page.locator(`[data-chart="${CHART}"] .chart-actions button`, { hasText: 'Embed' }).click();
  const code = await page.locator(`[data-chart="${CHART}"] .embed-dialog textarea`).first().inputValue();
  // The chart's own embed page, so a frame opens it without a hop through the story's address.
  assert.match(code, /^<iframe title="China overtakes the established exporters" src="http:\/\/127\.0\.0\.1:\d+\/embed-exports-vs-peers\.html\?embed=exports-vs-peers&amp;peers=japan"/);
  assert.match(code, /loading="lazy"/);
  assert.match(code, /datawrapper-height/);
  await page.locator(`[data-chart="${CHART}"] .embed-dialog button`, { hasText: 'Close' }).click();
  assert.equal(await page.locator(`[data-chart="${CHART}"] .embed-dialog`).isVisible(), false);
  await context.close();
});

test('printing shows the text, the chart and its sources, and no controls', async () => {
  const { page, context } = await openPage(ctx.browser, `${ctx.server.origin}/`);
  await waitForChart(page, CHART);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.chart-controls', '.chart-actions', '.switch']) {
    assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
  }
  assert.equal(await page.locator(`[data-chart="${CHART}"] canvas`).isVisible(), true);
  assert.equal(await page.locator('.source-list').first().isVisible(), true);
  await context.close();
});

test('the monthly chart exports its numbers as CSV and its picture as PNG, in its change view too', async () => {
  const id = 'exports-by-month';
  const { page, context } = await openPage(ctx.browser, `${ctx.server.origin}/?embed=${id}&monthly=change`, { reducedMotion: 'reduce' });
  await waitForChart(page, id);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-chart="${id}"] .chart-actions button`, { hasText: 'Download data (CSV)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `${id}.csv`);
  const lines = (await readFile(await download.path(), 'utf8')).trim().split('\n');
  assert.equal(lines[0], 'month,series,value,unit,confidence,source,source_url,note');
  const rows = lines.slice(1).map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')));
  const table = await tableOf(page, id);
  const fromTable = [];
  for (const row of table.rows) row.values.forEach((value, i) => { if (value !== null) fromTable.push([row.year, table.columns[i], value]); });
  assert.deepEqual(rows.map((r) => [r[0], r[1], Number(r[2])]), fromTable);
  assert.ok(rows.length > 20 && rows.every((r) => r[3] === 'percent'), 'changes in percent');
  const [image] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-chart="${id}"] .chart-actions button`, { hasText: 'Download image (PNG)' }).click(),
  ]);
  const png = await readFile(await image.path());
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'PNG signature');
  await context.close();
});
