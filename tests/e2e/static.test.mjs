// End to end: the page before any script runs, and the app taking it over where the reader is.
// The story, each language and each chart's embed are prerendered at build time; every chart is
// a picture drawn by ECharts' server-side renderer until it goes live.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, suite, waitForChart, watchLayoutShift, DIST, CHART_IDS, MANIFEST, LANG_PAGES as PAGES } from './harness.mjs';

const ctx = suite({ before, after });
const CHARTS = CHART_IDS;
const LANG_PAGES = PAGES.map((l) => [l.short, l.path]);

/** A page with no script at all, or with the app held back (its wasm request refused). */
async function staticPage(url, { javaScript = false, width = 1280, colorScheme = 'light', app = false } = {}) {
  const context = await ctx.browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: javaScript, colorScheme });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  if (!app) await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(`${ctx.server.origin}${url}`);
  return { page, context, requests };
}

/** The mean colour of a region of the screen, from a screenshot the browser decodes itself. */
async function meanColour(page, box) {
  const png = await page.screenshot({ clip: box });
  const helper = await page.context().newPage();
  const rgb = await helper.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
    const g = canvas.getContext('2d');
    g.drawImage(img, 0, 0);
    const { data } = g.getImageData(0, 0, img.width, img.height);
    const sum = [0, 0, 0];
    for (let i = 0; i < data.length; i += 4) for (let c = 0; c < 3; c++) sum[c] += data[i + c];
    return sum.map((s) => s / (data.length / 4));
  }, png.toString('base64'));
  await helper.close();
  return rgb;
}

for (const [lang, path] of LANG_PAGES) {
  test(`with JavaScript off (${lang}): every chapter, every chart as a picture with its text alternative, every table and source list`, async () => {
    const { page, context } = await staticPage(path);
    assert.equal(await page.locator('html').getAttribute('lang'), lang === 'zh' ? 'zh-Hans' : lang);
    assert.equal(await page.locator('section.chapter').count(), 9);
    for (const chapter of await page.locator('section.chapter').all()) {
      const text = (await chapter.locator(':scope > p, .step p').allInnerTexts()).join(' ');
      assert.ok(text.length > (lang === 'zh' ? 80 : 200), `each chapter has its text (${text.length} characters)`);
    }
    for (const id of CHARTS) {
      const frame = page.locator(`[data-chart="${id}"]`);
      const picture = frame.locator('.static-picture svg[role="img"]').filter({ visible: true });
      assert.equal(await picture.count(), 1, `${id}: one picture at this width`);
      const label = await picture.getAttribute('aria-label');
      assert.ok(label && label.length > 40, `${id}: the picture carries its text alternative`);
      assert.ok((await picture.locator('text').count()) > 3, `${id}: the picture has its labels`);
      const box = await picture.boundingBox();
      assert.ok(box.width > 300 && box.height > 300, `${id}: drawn at its size (${box.width}x${box.height})`);
      assert.equal(await frame.locator('details.chart-table table').count(), 1, `${id}: its table`);
      assert.ok((await frame.locator('.chart-sources a[href^="http"]').count()) >= 1, `${id}: its sources`);
    }
    await context.close();
  });
}

