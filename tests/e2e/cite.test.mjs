// "Cite": each chart and the story hand the reader a ready citation of what is on screen, as a
// sentence and as BibTeX, in the page's language, with the view's address, the month the figures
// run to and the day it was read; the copy buttons put it on the clipboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { suite, waitForChart } from './harness.mjs';

const ctx = suite({ before, after });
const CHART = 'exports-vs-peers';

async function openCite(page, scope) {
  await page.locator(scope).getByRole('button', { name: /^(Cite|Zitieren|Citeren|引用)$/ }).click();
  const dialog = page.locator('dialog.cite-dialog[open]');
  await dialog.waitFor();
  const [text, bibtex] = await dialog.locator('textarea').evaluateAll((boxes) => boxes.map((b) => b.value));
  return { dialog, text, bibtex };
}

test('a chart cites the story, the chart, the address of the view on screen and the dates; the copy button copies it', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.server.origin });
  const page = await context.newPage();
  await page.goto(`${ctx.server.origin}/`);
  await waitForChart(page, CHART);
  await page.locator(`[data-chart="${CHART}"] label.segment`, { hasText: 'Both' }).click();
  const { dialog, text, bibtex } = await openCite(page, `[data-chart="${CHART}"] .chart-actions`);
  const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
  assert.ok(text.startsWith("China's car export surge, explained: China overtakes the established exporters. "), text);
  assert.match(text, new RegExp(`${ctx.server.origin.replace(/[.]/g, '\\.')}/\\?[^ ]*count=both[^ ]*#overtaking\\.`), 'the address of this view');
  assert.match(text, /Figures up to (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d\./);
  assert.ok(text.endsWith(`Accessed ${Number(today.slice(8))} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(today.slice(5, 7)) - 1]} ${today.slice(0, 4)}.`), text);
  assert.ok(bibtex.startsWith(`@misc{china-car-exports-${CHART}-${today.slice(0, 4)},\n`), bibtex);
  assert.match(bibtex, /howpublished = \{\\url\{http:\/\/127\.0\.0\.1:\d+\/\?[^}]*count=both[^}]*\}\}/);
  assert.ok(bibtex.includes(`urldate = {${today}}`));
  assert.equal((bibtex.match(/\{/g) ?? []).length, (bibtex.match(/\}/g) ?? []).length, 'balanced braces');
  await dialog.getByRole('button', { name: 'Copy citation' }).click();
  await dialog.locator('.action-status', { hasText: 'Citation copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  await dialog.getByRole('button', { name: 'Copy BibTeX' }).click();
  await page.waitForFunction((expected) => navigator.clipboard.readText().then((t) => t === expected), bibtex);
  await context.close();
});

test('the story cites itself, in the page language', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 390, height: 800 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${ctx.server.origin}/de.html`);
  await waitForChart(page, CHART);
  const { dialog, text, bibtex } = await openCite(page, '.story-footer');
  assert.equal(await dialog.locator('.sub-heading').innerText(), 'Diesen Beitrag zitieren');
  assert.ok(text.startsWith(`Chinas Autoexport-Boom, erklärt. ${ctx.server.origin}/de.html. Zahlen bis `), text);
  assert.match(text, /Abgerufen am \d{1,2}\. .+ 20\d\d\.$/);
  assert.ok(bibtex.startsWith('@misc{china-car-exports-20'), bibtex);
  await context.close();
});
