// Charts a phone reader can read without touching them: for every chart, in its default view and
// after each of its choices and toggles, at 320, 390 and 1280 px (and at 390 px in German and
// Chinese), zrender's display list shows every category name drawn, a value on every bar, a label
// at the end of every line that reaches the last two years, every text as tall as its lines, no
// two texts overlapping and none cut off at the chart's edge. The same again at 390 and 1280 px
// with fonts that have no CJK glyph (harness.mjs, FONT_SETS.latin), as many Linux readers have.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { suite, launch, waitForChart, drawnTexts } from './harness.mjs';

const ctx = suite({ before, after });
before(async () => {
  ctx.latinBrowser = await launch({ fonts: 'latin' });
});
after(async () => {
  await ctx.latinBrowser?.close();
});

/** What is wrong with the texts drawn in a chart now; empty when it reads well. */
async function problemsOf(page, id) {
  const texts = await drawnTexts(page, id);
  const { option, width, height } = await page.evaluate((chartId) => {
    const el = document.querySelector(`[data-chart="${chartId}"] .chart-canvas`);
    const chart = window.echarts.getInstanceByDom(el);
    const o = chart.getOption();
    const pick = (axes) => (axes ?? []).map((a) => ({ type: a.type, interval: a.axisLabel?.interval, data: (a.data ?? []).map((d) => (typeof d === 'object' ? d.value : d)) }));
    const value = (d) => (d && typeof d === 'object' && !Array.isArray(d) ? d.value : d);
    return {
      option: {
        axes: [...pick(o.xAxis), ...pick(o.yAxis)],
        bars: o.series.filter((s) => s.type === 'bar').map((s) => s.data.map(value).filter((v) => v != null).length),
        // Which lines reach the right edge is the Rust builders' rule (`charts::end_labelled`).
        endLabels: o.series.filter((s) => s.type === 'line' && s.endLabel?.show === true).length,
      },
      width: chart.getWidth(),
      height: chart.getHeight(),
    };
  }, id);
  const problems = [];
  const shown = new Set(texts.map((t) => t.text));
  for (const axis of option.axes.filter((a) => a.type === 'category')) {
    // A run of plain years may label every other year; any other name must be drawn.
    if (axis.data.every((d) => /^\d{4}$/.test(String(d)))) continue;
    // A run of months names only some of them (axisLabel.interval), and at least two.
    if (typeof axis.interval === 'number') {
      const named = axis.data.filter((name) => shown.has(String(name)));
      if (named.length < 2) problems.push(`only ${named.length} of the months is named`);
      continue;
    }
    for (const name of axis.data) if (!shown.has(String(name))) problems.push(`category "${name}" is not drawn`);
  }
  const barValues = option.bars.reduce((a, b) => a + b, 0);
  const barLabels = texts.filter((t) => t.on === 'bar').length;
  if (barLabels < barValues) problems.push(`${barValues} bars but ${barLabels} values written on them`);
  const lineLabels = texts.filter((t) => t.on === 'line').length;
  if (lineLabels < option.endLabels) problems.push(`${option.endLabels} lines have end labels but ${lineLabels} are drawn`);
  for (const t of texts) {
    // Lines closer than their font size print on top of each other.
    if (t.height < t.lines * t.size - 1) problems.push(`"${t.text}" is ${t.height.toFixed(1)} px tall for ${t.lines} line(s) at ${t.size} px`);
  }
  for (let i = 0; i < texts.length; i++) {
    const a = texts[i];
    if (a.x < -1 || a.y < -1 || a.x + a.width > width + 1 || a.y + a.height > height + 1) problems.push(`"${a.text}" is cut off at the edge`);
    for (let j = i + 1; j < texts.length; j++) {
      const b = texts[j];
      const overlap = a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
      if (overlap) problems.push(`"${a.text}" overlaps "${b.text}"`);
    }
  }
  return problems;
}

/**
 * The controls of a chart as actions, each with a name for messages: every choice and toggle
 * clicked, every slider taken to its highest and its lowest value.
 */
async function controlsOf(page, id) {
  const frame = page.locator(`[data-chart="${id}"]`);
  const clicks = [...(await frame.locator('.chart-controls label.segment').all()), ...(await frame.locator('.chart-controls button.toggle').all())];
  const actions = await Promise.all(clicks.map(async (locator) => ({ name: (await locator.innerText()).trim(), run: () => locator.click() })));
  for (const [i, slider] of (await frame.locator('.chart-controls input[type=range]').all()).entries()) {
    for (const key of ['End', 'Home']) actions.push({ name: `slider ${i + 1} to ${key === 'End' ? 'its highest' : 'its lowest'}`, run: () => slider.press(key) });
  }
  return actions;
}

/** Lets ECharts draw the new option (animations are off under reduced motion). */
const nextFrames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function checkEveryChart(width, lang, browser = ctx.browser) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${ctx.server.origin}/?lang=${lang}`);
  const found = [];
  for (const id of await page.locator('[data-chart]').evaluateAll((frames) => frames.map((f) => f.dataset.chart))) {
    await waitForChart(page, id);
    await nextFrames(page);
    for (const p of await problemsOf(page, id)) found.push(`${id} (default view): ${p}`);
    for (const control of await controlsOf(page, id)) {
      await control.run();
      await nextFrames(page);
      for (const p of await problemsOf(page, id)) found.push(`${id} after "${control.name}": ${p}`);
    }
  }
  await context.close();
  return found;
}

for (const [width, lang] of [[320, 'en'], [390, 'en'], [1280, 'en'], [390, 'de'], [390, 'zh']]) {
  test(`at ${width} px in ${lang}, every chart in every view: each name drawn, each bar valued, nothing overlapping or cut off`, async () => {
    assert.deepEqual(await checkEveryChart(width, lang), []);
  });
}

for (const width of [390, 1280]) {
  test(`at ${width} px with Latin fonts only, every chart in every view: each text as tall as its lines, nothing overlapping or cut off`, async () => {
    assert.deepEqual(await checkEveryChart(width, 'en', ctx.latinBrowser), []);
  });
}
