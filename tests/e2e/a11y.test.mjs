// axe-core (from npm, injected into the page) on the story, in dark mode, in German and Chinese,
// on an embedded chart, with tables and dialogs open: any WCAG 2.2 A/AA or best-practice violation fails.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { suite, waitForChart } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const ctx = suite({ before, after });
const CHART = 'exports-vs-peers';

async function open(url, { colorScheme = 'light', width = 1280, chart = CHART } = {}) {
  // The page's CSP forbids the injected axe script; the policy itself is tested in security.test.mjs.
  const context = await ctx.browser.newContext({ viewport: { width, height: 900 }, colorScheme, reducedMotion: 'reduce', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(url);
  await waitForChart(page, chart);
  return { page, context };
}

async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }),
  );
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const [name, query, options] of [
  ['the story, light', '/', {}],
  ['the story, dark', '/?theme=dark', { colorScheme: 'dark' }],
  ['the story in German, on a phone', '/?lang=de', { width: 390 }],
  ['the story in Chinese, dark', '/?lang=zh-Hans', { colorScheme: 'dark' }],
  ['an embedded chart', `/?embed=${CHART}`, {}],
  ['an embedded chart, dark, Dutch', `/?embed=policy-timeline&theme=dark&lang=nl`, { colorScheme: 'dark', chart: 'policy-timeline' }],
]) {
  test(`axe finds no violation: ${name}`, async () => {
    const { page, context } = await open(`${ctx.server.origin}${query}`, options);
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    assert.deepEqual(await violations(page), []);
    await context.close();
  });
}

test('axe finds no violation with the embed dialog open', async () => {
  const { page, context } = await open(`${ctx.server.origin}/`);
  await page.locator(`[data-chart="${CHART}"]`).getByRole('button', { name: /^Embed/ }).click();
  await page.locator('dialog[open]').waitFor();
  assert.deepEqual(await violations(page), []);
  await context.close();
});

test('every control is reachable by keyboard and shows a focus ring', async () => {
  const { page, context } = await open(`${ctx.server.origin}/?embed=${CHART}`);
  const seen = new Set();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return { key: `${el.tagName} ${el.textContent.trim().slice(0, 30)} ${el.getAttribute('value') ?? ''}`, ring, tag: el.tagName };
    });
    if (!focus) continue;
    assert.ok(focus.ring, `visible focus ring on ${focus.key}`);
    seen.add(focus.tag);
  }
  for (const tag of ['INPUT', 'BUTTON', 'SUMMARY', 'A']) assert.ok(seen.has(tag), `a ${tag} is reachable by Tab`);
  // Toggles expose their state.
  const pressed = await page.locator(`[data-chart="${CHART}"] button.toggle`).first().getAttribute('aria-pressed');
  assert.ok(pressed === 'true' || pressed === 'false');
  await context.close();
});

test('series that share a chart are told apart without colour: markers on lines, patterns on bars', async () => {
  const { page, context } = await open(`${ctx.server.origin}/`);
  await waitForChart(page, 'nev-share');
  const options = await page.evaluate(() =>
    ['exports-vs-peers', 'nev-share'].map((id) => {
      const option = window.echarts.getInstanceByDom(document.querySelector(`[data-chart="${id}"] .chart-canvas`)).getOption();
      return { symbols: option.series.map((s) => s.symbol), aria: option.aria?.[0] ?? option.aria, label: document.querySelector(`[data-chart="${id}"] .chart-canvas`).getAttribute('aria-label') };
    }),
  );
  const [lines, bars] = options;
  assert.equal(new Set(lines.symbols).size, lines.symbols.length, `one marker per line: ${lines.symbols}`);
  assert.equal(bars.aria.decal.show, true, 'bars carry decal patterns');
  assert.match(bars.label, /^Stacked bar chart of China/, 'the text alternative stays ours');
  await context.close();
});
