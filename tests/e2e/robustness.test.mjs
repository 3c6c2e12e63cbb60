// Hostile input from the URL, from postMessage and from resizing: the page renders, logs no panic
// and runs no injected script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { suite, openPage, waitForChart, drawnSeries } from './harness.mjs';

const ctx = suite({ before, after });
const CHART = 'exports-vs-peers';

const HOSTILE = [
  // Long, but under the 16 KB a request line may have on common servers (longer never reaches the page).
  `?embed=${'a'.repeat(12000)}`,
  '?chapter=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E',
  `?embed=${CHART}&peers=${','.repeat(5000)}`,
  '?lang=%F0%9F%92%A9',
  '?lang=zh-TW&theme=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E',
  '?lang=..%2F..%2Fetc%2Fpasswd',
  '?count=%E0%A4%A&nev=%FF%FE',
  '?growth=1e309&loss=-0&invest=NaN',
  '?growth=-99999999999999999999&loss=%00',
  `?childId=${'x'.repeat(10000)}&embed=${CHART}`,
  '?embed=story&embed=nope&embed=%00',
  '?%00=%00&embed=%00',
  `?${'a=b&'.repeat(3000)}`,
  '?javascript:window.__pwned=1',
  '?markets=%22%3E%3Csvg%20onload%3Dwindow.__pwned%3D1%3E&makers=%E2%80%AE',
  '?actors=eu,eu,eu,mars&kinds=,,,,&chapter=policy#%3Cscript%3E',
  `?embed=${CHART}&lang=de&count=both&peers=japan,germany,korea,japan`,
];

test('hostile URLs fall back to a rendered page with no panic and no injected script', async () => {
  for (const query of HOSTILE) {
    const { page, context, problems } = await openPage(ctx.browser, `${ctx.server.origin}/${query}`);
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await page.locator('main h1, main [data-chart] .chart-canvas, main .embed-missing').filter({ visible: true }).first().waitFor({ timeout: 20000 });
    await page.waitForTimeout(100);
    const label = query.slice(0, 80);
    assert.deepEqual(problems.pageErrors, [], `uncaught error for ${label}`);
    assert.deepEqual(problems.consoleErrors.filter((e) => /panick|RuntimeError|unreachable/.test(e)), [], `panic for ${label}`);
    assert.deepEqual(problems.consoleErrors, [], `console error for ${label}`);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, `script ran for ${label}`);
    assert.deepEqual(dialogs, []);
    assert.ok((await page.evaluate(() => document.body.innerText.length)) > 80, `content shown for ${label}`);
    assert.equal(await page.locator('#panic-notice').count(), 0);
    await context.close();
  }
});

test('hostile messages from a parent or any window are ignored, and the chart keeps working', async () => {
  const { page, context, problems } = await openPage(ctx.browser, `${ctx.server.origin}/?embed=${CHART}&childId=c1`, { reducedMotion: 'reduce' });
  await waitForChart(page, CHART);
  await page.evaluate(() => {
    const huge = 'pymxPYMx'.repeat(200000);
    const messages = [
      null, undefined, 0, -1, NaN, Infinity, true, '', 'pymxPYMxc1xPYMxwidthxPYMx', 'pymxPYMxc1xPYMxwidthxPYMx-5',
      'pymxPYMxc1xPYMxwidthxPYMx1e309', 'pymxPYMxc1xPYMxwidthxPYMx<script>', `pymxPYMx${'c1'.repeat(5000)}xPYMxwidthxPYMx400`,
      huge, [1, 2, 3], { 'datawrapper-height': { x: 'y' } }, { 'datawrapper-height': null }, { toString: null },
      new ArrayBuffer(16), { nested: { deep: [{}] } }, new Date(), /regex/, new Map([[1, 2]]),
    ];
    for (const m of messages) window.postMessage(m, '*');
  });
  await page.waitForTimeout(300);
  const before = (await drawnSeries(page, CHART)).length;
  await page.locator(`[data-chart="${CHART}"] button.toggle`).first().click();
  await page.waitForFunction(([id, n]) => {
    const el = document.querySelector(`[data-chart="${id}"] .chart-canvas`);
    return window.echarts.getInstanceByDom(el).getOption().series.length === n - 1;
  }, [CHART, before]);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

test('resizing to extreme sizes, fast, breaks nothing', async () => {
  const { page, context, problems } = await openPage(ctx.browser, `${ctx.server.origin}/`, { reducedMotion: 'reduce' });
  await waitForChart(page, CHART);
  for (const [width, height] of [[1, 1], [10000, 300], [320, 10000], [200, 200], [1920, 1080], [1, 800], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(60);
  }
  await waitForChart(page, CHART);
  const series = await drawnSeries(page, CHART);
  assert.ok(series.length >= 2);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});
