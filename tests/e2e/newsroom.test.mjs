// End to end: the ways newsrooms and publishing tools take a chart, and how crawlers find the
// story. A consumer that knows only a share page's address finds its oEmbed description and
// embeds the frame it gives; an embed page framed by its bare address (no query) goes live; an
// AMP host hears the frame's height; the image snippet's picture is the chart's; and the pages
// carry structured data, language alternates and a sitemap.
//
// oEmbed's frame and the sitemap carry absolute addresses, so the build is served at the address
// it was made for (`SITE`: the test command builds for a port of the loopback).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, openPage, waitForChart, DIST, MANIFEST, SITE, CHART_IDS } from './harness.mjs';
import { inkOf, pictureColours, pngSize } from './pictures.mjs';

const CHART = 'exports-vs-peers';
const langOf = (short) => MANIFEST.langs.find((l) => l.short === short);
const fileOf = (pattern, chart) => pattern.replace('{chart}', chart);

const ctx = {};
before(async () => {
  assert.ok(SITE, 'the test build is made for an address (SITE_URL)');
  const site = new URL(SITE);
  ctx.site = await serve(DIST, {}, { port: Number(site.port), prefix: site.pathname });
  // The host pages live on an origin of their own, as an article does.
  ctx.host = await serve(DIST, { '/article.html': { type: 'text/html; charset=utf-8', body: '<!doctype html><title>An article</title>' } });
  ctx.browser = await launch();
});
after(async () => {
  await ctx.browser?.close();
  await ctx.site?.close();
  await ctx.host?.close();
});

/** A host page on the host's origin with `body`, opened in a fresh context. */
async function openHost(body, options) {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>An article</title></head><body style="margin:0"><h1>An article</h1>${body}</body></html>`;
  const { page, context, problems } = await openPage(ctx.browser, `${ctx.host.origin}/article.html`, options);
  await page.setContent(html);
  return { page, context, problems };
}

/** The frame's height on the host and its content's height (the frame is on another origin). */
async function heights(page, selector) {
  const frame = await page.locator(selector).evaluate((f) => f.getBoundingClientRect().height);
  const content = await page.frameLocator(selector).locator('html').evaluate((h) => Math.ceil(h.getBoundingClientRect().height));
  return [frame, content];
}

/** Polls `check` until it holds (or fails after `timeout` ms with `what`). */
async function eventually(check, what, timeout = 15000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await check();
    if (last.ok) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`${what}: ${JSON.stringify(last)}`);
}

/** Waits until the frame's height on the host is its content's, and returns both. */
async function frameFits(page, selector) {
  const { frame, content } = await eventually(async () => {
    const [frame, content] = await heights(page, selector);
    return { ok: content > 300 && Math.abs(frame - content) <= 2, frame, content };
  }, 'the frame takes its content\'s height');
  return [frame, content];
}

for (const short of ['en', 'de']) {
  test(`a consumer given only the share page's address embeds the chart through oEmbed (${short})`, async () => {
    const lang = langOf(short);
    const share = new URL(fileOf(lang.share, CHART), SITE);
    const page = await (await fetch(share)).text();
    const link = page.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/);
    assert.ok(link, 'the share page names its oEmbed description');
    const response = await fetch(new URL(link[1].replace(/&amp;/g, '&'), share));
    assert.equal(response.status, 200);
    const oembed = await response.json();
    assert.equal(oembed.type, 'rich');
    assert.equal(oembed.version, '1.0');
    assert.ok(oembed.width > 0 && oembed.height > 0 && oembed.title && oembed.provider_name, JSON.stringify(oembed));
    assert.ok(oembed.cache_age > 0);
    // The thumbnail is the chart's card, in the build.
    assert.equal((await fetch(oembed.thumbnail_url)).status, 200, oembed.thumbnail_url);
    // The embed page the frame opens names the same description.
    const frameSrc = oembed.html.match(/<iframe[^>]* src="([^"]+)"/)[1].replace(/&amp;/g, '&');
    assert.equal(new URL(frameSrc).pathname, `/${fileOf(lang.embed, CHART)}`);
    const embedPage = await (await fetch(frameSrc)).text();
    assert.ok(embedPage.includes(`type="application/json+oembed" href="${new URL(link[1], share)}"`), 'the embed page links it too');

    // The host puts the html in its article, as WordPress or Ghost does, script and all.
    const { page: host, context, problems } = await openHost(`<div id="embed"></div>`);
    await host.evaluate((html) => {
      const box = document.getElementById('embed');
      box.innerHTML = html;
      // Scripts set through innerHTML do not run; a publishing tool re-creates them.
      for (const old of box.querySelectorAll('script')) {
        const script = document.createElement('script');
        script.textContent = old.textContent;
        old.replaceWith(script);
      }
    }, oembed.html);
    const [frame, content] = await frameFits(host, '#embed iframe');
    assert.ok(Math.abs(frame - content) <= 2, `the frame (${frame}px) is the chart's height (${content}px)`);
    assert.notEqual(Math.round(frame), oembed.height, 'it sized itself rather than keeping the height it was given');
    const inFrame = host.frameLocator('#embed iframe');
    assert.equal(await inFrame.locator('html').getAttribute('lang'), lang.code);
    assert.equal(await inFrame.locator(`[data-chart="${CHART}"]`).count(), 1);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
}

