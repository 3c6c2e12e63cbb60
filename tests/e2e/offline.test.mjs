// End to end: after one visit the story, its embeds and its deep links work with the server gone,
// a new build replaces the old cache, and all of it works under a sub-path.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, waitForChart, drawnSeries, DIST } from './harness.mjs';

const WRITER = new URL('../../offline/write-service-worker.mjs', import.meta.url).pathname;
let browser;

after(async () => {
  await browser?.close();
});

async function firstVisit(url) {
  browser ??= await launch();
  const opened = await openPage(browser, url, { reducedMotion: 'reduce' });
  await waitForChart(opened.page, 'exports-vs-peers');
  await opened.page.locator('.offline-note', { hasText: 'Available offline' }).waitFor({ timeout: 20000 });
  return opened;
}

test('with the server gone, the story, an embed and a deep link still render their charts', async () => {
  const server = await serve();
  const { page, context, problems } = await firstVisit(`${server.origin}/`);
  await server.close();

  await page.reload();
  await waitForChart(page, 'exports-vs-peers');
  await waitForChart(page, 'policy-timeline');

  await page.goto(`${server.origin}/?embed=nev-share&nev=share`);
  await waitForChart(page, 'nev-share');
  assert.equal((await drawnSeries(page, 'nev-share'))[0].name, 'New-energy share of exports (derived)');

  await page.goto(`${server.origin}/?chapter=destinations&markets=2024`);
  await waitForChart(page, 'export-destinations');
  assert.equal(await page.locator('input[name="export-destinations"]').nth(1).isChecked(), true);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a new build is picked up on reload and replaces the old cache', async () => {
  const server = await serve();
  const { page, context } = await firstVisit(`${server.origin}/`);
  const oldCaches = await page.evaluate(() => caches.keys());
  assert.equal(oldCaches.length, 1);
  await server.close();

  // A second build with a change (its description; the app sets the title itself) and the
  // service worker it implies.
  const next = await mkdtemp(join(tmpdir(), 'car-exports-next-'));
  await cp(DIST, next, { recursive: true });
  const index = join(next, 'index.html');
  await writeFile(index, (await readFile(index, 'utf8')).replace(/(name="description"\s+content=")/, '$1New build: '));
  execFileSync('node', [WRITER, next]);
  const nextServer = await serve(next, {}, { port: server.port });

  await page.reload();
  assert.match(await page.locator('meta[name=description]').getAttribute('content'), /^New build: /);
  await page.waitForFunction((old) => caches.keys().then((keys) => keys.length === 1 && keys[0] !== old), oldCaches[0], { timeout: 20000, polling: 250 });
  await waitForChart(page, 'exports-vs-peers');
  await context.close();
  await nextServer.close();
});

test('under a sub-path the worker caches that path and works offline', async () => {
  const server = await serve(undefined, {}, { prefix: '/news/china-cars/' });
  const { page, context, problems } = await firstVisit(`${server.origin}/news/china-cars/`);
  const scope = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.scope));
  assert.equal(scope, `${server.origin}/news/china-cars/`);
  await server.close();
  await page.goto(`${server.origin}/news/china-cars/?embed=outlook-explorer`);
  await waitForChart(page, 'outlook-explorer');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
