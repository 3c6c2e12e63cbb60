// "Says who?": every figure quoted in the text is a link to where it comes from. With scripts a
// click, or Enter, opens its value, source and confidence beside it; without scripts the same
// link leads to the figure's row in its chapter's list. axe checks the page with a popover open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { suite } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const ctx = suite({ before, after });

// Each language: its page, and words the popover must show for chapter 1's first figure (China's
// 2015 exports by CAAM, 728,200, from Automotive News via eWorks, of medium confidence).
const LANGUAGES = [
  ['en', '/', ['728,200', 'Automotive News via eWorks', 'Medium', 'Checked on 2 Dec 2026']],
  ['de', '/de.html', ['728.200', 'Automotive News via eWorks', 'Mittel', 'Geprüft am 2. Dez. 2026']],
  ['nl', '/nl.html', ['728.200', 'Automotive News via eWorks', 'Middel', 'Gecontroleerd op 2 dec. 2026']],
  ['zh', '/zh.html', ['728,200', 'Automotive News via eWorks', '中', '2026年12月2日核查']],
];

async function openStory(path, options = {}) {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  await page.goto(`${ctx.server.origin}${path}`);
  return { page, context };
}

const firstQuote = (page) => page.locator('#overtaking .step a.quote').first();
const popover = (page) => page.locator('#quote-popover');

for (const [lang, path, words] of LANGUAGES) {
  test(`${lang}: a click on a figure in chapter 1 shows its value, source and confidence; Escape closes it; Enter opens it again`, async () => {
    const { page, context } = await openStory(path);
    const link = firstQuote(page);
    await link.scrollIntoViewIfNeeded();
    await link.click();
    await popover(page).waitFor({ state: 'visible' });
    const text = await popover(page).innerText();
    for (const word of words) assert.ok(text.includes(word), `${lang}: the popover says ${word}: ${text}`);
    assert.equal(await link.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.evaluate(() => location.hash), '', 'the page stays where the reader is');
    // The popover sits by the figure, not somewhere else on the screen.
    const [figure, box] = [await link.boundingBox(), await popover(page).boundingBox()];
    assert.ok(Math.abs(box.y - (figure.y + figure.height)) < 40 || Math.abs(box.y + box.height - figure.y) < 40, `beside the figure: ${JSON.stringify({ figure, box })}`);

    await page.keyboard.press('Escape');
    await popover(page).waitFor({ state: 'hidden' });
    assert.equal(await link.getAttribute('aria-expanded'), 'false');
    assert.ok(await link.evaluate((a) => a === document.activeElement), 'focus returns to the figure');

    await page.keyboard.press('Enter');
    await popover(page).waitFor({ state: 'visible' });
    assert.ok((await popover(page).innerText()).includes(words[0]));
    // A second press on the figure closes it rather than opening it again.
    await link.click();
    await popover(page).waitFor({ state: 'hidden' });
    await context.close();
  });
}

test('a worked-out figure shows its arithmetic and both sources', async () => {
  const { page, context } = await openStory('/');
  // Chapter 1's "5.9 times" its 2020 figure: 5,859,000 ÷ 995,000.
  const link = page.locator('#overtaking a.quote', { hasText: /^5\.9$/ });
  await link.scrollIntoViewIfNeeded();
  await link.click();
  const text = await popover(page).innerText();
  assert.ok(text.includes('5,859,000 ÷ 995,000 = 5.9'), text);
  assert.ok(text.includes("People's Daily"), text);
  await context.close();
});

test('without scripts each figure is a link to its row in the list of the chapter\'s figures', async () => {
  const { page, context } = await openStory('/', { javaScriptEnabled: false });
  const links = page.locator('#overtaking a.quote');
  const count = await links.count();
  assert.ok(count >= 10, `chapter 1 quotes ${count} figures`);
  for (let i = 0; i < count; i++) {
    const href = await links.nth(i).getAttribute('href');
    assert.match(href, /^#q-overtaking-/);
    const row = page.locator(`tr[id="${href.slice(1)}"]`);
    assert.equal(await row.count(), 1, `${href} has its row`);
    assert.ok((await row.locator('th').textContent()).length > 0);
  }
  // Following the link shows the folded list's row, on screen.
  const first = links.first();
  const target = (await first.getAttribute('href')).slice(1);
  const row = page.locator(`tr[id="${target}"]`);
  assert.equal(await row.isVisible(), false, 'the list is folded at first');
  await first.click();
  await row.waitFor({ state: 'visible' });
  assert.ok(await row.evaluate((tr) => {
    const box = tr.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  }), 'the row is on screen');
  await context.close();
});

test('every chapter\'s prose quotes its figures, and no number in it is typed', async () => {
  const { page, context } = await openStory('/', { javaScriptEnabled: false });
  // Digits in a chapter's paragraphs that are not inside a quote: years and dates only.
  const loose = await page.evaluate(() =>
    [...document.querySelectorAll('section.chapter p')]
      .filter((p) => !p.closest('.chart-frame, .guess'))
      .flatMap((p) => {
        const copy = p.cloneNode(true);
        copy.querySelectorAll('a.quote').forEach((a) => a.remove());
        return (copy.textContent.match(/\d[\d,.]*\d|\d/g) ?? []).filter((n) => !/^(19|20)\d\d$/.test(n) && !/^\d{1,2}$/.test(n));
      }),
  );
  assert.deepEqual(loose, [], 'numbers in the prose that are not quotes of the data');
  const chapters = await page.locator('section.chapter details.quoted-figures').count();
  assert.equal(chapters, await page.locator('section.chapter').count(), 'each chapter lists its figures');
  await context.close();
});

test('axe finds no violation with a figure\'s popover open, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await openStory(colorScheme === 'dark' ? '/?theme=dark' : '/', { bypassCSP: true, colorScheme });
    const link = firstQuote(page);
    await link.scrollIntoViewIfNeeded();
    await link.click();
    await popover(page).waitFor({ state: 'visible' });
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }),
    );
    const found = result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    assert.deepEqual(found, [], colorScheme);
    await context.close();
  }
});

test('revisions.xml is an Atom feed of the corrections, linked from the story', async () => {
  const response = await fetch(`${ctx.server.origin}/revisions.xml`);
  assert.equal(response.status, 200);
  const feed = await response.text();
  assert.ok(feed.startsWith('<?xml') && feed.includes('<feed xmlns="http://www.w3.org/2005/Atom"'));
  assert.ok(feed.includes('from 100,000 to 77,500'), 'the NEV 2020 correction');
  const { page, context } = await openStory('/');
  const feedLink = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
  assert.equal(new URL(feedLink, page.url()).pathname, '/revisions.xml');
  const notes = page.locator('[data-chart="nev-share"] .revisions li');
  assert.ok((await notes.allInnerTexts()).some((t) => t.startsWith('Revised 2 Dec 2026: New-energy vehicles (CAAM), 2020, from 100,000 to 77,500.')));
  await context.close();
});