/** The first control of a chart that changes what it draws, and how to use it. */
async function useFirstControl(frame, id) {
  const chart = frame.locator(`[data-chart="${id}"]`);
  const radio = chart.locator('.chart-controls input[type=radio]:not(:checked)');
  if (await radio.count()) return radio.first().click();
  const toggle = chart.locator('.chart-controls button.toggle, button.toggle');
  if (await toggle.count()) return toggle.first().click();
  const range = chart.locator('input[type=range]');
  await range.first().focus();
  for (let i = 0; i < 5; i += 1) await range.first().press('ArrowRight');
}

/** What a live chart draws: its series' names and data, or null before it is live. */
function liveSeries(frame, id) {
  return frame.evaluate((chartId) => {
    const el = document.querySelector(`[data-chart="${chartId}"] .chart-canvas`);
    const chart = el && window.echarts?.getInstanceByDom(el);
    if (!chart || !el.querySelector('canvas')) return null;
    return JSON.stringify(chart.getOption().series.map((s) => [s.name, s.data, s.markLine?.data, s.markPoint?.data]));
  }, id);
}

for (const short of ['en', 'de']) {
  test(`every embed page framed by its bare address goes live, and a control changes its chart (${short})`, async () => {
    const lang = langOf(short);
    const frames = CHART_IDS.map((id) => `<iframe id="f-${id}" title="${id}" src="${SITE}${fileOf(lang.embed, id)}" width="640" height="720" style="border:0;display:block"></iframe>`);
    const { page, context, problems } = await openHost(frames.join(''), { width: 700, height: 900 });
    for (const id of CHART_IDS) {
      const element = page.locator(`#f-${id}`);
      await element.scrollIntoViewIfNeeded();
      const frame = await (await element.elementHandle()).contentFrame();
      await frame.locator(`[data-chart="${id}"]`).waitFor();
      const address = new URL(frame.url());
      assert.deepEqual([address.pathname, address.search], [`/${fileOf(lang.embed, id)}`, ''], `${id}: its own page, without a query`);
      assert.equal(await frame.evaluate(() => document.documentElement.classList.contains('embedded')), true, `${id}: an embed from the first paint`);
      // The reader's first move over the frame brings it to life.
      const box = await element.boundingBox();
      await page.mouse.move(box.x + 20, box.y + 20);
      await page.mouse.move(box.x + 40, box.y + 60);
      await frame.waitForFunction((chartId) => {
        const el = document.querySelector(`[data-chart="${chartId}"] .chart-canvas`);
        return el && window.echarts?.getInstanceByDom(el) && el.querySelector('canvas') && !el.querySelector('.static-picture');
      }, id, { timeout: 20000 });
      const before = await liveSeries(frame, id);
      await useFirstControl(frame, id);
      await frame.waitForFunction(
        ([chartId, was]) => {
          const el = document.querySelector(`[data-chart="${chartId}"] .chart-canvas`);
          const option = window.echarts.getInstanceByDom(el).getOption();
          return JSON.stringify(option.series.map((s) => [s.name, s.data, s.markLine?.data, s.markPoint?.data])) !== was;
        },
        [id, before],
        { timeout: 10000 },
      ).catch(() => assert.fail(`${id} (${short}): the control changed nothing in the chart`));
    }
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
}

test('an AMP host hears the embed\'s height, and again when it changes', async () => {
  const src = `${SITE}${fileOf(langOf('en').embed, CHART)}`;
  const { page, context } = await openHost(`<iframe id="amp" title="chart" src="${src}" width="640" height="300" style="border:0"></iframe>
    <script>
      window.amp = [];
      addEventListener('message', (e) => {
        if (e.data && e.data.sentinel === 'amp' && e.data.type === 'embed-size' && e.source === document.getElementById('amp').contentWindow) window.amp.push(e.data.height);
      });
    </script>`);
  const heard = async () => {
    const [, content] = await heights(page, '#amp');
    const last = await page.evaluate(() => window.amp.at(-1));
    return { ok: last === content, last, content };
  };
  const { content: first } = await eventually(heard, 'embed-size gives the frame content\'s height');
  // The reader opens the table: the content grows, and the host hears the new height.
  await page.frameLocator('#amp').locator(`[data-chart="${CHART}"] details.chart-table > summary`).click();
  await eventually(async () => {
    const now = await heard();
    return { ...now, ok: now.ok && now.content > first + 50 };
  }, 'embed-size follows the table opening');
  await context.close();
});

test('the image snippet is the chart\'s picture, sized for a column, and links to its share page', async () => {
  for (const short of ['en', 'de']) {
    const lang = langOf(short);
    const { page, context } = await openPage(ctx.browser, `${SITE}${lang.page === 'index.html' ? '' : lang.page}`);
    await waitForChart(page, CHART);
    const frame = page.locator(`[data-chart="${CHART}"]`);
    await frame.locator('.chart-actions button[aria-haspopup="dialog"]').first().click();
    const code = await frame.locator('.embed-dialog textarea').nth(1).inputValue();
    assert.doesNotMatch(code, /<script|<iframe/, 'no frame and no script: it works where neither does');
    const [, href, src, width, height, alt] = code.match(/<a href="([^"]+)"><img src="([^"]+)" width="(\d+)" height="(\d+)" alt="([^"]*)"/);
    assert.equal(new URL(src).pathname, `/${fileOf(lang.columnPicture, CHART)}`);
    const description = await frame.locator('.chart-canvas').getAttribute('aria-label');
    const unescaped = alt.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    assert.equal(unescaped, description, 'its alt is the chart\'s text alternative');
    assert.match(code, /<figcaption>[^<]+\. [^<]*(Source|Quelle)[^<]*<a href=/, 'a caption with the source line');
    // The picture is in the build, at twice the size it is shown, in the chart's colours.
    const png = await readFile(join(DIST, fileOf(lang.columnPicture, CHART)));
    assert.deepEqual(pngSize(png), [Number(width) * 2, Number(height) * 2]);
    const storyHtml = await readFile(join(DIST, lang.page), 'utf8');
    const colours = pictureColours(storyHtml, CHART);
    const { inked, near } = await inkOf(page, src, colours);
    assert.ok(inked > 0.02, `not blank (${(inked * 100).toFixed(1)}% inked)`);
    assert.ok(Math.max(...near) > 400, `drawn in the chart's colours ${colours} (${near})`);
    // The link opens the share page, which leads into the story at the chart.
    await page.goto(href.replace(/&amp;/g, '&'));
    await page.waitForURL(new RegExp(`#${CHART}-title$`));
    assert.equal(await page.locator('html').getAttribute('lang'), lang.code);
    await context.close();
  }
});

test('each story page carries a NewsArticle and its Dataset as structured data, and the data\'s page every source', async () => {
  for (const lang of MANIFEST.langs) {
    const html = await readFile(join(DIST, lang.page), 'utf8');
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    assert.equal(blocks.length, 1, lang.page);
    const graph = JSON.parse(blocks[0][1])['@graph'];
    const article = graph.find((n) => n['@type'] === 'NewsArticle');
    const dataset = graph.find((n) => n['@type'] === 'Dataset');
    for (const key of ['headline', 'description', 'inLanguage', 'datePublished', 'dateModified', 'image', 'publisher', 'author']) {
      assert.ok(article[key], `${lang.page}: NewsArticle.${key}`);
    }
    assert.equal(article.inLanguage, lang.code);
    assert.equal(html.match(/<title>([^<]+)<\/title>/)[1].replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&'), article.headline);
    assert.match(article.dateModified, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(article.datePublished <= article.dateModified);
    assert.equal(article.isBasedOn['@id'], dataset['@id']);
    assert.equal(dataset.license, 'https://creativecommons.org/licenses/by/4.0/');
    assert.match(dataset.temporalCoverage, /^\d{4}\/\d{4}-\d{2}$/);
    // Every file of the data package it names is served.
    assert.ok(dataset.distribution.some((d) => d.contentUrl.endsWith('.csv')) && dataset.distribution.some((d) => d.contentUrl.endsWith('datapackage.json')));
    for (const file of dataset.distribution) assert.equal((await fetch(file.contentUrl)).status, 200, file.contentUrl);
    // Its landing page describes the same Dataset, with every source the figures come from.
    const landing = await (await fetch(dataset.url)).text();
    const node = JSON.parse(landing.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)[1])['@graph'][0];
    assert.equal(node['@id'], dataset['@id']);
    assert.deepEqual(node.distribution, dataset.distribution);
    const sources = JSON.parse(await readFile(join(DIST, 'data/datapackage.json'), 'utf8')).sources.filter((s) => s.path).map((s) => s.path);
    assert.deepEqual([...node.isBasedOn].sort(), [...new Set(sources)].sort(), 'isBasedOn: every source with an address');
    for (const url of node.isBasedOn.slice(0, 3)) assert.ok(landing.includes(`href="${url.replace(/&/g, '&amp;')}"`), `the page links ${url}`);
    assert.equal((await fetch(article.image[0])).status, 200, article.image[0]);
  }
});

/** The page's canonical address and its language alternates, resolved against `base`. */
function alternatesOf(html, base) {
  const canonical = html.match(/<link rel="canonical" href="([^"]+)"/)?.[1];
  const langs = Object.fromEntries([...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map(([, code, href]) => [code, new URL(href, base).href]));
  return { canonical: canonical && new URL(canonical, base).href, langs };
}

test('story, embed and share pages name their canonical address and their versions in the other languages', async () => {
  const kinds = [['story', (l) => (l.page === 'index.html' ? '' : l.page), (l) => l.page], ['embed', (l) => fileOf(l.embed, CHART), (l) => fileOf(l.embed, CHART)], ['share', (l) => fileOf(l.share, CHART), (l) => (fileOf(l.share, CHART).endsWith('/') ? `${fileOf(l.share, CHART)}index.html` : fileOf(l.share, CHART))]];
  for (const [kind, address, file] of kinds) {
    for (const lang of MANIFEST.langs) {
      const html = await readFile(join(DIST, file(lang)), 'utf8');
      const here = new URL(address(lang), SITE).href;
      const { canonical, langs } = alternatesOf(html, here);
      assert.equal(canonical, here, `${kind} ${lang.short}: canonical`);
      assert.deepEqual(Object.keys(langs).sort(), [...MANIFEST.langs.map((l) => l.code), 'x-default'].sort(), `${kind} ${lang.short}`);
      for (const other of MANIFEST.langs) assert.equal(langs[other.code], new URL(address(other), SITE).href, `${kind} ${lang.short} -> ${other.short}`);
      assert.equal(langs['x-default'], new URL(address(MANIFEST.langs[0]), SITE).href);
    }
  }
});

test('the sitemap lists every story and share page and the data\'s page, and robots.txt names it', async () => {
  const robots = await (await fetch(new URL(MANIFEST.robots, SITE))).text();
  const sitemapUrl = robots.match(/^Sitemap: (\S+)$/m)?.[1];
  assert.equal(sitemapUrl, new URL(MANIFEST.sitemap, SITE).href);
  const response = await fetch(sitemapUrl);
  assert.equal(response.status, 200);
  const xml = await response.text();
  const entries = [...xml.matchAll(/<url><loc>([^<]+)<\/loc><lastmod>(\d{4}-\d{2}-\d{2})<\/lastmod><\/url>/g)].map((m) => m[1]);
  const wanted = MANIFEST.langs.flatMap((l) => [new URL(l.page === 'index.html' ? '' : l.page, SITE).href, ...CHART_IDS.map((id) => new URL(fileOf(l.share, id), SITE).href)]);
  for (const l of MANIFEST.langs) {
    for (const [id, keys] of Object.entries(MANIFEST.sharedViews)) {
      for (const key of keys) wanted.push(new URL(fileOf(l.share, id).replace(/^(charts\/[^/]+\/)/, `$1${key}/`), SITE).href);
    }
  }
  wanted.push(new URL('data/', SITE).href);
  assert.deepEqual([...entries].sort(), [...wanted].sort());
  for (const url of entries) assert.equal((await fetch(url)).status, 200, url);
});

test('a view reached with the toggles has its own share page and card, which show that view', async () => {
  const lang = langOf('en');
  const { page, context } = await openPage(ctx.browser, `${SITE}?count=customs&peers=japan`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(SITE).origin });
  // The prerendered frame is swapped for the live one as the chart wakes: wait for the live one.
  await waitForChart(page, CHART);
  const chart = page.locator(`[data-chart="${CHART}"]`);
  // Each drawn series' colour, by name.
  const colours = await page.evaluate((id) => {
    const option = window.echarts.getInstanceByDom(document.querySelector(`[data-chart="${id}"] .chart-canvas`)).getOption();
    return Object.fromEntries(option.series.map((s) => [s.name, (s.lineStyle?.color ?? s.itemStyle?.color ?? '').replace('#', '')]));
  }, CHART);
  assert.deepEqual(Object.keys(colours), ['China (customs)', 'Japan (JAMA)']);
  await chart.locator('.chart-actions button', { hasText: 'Copy link' }).click();
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.length > 0));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, new URL(`charts/${CHART}/count-customs_peers-japan/`, SITE).href);
  const html = await (await fetch(link)).text();
  const image = html.match(/<meta property="og:image" content="([^"]+)"/)[1];
  assert.equal(new URL(image).pathname, `/cards/${CHART}/count-customs_peers-japan-en.png`);
  assert.match(html, /<meta property="og:image:alt" content="[^"]*customs/i, 'the card\'s alt describes the view');
  assert.deepEqual(pngSize(Buffer.from(await (await fetch(image)).arrayBuffer())), [1200, 630]);
  // The card is drawn in the view's colours, and without the peers it hides.
  const storyHtml = await readFile(join(DIST, lang.page), 'utf8');
  const all = pictureColours(storyHtml, CHART);
  const shown = Object.values(colours);
  const hidden = all.filter((c) => !shown.includes(c));
  assert.ok(hidden.length >= 2, `the default view has colours this view hides (${all} vs ${shown})`);
  const { near } = await inkOf(page, image, [...shown, ...hidden]);
  assert.ok(near[1] > 400, `Japan's line is on the card (${near})`);
  for (let k = shown.length; k < near.length; k += 1) assert.ok(near[k] < 60, `no line of a hidden peer (${hidden[k - shown.length]}: ${near[k]} pixels)`);
  // The page leads into the story in that view.
  await page.goto(link);
  await page.waitForURL(/\?chapter=overtaking&count=customs&peers=japan#exports-vs-peers-title$/);
  await context.close();
});
