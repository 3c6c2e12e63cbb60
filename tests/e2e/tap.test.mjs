// End to end: a tap answered before the app is live. With the app's wasm held back, a tap on a
// chart's control shows the view it reaches at once, from the pictures the build drew of every
// view (postbuild/first-paint.js, src/state/shared_views.rs), with the control's new state; when
// the app arrives it shows the same view, the controls as the reader left them, nothing moved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { suite, waitForChart, watchLayoutShift, DIST, MANIFEST } from './harness.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ctx = suite({ before, after });
const VIEW_CONTROLS = MANIFEST.selectors.viewControls;
const CHARTS = Object.keys(MANIFEST.views);

/** A view's file of pictures (the view by its place among the chart's views), as the build wrote it. */
function viewOf(chart, place, lang = 'en') {
  const file = MANIFEST.viewPicture.replace('{chart}', chart).replace('{view}', place).replace('{lang}', lang);
  return JSON.parse(readFileSync(join(DIST, file), 'utf8'));
}

/** A page whose app is held back until `release()`; layout shifts are summed in `__shift`. */
async function heldBack(path, width) {
  const context = await ctx.browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
  await watchLayoutShift(context);
  const page = await context.newPage();
  const held = [];
  let released = false;
  await page.route(/_bg\.wasm$/, (route) => (released ? route.continue() : held.push(route)));
  await page.goto(`${ctx.server.origin}${path}`);
  const release = async () => {
    released = true;
    for (const route of held) await route.continue();
  };
  return { page, context, release };
}

/** What a chart shows now: the text alternative of its visible picture, and its controls' state. */
function shownState(page, chart) {
  return page.evaluate(
    ([id, selector]) => {
      const frame = document.querySelector(`[data-chart="${id}"]`);
      const visible = [...frame.querySelectorAll('.static-picture')].find((p) => getComputedStyle(p).display !== 'none');
      return {
        picture: visible?.querySelector('svg')?.getAttribute('aria-label') ?? null,
        label: frame.querySelector('.chart-canvas').getAttribute('aria-label'),
        controls: [...frame.querySelectorAll(selector)].map((c) => (c.tagName === 'INPUT' ? c.checked : c.getAttribute('aria-pressed') === 'true')),
      };
    },
    [chart, VIEW_CONTROLS],
  );
}

/** Taps control `index` of `chart` as a reader does: a radio by its label, a toggle itself. */
async function tap(page, chart, index) {
  const control = page.locator(`[data-chart="${chart}"]`).locator(VIEW_CONTROLS).nth(index);
  const isRadio = await control.evaluate((c) => c.tagName === 'INPUT');
  const target = isRadio ? control.locator('xpath=ancestor::label[1]') : control;
  await target.scrollIntoViewIfNeeded();
  await target.click();
}

for (const width of [390, 1280]) {
  test(`at ${width} px, before the app is live, a tap on each chart's first control that changes it shows that view at once; the live app keeps it (CLS < 0.05)`, async () => {
    const { page, context, release } = await heldBack('/', width);
    const expected = {};
    for (const chart of CHARTS) {
      const next = MANIFEST.views[chart];
      const index = next[0].findIndex((to) => to !== 0);
      const view = viewOf(chart, next[0][index]);
      const before = await shownState(page, chart);
      await tap(page, chart, index);
      await page.waitForFunction(
        ([id, label]) => document.querySelector(`[data-chart="${id}"] .chart-canvas`).getAttribute('aria-label') === label,
        [chart, view.label],
        { timeout: 5000 },
      );
      const after = await shownState(page, chart);
      assert.equal(after.picture, view.label, `${chart}: the picture shown is the view's`);
      assert.notEqual(after.picture, before.picture, `${chart}: the picture changed`);
      const changed = after.controls.map((on, i) => on !== before.controls[i]);
      assert.ok(changed[index], `${chart}: control ${index} shows its new state (${before.controls} -> ${after.controls})`);
      assert.equal(await page.locator(`[data-chart="${chart}"]`).evaluate((f) => f.closest('section.chapter').hasAttribute('data-prerendered')), true, `${chart}: still prerendered`);
      expected[chart] = { label: view.label, controls: after.controls };
    }
    // A toggle pressed twice goes back to the view before, and its pictures.
    const first = 'exports-vs-peers';
    const views = MANIFEST.views[first];
    const toggle = views[0].findIndex((to, i) => to !== 0 && views[to][i] !== to);
    const labelNow = () => page.locator(`[data-chart="${first}"] .chart-canvas`).getAttribute('aria-label');
    const before = await labelNow();
    await tap(page, first, toggle);
    await page.waitForFunction(([id, label]) => document.querySelector(`[data-chart="${id}"] .chart-canvas`).getAttribute('aria-label') !== label, [first, before]);
    await tap(page, first, toggle);
    await page.waitForFunction(([id, label]) => document.querySelector(`[data-chart="${id}"] .chart-canvas`).getAttribute('aria-label') === label, [first, before]);
    assert.deepEqual((await shownState(page, first)).controls, expected[first].controls, 'two presses: the toggle is back where it was');
    await release();
    for (const chart of CHARTS) {
      await waitForChart(page, chart, { approach: false });
      const live = await shownState(page, chart);
      assert.equal(live.label, expected[chart].label, `${chart}: the live chart shows the view the reader chose`);
      assert.deepEqual(live.controls, expected[chart].controls, `${chart}: the live controls are as the reader left them`);
    }
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift < 0.05, `layout shift ${shift.toFixed(4)} at ${width}px`);
    await context.close();
  });
}

test('an embed page answers a tap before its app is live, and a German page shows the German view', async () => {
  for (const [path, lang] of [['/embed-exports-vs-peers.html', 'en'], ['/de.html', 'de']]) {
    const { page, context, release } = await heldBack(path, 640);
    const chart = 'exports-vs-peers';
    const next = MANIFEST.views[chart];
    const index = next[0].findIndex((to) => to !== 0);
    const view = viewOf(chart, next[0][index], lang);
    await tap(page, chart, index);
    await page.waitForFunction(
      ([id, label]) => document.querySelector(`[data-chart="${id}"] .chart-canvas`).getAttribute('aria-label') === label,
      [chart, view.label],
      { timeout: 5000 },
    );
    await release();
    await waitForChart(page, chart, { approach: false });
    assert.equal((await shownState(page, chart)).label, view.label, `${path}: live in the same view`);
    await context.close();
  }
});

test('an address that asks for a view leaves the tap to the app', async () => {
  const { page, context, release } = await heldBack('/?count=customs', 1280);
  const chart = 'exports-vs-peers';
  const before = await shownState(page, chart);
  await page.locator(`[data-chart="${chart}"] button.toggle`).first().click();
  await page.waitForTimeout(300);
  assert.equal((await shownState(page, chart)).label, before.label, 'the picture stays until the app draws');
  await release();
  await waitForChart(page, chart, { approach: false });
  await context.close();
});