for (const [colorScheme, width] of [['light', 1280], ['dark', 390]]) {
  test(`with JavaScript off (${colorScheme}, ${width} px), a chart's choice shows the view it reaches; the toggles and tools that need the app are hidden`, async () => {
    const { page, context, requests } = await staticPage('/', { colorScheme, width });
    const frame = page.locator('[data-chart="exports-vs-peers"]');
    assert.equal(await frame.locator('.toggle-group').isVisible(), false, 'the toggles need the app');
    assert.equal(await frame.locator('.chart-actions').isVisible(), false, 'so do the tools');
    const shown = frame.locator('.static-picture').filter({ visible: true });
    assert.equal(await shown.count(), 1);
    const size = (await shown.getAttribute('class')).match(/static-(\w+)$/)[1];
    const canvas = frame.locator('.chart-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const before = await canvas.screenshot();
    const look = () =>
      shown.evaluate((picture) => ({ background: getComputedStyle(picture).backgroundImage, svg: getComputedStyle(picture.querySelector('svg')).visibility }));
    assert.deepEqual(await look(), { background: 'none', svg: 'visible' });
    // The second option of the count (customs), as the reader picks it: by its label.
    await frame.locator('.choice-group .segment').nth(1).click();
    const place = MANIFEST.views['exports-vs-peers'][0][1];
    const file = `pictures/exports-vs-peers/view-${place}-en-${size}-${colorScheme}.svg`;
    const after = await look();
    assert.ok(after.background.endsWith(`/${file}")`), `the view's picture: ${after.background}`);
    assert.equal(after.svg, 'hidden', 'over the default picture');
    await page.waitForLoadState('networkidle');
    assert.ok(requests.includes(`/${file}`), `fetched when chosen: ${requests.filter((r) => r.startsWith('/pictures/'))}`);
    const drawn = readFileSync(join(DIST, file), 'utf8');
    assert.match(drawn, /^<svg [^>]*role="img" aria-label="[^"]{40,}"/, 'a picture with its text alternative');
    assert.ok(!(await canvas.screenshot()).equals(before), 'the chart area shows another picture');
    await frame.locator('.choice-group .segment').nth(0).click();
    assert.deepEqual(await look(), { background: 'none', svg: 'visible' }, 'the first option brings the default back');
    await context.close();
  });
}

test('the stylesheets for pages without scripts name only pictures the build wrote, and every story and embed page names its language\'s', () => {
  const sheets = readdirSync(DIST).filter((f) => /^no-script-[a-z]+-[0-9a-f]{16}\.css$/.test(f));
  assert.equal(sheets.length, PAGES.length, sheets.join(', '));
  for (const sheet of sheets) {
    const urls = [...readFileSync(join(DIST, sheet), 'utf8').matchAll(/url\("([^"]+)"\)/g)].map((m) => m[1]);
    assert.ok(urls.length >= 60, `${sheet}: ${urls.length} pictures`);
    for (const url of urls) assert.ok(existsSync(join(DIST, url)), `${sheet}: ${url} is missing`);
  }
  for (const { short, file } of PAGES) {
    for (const page of [file, ...CHARTS.map((id) => (short === 'en' ? `embed-${id}.html` : `embed-${id}-${short}.html`))]) {
      const html = readFileSync(join(DIST, page), 'utf8');
      assert.match(html, new RegExp(`<noscript><link rel="stylesheet" href="\\./no-script-${short}-[0-9a-f]{16}\\.css" /></noscript>`), page);
    }
  }
});

test('at a phone width the narrow picture shows, drawn at its real size', async () => {
  const { page, context } = await staticPage('/', { width: 390 });
  const picture = page.locator('[data-chart="exports-vs-peers"] .static-picture svg').filter({ visible: true });
  assert.equal(await picture.count(), 1);
  assert.equal(await picture.getAttribute('viewBox'), '0 0 340 340');
  const box = await picture.boundingBox();
  // The frame's canvas is about 332 px wide on a 390 px phone: the picture's text keeps at least
  // 95% of its size (12 px labels stay above 11 px).
  assert.ok(box.width / 340 >= 0.95, `picture box ${box.width} px for a 340 px drawing`);
  await context.close();
});

test('on a desktop a full-width frame shows the wide drawing at its size, chapter 1 its column drawing', async () => {
  const { page, context } = await staticPage('/', { width: 1280 });
  const full = page.locator('[data-chart="nev-share"] .static-picture svg').filter({ visible: true });
  assert.equal(await full.getAttribute('viewBox'), '0 0 1040 420');
  const column = page.locator('[data-chart="exports-vs-peers"] .static-picture svg').filter({ visible: true });
  assert.equal(await column.getAttribute('viewBox'), '0 0 620 420');
  for (const svg of [full, column]) {
    const box = await svg.boundingBox();
    const drawn = Number((await svg.getAttribute('viewBox')).split(' ')[2]);
    assert.ok(box.width >= drawn * 0.95, `the ${drawn} px drawing has ${box.width} px`);
  }
  await context.close();
});

test('the static page and the live page report no policy violation', async () => {
  const { page, context } = await staticPage('/', { javaScript: true });
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'static');
  await context.close();
  const live = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  await live.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const livePage = await live.newPage();
  await livePage.goto(`${ctx.server.origin}/`);
  for (const id of CHARTS) await waitForChart(livePage, id);
  assert.deepEqual(await livePage.evaluate(() => window.__violations), [], 'live');
  await live.close();
});

test('the chart library is fetched once the app has started and the browser is idle, runs only when a chart goes live, and then comes from the cache; only the reader language is fetched', async (t) => {
  // Served with the documented headers (hashed files cached for good), with no service worker:
  // the live chart must find the library in the browser's own cache.
  const hosted = await serve(DIST, {}, { hosted: true });
  t.after(() => hosted.close());
  const context = await ctx.browser.newContext({ viewport: { width: 412, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${hosted.origin}/`);
  await page.waitForFunction(() => document.querySelectorAll('.island').length > 0, null, { timeout: 20000 });
  await page.waitForLoadState('networkidle');
  const timings = () =>
    page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => ({ name: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd, transferSize: e.transferSize, initiator: e.initiatorType })),
    );
  const before = await timings();
  const wasm = before.find((e) => /^\/car-exports-.*\.wasm$/.test(e.name));
  const fetched = before.filter((e) => /^\/echarts\.min-/.test(e.name));
  assert.equal(fetched.length, 1, `ECharts is fetched once before any chart is live: ${JSON.stringify(fetched)}`);
  assert.equal(fetched[0].initiator, 'link', 'as a prefetch');
  assert.ok(fetched[0].start > wasm.end, `after the app has arrived (ECharts asked at ${fetched[0].start.toFixed(0)} ms, the wasm done at ${wasm.end.toFixed(0)} ms)`);
  assert.equal(await page.evaluate(() => typeof window.echarts), 'undefined', 'and not run: nothing is live yet');
  await waitForChart(page, 'exports-vs-peers');
  const script = (await timings()).filter((e) => /^\/echarts\.min-/.test(e.name) && e.initiator === 'script');
  assert.equal(script.length, 1, `the live chart loads the library: ${JSON.stringify(script)}`);
  assert.equal(script[0].transferSize, 0, 'from the cache the prefetch filled');
  assert.equal(requests.filter((r) => /^\/(de|nl|zh)\.html|^\/text-/.test(r)).length, 0, 'no other language');
  assert.equal(requests.filter((r) => r.startsWith('/messages-')).length, 0, 'English is compiled into the app: no language pack');
  assert.equal(requests.filter((r) => r.startsWith('/no-script-')).length, 0, 'the stylesheet for pages without scripts is not fetched');
  await context.close();
  // A German page fetches the German texts, and no other language's.
  const german = await staticPage('/de.html', { javaScript: true, width: 412, app: true });
  await german.page.waitForFunction(() => document.querySelectorAll('.island').length > 0, null, { timeout: 20000 });
  await german.page.waitForLoadState('networkidle');
  const packs = german.requests.filter((r) => r.startsWith('/messages-'));
  assert.equal(packs.length, 1, `one language pack: ${packs}`);
  assert.match(packs[0], /^\/messages-de-[0-9a-f]{16}\.json$/);
  await german.context.close();
});

test('dark mode at first paint: the pictures are dark, with no light flash', async () => {
  for (const [url, scheme] of [['/', 'dark'], ['/?theme=dark', 'light']]) {
    const { page, context } = await staticPage(url, { javaScript: true, colorScheme: scheme });
    const frame = page.locator('[data-chart="exports-by-maker"]');
    await frame.scrollIntoViewIfNeeded();
    const box = await frame.locator('.chart-canvas').boundingBox();
    const [r, g, b] = await meanColour(page, box);
    assert.ok(r + g + b < 3 * 90, `${url} (${scheme} system): the chart area is dark (mean ${r.toFixed(0)},${g.toFixed(0)},${b.toFixed(0)})`);
    const label = frame.locator('.static-picture svg text').first();
    const fill = await label.evaluate((t) => getComputedStyle(t).fill);
    const [lr, lg, lb] = fill.match(/\d+/g).map(Number);
    assert.ok(lr + lg + lb > 3 * 150, `${url}: labels are light on dark (${fill})`);
    await context.close();
  }
  const { page, context } = await staticPage('/', { javaScript: true, colorScheme: 'light' });
  const box = await page.locator('[data-chart="exports-by-maker"] .chart-canvas').boundingBox();
  await page.locator('[data-chart="exports-by-maker"]').scrollIntoViewIfNeeded();
  const [r, g, b] = await meanColour(page, await page.locator('[data-chart="exports-by-maker"] .chart-canvas').boundingBox());
  assert.ok(r + g + b > 3 * 200, `light stays light (mean ${r.toFixed(0)},${g.toFixed(0)},${b.toFixed(0)}, ${box.width})`);
  await context.close();
});

test('each language is first-paint ready: ?lang= and the browser language open that language page', async () => {
  for (const [url, locale, expected] of [['/?lang=de', 'en-US', 'de'], ['/', 'nl-NL', 'nl'], ['/de.html?lang=zh&count=customs', 'en-US', 'zh-Hans']]) {
    const context = await ctx.browser.newContext({ locale, javaScriptEnabled: true });
    const page = await context.newPage();
    const langs = [];
    page.on('framenavigated', async (f) => f === page.mainFrame() && langs.push(f.url()));
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto(`${ctx.server.origin}${url}`);
    await page.waitForLoadState('load');
    assert.equal(await page.locator('html').getAttribute('lang'), expected, url);
    assert.ok(!(await page.locator('h1').innerText()).includes("China's car export surge"), `${url}: no English title`);
    if (url.includes('count=customs')) assert.match(page.url(), /zh\.html\?lang=zh&count=customs$/, 'the address is kept');
    await context.close();
  }
});

test('an embed at first paint shows exactly one chart; the embedded story has no page tools', async () => {
  for (const id of CHARTS) {
    const { page, context } = await staticPage(`/?embed=${id}`, { javaScript: true, width: 600 });
    await page.locator('main.embed-chart').waitFor();
    assert.match(page.url(), new RegExp(`/embed-${id}\\.html\\?embed=${id}$`));
    assert.equal(await page.locator('[data-chart]').count(), 1);
    assert.equal(await page.locator(`[data-chart="${id}"] .static-picture svg`).filter({ visible: true }).count(), 1);
    assert.equal(await page.locator('.chapter, .story-header').count(), 0);
    await context.close();
  }
  const { page, context } = await staticPage('/?embed=story', { javaScript: true });
  assert.equal(await page.locator('.story-tools, nav.contents').filter({ visible: true }).count(), 0);
  assert.equal(await page.locator('h1').filter({ visible: true }).count(), 1);
  await context.close();
});

test('going live moves nothing: every chart replaces its picture in place (CLS < 0.05)', async () => {
  for (const width of [390, 1280]) {
    const context = await ctx.browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
    await watchLayoutShift(context);
    const page = await context.newPage();
    await page.goto(`${ctx.server.origin}/`);
    for (const id of CHARTS) {
      const before = await page.locator(`[data-chart="${id}"] .chart-canvas`).boundingBox();
      await waitForChart(page, id);
      const after = await page.locator(`[data-chart="${id}"] .chart-canvas`).boundingBox();
      assert.ok(Math.abs(before.height - after.height) < 1 && Math.abs(before.width - after.width) < 1, `${id} at ${width}: same size live`);
    }
    const shift = await page.evaluate(() => window.__shift);
    assert.ok(shift < 0.05, `layout shift ${shift.toFixed(4)} at ${width}px`);
    await context.close();
  }
});

test('the picture and the live chart show the same series', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${ctx.server.origin}/`);
  // Read every picture first: a chapter with two charts takes both live at once.
  const pictures = {};
  for (const id of CHARTS) pictures[id] = await page.locator(`[data-chart="${id}"] .static-wide svg text`).allTextContents();
  for (const id of CHARTS) {
    const texts = pictures[id];
    await waitForChart(page, id);
    const live = await page.evaluate((chartId) => {
      const chart = window.echarts.getInstanceByDom(document.querySelector(`[data-chart="${chartId}"] .chart-canvas`));
      const option = chart.getOption();
      const shown = (option.legend ?? []).some((l) => l.show !== false);
      const names = shown ? option.series.map((s) => s.name).filter(Boolean) : [];
      const categories = [...(option.xAxis ?? []), ...(option.yAxis ?? [])].filter((a) => a.type === 'category').flatMap((a) => a.data ?? []);
      const values = option.series.map((s) => (s.data ?? []).filter((d) => d !== null && d !== undefined).length);
      return { names, categories: categories.map(String), values };
    }, id);
    for (const name of live.names) assert.ok(texts.includes(name), `${id}: the picture's legend has "${name}" (${texts.join(' | ')})`);
    // A wrapped category name is drawn a line at a time.
    const drawnCategories = live.categories.filter((c) => c.split('\n').every((line) => texts.includes(line)));
    assert.ok(drawnCategories.length >= Math.min(2, live.categories.length), `${id}: the picture labels the live chart's categories`);
    assert.ok(live.values.some((n) => n > 0), `${id}: the live chart has data`);
  }
  await context.close();
});

test('an embed page keeps its language when it goes live, whatever the browser speaks', async () => {
  const context = await ctx.browser.newContext({ locale: 'en-US', viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${ctx.server.origin}/embed-nev-share-de.html?embed=nev-share`);
  const title = await page.locator('.chart-title').innerText();
  await waitForChart(page, 'nev-share');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  assert.equal(await page.locator('.chart-title').innerText(), title, 'the live title is the prerendered German one');
  await context.close();
});

test('a control used before its chapter is live takes effect once it is', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  // Hold the app back until the reader has clicked.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(`${ctx.server.origin}/`);
  const toggle = page.locator('[data-chart="policy-timeline"] button.toggle').first();
  await toggle.scrollIntoViewIfNeeded();
  const label = await toggle.innerText();
  await toggle.click();
  release();
  await waitForChart(page, 'policy-timeline');
  await page.waitForFunction((text) => [...document.querySelectorAll('[data-chart="policy-timeline"] button.toggle')].find((b) => b.innerText === text)?.getAttribute('aria-pressed') === 'false', label, { timeout: 10000 });
  await context.close();
});

test('the build wrote a page per language and an embed page per chart and language', () => {
  const files = readdirSync(DIST);
  for (const { file } of PAGES) assert.ok(files.includes(file), file);
  for (const id of CHARTS) for (const suffix of ['', '-de', '-nl', '-zh']) assert.ok(files.includes(`embed-${id}${suffix}.html`), `embed-${id}${suffix}.html`);
  assert.ok(!files.includes('prerender-jobs.json'), 'the build inputs are not published');
});

test('a page whose language pack cannot be fetched keeps its prerendered page, in its language', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 412, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route(/\/messages-[a-z]+-[0-9a-f]+\.json$/, (route) => route.abort());
  await page.goto(`${ctx.server.origin}/de.html`);
  await page.waitForFunction(() => document.documentElement.classList.contains('static-only'), null, { timeout: 20000 });
  assert.equal(await page.locator('.island').count(), 0, 'no chapter went live in English');
  assert.match(await page.locator('section#overtaking h2').innerText(), /Der Aufstieg|Überhol/);
  assert.deepEqual(errors, []);
  await context.close();
});
