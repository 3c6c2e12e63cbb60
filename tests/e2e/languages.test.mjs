// Four languages: chosen from ?lang=, else the browser's languages, else English; a switch on the
// page; <html lang> follows; prose, labels, tables and numbers follow; no English left behind.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { suite, launch, waitForChart, tableOf, FONT_SETS } from './harness.mjs';

const ctx = suite({ before, after });
const CHART = 'exports-vs-peers';

async function open(query, { locale = 'en-US' } = {}) {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, locale, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${ctx.server.origin}/${query}`);
  await waitForChart(page, CHART);
  return { page, context, errors };
}

/** Text on the page outside the source lists (publishers and cited titles stay as cited). */
const ownText = (page) =>
  page.evaluate(() => {
    const clone = document.querySelector('main').cloneNode(true);
    clone.querySelectorAll('.source-list, .chart-sources summary ~ ul, .quote-source, script, style, [hidden]').forEach((n) => n.remove());
    return clone.innerText;
  });

const EXPECT = {
  de: { lang: 'de', title: 'Chinas Autoexport-Boom, erklärt', figure: '4.910.000', prose: 'Mio.' },
  nl: { lang: 'nl', title: 'De opmars van de Chinese auto-export, uitgelegd', figure: '4.910.000', prose: 'miljoen' },
  zh: { lang: 'zh-Hans', title: '中国汽车出口激增解读', figure: '4,910,000', prose: '万' },
  en: { lang: 'en', title: "China's car export surge, explained", figure: '4,910,000', prose: 'million' },
};

for (const [code, want] of Object.entries(EXPECT)) {
  test(`?lang=${code}: html lang, title, prose, chart labels and tables in ${code}`, async () => {
    const { page, context, errors } = await open(`?lang=${code}`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), want.lang);
    assert.equal(await page.locator('h1').innerText(), want.title);
    assert.equal(await page.title(), want.title);
    const table = await tableOf(page, CHART);
    assert.ok(table.rows.some((r) => r.text.some((cell) => cell.startsWith(want.figure))), `table writes ${want.figure}`);
    assert.ok((await page.locator('#overtaking').innerText()).includes(want.prose));
    const legend = await page.evaluate((id) => {
      const el = document.querySelector(`[data-chart="${id}"] .chart-canvas`);
      return window.echarts.getInstanceByDom(el).getOption().series.map((s) => s.name);
    }, CHART);
    assert.equal(legend.length >= 2, true);
    if (code === 'zh') assert.ok(legend.some((n) => n.startsWith('中国')), legend.join());
    if (code === 'de') assert.ok(legend.some((n) => n.startsWith('Deutschland')), legend.join());
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('no English is left in the German, Dutch or Chinese page (outside cited sources)', async () => {
  for (const code of ['de', 'nl', 'zh']) {
    const { page, context } = await open(`?lang=${code}`);
    const text = await ownText(page);
    const english = text.match(/\b(the|and|with|which|from|were|this|that|exports|vehicles|chart|source)\b[^\n]{0,40}/gi) ?? [];
    // Names that are the same in every language are fine; English sentences are not.
    const sentences = english.filter((m) => /^(the|and|with|which|were|this|that) /i.test(m));
    assert.deepEqual(sentences, [], `English in ${code}: ${sentences.slice(0, 5).join(' | ')}`);
    if (code === 'zh') {
      const runs = text.match(/[A-Za-z]{3,}(?: [A-Za-z]{3,}){3,}/g) ?? [];
      assert.deepEqual(runs, [], `English runs in zh: ${runs.slice(0, 5).join(' | ')}`);
    }
    await context.close();
  }
});

test('without ?lang the browser language decides; an unknown one falls back to English', async () => {
  let { page, context } = await open('', { locale: 'nl-BE' });
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  await context.close();
  ({ page, context } = await open('?lang=fr', { locale: 'fr-FR' }));
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.waitForTimeout(400);
  assert.equal(new URL(page.url()).searchParams.get('lang'), null, 'an unknown language is not written back');
  await context.close();
});

test('the switch changes text and number format, writes ?lang=, and is kept by a reload', async () => {
  const { page, context, errors } = await open('');
  const before = await page.locator('#overtaking .step p').first().innerText();
  assert.match(before, /million/);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-Hans');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
  await waitForChart(page, CHART);
  const after = await page.locator('#overtaking .step p').first().innerText();
  assert.notEqual(after, before);
  assert.match(after, /万/);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('lang') === 'zh-Hans');
  await page.reload();
  await waitForChart(page, CHART);
  assert.equal(await page.locator('h1').innerText(), '中国汽车出口激增解读');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a toggle updates its chart without rebuilding the page', async () => {
  const { page, context } = await open('');
  await page.evaluate(() => {
    document.querySelector('h1').dataset.marker = 'kept';
  });
  await page.locator(`[data-chart="${CHART}"] button.toggle`).first().click();
  await page.locator('[data-chart="nev-share"] input[type=radio]').nth(1).check();
  await page.locator('#makers').scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => document.querySelector('h1').dataset.marker), 'kept');
  await context.close();
});

test('before the app arrives, the prerendered page already speaks the reader language', async () => {
  const context = await ctx.browser.newContext({ locale: 'de-DE' });
  // Hold the wasm back so the prerendered page can be read.
  await context.route(/\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto(`${ctx.server.origin}/`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  assert.equal(await page.locator('h1').innerText(), 'Chinas Autoexport-Boom, erklärt');
  assert.equal(await page.locator('.chapter-number').first().innerText(), 'KAPITEL 1');
  assert.equal(await page.locator('main[data-prerendered]').count(), 1, 'the prerendered story');
  await waitForChart(page, CHART);
  assert.equal(await page.locator('#overtaking[data-prerendered]').count(), 0, 'chapter 1 is live');
  await context.close();
});

/** Of the test fonts (harness.mjs, FONT_SETS.all), the one that sets a German sentence widest. */
async function widestTestFont(page) {
  return page.evaluate((families) => {
    const context = document.createElement('canvas').getContext('2d');
    const width = (family) => {
      context.font = `16px "${family}"`;
      return context.measureText('Exportbeschränkungen für Elektroautos überraschen die Wettbewerber').width;
    };
    return families.reduce((a, b) => (width(b) > width(a) ? b : a));
  }, [FONT_SETS.all.sans[0], FONT_SETS.all.serif[0], FONT_SETS.all.monospace[0]]);
}

/**
 * At 320 px in `code`, on `browser`, every chart live, every table, source list and each dialog of
 * chart 1 open: the page never scrolls sideways and nothing runs past its edge. With `font`, every
 * text is forced into it.
 */
async function checkNoSidewaysScrolling(browser, code, font, where) {
  // The font is forced by a style element, which the page's policy would refuse.
  const context = await browser.newContext({ viewport: { width: 320, height: 800 }, reducedMotion: 'reduce', bypassCSP: Boolean(font) });
  const page = await context.newPage();
  await page.goto(`${ctx.server.origin}/?lang=${code}`);
  if (font) await page.addStyleTag({ content: `*, *::before, *::after { font-family: "${font}" !important; }` });
  for (const id of await page.locator('[data-chart]').evaluateAll((frames) => frames.map((f) => f.dataset.chart))) {
    await waitForChart(page, id);
  }
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  // Each dialog in turn: the embed code, then the citation.
  for (const opener of await page.locator(`[data-chart="${CHART}"] .chart-actions button[aria-haspopup="dialog"]`).all()) {
    await opener.click();
    await page.locator('dialog[open]').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `no sideways scrolling (${where})`);
    const wide = await page.evaluate(() => {
      const edge = document.documentElement.clientWidth + 1;
      const past = [...document.querySelectorAll('main button, main label, main h1, main h2, main h3, main p, main li, main select, main summary, dialog[open], dialog[open] *')]
        .filter((el) => el.getBoundingClientRect().right > edge && !el.closest('.table-scroll, .data-table-wrap, table'))
        .map((el) => `${el.tagName} ${el.textContent.trim().slice(0, 40)}`);
      const dialog = document.querySelector('dialog[open]');
      if (dialog && dialog.scrollWidth > dialog.clientWidth) past.push(`the dialog scrolls sideways by ${dialog.scrollWidth - dialog.clientWidth}px`);
      return past.slice(0, 5);
    });
    assert.deepEqual(wide, [], `elements past the edge (${where})`);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
  }
  await context.close();
}

test('at 320 px, every chart live, every table, source list and the embed dialog open: no language scrolls sideways, in the page fonts and in the widest test font', async () => {
  const probe = await ctx.browser.newPage();
  const widest = await widestTestFont(probe);
  await probe.close();
  for (const font of [null, widest]) {
    for (const code of ['en', 'de', 'nl', 'zh']) {
      await checkNoSidewaysScrolling(ctx.browser, code, font, `${code}${font ? `, every text in ${font}` : ''}`);
    }
  }
});

test('at 320 px with Latin fonts only (no CJK font on the machine), the same: no Latin-script language scrolls sideways', async () => {
  const browser = await launch({ fonts: 'latin' });
  try {
    for (const code of ['en', 'de', 'nl']) await checkNoSidewaysScrolling(browser, code, null, `${code}, Latin fonts only`);
  } finally {
    await browser.close();
  }
});
