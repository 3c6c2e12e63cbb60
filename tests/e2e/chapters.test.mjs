// End to end: the whole story. Every chapter's chart renders, every control changes its chart,
// the numbers drawn are in the table, scrolling steps the sticky chart, a chapter link lands.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { suite, openPage, waitForChart, canvasPixels, CHART_IDS, CHAPTER_IDS } from './harness.mjs';

const CHARTS = CHART_IDS;
const CHAPTERS = CHAPTER_IDS;
const ctx = suite({ before, after });

/** What a chart draws: its series (names and values) and its category axes. */
function drawn(page, id) {
  return page.evaluate((chartId) => {
    const el = document.querySelector(`[data-chart="${chartId}"] .chart-canvas`);
    const o = window.echarts.getInstanceByDom(el).getOption();
    const values = (d) => (d && typeof d === 'object' && 'value' in d ? d.value : d);
    return {
      series: o.series.map((s) => ({ name: s.name, data: s.data.map(values) })),
      axes: [...o.xAxis, ...o.yAxis].map((a) => a.data ?? null),
    };
  }, id);
}

test('all nine chapters are on the page, each with its chart drawn and sourced', async () => {
  const { page, context, problems } = await openPage(ctx.browser, `${ctx.server.origin}/`, { reducedMotion: 'reduce' });
  for (const chapter of CHAPTERS) {
    assert.equal(await page.locator(`section#${chapter} h2`).count(), 1, `chapter ${chapter}`);
  }
  for (const id of CHARTS) {
    await waitForChart(page, id);
    const pixels = await canvasPixels(page, id);
    assert.ok(pixels.painted > pixels.total * 0.01, `${id} is painted`);
    const sources = await page.locator(`[data-chart="${id}"] .source-list li`).count();
    assert.ok(sources >= 1, `${id} lists its sources`);
    const label = await page.locator(`[data-chart="${id}"] .chart-canvas`).getAttribute('aria-label');
    assert.ok(label.length > 40, `${id} has a text alternative`);
  }
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('every control of every chart changes what is drawn, and drawn numbers are in the table', async () => {
  const { page, context, problems } = await openPage(ctx.browser, `${ctx.server.origin}/`, { reducedMotion: 'reduce' });
  let checked = 0;
  for (const id of CHARTS) {
    const frame = page.locator(`[data-chart="${id}"]`);
    await waitForChart(page, id);
    // Radios from last to first (ending on the default); each toggle button off, then on again.
    const radios = (await frame.locator('.chart-controls input[type=radio]').all()).reverse();
    const buttons = await frame.locator('.chart-controls button.toggle').all();
    const controls = [...radios, ...buttons.flatMap((b) => [b, b])];
    for (const control of controls) {
      const before = JSON.stringify(await drawn(page, id));
      await control.click();
      await page.waitForFunction(
        ([chartId, old]) => {
          const el = document.querySelector(`[data-chart="${chartId}"] .chart-canvas`);
          const o = window.echarts.getInstanceByDom(el).getOption();
          const values = (d) => (d && typeof d === 'object' && 'value' in d ? d.value : d);
          const now = { series: o.series.map((s) => ({ name: s.name, data: s.data.map(values) })), axes: [...o.xAxis, ...o.yAxis].map((a) => a.data ?? null) };
          return JSON.stringify(now) !== old;
        },
        [id, before],
        { timeout: 5000 },
      ).catch(() => {});
      const after = await drawn(page, id);
      assert.notEqual(JSON.stringify(after), before, `${id}: a control changes the chart`);
      checked += 1;

      // Every number drawn is in the table under the chart.
      const tableValues = await frame.locator('.data-table td[data-value]').evaluateAll((tds) => tds.map((td) => Number(td.dataset.value)));
      for (const s of after.series) {
        for (const v of s.data) {
          if (typeof v === 'number') {
            assert.ok(tableValues.some((t) => Math.abs(t - v) < 0.051), `${id}: ${s.name} ${v} is in the table`);
          }
        }
      }
    }
  }
  assert.ok(checked >= 30, `controls exercised: ${checked}`);
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('selecting a bar reads its figure, its months and its source', async () => {
  const { page, context } = await openPage(ctx.browser, `${ctx.server.origin}/?chapter=destinations`, { reducedMotion: 'reduce' });
  const id = 'export-destinations';
  await waitForChart(page, id);
  const canvas = page.locator(`[data-chart="${id}"] .chart-canvas`);
  await canvas.scrollIntoViewIfNeeded();
  // Belgium's January–September bar is the fourth from the top in the 2025 view.
  const [x, y] = await page.evaluate((chartId) => {
    const el = document.querySelector(`[data-chart="${chartId}"] .chart-canvas`);
    return window.echarts.getInstanceByDom(el).convertToPixel({ seriesIndex: 0 }, [100000, 3]);
  }, id);
  const box = await canvas.boundingBox();
  await page.mouse.click(box.x + x, box.y + y);
  const readout = page.locator(`[data-chart="${id}"] .chart-readout`);
  await page.waitForFunction((chartId) => document.querySelector(`[data-chart="${chartId}"] .chart-readout`).textContent.startsWith('Belgium'), id);
  assert.equal(await readout.innerText(), 'Belgium, Vehicles, 2025: 233,748 vehicles, source: Automotive Logistics, Oct 2025.');
  await context.close();
});

test('the explorer projection follows its sliders and says it is not a forecast', async () => {
  const { page, context } = await openPage(ctx.browser, `${ctx.server.origin}/?chapter=outlook`, { reducedMotion: 'reduce' });
  const id = 'outlook-explorer';
  await waitForChart(page, id);
  const before = JSON.stringify(await drawn(page, id));
  const slider = page.locator(`[data-chart="${id}"] input[type=range]`).first();
  await slider.fill('20');
  await page.waitForFunction(() => location.search.includes('growth=20'));
  assert.notEqual(JSON.stringify(await drawn(page, id)), before);
  assert.match(await page.locator(`[data-chart="${id}"] .chart-canvas`).getAttribute('aria-label'), /This is not a forecast/);
  assert.match(await page.locator(`[data-chart="${id}"] .how-we-count`).innerText(), /Not a forecast/);
  await context.close();
});

test('scrolling through chapter 1 steps the sticky chart from year to year', async () => {
  const { page, context } = await openPage(ctx.browser, `${ctx.server.origin}/`, { width: 1280, height: 900, reducedMotion: 'reduce' });
  const id = 'exports-vs-peers';
  await waitForChart(page, id);
  const marked = () =>
    page.evaluate((chartId) => {
      const el = document.querySelector(`[data-chart="${chartId}"] .chart-canvas`);
      return window.echarts.getInstanceByDom(el).getOption().series[0].markLine.data.map((d) => d.xAxis ?? d[0]?.xAxis);
    }, id);
  for (const year of ['2015', '2020', '2025']) {
    await page.locator(`.step[data-step="${year}"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.waitForFunction(([chartId, y]) => {
      const el = document.querySelector(`[data-chart="${chartId}"] .chart-canvas`);
      return window.echarts.getInstanceByDom(el).getOption().series[0].markLine.data.some((d) => String(d.xAxis) === y);
    }, [id, year], { timeout: 5000 });
    assert.ok((await marked()).map(String).includes(year), `step ${year} marks ${year}`);
    const box = await page.locator(`[data-chart="${id}"]`).boundingBox();
    assert.ok(box.y >= 0 && box.y < 200, `the chart stays in view beside step ${year} (top at ${box.y})`);
  }
  await context.close();
});

test('a link to a chapter opens that chapter, and the chapter in view is in the URL', async () => {
  const { page, context, problems } = await openPage(ctx.browser, `${ctx.server.origin}/?chapter=policy`, { reducedMotion: 'reduce' });
  // The chapter the link asks for goes live at once, without the reader scrolling.
  await waitForChart(page, 'policy-timeline', { approach: false });
  await page.waitForTimeout(300);
  const top = await page.locator('#policy').boundingBox();
  assert.ok(top.y > -50 && top.y < 250, `chapter 8 is at the top of the screen (${top.y})`);
  assert.match(await page.locator('.contents-label').innerText(), /Chapter 8 of 9/);
  await page.locator('#money').scrollIntoViewIfNeeded();
  await page.locator('#money h2').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForFunction(() => location.search.includes('chapter=money'), null, { timeout: 5000 });
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('a link to a chapter opens that chapter when the stylesheets arrive after the page', async () => {
  // Unstyled, the page is thousands of pixels longer (every picture's four versions show): the
  // scroll to the chapter must wait for the styles.
  const context = await ctx.browser.newContext({ viewport: { width: 390, height: 800 }, reducedMotion: 'reduce' });
  await context.route(/\/(main|static-charts)-[0-9a-f]+\.css$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto(`${ctx.server.origin}/?chapter=policy`);
  await page.waitForFunction(() => [...document.querySelectorAll('link[rel=stylesheet]')].every((l) => l.sheet));
  await page.waitForTimeout(300);
  const top = await page.locator('#policy').boundingBox();
  assert.ok(top.y > -50 && top.y < 250, `chapter 8 is at the top of the screen (${top.y})`);
  await context.close();
});

test('every chart embeds on its own', async () => {
  for (const id of CHARTS) {
    const { page, context, problems } = await openPage(ctx.browser, `${ctx.server.origin}/?embed=${id}`, { reducedMotion: 'reduce' });
    await waitForChart(page, id);
    assert.equal(await page.locator('[data-chart]').count(), 1, id);
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] }, id);
    await context.close();
  }
});

test('the header says how recent the figures are: the newest month of the monthly chart', async () => {
  const { page, context } = await openPage(ctx.browser, `${ctx.server.origin}/`, { reducedMotion: 'reduce' });
  const months = await page.locator('[data-chart="exports-by-month"] .data-table tbody th').allTextContents();
  const newest = months[months.length - 1].trim();
  assert.match(newest, /^[A-Z][a-z]{2} 20\d\d$/);
  assert.equal((await page.locator('header.story-header .as-of').innerText()).trim(), `Figures up to ${newest}`);
  // The heading is prose: it writes the same month out ("to February 2026").
  const [short, year] = newest.split(' ');
  assert.match(await page.locator('#by-month').innerText(), new RegExp(`to ${short}[a-z]* ${year}$`));
  await context.close();
});
