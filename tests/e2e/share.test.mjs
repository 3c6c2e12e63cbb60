// End to end: links unfurl. The story and every chart have a page whose Open Graph and Twitter
// card tags name a title, a description, an address and a 1200x630 picture that is in the build
// and shows the chart (its colours are the chart's), in every language; "Copy link" offers a
// chart's share page, which leads into the story at that chart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { suite, openPage, waitForChart, DIST, CHART_IDS, LANG_PAGES } from './harness.mjs';

const ctx = suite({ before, after });
const LANGS = LANG_PAGES.map((l) => [l.short, l.path, l.file]);
const CHARTS = CHART_IDS;

/** The content of each `<meta property|name="...">` of a page. */
function metaOf(html) {
  const out = {};
  for (const [, key, content] of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g)) out[key] = content;
  return out;
}

/** Width and height from a PNG's header. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/**
 * How much of a PNG is inked, and how many of its pixels have the hue of each of `colours`
 * (below the card's accent bar): an image that shows the chart is drawn in the chart's colours.
 */
async function inkOf(page, src, colours) {
  return page.evaluate(async ({ src, colours }) => {
    const image = new Image();
    image.src = src;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    // Hue and saturation: a mark drawn with some transparency over white keeps its hue.
    const hueOf = (r, g, b) => {
      const max = Math.max(r, g, b);
      const min = Math.min(r, g, b);
      if (max === min) return [0, 0];
      const d = max - min;
      const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      return [(h * 60 + 360) % 360, d / max];
    };
    const wanted = colours.map((hex) => hueOf(...[0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)))[0]);
    const near = wanted.map(() => 0);
    let inked = 0;
    for (let i = canvas.width * 4 * 12; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (r + g + b < 720) inked += 1;
      const [hue, saturation] = hueOf(r, g, b);
      if (saturation < 0.25) continue;
      wanted.forEach((w, k) => {
        if (Math.min(Math.abs(hue - w), 360 - Math.abs(hue - w)) < 10) near[k] += 1;
      });
    }
    return { inked: inked / (data.length / 4), near };
  }, { src, colours });
}

/** The saturated colours the chart's prerendered picture is drawn in, as hex. */
function pictureColours(html, chart) {
  const start = html.indexOf(`data-chart="${chart}"`);
  const frame = html.slice(start, html.indexOf('</figure>', start));
  const colours = new Set();
  for (const [, hex] of frame.matchAll(/(?:fill|stroke)="#([0-9a-f]{6})"/g)) {
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    if (Math.max(r, g, b) - Math.min(r, g, b) >= 60) colours.add(hex);
  }
  return [...colours];
}

test('the story and every chart unfurl with a title, a description, an address and their own picture, in every language', async () => {
  const { page, context } = await openPage(ctx.browser, `${ctx.server.origin}/`);
  let checked = 0;
  for (const [lang, , storyFile] of LANGS) {
    const storyHtml = await readFile(join(DIST, storyFile), 'utf8');
    const pages = [[storyFile, null], ...CHARTS.map((id) => [`charts/${id}/${lang === 'en' ? 'index.html' : `${lang}.html`}`, id])];
    for (const [file, chart] of pages) {
      const html = await readFile(join(DIST, file), 'utf8');
      const meta = metaOf(html);
      for (const key of ['og:title', 'og:description', 'og:image', 'og:url', 'twitter:card']) {
        assert.ok(meta[key] && meta[key].length > 0, `${file}: ${key}`);
      }
      assert.equal(meta['twitter:card'], 'summary_large_image', file);
      assert.equal(new RegExp(`<html lang="${lang === 'zh' ? 'zh-Hans' : lang}"`).test(html), true, `${file} is in ${lang}`);
      // The picture is in the build, at the size the tags say.
      const image = new URL(meta['og:image'], `http://site/${file}`).pathname.slice(1);
      assert.equal(image, `cards/${chart ?? 'story'}-${lang}.png`, file);
      const png = await readFile(join(DIST, image));
      assert.deepEqual(pngSize(png), [1200, 630], image);
      assert.deepEqual([meta['og:image:width'], meta['og:image:height']], ['1200', '630'], file);
      // It shows the chart: not blank, and drawn in the chart's own colours.
      const expected = pictureColours(storyHtml, chart ?? 'exports-vs-peers');
      assert.ok(expected.length >= 1, `${file}: the picture has colours`);
      const { inked, near } = await inkOf(page, `${ctx.server.origin}/${image}`, expected);
      assert.ok(inked > 0.02, `${image} is not blank (${(inked * 100).toFixed(1)}% inked)`);
      // The guess's picture is by design a place to draw: its marks are the two given years only.
      const least = chart === 'guess-exports' ? 150 : 400;
      assert.ok(Math.max(...near) > least, `${image}: drawn in the chart's colours ${expected} (${near} pixels near each)`);
      if (chart) {
        // The share page leads into the story at the chart, in its language.
        const story = lang === 'en' ? '' : storyFile;
        assert.match(html, new RegExp(`<meta http-equiv="refresh" content="0; url=\\.\\./\\.\\./${story.replace('.', '\\.')}#${chart}-title" />`), file);
        assert.ok(storyHtml.includes(`id="${chart}-title"`), `${storyFile} has the chart's anchor`);
      }
      checked += 1;
    }
  }
  assert.equal(checked, LANGS.length * (CHARTS.length + 1));
  await context.close();
});

test('"Copy link" offers the chart\'s share page in its default view, which opens the story at the chart', async () => {
  const { page, context, problems } = await openPage(ctx.browser, `${ctx.server.origin}/de.html`, { reducedMotion: 'reduce' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.server.origin });
  const id = 'nev-share';
  await page.locator(`[data-chart="${id}"]`).scrollIntoViewIfNeeded();
  await waitForChart(page, id);
  await page.locator(`[data-chart="${id}"] .chart-actions button`, { hasText: 'Link kopieren' }).click();
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.length > 0));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, `${ctx.server.origin}/charts/${id}/de.html`);
  const reader = await context.newPage();
  await reader.goto(link);
  await reader.waitForURL(/\/de\.html#nev-share-title$/);
  await reader.locator(`#${id}-title`).waitFor();
  assert.equal(await reader.locator('html').getAttribute('lang'), 'de');
  // Another view keeps its own address, which a card could not show.
  await page.locator(`[data-chart="${id}"] input[type=radio]`).nth(1).click();
  await page.waitForFunction(() => location.search.includes('nev=share'));
  await page.locator(`[data-chart="${id}"] .chart-actions button`, { hasText: 'Link kopieren' }).click();
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.includes('nev=share')));
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});
