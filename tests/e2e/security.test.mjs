// The page under its Content Security Policy, with integrity on the app's scripts, inside a sandboxed
// iframe, and when WebAssembly or the chart library is missing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { suite, openPage, waitForChart, tableOf, framingHost, watchViolations, DIST } from './harness.mjs';

const CHART = 'exports-vs-peers';

const ctx = suite({ before, after }, () => ({
  '/sandbox-host.html': framingHost(`/?embed=${CHART}`, 'allow-scripts allow-same-origin'),
}));

test('the built pages carry the policy, and the app\'s scripts and the wasm carry their integrity', () => {
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  const policy = index.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(policy, 'index.html has the policy');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/);
  assert.ok(index.indexOf('Content-Security-Policy') < index.indexOf('<script'), 'the policy comes before any script');
  const all = [...index.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  // The structured data is a data block, which no browser runs: exactly one, schema.org JSON.
  const data = all.filter(([, attrs]) => /type="application\/ld\+json"/.test(attrs));
  assert.equal(data.length, 1, 'one block of structured data');
  assert.equal(data[0][1].trim(), 'type="application/ld+json"');
  assert.equal(JSON.parse(data[0][2])['@context'], 'https://schema.org');
  const scripts = all.filter((s) => !data.includes(s));
  assert.ok(scripts.length >= 2);
  for (const [, attrs, body] of scripts) {
    assert.match(attrs, /\bsrc="\.\//, 'no inline script');
    // The first-paint script must also run where a file with integrity is refused (see
    // tests/e2e/hosting.test.mjs); every other script carries its hash.
    if (/first-paint-/.test(attrs)) assert.doesNotMatch(attrs, /integrity=/);
    else assert.match(attrs, /\bintegrity="sha384-/, `integrity on ${attrs}`);
    assert.equal(body.trim(), '');
  }
  assert.doesNotMatch(index, /rel="(module)?preload"[^>]*car-exports-/, 'the app is fetched after the page, not with it');
  const boot = readFileSync(join(DIST, readdirSync(DIST).find((f) => /^boot-.*\.js$/.test(f))), 'utf8');
  const wasm = readFileSync(join(DIST, readdirSync(DIST).find((f) => f.endsWith('.wasm'))));
  const wasmHash = `sha384-${createHash('sha384').update(wasm).digest('base64')}`;
  // The boot script is minified (postbuild/harden.mjs): its names are short, its strings kept.
  assert.ok(boot.includes(`"${wasmHash}"`), 'the boot script fetches the wasm with its integrity');
  assert.match(boot, /fetch\([\w$]+,\{integrity:[\w$]+\}\)/);
  for (const page of readdirSync(DIST).filter((f) => /^text-[a-z]+\.html$/.test(f))) {
    const html = readFileSync(join(DIST, page), 'utf8');
    assert.ok(html.includes(policy), `${page} carries the same policy`);
    assert.doesNotMatch(html, /<script|\sstyle=/, `${page} has no script and no inline style`);
  }
});

test('under the policy the story runs with no violation: charts, tooltip, toggles, table, exports, language', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', acceptDownloads: true });
  await watchViolations(context);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${ctx.server.origin}/`);
  await waitForChart(page, CHART);
  const frame = page.locator(`[data-chart="${CHART}"]`);
  await page.evaluate((id) => {
    const el = document.querySelector(`[data-chart="${id}"] .chart-canvas`);
    window.echarts.getInstanceByDom(el).dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 8 });
  }, CHART);
  await page.waitForTimeout(300);
  await frame.locator('button.toggle').first().click();
  await frame.locator('details.chart-table summary').click();
  const csv = page.waitForEvent('download');
  await frame.getByRole('button', { name: /CSV/ }).click();
  await csv;
  const png = page.waitForEvent('download');
  await frame.getByRole('button', { name: /PNG/ }).click();
  await png;
  await frame.getByRole('button', { name: /^Embed/ }).click();
  await page.keyboard.press('Escape');
  await page.locator('select').first().selectOption('de');
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  await waitForChart(page, CHART);
  const violations = await page.evaluate(() => window.__violations);
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a sandboxed iframe (allow-scripts allow-same-origin) shows the chart and sizes itself', async () => {
  const { page, context, problems } = await openPage(ctx.browser, `${ctx.server.origin}/sandbox-host.html`);
  const frame = page.frameLocator('#embed');
  // The prerendered chart sizes the frame; the reader's pointer brings it to life.
  await page.waitForFunction(() => window.heights.length > 0);
  await frame.locator(`[data-chart="${CHART}"] .chart-canvas`).hover();
  await frame.locator(`[data-chart="${CHART}"] .chart-canvas canvas`).waitFor({ timeout: 20000 });
  const height = await page.evaluate(() => document.getElementById('embed').getBoundingClientRect().height);
  assert.ok(height > 400, `the frame grew to its content (${height}px)`);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('without WebAssembly the reader keeps the prerendered page: every chapter, chart picture and table', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    delete window.WebAssembly;
  });
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(`${ctx.server.origin}/?lang=nl`);
  await page.waitForFunction(() => document.documentElement.classList.contains('static-only'));
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  assert.equal(await page.locator('section.chapter').count(), 9);
  assert.equal(await page.locator('[data-chart] .static-picture svg').filter({ visible: true }).count(), 12);
  assert.equal(await page.locator('[data-chart] details.chart-table table').count(), 12);
  const table = await tableOf(page, CHART);
  assert.ok(table.rows.some((row) => row.text.some((cell) => cell.startsWith('4.910.000'))), 'Dutch figures in the table');
  assert.ok(warnings.some((w) => w.includes('could not start')), 'the reason is logged');
  await context.close();
});

test('with JavaScript off, the page is whole and links the text version, which needs no script', async () => {
  const context = await ctx.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${ctx.server.origin}/`);
  assert.equal(await page.locator('section.chapter').count(), 9);
  assert.equal(await page.locator('.story-footer a[href="text-en.html"]').count(), 1, 'the page links the text version');
  await page.goto(`${ctx.server.origin}/text-en.html`);
  assert.equal(await page.locator('section.chapter').count(), 9);
  assert.ok((await page.locator('table').count()) >= 11);
  await context.close();
});

test('when the chart library fails to load, every chart shows its table instead of a blank box', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(/echarts\.min-.*\.js$/, (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${ctx.server.origin}/`);
  for (const frame of await page.locator('[data-chart]').all()) {
    const id = await frame.getAttribute('data-chart');
    await page.locator(`[data-chart="${id}"]`).scrollIntoViewIfNeeded().catch(() => {});
    await page.mouse.move(2, 2);
    await page.locator(`[data-chart="${id}"] .chart-fallback`).waitFor({ timeout: 20000 });
  }
  assert.equal(await page.locator('.chart-canvas').count(), 0);
  assert.equal(await page.locator('[data-chart] details.chart-table[open] table').count(), 12);
  await context.close();
});
