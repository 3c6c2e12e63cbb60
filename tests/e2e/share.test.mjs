// End to end: links unfurl. The story and every chart have a page whose Open Graph and Twitter
// card tags name a title, a description, an address and a 1200x630 picture that is in the build
// and shows the chart (its colours are the chart's), in every language; "Copy link" offers a
// chart's share page, which leads into the story at that chart. Cards are drawn with the build's
// own fonts, and a character those lack stops the build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CARD_FONT_FILES, drawCards, fontCoverage, uncoveredCharacters } from '../../prerender/draw-cards.mjs';
import { suite, openPage, waitForChart, DIST, CHART_IDS, LANG_PAGES } from './harness.mjs';
import { inkOf, metaOf, pictureColours, pngSize } from './pictures.mjs';

const ctx = suite({ before, after });
const LANGS = LANG_PAGES.map((l) => [l.short, l.path, l.file]);
const CHARTS = CHART_IDS;

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
  // Another view has its own share page, which leads into the story in that view.
  await page.locator(`[data-chart="${id}"] input[type=radio]`).nth(1).click();
  await page.waitForFunction(() => location.search.includes('nev=share'));
  await page.locator(`[data-chart="${id}"] .chart-actions button`, { hasText: 'Link kopieren' }).click();
  await page.waitForFunction((was) => navigator.clipboard.readText().then((t) => t !== was), link);
  const viewLink = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(viewLink, `${ctx.server.origin}/charts/${id}/nev-share/de.html`);
  await reader.goto(viewLink);
  await reader.waitForURL(/\/de\.html\?chapter=[a-z-]+&nev=share#nev-share-title$/);
  await waitForChart(reader, id);
  assert.equal(await reader.locator(`[data-chart="${id}"] input[type=radio]`).nth(1).isChecked(), true);
  // A view with no page of its own (two charts changed) keeps its address.
  await page.locator('[data-chart="exports-vs-peers"] input[type=radio]').nth(1).click();
  await page.waitForFunction(() => location.search.includes('count=customs'));
  await page.locator(`[data-chart="${id}"] .chart-actions button`, { hasText: 'Link kopieren' }).click();
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.includes('nev=share') && t.includes('count=customs')));
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await context.close();
});

test('cards are drawn with the build\'s own fonts: every character of every built card is covered, and one that is not stops the build, named', async () => {
  const covers = fontCoverage(CARD_FONT_FILES);
  assert.deepEqual(uncoveredCharacters('<svg><text x="1">中国汽车出口 2025 – 7,1 Mio. € «ü»</text><text><tspan>价格战</tspan></text></svg>', covers), []);
  const found = uncoveredCharacters('<svg><text x="1">Seoul &amp; 서울</text></svg>', covers);
  assert.equal(found.length, 2);
  assert.match(found[0], /"서" \(U\+C11C\) in "Seoul & 서울"/);
  // Every built card is a PNG from those fonts: the build checked each card's words (240 cards).
  const cards = readdirSync(join(DIST, 'cards'), { recursive: true }).filter((f) => f.endsWith('.png'));
  assert.ok(cards.length >= CHARTS.length * LANGS.length, `${cards.length} cards`);
  // A card in a script the fonts lack is refused before anything is written.
  const dir = mkdtempSync(join(tmpdir(), 'cards-'));
  try {
    const card = { png: 'korean.png', width: 1200, height: 630, scale: 1, lang: 'en', title: '서울로 가는 차', subtitle: 'Vehicles', footer: 'A footer', picture: 'x' };
    const chart = '<svg xmlns="http://www.w3.org/2000/svg" width="1136" height="400"><text x="0" y="10">2025</text></svg>';
    const ink = { text: '#1b1b1f', muted: '#55565d', background: '#ffffff', accent: '#b00d27' };
    assert.throws(() => drawCards([card], new Map([['card-korean.png', chart]]), dir, ink), /card korean\.png: the card fonts have no glyph for "서" \(U\+C11C\)/);
    assert.deepEqual(readdirSync(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
