// End to end: guess first. The reader sets a guess by dragging on the chart or with the keyboard
// alone, asks for the answer, and reads a sentence that compares the guess with the data; the
// guess survives a reload through its address, works embedded, and axe finds no violation in the
// widget before and after the reveal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { suite, openPage, waitForChart, drawnSeries } from './harness.mjs';

const ctx = suite({ before, after });
const ID = 'guess-exports';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The guess series as drawn: the values for 2020-2025. */
async function drawnGuess(page) {
  const series = await drawnSeries(page, ID);
  return series.find((s) => s.name === 'Your guess').data.slice(5);
}

test('a drag across the chart sets the guess of each year it passes, and the reveal compares it with the data', async () => {
  const { page, context, problems } = await openPage(ctx.browser, `${ctx.server.origin}/`, { reducedMotion: 'reduce' });
  await waitForChart(page, ID);
  const canvas = page.locator(`[data-chart="${ID}"] .chart-canvas`);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.75);
  await page.mouse.down();
  for (let i = 0; i <= 12; i += 1) await page.mouse.move(box.x + box.width * (0.5 + i * 0.04), box.y + box.height * (0.75 - i * 0.03));
  await page.mouse.up();
  const guessed = await drawnGuess(page);
  assert.ok(guessed.filter((v) => typeof v === 'number').length >= 4, `a drag sets several years: ${guessed}`);
  const sliders = await page.locator('.guess-sliders output').allTextContents();
  assert.ok(sliders.filter((t) => /million/.test(t)).length >= 4, `the sliders follow the drawing: ${sliders}`);
  await page.locator('.guess-actions button', { hasText: 'Show me what happened' }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).has('guess'));
  const verdict = await page.locator('.guess-verdict').innerText();
  const match = verdict.match(/^You guessed (.+) for (20\d\d); it was (.+)\.$/);
  assert.ok(match, verdict);
  // The sentence's figure for that year is the data's, as the table under the chart has it.
  const row = page.locator(`[data-chart="${ID}"] .data-table tbody tr`, { has: page.locator('th', { hasText: match[2] }) });
  assert.equal((await row.locator('td').first().getAttribute('data-value')) !== null, true);
  const actual = Number(await row.locator('td').first().getAttribute('data-value'));
  assert.ok(actual > 500000, `${match[2]}: ${actual}`);
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('on a phone a finger drawn across the chart sets the guess, and the page does not scroll under it', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${ctx.server.origin}/`);
  await waitForChart(page, ID);
  const canvas = page.locator(`[data-chart="${ID}"] .chart-canvas`);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const scrolled = await page.evaluate(() => window.scrollY);
  // A real touch sequence, as the touchscreen sends it: the browser makes it pointer events.
  const cdp = await context.newCDPSession(page);
  const at = (i) => [{ x: box.x + box.width * (0.55 + i * 0.03), y: box.y + box.height * (0.8 - i * 0.04) }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let i = 1; i <= 10; i += 1) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForFunction(() => [...document.querySelectorAll('.guess-sliders output')].some((o) => /million/.test(o.textContent)));
  const guessed = await drawnGuess(page);
  assert.ok(guessed.filter((v) => typeof v === 'number').length >= 2, `a finger sets the years it passes: ${guessed}`);
  assert.equal(await page.evaluate(() => window.scrollY), scrolled, 'the page stays still while the finger draws');
  await context.close();
});

test('the keyboard alone sets a guess and asks for the answer; a reload keeps the guess', async () => {
  const { page, context } = await openPage(ctx.browser, `${ctx.server.origin}/`, { reducedMotion: 'reduce' });
  await waitForChart(page, ID);
  const slider = page.locator('#guess-2023');
  await slider.focus();
  for (let i = 0; i < 20; i += 1) await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('output[for="guess-2023"]').innerText(), '3 million');
  assert.equal((await drawnGuess(page))[3], 3000000);
  await page.keyboard.press('Tab');
  // Tab on to the reveal button and press it.
  for (let i = 0; i < 5; i += 1) {
    if (await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Show me what happened')) break;
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('guess') === '-,-,-,30,-,-');
  assert.equal(await page.locator('.guess-verdict').innerText(), 'You guessed 3 million for 2023; it was 4.91 million.');
  await page.reload();
  await waitForChart(page, ID);
  assert.equal((await drawnGuess(page))[3], 3000000);
  assert.equal(await page.locator('.guess-verdict').innerText(), 'You guessed 3 million for 2023; it was 4.91 million.');
  await context.close();
});

test('axe finds no violation in the guess widget before and after the reveal; it works embedded', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 390, height: 900 }, reducedMotion: 'reduce', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${ctx.server.origin}/?embed=${ID}`);
  await waitForChart(page, ID);
  assert.equal(await page.locator('[data-chart]').count(), 1);
  const axe = async () => {
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() =>
      window.axe.run('.guess', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }),
    );
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 2)}`);
  };
  assert.deepEqual(await axe(), []);
  await page.locator('#guess-2025').fill('70');
  await page.locator('.guess-actions button', { hasText: 'Show me what happened' }).click();
  await page.locator('.guess-verdict', { hasText: 'You guessed 7 million for 2025' }).waitFor();
  assert.deepEqual(await axe(), []);
  await context.close();
});
