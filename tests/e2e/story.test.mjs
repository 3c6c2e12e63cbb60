// End to end: the release build served over HTTP and driven in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { suite, openPage, waitForChart, drawnSeries, canvasPixels, tableOf } from './harness.mjs';

const CHART = 'exports-vs-peers';
const ctx = suite({ before, after });

test('the story opens with its title and chapter 1 chart drawn', async () => {
  const { page, context, problems } = await openPage(ctx.browser, `${ctx.server.origin}/`);
  await waitForChart(page, CHART);
  assert.equal(await page.locator('h1').innerText(), "China's car export surge, explained");
  assert.equal(await page.locator('#overtaking h2').innerText(), 'The overtaking');
  const names = (await drawnSeries(page, CHART)).map((s) => s.name);
  assert.deepEqual(names, ['China (CAAM)', 'Japan (JAMA)', 'Germany (VDA, cars only)', 'South Korea (KAMA/MOTIE)']);
  const pixels = await canvasPixels(page, CHART);
  assert.ok(pixels.painted > pixels.total * 0.01, `the canvas is painted (${pixels.painted} of ${pixels.total} pixels)`);
  assert.equal(await page.locator('#overtaking[data-prerendered]').count(), 0, 'the prerendered chapter is live');
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('every toggle changes what is drawn, and the table follows the chart', async () => {
  const { page, context, problems } = await openPage(ctx.browser, `${ctx.server.origin}/`);
  await waitForChart(page, CHART);
  await page.locator(`[data-chart="${CHART}"] details.chart-table summary`).click();

  const frame = page.locator(`[data-chart="${CHART}"]`);
  const controls = [
    ...(await frame.locator('input[type=radio]').all()).slice(1), // customs, both
    await frame.locator('input[type=radio]').first(), // back to CAAM
    ...(await frame.locator('button.toggle').all()),
  ];
  assert.equal(controls.length, 6, 'three count choices and three peer toggles');

  for (const control of controls) {
    const before = { series: await drawnSeries(page, CHART), pixels: await canvasPixels(page, CHART) };
    const label = await control.evaluate((el) => el.closest('label')?.textContent ?? el.textContent);
    await control.click();
    await page.waitForFunction(
      ([id, old]) => {
        const el = document.querySelector(`[data-chart="${id}"] .chart-canvas`);
        return JSON.stringify(window.echarts.getInstanceByDom(el).getOption().series.map((s) => s.name)) !== old;
      },
      [CHART, JSON.stringify(before.series.map((s) => s.name))],
      { timeout: 5000 },
    );
    const after = { series: await drawnSeries(page, CHART), pixels: await canvasPixels(page, CHART) };
    assert.notDeepEqual(after.series, before.series, `${label.trim()} changes the series`);
    assert.notEqual(after.pixels.hash, before.pixels.hash, `${label.trim()} changes the pixels`);

    // The table shows exactly the drawn series, with the same numbers, gaps where the chart has gaps.
    const table = await tableOf(page, CHART);
    assert.deepEqual(table.columns, after.series.map((s) => s.name));
    table.rows.forEach((row, i) => {
      const drawn = after.series.map((s) => (s.data[i] === null || s.data[i] === undefined || s.data[i] === '-' ? null : Number(s.data[i])));
      assert.deepEqual(row.values, drawn, `table row ${row.year} after ${label.trim()}`);
    });
  }
  // Peer toggles are pressed/unpressed buttons that expose their state.
  const pressed = await frame.locator('button.toggle').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-pressed')));
  assert.deepEqual(pressed, ['false', 'false', 'false']);
  assert.deepEqual((await drawnSeries(page, CHART)).map((s) => s.name), ['China (CAAM)']);
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('the sources of every series shown are listed with links, folded under their number', async () => {
  const { page, context } = await openPage(ctx.browser, `${ctx.server.origin}/`);
  await waitForChart(page, CHART);
  const sources = page.locator(`[data-chart="${CHART}"] .source-list li`);
  const before = await sources.count();
  assert.ok(before >= 10, `sources listed: ${before}`);
  // Folded, so that a chart with dozens of sources does not bury the story on a phone.
  const summary = page.locator(`[data-chart="${CHART}"] .chart-sources summary`);
  assert.equal(await sources.first().isVisible(), false, 'the list starts folded');
  assert.equal(await summary.innerText(), `Sources (${before})`);
  await summary.click();
  await sources.first().waitFor();
  const customsSource = page.locator(`[data-chart="${CHART}"] [data-source="cgtn-2024-04-23"]`);
  assert.equal(await customsSource.count(), 0, 'customs sources appear only with the customs count');
  await page.locator(`[data-chart="${CHART}"] input[type=radio]`).nth(2).click();
  await customsSource.waitFor();
  assert.match(await customsSource.locator('a').getAttribute('href'), /^https?:\/\//);
  await context.close();
});

test('the tooltip reads values in millions', async () => {
  const { page, context } = await openPage(ctx.browser, `${ctx.server.origin}/`);
  await waitForChart(page, CHART);
  // The story's steps may still redraw the chart (a new option closes a tooltip): ask again.
  let text = '';
  for (let attempt = 0; attempt < 10 && !/2023/.test(text); attempt++) {
    text = await page.evaluate((id) => {
      const el = document.querySelector(`[data-chart="${id}"] .chart-canvas`);
      const chart = window.echarts.getInstanceByDom(el);
      chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 8 });
      return new Promise((r) => setTimeout(() => r(el.innerText), 300));
    }, CHART);
  }
  assert.match(text, /2023/);
  assert.match(text, /China \(CAAM\)\s*4\.91 million/);
  assert.match(text, /Japan \(JAMA\)\s*4\.42 million/);
  await context.close();
});

test('clicking a point shows its figure and source (a chart event delivered to Rust)', async () => {
  // Reduced motion draws the markers at once instead of after the line's entry animation.
  const { page, context, problems } = await openPage(ctx.browser, `${ctx.server.origin}/`, { reducedMotion: 'reduce' });
  await waitForChart(page, CHART);
  const canvas = page.locator(`[data-chart="${CHART}"] .chart-canvas`);
  const [x, y] = await page.evaluate((id) => {
    const el = document.querySelector(`[data-chart="${id}"] .chart-canvas`);
    return window.echarts.getInstanceByDom(el).convertToPixel({ seriesIndex: 0 }, [8, 4910000]);
  }, CHART);
  // ECharts' own layers sit over the container, so click by coordinates once it is in view.
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  await page.mouse.click(box.x + x, box.y + y);
  const readout = page.locator(`[data-chart="${CHART}"] .chart-readout`);
  await page.waitForFunction((id) => document.querySelector(`[data-chart="${id}"] .chart-readout`).textContent.startsWith('2023'), CHART);
  assert.equal(await readout.innerText(), '2023, China (CAAM): 4.91 million vehicles (4,910,000), source: Shanghai Daily, 11 Jan 2024.');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('from 320 to 1920 px wide, light and dark: no sideways scrolling, screenshots written', async () => {
  const dir = new URL('./output/', import.meta.url).pathname;
  await mkdir(dir, { recursive: true });
  for (const [width, colorScheme] of [[320, 'light'], [390, 'light'], [390, 'dark'], [1280, 'light'], [1280, 'dark'], [1920, 'dark']]) {
    const { page, context, problems } = await openPage(ctx.browser, `${ctx.server.origin}/`, { width, height: 900, colorScheme, reducedMotion: 'reduce' });
    await waitForChart(page, CHART);
    const box = await page.locator(`[data-chart="${CHART}"] .chart-canvas`).boundingBox();
    assert.ok(box.width <= width, `the chart fits the ${width}px viewport`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `no sideways scrolling at ${width}px`);
    await page.screenshot({ path: `${dir}story-${width}-${colorScheme}.png`, fullPage: true });
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  }
});
